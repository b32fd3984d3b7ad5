/**
 * Minimums as convex polytopes: each actor's minimum is a list of linear constraints over the
 * scaled coordinates, intersected with the box [0, 1]^d. Intersections of minimums are again
 * polytopes, so every question about them is a linear program. This module owns the one way a
 * constraint becomes a row (sparse for the LP, dense for checking a point), feasibility and a
 * feasible point; models/analysis/commonCore builds its searches on it.
 */
import { solveLp, type LpRow } from '../game/lp';
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

/** The constraint as lo ≤ a·x ≤ hi (one side infinite). */
export function constraintBounds(c: LinearConstraint): { lo: number; hi: number } {
  return c.op === '<=' ? { lo: -Infinity, hi: c.rhs } : { lo: c.rhs, hi: Infinity };
}

/** The constraint as a sparse LP row over the dimensions' columns (zero coefficients left out). */
export function constraintRow(c: LinearConstraint, dims: ReadonlyMap<DimensionId, number>): LpRow {
  const idx: number[] = [];
  const val: number[] = [];
  for (const [d, x] of Object.entries(c.coeffs)) {
    const i = dims.get(d);
    if (i !== undefined && x !== 0) {
      idx.push(i);
      val.push(x);
    }
  }
  return { idx, val, ...constraintBounds(c) };
}

/** LP rows for a list of constraints over the box [0, 1]^d. */
export function constraintRows(constraints: readonly LinearConstraint[], dims: ReadonlyMap<DimensionId, number>): LpRow[] {
  return constraints.map((c) => constraintRow(c, dims));
}

/** Euclidean norm of a constraint's normal (its coefficient vector). */
export function constraintNorm(c: LinearConstraint): number {
  return Math.sqrt(Object.values(c.coeffs).reduce((t, v) => t + v * v, 0));
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

/**
 * How far past a bound a point may lie and still count as meeting it. HiGHS accepts 1e-7 (its
 * primal feasibility tolerance), so a point this close is one HiGHS would accept too.
 */
export const FEASIBILITY_TOLERANCE = 1e-9;

export function satisfies(c: LinearConstraint, dims: ReadonlyMap<DimensionId, number>, x: ArrayLike<number>): boolean {
  return slack(c, dims, x) >= -FEASIBILITY_TOLERANCE;
}

/** A list of constraints as dense rows, for checking many points against them quickly. */
export interface DenseConstraints {
  readonly rows: readonly { readonly coeffs: Float64Array; readonly lo: number; readonly hi: number }[];
}

export function denseConstraints(constraints: readonly LinearConstraint[], dims: ReadonlyMap<DimensionId, number>): DenseConstraints {
  return { rows: constraints.map((c) => ({ coeffs: constraintVector(c, dims), ...constraintBounds(c) })) };
}

/** Does the point meet every row (within FEASIBILITY_TOLERANCE)? */
export function meetsAll(x: ArrayLike<number>, m: DenseConstraints): boolean {
  for (const r of m.rows) {
    let lhs = 0;
    for (let j = 0; j < x.length; j++) lhs += r.coeffs[j]! * x[j]!;
    if (lhs > r.hi + FEASIBILITY_TOLERANCE || lhs < r.lo - FEASIBILITY_TOLERANCE) return false;
  }
  return true;
}

/**
 * A point of {x ∈ [0,1]^d : all constraints hold} (in the order of `dims`), or null when the set
 * is empty. Which point is HiGHS's choice; callers use it as a witness of feasibility only.
 */
export async function feasiblePoint(constraints: readonly LinearConstraint[], dims: ReadonlyMap<DimensionId, number>): Promise<Float64Array | null> {
  const n = dims.size;
  if (constraints.length === 0) return new Float64Array(n);
  const r = await solveLp({
    sense: 'min',
    cost: new Array(n).fill(0),
    colLo: new Array(n).fill(0),
    colHi: new Array(n).fill(1),
    rows: constraintRows(constraints, dims),
  });
  return r.status === 'optimal' ? Float64Array.from(r.x) : null;
}

/** Is the set {x ∈ [0,1]^d : all constraints hold} non-empty? */
export async function isFeasible(constraints: readonly LinearConstraint[], dims: ReadonlyMap<DimensionId, number>): Promise<boolean> {
  return (await feasiblePoint(constraints, dims)) !== null;
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
