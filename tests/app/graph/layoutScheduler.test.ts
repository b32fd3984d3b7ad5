import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDrawHold, createFrameGate, createLayoutQueue, FRAME_WAIT_MS, HOLD_MAX_MS, nextFrame, type LetGo } from '../../../src/graph/layoutScheduler';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

/** A promise the test settles by hand. */
function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('the frame gate', () => {
  it('applies a frame in a task of its own, and only the latest of those offered meanwhile', async () => {
    const applied: number[] = [];
    const gate = createFrameGate<number>((f) => void applied.push(f));
    gate.setVisible(true);
    gate.offer(1);
    gate.offer(2);
    gate.offer(3);
    expect(applied).toEqual([]);
    expect(gate.pending()).toBe(3);
    await vi.runAllTimersAsync();
    expect(applied).toEqual([3]);
    expect(gate.pending()).toBeUndefined();
  });

  it('keeps the latest frame of a graph off screen until it comes on screen', async () => {
    const applied: number[] = [];
    const gate = createFrameGate<number>((f) => void applied.push(f));
    gate.offer(1);
    gate.offer(2);
    await vi.runAllTimersAsync();
    expect(applied).toEqual([]);
    gate.setVisible(true);
    await vi.runAllTimersAsync();
    expect(applied).toEqual([2]);
  });

  it('waits for a frame being applied before it applies a newer one', async () => {
    const applied: number[] = [];
    const slow = deferred();
    const gate = createFrameGate<number>(async (f) => {
      applied.push(f);
      if (f === 1) await slow.promise;
    });
    gate.setVisible(true);
    gate.offer(1);
    await vi.runAllTimersAsync();
    gate.offer(2);
    gate.offer(3);
    await vi.runAllTimersAsync();
    expect(applied).toEqual([1]);
    slow.resolve();
    await vi.runAllTimersAsync();
    expect(applied).toEqual([1, 3]);
  });

  it('applies nothing once disposed', async () => {
    const applied: number[] = [];
    const gate = createFrameGate<number>((f) => void applied.push(f));
    gate.setVisible(true);
    gate.offer(1);
    gate.dispose();
    gate.offer(2);
    await vi.runAllTimersAsync();
    expect(applied).toEqual([]);
  });
});

describe('the layout queue', () => {
  it('runs one layout at a time; requests meanwhile collapse into one, animated if any was, and make the one in flight stale', async () => {
    const runs: { animate: boolean; stale: () => boolean; done: ReturnType<typeof deferred> }[] = [];
    const queue = createLayoutQueue((animate, stale) => {
      const done = deferred();
      runs.push({ animate, stale, done });
      return done.promise;
    });
    void queue.request(false);
    void queue.request(true);
    void queue.request(false);
    expect(runs).toHaveLength(1);
    expect(runs[0]!.stale()).toBe(true);
    runs[0]!.done.resolve();
    await vi.runAllTimersAsync();
    expect(runs.map((r) => r.animate)).toEqual([false, true]);
    expect(runs[1]!.stale()).toBe(false);
    runs[1]!.done.resolve();
    await vi.runAllTimersAsync();
    expect(runs).toHaveLength(2);
  });

  it('cancel makes the layout in flight stale', async () => {
    const runs: (() => boolean)[] = [];
    const queue = createLayoutQueue(async (_animate, stale) => void runs.push(stale));
    const done = queue.request(true);
    queue.cancel();
    await done;
    expect(runs[0]!()).toBe(true);
  });
});

describe('the draw hold', () => {
  const target = () => {
    const calls: string[] = [];
    let destroyed = false;
    return { calls, destroy: () => (destroyed = true), startBatch: () => calls.push('start'), endBatch: () => calls.push('end'), destroyed: () => destroyed };
  };

  it('holds the drawing until the layout lets it go, and counts that', () => {
    const letGo: LetGo[] = [];
    const hold = createDrawHold((by) => letGo.push(by));
    const c = target();
    hold.hold(c);
    hold.hold(c); // already held: no second batch
    expect(c.calls).toEqual(['start']);
    hold.release('layout');
    expect(c.calls).toEqual(['start', 'end']);
    expect(letGo).toEqual(['layout']);
    hold.release('layout'); // nothing held: nothing counted
    expect(letGo).toEqual(['layout']);
  });

  it('never holds longer than HOLD_MAX_MS', () => {
    const letGo: LetGo[] = [];
    const hold = createDrawHold((by) => letGo.push(by));
    const c = target();
    hold.hold(c);
    vi.advanceTimersByTime(HOLD_MAX_MS - 1);
    expect(c.calls).toEqual(['start']);
    vi.advanceTimersByTime(1);
    expect(c.calls).toEqual(['start', 'end']);
    expect(letGo).toEqual(['timeout']);
  });

  it('lets go without counting when told no reason, and leaves a destroyed graph alone', () => {
    const letGo: LetGo[] = [];
    const hold = createDrawHold((by) => letGo.push(by));
    const c = target();
    hold.hold(c);
    hold.release();
    expect(c.calls).toEqual(['start', 'end']);
    const d = target();
    hold.hold(d);
    d.destroy();
    hold.release('layout');
    expect(d.calls).toEqual(['start']);
    expect(letGo).toEqual([]);
  });
});

describe('waiting for a frame', () => {
  /** A page whose frames the test draws by hand. */
  function frames() {
    const callbacks: FrameRequestCallback[] = [];
    vi.stubGlobal('requestAnimationFrame', (f: FrameRequestCallback) => callbacks.push(f));
    return () => {
      for (const f of callbacks.splice(0)) f(0);
    };
  }
  afterEach(() => vi.unstubAllGlobals());

  it('resolves in a task after the next frame, not before it and not in the frame itself', async () => {
    const frame = frames();
    let done = false;
    void nextFrame().then(() => (done = true));
    await vi.advanceTimersByTimeAsync(FRAME_WAIT_MS / 2);
    expect(done).toBe(false);
    frame();
    await Promise.resolve();
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(0);
    expect(done).toBe(true);
  });

  it('resolves without a frame after FRAME_WAIT_MS (a page in a background tab draws none), once', async () => {
    const frame = frames();
    let count = 0;
    void nextFrame().then(() => count++);
    await vi.advanceTimersByTimeAsync(FRAME_WAIT_MS - 1);
    expect(count).toBe(0);
    // The time limit, then the task after it.
    await vi.advanceTimersByTimeAsync(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(count).toBe(1);
    frame();
    await vi.runAllTimersAsync();
    expect(count).toBe(1);
  });
});
