/**
 * All pure-strategy Nash equilibria of an n-player game, by exhaustive scan (what
 * gambit-enumpure does), arranged for speed on the flat payoff array:
 *
 * - Profiles are visited in file order (player 1 fastest), in blocks of player 1's k₁
 *   strategies. In a block the other players' strategies are fixed, so player 1's best payoff
 *   is computed once per block (k₁ reads), and a profile survives only if player 1's payoff
 *   equals it.
 * - For each survivor, players 2, 3, … are checked in turn by scanning their deviations at
 *   stride ∏ⱼ<ᵢ kⱼ; the first player with a better deviation rejects the profile. In a random
 *   game a profile survives player i with probability about 1/kᵢ, so the expected work is a
 *   small constant per profile (about 3 payoff reads), not Σkᵢ.
 * - Doubles decide; where the game keeps exact payoffs (some payoff is not a double), each
 *   candidate is re-checked in rationals against the deviations whose doubles tie with it (two
 *   different rationals may round to the same double), so the answer is exact.
 *
 * Results stream through `onEquilibrium` as found; `shouldStop` is polled every 4,096 profiles;
 * a game with more than `maxProfiles` profiles is answered 'too-large' without scanning.
 * Edge cases: one player (the equilibria are the maximisers), strategy counts of 1, all-equal
 * payoffs (every profile is an equilibrium).
 */
import { type NormalFormGame, type Rational, profileAt, profileCount } from '../../game/types';
import { cmp, exactPayoff } from '../../game/rational';
import type { StopOptions } from './types';

export interface PureEquilibrium {
  /** Strategy index per player. */
  readonly profile: number[];
  readonly payoffs: number[];
  readonly regret: 0;
}

export interface EnumPureOptions extends StopOptions {
  readonly onEquilibrium?: (e: PureEquilibrium) => void;
  /** Refuse (status 'too-large') games with more profiles than this. Default 2^31. */
  readonly maxProfiles?: number;
  /** Keep at most this many equilibria in the result array (all are still streamed). Default 10^6. */
  readonly maxKept?: number;
}

export interface EnumPureResult {
  readonly status: 'ok' | 'too-large' | 'cancelled';
  readonly method: 'enumpure';
  readonly exact: true;
  readonly equilibria: PureEquilibrium[];
  /** Number of equilibria found (may exceed equilibria.length when maxKept applies). */
  readonly found: number;
  readonly profilesChecked: number;
  readonly profileCount: number;
  readonly message?: string;
}

export function enumeratePure(game: NormalFormGame, opts: EnumPureOptions = {}): EnumPureResult {
  const { shape, payoffs } = game;
  const n = shape.length;
  const total = profileCount(shape);
  const maxProfiles = opts.maxProfiles ?? 2 ** 31;
  const base = { method: 'enumpure' as const, exact: true as const, profileCount: total };
  if (total > maxProfiles)
    return { ...base, status: 'too-large', equilibria: [], found: 0, profilesChecked: 0, message: `${total} profiles exceed the limit of ${maxProfiles}` };
  const maxKept = opts.maxKept ?? 1e6;
  const equilibria: PureEquilibrium[] = [];
  let found = 0;
  const strides = new Array<number>(n);
  for (let i = 0, s = 1; i < n; i++) {
    strides[i] = s;
    s *= shape[i]!;
  }
  const k0 = shape[0]!;
  // digits of the current block for players 1..n-1 (player 0's digit is the offset in the block)
  const digits = new Int32Array(n);
  const exact = game.exact;
  const stop = opts.shouldStop;
  let nextPoll = 4096;

  const report = (q: number) => {
    const profile = profileAt(shape, q);
    const e: PureEquilibrium = { profile, payoffs: Array.from(payoffs.subarray(q * n, q * n + n)), regret: 0 };
    found++;
    if (equilibria.length < maxKept) equilibria.push(e);
    opts.onEquilibrium?.(e);
  };

  for (let b = 0; b < total; b += k0) {
    if (stop && b >= nextPoll) {
      nextPoll = b + 4096;
      if (stop()) return { ...base, status: 'cancelled', equilibria, found, profilesChecked: b };
    }
    let max = -Infinity;
    for (let t = 0; t < k0; t++) {
      const v = payoffs[(b + t) * n]!;
      if (v > max) max = v;
    }
    for (let t = 0; t < k0; t++) {
      const q = b + t;
      if (payoffs[q * n]! < max) continue;
      let ok = true;
      for (let i = 1; i < n && ok; i++) {
        const st = strides[i]!;
        const start = q - digits[i]! * st;
        const v = payoffs[q * n + i]!;
        const k = shape[i]!;
        for (let s = 0; s < k; s++)
          if (payoffs[(start + s * st) * n + i]! > v) {
            ok = false;
            break;
          }
      }
      if (ok && exact && !exactCheck(game, q, strides, digits, t)) ok = false;
      if (ok) report(q);
    }
    // advance the block odometer (players 1..n-1)
    for (let i = 1; i < n; i++) {
      if (++digits[i]! < shape[i]!) break;
      digits[i] = 0;
    }
  }
  return { ...base, status: 'ok', equilibria, found, profilesChecked: total };
}

/**
 * Re-check a candidate that the doubles passed with the exact payoffs. No deviation's double is
 * above the candidate's, and rounding to doubles keeps order (x < y ⇒ double(x) ≤ double(y)), so
 * only deviations whose doubles tie with it can be better: those are compared in rationals.
 */
function exactCheck(game: NormalFormGame, q: number, strides: number[], digits: Int32Array, d0: number): boolean {
  const { payoffs, shape } = game;
  const n = shape.length;
  for (let i = 0; i < n; i++) {
    const st = strides[i]!;
    const di = i === 0 ? d0 : digits[i]!;
    const start = q - di * st;
    const v = payoffs[q * n + i]!;
    let mine: Rational | undefined;
    for (let s = 0; s < shape[i]!; s++) {
      const k = (start + s * st) * n + i;
      if (s === di || payoffs[k] !== v) continue;
      mine ??= exactPayoff(game, q * n + i);
      if (cmp(exactPayoff(game, k), mine) > 0) return false;
    }
  }
  return true;
}
