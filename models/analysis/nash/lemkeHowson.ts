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
 * - Different dropped labels can reach different equilibria, and a path can also start at an
 *   equilibrium; `lemkeHowsonAll` walks all of them from the artificial equilibrium onwards, like
 *   gambit-lcp, following its many paths in doubles and re-deriving every equilibrium it reaches
 *   exactly (see there). Some equilibria are on no such walk (Shapley 1974, fig. 3; Todd's
 *   examples).
 */
import type { NormalFormGame } from '../../game/types';
import { solveInPlace } from '../../game/linalg';
import { type Bimatrix, type ExactPoint, bimatrix, exactEquilibrium } from './bimatrix';
import { solveInteger } from './exactLinear';
import type { MixedEquilibrium, MixedResult, StopOptions } from './types';

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
  const L = bm.m + bm.n;
  const k = opts.label ?? 0;
  if (!(k >= 0 && k < L)) return { status: 'failed', method: 'lcp', exact: true, equilibria: [], pivots: 0, message: `label ${k} is not in 0..${L - 1}` };
  const [P, Q] = makeSystems(bm);
  const path = follow(P, Q, k, opts.maxPivots ?? 100_000);
  if (path.message) return { status: 'failed', method: 'lcp', exact: true, equilibria: [], pivots: path.pivots, message: path.message };
  const e = equilibriumAt(bm, P, Q);
  if (!e) return { status: 'failed', method: 'lcp', exact: true, equilibria: [], pivots: path.pivots, message: 'the end of the path failed the exact check' };
  return { status: 'ok', method: 'lcp', exact: true, equilibria: [e.eq], pivots: path.pivots };
}

/**
 * Follow the Lemke–Howson path that drops label k from the completely labelled pair of bases
 * (P, Q), pivoting both in place, to the next completely labelled pair (the artificial
 * equilibrium included). At a completely labelled pair each label is non-basic in exactly one
 * system, so label k's non-basic variable enters there.
 */
function follow(P: System, Q: System, k: number, maxPivots: number): { pivots: number; message?: string } {
  const L = P.slack.length + Q.slack.length;
  let sys = P.basis.includes(k) ? Q : P;
  let entering = k;
  let pivots = 0;
  for (;;) {
    if (pivots >= maxPivots) return { pivots, message: `no equilibrium after ${pivots} pivots` };
    const r = lexMinRow(sys, entering, L);
    if (r < 0) return { pivots, message: 'unbounded ray (payoffs not positive?)' };
    const leaving = pivot(sys, r, entering);
    pivots++;
    if (leaving === k) return { pivots };
    sys = sys === P ? Q : P;
    entering = leaving;
  }
}

/** The equilibrium at a completely labelled pair, exactly checked; undefined at the artificial one (x = y = 0). */
function equilibriumAt(bm: Bimatrix, P: System, Q: System): { eq: MixedEquilibrium; key: string } | undefined {
  const L = bm.m + bm.n;
  return exactEquilibrium(bm, values(P, 0, bm.m, L), values(Q, bm.m, bm.n, L));
}

/** The exact point of a best-response polytope at a basis: the basic z's solve the rows whose slacks are non-basic. */
function exactAt(
  basic: ReadonlySet<number>,
  d: number,
  rows: number,
  zLabel: (c: number) => number,
  slackLabel: (r: number) => number,
  entry: (r: number, c: number) => bigint,
): ExactPoint | undefined {
  const free: number[] = [];
  for (let c = 0; c < d; c++) if (basic.has(zLabel(c))) free.push(c);
  const tight: number[] = [];
  for (let r = 0; r < rows; r++) if (!basic.has(slackLabel(r))) tight.push(r);
  if (free.length !== tight.length) return undefined;
  const sol = solveInteger(
    tight.map((r) => free.map((c) => entry(r, c))),
    tight.map(() => 1n),
  );
  if (!sol) return undefined;
  const num = new Array<bigint>(d).fill(0n);
  for (const [k, c] of free.entries()) num[c] = sol.num[k]!;
  return { num, den: sol.den };
}

/** The equilibrium at a pair of bases (label sets), derived and checked exactly; undefined if it is none (or the artificial one). */
function equilibriumOfBases(bm: Bimatrix, pBasis: ArrayLike<number>, qBasis: ArrayLike<number>): { eq: MixedEquilibrium; key: string } | undefined {
  const { m, n } = bm;
  const pb = new Set(Array.from(pBasis));
  const qb = new Set(Array.from(qBasis));
  // P: x_i has label i, the slack of column j label m + j; Q: y_j has label m + j, the slack of row i label i.
  const x = exactAt(
    pb,
    m,
    n,
    (i) => i,
    (j) => m + j,
    (j, i) => bm.Bi.v[i * n + j]!,
  );
  const y = exactAt(
    qb,
    n,
    m,
    (j) => m + j,
    (i) => i,
    (i, j) => bm.Ai.v[i * n + j]!,
  );
  return x && y ? exactEquilibrium(bm, x, y) : undefined;
}

/** The exact systems at a pair of bases, by pivoting their labels in from the artificial start (any order: a basis is non-singular). */
function exactSystemsAt(bm: Bimatrix, pBasis: ArrayLike<number>, qBasis: ArrayLike<number>): [System, System] | undefined {
  const systems = makeSystems(bm);
  for (const [S, target] of [
    [systems[0], new Set(Array.from(pBasis))],
    [systems[1], new Set(Array.from(qBasis))],
  ] as const) {
    for (const v of target) {
      if (S.basis.includes(v)) continue;
      const r = S.basis.findIndex((b, row) => !target.has(b) && S.T[row]![v] !== 0n);
      if (r < 0) return undefined;
      pivot(S, r, v);
    }
  }
  return systems;
}

/**
 * A system in doubles for the walk of `lemkeHowsonAll`: the tableau rows × (L + 1), row-major,
 * normalised so that basic columns are unit vectors, from the payoffs scaled into [1, 2].
 */
interface FloatSystem {
  readonly T: Float64Array;
  readonly rows: number;
  readonly basis: Int32Array;
  /** Labels of the initial (slack) basis, for the lexicographic test. */
  readonly slack: Int32Array;
  /** The system's full constraint matrix rows × L (variables by label), to refactor from. */
  readonly M: Float64Array;
}

/** Entries of the entering column at most this are not positive (payoffs scaled into [1, 2]). */
const FLOAT_EPS = 1e-9;

function floatSystems(bm: Bimatrix): [FloatSystem, FloatSystem] {
  const { m, n } = bm;
  const L = m + n;
  const make = (rows: number, slackOf: (r: number) => number, coeff: (r: number, label: number) => number): FloatSystem => {
    const M = new Float64Array(rows * L);
    const T = new Float64Array(rows * (L + 1));
    const basis = new Int32Array(rows);
    for (let r = 0; r < rows; r++) {
      basis[r] = slackOf(r);
      for (let l = 0; l < L; l++) M[r * L + l] = l === slackOf(r) ? 1 : coeff(r, l);
      for (let l = 0; l < L; l++) T[r * (L + 1) + l] = M[r * L + l]!;
      T[r * (L + 1) + L] = 1;
    }
    return { T, rows, basis, slack: Int32Array.from(basis), M };
  };
  // P: rows j, x_i (label i) with coefficient B[i][j]; Q: rows i, y_j (label m + j) with A[i][j].
  const P = make(
    n,
    (j) => m + j,
    (j, l) => (l < m ? bm.B[l * n + j]! : 0),
  );
  const Q = make(
    m,
    (i) => i,
    (i, l) => (l >= m ? bm.A[i * n + (l - m)]! : 0),
  );
  return [P, Q];
}

const copyFloat = (S: FloatSystem): FloatSystem => ({ ...S, T: Float64Array.from(S.T), basis: Int32Array.from(S.basis) });

/** The lexicographic minimum-ratio row in doubles, ratios within a relative 1e-9 counting as ties; -1 if none. */
function floatLexMinRow(S: FloatSystem, c: number, L: number): number {
  const { T, rows, slack } = S;
  const w = L + 1;
  let best = -1;
  for (let r = 0; r < rows; r++) {
    const t = T[r * w + c]!;
    if (t <= FLOAT_EPS) continue;
    if (best < 0) {
      best = r;
      continue;
    }
    const tb = T[best * w + c]!;
    for (let q = -1; q < slack.length; q++) {
      const col = q < 0 ? L : slack[q]!;
      const a = T[r * w + col]! / t;
      const b = T[best * w + col]! / tb;
      const tol = FLOAT_EPS * (1 + Math.abs(a) + Math.abs(b));
      if (a < b - tol) best = r;
      if (Math.abs(a - b) > tol) break;
    }
  }
  return best;
}

function floatPivot(S: FloatSystem, r: number, c: number, L: number): number {
  const { T, rows } = S;
  const w = L + 1;
  const inv = 1 / T[r * w + c]!;
  for (let j = 0; j < w; j++) T[r * w + j]! *= inv;
  T[r * w + c] = 1;
  for (let i = 0; i < rows; i++) {
    if (i === r) continue;
    const f = T[i * w + c]!;
    if (f === 0) continue;
    for (let j = 0; j < w; j++) T[i * w + j]! -= f * T[r * w + j]!;
    T[i * w + c] = 0;
  }
  const leaving = S.basis[r]!;
  S.basis[r] = c;
  return leaving;
}

/**
 * Recompute a float tableau from its basis (../../game/linalg), removing the drift of the pivots
 * that led to it; should rounding make the basis look singular, the pivoted tableau is kept.
 */
function refactor(S: FloatSystem, L: number): void {
  const { rows, M, basis } = S;
  const w = L + 1;
  const Bm = new Float64Array(rows * rows);
  const X = new Float64Array(rows * w);
  for (let i = 0; i < rows; i++) {
    for (let r = 0; r < rows; r++) Bm[i * rows + r] = M[i * L + basis[r]!]!;
    for (let l = 0; l < L; l++) X[i * w + l] = M[i * L + l]!;
    X[i * w + L] = 1;
  }
  if (solveInPlace(Bm, rows, X, w)) S.T.set(X);
}

/** The path of `follow`, in doubles. */
function followFloat(P: FloatSystem, Q: FloatSystem, k: number, L: number, maxPivots: number): { pivots: number; message?: string } {
  let sys = P.basis.includes(k) ? Q : P;
  let entering = k;
  let pivots = 0;
  for (;;) {
    if (pivots >= maxPivots) return { pivots, message: `no equilibrium after ${pivots} pivots` };
    const r = floatLexMinRow(sys, entering, L);
    if (r < 0) return { pivots, message: 'unbounded ray' };
    const leaving = floatPivot(sys, r, entering, L);
    pivots++;
    if (leaving === k) return { pivots };
    sys = sys === P ? Q : P;
    entering = leaving;
  }
}

const basisKey = (p: ArrayLike<number>, q: ArrayLike<number>) =>
  `${Array.from(p)
    .sort((a, b) => a - b)
    .join(',')}|${Array.from(q)
    .sort((a, b) => a - b)
    .join(',')}`;

export interface LemkeHowsonAllOptions extends StopOptions {
  /** Pivot limit per path (default 100,000). */
  readonly maxPivots?: number;
  /** Called with each new equilibrium as it is found. */
  readonly onEquilibrium?: (e: MixedEquilibrium) => void;
}

/**
 * Every equilibrium reachable by Lemke–Howson paths from the artificial equilibrium, as
 * gambit-lcp finds them: paths from the artificial equilibrium with every dropped label, then,
 * from every equilibrium found, paths with every dropped label again (a path from an equilibrium
 * ends at another one or at the artificial one), until no new equilibrium appears. This is a
 * search of the graph whose nodes are the completely labelled pairs of bases and whose edges are
 * the paths (Shapley 1974; the "equilibrium graph" of von Stengel 2002, §3.5): the equilibria in
 * the component of the artificial one. Nodes are told apart by their bases, so in a degenerate
 * game one equilibrium reached with two bases is searched from both; each equilibrium is
 * reported once, in the order found (the equilibria of the paths from the artificial one first,
 * by label). Not every equilibrium need be in that component.
 *
 * Speed: a walk follows (m + n) paths from every equilibrium, so its paths are followed in doubles
 * (a pivot costs O((m + n)²) flops, against bigint products in exact pivoting). The bases where
 * a path ends decide everything: a new pair of bases is re-derived in exact arithmetic
 * (./exactLinear) and checked (./bimatrix) before it counts, and its tableau is recomputed from
 * the bases so rounding does not build up along the walk; a path whose end fails the check is
 * followed again in exact arithmetic from its start. Answers are exact rationals.
 */
export function lemkeHowsonAll(game: NormalFormGame, opts: LemkeHowsonAllOptions = {}): LemkeHowsonResult {
  if (game.players.length !== 2)
    return { status: 'not-applicable', method: 'lcp', exact: true, equilibria: [], pivots: 0, message: 'Lemke–Howson needs a 2-player game' };
  const bm = bimatrix(game);
  const L = bm.m + bm.n;
  const maxPivots = opts.maxPivots ?? 100_000;
  const seenEquilibria = new Set<string>();
  const equilibria: MixedEquilibrium[] = [];
  const start = floatSystems(bm);
  const seenBases = new Set<string>([basisKey(start[0].basis, start[1].basis)]);
  const queue: [FloatSystem, FloatSystem][] = [start];
  let pivots = 0;
  const fail = (message: string): LemkeHowsonResult => ({ status: 'failed', method: 'lcp', exact: true, equilibria, pivots, message });
  for (let next = 0; next < queue.length; next++) {
    const [P0, Q0] = queue[next]!;
    for (let k = 0; k < L; k++) {
      if (opts.shouldStop?.()) return { status: 'cancelled', method: 'lcp', exact: true, equilibria, pivots };
      const P = copyFloat(P0);
      const Q = copyFloat(Q0);
      const path = followFloat(P, Q, k, L, maxPivots);
      pivots += path.pivots;
      let pBasis: ArrayLike<number> = P.basis;
      let qBasis: ArrayLike<number> = Q.basis;
      let key = path.message ? '' : basisKey(pBasis, qBasis);
      if (seenBases.has(key)) continue;
      let e = path.message ? undefined : equilibriumOfBases(bm, pBasis, qBasis);
      if (!e) {
        // Rounding misled the path (or it ended at a pair that is no equilibrium): follow it again exactly.
        const exact = exactSystemsAt(bm, P0.basis, Q0.basis);
        if (!exact) return fail('a basis of the walk is singular in exact arithmetic');
        const again = follow(exact[0], exact[1], k, maxPivots);
        pivots += again.pivots;
        if (again.message) return fail(again.message);
        pBasis = exact[0].basis;
        qBasis = exact[1].basis;
        key = basisKey(pBasis, qBasis);
        if (seenBases.has(key)) continue;
        e = equilibriumOfBases(bm, pBasis, qBasis);
        if (!e) return fail('the end of a path failed the exact check');
        P.basis.set(pBasis);
        Q.basis.set(qBasis);
      }
      seenBases.add(key);
      refactor(P, L);
      refactor(Q, L);
      queue.push([P, Q]);
      if (seenEquilibria.has(e.key)) continue;
      seenEquilibria.add(e.key);
      equilibria.push(e.eq);
      opts.onEquilibrium?.(e.eq);
    }
  }
  return { status: 'ok', method: 'lcp', exact: true, equilibria, pivots };
}
