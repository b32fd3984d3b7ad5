/**
 * The nucleolus (Schmeidler 1969): the allocation that lexicographically minimises the sorted
 * vector of coalition excesses e(S, x) = v(S) − x(S), over the imputations
 * {x : x(N) = v(N), x_i ≥ v({i})} (or over all efficient x: the prenucleolus).
 *
 * Algorithm: the sequence of linear programs of Kopelowitz (1967) and Maschler, Peleg &
 * Shapley (1979), with the coalitions to fix at each stage read from the dual, as Guajardo &
 * Jörnsten (2015, "Common mistakes in computing the nucleolus", EJOR 241(3)) insist:
 *
 *   stage k:  min ε  s.t.  x(N) = v(N);  x(S) = v(S) − ε_S for every fixed S;
 *             x(S) + ε ≥ v(S) for every active S;  x_i ≥ v({i}) (imputations only).
 *
 * A coalition whose ε-row has a non-zero dual in an optimal dual solution is tight in *every*
 * optimal primal solution (complementary slackness), so its excess is settled at ε_k: it is
 * fixed. Fixing only the rows that happen to be tight in the one primal solution the solver
 * returned is the classic error that paper documents; the duals avoid it. The ε-row duals sum
 * to 1 (ε's cost), so each stage fixes at least one coalition.
 *
 * Active coalitions whose incidence vectors lie in the span of the fixed ones (and N) have a
 * constant excess from then on and are dropped. Every fixed coalition was outside that span,
 * so the rank grows each stage and the loop ends after at most n − 1 stages, when the fixed
 * coalitions determine x uniquely. Each LP has at most 2^n − 1 rows.
 *
 * Row generation (default; `rows: 'all'` turns it off): each stage LP starts from a small
 * family of coalitions (the singletons and their complements, then the previous stage's rows)
 * and adds the most violated active coalitions (excess above the current ε) until none is
 * left. The restricted optimum is then optimal for the full stage LP, and its duals extended by
 * zeros are optimal for the full dual, so the dual-based fixing above stays exact. The family
 * is kept closed under complements so that ε stays bounded; a solver failure on a restricted
 * LP falls back to the full one. With 10 players this replaces LPs of 1,023 rows by a few of
 * some dozens.
 *
 * Edge cases: n = 1 gives x = (v(N)); an empty imputation set (Σ v({i}) > v(N)) is reported as
 * `no-imputations` (the prenucleolus is still defined: pass `{ over: 'preimputations' }`).
 */
import { solveLp, type LpRow } from '../../game/lp';
import { checkGame, members, type Characteristic } from './game';

export interface NucleolusStage {
  /** The stage's optimal maximal excess. */
  readonly epsilon: number;
  /** Coalitions (bitmasks) fixed at this stage. */
  readonly fixed: readonly number[];
  /** The optimal allocation the stage's LP returned. */
  readonly allocation: readonly number[];
}

export type NucleolusResult =
  | { status: 'ok'; allocation: number[]; stages: NucleolusStage[]; lps: number; over: 'imputations' | 'preimputations' }
  | { status: 'no-imputations'; problem: string }
  | { status: 'invalid' | 'error'; problem: string };

const DUAL_TOL = 1e-9;
const SPAN_TOL = 1e-9;

/** Row-echelon basis of incidence vectors, to test whether a coalition is in the span of those fixed. */
class Span {
  private readonly rows: Float64Array[] = [];
  private readonly pivots: number[] = [];
  constructor(private readonly n: number) {}
  get rank(): number {
    return this.rows.length;
  }
  private reduce(s: number): Float64Array {
    const r = new Float64Array(this.n);
    for (let i = 0; i < this.n; i++) if (s & (1 << i)) r[i] = 1;
    for (let k = 0; k < this.rows.length; k++) {
      const p = this.pivots[k]!;
      const f = r[p]!;
      if (f !== 0) {
        const b = this.rows[k]!;
        for (let i = 0; i < this.n; i++) r[i] = r[i]! - f * b[i]!;
      }
    }
    return r;
  }
  contains(s: number): boolean {
    const r = this.reduce(s);
    for (let i = 0; i < this.n; i++) if (Math.abs(r[i]!) > SPAN_TOL) return false;
    return true;
  }
  /** Add s if independent; returns whether the rank grew. */
  add(s: number): boolean {
    const r = this.reduce(s);
    let p = -1;
    for (let i = 0; i < this.n; i++) if (Math.abs(r[i]!) > SPAN_TOL && (p < 0 || Math.abs(r[i]!) > Math.abs(r[p]!))) p = i;
    if (p < 0) return false;
    const f = r[p]!;
    for (let i = 0; i < this.n; i++) r[i] = r[i]! / f;
    // Keep the basis reduced: eliminate the new pivot from the older rows.
    for (const b of this.rows) {
      const g = b[p]!;
      if (g !== 0) for (let i = 0; i < this.n; i++) b[i] = b[i]! - g * r[i]!;
    }
    this.rows.push(r);
    this.pivots.push(p);
    return true;
  }
}

export async function nucleolus(
  v: Characteristic,
  opts: { over?: 'imputations' | 'preimputations'; rows?: 'generated' | 'all' } = {},
): Promise<NucleolusResult> {
  const c = checkGame(v);
  if (!c.ok) return { status: 'invalid', problem: c.problem };
  const n = c.n;
  const over = opts.over ?? 'imputations';
  const full = v.length - 1;
  if (n === 1) return { status: 'ok', allocation: [v[1]!], stages: [], lps: 0, over };
  const lower = new Array<number>(n + 1).fill(-Infinity);
  if (over === 'imputations') {
    let t = 0;
    for (let i = 0; i < n; i++) t += lower[i] = v[1 << i]!;
    if (t > v[full]! + 1e-9 * Math.max(1, Math.abs(v[full]!)))
      return {
        status: 'no-imputations',
        problem: `the players' own worths sum to ${t.toPrecision(6)}, more than v(N) = ${v[full]!.toPrecision(6)}: no imputation exists`,
      };
  }
  const span = new Span(n);
  span.add(full);
  const fixed = new Map<number, number>(); // coalition → its settled excess
  let active: number[] = [];
  for (let s = 1; s < full; s++) if (!span.contains(s)) active.push(s);
  const stages: NucleolusStage[] = [];
  const eps = n;
  const cost = new Array(n + 1).fill(0);
  cost[eps] = 1;
  let x: number[] = [];
  let lps = 0;
  const all = members(full, n);
  /** The stage LP over the given active coalitions; `first` is the index of their first row. */
  const stageLp = async (coalitions: readonly number[]) => {
    const rows: LpRow[] = [{ idx: all, val: all.map(() => 1), lo: v[full]!, hi: v[full]! }];
    for (const [S, e] of fixed) {
      const idx = members(S, n);
      rows.push({ idx, val: idx.map(() => 1), lo: v[S]! - e, hi: v[S]! - e });
    }
    const first = rows.length;
    for (const S of coalitions) {
      const idx = members(S, n);
      idx.push(eps);
      rows.push({ idx, val: idx.map(() => 1), lo: v[S]!, hi: Infinity });
    }
    const r = await solveLp({ sense: 'min', cost, colLo: lower, rows });
    return r.status === 'optimal' ? { ...r, first } : r;
  };
  const rowGeneration = opts.rows !== 'all';
  /** Coalitions kept in the restricted LPs from one stage to the next. */
  let working = new Set<number>();
  const complement = (s: number) => full & ~s;
  for (let i = 0; i < n; i++) working.add(1 << i).add(complement(1 << i));
  const xs = new Float64Array(v.length);
  while (active.length > 0 && span.rank < n) {
    const activeSet = new Set(active);
    let rowsOf: number[] = rowGeneration ? active.filter((s) => working.has(s)) : active;
    if (rowGeneration && rowsOf.length === 0) rowsOf = active.slice(0, 2 * n);
    for (;;) {
      // Keep the restricted family closed under complements, so ε stays bounded: for an
      // active S, N∖S is active too (if it were fixed, x(S) would be fixed and S spanned).
      if (rowGeneration) {
        const closed = new Set(rowsOf);
        for (const s of rowsOf) if (activeSet.has(complement(s))) closed.add(complement(s));
        rowsOf = [...closed];
      }
      const r = await stageLp(rowsOf);
      lps++;
      if (r.status !== 'optimal') {
        if (rowGeneration && rowsOf.length < active.length) {
          rowsOf = active; // fall back to the full stage LP
          continue;
        }
        return { status: 'error', problem: `nucleolus stage ${stages.length + 1}: ${r.message}` };
      }
      const e = r.x[eps]!;
      if (rowGeneration && rowsOf.length < active.length) {
        // Any active coalition whose excess exceeds ε? Add the worst ones and solve again.
        for (let S = 1; S < v.length; S++) xs[S] = xs[S & (S - 1)]! + r.x[31 - Math.clz32(S & -S)]!;
        const inRows = new Set(rowsOf);
        const tol = 1e-9 * Math.max(1, Math.abs(e));
        const violated = active.filter((S) => !inRows.has(S) && v[S]! - xs[S]! > e + tol).sort((p, q) => v[q]! - xs[q]! - (v[p]! - xs[p]!));
        if (violated.length > 0) {
          rowsOf = [...rowsOf, ...violated.slice(0, 2 * n)];
          continue;
        }
      }
      // (x, ε) is optimal for the full stage LP; the restricted duals, extended by zeros, are
      // optimal for its dual, so non-zero duals still mark the coalitions tight in every optimum.
      x = Array.from(r.x.subarray(0, n));
      const settle: number[] = [];
      for (let k = 0; k < rowsOf.length; k++) if (Math.abs(r.rowDual[r.first + k]!) > DUAL_TOL) settle.push(rowsOf[k]!);
      if (settle.length === 0)
        return { status: 'error', problem: `nucleolus stage ${stages.length + 1}: no coalition has a non-zero dual (numerical trouble)` };
      for (const s of settle) {
        fixed.set(s, e);
        span.add(s);
      }
      stages.push({ epsilon: e, fixed: settle, allocation: x });
      working = new Set(rowsOf);
      break;
    }
    active = active.filter((s) => !fixed.has(s) && !span.contains(s));
  }
  return { status: 'ok', allocation: x, stages, lps, over };
}
