/** The one Gaussian elimination of the solvers (models/game/linalg): answers and its tolerance policy. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { independentRows, PIVOT_TOLERANCE, solveInPlace } from '../../../models/game/linalg';

describe('solveInPlace', () => {
  it('solves a system that needs a row exchange, for several right-hand sides at once', () => {
    // [0 1; 2 1] X = [1 3; 4 5]  →  X = [1.5 1; 1 3]
    const A = Float64Array.from([0, 1, 2, 1]);
    const B = Float64Array.from([1, 3, 4, 5]);
    expect(solveInPlace(A, 2, B, 2)).toBe(true);
    expect(Array.from(B)).toEqual([1.5, 1, 1, 3]);
  });

  it('random well-conditioned systems: the residual is at rounding level', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 72, maxLength: 72 }), (k, vals) => {
        const A = Float64Array.from({ length: k * k }, (_, i) => vals[i]! + (i % (k + 1) === 0 ? k + 1 : 0)); // strictly diagonally dominant: |a_rr| ≥ k > Σ|a_rc|
        const b = Float64Array.from({ length: k }, (_, i) => vals[64 + (i % 8)]!);
        const x = Float64Array.from(b);
        expect(solveInPlace(Float64Array.from(A), k, x)).toBe(true);
        for (let r = 0; r < k; r++) {
          let s = 0;
          for (let c = 0; c < k; c++) s += A[r * k + c]! * x[c]!;
          expect(Math.abs(s - b[r]!)).toBeLessThan(1e-12);
        }
      }),
    );
  });

  it('singular is relative to the matrix: a tiny matrix is not singular, a rank-deficient one is', () => {
    const tiny = Float64Array.from([1e-20, 0, 0, 2e-20]);
    const y = Float64Array.from([1e-20, 1e-20]);
    expect(solveInPlace(tiny, 2, y)).toBe(true);
    expect(Array.from(y)).toEqual([1, 0.5]);
    // second row = first row · (1 + 1e-13): a pivot of 1e-13 against entries of 1 is below 1e-11
    const nearly = Float64Array.from([1, 1, 1 + 1e-13, 1]);
    expect(solveInPlace(nearly, 2, Float64Array.from([1, 1]))).toBe(false);
    expect(solveInPlace(Float64Array.from([1, 2, 1, 2 + 10 * PIVOT_TOLERANCE]), 2, Float64Array.from([1, 1]))).toBe(true);
    expect(solveInPlace(new Float64Array(4), 2, new Float64Array(2))).toBe(false);
    expect(solveInPlace(Float64Array.from([NaN]), 1, Float64Array.from([1]))).toBe(false);
  });
});

describe('independentRows', () => {
  it('a maximal independent set of rows, in ascending order', () => {
    // row 2 = row 0 + row 1; row 3 = 2 · row 0: rank 2. Partial pivoting takes the largest entry of
    // each column, so row 3 (2 in the first column), then row 1.
    const M = Float64Array.from([1, 2, 3, 0, 1, 1, 1, 3, 4, 2, 4, 6]);
    expect(independentRows(M, 4, 3)).toEqual([1, 3]);
    expect(independentRows(Float64Array.from([0, 0, 0, 5]), 2, 2)).toEqual([1]);
    expect(independentRows(new Float64Array(6), 3, 2)).toEqual([]);
  });
});
