/**
 * Sensitivity of the common core's structural results to the assumed bounds, per reading: for
 * each bound marked `assumption:` in its source, the interval over which each result keeps its
 * value, in words ("The common core is empty while Russia: military orientation under its control
 * is > 0.62"). A shared bound names every actor holding it. Readings and bounds fold away; the
 * results a bound cannot change are counted, not listed.
 */
import { For, Show } from 'solid-js';
import type { SensitivityReading } from '../../../workers/api';
import type { BoundSensitivity, ClaimInterval } from '../../../models/analysis/commonCore/index';
import type { Scenario } from '../../../models/domain/types';
import { Term } from '../../ui/Glossary';
import { shortName } from '../../../models/domain/names';

const num = (x: number) => String(+x.toFixed(3));

/** The bound's name with every actor holding it: "Ukraine, Poland: Russia's military function limited". */
export function boundName(b: BoundSensitivity, name: (id: string) => string): string {
  const who = b.actors.map(name).join(', ');
  const i = b.label.indexOf(': ');
  const what = i >= 0 ? b.label.slice(i + 2) : b.label;
  return `${who}: ${what}`;
}

/** The claim as it stands: its label when it holds, else its negation. */
export function claimWords(c: ClaimInterval): string {
  let s = c.label;
  if (!c.holds) {
    if (c.claim === 'core-empty') s = 'the common core exists';
    else if (c.claim.startsWith('exit:'))
      s = s.replace(' alone is an exit (leaving it out opens the core)', ' alone is not an exit (leaving it out does not open the core)');
    else if (c.claim.startsWith('pair:')) s = s.replace(' are compatible', ' are not compatible');
    else s = `not so: ${s}`;
  }
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Whether the claim keeps its value over the whole scale of the bound. */
export const robust = (c: ClaimInterval) => c.from === null && c.to === null;

/** "The common core is empty while Russia: military orientation under its control is > 0.62". */
export function intervalWords(c: ClaimInterval, b: BoundSensitivity, name: (id: string) => string): string {
  const who = boundName(b, name);
  const what = claimWords(c);
  if (c.from === null && c.to === null) return `${what} for every value of ${who}`;
  if (c.from === null) return `${what} while ${who} is ${c.toIncluded ? '≤' : '<'} ${num(c.to!)}`;
  if (c.to === null) return `${what} while ${who} is ${c.fromIncluded ? '≥' : '>'} ${num(c.from)}`;
  return `${what} while ${who} is ${c.fromIncluded ? '≥' : '>'} ${num(c.from)} and ${c.toIncluded ? '≤' : '<'} ${num(c.to)}`;
}

/** `status`, when given, replaces the "updating…" words (e.g. to say the answer is stale). */
export function SensitivityCard(props: {
  scenario: Scenario;
  readings: readonly SensitivityReading[] | undefined;
  updating: boolean;
  status?: string;
  problem?: string;
}) {
  const name = (id: string) => shortName(props.scenario, id);
  const moving = (b: BoundSensitivity) => b.claims.filter((c) => !robust(c));
  return (
    <section class="card sensitivity-card" aria-labelledby="sens-title" data-testid="sensitivity">
      <h2 id="sens-title">Sensitivity to the assumed bounds</h2>
      <p class="small muted">
        <Term id="sensitivity">Sensitivity</Term>: each bound marked as an assumption in its source, with the exact interval over which each result of the
        common core keeps its present value (the core empty or not, each single-actor exit, each pair sharing a feature).{' '}
        <span aria-live="polite" data-testid="sensitivity-status">
          {props.status ?? (props.updating ? 'updating…' : '')}
        </span>
      </p>
      <Show when={props.problem}>
        <p role="alert" class="no">
          The sensitivity analysis did not finish: {props.problem}
        </p>
      </Show>
      <Show when={props.readings} fallback={<p class="muted">{props.updating ? 'Computing…' : ''}</p>}>
        {(rs) => (
          <For each={rs()}>
            {(rd, i) => {
              const sensitive = () => rd.bounds.filter((b) => moving(b).length);
              return (
                <details class="sens-reading" open={i() === 0} data-reading={rd.variants.join('+') || 'baseline'}>
                  <summary>
                    <strong>{rd.label}</strong>: {rd.bounds.length} assumed bounds, {sensitive().length} of them can change a result
                  </summary>
                  <ul class="small">
                    <For each={sensitive()}>
                      {(b) => (
                        <li data-constraint={b.constraint}>
                          <span class="sens-bound">
                            {boundName(b, name)} {b.op === '<=' ? '≤' : '≥'} {num(b.rhs)}
                          </span>
                          <ul>
                            <For each={moving(b)}>{(c) => <li>{intervalWords(c, b, name)}</li>}</For>
                          </ul>
                          <Show when={b.claims.length - moving(b).length}>
                            {(n) => (
                              <span class="muted">
                                {n()} other result{n() === 1 ? '' : 's'} hold{n() === 1 ? 's' : ''} for every value of this bound.
                              </span>
                            )}
                          </Show>
                        </li>
                      )}
                    </For>
                  </ul>
                  <Show when={rd.bounds.length - sensitive().length}>
                    <details>
                      <summary class="small">Bounds no result depends on ({rd.bounds.length - sensitive().length})</summary>
                      <ul class="small muted">
                        <For each={rd.bounds.filter((b) => !moving(b).length)}>
                          {(b) => (
                            <li>
                              {boundName(b, name)} {b.op === '<=' ? '≤' : '≥'} {num(b.rhs)}
                            </li>
                          )}
                        </For>
                      </ul>
                    </details>
                  </Show>
                </details>
              );
            }}
          </For>
        )}
      </Show>
    </section>
  );
}
