/**
 * One linear-program interface for every solver in models/analysis, backed by HiGHS
 * (the `highs` package, WebAssembly). Solvers describe an LP as plain dense rows; this
 * module turns it into HiGHS's CSR model and returns a result value (never throws for an
 * infeasible or unbounded program).
 *
 * Loading: Node loads the wasm next to the package by itself. A web worker must tell the
 * loader where the wasm lives (`setHighsLoader` in the worker entry), because a bundler
 * renames the file; this module never imports a `?url` so that Node tests can import it.
 */
import highsLoader from 'highs';
import type { Highs } from 'highs';

export type LpSense = 'min' | 'max';

export interface LpRow {
  /** Sparse coefficients: column index → coefficient. */
  readonly idx: readonly number[];
  readonly val: readonly number[];
  readonly lo: number;
  readonly hi: number;
}

export interface Lp {
  readonly sense: LpSense;
  readonly cost: readonly number[];
  /** Per-column bounds; default [0, +∞). */
  readonly colLo?: readonly number[];
  readonly colHi?: readonly number[];
  readonly rows: readonly LpRow[];
}

export type LpResult =
  | { status: 'optimal'; objective: number; x: Float64Array; rowDual: Float64Array; rowValue: Float64Array }
  | { status: 'infeasible' | 'unbounded' | 'error'; message: string };

let loader: () => Promise<Highs> = () => highsLoader();
let instance: Promise<Highs> | undefined;

/** Replace how HiGHS is loaded (the worker passes `locateFile` for the bundled wasm). */
export function setHighsLoader(load: () => Promise<Highs>): void {
  loader = load;
  instance = undefined;
}

/** The shared HiGHS instance, loaded once. */
export function getHighs(): Promise<Highs> {
  instance ??= loader();
  return instance;
}

/** Row helper: Σ coeffs·x ≤ hi, ≥ lo, or = value. */
export const row = {
  le: (idx: readonly number[], val: readonly number[], hi: number): LpRow => ({ idx, val, lo: -Infinity, hi }),
  ge: (idx: readonly number[], val: readonly number[], lo: number): LpRow => ({ idx, val, lo, hi: Infinity }),
  eq: (idx: readonly number[], val: readonly number[], v: number): LpRow => ({ idx, val, lo: v, hi: v }),
};

/** Solve an LP with a loaded HiGHS instance (synchronous; run it off the main thread). */
export function solveLpWith(highs: Highs, lp: Lp): LpResult {
  const n = lp.cost.length;
  const m = lp.rows.length;
  const inf = highs.infinity;
  const clamp = (v: number) => (v === Infinity ? inf : v === -Infinity ? -inf : v);
  const starts = new Int32Array(m + 1);
  let nnz = 0;
  for (let r = 0; r < m; r++) nnz += lp.rows[r]!.idx.length;
  const indices = new Int32Array(nnz);
  const values = new Float64Array(nnz);
  const rowLower = new Float64Array(m);
  const rowUpper = new Float64Array(m);
  let k = 0;
  for (let r = 0; r < m; r++) {
    const rw = lp.rows[r]!;
    starts[r] = k;
    for (let j = 0; j < rw.idx.length; j++) {
      const c = rw.idx[j]!;
      if (!(c >= 0 && c < n)) throw new RangeError(`LP row ${r} names column ${c} of ${n}`);
      indices[k] = c;
      values[k] = rw.val[j]!;
      k++;
    }
    rowLower[r] = clamp(rw.lo);
    rowUpper[r] = clamp(rw.hi);
  }
  starts[m] = k;
  const colLower = Float64Array.from({ length: n }, (_, j) => clamp(lp.colLo?.[j] ?? 0));
  const colUpper = Float64Array.from({ length: n }, (_, j) => clamp(lp.colHi?.[j] ?? Infinity));
  const out = highs.raw.lpCall({
    numCols: n,
    numRows: m,
    sense: lp.sense === 'max' ? highs.constants.objectiveSense.maximize : highs.constants.objectiveSense.minimize,
    colCost: Float64Array.from(lp.cost),
    colLower,
    colUpper,
    rowLower,
    rowUpper,
    matrix: { format: 'csr', numRows: m, numCols: n, starts, indices, values },
  });
  if (out.status === -1) return { status: 'error', message: 'HiGHS reported an error' };
  const ms = out.value.modelStatus;
  const S = highs.constants.modelStatus;
  if (ms === S.optimal) {
    const x = out.value.solution.colValue;
    let objective = 0;
    for (let j = 0; j < n; j++) objective += lp.cost[j]! * x[j]!;
    return { status: 'optimal', objective, x, rowDual: out.value.solution.rowDual, rowValue: out.value.solution.rowValue };
  }
  if (ms === S.infeasible) return { status: 'infeasible', message: 'the constraints have no common solution' };
  if (ms === S.unbounded || ms === S.unboundedOrInfeasible)
    return { status: 'unbounded', message: 'the objective is unbounded (or the program infeasible)' };
  return { status: 'error', message: `HiGHS stopped with model status ${ms}` };
}

/** Load HiGHS (once) and solve. */
export async function solveLp(lp: Lp): Promise<LpResult> {
  return solveLpWith(await getHighs(), lp);
}
