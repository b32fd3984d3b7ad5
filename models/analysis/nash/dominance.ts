/**
 * Iterated elimination of strictly dominated strategies.
 *
 * Strategy s of player i is strictly dominated in the current (reduced) game when some other
 * strategy t, or with `mixed` some mixture σ of the other strategies, pays strictly more against
 * every remaining profile o of the opponents:
 *
 *   pure:   uᵢ(t, o) > uᵢ(s, o) for all o;
 *   mixed:  max ε  s.t.  Σ_t σ_t uᵢ(t, o) − ε ≥ uᵢ(s, o) for all o,  Σσ = 1,  σ ≥ 0   has ε* > 0
 *           (a linear program, HiGHS via ../../game/lp).
 *
 * Every round removes all strategies dominated in the game at the start of the round, for all
 * players; rounds repeat until none is. For strict dominance the order of elimination does not
 * change the result (Gilboa, Kalai & Zemel 1990), so this is the unique maximal reduction. A
 * strategy dominated only by a mixture is never dominated by a mixture that uses it, so s is left
 * out of its own LP.
 *
 * Exactness: pure comparisons use the exact payoffs where doubles tie. A mixed dominator from the
 * LP is turned into rationals (small denominators by continued fractions, else the doubles'
 * exact values), renormalised to sum exactly 1 and re-checked in rational arithmetic; only a
 * verified certificate eliminates a strategy (`exact: true`). An LP margin that fails the check
 * (a numerically borderline case) keeps the strategy and is counted in `unverified`.
 */
import { type NormalFormGame, type Rational, profileCount } from '../../game/types';
import { ZERO, add, cmp, div, exactPayoff, fromNumber, isZero, mul, neg, rat, sub, toNumber } from '../../game/rational';

const abs = (a: Rational): Rational => (a.num < 0n ? neg(a) : a);
import { restrictGame } from '../../game/subgame';
import { solveLp, type LpRow } from '../../game/lp';
import { comparePayoffs } from './regret';

export interface Elimination {
  readonly player: number;
  /** Index in the original game. */
  readonly strategy: number;
  readonly round: number;
  /** The dominating strategy or mixture (original indices, exact probabilities). */
  readonly by: { strategy: number; probability: Rational }[];
}

export interface DominanceResult {
  readonly status: 'ok' | 'too-large' | 'failed';
  readonly method: 'dominance';
  readonly exact: true;
  readonly mixed: boolean;
  /** Remaining strategies per player (original indices, ascending). */
  readonly kept: number[][];
  readonly eliminated: Elimination[];
  readonly rounds: number;
  /** The reduced game. */
  readonly game: NormalFormGame;
  /** LP dominations that failed the exact re-check (normally 0). */
  readonly unverified: number;
  readonly message?: string;
}

export interface DominanceOptions {
  /** Also test domination by mixed strategies (needs HiGHS). Default false. */
  readonly mixed?: boolean;
  /** Refuse games with more profiles (default 10^6). */
  readonly maxProfiles?: number;
}

/** Original profile indices of the opponents' remaining profiles, with player i's strategy 0. */
function opponentBases(game: NormalFormGame, kept: readonly (readonly number[])[], i: number): number[] {
  const n = game.shape.length;
  const strides: number[] = [];
  for (let j = 0, s = 1; j < n; j++) {
    strides.push(s);
    s *= game.shape[j]!;
  }
  const others = [...Array(n).keys()].filter((j) => j !== i);
  const out: number[] = [];
  const d = new Array<number>(n).fill(0);
  const count = others.reduce((t, j) => t * kept[j]!.length, 1);
  for (let c = 0; c < count; c++) {
    let base = 0;
    for (const j of others) base += kept[j]![d[j]!]! * strides[j]!;
    out.push(base);
    for (const j of others) {
      if (++d[j]! < kept[j]!.length) break;
      d[j] = 0;
    }
  }
  return out;
}

function strideOf(game: NormalFormGame, i: number): number {
  let s = 1;
  for (let j = 0; j < i; j++) s *= game.shape[j]!;
  return s;
}

/** Pure strict dominator of s among `cands`, or -1. */
function pureDominator(game: NormalFormGame, i: number, s: number, cands: readonly number[], bases: readonly number[]): number {
  const n = game.shape.length;
  const st = strideOf(game, i);
  for (const t of cands) {
    if (t === s) continue;
    let ok = true;
    for (const b of bases)
      if (comparePayoffs(game, (b + t * st) * n + i, (b + s * st) * n + i) <= 0) {
        ok = false;
        break;
      }
    if (ok) return t;
  }
  return -1;
}

/** Best rational approximation with denominator ≤ maxDen (continued fractions). */
function approxRational(x: number, maxDen = 1_000_000): Rational {
  if (!Number.isFinite(x)) return ZERO;
  let h0 = 0n;
  let h1 = 1n;
  let k0 = 1n;
  let k1 = 0n;
  let v = x;
  for (let it = 0; it < 64; it++) {
    const a = Math.floor(v);
    const A = BigInt(a);
    const h2 = A * h1 + h0;
    const k2 = A * k1 + k0;
    if (k2 > BigInt(maxDen)) break;
    h0 = h1;
    h1 = h2;
    k0 = k1;
    k1 = k2;
    const f = v - a;
    if (f < 1e-12) break;
    v = 1 / f;
  }
  return k1 === 0n ? fromNumber(x) : rat(h1, k1);
}

/** Exact check that the mixture (t, σ_t) strictly dominates s against every base. */
function verifyMixed(
  game: NormalFormGame,
  i: number,
  s: number,
  mix: readonly { strategy: number; probability: Rational }[],
  bases: readonly number[],
): boolean {
  const n = game.shape.length;
  const st = strideOf(game, i);
  for (const b of bases) {
    let v: Rational = ZERO;
    for (const { strategy, probability } of mix) v = add(v, mul(probability, exactPayoff(game, (b + strategy * st) * n + i)));
    if (cmp(v, exactPayoff(game, (b + s * st) * n + i)) <= 0) return false;
  }
  return true;
}

/** Normalise rationals to sum exactly 1 (dropping zeros). */
function normalise(ps: { strategy: number; probability: Rational }[]): { strategy: number; probability: Rational }[] {
  const pos = ps.filter((p) => p.probability.num > 0n);
  const sum = pos.reduce((t, p) => add(t, p.probability), ZERO);
  if (sum.num === 0n) return [];
  return pos.map((p) => ({ strategy: p.strategy, probability: div(p.probability, sum)! }));
}

async function mixedDominator(
  game: NormalFormGame,
  i: number,
  s: number,
  cands: readonly number[],
  bases: readonly number[],
): Promise<{ mix?: { strategy: number; probability: Rational }[]; unverified: boolean }> {
  const others = cands.filter((t) => t !== s);
  if (others.length < 2) return { unverified: false }; // one candidate: the pure test decided
  const n = game.shape.length;
  const st = strideOf(game, i);
  const k = others.length;
  // variables: σ_0..σ_{k-1}, ε (free); rows Σ_t σ_t·(uᵢ(t, o) − uᵢ(s, o)) − ε ≥ 0 (the same as
  // Σ_t σ_t uᵢ(t, o) − ε ≥ uᵢ(s, o), as Σσ = 1), the differences scaled by the largest. Where the
  // game keeps exact payoffs they are taken in rationals and rounded once, so payoffs that doubles
  // cannot tell apart (or hold) still give the program their true differences.
  const diffs: number[][] = [];
  if (game.exact) {
    const exactDiffs = bases.map((b) => others.map((t) => sub(exactPayoff(game, (b + t * st) * n + i), exactPayoff(game, (b + s * st) * n + i))));
    let top: Rational = ZERO;
    for (const row of exactDiffs) for (const d of row) if (cmp(abs(d), top) > 0) top = abs(d);
    for (const row of exactDiffs) diffs.push(row.map((d) => (isZero(top) ? 0 : toNumber(div(d, top)!))));
  } else {
    let top = 0;
    for (const b of bases) {
      const u = game.payoffs[(b + s * st) * n + i]!;
      const row = others.map((t) => game.payoffs[(b + t * st) * n + i]! - u);
      for (const d of row) top = Math.max(top, Math.abs(d));
      diffs.push(row);
    }
    if (top > 0) for (const row of diffs) for (let c = 0; c < k; c++) row[c]! /= top;
  }
  const rows: LpRow[] = diffs.map((row) => ({ idx: [...others.map((_, c) => c), k], val: [...row, -1], lo: 0, hi: Infinity }));
  rows.push({ idx: others.map((_, c) => c), val: others.map(() => 1), lo: 1, hi: 1 });
  const colLo = [...others.map(() => 0), -Infinity];
  const cost = [...others.map(() => 0), 1];
  const res = await solveLp({ sense: 'max', cost, rows, colLo });
  if (res.status !== 'optimal' || !(res.objective > 1e-9)) return { unverified: false };
  const x = Array.from(res.x.subarray(0, k), (v) => Math.max(0, v));
  for (const conv of [(v: number) => approxRational(v), fromNumber]) {
    const mix = normalise(others.map((t, c) => ({ strategy: t, probability: conv(x[c]!) })));
    if (mix.length && verifyMixed(game, i, s, mix, bases)) return { mix, unverified: false };
  }
  return { unverified: true };
}

function run(game: NormalFormGame, opts: DominanceOptions, lp: boolean): DominanceResult | Promise<DominanceResult> {
  const n = game.shape.length;
  const total = profileCount(game.shape);
  const maxProfiles = opts.maxProfiles ?? 1e6;
  const kept = game.shape.map((k) => Array.from({ length: k }, (_, s) => s));
  const base = { method: 'dominance' as const, exact: true as const, mixed: lp };
  if (total > maxProfiles)
    return {
      ...base,
      status: 'too-large',
      kept,
      eliminated: [],
      rounds: 0,
      game,
      unverified: 0,
      message: `${total} profiles exceed the limit of ${maxProfiles}`,
    };
  const eliminated: Elimination[] = [];
  let unverified = 0;
  const finish = (rounds: number): DominanceResult => ({
    ...base,
    status: 'ok',
    kept,
    eliminated,
    rounds,
    game: eliminated.length ? restrictGame(game, kept) : game,
    unverified,
  });
  const roundPure = (): { player: number; s: number; by: Elimination['by'] }[] => {
    const found: { player: number; s: number; by: Elimination['by'] }[] = [];
    for (let i = 0; i < n; i++) {
      if (kept[i]!.length < 2) continue;
      const bases = opponentBases(game, kept, i);
      for (const s of kept[i]!) {
        const t = pureDominator(game, i, s, kept[i]!, bases);
        if (t >= 0) found.push({ player: i, s, by: [{ strategy: t, probability: { num: 1n, den: 1n } }] });
      }
    }
    return found;
  };
  const apply = (found: { player: number; s: number; by: Elimination['by'] }[], round: number) => {
    for (const f of found) {
      eliminated.push({ player: f.player, strategy: f.s, round, by: f.by });
      kept[f.player] = kept[f.player]!.filter((x) => x !== f.s);
    }
  };
  if (!lp) {
    for (let round = 1; ; round++) {
      const found = roundPure();
      if (!found.length) return finish(round - 1);
      apply(found, round);
    }
  }
  return (async () => {
    for (let round = 1; ; round++) {
      const found = roundPure();
      const pureHit = new Set(found.map((f) => `${f.player}:${f.s}`));
      for (let i = 0; i < n; i++) {
        if (kept[i]!.length < 3) continue;
        const bases = opponentBases(game, kept, i);
        for (const s of kept[i]!) {
          if (pureHit.has(`${i}:${s}`)) continue;
          const r = await mixedDominator(game, i, s, kept[i]!, bases);
          if (r.unverified) unverified++;
          if (r.mix) found.push({ player: i, s, by: r.mix });
        }
      }
      if (!found.length) return finish(round - 1);
      apply(found, round);
    }
  })();
}

/** Iterated strict dominance by pure strategies only (synchronous, no LP). */
export function iteratedPureDominance(game: NormalFormGame, opts: Omit<DominanceOptions, 'mixed'> = {}): DominanceResult {
  return run(game, opts, false) as DominanceResult;
}

/** Iterated strict dominance; with `mixed: true` also by mixed strategies (LPs via HiGHS). */
export async function iteratedDominance(game: NormalFormGame, opts: DominanceOptions = {}): Promise<DominanceResult> {
  return run(game, opts, opts.mixed ?? false);
}
