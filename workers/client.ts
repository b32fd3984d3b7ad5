/**
 * The analysis client: latest-wins (a stale answer is dropped), a time-out that restarts a hung
 * worker, and a restart after a crash. The caller always gets a status value, never a rejection,
 * and keeps its own state.
 */
import * as Comlink from 'comlink';
import type { AnalysisApi } from './analysis.worker';
import type { CommonCoreAnalysis } from './api';

export type ClientResult<T> = { status: 'ok'; value: T } | { status: 'stale' } | { status: 'timeout' | 'crashed'; message: string };

export interface WorkerLike {
  terminate(): void;
  addEventListener(type: 'error', f: (e: unknown) => void): void;
}

export function createAnalysisClient(
  makeWorker: () => WorkerLike & Worker,
  opts: { timeoutMs?: number; onRestart?: (why: string) => void } = {},
) {
  const timeoutMs = opts.timeoutMs ?? 15_000;
  let worker: (WorkerLike & Worker) | undefined;
  let api: Comlink.Remote<AnalysisApi> | undefined;
  let crash: ((why: string) => void) | undefined;
  const latest = new Map<string, number>();
  let seq = 0;

  const start = () => {
    worker = makeWorker();
    api = Comlink.wrap<AnalysisApi>(worker);
    worker.addEventListener('error', () => crash?.('the analysis worker crashed'));
  };
  const restart = (why: string) => {
    worker?.terminate();
    worker = undefined;
    api = undefined;
    opts.onRestart?.(why);
  };

  async function call<T>(kind: string, f: (a: Comlink.Remote<AnalysisApi>) => Promise<T>): Promise<ClientResult<T>> {
    const id = ++seq;
    latest.set(kind, id);
    if (!api) start();
    const run = f(api!).then((value) => ({ status: 'ok' as const, value }));
    let timer: ReturnType<typeof setTimeout> | undefined;
    const limit = new Promise<ClientResult<T>>((resolve) => {
      timer = setTimeout(() => resolve({ status: 'timeout', message: `the analysis took over ${timeoutMs / 1000} s and was stopped` }), timeoutMs);
      crash = (why) => resolve({ status: 'crashed', message: why });
    });
    let r: ClientResult<T>;
    try {
      r = await Promise.race([run, limit]);
    } catch (e) {
      r = { status: 'crashed', message: `the analysis failed: ${(e as Error).message}` };
    }
    clearTimeout(timer);
    if (r.status === 'timeout' || r.status === 'crashed') {
      restart(r.message);
      return r;
    }
    return latest.get(kind) === id ? r : { status: 'stale' };
  }

  return {
    commonCore: (scenario: Parameters<AnalysisApi['analyseCommonCore']>[0], variants: string[]) =>
      call<CommonCoreAnalysis>('commonCore', (a) => a.analyseCommonCore(scenario, variants)),
    dispose: () => restart('disposed'),
  };
}

export type AnalysisClient = ReturnType<typeof createAnalysisClient>;
