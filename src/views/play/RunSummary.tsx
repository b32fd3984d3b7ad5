/**
 * The end of a run: the whole run in a few lines (scores, turning points, deals kept and broken,
 * how many minimums the position meets), printable on its own — while it is on the page, printing
 * prints this summary and nothing else (reading.css).
 */
import { For, Show, createMemo } from 'solid-js';
import { runSummary } from '../../../models/analysis/debrief';
import type { Scenario } from '../../../models/domain/types';
import type { RoundRecord } from '../../../models/machines/index';
import './reading.css';
import { shortName } from '../../../models/domain/names';

const signed = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(3)}`;

export function RunSummary(props: { scenario: Scenario; title: string; history: readonly RoundRecord[]; teams: Readonly<Record<string, string>> }) {
  const sum = createMemo(() => runSummary(props.scenario, props.history));
  const name = (id: string) => shortName(props.scenario, id);
  const maxAbs = () => Math.max(0.01, ...sum().scores.map((x) => Math.abs(x.change)));
  return (
    <section class="card run-summary" aria-labelledby="run-summary-title" data-testid="run-summary">
      <div class="row run-summary-head">
        <h2 id="run-summary-title">The run in short: {props.title}</h2>
        <button type="button" class="no-print" data-testid="print-summary" onClick={() => window.print()}>
          Print this summary
        </button>
      </div>
      <p data-testid="run-ended">
        The run is over: {props.history.length} round{props.history.length === 1 ? '' : 's'} played. Export the run or the history, or start a new run.
      </p>
      <ul class="run-summary-lines">
        <For each={sum().sentences}>{(line) => <li>{line}</li>}</For>
      </ul>
      <h3>Scores</h3>
      <div class="table-scroll">
        <table class="run-scores" data-testid="run-scores">
          <thead>
            <tr>
              <th scope="col">Actor</th>
              <th scope="col">Played by</th>
              <th scope="col" class="num">
                Utility at the start
              </th>
              <th scope="col" class="num">
                At the end
              </th>
              <th scope="col">Change</th>
              <th scope="col">Minimum</th>
              <th scope="col">Biggest round</th>
            </tr>
          </thead>
          <tbody>
            <For each={sum().scores}>
              {(x) => (
                <tr data-actor={x.actor}>
                  <th scope="row">{name(x.actor)}</th>
                  <td class="small">{props.teams[x.actor] ?? 'bot'}</td>
                  <td class="num">{x.start.toFixed(3)}</td>
                  <td class="num">{x.end.toFixed(3)}</td>
                  <td>
                    <span
                      class="gainbar"
                      classList={{ gain: x.change >= 0, loss: x.change < 0 }}
                      style={{ width: `${(Math.abs(x.change) / maxAbs()) * 5}em` }}
                      aria-hidden="true"
                    />
                    <span class="small">{signed(x.change)}</span>
                  </td>
                  <td class="small">
                    {x.metAtStart === x.metAtEnd ? (x.metAtEnd ? 'met throughout' : 'unmet at start and end') : x.metAtEnd ? 'unmet → met' : 'met → unmet'}
                  </td>
                  <td class="small">{x.biggestRound ? `round ${x.biggestRound} (${signed(x.biggestChange)})` : '—'}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
      <h3>Turning points</h3>
      <Show when={sum().turningPoints.length} fallback={<p class="muted">No round moved anyone noticeably.</p>}>
        <ol class="turning-points" data-testid="turning-points">
          <For each={sum().turningPoints}>{(p) => <li data-round={p.round}>{p.sentence}</li>}</For>
        </ol>
        <p class="small muted">
          A turning point is one of the rounds that moved the actors’ utilities most in total, a round after which the position met more or fewer minimums (all
          met means it is inside the common core), or a round in which a deal was broken.
        </p>
      </Show>
    </section>
  );
}
