/**
 * The analysis client. One lane per request kind (common core, the sensitivity of its assumed
 * bounds, cooperative game, bargaining, forecast, the spatial model, round game, a round's debrief), each with its own worker, created on first use:
 *
 * - latest wins: only the latest answer per kind is delivered; an older one resolves `stale`.
 *   Superseded work that has run for `cancelStaleAfterMs` is cancelled by restarting that
 *   lane's worker (short work is left to finish, so typing does not thrash the worker);
 * - a time-out (per kind, default `timeoutMs`) restarts a hung worker, and a crash restarts a
 *   crashed one; `onRestart` says why, and requests in flight on it resolve `crashed`;
 * - `onProgress` reports long runs: `running` with the elapsed ms every `progressEveryMs`,
 *   then `done`;
 * - tiny requests run on the main thread: a kind that needs no LP (forecast, bargaining)
 *   whose estimated size (size.ts) is at most `mainThreadMaxSize` is computed by calling the
 *   api functions directly (workers/local.ts, loaded lazily), with no worker round trip.
 *
 * The caller always gets a status value, never a rejection, and keeps its own state.
 */
import * as Comlink from 'comlink';
import type { AnalysisApi } from './analysis.worker';
import type { CommonCoreAnalysis, CoopAnalysis, DebriefAnalysis, RoundGameAnalysis, SensitivityAnalysis } from './api';
import type { BargainingAnalysis, ForecastAnalysis, SpatialAnalysis } from './local';
import { estimateSize, mayRunOnMainThread, MAIN_THREAD_MAX_SIZE, type RequestKind } from './size';
import type { ActorId, Scenario } from '../models/domain/index';
import type { DebriefStart } from '../models/analysis/debrief';
import type { RoundRecord } from '../models/machines/roundLogic';

export type { RequestKind } from './size';

export type ClientResult<T> = { status: 'ok'; value: T } | { status: 'stale' } | { status: 'timeout' | 'crashed'; message: string };

export interface Progress {
  kind: RequestKind;
  status: 'running' | 'done';
  elapsedMs: number;
  where: 'worker' | 'main';
}

export interface WorkerLike {
  terminate(): void;
  addEventListener(type: 'error', f: (e: unknown) => void): void;
}

export interface ClientOptions {
  timeoutMs?: number;
  /** Per-kind time-outs, overriding `timeoutMs`. */
  timeouts?: Partial<Record<RequestKind, number>>;
  onRestart?: (why: string) => void;
  onProgress?: (p: Progress) => void;
  progressEveryMs?: number;
  /** 'auto' (default): tiny LP-free requests run on the main thread; 'never': always the worker. */
  mainThread?: 'auto' | 'never';
  mainThreadMaxSize?: number;
  cancelStaleAfterMs?: number;
}

interface Pending {
  settle: (r: { status: 'timeout' | 'crashed' | 'stale'; message?: string }) => void;
}

interface Lane {
  worker?: WorkerLike & Worker;
  api?: Comlink.Remote<AnalysisApi>;
  pending: Set<Pending>;
  latest: number;
  /** When the request now running on the worker started, and its settle function. */
  running?: { id: number; started: number; pending: Pending };
}

const now = () => (typeof performance !== 'undefined' ? performance.now() : 0);

export function createAnalysisClient(makeWorker: () => WorkerLike & Worker, opts: ClientOptions = {}) {
  const timeoutMs = opts.timeoutMs ?? 15_000;
  const progressEveryMs = opts.progressEveryMs ?? 500;
  const cancelStaleAfterMs = opts.cancelStaleAfterMs ?? 2_000;
  const lanes = new Map<RequestKind, Lane>();
  let seq = 0;

  const lane = (kind: RequestKind): Lane => {
    let l = lanes.get(kind);
    if (!l) lanes.set(kind, (l = { pending: new Set(), latest: 0 }));
    return l;
  };

  const start = (l: Lane) => {
    const w = makeWorker();
    l.worker = w;
    l.api = Comlink.wrap<AnalysisApi>(w);
    w.addEventListener('error', () => {
      if (l.worker !== w) return;
      stop(l, 'the analysis worker crashed', 'crashed');
      opts.onRestart?.('the analysis worker crashed');
    });
  };

  /** Terminate the lane's worker; everything in flight on it resolves with `status`. */
  const stop = (l: Lane, why: string, status: 'timeout' | 'crashed' | 'stale', except?: Pending) => {
    l.worker?.terminate();
    l.worker = undefined;
    l.api = undefined;
    l.running = undefined;
    for (const p of [...l.pending]) if (p !== except) p.settle(status === 'stale' ? { status } : { status, message: why });
  };

  async function onMain<T>(kind: RequestKind, id: number, f: () => T | Promise<T>): Promise<ClientResult<T>> {
    const l = lane(kind);
    const t0 = now();
    try {
      const value = await f();
      opts.onProgress?.({ kind, status: 'done', elapsedMs: now() - t0, where: 'main' });
      return l.latest === id ? { status: 'ok', value } : { status: 'stale' };
    } catch (e) {
      return { status: 'crashed', message: `the analysis failed: ${(e as Error).message}` };
    }
  }

  async function onWorker<T>(kind: RequestKind, id: number, f: (a: Comlink.Remote<AnalysisApi>) => Promise<T>): Promise<ClientResult<T>> {
    const l = lane(kind);
    // Cancel superseded work that has already run for a while.
    if (l.running && now() - l.running.started >= cancelStaleAfterMs) stop(l, 'superseded', 'stale');
    if (!l.api) start(l);
    const limit = opts.timeouts?.[kind] ?? timeoutMs;
    const t0 = now();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let ticker: ReturnType<typeof setInterval> | undefined;
    let settle!: Pending['settle'];
    const interrupted = new Promise<ClientResult<T>>((resolve) => {
      settle = (r) => resolve(r.status === 'stale' ? { status: 'stale' } : { status: r.status, message: r.message ?? '' });
    });
    const pending: Pending = { settle };
    l.pending.add(pending);
    l.running = { id, started: t0, pending };
    timer = setTimeout(() => {
      const why = `the analysis took over ${limit / 1000} s and was stopped`;
      pending.settle({ status: 'timeout', message: why });
      stop(l, why, 'crashed', pending);
      opts.onRestart?.(why);
    }, limit);
    if (opts.onProgress) ticker = setInterval(() => opts.onProgress!({ kind, status: 'running', elapsedMs: now() - t0, where: 'worker' }), progressEveryMs);
    const run = f(l.api!).then(
      (value) => ({ status: 'ok' as const, value }),
      (e: unknown) => ({ status: 'crashed' as const, message: `the analysis failed: ${(e as Error)?.message ?? String(e)}` }),
    );
    const r: ClientResult<T> = await Promise.race([run, interrupted]);
    clearTimeout(timer);
    if (ticker) clearInterval(ticker);
    l.pending.delete(pending);
    if (l.running?.pending === pending) l.running = undefined;
    opts.onProgress?.({ kind, status: 'done', elapsedMs: now() - t0, where: 'worker' });
    if (r.status === 'crashed' && l.api && !r.message.startsWith('the analysis worker')) {
      // The call itself failed (e.g. a thrown error): restart to be safe.
      stop(l, r.message, 'crashed');
      opts.onRestart?.(r.message);
    }
    if (r.status !== 'ok') return r;
    return l.latest === id ? r : { status: 'stale' };
  }

  function request<T>(
    kind: RequestKind,
    size: number,
    viaWorker: (a: Comlink.Remote<AnalysisApi>, isLatest: () => boolean) => Promise<T>,
    local?: () => Promise<T>,
  ): Promise<ClientResult<T>> {
    const id = ++seq;
    const l = lane(kind);
    l.latest = id;
    if (local && opts.mainThread !== 'never' && mayRunOnMainThread(kind, size, opts.mainThreadMaxSize ?? MAIN_THREAD_MAX_SIZE)) return onMain(kind, id, local);
    return onWorker(kind, id, (a) => viaWorker(a, () => l.latest === id));
  }

  const safeSize = (kind: RequestKind, scenario: Scenario, pair?: readonly ActorId[]) => {
    try {
      return estimateSize(kind, scenario, pair);
    } catch {
      return Infinity;
    }
  };

  return {
    /**
     * Start a kind's worker and load its solver now (HiGHS: fetched, compiled and instantiated),
     * so the first request of that kind does not wait for them. Nothing is reported; a failure
     * shows up as the lane's crash like any other.
     */
    warm: (kind: RequestKind) => {
      const l = lane(kind);
      if (!l.api) start(l);
      void l.api!.warm().catch(() => undefined);
    },
    /**
     * The common core under the variants and each reading. `onFirst` gets the chosen variants'
     * reading alone as soon as the worker has it (only while this request is the latest).
     */
    commonCore: (scenario: Scenario, variants: string[], onFirst?: (first: CommonCoreAnalysis) => void) =>
      request<CommonCoreAnalysis>('commonCore', Infinity, (a, isLatest) =>
        a.analyseCommonCore(
          scenario,
          variants,
          onFirst
            ? Comlink.proxy((first: CommonCoreAnalysis) => {
                if (isLatest()) onFirst(first);
              })
            : undefined,
        ),
      ),
    /** The sensitivity of every assumed bound, per reading: its own lane, so live common-core edits are not held up by it. */
    sensitivity: (scenario: Scenario, variants: string[]) =>
      request<SensitivityAnalysis>('sensitivity', Infinity, (a) => a.analyseSensitivity(scenario, variants)),
    coop: (scenario: Scenario, variants: string[], o: { actors?: ActorId[]; nodeBudget?: number } = {}) =>
      request<CoopAnalysis>('coop', Infinity, (a) => a.analyseCoop(scenario, variants, o)),
    bargaining: (scenario: Scenario, variants: string[], pair: [ActorId, ActorId], o: { first?: ActorId } = {}) =>
      request<BargainingAnalysis>(
        'bargaining',
        safeSize('bargaining', scenario, pair),
        (a) => a.analyseBargaining(scenario, variants, pair, o),
        async () => (await import('./local')).analyseBargaining(scenario, variants, pair, o, now),
      ),
    forecast: (scenario: Scenario, variants: string[]) =>
      request<ForecastAnalysis>(
        'forecast',
        safeSize('forecast', scenario),
        (a) => a.analyseForecast(scenario, variants),
        async () => (await import('./local')).analyseForecast(scenario, variants, now),
      ),
    /** The spatial bargaining model (per-turn positions and why each actor moved): always in the worker, on its own lane. */
    spatial: (scenario: Scenario, variants: string[]) =>
      request<SpatialAnalysis>('spatial', safeSize('spatial', scenario), (a) => a.analyseSpatial(scenario, variants)),
    roundGame: (scenario: Scenario, variants: string[], pair: [ActorId, ActorId], o: { maxProfiles?: number; mixedDominance?: boolean } = {}) =>
      request<RoundGameAnalysis>('roundGame', Infinity, (a) => a.analyseRoundGame(scenario, variants, pair, o)),
    /** A resolved round's debrief on the run's scenario (variants applied); always in the worker. */
    debrief: (scenario: Scenario, start: DebriefStart, record: RoundRecord, pair: [ActorId, ActorId] | null) =>
      request<DebriefAnalysis>('debrief', safeSize('debrief', scenario, pair ?? undefined), (a) => a.analyseDebrief(scenario, start, record, pair)),
    dispose: () => {
      for (const l of lanes.values()) stop(l, 'disposed', 'crashed');
      opts.onRestart?.('disposed');
    },
  };
}

export type AnalysisClient = ReturnType<typeof createAnalysisClient>;
