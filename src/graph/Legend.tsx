/** The coalition graph's legend: postures (fill and shape), link kinds and coalitions, with the colours of models/graph. */
import { For, Show } from 'solid-js';
import { outlineStyle, type Outline } from './outlines';
import { EDGE_STYLE, POSTURE_STYLE, type EdgeKind } from '../../models/graph/elements';
import { POSTURES } from '../../models/domain/types';

const EDGE_KINDS: readonly EdgeKind[] = ['alignment', 'incompatible', 'compatible', 'deal', 'threat'];

export function GraphLegend(props: {
  headingId: string;
  showCompatible: boolean;
  /** The frame's compound groups (boxes). */
  groups?: readonly Outline[] | undefined;
  /** The frame's overlapping groups, drawn as numbered outlines. */
  outlines?: readonly Outline[] | undefined;
}) {
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
        <Show when={!props.groups && !props.outlines}>
          <li>
            <span class="cg-group" aria-hidden="true" />
            <span>
              Coalition<span class="cg-note">: a maximal set of actors whose minimums are compatible (each actor drawn in its largest)</span>
            </span>
          </li>
        </Show>
      </ul>
      <Show when={props.groups?.length || props.outlines?.length}>
        <p class="cg-legend-sub">Groups</p>
        <ul class="cg-keys" data-testid="graph-groups">
          <For each={props.groups ?? []}>
            {(g) => (
              <li>
                <span class="cg-group" aria-hidden="true" />
                <span>
                  {g.label}
                  <span class="cg-note"> (box)</span>
                </span>
              </li>
            )}
          </For>
          <For each={props.outlines ?? []}>
            {(o, i) => (
              <li>
                <span
                  class="cg-outline-key"
                  style={{ 'border-color': outlineStyle(i()).colour, 'border-style': outlineStyle(i()).dash.length ? 'dashed' : 'solid' }}
                  aria-hidden="true"
                >
                  {i() + 1}
                </span>
                <span>
                  {o.label}
                  <span class="cg-note"> (outline {i() + 1})</span>
                </span>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </aside>
  );
}
