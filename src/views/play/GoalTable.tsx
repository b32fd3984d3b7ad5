/**
 * An actor's goals as a table: each dimension's ideal, where it stands now and its weight. The
 * printed briefing spells the ideal out in words; the move entry marks the bargaining chips.
 */
import { For, Show } from 'solid-js';
import type { GoalLine } from '../../../models/analysis/briefing';

export function GoalTable(props: { goals: readonly GoalLine[]; print?: boolean }) {
  return (
    <table class={props.print ? undefined : 'goal-table small'}>
      <thead>
        <tr>
          <th scope="col">Dimension</th>
          <th scope="col">{props.print ? 'You want' : 'Goal'}</th>
          <th scope="col">{props.print ? 'Today' : 'Now'}</th>
          <th scope="col" class="num">
            Weight
          </th>
        </tr>
      </thead>
      <tbody>
        <For each={props.goals}>
          {(g) => (
            <tr data-goal={props.print ? undefined : g.dimension}>
              <th scope="row">
                {g.label}
                <Show when={!props.print && g.leverage}>
                  <span class="tag" title="held as a bargaining chip: spending it costs you unless something comes back">
                    chip
                  </span>
                </Show>
              </th>
              <td>
                {g.ideal}
                <Show when={props.print && g.idealWords}>
                  {' '}
                  <span class="muted">({g.idealWords})</span>
                </Show>
              </td>
              <td>{g.now}</td>
              <td class="num">{Math.round(g.weight * 100)}%</td>
            </tr>
          )}
        </For>
      </tbody>
    </table>
  );
}
