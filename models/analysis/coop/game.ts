/**
 * Transferable-utility (TU) games as a characteristic function over coalition bitmasks:
 * `v[S]` is the worth of coalition S, where bit i of S is set when player i belongs to it.
 * `v` has length 2^n and v[0] = 0 (the empty coalition). Every solver in this folder takes
 * this shape, so textbook games and games derived from a scenario go through the same code.
 */

export type Characteristic = Float64Array;

/** The largest game the solvers accept: 2^16 coalitions (the LPs get 65,535 rows). */
export const MAX_PLAYERS = 16;

export type GameCheck = { ok: true; n: number } | { ok: false; problem: string };

/** n from the length of v (a power of two), with checks for NaN and v(∅) = 0. */
export function checkGame(v: Characteristic): GameCheck {
  const n = Math.round(Math.log2(v.length));
  if (v.length < 2 || 1 << n !== v.length) return { ok: false, problem: `a characteristic function needs 2^n entries, got ${v.length}` };
  if (n > MAX_PLAYERS) return { ok: false, problem: `${n} players is more than the ${MAX_PLAYERS} the exact solvers handle` };
  for (let s = 0; s < v.length; s++) if (!Number.isFinite(v[s]!)) return { ok: false, problem: `v(${s}) is not a finite number` };
  if (Math.abs(v[0]!) > 1e-12) return { ok: false, problem: 'v(∅) must be 0' };
  return { ok: true, n };
}

export function popcount(s: number): number {
  s = s - ((s >>> 1) & 0x55555555);
  s = (s & 0x33333333) + ((s >>> 2) & 0x33333333);
  return (((s + (s >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** The players in coalition S, ascending. */
export function members(s: number, n: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) if (s & (1 << i)) out.push(i);
  return out;
}

/** x(S) = Σ_{i∈S} x_i. */
export function coalitionSum(x: ArrayLike<number>, s: number): number {
  let t = 0;
  for (let i = 0; s; i++, s >>>= 1) if (s & 1) t += x[i]!;
  return t;
}

/** Build a game from a worth function on member lists. */
export function gameFrom(n: number, worth: (players: number[], mask: number) => number): Characteristic {
  const v = new Float64Array(1 << n);
  for (let s = 1; s < v.length; s++) v[s] = worth(members(s, n), s);
  return v;
}

/** The largest violation of a coalition constraint x(S) ≥ v(S) (≤ 0 when x is in the core), and where. */
export function worstExcess(v: Characteristic, x: ArrayLike<number>): { excess: number; coalition: number } {
  let worst = -Infinity;
  let at = 0;
  for (let s = 1; s < v.length; s++) {
    const e = v[s]! - coalitionSum(x, s);
    if (e > worst) {
      worst = e;
      at = s;
    }
  }
  return { excess: worst, coalition: at };
}

/** v(S ∪ T) ≥ v(S) + v(T) for all disjoint S, T (3^n pairs). */
export function isSuperadditive(v: Characteristic, tol = 1e-9): { ok: boolean; counterexample?: [number, number] } {
  const full = v.length - 1;
  for (let s = 1; s < v.length; s++) {
    const rest = full & ~s;
    // Submasks t of the complement with t > s, so each unordered pair is checked once.
    for (let t = rest; t > 0; t = (t - 1) & rest) {
      if (t < s) continue;
      if (v[s | t]! < v[s]! + v[t]! - tol) return { ok: false, counterexample: [s, t] };
    }
  }
  return { ok: true };
}
