/** One reading's common core: empty or not, its most robust point, what binds it, who must leave. */
import { For, Show } from 'solid-js';
import type { ReadingReport } from '../../../workers/api';
import type { Scenario } from '../../../models/domain/types';
import { formatNatural } from '../../../models/domain/space';

export function CommonCoreCard(props: { scenario: Scenario; reading: ReadingReport; title: string }) {
  const name = (id: string) => props.scenario.actors.find((a) => a.id === id)?.short ?? id;
  const set = (ids: string[]) => (ids.length ? `{${ids.map(name).join(', ')}}` : '{} (nobody)');
  return (
    <section class="card core-card" data-reading={props.reading.variants.join('+') || 'baseline'}>
      <h3>{props.title}</h3>
      <p>
        Common core of {props.reading.actors.length} actors:{' '}
        <strong class={props.reading.nonEmpty ? 'yes' : 'no'} data-testid="core-status">
          {props.reading.nonEmpty ? 'exists' : 'empty'}
        </strong>
        <Show when={props.reading.excluded.length}> (not counted: {props.reading.excluded.map(name).join(', ')})</Show>
      </p>
      <Show when={props.reading.nonEmpty && props.reading.chebyshevCentre}>
        {(c) => (
          <details>
            <summary>Most robust point (Chebyshev centre, margin {props.reading.radius?.toFixed(3)})</summary>
            <ul class="small">
              <For each={props.scenario.dimensions}>
                {(d) => (
                  <li>
                    {d.label}: {formatNatural(d, c()[d.id]!)}
                  </li>
                )}
              </For>
            </ul>
          </details>
        )}
      </Show>
      <Show when={props.reading.binding.length}>
        <p class="small">Shaped by: {props.reading.binding.map((b) => b.label).join('; ')}</p>
      </Show>
      <Show when={!props.reading.nonEmpty}>
        <div>
          Maximal compatible sets:
          <ul>
            <For each={props.reading.maximalCompatibleSets}>{(s) => <li>{set(s)}</li>}</For>
          </ul>
          Smallest exits that would let a common core exist:
          <ul data-testid="minimal-exits">
            <For each={props.reading.minimalExitSets}>{(s) => <li>{set(s)}</li>}</For>
          </ul>
        </div>
      </Show>
      <p class="muted small">
        {props.reading.method}; {props.reading.lps} linear programs; exact.
      </p>
    </section>
  );
}
