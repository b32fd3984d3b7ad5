/**
 * The hand-over screen between teams: it hides everything until the named team says it holds
 * the screen, so no team sees another's secret move.
 */
import { onMount } from 'solid-js';

export function HandOver(props: { team: string; actorName: string; onReady: () => void }) {
  let button: HTMLButtonElement | undefined;
  onMount(() => button?.focus());
  return (
    <section class="handover" aria-labelledby="handover-title" data-testid="handover">
      <h2 id="handover-title">Pass the screen to {props.team}</h2>
      <p>
        Next: <strong>{props.actorName}</strong>. Everyone else, look away.
      </p>
      <button ref={button} type="button" class="primary big" onClick={() => props.onReady()}>
        I am {props.team} — show my options
      </button>
    </section>
  );
}
