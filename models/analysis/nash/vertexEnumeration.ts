/**
 * All extreme Nash equilibria of a 2-player game (what gambit-enummixed and lrsnash print), by
 * the method of lrsNash in Avis, Rosenberg, Savani & von Stengel, "Enumeration of Nash equilibria
 * for two-player games", Economic Theory 42 (2010):
 *
 * 1. Enumerate the vertices x ≠ 0 of player 1's best-response polytope
 *    P = { x ≥ 0 : Bᵀx ≤ 1 } (./polytope; the player with fewer strategies is put first, since
 *    the lower-dimensional polytope usually has far fewer vertices).
 * 2. Each vertex x has a label set L(x) (tight constraints). The equilibria (x, y) are the
 *    vertices y ≠ 0 of the complementary face
 *      Q(x) = { y ∈ Q : (Ay)ᵢ = 1 for i ∈ supp x,  yⱼ = 0 for j not a best response to x },
 *    i.e. the vertices of Q = { y ≥ 0 : Ay ≤ 1 } whose labels cover the labels x lacks.
 *    - Non-degenerate x (exactly m labels): |supp x| = |BR(x)| = k and Q(x) is the solution of one
 *      k×k system A[supp x, BR(x)] y = 1, if it is non-singular and feasible.
 *    - Otherwise (degenerate x, or a singular system): Q(x) may be a face of higher dimension;
 *      its vertices are read from the full vertex list of Q, computed once on demand.
 *    So degenerate games, with continua of equilibria, give every extreme pair (x, y) of vertices
 *    that is completely labelled: the same set lrsnash and gambit-enummixed print. (Each
 *    connected component of equilibria is the union of products of such extreme points; see the
 *    paper's "clique" enumeration, not done here.)
 * 3. Floating point finds the candidates; each is re-derived exactly: x (and y) solve the square
 *    integer system of their basis (./exactLinear), and the pair is kept only if exact
 *    feasibility and complementarity hold for the integer payoff matrices (./bimatrix). Reported
 *    probabilities and payoffs are therefore exact rationals and the regret is 0.
 *
 * Status 'too-large' when more than `maxBases` bases are visited; 'cancelled' via `shouldStop`.
 */
import type { NormalFormGame } from '../../game/types';
import { type Bimatrix, type ExactPoint, bimatrix, exactEquilibrium, transposeGame } from './bimatrix';
import { solveInPlace } from '../../game/linalg';
import { solveInteger } from './exactLinear';
import { faceVertexSystems } from './faceVertices';
import { forEachVertex } from './polytope';
import type { MixedEquilibrium, MixedResult, StopOptions } from './types';

export interface EnumMixedOptions extends StopOptions {
  /** Stop with 'too-large' after this many bases of one polytope (default 5·10^7). */
  readonly maxBases?: number;
  readonly onEquilibrium?: (e: MixedEquilibrium) => void;
  /** Zero tolerance of the floating-point search (default 1e-9 on payoffs scaled to [1, 2]). */
  readonly eps?: number;
  /**
   * Largest number of candidate systems tried for one degenerate face (./faceVertices) before
   * falling back to the full vertex list of the other polytope (default 20,000; 0 forces it).
   */
  readonly faceLimit?: number;
}

export interface EnumMixedResult extends MixedResult {
  readonly method: 'enummixed';
  /** Vertices of the enumerated polytope (excluding 0). */
  readonly vertices: number;
  /** Float candidates that failed the exact re-check (expected 0). */
  readonly rejected: number;
}

interface QVertex {
  labels: Uint32Array;
  cobasis: Int32Array;
}

export function enumerateMixed2(game: NormalFormGame, opts: EnumMixedOptions = {}): EnumMixedResult {
  if (game.players.length !== 2)
    return {
      status: 'not-applicable',
      method: 'enummixed',
      exact: true,
      equilibria: [],
      vertices: 0,
      rejected: 0,
      message: 'vertex enumeration needs a 2-player game',
    };
  const [m0, n0] = game.shape as [number, number];
  if (m0 > n0) {
    const r = enumerateMixed2(transposeGame(game), {
      ...opts,
      ...(opts.onEquilibrium ? { onEquilibrium: (e: MixedEquilibrium) => opts.onEquilibrium!(swap(e)) } : {}),
    });
    return { ...r, equilibria: r.equilibria.map(swap) };
  }
  const bm = bimatrix(game);
  const { m, n, A } = bm;
  const eps = opts.eps ?? 1e-9;
  const maxBases = opts.maxBases ?? 5e7;
  const W = (m + n + 31) >>> 5;
  const has = (labels: Uint32Array, l: number) => (labels[l >>> 5]! & (1 << (l & 31))) !== 0;

  // P's constraint matrix Bᵀ (n×m); labels of P coincide with game labels.
  const Bt = new Float64Array(n * m);
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) Bt[j * m + i] = bm.B[i * n + j]!;

  const equilibria: MixedEquilibrium[] = [];
  const seen = new Set<string>();
  let rejected = 0;
  let qVertices: QVertex[] | undefined;
  let qByLabel: number[][] | undefined;
  let qStatus: 'ok' | 'too-large' | 'cancelled' = 'ok';

  const buildQ = () => {
    qVertices = [];
    qByLabel = Array.from({ length: m + n }, () => []);
    // Q in its own numbering: z = y (d = n), rows = A's rows; z-label j ↔ game label m + j, slack i ↔ game label i.
    const run = forEachVertex(
      A,
      m,
      n,
      (v) => {
        const lab = new Uint32Array(W);
        for (let l = 0; l < m + n; l++) {
          if (!(v.labels[l >>> 5]! & (1 << (l & 31)))) continue;
          const g = l < n ? m + l : l - n;
          lab[g >>> 5]! |= 1 << (g & 31);
        }
        const idx = qVertices!.length;
        qVertices!.push({ labels: lab, cobasis: Int32Array.from(v.cobasis) });
        for (let g = 0; g < m + n; g++) if (has(lab, g)) qByLabel![g]!.push(idx);
      },
      { eps, maxBases, ...(opts.shouldStop ? { shouldStop: opts.shouldStop } : {}) },
    );
    qStatus = run.status;
  };

  const accept = (x: ExactPoint | undefined, y: ExactPoint | undefined) => {
    if (!x || !y) {
      rejected++;
      return;
    }
    const e = exactEquilibrium(bm, x, y);
    if (!e) {
      rejected++;
      return;
    }
    if (seen.has(e.key)) return;
    seen.add(e.key);
    equilibria.push(e.eq);
    opts.onEquilibrium?.(e.eq);
  };

  // scratch for the k×k float solve
  const S: number[] = [];
  const scratchM = new Float64Array(m * m);
  const scratchY = new Float64Array(m);
  const Tset: number[] = [];
  const run = forEachVertex(
    Bt,
    n,
    m,
    (v) => {
      S.length = 0;
      Tset.length = 0;
      for (let i = 0; i < m; i++) if (!has(v.labels, i)) S.push(i);
      for (let j = 0; j < n; j++) if (has(v.labels, m + j)) Tset.push(j);
      if (S.length === 0) return; // only the origin lacks support
      const xExact = () => exactFromCobasis(n, m, v.cobasis, (row, col) => bm.Bi.v[col * n + row]!);
      if (!v.degenerate && S.length === Tset.length) {
        const y = solveFloat(A, n, S, Tset, scratchM, scratchY);
        if (y) {
          if (!feasibleY(A, m, n, S, Tset, y, eps)) return;
          accept(xExact(), exactFromSupport(bm, S, Tset));
          return;
        }
      }
      // Degenerate x or a singular system: the face Q(x) may have several vertices.
      const systems = opts.faceLimit === 0 ? 'fallback' : faceVertexSystems(A, m, n, S, Tset, eps, opts.faceLimit);
      if (systems !== 'fallback') {
        if (systems.length === 0) return;
        const x = xExact();
        for (const sys of systems) accept(x, exactFromSystem(bm, Tset, sys.rows));
        return;
      }
      // Last resort: the vertices of Q covering the labels x lacks, from Q's full vertex list.
      if (!qVertices) buildQ();
      if (qStatus !== 'ok') return;
      const missing: number[] = [];
      for (let l = 0; l < m + n; l++) if (!has(v.labels, l)) missing.push(l);
      let bucket: number[] | undefined;
      for (const l of missing) if (!bucket || qByLabel![l]!.length < bucket.length) bucket = qByLabel![l]!;
      const x = xExact();
      for (const qi of bucket ?? []) {
        const qv = qVertices![qi]!;
        if (!missing.every((l) => has(qv.labels, l))) continue;
        // y from Q's basis: Q's matrix is A (m rows × n columns)
        accept(
          x,
          exactFromCobasis(m, n, qv.cobasis, (row, col) => bm.Ai.v[row * n + col]!),
        );
      }
    },
    { eps, maxBases, ...(opts.shouldStop ? { shouldStop: opts.shouldStop } : {}) },
  );
  const status = run.status !== 'ok' ? run.status : qStatus;
  return {
    status,
    method: 'enummixed',
    exact: true,
    equilibria,
    vertices: run.vertices,
    rejected,
    ...(status === 'too-large' ? { message: `more than ${maxBases} bases of a best-response polytope` } : {}),
  };
}

function swap(e: MixedEquilibrium): MixedEquilibrium {
  return {
    strategies: [e.strategies[1]!, e.strategies[0]!],
    ...(e.exact ? { exact: [e.exact[1]!, e.exact[0]!] } : {}),
    payoffs: [e.payoffs[1]!, e.payoffs[0]!],
    ...(e.exactPayoffs ? { exactPayoffs: [e.exactPayoffs[1]!, e.exactPayoffs[0]!] } : {}),
    regret: e.regret,
  };
}

/** Solve A[S,T] y_T = 1 in doubles (../../game/linalg); undefined if singular. M and y are scratch (≥ k² and k entries). */
function solveFloat(A: Float64Array, n: number, S: readonly number[], T: readonly number[], M: Float64Array, y: Float64Array): Float64Array | undefined {
  const k = S.length;
  for (let r = 0; r < k; r++) {
    for (let c = 0; c < k; c++) M[r * k + c] = A[S[r]! * n + T[c]!]!;
    y[r] = 1;
  }
  return solveInPlace(M, k, y) ? y : undefined;
}

/** yT ≥ 0 and (Ay)ᵢ ≤ 1 for the rows outside the support (within eps). */
function feasibleY(A: Float64Array, m: number, n: number, S: readonly number[], T: readonly number[], yT: Float64Array, eps: number): boolean {
  for (let c = 0; c < T.length; c++) if (yT[c]! < -eps) return false;
  let si = 0;
  for (let i = 0; i < m; i++) {
    if (si < S.length && S[si] === i) {
      si++;
      continue;
    }
    let s = 0;
    for (let c = 0; c < T.length; c++) s += A[i * n + T[c]!]! * yT[c]!;
    if (s > 1 + eps) return false;
  }
  return true;
}

/**
 * The vertex of { z ≥ 0 : Mz ≤ 1 } (M rows×d, entry(row, col)) whose basis has the given
 * non-basic variables: zᶜ = 0 for non-basic c < d, row r tight for non-basic slack d + r.
 */
function exactFromCobasis(rows: number, d: number, cobasis: Int32Array, entry: (row: number, col: number) => bigint): ExactPoint | undefined {
  const nonbasicZ = new Set<number>();
  const tight: number[] = [];
  for (const v of cobasis) {
    if (v < d) nonbasicZ.add(v);
    else tight.push(v - d);
  }
  const free: number[] = [];
  for (let c = 0; c < d; c++) if (!nonbasicZ.has(c)) free.push(c);
  if (free.length !== tight.length || tight.some((r) => r >= rows)) return undefined;
  const sol = solveInteger(
    tight.map((r) => free.map((c) => entry(r, c))),
    tight.map(() => 1n),
  );
  if (!sol) return undefined;
  const num = new Array<bigint>(d).fill(0n);
  free.forEach((c, k) => (num[c] = sol.num[k]!));
  return { num, den: sol.den };
}

/** y over T solving the chosen tight constraints exactly ((Ai y)ᵢ = 1 rows and yⱼ = 0 rows). */
function exactFromSystem(bm: Bimatrix, T: readonly number[], rows: readonly (readonly ['row' | 'zero', number])[]): ExactPoint | undefined {
  const n = bm.n;
  const M = rows.map(([kind, idx]) => T.map((j) => (kind === 'row' ? bm.Ai.v[idx * n + j]! : j === idx ? 1n : 0n)));
  const sol = solveInteger(
    M,
    rows.map(([kind]) => (kind === 'row' ? 1n : 0n)),
  );
  if (!sol) return undefined;
  const num = new Array<bigint>(n).fill(0n);
  T.forEach((j, k) => (num[j] = sol.num[k]!));
  return { num, den: sol.den };
}

/** y with support T solving Ai[S,T] y_T = 1 exactly. */
function exactFromSupport(bm: Bimatrix, S: readonly number[], T: readonly number[]): ExactPoint | undefined {
  const n = bm.n;
  const sol = solveInteger(
    S.map((i) => T.map((j) => bm.Ai.v[i * n + j]!)),
    S.map(() => 1n),
  );
  if (!sol) return undefined;
  const num = new Array<bigint>(n).fill(0n);
  T.forEach((j, k) => (num[j] = sol.num[k]!));
  return { num, den: sol.den };
}
