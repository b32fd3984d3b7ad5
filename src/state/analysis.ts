/**
 * Live analysis: whenever the scenario, the chosen variants or the chosen pair change, the
 * analyses are recomputed through the worker client — the common core, the opening round game,
 * bargaining for the pair, the cooperative game and the sensitivity of the assumed
 * bounds (its own lane, so it never holds up the common core; the spatial forecast has its own
 * lane too, run by its card). Only the latest answer of each
 * kind is kept; a crash or time-out restarts the worker, says so in the banner, and keeps the
 * user's work. Any analysis that runs past SLOW_MS shows its elapsed time.
 *
 * Each common-core answer is recorded as a User Timing measure, ANALYSIS_MEASURE (from the
 * request to the answer on the main thread; `detail.workerMs`: the time in the worker), which the
 * app benchmark reads with `performance.getEntriesByName`.
 */
import { createEffect, createSignal, on, onCleanup } from 'solid-js';
import { unwrap } from 'solid-js/store';
import { createAnalysisClient, type ClientResult, type Progress } from '../../workers/client';
import type { CommonCoreAnalysis, CoopAnalysis, RoundGameAnalysis, SensitivityAnalysis } from '../../workers/api';
import type { BargainingAnalysis } from '../../workers/local';
import type { RequestKind } from '../../workers/size';
import type { Workspace } from './workspace';
import type { Notify } from './notices';
import { ANALYSIS_MEASURE } from './measures';

/** How long an analysis runs before the view shows its elapsed time. */
const SLOW_MS = 300;

/**
 * `extras()` says whether the views on screen need more than the common core (the Analyse tab
 * does); while editing or playing only the common core runs, so the worker answers faster.
 */
export function createLiveAnalysis(w: Workspace, notify: Notify, extras: () => boolean = () => true) {
  const [running, setRunning] = createSignal<Partial<Record<RequestKind, number>>>({});
  const client = createAnalysisClient(() => new Worker(new URL('../../workers/analysis.worker.ts', import.meta.url), { type: 'module' }), {
    onRestart: (why) => {
      if (why !== 'disposed') notify('error', `The analysis restarted: ${why}. Your work is kept; the analysis will run again on the next change.`);
    },
    progressEveryMs: 250,
    onProgress: (p: Progress) =>
      setRunning((r) => {
        const next = { ...r };
        if (p.status === 'done') delete next[p.kind];
        else next[p.kind] = p.elapsedMs;
        return next;
      }),
  });
  // The common core runs as soon as the scenario is read: its worker starts and loads HiGHS
  // meanwhile, while the page reads the saved workspace and checks the scenario.
  client.warm('commonCore');
  const [result, setResult] = createSignal<CommonCoreAnalysis | undefined>();
  const [roundGame, setRoundGame] = createSignal<RoundGameAnalysis | undefined>();
  const [bargaining, setBargaining] = createSignal<BargainingAnalysis | undefined>();
  const [coop, setCoop] = createSignal<CoopAnalysis | undefined>();
  const [sensitivity, setSensitivity] = createSignal<SensitivityAnalysis | undefined>();
  /** Whether a sensitivity request is out (the card says "updating…" meanwhile and keeps the last answer). */
  const [sensitivityBusy, setSensitivityBusy] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  const [failed, setFailed] = createSignal<Partial<Record<RequestKind, string>>>({});

  const take = <T>(kind: RequestKind, r: ClientResult<T>, set: (v: T) => void) => {
    if (r.status === 'stale') return;
    if (r.status === 'ok') {
      set(r.value);
      setFailed((f) => ({ ...f, [kind]: undefined }));
    } else setFailed((f) => ({ ...f, [kind]: r.message }));
  };

  createEffect(
    on([() => w.scenario(), () => [...w.ws.variants], () => [...w.ws.pair] as [string, string], extras], ([s, variants, pair, more]) => {
      if (!s) return;
      const plain = JSON.parse(JSON.stringify(unwrap(s)));
      setBusy(true);
      const t0 = performance.now();
      void client.commonCore(plain, variants).then((r) => {
        if (r.status === 'stale') return;
        setBusy(false);
        take('commonCore', r, setResult);
        if (r.status === 'ok') performance.measure(ANALYSIS_MEASURE, { start: t0, detail: { workerMs: r.value.status === 'ok' ? r.value.ms : undefined } });
      });
      if (!more) return;
      void client.bargaining(plain, variants, pair).then((r) => take('bargaining', r, setBargaining));
      void client.roundGame(plain, variants, pair).then((r) => take('roundGame', r, setRoundGame));
      void client.coop(plain, variants).then((r) => take('coop', r, setCoop));
      setSensitivityBusy(true);
      void client.sensitivity(plain, variants).then((r) => {
        if (r.status === 'stale') return;
        setSensitivityBusy(false);
        take('sensitivity', r, setSensitivity);
      });
    }),
  );
  onCleanup(() => client.dispose());
  /** Kinds that have been running for longer than SLOW_MS, with their elapsed time. */
  const slow = () => Object.entries(running()).filter(([, ms]) => (ms ?? 0) >= SLOW_MS) as [RequestKind, number][];
  return { result, busy, roundGame, bargaining, coop, sensitivity, sensitivityBusy, slow, failed, client };
}

export type LiveAnalysis = ReturnType<typeof createLiveAnalysis>;
