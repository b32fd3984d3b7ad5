/**
 * Exact solution of a square integer linear system M z = r by integer-preserving Gauss–Jordan
 * elimination (Edmonds 1967; the "integer pivoting" of lrs and of von Stengel's Lemke code):
 * after k pivots every entry is a k×k minor of the input, so each division by the previous pivot
 * is exact and numbers grow only linearly in bit length. At the end the matrix is d·I, where d is
 * ±det M, and the right-hand side holds d·z.
 */

export interface IntegerSolution {
  /** z = num / den with den > 0 (not reduced). */
  readonly num: bigint[];
  readonly den: bigint;
}

/** Solve M z = rhs (M given as rows of bigints, k×k); undefined when M is singular. */
export function solveInteger(M: readonly (readonly bigint[])[], rhs: readonly bigint[]): IntegerSolution | undefined {
  const k = M.length;
  const T = M.map((row, i) => [...row, rhs[i]!]);
  let prev = 1n;
  for (let c = 0; c < k; c++) {
    let p = -1;
    for (let r = c; r < k; r++)
      if (T[r]![c] !== 0n) {
        p = r;
        break;
      }
    if (p < 0) return undefined;
    if (p !== c) {
      const t = T[p]!;
      T[p] = T[c]!;
      T[c] = t;
    }
    const pr = T[c]!;
    const piv = pr[c]!;
    for (let r = 0; r < k; r++) {
      if (r === c) continue;
      const row = T[r]!;
      const f = row[c]!;
      for (let j = 0; j <= k; j++) {
        if (j === c) continue;
        row[j] = (row[j]! * piv - f * pr[j]!) / prev;
      }
      row[c] = 0n;
    }
    prev = piv;
  }
  // Now T = d·I | d·z with d = prev (the last pivot), up to the sign kept in every diagonal entry.
  let d = T[0]?.[0] ?? 1n;
  const num = T.map((row) => row[k]!);
  if (d < 0n) {
    d = -d;
    for (let i = 0; i < k; i++) num[i] = -num[i]!;
  }
  return { num, den: d };
}
