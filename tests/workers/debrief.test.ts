/**
 * The client's debrief lane: the round's position and record cross to the worker as plain data
 * and the report comes back whole; it never runs on the main thread, however small; latest
 * wins; a failure is a status.
 */
import { describe, expect, it } from 'vitest';
import { fakeWorker } from './fakeWorker';
import { createAnalysisClient, type Progress } from '../../workers/client';
import { analyseDebrief, estimateSize, mayRunOnMainThread, REQUEST_KINDS } from '../../workers/api';
import { checkRun, december2025Run } from '../../models/machines/index';
import { builtinDoc } from '../../models/scenario/index';
import { parsedBuiltin } from '../fixtures/builtins';
import type { Scenario } from '../../models/domain/index';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function round1() {
  const s: Scenario = await parsedBuiltin('belarus');
  const r = checkRun(december2025Run(builtinDoc('belarus')), s);
  if (!r.ok) throw new Error(r.problem);
  const c = r.replay.initial.context;
  return { s, start: { world: c.world, holdings: c.holdings, postures: c.postures }, record: r.replay.final.context.history[0]! };
}

describe('analysis client: debrief', () => {
  it('sends the round to the worker as plain data and gets the report back whole, even with a huge main-thread budget', async () => {
    const { s, start, record } = await round1();
    let made = 0;
    const seen: Progress[] = [];
    const client = createAnalysisClient(
      () => {
        made++;
        return fakeWorker({ analyseDebrief });
      },
      { mainThreadMaxSize: Infinity, onProgress: (p) => seen.push(p) },
    );
    const r = await client.debrief(s, start, record, ['regime', 'us']);
    if (r.status !== 'ok' || r.value.status !== 'ok') throw new Error(`the debrief should run: ${JSON.stringify(r)}`);
    expect(r.value).toEqual(analyseDebrief(s, start, record, ['regime', 'us']));
    expect(r.value.report.bargaining?.status).toBe('ok');
    expect(made).toBe(1);
    expect(seen.filter((p) => p.status === 'done').map((p) => [p.kind, p.where])).toEqual([['debrief', 'worker']]);
    client.dispose();
  });

  it('latest wins: an answer for a pair no longer chosen is stale', async () => {
    const { s, start, record } = await round1();
    const client = createAnalysisClient(() =>
      fakeWorker({
        analyseDebrief: async (_s: unknown, _st: unknown, _r: unknown, pair: string[]) => (await sleep(pair[1] === 'us' ? 40 : 5), { status: 'ok', pair }),
      }),
    );
    const [a, b] = await Promise.all([client.debrief(s, start, record, ['regime', 'us']), client.debrief(s, start, record, ['regime', 'lithuania'])]);
    expect(a).toEqual({ status: 'stale' });
    expect(b).toEqual({ status: 'ok', value: { status: 'ok', pair: ['regime', 'lithuania'] } });
    client.dispose();
  });

  it('a failing worker is reported as a status with the reason', async () => {
    const { s, start, record } = await round1();
    const restarts: string[] = [];
    const client = createAnalysisClient(
      () =>
        fakeWorker({
          analyseDebrief: () => {
            throw new Error('out of memory');
          },
        }),
      { onRestart: (w) => restarts.push(w) },
    );
    expect(await client.debrief(s, start, record, null)).toEqual({ status: 'crashed', message: 'the analysis failed: out of memory' });
    expect(restarts).toEqual(['the analysis failed: out of memory']);
    client.dispose();
  });

  it('is a request kind of its own, sized by its capped round game and the pair, and never a main-thread one', async () => {
    const { s } = await round1();
    expect(REQUEST_KINDS).toContain('debrief');
    expect(estimateSize('debrief', s)).toBe(20_000);
    expect(estimateSize('debrief', s, ['regime', 'us'])).toBe(20_000 + 9 * 6);
    expect(mayRunOnMainThread('debrief', 1)).toBe(false);
  });
});
