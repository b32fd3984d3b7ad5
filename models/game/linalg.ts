/**
 * Dense linear algebra in doubles for the solvers: one Gaussian elimination with partial pivoting
 * (at each step the row with the largest entry in the pivot column becomes the pivot row), used to
 * solve square systems (`solveInPlace`) and to pick a maximal set of independent rows
 * (`independentRows`). Matrices are row-major Float64Arrays, overwritten in place, so callers can
 * reuse scratch arrays on hot paths.
 *
 * Tolerance policy, chosen here once for every solver: a pivot is zero when its absolute value is
 * below `PIVOT_TOLERANCE` = 1e-11 times the largest absolute entry of the matrix as given.
 *
 * - Relative, because an elimination step leaves an entry wrong by a few units in the last place
 *   of the largest entry it combined (partial pivoting keeps the growth of entries small), so only
 *   the matrix's own scale separates "zero up to rounding" from "small but real". The solvers feed
 *   it matrices of payoffs scaled into [1, 2] (the best-response polytopes) or [0, 1] (the logit
 *   path), so the threshold is about 1e-11 in their units.
 * - 1e-11: some 10⁵ units in the last place, well above the rounding the elimination accumulates
 *   on the systems solved here (up to a few hundred rows), and below the pivots that the
 *   non-singular systems of games with payoffs of a few significant digits produce in practice.
 * - Either error is safe for the callers: the polytope methods re-derive every answer in exact
 *   arithmetic, so a false "non-singular" only costs a rejected candidate; a false "singular"
 *   sends them to their degenerate-case path, which is complete but slower. Refactoring a
 *   dictionary (the polytope search, the Lemke–Howson walk) keeps the pivoted one instead, and
 *   the logit polish keeps a Newton step only when it lowers the regret.
 */

export const PIVOT_TOLERANCE = 1e-11;

/** Largest absolute value among a[0 .. len). */
function maxAbs(a: Float64Array, len: number): number {
  let m = 0;
  for (let i = 0; i < len; i++) {
    const v = Math.abs(a[i]!);
    if (v > m) m = v;
  }
  return m;
}

/**
 * Solve A·X = B for a square A (k×k) and B (k×w), both row-major in the first k·k and k·w entries
 * of their arrays: on success B holds X and A its (row-permuted) upper triangular factor. Returns
 * false, with both arrays in an unspecified state, when A is singular under the tolerance policy.
 */
export function solveInPlace(A: Float64Array, k: number, B: Float64Array, w = 1): boolean {
  if (k === 0) return true;
  const scale = maxAbs(A, k * k);
  if (!(scale > 0)) return false;
  const tol = PIVOT_TOLERANCE * scale;
  for (let c = 0; c < k; c++) {
    let p = c;
    let best = Math.abs(A[c * k + c]!);
    for (let r = c + 1; r < k; r++) {
      const a = Math.abs(A[r * k + c]!);
      if (a > best) {
        best = a;
        p = r;
      }
    }
    if (!(best >= tol)) return false;
    if (p !== c) {
      for (let j = c; j < k; j++) {
        const t = A[c * k + j]!;
        A[c * k + j] = A[p * k + j]!;
        A[p * k + j] = t;
      }
      for (let j = 0; j < w; j++) {
        const t = B[c * w + j]!;
        B[c * w + j] = B[p * w + j]!;
        B[p * w + j] = t;
      }
    }
    const inv = 1 / A[c * k + c]!;
    for (let r = c + 1; r < k; r++) {
      const f = A[r * k + c]! * inv;
      if (f === 0) continue;
      for (let j = c + 1; j < k; j++) A[r * k + j]! -= f * A[c * k + j]!;
      for (let j = 0; j < w; j++) B[r * w + j]! -= f * B[c * w + j]!;
    }
  }
  for (let r = k - 1; r >= 0; r--) {
    const d = A[r * k + r]!;
    for (let j = 0; j < w; j++) {
      let s = B[r * w + j]!;
      for (let q = r + 1; q < k; q++) s -= A[r * k + q]! * B[q * w + j]!;
      B[r * w + j] = s / d;
    }
  }
  return true;
}

/**
 * A maximal linearly independent subset of the rows of M (rows×cols, row-major; overwritten), as
 * ascending row indices: the pivot rows of the elimination, so its length is the rank of M under
 * the tolerance policy.
 */
export function independentRows(M: Float64Array, rows: number, cols: number): number[] {
  const tol = PIVOT_TOLERANCE * maxAbs(M, rows * cols);
  const order = Array.from({ length: rows }, (_, r) => r);
  let rank = 0;
  for (let c = 0; c < cols && rank < rows; c++) {
    let p = rank;
    let best = Math.abs(M[rank * cols + c]!);
    for (let r = rank + 1; r < rows; r++) {
      const a = Math.abs(M[r * cols + c]!);
      if (a > best) {
        best = a;
        p = r;
      }
    }
    if (!(best >= tol) || best === 0) continue;
    if (p !== rank) {
      for (let j = c; j < cols; j++) {
        const t = M[rank * cols + j]!;
        M[rank * cols + j] = M[p * cols + j]!;
        M[p * cols + j] = t;
      }
      const o = order[rank]!;
      order[rank] = order[p]!;
      order[p] = o;
    }
    const inv = 1 / M[rank * cols + c]!;
    for (let r = rank + 1; r < rows; r++) {
      const f = M[r * cols + c]! * inv;
      if (f !== 0) for (let j = c; j < cols; j++) M[r * cols + j]! -= f * M[rank * cols + j]!;
    }
    rank++;
  }
  return order.slice(0, rank).sort((a, b) => a - b);
}
