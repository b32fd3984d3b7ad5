/**
 * Vertices of a complementary face of Q = { y ≥ 0 : Ay ≤ 1 } for a degenerate vertex x of P:
 *
 *   Q(x) = { y ∈ Q : yⱼ = 0 for j ∉ T,  (Ay)ᵢ = 1 for i ∈ S }
 *
 * (S = supp x, T = player 2's best responses to x, |T| ≥ |S|). In the free variables y_T the
 * face has the s = |S| equalities A[S,T]·y = 1; a point of it is a vertex exactly when the
 * constraints tight there have rank t = |T|, i.e. when some t − s further constraints, chosen
 * among yⱼ = 0 (j ∈ T) and (Ay)ᵢ = 1 (i ∉ S), complete A[S,T] to a non-singular system whose
 * solution is feasible. When A[S,T] is rank-deficient (a degenerate game can make it singular
 * even for a non-degenerate x), only a maximal independent subset S′ of its rows is imposed, the
 * other rows of S are checked at the solution, and t − rank further constraints are chosen. The
 * face is usually a point, a segment or a small polygon, so the C(t + m − s, t − rank) choices
 * are few; the caller falls back to the full vertex list of Q when they are many (`limit`).
 * Rank and solutions are in doubles (../../game/linalg, its tolerance policy).
 *
 * Yields each feasible choice as a square system (rows of the float matrix and the integer one
 * with right-hand sides) for the caller's exact re-check; a degenerate vertex of the face may be
 * produced by several choices (the caller de-duplicates).
 */
import { independentRows, solveInPlace } from '../../game/linalg';

export interface FaceSystem {
  /** Row descriptors: ['row', i] means (A y)ᵢ = 1 over T; ['zero', j] means yⱼ = 0. */
  readonly rows: readonly (readonly ['row' | 'zero', number])[];
}

/** Binomial coefficient, saturating at `cap + 1`. */
function choose(n: number, k: number, cap: number): number {
  if (k < 0 || k > n) return 0;
  let c = 1;
  for (let i = 1; i <= k; i++) {
    c = (c * (n - k + i)) / i;
    if (c > cap) return cap + 1;
  }
  return Math.round(c);
}

/** A maximal linearly independent subset of the rows S of A[S,T] (../../game/linalg's tolerance). */
function independentRowsOf(A: Float64Array, n: number, S: readonly number[], T: readonly number[]): number[] {
  const s = S.length;
  const t = T.length;
  const M = new Float64Array(s * t);
  for (let r = 0; r < s; r++) for (let c = 0; c < t; c++) M[r * t + c] = A[S[r]! * n + T[c]!]!;
  return independentRows(M, s, t).map((r) => S[r]!);
}

/**
 * The candidate vertex systems of Q(x), or 'fallback' when this method does not apply.
 * `A` is m×n row-major (scaled payoffs of player 1).
 */
export function faceVertexSystems(
  A: Float64Array,
  m: number,
  n: number,
  S: readonly number[],
  T: readonly number[],
  eps: number,
  limit = 20_000,
): FaceSystem[] | 'fallback' {
  const t = T.length;
  if (S.length === 0 || t === 0) return 'fallback';
  // Rows of S that are linear combinations of others add no rank; they are checked, not imposed.
  const Sind = independentRowsOf(A, n, S, T);
  const s = Sind.length;
  const inS = new Uint8Array(m);
  for (const i of S) inS[i] = 1;
  const optional: ['row' | 'zero', number][] = [];
  for (const j of T) optional.push(['zero', j]);
  for (let i = 0; i < m; i++) if (!inS[i]) optional.push(['row', i]);
  const e = t - s;
  if (choose(optional.length, e, limit) > limit) return 'fallback';
  const out: FaceSystem[] = [];
  const M = new Float64Array(t * t);
  const rhs = new Float64Array(t);
  const colOf = new Map<number, number>();
  T.forEach((j, c) => colOf.set(j, c));
  const fill = (r: number, kind: 'row' | 'zero', idx: number) => {
    for (let c = 0; c < t; c++) M[r * t + c] = kind === 'row' ? A[idx * n + T[c]!]! : 0;
    if (kind === 'zero') M[r * t + colOf.get(idx)!] = 1;
    rhs[r] = kind === 'row' ? 1 : 0;
  };
  Sind.forEach((i, r) => fill(r, 'row', i));
  const pick = new Array<number>(e);
  const visit = (start: number, depth: number) => {
    if (depth === e) {
      for (let k = 0; k < e; k++) fill(s + k, optional[pick[k]!]![0], optional[pick[k]!]![1]);
      const y = Float64Array.from(rhs);
      if (!solveInPlace(M.slice(), t, y)) return;
      for (let c = 0; c < t; c++) if (y[c]! < -eps) return;
      for (let i = 0; i < m; i++) {
        let v = 0;
        for (let c = 0; c < t; c++) v += A[i * n + T[c]!]! * y[c]!;
        if (v > 1 + eps || (inS[i] && v < 1 - eps)) return;
      }
      out.push({ rows: [...Sind.map((i) => ['row', i] as const), ...pick.map((k) => optional[k]!)] });
      return;
    }
    for (let k = start; k <= optional.length - (e - depth); k++) {
      pick[depth] = k;
      visit(k + 1, depth + 1);
    }
  };
  visit(0, 0);
  return out;
}
