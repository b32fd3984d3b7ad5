/**
 * Play: a class run on one screen. The teacher sets up teams and bots, then each round goes
 * brief → secret moves behind a hand-over screen → animated reveal and offers → debrief, with
 * the teacher's controls (injects, close the round now, undo the last round) always at hand.
 */
import { For, Match, Show, Switch, createMemo, createSignal, onMount } from 'solid-js';
import { unwrap } from 'solid-js/store';
import { HOLD, postureWord } from '../../../models/domain/legality';
import { formatNatural } from '../../../models/domain/space';
import type { Scenario } from '../../../models/domain/types';
import { exportRun, historyCsv, viewFor, type Inject, type RoundContext } from '../../../models/machines/index';
import { download, readFileText } from '../../app/files';
import { FileButton } from '../../ui/FileButton';
import { notify } from '../../state/notices';
import { play } from '../../state/play';
import type { LiveAnalysis } from '../../state/analysis';
import { workspace } from '../../state/workspace';
import { DebriefView } from './Debrief';
import { HandOver } from './HandOver';
import { MoveEntry } from './MoveEntry';
import { RunCharts } from './RunCharts';
import { SetupForm, defaultSetup } from './Setup';
import { RoundTimer } from './Timer';

export function PlayView(props: { live: LiveAnalysis }) {
  const w = workspace();
  const p = play();
  onMount(() => {
    if (!p.session() && w.ws.run) p.restore();
  });
  const importRun = async (f: File) => {
    const r = await readFileText(f);
    if (!r.ok) return notify('error', r.message);
    p.importRun(r.text, f.name);
  };
  return (
    <div class="play-view">
      <div class="row run-files">
        <FileButton label="Import a run…" inputLabel="Import a run file" testid="import-run" accept=".json,application/json" onFile={(f) => void importRun(f)} />
        <Show when={p.session()}>
          {(s) => (
            <>
              <button type="button" onClick={() => download('coreplay-run.json', exportRun(s().run), 'application/json')}>
                Export the run (JSON)
              </button>
              <button type="button" data-testid="export-csv" onClick={() => download('coreplay-history.csv', historyCsv(s().scenario, s().snapshot.context.history), 'text/csv')}>
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
          <Show when={w.scenario()} fallback={<p role="alert" class="no">The scenario has problems; fix them in Edit before playing.</p>}>
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
  const w = workspace();
  const p = play();
  const s = () => props.scenario;
  const session = () => p.session()!;
  const ctx = (): RoundContext => session().snapshot.context;
  const phase = () => p.phase()!;
  const seats = () => session().run.seats;
  const name = (id: string) => s().actors.find((a) => a.id === id)?.short ?? id;
  const label = (id: string) => (id === HOLD ? 'Hold' : (s().moves.find((m) => m.id === id)?.label ?? id));
  const teamActors = () => s().actors.filter((a) => seats()[a.id]?.kind === 'team').map((a) => a.id);
  const waiting = () => teamActors().filter((a) => !ctx().committed[a]);
  const [ready, setReady] = createSignal<string | null>(null);
  const reading = () => {
    const r = props.live.result();
    return r?.status === 'ok' ? r.readings[0] : undefined;
  };
  const start = createMemo(() => session().starts[session().starts.length - 1]?.context);
  const lastRecord = () => ctx().history[ctx().history.length - 1];

  return (
    <div class="run-screen">
      <header class="run-head row">
        <h2>
          {session().run.title}: round {Math.min(ctx().round, ctx().roundLimit)} of {ctx().roundLimit} — <span data-testid="phase">{phaseName(phase())}</span>
        </h2>
        <Show when={phase() === 'moves'}>
          <RoundTimer seconds={p.timerSeconds()} running={phase() === 'moves'} key={ctx().round} />
        </Show>
      </header>

      <TeacherBar scenario={s()} />

      <Switch>
        <Match when={phase() === 'brief'}>
          <section class="card brief" aria-labelledby="brief-title">
            <h2 id="brief-title">Briefing for round {ctx().round}</h2>
            <WorldTable scenario={s()} world={ctx().world} before={ctx().worldAtStart} />
            <Postures scenario={s()} context={ctx()} />
            <Show when={ctx().due.length}>
              <p>
                Deals falling due this round:{' '}
                {ctx().due.map((d) => `${d.parties.map(name).join(' & ')} (${Object.entries(d.promises).map(([a, m]) => `${name(a)}: ${label(m)}`).join('; ')})`).join(' · ')}
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
                <Show when={ready() === next()} fallback={<HandOver team={team()} actorName={s().actors.find((a) => a.id === next())!.name} onReady={() => setReady(next())} />}>
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
          <Show when={lastRecord()}>{(r) => <DebriefView scenario={s()} start={start()} record={r()} client={props.live.client} />}</Show>
          <Show when={phase() === 'debrief'} fallback={<p class="card" data-testid="run-ended">The run is over: {ctx().history.length} rounds played. Export the run or the history, or start a new run.</p>}>
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
          <th scope="col" class="num">Now</th>
          <th scope="col">Scale</th>
        </tr>
      </thead>
      <tbody>
        <For each={props.scenario.dimensions}>
          {(d, i) => (
            <tr classList={{ diff: !!props.before && Math.abs((props.before[i()] ?? 0) - (props.world[i()] ?? 0)) > 1e-9 }}>
              <th scope="row">{d.label}</th>
              <td class="num">{formatNatural(d, props.world[i()]!)}</td>
              <td>
                <span class="scale" aria-hidden="true">
                  <span style={{ width: `${(props.world[i()] ?? 0) * 100}%` }} />
                </span>
                <span class="small muted"> {d.low} ↔ {d.high}</span>
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
    <p class="postures" aria-label="Postures">
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
      <h2 id="reveal-title">The moves are revealed</h2>
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

function Offers(props: { scenario: Scenario; context: RoundContext }) {
  const p = play();
  const seats = () => p.session()!.run.seats;
  const actors = () => props.scenario.actors;
  const teamIds = () => actors().filter((a) => seats()[a.id]?.kind === 'team').map((a) => a.id);
  const [from, setFrom] = createSignal(teamIds()[0] ?? actors()[0]!.id);
  const [to, setTo] = createSignal(actors().find((a) => a.id !== from())!.id);
  const movesOf = (id: string) => props.scenario.moves.filter((m) => m.actor === id);
  const [give, setGive] = createSignal('');
  const [get, setGet] = createSignal('');
  const [counterOf, setCounterOf] = createSignal<string | null>(null);
  const name = (id: string) => actors().find((a) => a.id === id)?.short ?? id;
  const label = (id: string) => props.scenario.moves.find((m) => m.id === id)?.label ?? id;
  const lastRound = () => props.context.round >= props.context.roundLimit;
  const nextId = () => `r${props.context.round}-o${props.context.offers.length + 1}`;
  const submit = (e: Event) => {
    e.preventDefault();
    const g = give() || movesOf(from())[0]?.id;
    const t = get() || movesOf(to())[0]?.id;
    if (!g || !t) return notify('error', 'Both sides of an offer need a move.');
    const offer = { id: nextId(), from: from(), to: to(), give: g, get: t };
    const ok = counterOf() ? p.dispatch({ type: 'COUNTER', offerId: counterOf()!, by: from(), offer }) : p.dispatch({ type: 'OFFER', offer });
    if (ok) setCounterOf(null);
  };
  return (
    <section class="card offers" aria-labelledby="offers-title">
      <h2 id="offers-title">Offers and answers</h2>
      <p class="muted">
        An offer says “I play this next round if you play that”. Accepted offers are deals that bind only the two sides; next round shows who kept them.
      </p>
      <Show when={!lastRound()} fallback={<p>This is the last round: no deal could fall due, so there are no offers.</p>}>
        <form class="row offer-form" onSubmit={submit} aria-label={counterOf() ? 'Counter-offer' : 'New offer'}>
          <label>
            From{' '}
            <select aria-label="Offer from" value={from()} onChange={(e) => { setFrom(e.currentTarget.value); setGive(''); }} disabled={!!counterOf()}>
              <For each={actors()}>{(a) => <option value={a.id}>{a.short}</option>}</For>
            </select>
          </label>
          <label>
            plays{' '}
            <select value={give() || movesOf(from())[0]?.id} onChange={(e) => setGive(e.currentTarget.value)} aria-label="Move offered">
              <For each={movesOf(from())}>{(m) => <option value={m.id}>{m.label}</option>}</For>
            </select>
          </label>
          <label>
            if{' '}
            <select aria-label="Offer to" value={to()} onChange={(e) => { setTo(e.currentTarget.value); setGet(''); }} disabled={!!counterOf()}>
              <For each={actors().filter((a) => a.id !== from())}>{(a) => <option value={a.id}>{a.short}</option>}</For>
            </select>
          </label>
          <label>
            plays{' '}
            <select value={get() || movesOf(to())[0]?.id} onChange={(e) => setGet(e.currentTarget.value)} aria-label="Move asked for">
              <For each={movesOf(to())}>{(m) => <option value={m.id}>{m.label}</option>}</For>
            </select>
          </label>
          <button type="submit" data-testid="make-offer">
            {counterOf() ? 'Send the counter-offer' : 'Make the offer'}
          </button>
          <Show when={counterOf()}>
            <button type="button" onClick={() => setCounterOf(null)}>
              Cancel
            </button>
          </Show>
        </form>
      </Show>
      <ul class="offer-list" data-testid="offer-list">
        <For each={props.context.offers}>
          {(o) => (
            <li class={`offer ${o.status}`}>
              <strong>{name(o.from)}</strong> plays “{label(o.give)}” if <strong>{name(o.to)}</strong> plays “{label(o.get)}” — <em>{o.status}</em>
              <Show when={o.status === 'open' && seats()[o.to]?.kind === 'team'}>
                {' '}
                <button type="button" onClick={() => p.dispatch({ type: 'ANSWER', offerId: o.id, by: o.to, answer: 'accept' })}>
                  {name(o.to)} accepts
                </button>{' '}
                <button type="button" onClick={() => p.dispatch({ type: 'ANSWER', offerId: o.id, by: o.to, answer: 'reject' })}>
                  rejects
                </button>{' '}
                <button
                  type="button"
                  onClick={() => {
                    setCounterOf(o.id);
                    setFrom(o.to);
                    setTo(o.from);
                    setGive(o.get);
                    setGet(o.give);
                  }}
                >
                  counters…
                </button>
              </Show>
            </li>
          )}
        </For>
      </ul>
      <button type="button" class="primary big" data-testid="resolve-round" onClick={() => p.dispatch({ type: 'END_OFFERS' })}>
        Resolve the round
      </button>
    </section>
  );
}

function TeacherBar(props: { scenario: Scenario }) {
  const p = play();
  const phase = () => p.phase();
  const presets = () => props.scenario.injects ?? [];
  const [dim, setDim] = createSignal(props.scenario.dimensions[0]?.id ?? '');
  const [delta, setDelta] = createSignal(0.05);
  const [text, setText] = createSignal('');
  const inject = (i: Inject) => {
    if (p.dispatch({ type: 'INJECT', inject: i })) notify('info', `Injected: ${i.label}`);
  };
  const canInject = () => phase() !== 'ended';
  return (
    <details class="card teacher" open>
      <summary>
        <strong>Teacher controls</strong>
      </summary>
      <div class="row">
        <Show when={phase() === 'moves' || phase() === 'offers'}>
          <button type="button" data-testid="close-round" onClick={() => p.dispatch({ type: 'CLOSE_ROUND' })}>
            {phase() === 'moves' ? 'Close the round now (the rest hold)' : 'Close the round now'}
          </button>
        </Show>
        <button type="button" data-testid="undo-round" disabled={!p.session()?.starts.length} onClick={() => p.dispatch({ type: 'UNDO_ROUND' })}>
          Undo the last round
        </button>
      </div>
      <Show when={canInject()}>
        <div class="row injects" role="group" aria-label="Inject an event">
          <span>Inject:</span>
          <For each={presets()}>
            {(i) => (
              <button type="button" data-inject={i.id} onClick={() => inject(i)}>
                {i.label}
              </button>
            )}
          </For>
        </div>
        <form
          class="row"
          aria-label="Inject your own event"
          onSubmit={(e) => {
            e.preventDefault();
            const d = Number(delta());
            if (!Number.isFinite(d) || Math.abs(d) > 1) return notify('error', 'The change must be a number between −1 and 1.');
            inject({ id: `custom-${Date.now().toString(36)}`, label: text().trim() || `${dim()} ${d >= 0 ? '+' : ''}${d}`, effects: [{ dimension: dim(), delta: d }] });
          }}
        >
          <label>
            Event <input type="text" value={text()} placeholder="e.g. Sanctions on Belavia" onInput={(e) => setText(e.currentTarget.value)} />
          </label>
          <label>
            moves{' '}
            <select value={dim()} onChange={(e) => setDim(e.currentTarget.value)}>
              <For each={props.scenario.dimensions}>{(d) => <option value={d.id}>{d.label}</option>}</For>
            </select>
          </label>
          <label>
            by <input type="number" step="0.01" min="-1" max="1" value={delta()} style={{ width: '5em' }} onInput={(e) => setDelta(Number(e.currentTarget.value))} />
          </label>
          <button type="submit">Inject</button>
        </form>
      </Show>
    </details>
  );
}
