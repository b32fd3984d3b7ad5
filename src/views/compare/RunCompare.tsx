/**
 * Two runs side by side: the current class run (or a run file) against another run file —
 * where the world ended up, each actor's utility round by round, and the moves played, with
 * the differences highlighted; both runs' coalition graphs on one round timeline, with what
 * differs at the round shown listed under them.
 */
import { For, Show, Suspense, createEffect, createMemo, createSignal, lazy, on } from 'solid-js';
import type { Scenario } from '../../../models/domain/types';
import { postureWord } from '../../../models/domain/legality';
import type { ReadingReport } from '../../../workers/api';
import { baselineReading, createPanelClient } from './panelClient';
import { useNotices, usePlay, useWorkspace } from '../../state/context';
import { runFrames } from '../play/runFrames';
import { formatNatural } from '../../../models/domain/space';
import { HOLD } from '../../../models/domain/legality';
import type { Session } from '../../../models/machines/index';
import { readFileText } from '../../app/files';
import { loadRun } from '../../state/play';

const CoalitionGraph = lazy(() => import('../../graph/CoalitionGraph'));

/** What differs between two runs after round k (k = 0: the start): moves, postures, minimums met, deals. */
function roundDifferences(a: Session, b: Session, k: number): string[] {
  if (k === 0) return [];
  const ra = a.snapshot.context.history[k - 1];
  const rb = b.snapshot.context.history[k - 1];
  if (!ra || !rb) return [`Only the ${ra ? 'left' : 'right'} run has a round ${k}.`];
  const out: string[] = [];
  const s = a.scenario;
  const moveLabel = (sc: Scenario, id: string) => (id === HOLD ? 'holds' : (sc.moves.find((m) => m.id === id)?.label ?? id));
  for (const act of s.actors) {
    const x = ra.actors[act.id];
    const y = rb.actors[act.id];
    if (!x || !y) continue;
    if (x.move !== y.move) out.push(`${act.short}: ${moveLabel(s, x.move)} (left) / ${moveLabel(b.scenario, y.move)} (right)`);
    if (x.postureAfter !== y.postureAfter) out.push(`${act.short} is ${postureWord(x.postureAfter)} (left) / ${postureWord(y.postureAfter)} (right)`);
    if (x.acceptableAfter !== y.acceptableAfter)
      out.push(`${act.short}'s minimum is ${x.acceptableAfter ? 'met' : 'unmet'} (left) / ${y.acceptableAfter ? 'met' : 'unmet'} (right)`);
  }
  const deals = (r: typeof ra) =>
    new Set(
      r.dealsMade.map((d) =>
        [...d.parties]
          .sort()
          .map((p) => s.actors.find((x) => x.id === p)?.short ?? p)
          .join('–'),
      ),
    );
  const da = deals(ra);
  const db = deals(rb);
  for (const d of da) if (!db.has(d)) out.push(`Deal ${d} in the left run only`);
  for (const d of db) if (!da.has(d)) out.push(`Deal ${d} in the right run only`);
  return out;
}

/** A run's name with the variants it was played under, e.g. "Class run — Klaipeda reopens" (or "— as encoded"). */
export function runTitle(s: Session): string {
  const doc = s.run.scenario as { variants?: { id?: unknown; label?: unknown }[] } | null;
  const label = (id: string) =>
    s.scenario.variants.find((v) => v.id === id)?.label ?? (doc?.variants ?? []).find((v) => v.id === id && typeof v.label === 'string')?.label ?? id;
  return `${s.run.title} — ${s.run.variants.length ? s.run.variants.map((id) => String(label(id))).join(' + ') : 'as encoded'}`;
}

export function RunCompare() {
  const p = usePlay();
  const { notify } = useNotices();
  const [left, setLeft] = createSignal<Session | undefined>();
  const [right, setRight] = createSignal<Session | undefined>();
  const leftRun = () => left() ?? p.session();
  const w = useWorkspace();
  // The coalitions come from each run's own scenario (a run file carries its scenario).
  const client = createPanelClient();
  const [readings, setReadings] = createSignal<{ left?: ReadingReport; right?: ReadingReport }>({});
  let generation = 0;
  createEffect(
    on([() => leftRun()?.scenario, () => right()?.scenario], async ([a, b]) => {
      const g = ++generation;
      setReadings({});
      if (!a || !b) return;
      const core = (sc: Scenario) => baselineReading(client, sc);
      const l = await core(a);
      if (g !== generation) return;
      const r = a === b ? l : await core(b);
      if (g !== generation) return;
      setReadings({ left: l, right: r });
    }),
  );
  const [round, setRound] = createSignal(0);
  const roundCount = () => Math.max(leftRun()?.snapshot.context.history.length ?? 0, right()?.snapshot.context.history.length ?? 0);
  createEffect(on(roundCount, (n) => setRound(n)));
  const framesL = createMemo(() => (leftRun() && readings().left ? runFrames(leftRun()!.scenario, leftRun()!.snapshot.context.history, readings().left!) : []));
  const framesR = createMemo(() => (right() && readings().right ? runFrames(right()!.scenario, right()!.snapshot.context.history, readings().right!) : []));
  const diffs = createMemo(() => (leftRun() && right() ? roundDifferences(leftRun()!, right()!, round()) : []));
  const load = async (f: File, set: (s: Session) => void) => {
    const r = await readFileText(f);
    if (!r.ok) return notify('error', r.message);
    let json: unknown;
    try {
      json = JSON.parse(r.text);
    } catch (e) {
      return notify('error', `${f.name} is not valid JSON.`, [(e as Error).message]);
    }
    const s = loadRun(json);
    if (!s.ok) return notify('error', `${f.name} is not a valid run.`, [s.problem]);
    set(s.session);
  };
  const picker = (label: string, set: (s: Session) => void, testid: string) => (
    <label>
      {label}{' '}
      <input
        type="file"
        accept=".json,application/json"
        data-testid={testid}
        onChange={(e) => {
          const f = e.currentTarget.files?.[0];
          e.currentTarget.value = '';
          if (f) void load(f, set);
        }}
      />
    </label>
  );
  return (
    <section class="card" aria-labelledby="cmp-runs">
      <h2 id="cmp-runs">Two runs</h2>
      <div class="row">
        {picker('Left run (default: the current class run)', setLeft, 'compare-run-left')}
        {picker('Right run', setRight, 'compare-run-right')}
      </div>
      <Show when={leftRun() && right()} fallback={<p class="muted">Load a run file (exported from Play) to compare it with the current run.</p>}>
        {(() => {
          const a = leftRun()!;
          const b = right()!;
          const ha = a.snapshot.context.history;
          const hb = b.snapshot.context.history;
          const rounds = Math.max(ha.length, hb.length);
          const s = a.scenario;
          const label = (sc: typeof s, id: string | undefined) =>
            id === undefined ? '—' : id === HOLD ? 'Hold' : (sc.moves.find((m) => m.id === id)?.label ?? id);
          return (
            <>
              <h3>Where the world ended up</h3>
              <table data-testid="compare-runs-world">
                <thead>
                  <tr>
                    <th scope="col">Dimension</th>
                    <th scope="col" class="num">
                      {runTitle(a)}
                    </th>
                    <th scope="col" class="num">
                      {runTitle(b)}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  <For each={s.dimensions}>
                    {(d, i) => {
                      const x = a.snapshot.context.world[i()]!;
                      const y = b.snapshot.context.world[b.scenario.dimensions.findIndex((e) => e.id === d.id)] ?? NaN;
                      return (
                        <tr classList={{ diff: Math.abs(x - y) > 1e-9 }}>
                          <th scope="row">{d.label}</th>
                          <td class="num">{formatNatural(d, x)}</td>
                          <td class="num">{Number.isFinite(y) ? formatNatural(d, y) : '—'}</td>
                        </tr>
                      );
                    }}
                  </For>
                </tbody>
              </table>
              <h3>Coalitions, round by round</h3>
              <div class="row cmp-timeline" role="group" aria-label="Round shown in both graphs">
                <label>
                  Round shown in both graphs{' '}
                  <input
                    type="range"
                    min="0"
                    max={roundCount()}
                    step="1"
                    value={round()}
                    data-testid="compare-runs-round"
                    aria-valuetext={round() === 0 ? 'Start' : `Round ${round()}`}
                    onInput={(e) => setRound(Number(e.currentTarget.value))}
                  />
                </label>
                <output aria-live="polite">{round() === 0 ? 'Start' : `Round ${round()}`}</output>
              </div>
              <Show when={framesL().length && framesR().length} fallback={<p class="muted">Computing both runs' coalitions…</p>}>
                <Suspense fallback={<p>Loading the graphs…</p>}>
                  <div class="grid2">
                    <CoalitionGraph
                      frames={framesL()}
                      frame={Math.min(round(), framesL().length - 1)}
                      onFrame={setRound}
                      title={`Left: ${runTitle(a)}`}
                      largeText={w.ws.prefs.largeText}
                      height={420}
                      fileStem="coreplay-compare-run-left"
                      timeline={false}
                    />
                    <CoalitionGraph
                      frames={framesR()}
                      frame={Math.min(round(), framesR().length - 1)}
                      onFrame={setRound}
                      title={`Right: ${runTitle(b)}`}
                      largeText={w.ws.prefs.largeText}
                      height={420}
                      fileStem="coreplay-compare-run-right"
                      timeline={false}
                    />
                  </div>
                </Suspense>
              </Show>
              <div data-testid="compare-runs-diffs" aria-live="polite">
                <Show when={round() > 0} fallback={<p class="muted">Both runs start from the same position; move the timeline to see where they part.</p>}>
                  <Show when={diffs().length} fallback={<p>No differences after round {round()}.</p>}>
                    <p>After round {round()}, the runs differ in:</p>
                    <ul class="diff-list">
                      <For each={diffs()}>{(d) => <li class="diff">{d}</li>}</For>
                    </ul>
                  </Show>
                </Show>
              </div>
              <h3>Round by round</h3>
              <table data-testid="compare-runs-rounds">
                <thead>
                  <tr>
                    <th scope="col">Round</th>
                    <th scope="col">Actor</th>
                    <th scope="col">{runTitle(a)}: move, utility</th>
                    <th scope="col">{runTitle(b)}: move, utility</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={Array.from({ length: rounds }, (_, k) => k)}>
                    {(k) => (
                      <For each={s.actors}>
                        {(act) => {
                          const x = ha[k]?.actors[act.id];
                          const y = hb[k]?.actors[act.id];
                          return (
                            <tr classList={{ diff: x?.move !== y?.move || Math.abs((x?.after ?? 0) - (y?.after ?? 0)) > 1e-9 }}>
                              <td>{k + 1}</td>
                              <th scope="row">{act.short}</th>
                              <td>
                                {label(s, x?.move)} {x ? x.after.toFixed(3) : ''}
                              </td>
                              <td>
                                {label(b.scenario, y?.move)} {y ? y.after.toFixed(3) : ''}
                              </td>
                            </tr>
                          );
                        }}
                      </For>
                    )}
                  </For>
                </tbody>
              </table>
            </>
          );
        })()}
      </Show>
    </section>
  );
}
