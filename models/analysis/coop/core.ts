/**
 * The core and the least core of a TU game, each one linear program (HiGHS via `solveLp`).
 *
 * Core (Gillies 1959): allocations x with x(N) = v(N) and x(S) ≥ v(S) for every coalition S.
 * `core` solves  min Σ_i x_i  s.t.  x(S) ≥ v(S) for all S ≠ ∅ (N included). The minimum is at
 * least v(N); it equals v(N) exactly when the core is non-empty (Bondareva–Shapley: the game is
 * balanced), and then the optimal x is a core allocation (a vertex of the core). The gap
 * min − v(N) is how much more than v(N) the coalitions' claims need together.
 *
 * Least core (Maschler, Peleg & Shapley 1979): the smallest ε such that some efficient x meets
 * x(S) ≥ v(S) − ε for every proper coalition S ≠ ∅, N:  min ε  s.t.  x(N) = v(N),
 * x(S) + ε ≥ v(S). ε* ≤ 0 iff the core is non-empty; ε* > 0 is the smallest uniform tax on
 * coalitions' claims that makes a stable allocation exist. The least core is the first LP of
 * the nucleolus sequence (nucleolus.ts).
 *
 * Edge cases: n = 1 has no proper coalitions (the core is {v(N)}, ε* = −∞ reported as null);
 * a malformed v is `invalid`; an LP failure is `error` with the solver's message.
 */
import { solveLp, type LpRow } from '../../game/lp';
import { checkGame, members, type Characteristic } from './game';

export const CORE_TOLERANCE = 1e-7;

export type CoreResult =
  | {
      status: 'ok';
      empty: boolean;
      /** A core allocation when the core is non-empty (else the cheapest allocation meeting every claim, which overshoots v(N)). */
      allocation: number[];
      /** min Σ x − v(N): 0 for a non-empty core, the shortfall otherwise. */
      shortfall: number;
      lps: number;
    }
  | { status: 'invalid' | 'error'; problem: string };

export type LeastCoreResult = { status: 'ok'; epsilon: number | null; allocation: number[]; lps: number } | { status: 'invalid' | 'error'; problem: string };

function coalitionRow(s: number, n: number, extra?: number): LpRow['idx'] {
  const idx = members(s, n);
  if (extra !== undefined) idx.push(extra);
  return idx;
}

export async function core(v: Characteristic): Promise<CoreResult> {
  const c = checkGame(v);
  if (!c.ok) return { status: 'invalid', problem: c.problem };
  const n = c.n;
  const rows: LpRow[] = [];
  for (let s = 1; s < v.length; s++) {
    const idx = coalitionRow(s, n);
    rows.push({ idx, val: idx.map(() => 1), lo: v[s]!, hi: Infinity });
  }
  const r = await solveLp({ sense: 'min', cost: new Array(n).fill(1), colLo: new Array(n).fill(-Infinity), rows });
  if (r.status !== 'optimal') return { status: 'error', problem: `core LP: ${r.message}` };
  const full = v[v.length - 1]!;
  const shortfall = r.objective - full;
  const tol = CORE_TOLERANCE * Math.max(1, Math.abs(full));
  if (shortfall > tol) return { status: 'ok', empty: true, allocation: Array.from(r.x), shortfall, lps: 1 };
  // Within tolerance the LP's allocation may still overshoot v(N) by the shortfall: take it off
  // evenly, so the allocation is efficient; no coalition loses more than the shortfall (≤ tol).
  const share = shortfall / n;
  return { status: 'ok', empty: false, allocation: Array.from(r.x, (x) => x - share), shortfall: 0, lps: 1 };
}

export async function leastCore(v: Characteristic): Promise<LeastCoreResult> {
  const c = checkGame(v);
  if (!c.ok) return { status: 'invalid', problem: c.problem };
  const n = c.n;
  const full = v.length - 1;
  if (n === 1) return { status: 'ok', epsilon: null, allocation: [v[1]!], lps: 0 };
  const eps = n;
  const rows: LpRow[] = [];
  for (let s = 1; s < full; s++) {
    const idx = coalitionRow(s, n, eps);
    rows.push({ idx, val: idx.map(() => 1), lo: v[s]!, hi: Infinity });
  }
  const all = coalitionRow(full, n);
  rows.push({ idx: all, val: all.map(() => 1), lo: v[full]!, hi: v[full]! });
  const cost = new Array(n + 1).fill(0);
  cost[eps] = 1;
  const r = await solveLp({ sense: 'min', cost, colLo: new Array(n + 1).fill(-Infinity), rows });
  if (r.status !== 'optimal') return { status: 'error', problem: `least-core LP: ${r.message}` };
  return { status: 'ok', epsilon: r.x[eps]!, allocation: Array.from(r.x.subarray(0, n)), lps: 1 };
}
