/**
 * A 2-player game as the two payoff matrices of the best-response polytopes
 * (von Stengel, "Computing equilibria for two-person games", Handbook of Game Theory vol. 3, 2002):
 *
 *   P = { x ∈ ℝᵐ : x ≥ 0, Bᵀx ≤ 1 },   Q = { y ∈ ℝⁿ : Ay ≤ 1, y ≥ 0 },
 *
 * with labels 0..m−1 for player 1's strategies (xᵢ = 0, or (Ay)ᵢ = 1) and m..m+n−1 for player 2's
 * ((Bᵀx)ⱼ = 1, or yⱼ = 0). A pair (x, y) ≠ (0, 0) with every label present is a Nash equilibrium
 * after normalising x and y to probabilities. Both matrices must be positive, so each is moved by
 * a positive affine map, which changes no best response:
 *
 * - `Ai`, `Bi` (bigint) are the exact payoffs times the lcm of their denominators, shifted so the
 *   smallest is 1: integer matrices for exact re-checks. `Ai = L·(A − min) + 1` gives back the
 *   original payoffs as `(value − 1)/L + min`.
 * - `A`, `B` (doubles) are those scaled into [1, 2], so that floating-point tolerances are uniform
 *   and payoffs that doubles cannot tell apart (or hold) are still told apart after the shift.
 */
import type { NormalFormGame } from '../../game/types';
import { type Rational } from '../../game/types';
import { add, cmp, div, exactPayoff, gcd, lcmDen, mul, rat, sub, toNumber } from '../../game/rational';
import { remapExact } from '../../game/subgame';
import type { MixedEquilibrium } from './types';

export interface ExactMatrix {
  /** Row-major integers ≥ 1. */
  readonly v: bigint[];
  /** Original payoff = (v − 1)/scale + min. */
  readonly scale: bigint;
  readonly min: Rational;
}

export interface Bimatrix {
  readonly m: number;
  readonly n: number;
  /** Player 1's payoffs, m×n row-major, scaled into [1, 2]. */
  readonly A: Float64Array;
  /** Player 2's payoffs, m×n row-major, scaled into [1, 2]. */
  readonly B: Float64Array;
  readonly Ai: ExactMatrix;
  readonly Bi: ExactMatrix;
}

const TWO53 = 2n ** 53n;

/**
 * An integer matrix scaled into [1, 2]: 1 + (v − 1)/(max − 1), each correctly rounded. Made from
 * the exact matrix rather than the doubles, so payoffs that differ beyond a double's precision
 * (20-digit integers, decimals differing in the 17th digit) still differ here, and payoffs
 * beyond a double's range still scale.
 */
function floatScaled(M: ExactMatrix): Float64Array {
  let max = 1n;
  for (const v of M.v) if (v > max) max = v;
  const range = max - 1n;
  const out = new Float64Array(M.v.length);
  for (let k = 0; k < out.length; k++) {
    const v = M.v[k]! - 1n;
    out[k] = range === 0n ? 1 : 1 + (range < TWO53 ? Number(v) / Number(range) : toNumber(rat(v, range)));
  }
  return out;
}

function exactScaled(vals: Rational[]): ExactMatrix {
  let min = vals[0]!;
  for (const v of vals) if (cmp(v, min) < 0) min = v;
  const shifted = vals.map((v) => sub(v, min));
  const scale = lcmDen(shifted);
  return { v: shifted.map((v) => (v.num * scale) / v.den + 1n), scale, min };
}

/** The polytope data of a 2-player game (callers check `game.players.length === 2`). */
export function bimatrix(game: NormalFormGame): Bimatrix {
  const [m, n] = game.shape as [number, number];
  const ar: Rational[] = new Array(m * n);
  const br: Rational[] = new Array(m * n);
  for (let i = 0; i < m; i++)
    for (let j = 0; j < n; j++) {
      const q = i + j * m; // profile index: player 1 fastest
      ar[i * n + j] = exactPayoff(game, q * 2);
      br[i * n + j] = exactPayoff(game, q * 2 + 1);
    }
  const Ai = exactScaled(ar);
  const Bi = exactScaled(br);
  return { m, n, A: floatScaled(Ai), B: floatScaled(Bi), Ai, Bi };
}

/** The original payoff for a value of the integer matrix: (v − 1)/scale + min. */
export function originalPayoff(M: ExactMatrix, v: Rational): Rational {
  return add(div(sub(v, rat(1n)), rat(M.scale))!, M.min);
}

/** Swap the players: (A, B) → (Bᵀ, Aᵀ). */
export function transposeGame(game: NormalFormGame): NormalFormGame {
  const [m, n] = game.shape as [number, number];
  const payoffs = new Float64Array(m * n * 2);
  const from = game.exact ? new Uint32Array(m * n * 2) : undefined;
  for (let i = 0; i < m; i++)
    for (let j = 0; j < n; j++) {
      const q = i + j * m;
      const t = j + i * n;
      payoffs[t * 2] = game.payoffs[q * 2 + 1]!;
      payoffs[t * 2 + 1] = game.payoffs[q * 2]!;
      if (from) {
        from[t * 2] = q * 2 + 1;
        from[t * 2 + 1] = q * 2;
      }
    }
  return {
    title: game.title,
    players: [game.players[1]!, game.players[0]!],
    strategies: [game.strategies[1]!, game.strategies[0]!],
    shape: [n, m],
    payoffs,
    ...(from ? { exact: remapExact(game.exact!, from) } : {}),
  };
}

/** Exact expected payoffs x̄ᵀAȳ and x̄ᵀBȳ for rational mixed strategies (original payoffs). */
export function exactBimatrixPayoffs(game: NormalFormGame, x: readonly Rational[], y: readonly Rational[]): [Rational, Rational] {
  const [m, n] = game.shape as [number, number];
  let u1: Rational = { num: 0n, den: 1n };
  let u2: Rational = { num: 0n, den: 1n };
  for (let i = 0; i < m; i++) {
    if (x[i]!.num === 0n) continue;
    for (let j = 0; j < n; j++) {
      if (y[j]!.num === 0n) continue;
      const w = mul(x[i]!, y[j]!);
      const q = i + j * m;
      u1 = add(u1, mul(w, exactPayoff(game, q * 2)));
      u2 = add(u2, mul(w, exactPayoff(game, q * 2 + 1)));
    }
  }
  return [u1, u2];
}

/** An exact point z = num/den of a best-response polytope (full length, zeros included). */
export interface ExactPoint {
  readonly num: bigint[];
  readonly den: bigint;
}

function gcdAll(v: readonly bigint[]): bigint {
  return v.reduce((g, x) => gcd(g, x), 0n);
}

/**
 * Exact equilibrium test for the integer matrices: x, y ≥ 0, non-zero, feasible (Bᵀx ≤ 1,
 * Ay ≤ 1) and complementary (xᵢ > 0 ⇒ (Ay)ᵢ = 1; yⱼ > 0 ⇒ (Bᵀx)ⱼ = 1).
 */
export function exactEquilibrium(bm: Bimatrix, x: ExactPoint, y: ExactPoint): { eq: MixedEquilibrium; key: string } | undefined {
  const { m, n } = bm;
  const Ai = bm.Ai.v;
  const Bi = bm.Bi.v;
  if (x.num.some((v) => v < 0n) || y.num.some((v) => v < 0n)) return undefined;
  const sx = x.num.reduce((a, b) => a + b, 0n);
  const sy = y.num.reduce((a, b) => a + b, 0n);
  if (sx === 0n || sy === 0n) return undefined;
  for (let j = 0; j < n; j++) {
    let s = 0n;
    for (let i = 0; i < m; i++) if (x.num[i] !== 0n) s += Bi[i * n + j]! * x.num[i]!;
    if (s > x.den || (y.num[j]! > 0n && s !== x.den)) return undefined;
  }
  for (let i = 0; i < m; i++) {
    let s = 0n;
    for (let j = 0; j < n; j++) if (y.num[j] !== 0n) s += Ai[i * n + j]! * y.num[j]!;
    if (s > y.den || (x.num[i]! > 0n && s !== y.den)) return undefined;
  }
  const gx = gcdAll(x.num);
  const gy = gcdAll(y.num);
  const key = `${x.num.map((v) => v / gx).join(' ')}|${y.num.map((v) => v / gy).join(' ')}`;
  const px: Rational[] = x.num.map((v) => rat(v, sx));
  const py: Rational[] = y.num.map((v) => rat(v, sy));
  // Integer-game payoffs: player 1 gets y.den/Σy (Ay = 1 on x's support), player 2 x.den/Σx.
  const u1 = originalPayoff(bm.Ai, rat(y.den, sy));
  const u2 = originalPayoff(bm.Bi, rat(x.den, sx));
  return {
    key,
    eq: {
      strategies: [px.map(toNumber), py.map(toNumber)],
      exact: [px, py],
      payoffs: [toNumber(u1), toNumber(u2)],
      exactPayoffs: [u1, u2],
      regret: 0,
    },
  };
}
