/**
 * The actors' briefing sheets, one printed page an actor: role, goals (in natural units), minimum,
 * assets and leverage, and moves with their effects, at the scenario's opening position. The
 * sheets are put on the page only while printing: on screen they stay out of the way, and on
 * paper nothing else prints beside them (reading.css).
 */
import { For, Show, createSignal, onCleanup } from 'solid-js';
import { Portal } from 'solid-js/web';
import { actorBrief } from '../../../models/analysis/briefing';
import { initialState } from '../../../models/domain/space';
import type { Scenario } from '../../../models/domain/types';
import { GoalTable } from './GoalTable';
import './reading.css';

export function PrintBriefingsButton(props: { scenario: Scenario }) {
  const [printing, setPrinting] = createSignal(false);
  const done = () => setPrinting(false);
  addEventListener('afterprint', done);
  onCleanup(() => removeEventListener('afterprint', done));
  const print = () => {
    setPrinting(true);
    // Let the sheets lay out before the print dialog takes its snapshot.
    requestAnimationFrame(() => window.print());
  };
  return (
    <>
      <button type="button" data-testid="print-briefings" onClick={print} title="One page an actor: role, goals, minimum, assets and moves">
        Print briefings
      </button>
      <Show when={printing()}>
        <Portal>
          <BriefingSheets scenario={props.scenario} />
        </Portal>
      </Show>
    </>
  );
}

export function BriefingSheets(props: { scenario: Scenario }) {
  const world = () => initialState(props.scenario);
  return (
    <div class="print-briefings" data-testid="briefings">
      <For each={props.scenario.actors}>
        {(a) => {
          const b = () => actorBrief(props.scenario, a.id, world());
          const label = (id: string) => props.scenario.moves.find((m) => m.id === id)?.label ?? id;
          return (
            <article class="briefing" data-actor={a.id}>
              <header>
                <p class="briefing-scenario">{props.scenario.title} — briefing</p>
                <h1>{b().name}</h1>
                <p>{b().description}</p>
                <p class="small">
                  Capability {b().capability} (relative power) · patience {b().patience} (how much a deal next round is worth against one now)
                </p>
              </header>
              <section>
                <h2>Your goals</h2>
                <GoalTable goals={b().goals} print />
              </section>
              <div class="briefing-pair">
                <section>
                  <h2>Your minimum</h2>
                  <p class="small">An outcome that breaks one of these is unacceptable to you.</p>
                  <ul>
                    <For each={b().minimum} fallback={<li>No conditions: every outcome is acceptable.</li>}>
                      {(c) => (
                        <li>
                          {c.label}{' '}
                          <span class="muted">
                            ({c.formula}; today {c.met ? 'met' : 'not met'})
                          </span>
                        </li>
                      )}
                    </For>
                  </ul>
                </section>
                <section>
                  <h2>What you hold</h2>
                  <ul>
                    <For each={b().assets} fallback={<li>No assets of your own.</li>}>
                      {(x) => (
                        <li>
                          <strong>{x.name}</strong>
                          {x.quantity !== undefined ? ` (${x.quantity.toLocaleString('en-GB')})` : ''}
                          {x.leverage ? ' — a bargaining chip: giving it up costs you unless something comes back' : ''}
                          {x.shared ? ' — shared with another actor' : ''}. <span class="muted">{x.description}</span>
                        </li>
                      )}
                    </For>
                  </ul>
                </section>
              </div>
              <section>
                <h2>Your moves</h2>
                <ul class="briefing-moves">
                  <li>
                    <strong>Hold</strong> — do nothing this round.
                  </li>
                  <For each={b().moves}>
                    {(m) => (
                      <li>
                        <strong>{label(m.id)}</strong> <span class="muted">({m.tone})</span>: {m.effects.join('; ')}.{' '}
                        <Show when={m.description}>
                          <span class="muted">{m.description}</span>
                        </Show>
                      </li>
                    )}
                  </For>
                </ul>
              </section>
            </article>
          );
        }}
      </For>
    </div>
  );
}
