/**
 * All vertices of a polytope { z ∈ ℝᵈ : z ≥ 0, Mz ≤ 1 } with M > 0 (so the origin is a vertex and
 * the polytope is bounded), by depth-first search over its feasible bases.
 *
 * The feasible bases of a polytope, joined by single simplex pivots that keep feasibility, form a
 * connected graph (the basis graph; Avis & Fukuda 1992, the premise of lrs's reverse search).
 * Walking all of it visits every vertex, degenerate ones included: a vertex with more than d
 * tight constraints has several bases, reached by degenerate (zero-ratio) pivots, and each tie
 * in the minimum-ratio test is a separate edge. lrs walks the same graph without memory by
 * reverse search; here visited bases go into a compact hash set (./keySet) so each basis is
 * entered by exactly one forward pivot and left by one backward pivot (the inverse pivot on the
 * same entry), i.e. two pivots per basis.
 *
 * Arithmetic is floating point on a dictionary (rows = basic variables, columns = the d
 * non-basic ones), with tolerance `eps` for zero; the dictionary is recomputed from M every 64
 * pivots (../../game/linalg's Gaussian elimination) so that rounding does not accumulate along
 * deep paths. Callers re-check what they keep in exact arithmetic.
 *
 * Labels: variable zᶜ (c < d) is label c ("zᶜ = 0"); the slack of row r is label d + r
 * ("(Mz)ᵣ = 1"). A vertex's label set is its tight constraints: the non-basic variables plus any
 * basic variable that is zero (degenerate vertex).
 */
import { solveInPlace } from '../../game/linalg';
import { KeySet } from './keySet';

export interface VertexInfo {
  /** Label set as bit words (bit ℓ of word ℓ>>5); a view, copy to keep. */
  readonly labels: Uint32Array;
  readonly labelCount: number;
  /** Coordinates (length d); a view. */
  readonly z: Float64Array;
  /** The non-basic variables of the basis where the vertex was found (length d); a view. */
  readonly cobasis: Int32Array;
  /** More than d tight constraints. */
  readonly degenerate: boolean;
}

export interface PolytopeOptions {
  readonly eps?: number;
  readonly maxBases?: number;
  readonly shouldStop?: () => boolean;
}

export interface PolytopeRun {
  readonly status: 'ok' | 'too-large' | 'cancelled';
  readonly bases: number;
  readonly vertices: number;
  readonly pivots: number;
}

const REFACTOR_EVERY = 64;

/**
 * A feasible dictionary of { z ≥ 0, Mz ≤ 1 }: row r reads basic[r] + Σ_c T[c][r]·nonbasic[c] = beta[r],
 * with T stored column-major (a ratio test scans one contiguous column).
 */
class Dictionary {
  readonly T: Float64Array;
  readonly beta: Float64Array;
  readonly basic: Int32Array;
  readonly nonbasic: Int32Array;
  private readonly F: Float64Array;
  private readonly Bb: Float64Array;
  private readonly X: Float64Array;
  pivots = 0;
  /** Starts near the refactoring point so that the first refactor runs early (see forEachVertex). */
  private since = REFACTOR_EVERY - 2;

  constructor(
    readonly M: Float64Array,
    readonly rows: number,
    readonly d: number,
    readonly eps: number,
  ) {
    this.T = new Float64Array(rows * d);
    this.beta = new Float64Array(rows).fill(1);
    this.basic = new Int32Array(rows);
    this.nonbasic = new Int32Array(d);
    this.F = new Float64Array(rows);
    this.Bb = new Float64Array(rows * rows);
    this.X = new Float64Array(rows * (d + 1));
    for (let r = 0; r < rows; r++) {
      this.basic[r] = d + r;
      for (let c = 0; c < d; c++) this.T[c * rows + r] = M[r * d + c]!;
    }
    for (let c = 0; c < d; c++) this.nonbasic[c] = c;
  }

  /** Exchange basic[r] and nonbasic[c] (T[c][r] must be non-zero); pivoting again on (r, c) undoes it. */
  pivot(r: number, c: number): void {
    const { T, beta, F, rows, d, eps } = this;
    const co = c * rows;
    const inv = 1 / T[co + r]!;
    for (let i = 0; i < rows; i++) {
      const f = T[co + i]!;
      F[i] = f;
      T[co + i] = -f * inv;
    }
    T[co + r] = inv;
    F[r] = 0;
    const br = beta[r]! * inv;
    for (let i = 0; i < rows; i++) {
      const b = beta[i]! - F[i]! * br;
      beta[i] = b < 0 && b > -eps ? 0 : b;
    }
    beta[r] = br;
    for (let k = 0; k < d; k++) {
      if (k === c) continue;
      const ko = k * rows;
      const g = T[ko + r]! * inv;
      if (g !== 0) for (let i = 0; i < rows; i++) T[ko + i]! -= F[i]! * g;
      T[ko + r] = g;
    }
    const t = this.basic[r]!;
    this.basic[r] = this.nonbasic[c]!;
    this.nonbasic[c] = t;
    this.pivots++;
    if (++this.since >= REFACTOR_EVERY) {
      this.since = 0;
      this.refactor();
    }
  }

  /** Recompute T and beta of the current basis from M (solve Bb·X = [N | 1]), removing drift. */
  refactor(): void {
    const { M, T, beta, basic, nonbasic, rows, d, eps, Bb, X } = this;
    const w = d + 1;
    Bb.fill(0);
    X.fill(0);
    for (let r = 0; r < rows; r++) {
      const v = basic[r]!;
      if (v < d) for (let i = 0; i < rows; i++) Bb[i * rows + r] = M[i * d + v]!;
      else Bb[(v - d) * rows + r] = 1;
    }
    for (let c = 0; c < d; c++) {
      const v = nonbasic[c]!;
      if (v < d) for (let i = 0; i < rows; i++) X[i * w + c] = M[i * d + v]!;
      else X[(v - d) * w + c] = 1;
    }
    for (let i = 0; i < rows; i++) X[i * w + d] = 1;
    // A basis matrix is never singular; should rounding make it look so, keep the pivoted dictionary.
    if (!solveInPlace(Bb, rows, X, w)) return;
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < d; c++) T[c * rows + r] = X[r * w + c]!;
      const b = X[r * w + d]!;
      beta[r] = b < 0 && b > -eps ? 0 : b;
    }
  }
}

/**
 * Visit every vertex except the origin once. `M` is rows×d row-major.
 */
export function forEachVertex(M: Float64Array, rows: number, d: number, visit: (v: VertexInfo) => void, opts: PolytopeOptions = {}): PolytopeRun {
  const eps = opts.eps ?? 1e-9;
  const maxBases = opts.maxBases ?? Infinity;
  const W = (d + rows + 31) >>> 5;
  const D = new Dictionary(M, rows, d, eps);
  const { T, beta, basic, nonbasic } = D;
  const key = new Uint32Array(W);
  const nkey = new Uint32Array(W);
  const labels = new Uint32Array(W);
  const z = new Float64Array(d);
  const ratio = new Float64Array(rows);
  for (let c = 0; c < d; c++) key[c >>> 5]! |= 1 << (c & 31);
  const bases = new KeySet(W, 16);
  bases.add(key);
  const vertexSet = new KeySet(W, 16);
  let vertices = 0;

  // DFS frames: next column / row to try, and the pivot that entered the frame's basis.
  // Small initial sizes and an immediate first poll run the rarely taken branches early, so the
  // optimising compiler sees them before it compiles this loop (fewer deoptimisations on small games).
  let cap = 2;
  let colCur = new Int32Array(cap);
  let rowCur = new Int32Array(cap);
  let undoR = new Int32Array(cap);
  let undoC = new Int32Array(cap);
  let skipC = new Int32Array(cap);
  skipC[0] = -1;
  let depth = 0;
  colCur[0] = 0;
  rowCur[0] = -1;
  let nextPoll = 0;

  outer: while (depth >= 0) {
    if (bases.size >= nextPoll) {
      nextPoll = bases.size + 1024;
      D.refactor();
      if (opts.shouldStop?.()) return { status: 'cancelled', bases: bases.size, vertices, pivots: D.pivots };
      if (bases.size > maxBases) return { status: 'too-large', bases: bases.size, vertices, pivots: D.pivots };
    }
    let c = colCur[depth]!;
    let after = rowCur[depth]!;
    const back = skipC[depth]!;
    for (; c < d; c++, after = -1) {
      // At a non-degenerate basis the entering column of the pivot that led here leads back.
      if (c === back) continue;
      // minimum ratio beta[r]/T[c][r] over the rows with T[c][r] > eps
      const co = c * rows;
      let min = Infinity;
      for (let r = 0; r < rows; r++) {
        const t = T[co + r]!;
        const q = t > eps ? beta[r]! / t : Infinity;
        ratio[r] = q;
        if (q < min) min = q;
      }
      if (min === Infinity) continue;
      const lim = min + eps * (1 + min);
      const entering = nonbasic[c]!;
      for (let r = after + 1; r < rows; r++) {
        if (ratio[r]! > lim) continue;
        const leaving = basic[r]!;
        nkey.set(key);
        nkey[entering >>> 5]! ^= 1 << (entering & 31);
        nkey[leaving >>> 5]! ^= 1 << (leaving & 31);
        if (!bases.add(nkey)) continue;
        colCur[depth] = c;
        rowCur[depth] = r;
        D.pivot(r, c);
        key.set(nkey);
        depth++;
        if (depth >= cap) {
          cap *= 2;
          colCur = grow(colCur, cap);
          rowCur = grow(rowCur, cap);
          undoR = grow(undoR, cap);
          undoC = grow(undoC, cap);
          skipC = grow(skipC, cap);
        }
        colCur[depth] = 0;
        rowCur[depth] = -1;
        undoR[depth] = r;
        undoC[depth] = c;
        // the new basis's vertex: non-basic labels plus zero basic variables
        labels.set(key);
        let degenerate = false;
        let count = d;
        z.fill(0);
        for (let i = 0; i < rows; i++) {
          const v = basic[i]!;
          const b = beta[i]!;
          if (b <= eps) {
            degenerate = true;
            labels[v >>> 5]! |= 1 << (v & 31);
            count++;
          } else if (v < d) z[v] = b;
        }
        skipC[depth] = degenerate ? -1 : c;
        // A degenerate vertex has several bases: report it once (the origin never).
        if (degenerate && (isOrigin(labels, d) || !vertexSet.add(labels))) continue outer;
        vertices++;
        visit({ labels, labelCount: count, z, cobasis: nonbasic, degenerate });
        continue outer;
      }
    }
    // all neighbours done: step back
    if (depth === 0) break;
    const r = undoR[depth]!;
    const cc = undoC[depth]!;
    const a = basic[r]!;
    const b = nonbasic[cc]!;
    D.pivot(r, cc);
    key[a >>> 5]! ^= 1 << (a & 31);
    key[b >>> 5]! ^= 1 << (b & 31);
    depth--;
  }
  return { status: 'ok', bases: bases.size, vertices, pivots: D.pivots };
}

function grow(a: Int32Array<ArrayBuffer>, cap: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(cap);
  b.set(a);
  return b;
}

/** Whether every z-label is present (the origin). */
function isOrigin(labels: Uint32Array, d: number): boolean {
  for (let c = 0; c < d; c++) if (!(labels[c >>> 5]! & (1 << (c & 31)))) return false;
  return true;
}
