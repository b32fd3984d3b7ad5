/**
 * Voting, coalitions and the probabilistic Condorcet election (PCE) of KTAB's models (Wise,
 * Efird, Lester et al., "An Introduction to the KAPSARC Toolkit for Behavioral Analysis", 2015;
 * Wise & Bankes, "Non-spatial Probabilistic Condorcet Election Methodology", 2015).
 *
 * Each actor k votes between two options a and b with its weight w_k (capability × salience) and
 * its utilities for them, by a voting rule. The coalition for a over b is the sum of the votes
 * for a: C(a, b) = Σ_k max(0, v_k(a : b)). The probability that a beats b rises with the
 * strength ratio (the victory probability model), and the PCE turns these pairwise
 * probabilities into the probability that each option wins among them all.
 *
 * Edge cases: a vote of exactly zero (indifference, or no weight) joins no coalition; two empty
 * coalitions give each side 1/2 (a floor of 1e-10 is added to both strengths, as in KTAB, so no
 * ratio is 0/0). With Binary victory probabilities a pairwise defeat is certain, so in a
 * Condorcet cycle every option has probability 0 under Conditional; the options with the fewest
 * defeats then share the probability equally.
 */
import { solveInPlace } from '../../game/linalg';
import type { PCEModel, VictoryProbModel, VotingRule } from './parameters';

/** Added to both coalition strengths before any ratio: empty against empty is an even contest. */
export const MIN_COALITION = 1e-10;
/** Utility differences below this count as indifference for the rules with a sign. */
const INDIFFERENT = 1e-12;

const sign = (x: number) => (x > INDIFFERENT ? 1 : x < -INDIFFERENT ? -1 : 0);

/** Actor's vote for a over b (positive: for a), by weight w and utilities ua, ub. */
export function vote(rule: VotingRule, w: number, ua: number, ub: number): number {
  const d = ua - ub;
  switch (rule) {
    case 'Prop':
      return w * d;
    case 'PropBin':
      return w * (0.8 * d + 0.2 * sign(d));
    case 'Binary':
      return w * sign(d);
    case 'PropCbc':
      return (w * (d + d * d * d)) / 2;
    case 'ASymProsp':
      return d < 0 ? w * d : (w * 2 * d) / 3;
    case 'Cubic':
      return w * d * d * d;
  }
}

/** The probability that the side with strength ca beats the side with strength cb. */
export function victoryProbability(model: VictoryProbModel, ca: number, cb: number): number {
  const a = ca + MIN_COALITION;
  const b = cb + MIN_COALITION;
  switch (model) {
    case 'Linear':
      return a / (a + b);
    case 'Square':
      return ratioPower(a, b, 2);
    case 'Quartic':
      return ratioPower(a, b, 4);
    case 'Octic':
      return ratioPower(a, b, 8);
    case 'Binary': {
      // "Any significant difference": beyond relative rounding the stronger side wins outright.
      const gap = (a - b) / (a + b);
      return gap > 1e-9 ? 1 : gap < -1e-9 ? 0 : 0.5;
    }
  }
}

/** a^k / (a^k + b^k), computed as 1 / (1 + (b/a)^k) so large strengths cannot overflow. */
function ratioPower(a: number, b: number, k: number): number {
  return 1 / (1 + (b / a) ** k);
}

/**
 * Coalition strengths over `m` options: C[a·m + b] = Σ_k max(0, vote_k(a : b)) for the `n`
 * voters, voter k with weight w[k] and utility u(k, option).
 */
export function coalitions(rule: VotingRule, w: ArrayLike<number>, u: (k: number, option: number) => number, n: number, m: number): Float64Array {
  const C = new Float64Array(m * m);
  const uk = new Float64Array(m);
  for (let k = 0; k < n; k++) {
    const wk = w[k]!;
    if (wk === 0) continue;
    for (let a = 0; a < m; a++) uk[a] = u(k, a);
    for (let a = 0; a < m; a++)
      for (let b = a + 1; b < m; b++) {
        const v = vote(rule, wk, uk[a]!, uk[b]!);
        if (v > 0) C[a * m + b]! += v;
        else if (v < 0) C[b * m + a]! -= v;
      }
  }
  return C;
}

/** Pairwise victory probabilities P[a·m + b] = P(a beats b) from coalition strengths (diagonal 1/2). */
export function victoryMatrix(model: VictoryProbModel, C: Float64Array, m: number): Float64Array {
  const P = new Float64Array(m * m);
  for (let a = 0; a < m; a++) {
    P[a * m + a] = 0.5;
    for (let b = a + 1; b < m; b++) {
      const p = victoryProbability(model, C[a * m + b]!, C[b * m + a]!);
      P[a * m + b] = p;
      P[b * m + a] = 1 - p;
    }
  }
  return P;
}

/** The probability that each of the m options wins the probabilistic Condorcet election. */
export function pce(model: PCEModel, vpm: VictoryProbModel, C: Float64Array, m: number): Float64Array {
  const P = victoryMatrix(vpm, C, m);
  if (m === 1) return Float64Array.of(1);
  switch (model) {
    case 'Conditional':
      return conditional(P, m);
    case 'MarkovUniform':
      return markov(P, m, (a, b) => (a === b ? 0 : 1));
    case 'MarkovIncentive':
      return markov(P, m, (a, b) => (a === b ? 0 : C[b * m + a]!));
  }
}

/** p_a ∝ Π_b P(a beats b): option a beats every other in independent single contests. */
function conditional(P: Float64Array, m: number): Float64Array {
  const logs = new Float64Array(m);
  let best = -Infinity;
  for (let a = 0; a < m; a++) {
    let s = 0;
    for (let b = 0; b < m; b++) if (b !== a) s += Math.log(P[a * m + b]!);
    logs[a] = s;
    if (s > best) best = s;
  }
  const p = new Float64Array(m);
  if (best === -Infinity) {
    // Every option loses some contest for certain (a Binary cycle): the least-defeated share it.
    const defeats = Array.from({ length: m }, (_, a) => Array.from({ length: m }, (_, b) => P[a * m + b] === 0).filter(Boolean).length);
    const fewest = Math.min(...defeats);
    const k = defeats.filter((d) => d === fewest).length;
    defeats.forEach((d, a) => (p[a] = d === fewest ? 1 / k : 0));
    return p;
  }
  let total = 0;
  for (let a = 0; a < m; a++) total += p[a] = Math.exp(logs[a]! - best);
  for (let a = 0; a < m; a++) p[a]! /= total;
  return p;
}

/**
 * The limiting distribution of the chain in which the option in force, a, is challenged by b
 * with probability ∝ rate(a, b) and replaced by b with P(b beats a). Solved exactly; a chain
 * with several closed classes (possible with Binary probabilities) is averaged from the uniform
 * start instead, so the answer is still unique.
 */
function markov(P: Float64Array, m: number, rate: (a: number, b: number) => number): Float64Array {
  const T = new Float64Array(m * m);
  for (let a = 0; a < m; a++) {
    let total = 0;
    for (let b = 0; b < m; b++) total += rate(a, b);
    let stay = 1;
    for (let b = 0; b < m; b++) {
      if (b === a) continue;
      const q = total > 0 ? rate(a, b) / total : 1 / (m - 1);
      const t = q * P[b * m + a]!;
      T[a * m + b] = t;
      stay -= t;
    }
    T[a * m + a] = stay;
  }
  // π T = π, Σ π = 1: rows of (Tᵀ − I), the last replaced by ones.
  const A = new Float64Array(m * m);
  const B = new Float64Array(m);
  for (let r = 0; r < m; r++) for (let c = 0; c < m; c++) A[r * m + c] = T[c * m + r]! - (r === c ? 1 : 0);
  for (let c = 0; c < m; c++) A[(m - 1) * m + c] = 1;
  B[m - 1] = 1;
  if (solveInPlace(A, m, B) && B.every((x) => x > -1e-9)) {
    let s = 0;
    for (let a = 0; a < m; a++) s += B[a] = Math.max(0, B[a]!);
    for (let a = 0; a < m; a++) B[a]! /= s;
    return B;
  }
  let p = new Float64Array(m).fill(1 / m);
  for (let it = 0; it < 100_000; it++) {
    const q = new Float64Array(m);
    for (let a = 0; a < m; a++) for (let b = 0; b < m; b++) q[b]! += p[a]! * T[a * m + b]!;
    let change = 0;
    for (let a = 0; a < m; a++) change += Math.abs(q[a]! - p[a]!);
    p = q;
    if (change < 1e-14) break;
  }
  return p;
}
