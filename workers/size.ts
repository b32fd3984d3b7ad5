/**
 * How big an analysis request is, before running it, and whether it may run on the main
 * thread. Sizes count the work units of each method: outcomes for bargaining, actor ×
 * dimension terms for the forecast, joint profiles an enumeration would score for the
 * cooperative game (the branch and bound visits far fewer), LPs a blind search of the
 * common core could need (2^n per reading; the sensitivity of its assumed bounds reads the same sets), and for a round's debrief the profiles of its round
 * game (capped as buildRoundGame caps them) plus the pair's bargaining outcomes. The spatial
 * model (models/analysis/spatial) counts challenges × dimensions per turn over its turn limit; it
 * needs no LP but always runs in the worker, on its own lane: a run of many turns is a long task.
 */
import { DEFAULT_MAX_PROFILES } from '../models/domain/roundGame';
import type { ActorId, Scenario } from '../models/domain/index';

export type RequestKind = 'commonCore' | 'sensitivity' | 'coop' | 'bargaining' | 'forecast' | 'spatial' | 'roundGame' | 'debrief';
export const REQUEST_KINDS: readonly RequestKind[] = ['commonCore', 'sensitivity', 'coop', 'bargaining', 'forecast', 'spatial', 'roundGame', 'debrief'];

/**
 * Kinds that need no linear program, so no HiGHS: only these may run on the main thread. The
 * debrief needs none either but always goes to the worker: its round game is a long task.
 */
const LP_FREE: ReadonlySet<RequestKind> = new Set(['bargaining', 'forecast']);

/** The default largest size run on the main thread (well under a frame's worth of work). */
export const MAIN_THREAD_MAX_SIZE = 5_000;

function optionCount(s: Scenario, actor: ActorId): number {
  let k = 1;
  for (const m of s.moves ?? []) if (m.actor === actor) k++;
  return k;
}

export function estimateSize(kind: RequestKind, s: Scenario, pair?: readonly ActorId[]): number {
  const actors = (s.actors ?? []).map((a) => a.id);
  switch (kind) {
    case 'forecast':
      return actors.length * (s.dimensions?.length ?? 0);
    case 'bargaining': {
      const [a, b] = pair ?? [];
      return a && b ? optionCount(s, a) * optionCount(s, b) : Infinity;
    }
    case 'coop': {
      let p = 1;
      for (const a of actors) p *= optionCount(s, a) + 1;
      return p - 1;
    }
    case 'roundGame': {
      let p = 1;
      for (const a of actors) p *= optionCount(s, a);
      return p;
    }
    case 'debrief': {
      const [a, b] = pair ?? [];
      return Math.min(estimateSize('roundGame', s), DEFAULT_MAX_PROFILES) + (a && b ? estimateSize('bargaining', s, pair) : 0);
    }
    case 'spatial':
      return actors.length ** 2 * (s.dimensions?.length ?? 0) * 100;
    case 'commonCore':
    case 'sensitivity':
      return 2 ** actors.length * (1 + (s.variants ?? []).filter((v) => v.kind === 'reading').length);
  }
}

export function mayRunOnMainThread(kind: RequestKind, size: number, max = MAIN_THREAD_MAX_SIZE): boolean {
  return LP_FREE.has(kind) && size <= max;
}
