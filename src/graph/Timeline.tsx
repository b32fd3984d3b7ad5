/**
 * The coalition graph's timeline (round scrubbing): previous, a range over the rounds, next, and
 * play, which steps a round at a time (faster with reduced motion: there is no animation to
 * wait for) until the last; the round shown is read out. The graph owns which frame is shown;
 * the timeline only asks for another.
 */
import { createEffect, createSignal, onCleanup } from 'solid-js';
import { prefersReducedMotion } from './motion';

/** Frame k clamped into 0 … count − 1 (0 when there are none); a fraction or NaN counts as its whole part or 0. */
export function clampFrame(k: number, count: number): number {
  return Math.min(Math.max(Math.trunc(k) || 0, 0), Math.max(count - 1, 0));
}

export function Timeline(props: { index: number; count: number; onGo: (k: number) => void; frameText: string; status: string }) {
  const [playing, setPlaying] = createSignal(false);

  createEffect(() => {
    if (!playing()) return;
    const timer = setInterval(
      () => {
        if (props.index >= props.count - 1) setPlaying(false);
        else props.onGo(props.index + 1);
      },
      prefersReducedMotion() ? 600 : 1200,
    );
    onCleanup(() => clearInterval(timer));
  });

  return (
    <div class="cg-timeline" role="group" aria-label="Timeline">
      <button type="button" onClick={() => props.onGo(props.index - 1)} disabled={props.index <= 0} aria-label="Previous round">
        ◀ Previous
      </button>
      <label class="cg-range">
        <span>Round</span>
        <input
          type="range"
          min="0"
          max={Math.max(props.count - 1, 0)}
          step="1"
          value={props.index}
          disabled={props.count < 2}
          aria-valuetext={props.frameText}
          onInput={(e) => props.onGo(Number(e.currentTarget.value))}
        />
      </label>
      <button type="button" onClick={() => props.onGo(props.index + 1)} disabled={props.index >= props.count - 1} aria-label="Next round">
        Next ▶
      </button>
      <button
        type="button"
        aria-pressed={playing()}
        disabled={props.count < 2}
        onClick={() => {
          if (!playing() && props.index >= props.count - 1) props.onGo(0);
          setPlaying((p) => !p);
        }}
      >
        {playing() ? 'Pause' : 'Play'}
      </button>
      <output class="cg-frame" aria-live="polite">
        {props.frameText}
      </output>
      <span class="cg-status" role="status">
        {props.status}
      </span>
    </div>
  );
}
