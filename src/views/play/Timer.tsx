/** A round timer for the projector: counts down while the round is open; the teacher closes the round. */
import { Show, createSignal, onCleanup, createEffect, on } from 'solid-js';

export function RoundTimer(props: { seconds: number; running: boolean; key: string | number }) {
  const [left, setLeft] = createSignal(props.seconds);
  let handle: ReturnType<typeof setInterval> | undefined;
  // A new round (or a new limit) starts from the full time; a pause keeps the time left.
  createEffect(on([() => props.key, () => props.seconds], ([, seconds]) => setLeft(seconds)));
  createEffect(() => {
    void props.key; // a new round's first second is a whole one
    clearInterval(handle);
    if (props.running && props.seconds > 0) handle = setInterval(() => setLeft((s) => Math.max(0, s - 1)), 1000);
  });
  onCleanup(() => clearInterval(handle));
  const mmss = () => `${Math.floor(left() / 60)}:${String(left() % 60).padStart(2, '0')}`;
  return (
    <Show when={props.seconds > 0}>
      <span class="timer" classList={{ expired: left() === 0 }} role="timer" aria-live="off" aria-label={`Time left: ${mmss()}`}>
        {left() === 0 ? 'Time is up' : mmss()}
      </span>
    </Show>
  );
}
