/**
 * Live analysis: whenever the scenario or the chosen variants change, the common core is
 * recomputed in the worker. Only the latest answer is kept; a crash or time-out restarts the
 * worker, says so in the banner, and keeps the user's work.
 */
import { createEffect, createSignal, on, onCleanup } from 'solid-js';
import { unwrap } from 'solid-js/store';
import { createAnalysisClient } from '../../workers/client';
import type { CommonCoreAnalysis } from '../../workers/api';
import { workspace } from './workspace';
import { notify } from './notices';

export function createLiveAnalysis() {
  const w = workspace();
  const client = createAnalysisClient(() => new Worker(new URL('../../workers/analysis.worker.ts', import.meta.url), { type: 'module' }), {
    onRestart: (why) => {
      if (why !== 'disposed') notify('error', `The analysis restarted: ${why}. Your work is kept; the analysis will run again on the next change.`);
    },
  });
  const [result, setResult] = createSignal<CommonCoreAnalysis | undefined>();
  const [busy, setBusy] = createSignal(false);
  createEffect(
    on([() => w.scenario(), () => [...w.ws.variants]], async ([s, variants]) => {
      if (!s) return;
      setBusy(true);
      const t0 = performance.now();
      const r = await client.commonCore(JSON.parse(JSON.stringify(unwrap(s))), variants);
      if (r.status === 'stale') return;
      setBusy(false);
      if (r.status === 'ok') {
        setResult(r.value);
        (window as unknown as { __coreplayLastAnalysisMs: number }).__coreplayLastAnalysisMs = performance.now() - t0;
      }
    }),
  );
  onCleanup(() => client.dispose());
  return { result, busy };
}

export type LiveAnalysis = ReturnType<typeof createLiveAnalysis>;
