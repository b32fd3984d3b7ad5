/** The coalition graph's legend: postures (fill and shape), link kinds and coalitions, with the colours of models/graph. */
import { For } from 'solid-js';
import { EDGE_STYLE, POSTURE_STYLE, type EdgeKind } from '../../models/graph/elements';
import { POSTURES } from '../../models/domain/types';

const EDGE_KINDS: readonly EdgeKind[] = ['alignment', 'incompatible', 'compatible', 'deal', 'threat'];

export function GraphLegend(props: { headingId: string; showCompatible: boolean }) {
  return (
    <aside class="cg-legend" aria-labelledby={props.headingId}>
      <h3 id={props.headingId}>Legend</h3>
      <p class="cg-legend-sub">
        Actors (fill and shape = posture; border = the actor’s colour; size = capability; label: utility u, ✗ = state outside its minimum)
      </p>
      <ul class="cg-keys">
        <For each={POSTURES}>
          {(p) => (
            <li>
              <span class={`cg-swatch cg-shape-${POSTURE_STYLE[p].shape}`} style={{ background: POSTURE_STYLE[p].colour }} aria-hidden="true" />
              {POSTURE_STYLE[p].label}
            </li>
          )}
        </For>
      </ul>
      <p class="cg-legend-sub">Links</p>
      <ul class="cg-keys">
        <For each={EDGE_KINDS}>
          {(k) => (
            <li>
              <span class={`cg-line cg-line-${k}`} style={{ 'border-color': EDGE_STYLE[k].colour }} aria-hidden="true" />
              <span>
                {EDGE_STYLE[k].label}
                <span class="cg-note">
                  : {EDGE_STYLE[k].description}
                  {k === 'compatible' && !props.showCompatible ? ' (hidden)' : ''}
                </span>
              </span>
            </li>
          )}
        </For>
        <li>
          <span class="cg-group" aria-hidden="true" />
          <span>
            Coalition<span class="cg-note">: a maximal set of actors whose minimums are compatible (each actor drawn in its largest)</span>
          </span>
        </li>
      </ul>
    </aside>
  );
}
