/**
 * One reading's common core: its label, empty or not, its most robust point, what binds it, who
 * must leave; per actor whether the opening state meets its minimum; each maximal compatible set
 * with its members' utilities at its own centre and its free dimensions; compatible pairs that
 * share a feature of the core.
 */
import { For, Show } from 'solid-js';
import type { ReadingReport } from '../../../workers/api';
import type { ActorStatus } from '../../../models/analysis/commonCore/index';
import type { Scenario } from '../../../models/domain/types';
import { formatNatural } from '../../../models/domain/space';
import { Term } from '../../ui/Glossary';
import { shortName } from '../../../models/domain/names';

/** A tag as words: "no-second-front" → "no second front". */
export const featureWords = (tag: string) => tag.replace(/[-_]+/g, ' ');

/** One actor's opening-state line, e.g. "Regime: met (tightest: No second front, slack 0.05)". */
export function statusQuoWords(st: ActorStatus, name: (id: string) => string): string {
  const who = name(st.actor);
  if (!st.tightest) return `${who}: met (no conditions)`;
  if (st.meets) return `${who}: met — tightest condition “${st.tightest.label}”, slack ${st.tightest.slack.toFixed(2)}`;
  const worst = st.unmet[0] ?? st.tightest;
  const more = st.unmet.length > 1 ? ` (and ${st.unmet.length - 1} more condition${st.unmet.length > 2 ? 's' : ''})` : '';
  return `${who}: unmet — “${worst.label}” fails by ${(-worst.slack).toFixed(2)}${more}`;
}

export function CommonCoreCard(props: { scenario: Scenario; reading: ReadingReport; title?: string }) {
  const name = (id: string) => shortName(props.scenario, id);
  const dimLabel = (id: string) => props.scenario.dimensions.find((d) => d.id === id)?.label ?? id;
  const set = (ids: string[]) => (ids.length ? `{${ids.map(name).join(', ')}}` : '{} (nobody)');
  const r = () => props.reading;
  return (
    <section class="card core-card" data-reading={r().variants.join('+') || 'baseline'} data-testid="core-card">
      <h3 data-testid="reading-label">{r().label ?? props.title}</h3>
      <Show when={r().status === 'too-large'}>
        <p role="status" class="no" data-testid="core-too-large">
          Common core of {r().actors.length} actors: not computed — {r().message ?? 'too large'}. Exclude actors from the core or use a smaller scenario.
        </p>
      </Show>
      <Show when={r().status !== 'too-large'}>
        <p>
          <Term id="common-core">Common core</Term> of {r().actors.length} actors:{' '}
          <strong class={r().nonEmpty ? 'yes' : 'no'} data-testid="core-status">
            {r().nonEmpty ? 'exists' : 'empty'}
          </strong>
          <Show when={r().excluded.length}> (not counted: {r().excluded.map(name).join(', ')})</Show>
        </p>
        <Show when={r().nonEmpty && r().chebyshevCentre}>
          {(c) => (
            <details>
              <summary>Most robust point (Chebyshev centre, margin {r().radius?.toFixed(3)})</summary>
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
        <Show when={r().binding.length}>
          <p class="small">
            Shaped by:{' '}
            {r()
              .binding.map((b) => b.label)
              .join('; ')}
          </p>
        </Show>
        <Show when={(r().statusQuo ?? []).length}>
          <details class="status-quo">
            <summary>
              The opening state meets the minimum of {r().statusQuo.filter((x) => x.meets).length} of {r().statusQuo.length} actors
            </summary>
            <ul class="small" data-testid="status-quo">
              <For each={r().statusQuo}>
                {(st) => (
                  <li class={st.meets ? 'yes' : 'no'} data-actor={st.actor}>
                    {statusQuoWords(st, name)}
                  </li>
                )}
              </For>
            </ul>
          </details>
        </Show>
        <Show when={!r().nonEmpty}>
          <div>
            <Term id="maximal-compatible-set">Maximal compatible sets</Term>, each with its members’ utilities at its own most robust point:
            <ul data-testid="maximal-sets">
              <For each={r().maximalSets ?? r().maximalCompatibleSets.map((actors) => ({ actors, utilityAtCentre: {}, free: [] as string[] }))}>
                {(m) => (
                  <li>
                    {set(m.actors)}
                    <Show when={Object.keys(m.utilityAtCentre).length}>
                      {': '}
                      {m.actors.map((a) => `${name(a)} ${(m.utilityAtCentre[a] ?? 0).toFixed(2)}`).join(', ')}
                    </Show>
                    <Show when={m.free.length}>
                      <span class="muted small"> — free (any value): {m.free.map(dimLabel).join(', ')}</span>
                    </Show>
                  </li>
                )}
              </For>
            </ul>
            <Term id="minimal-exit">Smallest exits</Term> that would let a common core exist:
            <ul data-testid="minimal-exits">
              <For each={r().minimalExitSets}>{(s) => <li>{set(s)}</li>}</For>
            </ul>
          </div>
        </Show>
        <Show when={(r().sharedFeatures ?? []).length}>
          <div class="small">
            Compatible pairs that share a feature of the core:
            <ul data-testid="shared-features">
              <For each={r().sharedFeatures}>
                {(f) => (
                  <li>
                    {name(f.actors[0])} and {name(f.actors[1])}: {f.tags.map(featureWords).join(', ')}
                  </li>
                )}
              </For>
            </ul>
          </div>
        </Show>
      </Show>
      <p class="muted small">
        {r().method}; {r().lps} linear programs; {r().status === 'too-large' ? 'stopped, no answer' : 'exact'}.
      </p>
    </section>
  );
}
