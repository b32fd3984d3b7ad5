/**
 * The Lemke–Howson algorithm (Lemke & Howson 1964), in the complementary-pivoting form of
 * Shapley (1974) and von Stengel ("Computing equilibria for two-person games", Handbook of Game
 * Theory 3, 2002, §3): one Nash equilibrium of a 2-player game, in exact arithmetic.
 *
 * The two systems Bᵀx + s = 1 and Ay + r = 1 (./bimatrix, integer matrices ≥ 1) start at the
 * artificial equilibrium x = y = 0. Dropping label k brings the variable with label k into its
 * system; the variable that leaves has some label ℓ, now carried by a zero variable in both
 * systems, so ℓ's variable in the other system enters next; the path ends when label k leaves,
 * i.e. at a completely labelled pair (x, y) ≠ 0: an equilibrium.
 *
 * - Exact integer pivoting (Edmonds): each tableau is kept integral with a common denominator
 *   (the last pivot), so the answer is exact rationals and the regret is 0.
 * - Degeneracy: the lexicographic minimum-ratio test (ties broken by the rows of the inverse
 *   basis, i.e. the slack columns) makes every pivot unique, so the path cannot cycle.
 * - Different dropped labels can reach different equilibria; `lemkeHowsonAll` runs all m + n and
 *   keeps the distinct ones (the equilibria "accessible" from the artificial one, like
 *   gambit-lcp). Some equilibria are not accessible (Shapley 1974, fig. 3; Todd's examples).
 */
import type { NormalFormGame } from '../../game/types';
import { type Bimatrix, type ExactPoint, bimatrix, exactEquilibrium } from './bimatrix';
import type { MixedEquilibrium, MixedResult } from './types';

export interface LemkeHowsonOptions {
  /** The dropped label: 0..m−1 for player 1's strategies, m..m+n−1 for player 2's. Default 0. */
  readonly label?: number;
  /** Pivot limit (default 100,000). */
  readonly maxPivots?: number;
}

export interface LemkeHowsonResult extends MixedResult {
  readonly method: 'lcp';
  readonly pivots: number;
}

/** One system: tableau rows × (m + n + 1) columns indexed by label, last column the rhs. */
interface System {
  T: bigint[][];
  /** Label of the basic variable of each row. */
  basis: number[];
  det: bigint;
  /** Labels of the initial (slack) basis, for the lexicographic test. */
  slack: number[];
}

function makeSystems(bm: Bimatrix): [System, System] {
  const { m, n } = bm;
  const L = m + n;
  // P-system: rows j, variables x_i (label i) and s_j (label m + j).
  const P: System = {
    T: Array.from({ length: n }, (_, j) => {
      const row = new Array<bigint>(L + 1).fill(0n);
      for (let i = 0; i < m; i++) row[i] = bm.Bi.v[i * n + j]!;
      row[m + j] = 1n;
      row[L] = 1n;
      return row;
    }),
    basis: Array.from({ length: n }, (_, j) => m + j),
    det: 1n,
    slack: Array.from({ length: n }, (_, j) => m + j),
  };
  // Q-system: rows i, variables r_i (label i) and y_j (label m + j).
  const Q: System = {
    T: Array.from({ length: m }, (_, i) => {
      const row = new Array<bigint>(L + 1).fill(0n);
      for (let j = 0; j < n; j++) row[m + j] = bm.Ai.v[i * n + j]!;
      row[i] = 1n;
      row[L] = 1n;
      return row;
    }),
    basis: Array.from({ length: m }, (_, i) => i),
    det: 1n,
    slack: Array.from({ length: m }, (_, i) => i),
  };
  return [P, Q];
}

/** Lexicographic minimum-ratio row for entering column c, or -1 if the column has no positive entry. */
function lexMinRow(S: System, c: number, rhsCol: number): number {
  let best = -1;
  for (let r = 0; r < S.T.length; r++) {
    const t = S.T[r]![c]!;
    if (t <= 0n) continue;
    if (best < 0) {
      best = r;
      continue;
    }
    const tb = S.T[best]![c]!;
    // compare row r against best: (v_r / t) vs (v_best / tb) over rhs then slack columns
    let cmpv = 0;
    for (let q = -1; q < S.slack.length && cmpv === 0; q++) {
      const col = q < 0 ? rhsCol : S.slack[q]!;
      const d = S.T[r]![col]! * tb - S.T[best]![col]! * t;
      cmpv = d < 0n ? -1 : d > 0n ? 1 : 0;
    }
    if (cmpv < 0) best = r;
  }
  return best;
}

function pivot(S: System, r: number, c: number): number {
  const pr = S.T[r]!;
  const piv = pr[c]!;
  for (let i = 0; i < S.T.length; i++) {
    if (i === r) continue;
    const row = S.T[i]!;
    const f = row[c]!;
    for (let j = 0; j < row.length; j++) row[j] = (row[j]! * piv - f * pr[j]!) / S.det;
  }
  S.det = piv;
  const leaving = S.basis[r]!;
  S.basis[r] = c;
  return leaving;
}

/** Values of the variables with labels in [from, from + count) (num over the system's det). */
function values(S: System, from: number, count: number, rhsCol: number): ExactPoint {
  const num = new Array<bigint>(count).fill(0n);
  S.basis.forEach((label, r) => {
    if (label >= from && label < from + count) num[label - from] = S.T[r]![rhsCol]!;
  });
  return { num, den: S.det };
}

/** One equilibrium by Lemke–Howson with the given dropped label. */
export function lemkeHowson(game: NormalFormGame, opts: LemkeHowsonOptions = {}): LemkeHowsonResult {
  if (game.players.length !== 2)
    return { status: 'not-applicable', method: 'lcp', exact: true, equilibria: [], pivots: 0, message: 'Lemke–Howson needs a 2-player game' };
  const bm = bimatrix(game);
  return run(bm, opts.label ?? 0, opts.maxPivots ?? 100_000);
}

function run(bm: Bimatrix, k: number, maxPivots: number): LemkeHowsonResult {
  const { m, n } = bm;
  const L = m + n;
  if (!(k >= 0 && k < L)) return { status: 'failed', method: 'lcp', exact: true, equilibria: [], pivots: 0, message: `label ${k} is not in 0..${L - 1}` };
  const [P, Q] = makeSystems(bm);
  // x_k (k < m) enters the P-system; y (k ≥ m) enters the Q-system.
  let sys = k < m ? P : Q;
  let entering = k;
  let pivots = 0;
  for (;;) {
    if (pivots >= maxPivots) return { status: 'failed', method: 'lcp', exact: true, equilibria: [], pivots, message: `no equilibrium after ${pivots} pivots` };
    const r = lexMinRow(sys, entering, L);
    if (r < 0) return { status: 'failed', method: 'lcp', exact: true, equilibria: [], pivots, message: 'unbounded ray (payoffs not positive?)' };
    const leaving = pivot(sys, r, entering);
    pivots++;
    if (leaving === k) break;
    sys = sys === P ? Q : P;
    entering = leaving;
  }
  const x = values(P, 0, m, L);
  const y = values(Q, m, n, L);
  const e = exactEquilibrium(bm, x, y);
  if (!e) return { status: 'failed', method: 'lcp', exact: true, equilibria: [], pivots, message: 'the end of the path failed the exact check' };
  return { status: 'ok', method: 'lcp', exact: true, equilibria: [e.eq], pivots };
}

/** Lemke–Howson from every dropped label; the distinct equilibria found, in label order. */
export function lemkeHowsonAll(game: NormalFormGame, opts: { maxPivots?: number } = {}): LemkeHowsonResult {
  if (game.players.length !== 2)
    return { status: 'not-applicable', method: 'lcp', exact: true, equilibria: [], pivots: 0, message: 'Lemke–Howson needs a 2-player game' };
  const bm = bimatrix(game);
  const seen = new Set<string>();
  const equilibria: MixedEquilibrium[] = [];
  let pivots = 0;
  for (let k = 0; k < bm.m + bm.n; k++) {
    const r = run(bm, k, opts.maxPivots ?? 100_000);
    pivots += r.pivots;
    if (r.status !== 'ok') return { ...r, equilibria, pivots };
    for (const e of r.equilibria) {
      const key = e.exact!.map((v) => v.map((q) => `${q.num}/${q.den}`).join(',')).join('|');
      if (!seen.has(key)) {
        seen.add(key);
        equilibria.push(e);
      }
    }
  }
  return { status: 'ok', method: 'lcp', exact: true, equilibria, pivots };
}
