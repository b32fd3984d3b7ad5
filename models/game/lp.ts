/**
 * One linear-program interface for every solver in models/analysis, backed by HiGHS
 * (the `highs` package, WebAssembly). Solvers describe an LP as plain dense rows; this
 * module turns it into HiGHS's CSR model and returns a result value (never throws for an
 * infeasible or unbounded program).
 *
 * Loading: Node loads the wasm next to the package by itself. A web worker must tell the
 * loader where the wasm lives (`setHighsLoader` in the worker entry), because a bundler
 * renames the file; this module never imports a `?url` so that Node tests can import it.
 *
 * Solving: `raw.lpCall` builds and destroys a native HiGHS instance for every LP, which for
 * the analyses' small programs (a dozen columns, tens of rows) is about a fifth of their time.
 * `lpCallOf` answers the same call on one persistent native model per runtime instead (see
 * there), with the answers of `lpCall` bit for bit.
 */
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

// Imported on first use: a page that never solves an LP on its main thread never loads HiGHS's code.
let loader: () => Promise<Highs> = async () => (await import('highs')).default();
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

type LpModel = Parameters<Highs['raw']['lpCall']>[0];
type LpCallResult = ReturnType<Highs['raw']['lpCall']>;
export type LpCall = (model: LpModel) => LpCallResult;

const persistentCalls = new WeakMap<object, LpCall>();

/**
 * `raw.lpCall` of this runtime, answered on one persistent native model (created on first use,
 * kept for the life of the runtime, never shared between runtimes; `lpCall` itself is not
 * used): building and destroying a native instance per program is a sizeable part of a small
 * program's time (`npm run bench -- analysis` compares the two).
 *
 * Each call clears the model (options stay), passes the program and runs it with HiGHS's
 * default options and output off, which is what `Highs_lpCall` does on its fresh instance; so
 * nothing of one solve reaches the next, and status, solution, duals and basis are those of
 * `lpCall` bit for bit (tests/models/analysis/lp checks this, and it held on every LP the test
 * suite and the Belarus common core ask). Presolve stays on: off, these LPs take half the time
 * but HiGHS then picks another optimum when it is not unique — most Chebyshev centres moved.
 *
 * A runtime whose `raw` is not HiGHS's own frozen object is a wrapper (the LP memo, a test's
 * spy): its `raw.lpCall` is called as it is, so that it still sees every program. (Should a
 * future `highs` stop freezing `raw`, every runtime would simply be solved the one-shot way.)
 */
export function lpCallOf(highs: Highs): LpCall {
  const raw = highs.raw;
  if (!Object.isFrozen(raw)) return (model) => raw.lpCall(model);
  let call = persistentCalls.get(raw);
  if (!call) {
    call = persistentLpCall(highs);
    persistentCalls.set(raw, call);
  }
  return call;
}

function persistentLpCall(highs: Highs): LpCall {
  const model = highs.raw.createModel();
  if (model.setOptionValue('output_flag', false).status !== 0) throw new Error('HiGHS refused output_flag');
  const { notSet, optimal } = highs.constants.modelStatus;
  return (lp) => {
    model.clearModel();
    // As Highs_lpCall: a model error ends the call; a warning (e.g. tiny coefficients dropped)
    // does not.
    if (model.passModel(lp).status === -1) return { status: -1 };
    const run = model.run().status;
    if (run === -1) return { status: -1 };
    // Highs_lpCall reports a model status only when the run ended without a warning.
    const modelStatus = run === 0 ? model.getModelStatus() : notSet;
    const got = model.getSolution();
    const basis = model.getBasis();
    if (got.status === -1 || basis.status === -1) return { status: -1 };
    let solution = got.value;
    if (run !== 0 || modelStatus !== optimal) {
      // Highs_lpCall copies only what is valid and leaves zeros elsewhere (an infeasible
      // program's basis, for one); rare, so these are asked only off the optimal path.
      const info = (name: string) => model.getInfoValue(name).value;
      const none = (n: number) => new Float64Array(n);
      const { colValue, rowValue, colDual, rowDual } = solution;
      const primal = run === 0 && info('primal_solution_status') !== 0;
      const dual = run === 0 && info('dual_solution_status') !== 0;
      solution = {
        colValue: primal ? colValue : none(colValue.length),
        rowValue: primal ? rowValue : none(rowValue.length),
        colDual: dual ? colDual : none(colDual.length),
        rowDual: dual ? rowDual : none(rowDual.length),
      };
      if (!(run === 0 && info('basis_validity') === 1)) {
        basis.value.colStatus.fill(0);
        basis.value.rowStatus.fill(0);
      }
    }
    return { status: run, value: { modelStatus, solution, basis: basis.value } };
  };
}

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
  const out = lpCallOf(highs)({
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
  if (ms === S.unbounded || ms === S.unboundedOrInfeasible) return { status: 'unbounded', message: 'the objective is unbounded (or the program infeasible)' };
  return { status: 'error', message: `HiGHS stopped with model status ${ms}` };
}

/** Load HiGHS (once) and solve. */
export async function solveLp(lp: Lp): Promise<LpResult> {
  return solveLpWith(await getHighs(), lp);
}
