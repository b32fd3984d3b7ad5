/**
 * Minimums as convex polytopes: each actor's minimum is a list of linear constraints over the
 * scaled coordinates, intersected with the box [0, 1]^d. Intersections of minimums are again
 * polytopes, so every question about them is a linear program (models/analysis/commonCore).
 */
import type { DimensionId, LinearConstraint } from './types';

/** Dense coefficient vector of a constraint in dimension order. */
export function constraintVector(c: LinearConstraint, dims: ReadonlyMap<DimensionId, number>): Float64Array {
  const a = new Float64Array(dims.size);
  for (const [d, v] of Object.entries(c.coeffs)) {
    const i = dims.get(d);
    if (i !== undefined) a[i] = v;
  }
  return a;
}

/** How far the point is inside the constraint (≥ 0 satisfied; < 0 violated by that much). */
export function slack(c: LinearConstraint, dims: ReadonlyMap<DimensionId, number>, x: ArrayLike<number>): number {
  let lhs = 0;
  for (const [d, v] of Object.entries(c.coeffs)) {
    const i = dims.get(d);
    if (i !== undefined) lhs += v * x[i]!;
  }
  return c.op === '<=' ? c.rhs - lhs : lhs - c.rhs;
}

export const FEASIBILITY_TOLERANCE = 1e-9;

export function satisfies(c: LinearConstraint, dims: ReadonlyMap<DimensionId, number>, x: ArrayLike<number>): boolean {
  return slack(c, dims, x) >= -FEASIBILITY_TOLERANCE;
}

/** "0.5·sovereignty + western_alignment ≤ 0.8" */
export function formatConstraint(c: LinearConstraint, labels?: ReadonlyMap<DimensionId, string>): string {
  const terms = Object.entries(c.coeffs)
    .filter(([, v]) => v !== 0)
    .map(([d, v], k) => {
      const name = labels?.get(d) ?? d;
      const mag = Math.abs(v);
      const coef = mag === 1 ? '' : `${+mag.toFixed(3)}·`;
      const sign = v < 0 ? (k === 0 ? '−' : ' − ') : k === 0 ? '' : ' + ';
      return `${sign}${coef}${name}`;
    });
  return `${terms.join('')} ${c.op === '<=' ? '≤' : '≥'} ${+c.rhs.toFixed(3)}`;
}
