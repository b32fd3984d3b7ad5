/**
 * Best responses and regret: the independent check every solver's answers must pass.
 *
 * For a mixed profile σ, player i's value of pure strategy s is uᵢ(s, σ₋ᵢ) = Σ over profiles q
 * with qᵢ = s of Πⱼ≠ᵢ σⱼ(qⱼ) · uᵢ(q). One pass over the payoff table gives every player's values
 * (prefix and suffix products of the other players' probabilities, so O(profiles × n)); the
 * regret is maxᵢ (maxₛ uᵢ(s, σ₋ᵢ) − uᵢ(σ)). A profile is a Nash equilibrium exactly when its
 * regret is 0; numerical methods report it as their error measure.
 *
 * `exactRegret` repeats the computation in rationals (bigint), for exact re-checks.
 */
import { type NormalFormGame, type Rational, profileCount } from '../../game/types';
import { ZERO, add, cmp, exactPayoff, mul, sub } from '../../game/rational';
import type { MixedProfile } from './types';

/** values[i][s] = uᵢ(s, σ₋ᵢ) for every player i and strategy s. */
export function strategyValues(game: NormalFormGame, sigma: MixedProfile): number[][] {
  const { shape, payoffs } = game;
  const n = shape.length;
  const values = shape.map((k) => new Array<number>(k).fill(0));
  const total = profileCount(shape);
  const q = new Array<number>(n).fill(0);
  const pre = new Float64Array(n + 1);
  const suf = new Float64Array(n + 1);
  for (let p = 0; p < total; p++) {
    pre[0] = 1;
    for (let j = 0; j < n; j++) pre[j + 1] = pre[j]! * sigma[j]![q[j]!]!;
    suf[n] = 1;
    for (let j = n - 1; j >= 0; j--) suf[j] = suf[j + 1]! * sigma[j]![q[j]!]!;
    const base = p * n;
    for (let i = 0; i < n; i++) {
      const w = pre[i]! * suf[i + 1]!;
      if (w !== 0) values[i]![q[i]!]! += w * payoffs[base + i]!;
    }
    for (let j = 0; j < n; j++) {
      if (++q[j]! < shape[j]!) break;
      q[j] = 0;
    }
  }
  return values;
}

/** Expected payoff of every player under σ. */
export function expectedPayoffs(game: NormalFormGame, sigma: MixedProfile): number[] {
  const values = strategyValues(game, sigma);
  return values.map((v, i) => v.reduce((t, x, s) => t + x * sigma[i]![s]!, 0));
}

/** Each player's regret: best pure deviation value minus the expected payoff (≥ 0 up to rounding). */
export function playerRegrets(game: NormalFormGame, sigma: MixedProfile): number[] {
  const values = strategyValues(game, sigma);
  return values.map((v, i) => {
    let best = -Infinity;
    let mine = 0;
    for (let s = 0; s < v.length; s++) {
      if (v[s]! > best) best = v[s]!;
      mine += v[s]! * sigma[i]![s]!;
    }
    return Math.max(0, best - mine);
  });
}

/** Max gain from a unilateral deviation; 0 for a Nash equilibrium (up to rounding). */
export function regret(game: NormalFormGame, sigma: MixedProfile): number {
  return Math.max(0, ...playerRegrets(game, sigma));
}

/**
 * Player `player`'s best responses to the others' play, as strategy indices (ascending).
 * `others` is a pure profile (the entry for `player` is ignored) or a mixed profile. Pure
 * profiles are compared exactly (with the game's exact payoffs where the doubles tie); mixed
 * ones within `tol` (relative to the payoff scale).
 */
export function bestResponses(game: NormalFormGame, player: number, others: readonly number[] | MixedProfile, tol = 1e-9): number[] {
  const { shape } = game;
  const n = shape.length;
  const k = shape[player]!;
  if (others.length > 0 && typeof others[0] === 'number') {
    const prof = [...(others as readonly number[])];
    let stride = 1;
    for (let j = 0; j < player; j++) stride *= shape[j]!;
    prof[player] = 0;
    let base = 0;
    for (let j = n - 1; j >= 0; j--) base = base * shape[j]! + prof[j]!;
    let best: number[] = [];
    for (let s = 0; s < k; s++) {
      const idx = (base + s * stride) * n + player;
      if (best.length === 0) {
        best = [s];
        continue;
      }
      const bIdx = (base + best[0]! * stride) * n + player;
      const c = comparePayoffs(game, idx, bIdx);
      if (c > 0) best = [s];
      else if (c === 0) best.push(s);
    }
    return best;
  }
  const values = strategyValues(game, others as MixedProfile)[player]!;
  const max = Math.max(...values);
  const scale = Math.max(1, Math.abs(max));
  const out: number[] = [];
  for (let s = 0; s < k; s++) if (values[s]! >= max - tol * scale) out.push(s);
  return out;
}

/** Sign of payoffs[a] − payoffs[b], decided exactly where the doubles tie and exact values exist. */
export function comparePayoffs(game: NormalFormGame, a: number, b: number): number {
  const x = game.payoffs[a]!;
  const y = game.payoffs[b]!;
  if (x > y) return 1;
  if (x < y) return -1;
  if (!game.exact) return 0;
  return cmp(exactPayoff(game, a), exactPayoff(game, b));
}

/** values[i][s] = uᵢ(s, σ₋ᵢ) in exact rationals. */
export function exactStrategyValues(game: NormalFormGame, sigma: readonly (readonly Rational[])[]): Rational[][] {
  const { shape } = game;
  const n = shape.length;
  const values: Rational[][] = shape.map((k) => new Array<Rational>(k).fill(ZERO));
  const total = profileCount(shape);
  const q = new Array<number>(n).fill(0);
  for (let p = 0; p < total; p++) {
    for (let i = 0; i < n; i++) {
      let w: Rational = { num: 1n, den: 1n };
      for (let j = 0; j < n && w.num !== 0n; j++) if (j !== i) w = mul(w, sigma[j]![q[j]!]!);
      if (w.num !== 0n) values[i]![q[i]!] = add(values[i]![q[i]!]!, mul(w, exactPayoff(game, p * n + i)));
    }
    for (let j = 0; j < n; j++) {
      if (++q[j]! < shape[j]!) break;
      q[j] = 0;
    }
  }
  return values;
}

/** Exact regret of a rational mixed profile (0 exactly for a Nash equilibrium). */
export function exactRegret(game: NormalFormGame, sigma: readonly (readonly Rational[])[]): Rational {
  const values = exactStrategyValues(game, sigma);
  let worst: Rational = ZERO;
  values.forEach((v, i) => {
    let best = v[0]!;
    let mine: Rational = ZERO;
    v.forEach((x, s) => {
      if (cmp(x, best) > 0) best = x;
      mine = add(mine, mul(x, sigma[i]![s]!));
    });
    const r = sub(best, mine);
    if (cmp(r, worst) > 0) worst = r;
  });
  return worst;
}
