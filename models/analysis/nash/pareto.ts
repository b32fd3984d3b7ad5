/**
 * Pareto-optimal pure profiles: those whose payoff vector no other profile weakly improves for
 * every player and strictly for one.
 *
 * Method (a "sort-filter-skyline"): if q dominates p then Σuᵢ(q) > Σuᵢ(p), so after sorting by
 * payoff sum, descending, every dominator of p comes before p. Each profile is compared only
 * with the current frontier; a profile dominated by anything is dominated by a frontier member
 * (dominance is transitive and the frontier holds the maximal elements seen so far). Float sums
 * may tie where the exact sums differ, so a newcomer also evicts frontier members it dominates.
 * Comparisons use the exact payoffs where the doubles tie, so the answer is exact. Profiles with
 * identical payoff vectors are all Pareto optimal (neither dominates the other).
 * Cost O(profiles · log + profiles × frontier × n); `maxProfiles` and `shouldStop` bound it.
 */
import { type NormalFormGame, profileAt, profileCount } from '../../game/types';
import { comparePayoffs } from './regret';
import type { StopOptions } from './types';

export interface ParetoProfile {
  readonly profile: number[];
  readonly payoffs: number[];
}

export interface ParetoResult {
  readonly status: 'ok' | 'too-large' | 'cancelled';
  readonly method: 'pareto';
  readonly exact: true;
  /** In profile-index order (player 1 fastest). */
  readonly profiles: ParetoProfile[];
  readonly message?: string;
}

export interface ParetoOptions extends StopOptions {
  /** Default 2^22 profiles. */
  readonly maxProfiles?: number;
}

export function paretoPure(game: NormalFormGame, opts: ParetoOptions = {}): ParetoResult {
  const { shape, payoffs } = game;
  const n = shape.length;
  const total = profileCount(shape);
  const maxProfiles = opts.maxProfiles ?? 2 ** 22;
  if (total > maxProfiles)
    return { status: 'too-large', method: 'pareto', exact: true, profiles: [], message: `${total} profiles exceed the limit of ${maxProfiles}` };
  const sums = new Float64Array(total);
  for (let q = 0; q < total; q++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += payoffs[q * n + i]!;
    sums[q] = s;
  }
  const order = Array.from({ length: total }, (_, q) => q).sort((a, b) => sums[b]! - sums[a]! || a - b);
  /** 1 if q dominates p, -1 if p dominates q, 0 otherwise. */
  const relation = (q: number, p: number): number => {
    let better = false;
    let worse = false;
    for (let i = 0; i < n; i++) {
      const c = comparePayoffs(game, q * n + i, p * n + i);
      if (c > 0) better = true;
      else if (c < 0) worse = true;
      if (better && worse) return 0;
    }
    return better && !worse ? 1 : worse && !better ? -1 : 0;
  };
  let frontier: number[] = [];
  for (let k = 0; k < total; k++) {
    if (opts.shouldStop && k % 4096 === 4095 && opts.shouldStop()) return { status: 'cancelled', method: 'pareto', exact: true, profiles: [] };
    const p = order[k]!;
    let dominated = false;
    let evict = false;
    for (const f of frontier) {
      const r = relation(f, p);
      if (r > 0) {
        dominated = true;
        break;
      }
      if (r < 0) evict = true;
    }
    if (dominated) continue;
    if (evict) frontier = frontier.filter((f) => relation(p, f) <= 0);
    frontier.push(p);
  }
  frontier.sort((a, b) => a - b);
  return {
    status: 'ok',
    method: 'pareto',
    exact: true,
    profiles: frontier.map((q) => ({ profile: profileAt(shape, q), payoffs: Array.from(payoffs.subarray(q * n, q * n + n)) })),
  };
}
