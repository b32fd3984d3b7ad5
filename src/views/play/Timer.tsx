/**
 * The round timer for the projector: it counts down to a deadline kept with the run (so a reload
 * keeps counting instead of starting again); the teacher closes the round when time is up.
 */
import { Show, createSignal, onCleanup } from 'solid-js';
import { clockText } from '../../ui/clock';

export function RoundTimer(props: { endsAt: number | undefined; label: string }) {
  const [now, setNow] = createSignal(Date.now());
  // A fraction of a second, so that the display never lags a whole second behind the deadline.
  const handle = setInterval(() => setNow(Date.now()), 250);
  onCleanup(() => clearInterval(handle));
  // The tick only says when to look again: the time is read afresh, since a deadline set just now is newer than the last tick.
  const left = () => {
    now();
    return props.endsAt === undefined ? 0 : Math.max(0, Math.ceil((props.endsAt - Date.now()) / 1000));
  };
  const mmss = () => clockText(left());
  return (
    <Show when={props.endsAt !== undefined}>
      <span class="timer" classList={{ expired: left() === 0 }} role="timer" aria-live="off" aria-label={`${props.label}: ${mmss()} left`} data-testid="timer">
        <span class="muted small">{props.label}: </span>
        {left() === 0 ? 'Time is up' : mmss()}
      </span>
    </Show>
  );
}
