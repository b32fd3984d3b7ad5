/**
 * Rubinstein's alternating-offers bargaining (Rubinstein 1982). Two players alternate
 * proposals, player 1 first; a rejected proposal costs a round, and gains are discounted by
 * each player's patience δ per round (disagreement, while it lasts, yields the status quo:
 * zero gain).
 *
 * Splitting a surplus (a linear frontier). The unique subgame-perfect equilibrium is immediate
 * agreement on player 1's first offer, with shares
 *
 *   first mover:  (1 − δ₂) / (1 − δ₁δ₂),        second mover:  δ₂(1 − δ₁) / (1 − δ₁δ₂).
 *
 * Derivation: let x be what player 1 takes when proposing and y what player 2 takes when
 * proposing. Each proposer offers exactly the other's discounted continuation value, so
 * 1 − x = δ₂·y and 1 − y = δ₁·x; solving gives x = (1 − δ₂)/(1 − δ₁δ₂).
 *
 * A general frontier (Binmore 1987). With f(g₁) the most player 2 can gain when player 1 gains
 * g₁ and F its inverse (free disposal), the stationary equilibrium values solve
 *   w₁ = F(δ₂·w₂),  w₂ = f(δ₁·w₁),
 * i.e. w₁ is a root of k(w) = F(δ₂ f(δ₁ w)) − w on [0, max g₁]. k(0) ≥ 0 ≥ k(max g₁) and k is
 * continuous, so bisection finds it (to 1e-13); on a linear frontier it reproduces the formula.
 * The agreed point is player 1's offer (w₁, δ₂·w₂). As the time between offers shrinks the
 * split tends to the asymmetric Nash solution with exponents ln δ₂ : ln δ₁ (Binmore,
 * Rubinstein & Wolinsky 1986).
 *
 * Edge cases: δ outside (0, 1) is `invalid` (δ₁ = δ₂ = 1 leaves the split undetermined).
 */
import { frontierFunctions, pointAtGain1, type FrontierVertex, type Pair } from './frontier';

export type RubinsteinShare = { status: 'ok'; first: number; second: number } | { status: 'invalid'; problem: string };

/** The first and second mover's shares of a unit surplus. */
export function rubinsteinShare(deltaFirst: number, deltaSecond: number): RubinsteinShare {
  for (const [name, x] of [
    ['first', deltaFirst],
    ['second', deltaSecond],
  ] as const)
    if (!(x > 0 && x < 1)) return { status: 'invalid', problem: `the ${name} mover's patience must lie strictly between 0 and 1 (got ${x})` };
  const den = 1 - deltaFirst * deltaSecond;
  return { status: 'ok', first: (1 - deltaSecond) / den, second: (deltaSecond * (1 - deltaFirst)) / den };
}

export type RubinsteinResult =
  | { status: 'ok'; point: FrontierVertex; proposerValue: number; responderValueWhenProposing: number }
  | { status: 'invalid'; problem: string };

/**
 * The equilibrium on a frontier of gains over d, the player on axis 1 proposing first
 * (swap the axes to let player 2 open).
 */
export function rubinsteinOnFrontier(vertices: readonly FrontierVertex[], d: Pair, delta1: number, delta2: number): RubinsteinResult {
  const chk = rubinsteinShare(delta1, delta2);
  if (chk.status !== 'ok') return chk;
  const { f, F, maxGain } = frontierFunctions(vertices, d);
  const k = (w: number) => F(delta2 * f(delta1 * w)) - w;
  let lo = 0;
  let hi = Math.max(0, maxGain[0]);
  if (k(hi) >= 0) lo = hi;
  for (let it = 0; it < 200 && hi - lo > 1e-13; it++) {
    const mid = (lo + hi) / 2;
    if (k(mid) >= 0) lo = mid;
    else hi = mid;
  }
  const w1 = lo;
  const w2 = f(delta1 * w1);
  return { status: 'ok', point: pointAtGain1(vertices, d, w1), proposerValue: w1, responderValueWhenProposing: w2 };
}
