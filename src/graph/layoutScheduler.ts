/**
 * When the coalition graph applies a frame, lays it out and draws it — three small schedulers
 * with timers and no DOM, so they can be tested with fake timers:
 *
 * - the frame gate: a new frame is applied in a task of its own, after the one that changed it
 *   (a slider's input, a click), and only the latest when several come at once, so dragging a
 *   slider stays smooth. A graph that is off screen keeps its latest frame until it is
 *   scrolled to, and then moves to it;
 * - the layout queue: one layout at a time; while one is in the worker, later requests collapse
 *   into one that runs when it is back (from wherever the nodes are then), so dragging a slider
 *   never queues up work, and the answer in flight is marked stale;
 * - the draw hold: while an animated frame's layout is in the worker, Cytoscape's drawing is held
 *   (a batch). The new elements at their old places would otherwise be drawn once for nothing,
 *   and that draw is the dearest of the transition (every changed element restyled, measured and
 *   re-cached) and comes while the workers are busy with the round. Held, it is drawn once, with
 *   the answer, as the animation's first frame. A hold never outlives HOLD_MAX_MS, so a layout
 *   that fails or never answers only delays the draw.
 */

/** The longest the graph's drawing is held for a layout answer. */
export const HOLD_MAX_MS = 1000;

/** Resolves in a task of its own. */
export const nextTask = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

/** The longest `nextFrame` waits for a frame (a page in a background tab draws none). */
export const FRAME_WAIT_MS = 100;

/** Resolves in a task after the page's next frame, or after FRAME_WAIT_MS without one. */
export const nextFrame = (): Promise<void> =>
  new Promise((resolve) => {
    let done = false;
    const go = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      setTimeout(resolve, 0);
    };
    const timer = setTimeout(go, FRAME_WAIT_MS);
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(go);
  });

export interface FrameGate<F> {
  /** The frame to show next (replaces one not yet applied). */
  offer(frame: F): void;
  /** The frame offered and not yet applied, if any. */
  pending(): F | undefined;
  /** Whether the graph is on screen or near it; frames wait while it is not. */
  setVisible(visible: boolean): void;
  dispose(): void;
}

export function createFrameGate<F>(apply: (frame: F) => Promise<void> | void): FrameGate<F> {
  let pending: F | undefined;
  let visible = false;
  /** A task is scheduled or a frame is being applied: a newer frame waits for it. */
  let busy = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let disposed = false;
  const schedule = () => {
    if (busy || disposed || pending === undefined || !visible) return;
    busy = true;
    timer = setTimeout(() => void run(), 0);
  };
  async function run() {
    const f = pending;
    pending = undefined;
    try {
      if (f !== undefined) await apply(f);
    } finally {
      busy = false;
    }
    schedule(); // a newer frame that came in meanwhile
  }
  return {
    offer(frame) {
      pending = frame;
      schedule();
    },
    pending: () => pending,
    setVisible(v) {
      visible = v;
      schedule();
    },
    dispose() {
      disposed = true;
      clearTimeout(timer);
      pending = undefined;
    },
  };
}

export interface LayoutQueue {
  /** Lay out now, or once the layout in flight is back (requests meanwhile collapse into one, animated if any was). */
  request(animate: boolean): Promise<void>;
  /** Mark the layout in flight stale (its answer is dropped). */
  cancel(): void;
}

/** `layout` runs one layout; `isStale()` says, after its awaits, whether a newer request superseded it. */
export function createLayoutQueue(layout: (animate: boolean, isStale: () => boolean) => Promise<void>): LayoutQueue {
  let seq = 0;
  let inFlight = false;
  let queued: boolean | undefined;
  async function request(animate: boolean): Promise<void> {
    if (inFlight) {
      queued = (queued ?? false) || animate;
      seq++; // the answer in flight is stale now
      return;
    }
    inFlight = true;
    const my = ++seq;
    try {
      await layout(animate, () => my !== seq);
    } finally {
      inFlight = false;
    }
    if (queued !== undefined) {
      const again = queued;
      queued = undefined;
      void request(again);
    }
  }
  return {
    request,
    cancel: () => {
      seq++;
    },
  };
}

/** What a hold holds: Cytoscape's batch. */
export interface Batchable {
  startBatch(): unknown;
  endBatch(): unknown;
  destroyed(): boolean;
}

/** Who let a hold go: the layout's answer, or the time limit. */
export type LetGo = 'layout' | 'timeout';

export interface DrawHold {
  /** Hold the drawing (no-op while already held). */
  hold(target: Batchable): void;
  /** Let the drawing go; `by` is reported to `onLetGo` when a hold was actually let go. */
  release(by?: LetGo): void;
  dispose(): void;
}

export function createDrawHold(onLetGo: (by: LetGo) => void, maxMs = HOLD_MAX_MS): DrawHold {
  let held: Batchable | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const release = (by?: LetGo) => {
    clearTimeout(timer);
    timer = undefined;
    const c = held;
    held = undefined;
    if (!c || c.destroyed()) return;
    c.endBatch();
    if (by) onLetGo(by);
  };
  return {
    hold(target) {
      if (held) return;
      held = target;
      target.startBatch();
      timer = setTimeout(() => release('timeout'), maxMs);
    },
    release,
    dispose: () => clearTimeout(timer),
  };
}
