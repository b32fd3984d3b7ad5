/**
 * The common core: the outcomes every actor can accept, i.e. the intersection of the actors'
 * minimums (convex polytopes in [0, 1]^d). All questions are linear programs (HiGHS).
 *
 * - Chebyshev centre: the centre of the largest Euclidean ball inside the polytope (maximise r
 *   subject to a_i·x + ‖a_i‖ r ≤ b_i for every constraint and the box faces). It is the most
 *   robust point: every condition holds with the largest margin. r = 0 means the core is thin
 *   (a face, a point); infeasible means it is empty.
 * - Maximal compatible sets by a level-wise (Apriori) search: a set of actors can only be
 *   compatible if every subset one smaller is, so an incompatible set prunes all its supersets
 *   (monotonicity) and ten actors never need 1,024 blind LPs. Each compatible set keeps the point
 *   its LP found (a witness); a candidate whose subset's witness also meets the added actor's
 *   minimum is compatible without an LP, so LPs are asked mostly where sets stop being compatible
 *   (Belarus from nothing, the scenario and its four readings: 53 LP calls, 49 distinct programs;
 *   without witnesses the same search asked about 1,000).
 * - Minimal exit sets: E is a minimal set whose exit leaves a non-empty core exactly when N \ E is
 *   a maximal compatible set, so they are the complements of the maximal compatible sets.
 */
import { solveLp, type LpRow } from '../../game/lp';
import { feasiblePoint, isFeasible } from '../../scenario/parse';
import { dimensionIndex } from '../../domain/space';
import { utility } from '../../domain/utility';
import type { ActorId, LinearConstraint, Scenario } from '../../domain/types';

export interface BindingConstraint {
  readonly actor: ActorId;
  readonly constraint: string;
  readonly label: string;
  readonly tags: readonly string[];
  /** Slack at the Chebyshev centre, in scaled units along the constraint's normal. */
  readonly slack: number;
}

export type ChebyshevResult =
  | { status: 'empty'; lps: number }
  | {
      status: 'ok';
      centre: Record<string, number>;
      radius: number;
      /** Constraints touching the largest inscribed ball: the conditions that shape the core. */
      binding: BindingConstraint[];
      slack: { actor: ActorId; constraint: string; slack: number }[];
      lps: number;
    };

interface Owned {
  actor: ActorId;
  c: LinearConstraint;
}

function owned(s: Scenario, actors: readonly ActorId[]): Owned[] {
  return s.actors.filter((a) => actors.includes(a.id)).flatMap((a) => a.minimum.map((c) => ({ actor: a.id, c })));
}

function norm(c: LinearConstraint): number {
  return Math.sqrt(Object.values(c.coeffs).reduce((t, v) => t + v * v, 0));
}

/** Largest inscribed ball of the intersection of the given actors' minimums with the box. */
export async function chebyshevCentre(s: Scenario, actors: readonly ActorId[]): Promise<ChebyshevResult> {
  const k = polytopeKey(s, actors);
  const hit = centreMemo.get(k);
  return copyCentre(hit ?? remember(centreMemo, k, await chebyshevCentreUncached(s, actors)));
}

async function chebyshevCentreUncached(s: Scenario, actors: readonly ActorId[]): Promise<ChebyshevResult> {
  const dims = dimensionIndex(s);
  const n = dims.size;
  const r = n; // index of the radius variable
  const cons = owned(s, actors);
  const rows: LpRow[] = [];
  for (const { c } of cons) {
    const sign = c.op === '<=' ? 1 : -1;
    const idx: number[] = [];
    const val: number[] = [];
    for (const [d, v] of Object.entries(c.coeffs)) {
      const i = dims.get(d);
      if (i !== undefined && v !== 0) {
        idx.push(i);
        val.push(sign * v);
      }
    }
    idx.push(r);
    val.push(norm(c));
    rows.push({ idx, val, lo: -Infinity, hi: sign * c.rhs });
  }
  for (let j = 0; j < n; j++) {
    rows.push({ idx: [j, r], val: [1, 1], lo: -Infinity, hi: 1 });
    rows.push({ idx: [j, r], val: [1, -1], lo: 0, hi: Infinity });
  }
  const cost = new Array(n + 1).fill(0);
  cost[r] = 1;
  const res = await solveLp({ sense: 'max', cost, colLo: new Array(n + 1).fill(0), colHi: [...new Array(n).fill(1), 1], rows });
  if (res.status !== 'optimal') return { status: 'empty', lps: 1 };
  const x = res.x;
  const radius = Math.max(0, x[r]!);
  const centre: Record<string, number> = {};
  s.dimensions.forEach((d, i) => (centre[d.id] = x[i]!));
  const slack = cons.map(({ actor, c }) => {
    let lhs = 0;
    for (const [d, v] of Object.entries(c.coeffs)) lhs += v * (x[dims.get(d) ?? 0] ?? 0);
    const sl = (c.op === '<=' ? c.rhs - lhs : lhs - c.rhs) / (norm(c) || 1);
    return { actor, constraint: c.id, slack: sl, c };
  });
  const binding = slack
    .filter((x) => x.slack <= radius + 1e-7)
    .map(({ actor, c, slack }) => ({ actor, constraint: c.id, label: c.label, tags: c.tags ?? [], slack }));
  return { status: 'ok', centre, radius, binding, slack: slack.map(({ actor, constraint, slack }) => ({ actor, constraint, slack })), lps: 1 };
}

/** Is the intersection of these actors' minimums non-empty? */
export async function compatibleSet(s: Scenario, actors: readonly ActorId[]): Promise<boolean> {
  return isFeasible(owned(s, actors).map((o) => o.c), dimensionIndex(s));
}

export interface SetSearch {
  maximalCompatibleSets: ActorId[][];
  minimalExitSets: ActorId[][];
  /** Pairwise compatibility, keyed "a|b" with a before b in actor order. */
  pairs: Record<string, boolean>;
  /** Feasibility LPs this search asked for (sets of minimums settled by earlier searches are not counted). */
  lps: number;
}

/**
 * What the common core of some actors depends on: the dimensions and those actors' minimums —
 * not ideals, saliences, capabilities or patience. Answers are kept per polytope (the last 64),
 * so moving any other slider reuses them; the answers are pure functions of the key.
 */
function polytopeKey(s: Scenario, actors: readonly ActorId[]): string {
  const byId = new Map(s.actors.map((a) => [a.id, a]));
  return JSON.stringify([s.dimensions.map((d) => d.id), actors.map((id) => [id, byId.get(id)?.minimum ?? null])]);
}

const MEMO_SIZE = 64;

/**
 * Feasibility of a set of minimums, kept by the minimums themselves: each distinct minimum (with
 * the dimensions it is read against) gets a number, and a set is the sorted list of its numbers.
 * Readings and successive edits share most sets, so most questions never become an LP. A
 * compatible set is kept with a witness, a point that meets all its minimums; an incompatible
 * one with null.
 */
const minimumIds = new Map<string, number>();
const feasible = new Map<string, Float64Array | null>();
const FEASIBLE_SIZE = 50_000;
function minimumId(dims: string, minimum: unknown): number {
  const k = dims + JSON.stringify(minimum);
  let id = minimumIds.get(k);
  if (id === undefined) {
    if (minimumIds.size >= FEASIBLE_SIZE) {
      minimumIds.clear();
      feasible.clear();
    }
    id = minimumIds.size;
    minimumIds.set(k, id);
  }
  return id;
}

/**
 * How far past a bound a witness may lie and still count. HiGHS accepts 1e-7 (its primal
 * feasibility tolerance), so a point this close is one HiGHS would accept too: a set certified
 * by a witness is one the LP would also have called compatible.
 */
const WITNESS_TOLERANCE = 1e-9;

/** One actor's minimum as dense rows over the dimensions, for checking witnesses. */
interface DenseMinimum {
  readonly rows: readonly { coeffs: Float64Array; lo: number; hi: number }[];
}
function denseMinimum(minimum: readonly LinearConstraint[], dims: ReadonlyMap<string, number>): DenseMinimum {
  return {
    rows: minimum.map((c) => {
      const coeffs = new Float64Array(dims.size);
      for (const [d, v] of Object.entries(c.coeffs)) {
        const i = dims.get(d);
        if (i !== undefined) coeffs[i] = v;
      }
      return c.op === '<=' ? { coeffs, lo: -Infinity, hi: c.rhs } : { coeffs, lo: c.rhs, hi: Infinity };
    }),
  };
}
function meets(w: Float64Array, m: DenseMinimum): boolean {
  for (const r of m.rows) {
    let lhs = 0;
    for (let j = 0; j < w.length; j++) lhs += r.coeffs[j]! * w[j]!;
    if (lhs > r.hi + WITNESS_TOLERANCE || lhs < r.lo - WITNESS_TOLERANCE) return false;
  }
  return true;
}

function remember<T>(memo: Map<string, T>, key: string, value: T): T {
  memo.set(key, value);
  if (memo.size > MEMO_SIZE) memo.delete(memo.keys().next().value!);
  return value;
}
const searchMemo = new Map<string, SetSearch>();
/** Callers get copies: changing an answer must not change the kept one. */
const copySearch = (x: SetSearch): SetSearch => ({
  maximalCompatibleSets: x.maximalCompatibleSets.map((m) => [...m]),
  minimalExitSets: x.minimalExitSets.map((m) => [...m]),
  pairs: { ...x.pairs },
  lps: x.lps,
});
const copyCentre = (x: ChebyshevResult): ChebyshevResult =>
  x.status === 'empty'
    ? { ...x }
    : { ...x, centre: { ...x.centre }, binding: x.binding.map((b) => ({ ...b, tags: [...b.tags] })), slack: x.slack.map((y) => ({ ...y })) };
const centreMemo = new Map<string, ChebyshevResult>();

/**
 * Forget every kept answer (feasible sets and their witnesses, searches, centres), so the next
 * common core is computed from nothing, as in a fresh worker. For benchmarks and tests.
 */
export function forgetCommonCoreAnswers(): void {
  minimumIds.clear();
  feasible.clear();
  searchMemo.clear();
  centreMemo.clear();
}

/** Maximal compatible sets (level-wise, pruned by monotonicity) and minimal exit sets. */
export async function searchSets(s: Scenario, actors: readonly ActorId[]): Promise<SetSearch> {
  const k = polytopeKey(s, actors);
  const hit = searchMemo.get(k);
  return copySearch(hit ?? remember(searchMemo, k, await searchSetsUncached(s, actors)));
}

/**
 * The level-wise search. Sets are index lists in lexicographic order with a bitmask beside them
 * (actor i = bit i; up to 30 actors), so "do these two share all but their last member" and "is
 * every subset one smaller compatible" are integer operations.
 */
async function searchSetsUncached(s: Scenario, actors: readonly ActorId[]): Promise<SetSearch> {
  if (actors.length > 30) throw new RangeError(`the common core search handles up to 30 actors, not ${actors.length}`);
  let lps = 0;
  const dims = JSON.stringify(s.dimensions.map((d) => d.id));
  const byId = new Map(s.actors.map((a) => [a.id, a]));
  const ids = actors.map((id) => minimumId(dims, byId.get(id)?.minimum ?? []));
  const dimIndex = dimensionIndex(s);
  const dense = actors.map((id) => denseMinimum(byId.get(id)?.minimum ?? [], dimIndex));
  const keyOf = (set: readonly number[]) => set.map((i) => ids[i]!).sort((a, b) => a - b).join(',');
  // This search's answers by bitmask: every subset one smaller of a candidate was settled here.
  const settled = new Map<number, Float64Array | null>();
  // A candidate is compatible when the witness of one of its subsets one smaller (all of them
  // compatible, or the candidate would not be asked) also meets the missing member's minimum;
  // only when none does is an LP asked. Answers already known are returned without waiting.
  const settle = (mask: number, k: string, witness: Float64Array | null) => {
    settled.set(mask, witness);
    return witness !== null;
  };
  const test = (set: readonly number[], mask: number): boolean | Promise<boolean> => {
    const k = keyOf(set);
    const known = feasible.get(k);
    if (known !== undefined) return settle(mask, k, known);
    if (set.length > 1)
      for (const i of set) {
        const w = settled.get(mask & ~(1 << i));
        if (w && meets(w, dense[i]!)) return settle(mask, k, remember(w));
      }
    lps++;
    return feasiblePoint(owned(s, set.map((i) => actors[i]!)).map((o) => o.c), dimIndex).then((w) => settle(mask, k, remember(w)));
    function remember(w: Float64Array | null) {
      if (feasible.size >= FEASIBLE_SIZE) feasible.clear();
      feasible.set(k, w);
      return w;
    }
  };
  const key = (xs: readonly number[]) => xs.join(',');
  let level: { set: number[]; mask: number }[] = [];
  for (let i = 0; i < actors.length; i++) if (await test([i], 1 << i)) level.push({ set: [i], mask: 1 << i });
  const all = [...level];
  // Compatible sets contained in a compatible set one larger; the others are maximal (every
  // compatible set is found, and a compatible set's subsets are compatible).
  const covered = new Set<number>();
  const pairs: Record<string, boolean> = {};
  while (level.length) {
    const have = new Set(level.map((x) => x.mask));
    const next: typeof level = [];
    for (let p = 0; p < level.length; p++) {
      const { set: a, mask: maskA } = level[p]!;
      const lastA = a[a.length - 1]!;
      const prefix = maskA & ~(1 << lastA);
      for (let q = p + 1; q < level.length; q++) {
        const { set: b, mask: maskB } = level[q]!;
        const lastB = b[b.length - 1]!;
        // Lexicographic order keeps sets with the same prefix together: stop at the first other.
        if ((maskB & ~(1 << lastB)) !== prefix) break;
        const cand = [...a, lastB];
        const m = maskA | (1 << lastB);
        if (!cand.every((i) => have.has(m & ~(1 << i)))) continue;
        const answer = test(cand, m);
        const ok = typeof answer === 'boolean' ? answer : await answer;
        if (cand.length === 2) pairs[`${actors[cand[0]!]}|${actors[cand[1]!]}`] = ok;
        if (ok) {
          next.push({ set: cand, mask: m });
          for (const i of cand) covered.add(m & ~(1 << i));
        }
      }
    }
    all.push(...next);
    level = next;
  }
  for (let i = 0; i < actors.length; i++)
    for (let j = i + 1; j < actors.length; j++) pairs[`${actors[i]}|${actors[j]}`] ??= false;
  const maximal = all
    .filter((x) => !covered.has(x.mask))
    .map((x) => x.set)
    .sort((a, b) => b.length - a.length || key(a).localeCompare(key(b)));
  const maximalCompatibleSets = maximal.map((x) => x.map((i) => actors[i]!));
  const minimalExitSets = maximal
    .map((x) => actors.filter((_, i) => !x.includes(i)))
    .sort((a, b) => a.length - b.length || a.join().localeCompare(b.join()));
  return { maximalCompatibleSets, minimalExitSets, pairs, lps };
}

export interface CommonCoreReport {
  actors: ActorId[];
  nonEmpty: boolean;
  chebyshevCentre: Record<string, number> | null;
  radius: number | null;
  binding: BindingConstraint[];
  maximalCompatibleSets: ActorId[][];
  minimalExitSets: ActorId[][];
  pairs: Record<string, boolean>;
  /** Each actor's utility at the centre of the core (or of the largest compatible set containing it). */
  utilityAtCentre: Record<ActorId, number | null>;
  /** LPs asked for when this answer was computed (fewer when earlier analyses had settled some sets). */
  lps: number;
  method: string;
  exact: boolean;
}

/** The common core of the given actors (default: every actor not excluded). */
export async function commonCore(s: Scenario, actors: readonly ActorId[] = s.actors.map((a) => a.id)): Promise<CommonCoreReport> {
  const sets = await searchSets(s, actors);
  const nonEmpty = sets.maximalCompatibleSets.length === 1 && sets.maximalCompatibleSets[0]!.length === actors.length;
  const cheb = await chebyshevCentre(s, nonEmpty ? actors : (sets.maximalCompatibleSets[0] ?? []));
  const dims = dimensionIndex(s);
  const utilityAtCentre: Record<ActorId, number | null> = {};
  for (const a of s.actors)
    if (actors.includes(a.id)) utilityAtCentre[a.id] = cheb.status === 'ok' ? utility(a, dims, s.dimensions.map((d) => cheb.centre[d.id]!)) : null;
  return {
    actors: [...actors],
    nonEmpty,
    chebyshevCentre: nonEmpty && cheb.status === 'ok' ? cheb.centre : null,
    radius: nonEmpty && cheb.status === 'ok' ? cheb.radius : null,
    binding: nonEmpty && cheb.status === 'ok' ? cheb.binding : [],
    maximalCompatibleSets: sets.maximalCompatibleSets,
    minimalExitSets: sets.minimalExitSets,
    pairs: sets.pairs,
    utilityAtCentre,
    lps: sets.lps + cheb.lps,
    method: 'level-wise LP feasibility search (HiGHS) + Chebyshev-centre LP',
    exact: true,
  };
}
