/**
 * An n-player normal-form game. Profiles are numbered as in Gambit's `.nfg` files: player 1's
 * strategy varies fastest, so profile (s₁, …, sₙ) has index s₁ + k₁·(s₂ + k₂·(s₃ + …)), where
 * kᵢ is player i's strategy count. Payoffs sit in one flat Float64Array, profile-major and
 * player order inside a profile (`payoffs[profile·n + player]`), which is what a pure-strategy
 * scan wants: one cache-friendly pass.
 *
 * Where some payoff is a number a double cannot hold (0.1, 1/3, a 20-digit integer, 1e400 in a
 * `.nfg` file), the double is only its nearest value and comparisons made in doubles can tie or
 * overflow where the payoffs differ; then `exact` keeps the exact payoffs beside the doubles, and
 * the solvers decide in rationals (rational.ts `exactPayoff`) wherever doubles would round. Without
 * `exact`, every double is its payoff's exact value.
 */

/** A reduced rational num/den with den > 0. */
export interface Rational {
  readonly num: bigint;
  readonly den: bigint;
}

/**
 * Exact payoffs indexed like `payoffs`: `at(k)` is payoff k as a reduced rational, or undefined
 * where the double is exact (read payoffs through rational.ts `exactPayoff`, which falls back to
 * the double). A plain array of rationals is one; the `.nfg` reader keeps the texts of the
 * payoffs doubles cannot hold and reads one when asked.
 */
export interface ExactPayoffs {
  readonly length: number;
  at(index: number): Rational | undefined;
}

export interface NormalFormGame {
  readonly title: string;
  readonly players: readonly string[];
  /** Strategy labels per player; `strategies[i].length` is player i's strategy count. */
  readonly strategies: readonly (readonly string[])[];
  /** Strategy counts per player (the same as strategies[i].length). */
  readonly shape: readonly number[];
  /** payoffs[profile·n + player]. */
  readonly payoffs: Float64Array;
  /** The exact payoffs, where some double is not (see above). */
  readonly exact?: ExactPayoffs;
  /** Free text carried from the `.nfg` comment, if any. */
  readonly comment?: string;
}

/** Number of pure profiles; Infinity-safe (returns a float that may exceed 2^53 for huge games). */
export function profileCount(shape: readonly number[]): number {
  let p = 1;
  for (const k of shape) p *= k;
  return p;
}

/** Index of a pure profile (player 1 fastest). */
export function profileIndex(shape: readonly number[], profile: readonly number[]): number {
  let idx = 0;
  for (let i = shape.length - 1; i >= 0; i--) idx = idx * shape[i]! + profile[i]!;
  return idx;
}

/** The pure profile at an index (player 1 fastest). */
export function profileAt(shape: readonly number[], index: number): number[] {
  const out: number[] = new Array(shape.length);
  for (let i = 0; i < shape.length; i++) {
    out[i] = index % shape[i]!;
    index = Math.floor(index / shape[i]!);
  }
  return out;
}

/** Build a game from a payoff function; labels default to "1", "2", …. */
export function gameFromFunction(
  players: readonly string[],
  shape: readonly number[],
  payoff: (profile: readonly number[], player: number) => number,
  options: { title?: string; strategies?: readonly (readonly string[])[] } = {},
): NormalFormGame {
  const n = players.length;
  if (shape.length !== n) throw new Error('gameFromFunction: one strategy count per player');
  const total = profileCount(shape);
  const payoffs = new Float64Array(total * n);
  const profile = new Array<number>(n).fill(0);
  for (let p = 0; p < total; p++) {
    for (let i = 0; i < n; i++) payoffs[p * n + i] = payoff(profile, i);
    for (let i = 0; i < n; i++) {
      if (++profile[i]! < shape[i]!) break;
      profile[i] = 0;
    }
  }
  return {
    title: options.title ?? '',
    players: [...players],
    strategies: options.strategies?.map((s) => [...s]) ?? shape.map((k) => Array.from({ length: k }, (_, j) => String(j + 1))),
    shape: [...shape],
    payoffs,
  };
}
