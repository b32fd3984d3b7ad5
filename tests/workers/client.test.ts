import { describe, expect, it } from 'vitest';
import { fakeWorker } from './fakeWorker';
import { createAnalysisClient } from '../../workers/client';

const scenario = {} as never;

describe('analysis client', () => {
  it('keeps only the latest answer', async () => {
    let n = 0;
    const client = createAnalysisClient(() =>
      fakeWorker({
        analyseCommonCore: async () => {
          const k = ++n;
          await new Promise((r) => setTimeout(r, k === 1 ? 50 : 5));
          return { status: 'ok', k };
        },
      }),
    );
    const [a, b] = await Promise.all([client.commonCore(scenario, []), client.commonCore(scenario, [])]);
    expect(a.status).toBe('stale');
    expect(b).toEqual({ status: 'ok', value: { status: 'ok', k: 2 } });
    client.dispose();
  });

  it('times out a hung worker, restarts it and answers the next request', async () => {
    let made = 0;
    const restarts: string[] = [];
    const client = createAnalysisClient(
      () => {
        made++;
        return fakeWorker({ analyseCommonCore: () => (made === 1 ? new Promise(() => {}) : Promise.resolve({ status: 'ok' })) });
      },
      { timeoutMs: 50, onRestart: (w) => restarts.push(w) },
    );
    expect((await client.commonCore(scenario, [])).status).toBe('timeout');
    expect(restarts).toHaveLength(1);
    expect(await client.commonCore(scenario, [])).toEqual({ status: 'ok', value: { status: 'ok' } });
    expect(made).toBe(2);
    client.dispose();
  });

  it('warms a lane: its worker starts and loads its solver before the first request, which then uses it', async () => {
    let made = 0;
    const calls: string[] = [];
    const client = createAnalysisClient(() => {
      made++;
      return fakeWorker({
        warm: async () => void calls.push('warm'),
        analyseCommonCore: async () => (calls.push('commonCore'), { status: 'ok' }),
      });
    });
    client.warm('commonCore');
    expect(made).toBe(1);
    await new Promise((r) => setTimeout(r, 10));
    expect(calls).toEqual(['warm']);
    expect(await client.commonCore(scenario, [])).toEqual({ status: 'ok', value: { status: 'ok' } });
    expect(made).toBe(1);
    expect(calls).toEqual(['warm', 'commonCore']);
    client.dispose();
  });

  it('reports a crash as a status and restarts', async () => {
    let current: (Worker & { crash: () => void }) | undefined;
    const client = createAnalysisClient(() => (current = fakeWorker({ analyseCommonCore: () => new Promise(() => {}) })), { timeoutMs: 5_000 });
    const pending = client.commonCore(scenario, []);
    await new Promise((r) => setTimeout(r, 10));
    current!.crash();
    expect(await pending).toEqual({ status: 'crashed', message: 'the analysis worker crashed' });
    client.dispose();
  });
});
