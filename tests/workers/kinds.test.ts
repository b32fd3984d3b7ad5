/**
 * The analysis client across request kinds: a lane per kind, progress reports, cancellation of
 * superseded long work, and tiny requests on the main thread.
 */
import { describe, expect, it } from 'vitest';
import { fakeWorker } from './fakeWorker';
import { createAnalysisClient, type Progress } from '../../workers/client';
import { parsedBuiltin } from '../fixtures/builtins';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const never = () => new Promise(() => {});
const scenario = {} as never;

describe('analysis client: request kinds', () => {
  it('keeps one lane per kind: a hung cooperative game does not hold up the common core', async () => {
    let made = 0;
    const client = createAnalysisClient(
      () => {
        made++;
        return fakeWorker({ analyseCoop: never, analyseCommonCore: async () => ({ status: 'ok', which: 'core' }) });
      },
      { timeoutMs: 5_000 },
    );
    const coop = client.coop(scenario, []);
    const core = await client.commonCore(scenario, []);
    expect(core).toEqual({ status: 'ok', value: { status: 'ok', which: 'core' } });
    expect(made).toBe(2);
    client.dispose();
    expect((await coop).status).toBe('crashed');
  });

  it('latest wins within a kind, not across kinds', async () => {
    const client = createAnalysisClient(() =>
      fakeWorker({
        analyseCoop: async (_s: unknown, v: string[]) => (await sleep(v[0] === 'slow' ? 40 : 5), { v: v[0] }),
        analyseCommonCore: async () => (await sleep(20), { v: 'core' }),
      }),
    );
    const [a, b, c] = await Promise.all([client.coop(scenario, ['slow']), client.coop(scenario, ['fast']), client.commonCore(scenario, [])]);
    expect(a.status).toBe('stale');
    expect(b).toEqual({ status: 'ok', value: { v: 'fast' } });
    expect(c).toEqual({ status: 'ok', value: { v: 'core' } });
    client.dispose();
  });

  it('reports progress of a long run with the elapsed time, then done', async () => {
    const seen: Progress[] = [];
    const client = createAnalysisClient(() => fakeWorker({ analyseCoop: async () => (await sleep(120), { status: 'ok' }) }), {
      onProgress: (p) => seen.push(p),
      progressEveryMs: 20,
    });
    expect((await client.coop(scenario, [])).status).toBe('ok');
    const running = seen.filter((p) => p.status === 'running');
    expect(running.length).toBeGreaterThanOrEqual(2);
    expect(running.every((p) => p.kind === 'coop' && p.where === 'worker')).toBe(true);
    expect(running[running.length - 1]!.elapsedMs).toBeGreaterThan(running[0]!.elapsedMs);
    expect(seen[seen.length - 1]!.status).toBe('done');
    client.dispose();
  });

  it('cancels superseded work that has run long, by restarting the lane, without reporting a failure', async () => {
    let made = 0;
    const restarts: string[] = [];
    const client = createAnalysisClient(
      () => {
        made++;
        return fakeWorker({ analyseCoop: made === 1 ? never : async () => ({ status: 'ok', made }) });
      },
      { cancelStaleAfterMs: 20, onRestart: (w) => restarts.push(w) },
    );
    const first = client.coop(scenario, []);
    await sleep(40);
    const second = await client.coop(scenario, []);
    expect(await first).toEqual({ status: 'stale' });
    expect(second).toEqual({ status: 'ok', value: { status: 'ok', made: 2 } });
    expect(restarts).toEqual([]);
    client.dispose();
  });

  it('a time-out interrupts the other requests on that worker, and only that lane restarts', async () => {
    let made = 0;
    const restarts: string[] = [];
    const client = createAnalysisClient(
      () => {
        made++;
        return fakeWorker({ analyseCoop: never, analyseCommonCore: async () => ({ status: 'ok' }) });
      },
      { timeouts: { coop: 30 }, onRestart: (w) => restarts.push(w) },
    );
    const r = await client.coop(scenario, []);
    expect(r.status).toBe('timeout');
    expect(restarts).toHaveLength(1);
    expect((await client.commonCore(scenario, [])).status).toBe('ok');
    client.dispose();
  });

  it('runs a tiny forecast and bargaining on the main thread, without a worker', async () => {
    let made = 0;
    const seen: Progress[] = [];
    const client = createAnalysisClient(
      () => {
        made++;
        return fakeWorker({});
      },
      { onProgress: (p) => seen.push(p) },
    );
    const s = await parsedBuiltin('belarus');
    const f = await client.forecast(s, []);
    if (f.status !== 'ok' || f.value.status !== 'ok') throw new Error('forecast should run');
    expect(f.value.report.label).toBe('heuristic');
    expect(f.value.exact).toBe(false);
    const b = await client.bargaining(s, [], ['regime', 'us']);
    if (b.status !== 'ok' || b.value.status !== 'ok') throw new Error('bargaining should run');
    expect(b.value.report.gainsFromTrade).toBe(true);
    expect(made).toBe(0);
    expect(seen.every((p) => p.where === 'main')).toBe(true);
    client.dispose();
  });

  it('sends the same requests to the worker when told never to use the main thread, or when they are large', async () => {
    const s = await parsedBuiltin('belarus');
    const client = createAnalysisClient(
      () => fakeWorker({ analyseForecast: async () => ({ from: 'worker' }), analyseBargaining: async () => ({ from: 'worker' }) }),
      {
        mainThread: 'never',
      },
    );
    expect(await client.forecast(s, [])).toEqual({ status: 'ok', value: { from: 'worker' } });
    client.dispose();
    const small = createAnalysisClient(() => fakeWorker({ analyseBargaining: async () => ({ from: 'worker' }) }), { mainThreadMaxSize: 10 });
    expect(await small.bargaining(s, [], ['regime', 'us'])).toEqual({ status: 'ok', value: { from: 'worker' } });
    small.dispose();
  });
});
