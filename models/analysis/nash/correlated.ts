/**
 * A correlated equilibrium (Aumann 1974) maximising the players' total expected payoff, as a
 * linear program solved by HiGHS (../../game/lp):
 *
 *   maximise   Σ_q p(q) · Σᵢ uᵢ(q)
 *   subject to Σ_{q : qᵢ = s} p(q) · (uᵢ(q) − uᵢ(q with qᵢ := t)) ≥ 0   for every player i and s ≠ t,
 *              Σ_q p(q) = 1,  p ≥ 0,
 *
 * with one variable per pure profile q: a mediator draws q from p and tells each player only
 * their own part; no player gains by disobeying a recommendation s in favour of t. The set of
 * correlated equilibria is a polytope containing every Nash equilibrium, so the LP is always
 * feasible (Hart & Schmeidler 1989).
 *
 * Where the game keeps exact payoffs (some payoff is not a double), the payoff differences and
 * the objective are computed in rationals and rounded once, so payoffs that doubles cannot tell
 * apart still differ; a game with a payoff beyond the range of a double is answered
 * 'not-applicable'.
 *
 * The answer is floating point (`exact: false`): tiny negative values are clipped, the
 * distribution renormalised, and the regret reported is the largest gain from disobeying one
 * recommendation, Σ_{q : qᵢ = s} p(q)·(uᵢ(q with t) − uᵢ(q)), over i, s, t (0 up to rounding).
 * Games with more than `maxProfiles` profiles (default 100,000) are answered 'too-large'.
 */
import { type NormalFormGame, profileAt, profileCount } from '../../game/types';
import { solveLp, type LpRow } from '../../game/lp';
import { ZERO, add, exactPayoff, fromNumber, mul, sub, toNumber } from '../../game/rational';

export interface CorrelatedOptions {
  readonly maxProfiles?: number;
  /** Objective weights per player (default all 1: total payoff). */
  readonly weights?: readonly number[];
}

export interface CorrelatedResult {
  /** 'not-applicable': a payoff is beyond the range of a double. */
  readonly status: 'ok' | 'too-large' | 'failed' | 'not-applicable';
  readonly method: 'ce';
  readonly exact: false;
  /** Probability of every profile, in profile order (player 1 fastest). */
  readonly distribution: Float64Array;
  /** Profiles with positive probability. */
  readonly support: { profile: number[]; probability: number }[];
  /** Expected payoff per player, and their weighted sum (the objective). */
  readonly payoffs: number[];
  readonly totalPayoff: number;
  readonly regret: number;
  readonly message?: string;
}

const fail = (status: 'too-large' | 'failed' | 'not-applicable', message: string): CorrelatedResult => ({
  status,
  method: 'ce',
  exact: false,
  distribution: new Float64Array(0),
  support: [],
  payoffs: [],
  totalPayoff: 0,
  regret: 0,
  message,
});

/**
 * The incentive constraints as sparse rows, one per (player i, recommendation s, deviation t):
 * coefficient uᵢ(q) − uᵢ(q with t) on every profile q with qᵢ = s (zeros left out).
 */
function incentiveRows(game: NormalFormGame): { idx: number[][]; val: number[][] } {
  const { shape, payoffs, exact } = game;
  const n = shape.length;
  const total = profileCount(shape);
  const idx: number[][] = [];
  const val: number[][] = [];
  const rowOf: number[][][] = shape.map((k) =>
    Array.from({ length: k }, (_, s) =>
      Array.from({ length: k }, (_, t) => {
        if (s === t) return -1;
        idx.push([]);
        val.push([]);
        return idx.length - 1;
      }),
    ),
  );
  let stride = 1;
  for (let i = 0; i < n; i++) {
    const k = shape[i]!;
    for (let q = 0; q < total; q++) {
      const s = Math.floor(q / stride) % k;
      const u = payoffs[q * n + i]!;
      for (let t = 0; t < k; t++) {
        if (t === s) continue;
        const other = (q + (t - s) * stride) * n + i;
        const diff = exact ? toNumber(sub(exactPayoff(game, q * n + i), exactPayoff(game, other))) : u - payoffs[other]!;
        if (diff === 0) continue;
        const r = rowOf[i]![s]![t]!;
        idx[r]!.push(q);
        val[r]!.push(diff);
      }
    }
    stride *= k;
  }
  return { idx, val };
}

export async function correlatedEquilibrium(game: NormalFormGame, opts: CorrelatedOptions = {}): Promise<CorrelatedResult> {
  const { shape, payoffs } = game;
  const n = shape.length;
  const total = profileCount(shape);
  const maxProfiles = opts.maxProfiles ?? 100_000;
  if (total > maxProfiles) return fail('too-large', `${total} profiles exceed the limit of ${maxProfiles} LP variables`);
  const huge = payoffs.findIndex((v) => !Number.isFinite(v));
  if (huge >= 0)
    return fail(
      'not-applicable',
      `payoff ${huge + 1} (player ${(huge % n) + 1} in profile ${Math.floor(huge / n) + 1}) is beyond the range of a double (about ±1.8e308), and the linear program is solved in doubles`,
    );
  const w = opts.weights ?? new Array<number>(n).fill(1);
  const cost = new Array<number>(total);
  if (game.exact) {
    // Σᵢ wᵢ·(uᵢ(q) − uᵢ(profile 0)): the shift changes no optimum (Σ p = 1) and keeps small differences.
    const wr = w.map(fromNumber);
    for (let q = 0; q < total; q++) {
      let s = ZERO;
      for (let i = 0; i < n; i++) s = add(s, mul(wr[i]!, sub(exactPayoff(game, q * n + i), exactPayoff(game, i))));
      cost[q] = toNumber(s);
    }
  } else
    for (let q = 0; q < total; q++) {
      let s = 0;
      for (let i = 0; i < n; i++) s += w[i]! * payoffs[q * n + i]!;
      cost[q] = s;
    }
  const inc = incentiveRows(game);
  const rows: LpRow[] = inc.idx.map((idx, r) => ({ idx, val: inc.val[r]!, lo: 0, hi: Infinity }));
  rows.push({ idx: Array.from({ length: total }, (_, q) => q), val: new Array<number>(total).fill(1), lo: 1, hi: 1 });
  const res = await solveLp({ sense: 'max', cost, rows });
  if (res.status !== 'optimal') return fail('failed', `the LP was ${res.status}: ${res.message}`);
  const p = new Float64Array(total);
  let sum = 0;
  for (let q = 0; q < total; q++) {
    const v = res.x[q]! > 1e-12 ? res.x[q]! : 0;
    p[q] = v;
    sum += v;
  }
  if (!(sum > 0)) return fail('failed', 'the LP returned an empty distribution');
  for (let q = 0; q < total; q++) p[q]! /= sum;
  const expected = new Array<number>(n).fill(0);
  for (let q = 0; q < total; q++) if (p[q]) for (let i = 0; i < n; i++) expected[i]! += p[q]! * payoffs[q * n + i]!;
  let regret = 0;
  inc.idx.forEach((idx, r) => {
    let g = 0;
    for (let k = 0; k < idx.length; k++) g -= p[idx[k]!]! * inc.val[r]![k]!;
    if (g > regret) regret = g;
  });
  const support: { profile: number[]; probability: number }[] = [];
  for (let q = 0; q < total; q++) if (p[q]! > 0) support.push({ profile: profileAt(shape, q), probability: p[q]! });
  return {
    status: 'ok',
    method: 'ce',
    exact: false,
    distribution: p,
    support,
    payoffs: expected,
    totalPayoff: expected.reduce((t, v, i) => t + w[i]! * v, 0),
    regret,
  };
}
