/**
 * The composition root: the app's state (the workspace store, the class run, the notices —
 * made here and handed down through the app context), the restore and autosave, the analysis
 * client (built once here and disposed on cleanup), the tabs and the banner.
 */
import { For, Match, Show, Suspense, Switch, createEffect, createMemo, createSignal, lazy, on, onCleanup, onMount } from 'solid-js';
import { unwrap } from 'solid-js/store';
import './highs';
import './app.css';
import { TABS, type Tab, type WorkspaceData, describeWork, docWorkspace, freshWorkspace, holdsWork } from '../state/workspace';
import { AppProvider, createAppState, useNotices, usePlay, useWorkspace } from '../state/context';
import type { ScenarioDraft } from '../state/draft';
import { browserStore, loadSaved, openStore, save, setAside } from '../state/persist';
import { RECENT_CAP, keepRecent, listRecent, type RecentItem } from '../state/recent';
import { createTabGuard } from '../state/tabGuard';
import type { Session } from '../../models/machines/index';
import { type Ask, ConfirmDialog } from '../views/recent/ConfirmDialog';
import { RecentList } from '../views/recent/RecentList';
import { Welcome } from '../views/welcome/Welcome';
import { GlossaryDialog } from '../ui/Glossary';
import type { Notify } from '../state/notices';
import { readWorkspaceRecord, type WorkspaceRecord } from '../state/workspaceRecord';
import { LINK_PREFIX, decodeScenarioLink, encodeScenarioLink } from '../state/share';
import { parseRoomRoute } from '../state/room';
import { BUILTINS, formatProblem, parseScenario, problemInWords, type Problem } from '../../models/scenario/index';
import { PlayView } from '../views/play/PlayView';
import { createLiveAnalysis } from '../state/analysis';
import { WORKSPACE_OPEN_MARK } from '../state/measures';
import { dropFirstScreen, rememberSaved } from '../state/firstScreen';
import { download, readFileText } from './files';
import { FileButton } from '../ui/FileButton';
import { LiveSummary } from '../views/analyse/LiveSummary';

// The views other than Play load with their tab (and once the page is idle, see main.tsx), so the
// page's first script holds only what the first screen needs.
const EditView = lazy(() => import('../views/edit/EditView').then((m) => ({ default: m.EditView })));
const AnalyseView = lazy(() => import('../views/analyse/AnalyseView').then((m) => ({ default: m.AnalyseView })));
const CompareTab = lazy(() => import('../views/compare/CompareTab'));

const SAVE_KEY = 'workspace';
/** The Web Lock and the BroadcastChannel by which the app's tabs share the one workspace (tabGuard.ts). */
const TAB_LOCK = 'coreplay-workspace';

/** The room's screens (a class on its own devices), fetched only when a room route is opened. */
const RoomApp = lazy(() => import('../views/room/RoomApp'));

/**
 * The coalition graph's code (Cytoscape) and, for the app, the other tabs' views are fetched and
 * evaluated once the screen is open and the page is idle, so the first view that shows them does
 * not wait in the middle of a round. Not sooner: evaluating them holds the page's thread for a
 * while, and the saved workspace would be read back that much later.
 */
function prefetchViews(tabs: boolean) {
  const prefetch = () => {
    void import('../graph/CoalitionGraph');
    if (!tabs) return;
    void import('../views/edit/EditView');
    void import('../views/analyse/AnalyseView');
    void import('../views/compare/CompareTab');
  };
  if ('requestIdleCallback' in window) requestIdleCallback(prefetch, { timeout: 4000 });
  else setTimeout(prefetch, 2000);
}

export function App() {
  // `#room/CODE`, `#teach/CODE` and `#projector/CODE/KEY` open the room's screens; anything else is the app.
  const [hash, setHash] = createSignal(location.hash);
  const onHash = () => setHash(location.hash);
  addEventListener('hashchange', onHash);
  onCleanup(() => removeEventListener('hashchange', onHash));
  const route = createMemo(() => parseRoomRoute(hash()));
  // A room's screens (the projector and the teacher draw the graph) are open once their own code
  // is in; the app's once its workspace is (Shell).
  onMount(() => {
    if (route()) prefetchViews(false);
  });
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

/** A scenario text's problems in the scenario's own words, each with its path (formatted as before when the text is not JSON). */
function inWords(text: string, problems: readonly Problem[]): string[] {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return problems.map(formatProblem);
  }
  return problems.map((p) => (p.path ? `${problemInWords(doc, p)} (${p.path})` : formatProblem(p)));
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

  const [ask, setAsk] = createSignal<Ask>();
  const [showRecent, setShowRecent] = createSignal(false);
  /** The first screen: open on a first visit (nothing saved) and from the header's About. */
  const [welcome, setWelcome] = createSignal(false);
  // Once a run starts the class screen is for the run: the first screen folds away (About reopens it).
  createEffect(
    on(
      () => p.session(),
      (s, prev) => s && !prev && setWelcome(false),
      { defer: true },
    ),
  );
  const [handedOver, setHandedOver] = createSignal(false);

  /** The saved workspace, read back for a tab that shows it read-only or is taking it over. */
  const reread = async () => {
    const saved = await loadSaved(SAVE_KEY);
    if (saved.status !== 'found') return;
    const r = readWorkspaceRecord(saved.value);
    if (!r.ok) {
      notify('error', 'The workspace saved by the other tab could not be read back.', r.problems.map(formatProblem).slice(0, 10));
      return;
    }
    w.replace({ ...r.data, prefs: { ...w.ws.prefs } });
    savedRun = runMark();
    p.adopt(r.session);
  };

  const guard = createTabGuard({
    locks: typeof navigator === 'undefined' ? undefined : navigator.locks,
    channel: typeof BroadcastChannel === 'function' ? new BroadcastChannel(TAB_LOCK) : undefined,
    lockName: TAB_LOCK,
    settleMs: 1000,
    handOverMs: 5000,
    beforeHandOver: () => flush(true),
    afterTakeOver: reread,
    onPeerSaved: () => void reread(),
    onHandedOver: () => setHandedOver(true),
  });
  onCleanup(guard.dispose);
  // The lock and the storage are asked for now, not after the first render: the browser answers
  // while the page renders, so the saved workspace is read back that much sooner.
  const started = guard.start();
  openStore();
  const readOnly = () => guard.role() !== 'editor';
  /** What the header says of the workspace: "Opening…" until the saved one is read back, so "Saved" is never said over the default. */
  const shownSave = () => (guard.role() === 'viewer' ? 'read-only' : guard.role() === 'checking' || !ready() ? 'opening' : saveState());

  const takeOver = async () => {
    if (await guard.takeOver()) {
      setHandedOver(false);
      notify('info', 'This tab now edits the workspace.');
    } else notify('error', 'The other tab did not hand the workspace over.', ['Reload or close the other tab, then try again.']);
  };

  onMount(async () => {
    // The lock first: a page reloaded right after a change reads the workspace only once the page before it has let go (and written it).
    await started;
    const restored = await restore(notify);
    if (!restored) setWelcome(true);
    else rememberSaved();
    if (restored) {
      w.replace(restored.data);
      p.adopt(restored.session);
    }
    savedRun = runMark();
    setReady(true);
    requestAnimationFrame(() => {
      // The app's screen replaces index.html's static first screen in this frame.
      dropFirstScreen();
      performance.mark(WORKSPACE_OPEN_MARK);
      prefetchViews(true);
    });
    if (location.hash.startsWith(LINK_PREFIX)) await openLink(location.hash);
  });
  // A share link pasted into this page's address bar opens without a reload.
  const onLinkHash = () => {
    if (ready() && location.hash.startsWith(LINK_PREFIX)) void openLink(location.hash);
  };
  addEventListener('hashchange', onLinkHash);
  onCleanup(() => removeEventListener('hashchange', onLinkHash));

  // Autosave: every change to the workspace is written shortly after it happens; a change to the
  // run at once, since the screen acknowledges a move as soon as it is made.
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** The run's event list as last saved (a store merges a new run into the old object, so the list is what changes). */
  const runMark = () => {
    const events = unwrap(w.ws).run?.events;
    return events ? `${events.length} ${events.length ? JSON.stringify(events[events.length - 1]) : ''}` : null;
  };
  let savedRun: string | null | undefined;
  /** Write the workspace; only the tab that edits it writes, unless it is handing it over (`force`). */
  const flush = async (force = false) => {
    clearTimeout(timer);
    timer = undefined;
    if (!force && readOnly()) return;
    const data = unwrap(w.ws);
    savedRun = runMark();
    const r = await save(SAVE_KEY, data);
    setSaveState(r.ok ? 'saved' : 'error');
    if (!r.ok) notify('error', r.message);
    else {
      rememberSaved();
      guard.announceSaved();
    }
  };
  createEffect(
    on(
      () => w.revision(),
      () => {
        if (!ready() || readOnly()) return;
        setSaveState('saving');
        if (runMark() !== savedRun) return void flush();
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

  const titleOf = (data: WorkspaceData) => String(data.scenarioDoc.title ?? 'Untitled scenario');

  /** Ask before the workspace is replaced, when it holds something a person made; true when they agreed (or there was nothing to ask). */
  const confirmReplace = (what: string, cancel = 'Cancel'): Promise<boolean> => {
    const cur = unwrap(w.ws);
    if (!holdsWork(cur)) return Promise.resolve(true);
    ask()?.onCancel();
    return new Promise((resolve) => {
      const done = (yes: boolean) => {
        setAsk(undefined);
        resolve(yes);
      };
      setAsk({
        title: `Open ${what}?`,
        lines: [
          `Your workspace “${titleOf(cur)}” holds ${describeWork(cur)}. Opening ${what} replaces it here.`,
          'Your workspace is kept under Recent workspaces, where you can open it again.',
        ],
        confirm: `Open ${what}`,
        cancel,
        onConfirm: () => done(true),
        onCancel: () => done(false),
      });
    });
  };

  /**
   * Replace the workspace (and the run with it), keeping the current one under Recent workspaces
   * first when it holds anything; when it cannot be kept, nothing is replaced.
   */
  const replaceWorkspace = async (next: WorkspaceData, session: Session | null, reason: string): Promise<boolean> => {
    const cur = JSON.parse(JSON.stringify(unwrap(w.ws))) as WorkspaceData;
    // "Saving…" until the replacement is stored, so nobody reads "Saved" over the old workspace meanwhile.
    setSaveState('saving');
    if (holdsWork(cur)) {
      const kept = await keepRecent(browserStore, cur, reason, new Date());
      if (!kept.ok) {
        notify('error', 'Your workspace could not be kept, so nothing was replaced.', [kept.message]);
        setSaveState('saved');
        return false;
      }
    }
    w.replace({ ...next, prefs: { ...w.ws.prefs } });
    p.adopt(session);
    await flush();
    return true;
  };

  const openLink = async (hash: string) => {
    const link = await decodeScenarioLink(hash);
    if (link.ok === 'none') return;
    history.replaceState(null, '', location.pathname + location.search);
    if (link.ok === false) return notify('error', 'The shared link could not be opened. Nothing was loaded.', link.problems.map(formatProblem));
    const r = await parseScenario(link.json);
    if (!r.ok) return notify('error', 'The shared link holds an invalid scenario. Nothing was loaded.', inWords(link.json, r.problems));
    // The link's scenario has passed the parse, so it is a draft as it stands.
    const next = docWorkspace(JSON.parse(link.json) as ScenarioDraft, 'link');
    const what = `the shared scenario “${r.scenario.title}”`;
    const keepLink = async (why: string, said: string) => {
      const kept = await keepRecent(browserStore, next, why, new Date());
      if (kept.ok) notify('info', said);
      else notify('error', `${what[0]!.toUpperCase()}${what.slice(1)} could not be kept.`, [kept.message]);
    };
    if (readOnly())
      return keepLink(
        'opened from a link while the workspace was open in another tab',
        `This workspace is open in another tab, so ${what} was put under Recent workspaces.`,
      );
    if (!(await confirmReplace(what, 'Keep my workspace')))
      return keepLink('opened from a link, not opened over your workspace', `Your workspace stays; ${what} is kept under Recent workspaces.`);
    if (await replaceWorkspace(next, null, `replaced by ${what}`)) notify('info', `Opened the shared scenario “${r.scenario.title}”.`);
  };

  const pickBuiltin = async (name: string, select: HTMLSelectElement) => {
    const title = BUILTINS[name]?.title ?? name;
    const done = (await confirmReplace(`“${title}”`)) && (await replaceWorkspace(freshWorkspace(name), null, `replaced by “${title}”`));
    // Declined or not possible: the picker shows the workspace's scenario again.
    if (!done) select.value = w.ws.source in BUILTINS ? w.ws.source : '';
  };

  const openRecent = async (item: Extract<RecentItem, { ok: true }>) => {
    if (!(await confirmReplace(`“${item.title}” from Recent workspaces`))) return;
    if (!(await replaceWorkspace(item.data, item.session, `replaced by “${item.title}” from Recent workspaces`))) return;
    // It is the workspace now (and saved as such), so the list does not hold it twice.
    await browserStore.remove(item.key);
    setShowRecent(false);
    notify('info', `Opened “${item.title}” from Recent workspaces.`);
  };

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
    if (!r.ok) return notify('error', `${file.name} is not a valid scenario. Nothing was changed.`, inWords(read.text, r.problems));
    // The file has passed the parse, so it is a draft as it stands.
    const next = docWorkspace(JSON.parse(read.text) as ScenarioDraft, `file:${file.name}`);
    const what = `“${r.scenario.title}” from ${file.name}`;
    if (!(await confirmReplace(what))) return;
    if (await replaceWorkspace(next, null, `replaced by ${what}`)) notify('info', `Imported “${r.scenario.title}” from ${file.name}.`);
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
              disabled={readOnly()}
              onChange={(e) => {
                const name = e.currentTarget.value;
                if (name) void pickBuiltin(name, e.currentTarget);
              }}
            >
              <option value="" disabled>
                Open a built-in…
              </option>
              <For each={Object.entries(BUILTINS)}>{([k, b]) => <option value={k}>{b.title}</option>}</For>
            </select>
          </label>
          <span class="toolbar-part" inert={readOnly()}>
            <FileButton
              label="Import…"
              inputLabel="Import a scenario file"
              testid="import-file"
              accept=".json,application/json"
              onFile={(f) => void importFile(f)}
            />
          </span>
          <button
            type="button"
            aria-expanded={welcome()}
            onClick={() => {
              setWelcome((x) => !x);
              if (welcome()) document.getElementById('welcome-title')?.focus();
            }}
          >
            About
          </button>
          <button type="button" aria-expanded={showRecent()} aria-controls="recent" onClick={() => setShowRecent((x) => !x)}>
            Recent…
          </button>
          <button type="button" onClick={exportJson}>
            Export JSON
          </button>
          <button type="button" onClick={() => void share()}>
            Share link
          </button>
          <button type="button" aria-pressed={w.ws.prefs.largeText} onClick={() => w.setWs('prefs', 'largeText', (x) => !x)}>
            Large text
          </button>
          <span class={`save-state ${shownSave()}`} aria-live="polite">
            {shownSave() === 'read-only'
              ? 'Read-only'
              : shownSave() === 'opening'
                ? 'Opening…'
                : shownSave() === 'saved'
                  ? 'Saved'
                  : shownSave() === 'saving'
                    ? 'Saving…'
                    : 'Not saved'}
          </span>
        </div>
      </header>

      <Show when={guard.role() === 'viewer'}>
        <div class="tab-guard" role="status" data-testid="other-tab">
          <p>
            <strong>{handedOver() ? 'This workspace is now being edited in another tab.' : 'This workspace is open in another tab.'}</strong>{' '}
            {handedOver()
              ? 'What you did here was saved and went with it. This tab shows the workspace read-only.'
              : 'This tab shows it read-only, so the two tabs cannot overwrite each other.'}
          </p>
          <button type="button" class="primary" data-testid="use-here" onClick={() => void takeOver()}>
            Use it here
          </button>
        </div>
      </Show>
      <Show when={ask()}>{(a) => <ConfirmDialog ask={a()} />}</Show>
      <Show when={showRecent()}>
        <div id="recent">
          <RecentList
            load={() => listRecent(browserStore)}
            cap={RECENT_CAP}
            disabled={readOnly()}
            onOpen={(item) => void openRecent(item)}
            onClose={() => setShowRecent(false)}
          />
        </div>
      </Show>

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

      <Show when={welcome()}>
        <Welcome
          openBuiltin={async (name) => {
            const title = BUILTINS[name]?.title ?? name;
            return !readOnly() && (await confirmReplace(`“${title}”`)) && (await replaceWorkspace(freshWorkspace(name), null, `replaced by “${title}”`));
          }}
          go={(t) => {
            setWelcome(false);
            setTab(t);
            document.getElementById(`tab-${t}`)?.focus();
          }}
          onClose={() => setWelcome(false)}
          live={live}
        />
      </Show>
      <GlossaryDialog />

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
        <main id={`panel-${w.ws.prefs.tab}`} role="tabpanel" aria-labelledby={`tab-${w.ws.prefs.tab}`} class="panel" inert={readOnly()}>
          <Suspense fallback={<p class="loading">Opening the tab…</p>}>
            <Switch>
              <Match when={w.ws.prefs.tab === 'edit'}>
                <EditView live={<LiveSummary live={live} />} />
              </Match>
              <Match when={w.ws.prefs.tab === 'analyse'}>
                <AnalyseView live={live} />
              </Match>
              <Match when={w.ws.prefs.tab === 'compare'}>
                <CompareTab />
              </Match>
              <Match when={true}>
                <PlayView live={live} />
              </Match>
            </Switch>
          </Suspense>
        </main>
      </Show>
    </div>
  );
}
