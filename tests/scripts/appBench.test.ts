/**
 * The app bench's long-task count (CPU time from a trace, each task put down to where its time
 * went), and its wait for the browser to finish starting a new window.
 */
import { describe, expect, it } from 'vitest';
import { cpuLongTasks, settled } from '../../scripts/bench/app.bench';

const main = { pid: 1, tid: 7 };
const other = { pid: 1, tid: 8 };
const names = [
  { name: 'thread_name', ph: 'M', ts: 0, ...main, args: { name: 'CrRendererMain' } },
  { name: 'thread_name', ph: 'M', ts: 0, ...other, args: { name: 'Compositor' } },
];
const task = (ts: number, ms: number, at = main) => ({ name: 'RunTask', ph: 'X', ts, dur: ms * 1000 + 5000, tdur: ms * 1000, ...at });
const inside = (name: string, ts: number, ms: number, url?: string) => ({
  name,
  ph: 'X',
  ts,
  dur: ms * 1000,
  tdur: ms * 1000,
  ...main,
  ...(url ? { args: { data: { url } } } : {}),
});

describe('cpuLongTasks', () => {
  it('counts main-thread tasks over 50 ms of CPU time, and says where each went', () => {
    const events = [
      ...names,
      task(0, 70),
      inside('FunctionCall', 1000, 50, 'http://x/assets/CoalitionGraph-abc.js'),
      inside('Commit', 52_000, 15),
      task(100_000, 60),
      inside('FunctionCall', 101_000, 10, 'http://x/assets/index-abc.js'),
      inside('Commit', 112_000, 45),
      task(200_000, 55),
      inside('FunctionCall', 201_000, 50, 'http://x/assets/index-abc.js'),
      // Under 50 ms, or on another thread: not counted.
      task(300_000, 49),
      task(400_000, 90, other),
    ];
    expect(cpuLongTasks(events).map(({ ms, source }) => ({ ms, source }))).toEqual([
      { ms: 70, source: 'graph' },
      { ms: 60, source: 'browser' },
      { ms: 55, source: 'app' },
    ]);
    // Its largest parts, for a closer look.
    expect(cpuLongTasks(events)[1]!.top).toBe('Commit 45.0 ms, script index-abc.js:: 10.0 ms');
  });
});

describe('settled', () => {
  /** A browser whose processes have used `steps[i]` seconds of CPU more at the i-th reading (the last step repeats). */
  const browserUsing = (steps: number[]) => {
    let total = 0;
    let i = 0;
    const readings = { count: 0 };
    const cdp = {
      send: async (method: string) => {
        expect(method).toBe('SystemInfo.getProcessInfo');
        readings.count++;
        total += steps[Math.min(i++, steps.length - 1)]!;
        return { processInfo: [{ cpuTime: total / 2 }, { cpuTime: total / 2 }] };
      },
    };
    return { cdp: cdp as unknown as Parameters<typeof settled>[0], readings };
  };

  it('waits while the browser is busy, until three quiet tenths of a second in a row', async () => {
    // The first reading is the baseline; then busy, quiet, busy again (the count starts over), and three quiet.
    const { cdp, readings } = browserUsing([0, 0.15, 0.001, 0.08, 0.01, 0.002, 0.005]);
    const waited = await settled(cdp);
    expect(readings.count).toBe(7);
    expect(waited).toBeGreaterThanOrEqual(550);
  });

  it('gives up after its cap when the browser never goes quiet', async () => {
    const { cdp, readings } = browserUsing([0.2]);
    const waited = await settled(cdp, 450);
    expect(waited).toBeGreaterThanOrEqual(450);
    expect(readings.count).toBeLessThan(10);
  });
});
