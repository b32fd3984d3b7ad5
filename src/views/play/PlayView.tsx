/**
 * Play: a class run on one screen. The teacher sets up teams and bots, then each round goes
 * brief → secret moves behind a hand-over screen → animated reveal and offers → debrief, with
 * the teacher's controls (injects, close the round now, undo the last round) always at hand.
 * The offers (Offers.tsx) and the teacher's controls (TeacherBar.tsx) have files of their own.
 */
import { For, Match, Show, Switch, createEffect, createMemo, createSignal, on, onCleanup } from 'solid-js';
import { unwrap } from 'solid-js/store';
import { HOLD, postureWord } from '../../../models/domain/legality';
import { formatNatural } from '../../../models/domain/space';
import type { Scenario } from '../../../models/domain/types';
import { exportRun, historyCsv, roundStart, viewFor, type RoundContext } from '../../../models/machines/index';
import { download, readFileText } from '../../app/files';
import { FileButton } from '../../ui/FileButton';
import type { LiveAnalysis } from '../../state/analysis';
import { useNotices, usePlay, useWorkspace } from '../../state/context';
import { DebriefView } from './Debrief';
import { HandOver } from './HandOver';
import { MoveEntry } from './MoveEntry';
import { Offers } from './Offers';
import { RunCharts } from './RunCharts';
import { SetupForm, defaultSetup } from './Setup';
import { TeacherBar } from './TeacherBar';
import { TeacherFold } from './TeacherFold';
import { PrintBriefingsButton } from './Briefings';
import { RunSummary } from './RunSummary';
import { AssumedBadge } from '../edit/Assumed';
import { RoundTimer } from './Timer';
import { shortName } from '../../../models/domain/names';

export function PlayView(props: { live: LiveAnalysis }) {
  const w = useWorkspace();
  const p = usePlay();
  const { notify } = useNotices();
  const importRun = async (f: File) => {
    const r = await readFileText(f);
    if (!r.ok) return notify('error', r.message);
    p.importRun(r.text, f.name);
  };
  return (
    <div class="play-view">
      <div class="row run-files">
        <FileButton
          label="Import a run…"
          inputLabel="Import a run file"
          testid="import-run"
          accept=".json,application/json"
          onFile={(f) => void importRun(f)}
        />
        <Show when={p.session()?.scenario ?? w.scenario()}>{(sc) => <PrintBriefingsButton scenario={sc()} />}</Show>
        <Show when={p.session()}>
          {(s) => (
            <>
              <button type="button" onClick={() => download('coreplay-run.json', exportRun(s().run), 'application/json')}>
                Export the run (JSON)
              </button>
              <button
                type="button"
                data-testid="export-csv"
                onClick={() => download('coreplay-history.csv', historyCsv(s().scenario, s().snapshot.context.history), 'text/csv')}
              >
                History (CSV)
              </button>
              <button
                type="button"
                onClick={() => {
                  if (confirm('End this run and set up a new one? Export it first if you want to keep it.')) p.end();
                }}
              >
                New run…
              </button>
            </>
          )}
        </Show>
      </div>
      <Show
        when={p.session()}
        fallback={
          <Show
            when={w.scenario()}
            fallback={
              <p role="alert" class="no">
                The scenario has problems; fix them in Edit before playing.
              </p>
            }
          >
            {(s) => (
              <SetupForm
                scenario={s()}
                initial={defaultSetup(s())}
                onStart={(setup) => p.start(s(), JSON.parse(JSON.stringify(unwrap(w.ws.scenarioDoc))), [...w.ws.variants], setup)}
              />
            )}
          </Show>
        }
      >
        {(sess) => <RunScreen live={props.live} scenario={sess().scenario} />}
      </Show>
    </div>
  );
}

function RunScreen(props: { live: LiveAnalysis; scenario: Scenario }) {
  const w = useWorkspace();
  const p = usePlay();
  // By identity: the session hands its (unchanging) scenario down anew with every event of the run.
  const s = createMemo(() => props.scenario);
  const session = () => p.session()!;
  const ctx = (): RoundContext => session().snapshot.context;
  const phase = () => p.phase()!;
  const seats = () => session().run.seats;
  const name = (id: string) => shortName(s(), id);
  const label = (id: string) => (id === HOLD ? 'Hold' : (s().moves.find((m) => m.id === id)?.label ?? id));
  const teamActors = () =>
    s()
      .actors.filter((a) => seats()[a.id]?.kind === 'team')
      .map((a) => a.id);
  const waiting = () => teamActors().filter((a) => !ctx().committed[a]);
  const teamNames = () => Object.fromEntries(Object.entries(seats()).flatMap(([a, x]) => (x.kind === 'team' ? [[a, x.team]] : [])));
  const [ready, setReady] = createSignal<string | null>(null);
  const reading = createMemo(() => {
    const r = props.live.result();
    return r?.status === 'ok' ? r.readings[0] : undefined;
  });
  const start = createMemo(() => roundStart(session().standing)?.context);
  // The focus follows the run to the new phase's heading (the hand-over screen takes it itself
  // in the moves phase); a reload or a return to the tab leaves it where it is. It moves in the
  // next frame, whose layout the new phase needs anyway, not in the task that changed the phase.
  let focusFrame = 0;
  onCleanup(() => cancelAnimationFrame(focusFrame));
  // Only a new round or phase moves it (the memo changes only then): an inject, an offer or an undo
  // within the phase leave it where the teacher or the team put it.
  const phaseKey = createMemo(() => `${ctx().round}:${phase()}`);
  createEffect(
    on(phaseKey, (_, previous) => {
      if (previous === undefined && session().run.events.length > 0) return;
      const target = PHASE_HEADING[phase()];
      if (!target) return;
      cancelAnimationFrame(focusFrame);
      focusFrame = requestAnimationFrame(() => focusHeading(target));
    }),
  );
  const lastRecord = () => ctx().history[ctx().history.length - 1];

  return (
    <div class="run-screen">
      <header class="run-head row">
        <h2 id="run-title" tabindex="-1">
          {session().run.title}: round {Math.min(ctx().round, ctx().roundLimit)} of {ctx().roundLimit} — <span data-testid="phase">{phaseName(phase())}</span>
        </h2>
        <RoundTimer endsAt={session().run.deadline?.endsAt} label={phase() === 'offers' ? 'Time for offers' : 'Time for moves'} />
      </header>
      <Show when={p.scenarioEdited()}>
        <p class="muted small" role="note" data-testid="scenario-edited">
          The scenario has been edited since this run started: the edits apply to the next run; this run keeps the scenario it started with.
        </p>
      </Show>

      <TeacherFold>
        <TeacherBar scenario={s()} />
      </TeacherFold>

      <Switch>
        <Match when={phase() === 'brief'}>
          <section class="card brief" aria-labelledby="brief-title">
            <h2 id="brief-title" tabindex="-1">
              Briefing for round {ctx().round}
            </h2>
            <WorldTable scenario={s()} world={ctx().world} before={ctx().worldAtStart} />
            <Postures scenario={s()} context={ctx()} />
            <Show when={ctx().due.length}>
              <p>
                Deals falling due this round:{' '}
                {ctx()
                  .due.map(
                    (d) =>
                      `${d.parties.map(name).join(' & ')} (${Object.entries(d.promises)
                        .map(([a, m]) => `${name(a)}: ${label(m)}`)
                        .join('; ')})`,
                  )
                  .join(' · ')}
              </p>
            </Show>
            <button type="button" class="primary big" data-testid="start-round" onClick={() => p.dispatch({ type: 'START_ROUND' })}>
              Open round {ctx().round}: enter moves
            </button>
          </section>
        </Match>
        <Match when={phase() === 'moves'}>
          <p class="committed-status" aria-live="polite" data-testid="committed-status">
            Moves in:{' '}
            <For each={s().actors}>
              {(a) => (
                <span class="chip" classList={{ done: !!ctx().committed[a.id] }}>
                  {a.short} {ctx().committed[a.id] ? '✓' : '…'}
                </span>
              )}
            </For>
          </p>
          <Show when={waiting()[0]} fallback={<p>Every team has moved.</p>}>
            {(next) => {
              const team = () => {
                const seat = seats()[next()];
                return seat?.kind === 'team' ? seat.team : next();
              };
              return (
                <Show
                  when={ready() === next()}
                  fallback={<HandOver team={team()} actorName={s().actors.find((a) => a.id === next())!.name} onReady={() => setReady(next())} />}
                >
                  <MoveEntry
                    scenario={s()}
                    context={viewContext(ctx(), next())}
                    actor={next()}
                    team={team()}
                    onCommit={(move) => {
                      setReady(null);
                      p.dispatch({ type: 'COMMIT_MOVE', actor: next(), move, by: 'team' });
                    }}
                  />
                </Show>
              );
            }}
          </Show>
        </Match>
        <Match when={phase() === 'offers'}>
          <Reveal scenario={s()} context={ctx()} />
          <Offers scenario={s()} context={ctx()} />
        </Match>
        <Match when={phase() === 'debrief' || phase() === 'ended'}>
          <Show when={phase() === 'ended'}>
            <RunSummary scenario={s()} title={session().run.title} history={ctx().history} teams={teamNames()} />
          </Show>
          <Show when={lastRecord()}>{(r) => <DebriefView scenario={s()} start={start()} record={r()} client={props.live.client} />}</Show>
          <Show when={phase() === 'debrief'}>
            <button type="button" class="primary big" data-testid="next-round" onClick={() => p.dispatch({ type: 'NEXT_ROUND' })}>
              {ctx().round >= ctx().roundLimit ? 'End the run' : `On to round ${ctx().round + 1}`}
            </button>
          </Show>
        </Match>
      </Switch>

      <Show when={ctx().history.length}>
        <RunCharts scenario={s()} history={ctx().history} reading={reading()} largeText={w.ws.prefs.largeText} />
      </Show>
    </div>
  );
}

/** The heading each phase opens with (moves: the hand-over screen focuses its own button). */
const PHASE_HEADING: Readonly<Record<string, string>> = { brief: '#brief-title', offers: '#reveal-title', debrief: '#debrief-title', ended: '#debrief-title' };

/** Focus a heading (made focusable by script if need be), else the run's title. */
function focusHeading(selector: string): void {
  const el = document.querySelector<HTMLElement>(selector) ?? document.querySelector<HTMLElement>('#run-title');
  if (!el) return;
  if (!el.hasAttribute('tabindex')) el.setAttribute('tabindex', '-1');
  el.focus();
}

/** What the entering team may see: its own actor's context, no other commitments. */
function viewContext(c: RoundContext, actor: string): RoundContext {
  const v = viewFor('moves', c, [actor]);
  return { ...c, committed: v.committed };
}

function phaseName(p: string): string {
  return { brief: 'briefing', moves: 'moves (secret)', offers: 'reveal and offers', debrief: 'debrief', ended: 'ended' }[p] ?? p;
}

function WorldTable(props: { scenario: Scenario; world: readonly number[]; before?: readonly number[] }) {
  return (
    <table class="world" aria-label="World state">
      <thead>
        <tr>
          <th scope="col">Dimension</th>
          <th scope="col" class="num">
            Now
          </th>
          <th scope="col">Scale</th>
        </tr>
      </thead>
      <tbody>
        <For each={props.scenario.dimensions}>
          {(d, i) => (
            <tr classList={{ diff: !!props.before && Math.abs((props.before[i()] ?? 0) - (props.world[i()] ?? 0)) > 1e-9 }}>
              <th scope="row">
                {d.label}
                <AssumedBadge source={d.source} />
              </th>
              <td class="num">{formatNatural(d, props.world[i()]!)}</td>
              <td>
                <span class="scale" aria-hidden="true">
                  <span style={{ width: `${(props.world[i()] ?? 0) * 100}%` }} />
                </span>
                <span class="small muted">
                  {' '}
                  {d.low} ↔ {d.high}
                </span>
              </td>
            </tr>
          )}
        </For>
      </tbody>
    </table>
  );
}

function Postures(props: { scenario: Scenario; context: RoundContext }) {
  return (
    <p class="postures">
      <For each={props.scenario.actors}>
        {(a) => (
          <span class={`chip posture-${props.context.postures[a.id]}`}>
            {a.short}: {postureWord(props.context.postures[a.id] ?? 'engaged')}
          </span>
        )}
      </For>
    </p>
  );
}

function Reveal(props: { scenario: Scenario; context: RoundContext }) {
  const label = (id: string) => (id === HOLD ? 'Hold' : (props.scenario.moves.find((m) => m.id === id)?.label ?? id));
  const tone = (id: string) => props.scenario.moves.find((m) => m.id === id)?.tone ?? 'neutral';
  return (
    <section class="card" aria-labelledby="reveal-title">
      <h2 id="reveal-title" tabindex="-1">
        The moves are revealed
      </h2>
      <ol class="reveal" data-testid="reveal">
        <For each={props.scenario.actors}>
          {(a, i) => {
            const c = () => props.context.committed[a.id];
            return (
              <li style={{ '--i': i() }} data-actor={a.id}>
                <strong>{a.short}</strong>: {label(c()?.move ?? HOLD)} <span class={`tone tone-${tone(c()?.move ?? HOLD)}`}>{tone(c()?.move ?? HOLD)}</span>{' '}
                <span class="muted small">{c()?.by === 'bot' ? `bot — ${c()?.reason ?? ''}` : c()?.by === 'teacher' ? 'held (round closed)' : 'team'}</span>
              </li>
            );
          }}
        </For>
      </ol>
    </section>
  );
}
