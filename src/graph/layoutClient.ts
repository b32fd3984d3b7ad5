/**
 * The page's side of the layout worker: one worker for every graph on the page, started on
 * first use. If the worker cannot start or dies, layouts run on the main
 * thread instead — slower, but the graph still moves.
 */
import * as Comlink from 'comlink';
import type { LayoutApi } from '../../workers/layout.worker';
import type { LayoutRequest, LayoutResult } from '../../workers/layout';

let remote: Comlink.Remote<LayoutApi> | undefined;
let worker: Worker | undefined;
let broken = false;

function start(): Comlink.Remote<LayoutApi> | undefined {
  if (broken || typeof Worker === 'undefined') return undefined;
  if (!remote) {
    try {
      worker = new Worker(new URL('../../workers/layout.worker.ts', import.meta.url), { type: 'module' });
      worker.addEventListener('error', () => {
        broken = true;
        worker?.terminate();
        remote = undefined;
      });
      remote = Comlink.wrap<LayoutApi>(worker);
    } catch {
      broken = true;
      return undefined;
    }
  }
  return remote;
}

async function onMainThread(req: LayoutRequest): Promise<LayoutResult> {
  const { layoutBoxes } = await import('../../workers/layout');
  return layoutBoxes(req);
}

/** Lay out in the worker; on the main thread if the worker is unavailable or fails. */
export async function layoutInWorker(req: LayoutRequest): Promise<LayoutResult> {
  const r = start();
  if (!r) return onMainThread(req);
  try {
    return await r.layoutBoxes(req);
  } catch {
    broken = true;
    return onMainThread(req);
  }
}
