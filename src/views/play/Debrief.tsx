/**
 * After a round: a short summary in plain words first (who gained and lost, which deals held,
 * what theory would have advised and why), then, one click away, the detailed tables: what the
 * class did beside what the analysis says rational actors would have done from the same
 * position (best responses to the class's moves, the round game's pure equilibrium, the
 * bargaining points of a pair), with each actor's reason, who gained and who lost, and the
 * round game as .nfg.
 *
 * What the class did is read off the round's record and shows at once; the analysis comes from
 * the worker (the round game is too large to solve on the main thread between two frames) and
 * fills in when it arrives, or says why it failed.
 */
import { For, Show, createEffect, createMemo, createSignal, on, onCleanup } from 'solid-js';
import { HOLD, postureWord } from '../../../models/domain/legality';
import { buildRoundGame } from '../../../models/domain/roundGame';
import type { ActorId, Scenario } from '../../../models/domain/types';
import type { BargainingReport, DealPart, SolutionPoint } from '../../../models/analysis/bargaining/index';
import { writeNfg } from '../../../models/analysis/io/nfg';
import { debriefPair, debriefSummary, roundGains, type DebriefReport } from '../../../models/analysis/debrief';
import type { RoundContext, RoundRecord } from '../../../models/machines/index';
import { injectWords } from '../../../models/domain/round';
import type { AnalysisClient } from '../../../workers/client';
import { download } from '../../app/files';
import './reading.css';
import { shortName } from '../../../models/domain/names';

type Pair = [ActorId, ActorId];

/** The latest answer, with the round and pair it is for (an answer for another pair keeps the round's analysis on screen). */
type Answer = { record: RoundRecord; pair: string; report: DebriefReport } | { record: RoundRecord; pair: string; problem: string };

/** Whether the detailed tables are open: closed at first, then as the class last left them, for the rest of the page's life. */
const [detailsOpen, setDetailsOpen] = createSignal(false);

const sign = (x: number) => (x >= 0 ? '+' : '−') + Math.abs(x).toFixed(3);

export function DebriefView(props: { scenario: Scenario; start: RoundContext | undefined; record: RoundRecord; client: AnalysisClient }) {
  const s = () => props.scenario;
  const name = (id: string) => shortName(s(), id);
  const label = (id: string) => (id === HOLD ? 'Hold' : (s().moves.find((m) => m.id === id)?.label ?? id));

  const [chosen, setChosen] = createSignal<Pair | null>(null);
  createEffect(
    on(
      () => props.record,
      () => setChosen(null),
      { defer: true },
    ),
  );
  const pair = createMemo(() => chosen() ?? debriefPair(s(), props.record), undefined, { equals: (a, b) => a?.join() === b?.join() });

  const [answer, setAnswer] = createSignal<Answer | undefined>();
  createEffect(
    on([() => props.start, () => props.record, pair, s], ([start, record, pr, scenario]) => {
      if (!start) return;
      const key = pr?.join() ?? '';
      const from = { world: start.world, holdings: start.holdings, postures: start.postures };
      // Asked a task later: the round's resolution and this view's first draw are one task already,
      // and copying the scenario and the round to the worker would make it a long one.
      const ask = setTimeout(() => {
        void props.client.debrief(scenario, from, record, pr).then((r) => {
          if (r.status === 'stale') return;
          if (r.status !== 'ok') setAnswer({ record, pair: key, problem: r.message });
          else if (r.value.status !== 'ok') setAnswer({ record, pair: key, problem: r.value.problem });
          else setAnswer({ record, pair: key, report: r.value.report });
        });
      });
      onCleanup(() => clearTimeout(ask));
    }),
  );
  /** This round's answer (for any pair), if it has come. */
  const current = () => {
    const a = answer();
    return a && a.record === props.record ? a : undefined;
  };
  const report = () => {
    const a = current();
    return a && 'report' in a ? a.report : undefined;
  };
  const problem = () => {
    const a = current();
    return a && 'problem' in a ? a.problem : undefined;
  };
  /** The bargaining answer for the pair now chosen. */
  const bargaining = () => {
    const a = current();
    return a && a.pair === (pair()?.join() ?? '') ? a : undefined;
  };

  const pairReport = () => {
    const a = bargaining();
    return a && 'report' in a && a.report.bargaining?.status === 'ok' ? a.report.bargaining.report : undefined;
  };
  const pairProblem = () => {
    const a = bargaining();
    if (!a) return undefined;
    if ('problem' in a) return a.problem;
    return a.report.bargaining?.status === 'invalid' ? a.report.bargaining.problem : 'no pair was chosen';
  };

  const gains = createMemo(() => roundGains(s(), props.record));
  const maxAbs = () => Math.max(0.01, ...gains().map((g) => Math.abs(g.change)));
  const exportNfg = () => {
    const st = props.start;
    if (!st) return;
    const game = buildRoundGame(s(), st.world, st.holdings, st.postures);
    download(`round-${props.record.round}.nfg`, writeNfg(game.game), 'text/plain');
  };
  const waiting = (what: string) => (
    <Show
      when={problem()}
      fallback={
        <p class="muted" aria-live="polite" data-testid="debrief-analysing">
          {what}
        </p>
      }
    >
      {(p) => (
        <p class="no" role="alert">
          The analysis of this round failed: {p()}
        </p>
      )}
    </Show>
  );

  const summary = createMemo(() => debriefSummary(s(), props.record, report() ?? null));
  // Folded, the detailed tables are built a task after the summary: the round's resolution and the
  // summary's first draw are one task already, and the tables would make it a long one.
  const [tablesBuilt, setTablesBuilt] = createSignal(false);
  const build = setTimeout(() => setTablesBuilt(true));
  onCleanup(() => clearTimeout(build));

  return (
    <section class="debrief" aria-labelledby="debrief-title">
      <h2 id="debrief-title">Debrief: round {props.record.round}</h2>
      <div class="card debrief-summary" data-testid="debrief-summary">
        <h3>The round in short</h3>
        <Show when={props.record.injects.length}>
          <p>Events this round: {props.record.injects.map(injectWords).join('; ')}.</p>
        </Show>
        <ul>
          <For each={summary().sentences}>{(line) => <li>{line}</li>}</For>
        </ul>
        <Show when={props.start && !report()}>
          <p class="muted small" aria-live="polite">
            {problem()
              ? 'What theory would have advised is not available: the analysis of this round failed (see the detailed tables).'
              : 'Working out what theory would have advised…'}
          </p>
        </Show>
      </div>
      <details class="debrief-details" open={detailsOpen()} onToggle={(e) => setDetailsOpen(e.currentTarget.open)} data-testid="debrief-details">
        <summary>
          <strong>The detailed tables</strong>: every actor’s move and best reply, the round game’s equilibrium, who gained and lost, what a pair could have
          agreed
        </summary>
        <Show when={tablesBuilt() || detailsOpen()}>
          <Show when={props.record.dealsDue.length}>
            <ul class="deals">
              <For each={props.record.dealsDue}>
                {(dl) => (
                  <li class={dl.brokenBy.length ? 'no' : 'yes'}>
                    Deal {dl.parties.map(name).join(' & ')}: {dl.brokenBy.length ? `broken by ${dl.brokenBy.map(name).join(', ')}` : 'kept'}
                  </li>
                )}
              </For>
            </ul>
          </Show>
          <div class="table-scroll">
            <table data-testid="debrief-table">
              <thead>
                <tr>
                  <th scope="col">Actor</th>
                  <th scope="col">The class played</th>
                  <th scope="col">Best response to the others' moves</th>
                  <th scope="col" class="num">
                    Utility
                  </th>
                  <th scope="col">Gain or loss</th>
                  <th scope="col">Posture</th>
                  <th scope="col">Why</th>
                </tr>
              </thead>
              <tbody>
                <For each={s().actors}>
                  {(a) => {
                    const x = () => props.record.actors[a.id]!;
                    const br = () => report()?.bestResponses.find((b) => b.actor === a.id);
                    const change = () => x().after - x().before;
                    return (
                      <tr data-actor={a.id}>
                        <th scope="row">{a.short}</th>
                        <td>
                          {label(x().move)} <span class="muted small">({x().by})</span>
                          <Show when={x().reason}>
                            <div class="small muted">{x().reason}</div>
                          </Show>
                        </td>
                        <td data-testid="best-response">
                          <Show
                            when={br()}
                            fallback={
                              <span class="muted" title={problem() ? 'the analysis failed' : 'analysing…'}>
                                {problem() || !props.start ? '—' : '…'}
                              </span>
                            }
                          >
                            {(b) =>
                              b().gain > 1e-9 ? (
                                <span>
                                  {label(b().best)} <span class="no small">({sign(b().gain)} missed)</span>
                                </span>
                              ) : (
                                <span class="yes">already a best response</span>
                              )
                            }
                          </Show>
                        </td>
                        <td class="num">
                          {x().before.toFixed(3)} → {x().after.toFixed(3)}
                          <Show when={!x().acceptableAfter}>
                            <div class="small no">minimum unmet</div>
                          </Show>
                        </td>
                        <td>
                          <span
                            class="gainbar"
                            classList={{ gain: change() >= 0, loss: change() < 0 }}
                            style={{ width: `${(Math.abs(change()) / maxAbs()) * 6}em` }}
                            aria-hidden="true"
                          />
                          <span class="small">{sign(change())}</span>
                        </td>
                        <td class="small">
                          {x().postureBefore === x().postureAfter
                            ? postureWord(x().postureAfter)
                            : `${postureWord(x().postureBefore)} → ${postureWord(x().postureAfter)}`}
                        </td>
                        <td class="small">{x().why}</td>
                      </tr>
                    );
                  }}
                </For>
              </tbody>
            </table>
          </div>
          <div class="grid2">
            <div class="card" data-testid="rational-play">
              <h3>What the analysis says</h3>
              <Show when={props.start} fallback={<p class="muted">The position this round started from is not known, so there is nothing to analyse.</p>}>
                <Show when={report()} fallback={waiting('Analysing the round…')}>
                  {(d) => (
                    <>
                      <p>
                        Round game: {d().game.players.length} actors with moves, {d().game.profiles.toLocaleString('en-GB')} move profiles
                        {d().game.leftOut.length ? `, ${d().game.leftOut.length} weaker moves left out to keep it small` : ''}.
                      </p>
                      <Show when={d().equilibrium} fallback={<p>No pure Nash equilibrium: every profile leaves someone a better move.</p>}>
                        {(eq) => (
                          <>
                            <p>
                              {d().equilibria} pure Nash equilibri{d().equilibria === 1 ? 'um' : 'a'}; the one with the highest total utility:
                            </p>
                            <ul class="small">
                              <For each={Object.entries(eq())}>
                                {([actor, move]) => (
                                  <li classList={{ diff: props.record.actors[actor]?.move !== move }}>
                                    {name(actor)}: {label(move)}
                                    {props.record.actors[actor]?.move !== move ? ` (class: ${label(props.record.actors[actor]?.move ?? HOLD)})` : ''}
                                  </li>
                                )}
                              </For>
                            </ul>
                          </>
                        )}
                      </Show>
                    </>
                  )}
                </Show>
                <button type="button" onClick={exportNfg}>
                  Export the round game (.nfg)
                </button>
              </Show>
            </div>
            <div class="card">
              <h3>Who gained, who lost</h3>
              <ol class="gains" data-testid="gains">
                <For each={gains()}>
                  {(g) => (
                    <li>
                      <span class={g.change >= 0 ? 'yes' : 'no'}>{sign(g.change)}</span> {name(g.actor)}
                    </li>
                  )}
                </For>
              </ol>
            </div>
          </div>
          <Show when={props.start && s().actors.length >= 2}>
            <section class="card debrief-bargaining" aria-labelledby="debrief-barg-title" data-testid="debrief-bargaining">
              <h3 id="debrief-barg-title">What a pair could have agreed</h3>
              <PairPicker scenario={s()} pair={pair()!} onChange={setChosen} />
              <Show
                when={bargaining()}
                fallback={
                  <p class="muted" aria-live="polite">
                    Analysing the bargaining…
                  </p>
                }
              >
                <Show
                  when={pairReport()}
                  fallback={
                    <p class="no" role="alert">
                      The bargaining could not be computed: {pairProblem()}
                    </p>
                  }
                >
                  {(r) => <BargainingPoints scenario={s()} record={props.record} report={r()} />}
                </Show>
              </Show>
            </section>
          </Show>
        </Show>
      </details>
    </section>
  );
}

function PairPicker(props: { scenario: Scenario; pair: Pair; onChange: (p: Pair) => void }) {
  const actors = () => props.scenario.actors;
  const setFirst = (id: ActorId) => props.onChange([id, id === props.pair[1] ? props.pair[0] : props.pair[1]]);
  const setSecond = (id: ActorId) => props.onChange([props.pair[0], id]);
  return (
    <div class="row pair-picker">
      <label for="debrief-pair-a">Bargaining between</label>
      <select id="debrief-pair-a" value={props.pair[0]} onChange={(e) => setFirst(e.currentTarget.value)}>
        <For each={actors()}>{(a) => <option value={a.id}>{a.short}</option>}</For>
      </select>
      <label for="debrief-pair-b">and</label>
      <select id="debrief-pair-b" value={props.pair[1]} onChange={(e) => setSecond(e.currentTarget.value)}>
        <For each={actors().filter((a) => a.id !== props.pair[0])}>{(a) => <option value={a.id}>{a.short}</option>}</For>
      </select>
    </div>
  );
}

/** The bargaining points as deals: what each side plays (a lottery line by line), the utilities, and why. */
function BargainingPoints(props: { scenario: Scenario; record: RoundRecord; report: BargainingReport }) {
  const s = () => props.scenario;
  const r = () => props.report;
  const [a, b] = [() => r().pair[0], () => r().pair[1]];
  const name = (id: string) => shortName(s(), id);
  const label = (id: string) => (id === HOLD ? 'Hold' : (s().moves.find((m) => m.id === id)?.label ?? id));
  const owner = (id: string) => s().moves.find((m) => m.id === id)?.actor;
  const plays = (part: DealPart, actor: ActorId) =>
    part.moves
      .filter((m) => owner(m) === actor)
      .map(label)
      .join(' + ') || 'Hold';
  /** What the actor plays in each part of the deal, one line per part; one line when it plays the same in all of them. */
  const linesFor = (deal: readonly DealPart[], actor: ActorId) => {
    const moves = deal.map((part) => plays(part, actor));
    return moves.every((m) => m === moves[0]) ? moves.slice(0, 1) : moves.map((m, k) => `${(deal[k]!.probability * 100).toFixed(0)}%: ${m}`);
  };
  const patience = () => `${name(a())} ${r().rubinstein.patience[a()]}, ${name(b())} ${r().rubinstein.patience[b()]}`;
  const rows = (): { title: string; point: SolutionPoint | null; why: string }[] => [
    { title: 'Nash bargaining', point: r().nash, why: 'maximises the product of the two gains over holding' },
    { title: 'Kalai–Smorodinsky', point: r().kalaiSmorodinsky, why: 'each side gets the same share of the most it could hope for' },
    {
      title: 'Rubinstein',
      point: r().rubinstein.agreement,
      why: `alternating offers, ${name(r().rubinstein.first)} first: the more patient side gets more (patience ${patience()})`,
    },
    { title: 'Best single deal', point: r().bestPureDeal, why: 'the one pair of moves, no lottery, with the largest product of gains' },
  ];
  const classPlayed = (id: ActorId) => label(props.record.actors[id]?.move ?? HOLD);
  return (
    <>
      <p class="small muted">
        From the position round {props.record.round} started in, with the moves still open to them (spent assets and moves their posture bars are left out) and
        everyone else holding. If they do not agree, both hold: {name(a())} {r().disagreement[a()]!.toFixed(3)}, {name(b())} {r().disagreement[b()]!.toFixed(3)}
        . A percentage is a lottery between two deals. The class: {name(a())} played {classPlayed(a())}, {name(b())} played {classPlayed(b())}.
      </p>
      <Show
        when={r().gainsFromTrade}
        fallback={<p>No deal gains both over holding: each of them does at least as well by holding as by any deal the other would accept.</p>}
      >
        <table class="bargaining-points" data-testid="bargaining-points">
          <thead>
            <tr>
              <th scope="col">Solution</th>
              <th scope="col">{name(a())} plays</th>
              <th scope="col">{name(b())} plays</th>
              <th scope="col" class="num">
                {name(a())}
              </th>
              <th scope="col" class="num">
                {name(b())}
              </th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            <For each={rows()}>
              {(row) => (
                <tr data-solution={row.title}>
                  <th scope="row">{row.title}</th>
                  <Show
                    when={row.point}
                    fallback={
                      <td colspan={5} class="muted">
                        no deal gains both
                      </td>
                    }
                  >
                    {(p) => (
                      <>
                        <td>
                          <For each={linesFor(p().deal, a())}>{(line) => <div>{line}</div>}</For>
                        </td>
                        <td>
                          <For each={linesFor(p().deal, b())}>{(line) => <div>{line}</div>}</For>
                        </td>
                        <td class="num">
                          {p().utilities[a()]!.toFixed(3)} <span class="small">({sign(p().gains[a()] ?? 0)})</span>
                        </td>
                        <td class="num">
                          {p().utilities[b()]!.toFixed(3)} <span class="small">({sign(p().gains[b()] ?? 0)})</span>
                        </td>
                        <td class="small">{row.why}</td>
                      </>
                    )}
                  </Show>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </Show>
    </>
  );
}
