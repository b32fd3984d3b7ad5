/**
 * The composition root: the app's state (the workspace store, the class run, the notices —
 * made here and handed down through the app context), the restore and autosave, the analysis
 * client (built once here and disposed on cleanup), the tabs and the banner.
 */
import { For, Match, Show, Suspense, Switch, createEffect, createMemo, createSignal, lazy, on, onCleanup, onMount } from 'solid-js';
import { unwrap } from 'solid-js/store';
import './highs';
import './app.css';
import { TABS, type Tab, freshWorkspace } from '../state/workspace';
import { AppProvider, createAppState, useNotices, usePlay, useWorkspace } from '../state/context';
import type { ScenarioDraft } from '../state/draft';
import { loadSaved, save, setAside } from '../state/persist';
import type { Notify } from '../state/notices';
import { readWorkspaceRecord, type WorkspaceRecord } from '../state/workspaceRecord';
import { decodeScenarioLink, encodeScenarioLink } from '../state/share';
import { parseRoomRoute } from '../state/room';
import { BUILTINS, formatProblem, parseScenario } from '../../models/scenario/index';
import { EditView } from '../views/edit/EditView';
import { CompareView } from '../views/compare/CompareView';
import { CompareAnalysis } from '../views/compare/CompareAnalysis';
import { RunCompare } from '../views/compare/RunCompare';
import { AnalyseView } from '../views/analyse/AnalyseView';
import { PlayView } from '../views/play/PlayView';
import { createLiveAnalysis, type LiveAnalysis } from '../state/analysis';
import { download, readFileText } from './files';
import { FileButton } from '../ui/FileButton';
import { coreFrame } from '../views/analyse/coreFrame';
import type { GraphFrame } from '../../models/graph/index';

const CoalitionGraph = lazy(() => import('../graph/CoalitionGraph'));

const SAVE_KEY = 'workspace';

/** The room's screens (a class on its own devices), fetched only when a room route is opened. */
const RoomApp = lazy(() => import('../views/room/RoomApp'));

export function App() {
  // `#room/CODE`, `#teach/CODE` and `#projector/CODE/KEY` open the room's screens; anything else is the app.
  const [hash, setHash] = createSignal(location.hash);
  const onHash = () => setHash(location.hash);
  addEventListener('hashchange', onHash);
  onCleanup(() => removeEventListener('hashchange', onHash));
  const route = createMemo(() => parseRoomRoute(hash()));
  return (
    <Show
      when={route()}
      fallback={
        <AppProvider state={createAppState()}>
          <Shell />
        </AppProvider>
      }
    >
      {(r) => (
        <Suspense fallback={<p class="loading">Opening the room…</p>}>
          <RoomApp route={r()} />
        </Suspense>
      )}
    </Show>
  );
}

/** Read back the saved workspace: checked, and set aside with a notice when it is refused (the app then starts afresh). */
async function restore(notify: Notify): Promise<Extract<WorkspaceRecord, { ok: true }> | undefined> {
  const saved = await loadSaved(SAVE_KEY);
  if (saved.status === 'unreadable') notify('error', 'The saved workspace could not be read, so a fresh one was opened.', [saved.message]);
  if (saved.status !== 'found') return undefined;
  const r = readWorkspaceRecord(saved.value);
  if (r.ok) return r;
  const kept = await setAside(SAVE_KEY, saved.value);
  notify('error', 'The saved workspace could not be restored, so a fresh one was opened.', [
    ...r.problems.map(formatProblem).slice(0, 10),
    kept.ok ? `The saved record is kept in this browser's storage, as “${kept.key}”.` : kept.message,
  ]);
  return undefined;
}

function Shell() {
  const w = useWorkspace();
  const p = usePlay();
  const { notices, notify, dismiss } = useNotices();
  const [ready, setReady] = createSignal(false);
  const live = createLiveAnalysis(w, notify, () => w.ws.prefs.tab === 'analyse');
  const [saveState, setSaveState] = createSignal<'saved' | 'saving' | 'error'>('saved');

  onMount(async () => {
    const link = await decodeScenarioLink(location.hash);
    const restored = await restore(notify);
    if (restored) w.replace(restored.data);
    if (link.ok === true) {
      const r = await parseScenario(link.json);
      if (r.ok) {
        // The link's scenario has passed the parse, so it is a draft as it stands.
        w.loadDoc(JSON.parse(link.json) as ScenarioDraft, 'link');
        notify('info', `Opened the shared scenario “${r.scenario.title}”.`);
      } else notify('error', 'The shared link holds an invalid scenario. Nothing was loaded.', r.problems.map(formatProblem));
      history.replaceState(null, '', location.pathname + location.search);
    } else if (link.ok === false) {
      notify('error', 'The shared link could not be opened. Nothing was loaded.', link.problems.map(formatProblem));
      history.replaceState(null, '', location.pathname + location.search);
    }
    // A scenario opened from a link replaces the saved run.
    p.adopt(w.ws.run ? (restored?.session ?? null) : null);
    setReady(true);
  });

  // Autosave: every change to the workspace is written shortly after it happens.
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = async () => {
    clearTimeout(timer);
    timer = undefined;
    const r = await save(SAVE_KEY, unwrap(w.ws));
    setSaveState(r.ok ? 'saved' : 'error');
    if (!r.ok) notify('error', r.message);
  };
  createEffect(
    on(
      () => w.revision(),
      () => {
        if (!ready()) return;
        setSaveState('saving');
        clearTimeout(timer);
        timer = setTimeout(flush, 150);
      },
    ),
  );
  const onHide = () => {
    if (timer) void flush();
  };
  addEventListener('pagehide', onHide);
  document.addEventListener('visibilitychange', onHide);
  onCleanup(() => {
    removeEventListener('pagehide', onHide);
    document.removeEventListener('visibilitychange', onHide);
  });

  createEffect(() => document.documentElement.classList.toggle('large-text', w.ws.prefs.largeText));

  const setTab = (t: Tab) => w.setWs('prefs', 'tab', t);
  const onTabKey = (e: KeyboardEvent) => {
    const i = TABS.findIndex((t) => t.id === w.ws.prefs.tab);
    const k = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!k) return;
    e.preventDefault();
    const t = TABS[(i + k + TABS.length) % TABS.length]!;
    setTab(t.id);
    document.getElementById(`tab-${t.id}`)?.focus();
  };

  const importFile = async (file: File) => {
    const read = await readFileText(file);
    if (!read.ok) return notify('error', read.message);
    const r = await parseScenario(read.text);
    if (!r.ok) return notify('error', `${file.name} is not a valid scenario. Nothing was changed.`, r.problems.map(formatProblem));
    // The file has passed the parse, so it is a draft as it stands.
    w.loadDoc(JSON.parse(read.text) as ScenarioDraft, `file:${file.name}`);
    notify('info', `Imported “${r.scenario.title}” from ${file.name}.`);
  };
  const exportJson = () => download(`${w.ws.scenarioDoc.id ?? 'scenario'}.json`, JSON.stringify(w.ws.scenarioDoc, null, 2), 'application/json');
  const share = async () => {
    const url = await encodeScenarioLink(JSON.stringify(w.ws.scenarioDoc), location.origin + location.pathname);
    try {
      await navigator.clipboard.writeText(url);
      notify('info', 'A link to this scenario is on the clipboard.', [`${url.length.toLocaleString('en-GB')} characters`]);
    } catch {
      notify('info', 'Copy this link to share the scenario:', [url]);
    }
  };

  return (
    <div class="app">
      <header class="topbar">
        <h1>Coreplay</h1>
        <span class="scenario-title">{String(w.ws.scenarioDoc.title ?? '')}</span>
        <div class="toolbar" role="toolbar" aria-label="Scenario">
          <label>
            <span class="visually-hidden">Built-in scenario</span>
            <select
              aria-label="Built-in scenario"
              value={w.ws.source in BUILTINS ? w.ws.source : ''}
              onChange={(e) => {
                const name = e.currentTarget.value;
                if (name) w.replace({ ...freshWorkspace(name), prefs: { ...w.ws.prefs } });
              }}
            >
              <option value="" disabled>
                Open a built-in…
              </option>
              <For each={Object.entries(BUILTINS)}>{([k, b]) => <option value={k}>{b.title}</option>}</For>
            </select>
          </label>
          <FileButton
            label="Import…"
            inputLabel="Import a scenario file"
            testid="import-file"
            accept=".json,application/json"
            onFile={(f) => void importFile(f)}
          />
          <button type="button" onClick={exportJson}>
            Export JSON
          </button>
          <button type="button" onClick={() => void share()}>
            Share link
          </button>
          <button type="button" aria-pressed={w.ws.prefs.largeText} onClick={() => w.setWs('prefs', 'largeText', (x) => !x)}>
            Large text
          </button>
          <span class={`save-state ${saveState()}`} aria-live="polite">
            {saveState() === 'saved' ? 'Saved' : saveState() === 'saving' ? 'Saving…' : 'Not saved'}
          </span>
        </div>
      </header>

      <div class="banner" aria-live="assertive">
        <For each={notices()}>
          {(n) => (
            <div class={`notice ${n.kind}`} role={n.kind === 'error' ? 'alert' : 'status'} data-notice={n.kind}>
              <strong>{n.title}</strong>
              <Show when={n.lines.length}>
                <ul>
                  <For each={n.lines}>{(l) => <li>{l}</li>}</For>
                </ul>
              </Show>
              <button type="button" class="dismiss" aria-label="Dismiss" onClick={() => dismiss(n.id)}>
                ×
              </button>
            </div>
          )}
        </For>
      </div>

      <div class="tabs" role="tablist" aria-label="Views" onKeyDown={onTabKey}>
        <For each={TABS}>
          {(t) => (
            <button
              id={`tab-${t.id}`}
              role="tab"
              type="button"
              aria-selected={w.ws.prefs.tab === t.id}
              aria-controls={`panel-${t.id}`}
              tabIndex={w.ws.prefs.tab === t.id ? 0 : -1}
              onClick={() => setTab(t.id)}
            >
              {t.label}
            </button>
          )}
        </For>
      </div>

      <Show when={ready()} fallback={<p class="loading">Loading your workspace…</p>}>
        <main id={`panel-${w.ws.prefs.tab}`} role="tabpanel" aria-labelledby={`tab-${w.ws.prefs.tab}`} class="panel">
          <Switch>
            <Match when={w.ws.prefs.tab === 'edit'}>
              <EditView live={<LiveSummary live={live} />} />
            </Match>
            <Match when={w.ws.prefs.tab === 'analyse'}>
              <AnalyseView live={live} />
            </Match>
            <Match when={w.ws.prefs.tab === 'compare'}>
              <CompareView
                extra={(sides) => (
                  <>
                    <CompareAnalysis left={sides.left} right={sides.right} />
                    <RunCompare />
                  </>
                )}
              />
            </Match>
            <Match when={true}>
              <PlayView live={live} />
            </Match>
          </Switch>
        </main>
      </Show>
    </div>
  );
}

function LiveSummary(props: { live: LiveAnalysis }) {
  const w = useWorkspace();
  const r = () => {
    const x = props.live.result();
    return x?.status === 'ok' ? x.readings[0] : undefined;
  };
  // While the scenario has a problem, the last valid one names the actors and the graph stays up.
  const lastValid = createMemo<ReturnType<typeof w.scenario>>((prev) => w.scenario() ?? prev);
  const name = (id: string) => lastValid()?.actors.find((a) => a.id === id)?.short ?? id;
  // The graph follows every edit at once (sizes, utilities) and the coalitions when the analysis is back.
  const frames = createMemo<GraphFrame[]>((prev) => {
    const s = w.scenario();
    const rd = r();
    if (!s) return prev;
    return rd && rd.actors.every((id) => s.actors.some((a) => a.id === id)) ? [coreFrame(s, rd, 'Status quo')] : prev;
  }, []);
  return (
    <div>
      <h2>Live analysis</h2>
      <p aria-live="polite">{props.live.busy() ? 'Analysing…' : ' '}</p>
      <Show when={r()} fallback={<p class="muted">Waiting for a valid scenario…</p>}>
        {(x) => (
          <>
            <p>
              Common core:{' '}
              <strong data-testid="live-core" class={x().nonEmpty ? 'yes' : 'no'}>
                {x().nonEmpty ? 'exists' : 'empty'}
              </strong>
            </p>
            <Show when={!x().nonEmpty}>
              <p>Smallest exits that would open one:</p>
              <ul data-testid="live-exits">
                <For each={x().minimalExitSets}>{(e) => <li>{`{${e.map(name).join(', ')}}`}</li>}</For>
              </ul>
            </Show>
          </>
        )}
      </Show>
      <Show when={frames().length}>
        <Suspense fallback={<p>Loading the graph…</p>}>
          <CoalitionGraph
            compact
            frames={frames()}
            frame={0}
            onFrame={() => undefined}
            title="Coalitions at the status quo"
            height={360}
            fileStem="coreplay-edit-graph"
          />
        </Suspense>
      </Show>
    </div>
  );
}
