/**
 * After a round: what the class did beside what the analysis says rational actors would have
 * done from the same position (best responses to the class's moves, the round game's pure
 * equilibrium), with each actor's reason, who gained and who lost, and the round game as .nfg.
 */
import { For, Show, createMemo } from 'solid-js';
import { HOLD, postureWord } from '../../../models/domain/legality';
import type { Scenario } from '../../../models/domain/types';
import { writeNfg } from '../../../models/analysis/io/nfg';
import { debrief, type RoundContext, type RoundRecord } from '../../../models/machines/index';
import { download } from '../../app/files';

export function DebriefView(props: { scenario: Scenario; start: RoundContext | undefined; record: RoundRecord }) {
  const s = () => props.scenario;
  const name = (id: string) => s().actors.find((a) => a.id === id)?.short ?? id;
  const label = (id: string) => (id === HOLD ? 'Hold' : (s().moves.find((m) => m.id === id)?.label ?? id));
  const d = createMemo(() => (props.start ? debrief(s(), props.start, props.record) : undefined));
  const sign = (x: number) => (x >= 0 ? '+' : '−') + Math.abs(x).toFixed(3);
  const maxAbs = () => Math.max(0.01, ...props.record ? Object.values(props.record.actors).map((x) => Math.abs(x.after - x.before)) : [0]);
  return (
    <section class="debrief" aria-labelledby="debrief-title">
      <h2 id="debrief-title">Debrief: round {props.record.round}</h2>
      <Show when={props.record.injects.length}>
        <p>Events this round: {props.record.injects.map((i) => i.label).join('; ')}</p>
      </Show>
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
      <table data-testid="debrief-table">
        <thead>
          <tr>
            <th scope="col">Actor</th>
            <th scope="col">The class played</th>
            <th scope="col">Best response to the others' moves</th>
            <th scope="col" class="num">Utility</th>
            <th scope="col">Gain or loss</th>
            <th scope="col">Posture</th>
            <th scope="col">Why</th>
          </tr>
        </thead>
        <tbody>
          <For each={s().actors}>
            {(a) => {
              const x = () => props.record.actors[a.id]!;
              const br = () => d()?.bestResponses.find((b) => b.actor === a.id);
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
                  <td>
                    <Show when={br()} fallback={<span class="muted">—</span>}>
                      {(b) => (b().gain > 1e-9 ? <span>{label(b().best)} <span class="no small">({sign(b().gain)} missed)</span></span> : <span class="yes">already a best response</span>)}
                    </Show>
                  </td>
                  <td class="num">
                    {x().before.toFixed(3)} → {x().after.toFixed(3)}
                    <Show when={!x().acceptableAfter}>
                      <div class="small no">minimum unmet</div>
                    </Show>
                  </td>
                  <td>
                    <span class="gainbar" classList={{ gain: change() >= 0, loss: change() < 0 }} style={{ width: `${(Math.abs(change()) / maxAbs()) * 6}em` }} aria-hidden="true" />
                    <span class="small">{sign(change())}</span>
                  </td>
                  <td class="small">{x().postureBefore === x().postureAfter ? postureWord(x().postureAfter) : `${postureWord(x().postureBefore)} → ${postureWord(x().postureAfter)}`}</td>
                  <td class="small">{x().why}</td>
                </tr>
              );
            }}
          </For>
        </tbody>
      </table>
      <Show when={d()}>
        {(dd) => (
          <div class="grid2">
            <div class="card" data-testid="rational-play">
              <h3>What the analysis says</h3>
              <p>
                Round game: {dd().game.players.length} actors with moves, {(dd().game.game.payoffs.length / Math.max(1, dd().game.players.length)).toLocaleString('en-GB')} move profiles
                {dd().game.leftOut.length ? `, ${dd().game.leftOut.length} weaker moves left out to keep it small` : ''}.
              </p>
              <Show when={dd().equilibrium} fallback={<p>No pure Nash equilibrium: every profile leaves someone a better move.</p>}>
                {(eq) => (
                  <>
                    <p>
                      {dd().equilibria} pure Nash equilibri{dd().equilibria === 1 ? 'um' : 'a'}; the one with the highest total utility:
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
              <button type="button" onClick={() => download(`round-${props.record.round}.nfg`, writeNfg(dd().game.game), 'text/plain')}>
                Export the round game (.nfg)
              </button>
            </div>
            <div class="card">
              <h3>Who gained, who lost</h3>
              <ol class="gains" data-testid="gains">
                <For each={dd().gains}>
                  {(g) => (
                    <li>
                      <span class={g.change >= 0 ? 'yes' : 'no'}>{sign(g.change)}</span> {name(g.actor)}
                    </li>
                  )}
                </For>
              </ol>
            </div>
          </div>
        )}
      </Show>
    </section>
  );
}
