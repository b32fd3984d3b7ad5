/**
 * Distances, utilities and risk attitudes of the spatial model, in KTAB's SMP form (Wise et al.
 * 2015, "An Introduction to KTAB"; Wise, Lester & Efird 2016, "Multidimensional Bargaining
 * using KTAB").
 *
 * Distance. Actor k sees positions through its saliences: d_k(a, b) = √(Σ_d s_kd² (a_d − b_d)² /
 * Σ_d s_kd²) on the [0, 1] scale, so d ∈ [0, 1] and a dimension k does not care about does not
 * count (on one dimension it is |a − b|). An actor with no salience anywhere sees no distance.
 *
 * Utility with risk attitude R ∈ [−1, 1]: u = (1 − d)(1 + R·d). R = 0 is risk neutral (1 − d),
 * R = 1 risk averse (1 − d², concave: a sure middle beats a gamble between near and far),
 * R = −1 risk seeking ((1 − d)², convex). u(0) = 1 and u(1) = 0 for every R.
 *
 * Risk attitudes (BigRRange). Each turn, the probability that each actor's position would win a
 * probabilistic Condorcet election among all current positions (risk-neutral utilities) ranks
 * the actors: the most probable position gets R = 1, the least probable the range's low end
 * (Min 0, Mid −1/2, Max −1), linearly in between. Actors who hold the likely outcome have most to
 * lose from a gamble. When every position is equally probable (one actor, or all at one point)
 * each is "the most probable" and R = 1.
 *
 * Estimated attitudes (BigRAdjust). Actor h does not know k's R; it estimates it by moving from
 * its own R_h towards R_k by a fraction (None 0, OneThird 1/3, Half 1/2, TwoThirds 2/3, Full 1).
 */
import type { BigRAdjust, BigRRange } from './parameters';

export function riskUtility(d: number, R: number): number {
  return (1 - d) * (1 + R * d);
}

/** Salience-weighted distance of a and b as seen with saliences s (all on [0, 1]). */
export function distance(s: ArrayLike<number>, a: ArrayLike<number>, b: ArrayLike<number>): number {
  const D = s.length;
  if (D === 1) return Math.abs(a[0]! - b[0]!);
  let num = 0;
  let den = 0;
  for (let d = 0; d < D; d++) {
    const w = s[d]! * s[d]!;
    const x = a[d]! - b[d]!;
    num += w * x * x;
    den += w;
  }
  return den > 0 ? Math.min(1, Math.sqrt(num / den)) : 0;
}

const LOW_END: Record<BigRRange, number> = { Min: 0, Mid: -0.5, Max: -1 };

/** Risk attitudes from the probabilities of the actors' positions (see the file comment). */
export function riskFromProbabilities(p: ArrayLike<number>, range: BigRRange): Float64Array {
  const lo = LOW_END[range];
  let pMin = Infinity;
  let pMax = -Infinity;
  for (let i = 0; i < p.length; i++) {
    pMin = Math.min(pMin, p[i]!);
    pMax = Math.max(pMax, p[i]!);
  }
  const R = new Float64Array(p.length);
  const span = pMax - pMin;
  for (let i = 0; i < p.length; i++) R[i] = span > 1e-12 * Math.max(pMax, 1e-300) ? lo + ((1 - lo) * (p[i]! - pMin)) / span : 1;
  return R;
}

const ADJUST: Record<BigRAdjust, number> = { None: 0, OneThird: 1 / 3, Half: 0.5, TwoThirds: 2 / 3, Full: 1 };

/** h's estimate of k's risk attitude. */
export function estimatedRisk(adjust: BigRAdjust, Rh: number, Rk: number): number {
  return Rh + ADJUST[adjust] * (Rk - Rh);
}
