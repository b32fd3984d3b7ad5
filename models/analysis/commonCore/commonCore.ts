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
 *   (`npm run bench -- analysis` prints how many a Belarus analysis asks).
 * - Minimal exit sets: E is a minimal set whose exit leaves a non-empty core exactly when N \ E is
 *   a maximal compatible set, so they are the complements of the maximal compatible sets.
 * - Size: the search is exponential in the worst case (2^n sets when every actor is compatible),
 *   so it is bounded: more than COMMON_CORE_MAX_ACTORS actors, or more than a budget of candidate
 *   sets or LPs (`CoreBudget`), is answered status 'too-large' with the reason in words, never a
 *   throw and never minutes of work.
 */
import { solveLp, type LpRow } from '../../game/lp';
import { constraintNorm, constraintRow, denseConstraints, feasiblePoint, isFeasible, meetsAll, slack as slackOf } from '../../domain/polytope';
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

/** Largest inscribed ball of the intersection of the given actors' minimums with the box. */
export async function chebyshevCentre(s: Scenario, actors: readonly ActorId[], answers: CommonCoreAnswers = commonCoreAnswers()): Promise<ChebyshevResult> {
  const k = polytopeKey(s, actors);
  const hit = answers.centres.get(k);
  return copyCentre(hit ?? remember(answers.centres, k, await chebyshevCentreUncached(s, actors)));
}

async function chebyshevCentreUncached(s: Scenario, actors: readonly ActorId[]): Promise<ChebyshevResult> {
  const dims = dimensionIndex(s);
  const n = dims.size;
  const r = n; // index of the radius variable
  const cons = owned(s, actors);
  const rows: LpRow[] = [];
  // a·x ≤ b becomes a·x + ‖a‖r ≤ b; a·x ≥ b is written −a·x ≤ −b first.
  for (const { c } of cons) {
    const sign = c.op === '<=' ? 1 : -1;
    const { idx, val } = constraintRow(c, dims);
    rows.push({ idx: [...idx, r], val: [...val.map((v) => sign * v), constraintNorm(c)], lo: -Infinity, hi: sign * c.rhs });
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
  const slack = cons.map(({ actor, c }) => ({ actor, constraint: c.id, slack: slackOf(c, dims, x) / (constraintNorm(c) || 1), c }));
  const binding = slack
    .filter((x) => x.slack <= radius + 1e-7)
    .map(({ actor, c, slack }) => ({ actor, constraint: c.id, label: c.label, tags: c.tags ?? [], slack }));
  return { status: 'ok', centre, radius, binding, slack: slack.map(({ actor, constraint, slack }) => ({ actor, constraint, slack })), lps: 1 };
}

/** Is the intersection of these actors' minimums non-empty? (One LP, nothing kept.) */
export async function compatibleSet(s: Scenario, actors: readonly ActorId[]): Promise<boolean> {
  return isFeasible(
    owned(s, actors).map((o) => o.c),
    dimensionIndex(s),
  );
}

/**
 * The most actors the common-core search takes (one bit per actor in a 32-bit integer mask).
 * The scenario limit (LIMITS.actors in models/scenario/limits.ts) is larger; a test checks that
 * every size between the two is answered 'too-large' rather than refused by a throw.
 */
export const COMMON_CORE_MAX_ACTORS = 30;

/** Default budget of the level-wise search: candidate sets settled, and LPs asked (search and centres together). */
export const COMMON_CORE_BUDGET = { maxSets: 200_000, maxLps: 4_000 } as const;

/** How much work a common-core computation may do before it answers 'too-large'. */
export interface CoreBudget {
  /** Candidate sets settled (by a kept answer, a witness or an LP). */
  maxSets?: number;
  /** Linear programs asked. */
  maxLps?: number;
}

export interface SetSearch {
  /** 'too-large' when the actors or the work exceed the limits; the sets are then empty and `message` says why. */
  status: 'ok' | 'too-large';
  message?: string;
  maximalCompatibleSets: ActorId[][];
  minimalExitSets: ActorId[][];
  /** Pairwise compatibility, keyed "a|b" with a before b in actor order. */
  pairs: Record<string, boolean>;
  /** Feasibility LPs this search asked for (sets of minimums settled by earlier searches are not counted). */
  lps: number;
  /** Candidate sets this search settled. */
  sets: number;
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
 * The answers a caller keeps between common-core computations, so that a later computation
 * reuses what an earlier one settled (a worker keeps one per lane; a report made with a fresh one
 * counts every LP it needs). Everything kept is a pure function of its key.
 *
 * - feasible: feasibility of a set of minimums, kept by the minimums themselves: each distinct
 *   minimum (with the dimensions it is read against) gets a number in `minimumIds`, and a set is
 *   the sorted list of its numbers. Readings and successive edits share most sets, so most
 *   questions never become an LP. A compatible set is kept with a witness, a point that meets
 *   all its minimums; an incompatible one with null.
 * - searches and centres: whole answers per polytope (the last MEMO_SIZE of each).
 */
export interface CommonCoreAnswers {
  readonly minimumIds: Map<string, number>;
  readonly feasible: Map<string, Float64Array | null>;
  readonly searches: Map<string, SetSearch>;
  readonly centres: Map<string, ChebyshevResult>;
}

/** An empty store of answers. */
export function commonCoreAnswers(): CommonCoreAnswers {
  return { minimumIds: new Map(), feasible: new Map(), searches: new Map(), centres: new Map() };
}

const FEASIBLE_SIZE = 50_000;
function minimumId(answers: CommonCoreAnswers, dims: string, minimum: unknown): number {
  const k = dims + JSON.stringify(minimum);
  let id = answers.minimumIds.get(k);
  if (id === undefined) {
    if (answers.minimumIds.size >= FEASIBLE_SIZE) {
      answers.minimumIds.clear();
      answers.feasible.clear();
    }
    id = answers.minimumIds.size;
    answers.minimumIds.set(k, id);
  }
  return id;
}

function remember<T>(memo: Map<string, T>, key: string, value: T): T {
  memo.set(key, value);
  if (memo.size > MEMO_SIZE) memo.delete(memo.keys().next().value!);
  return value;
}
/** Callers get copies: changing an answer must not change the kept one. */
const copySearch = (x: SetSearch): SetSearch => ({
  ...x,
  maximalCompatibleSets: x.maximalCompatibleSets.map((m) => [...m]),
  minimalExitSets: x.minimalExitSets.map((m) => [...m]),
  pairs: { ...x.pairs },
});
const copyCentre = (x: ChebyshevResult): ChebyshevResult =>
  x.status === 'empty'
    ? { ...x }
    : { ...x, centre: { ...x.centre }, binding: x.binding.map((b) => ({ ...b, tags: [...b.tags] })), slack: x.slack.map((y) => ({ ...y })) };

/** The answer when the search is too large: nothing found, and why in words. */
function tooLarge(message: string, lps: number, sets: number): SetSearch {
  return { status: 'too-large', message, maximalCompatibleSets: [], minimalExitSets: [], pairs: {}, lps, sets };
}

/**
 * Maximal compatible sets (level-wise, pruned by monotonicity) and minimal exit sets, or
 * 'too-large' past COMMON_CORE_MAX_ACTORS actors or the budget. Only complete answers are kept
 * (a complete answer holds under any budget).
 */
export async function searchSets(
  s: Scenario,
  actors: readonly ActorId[],
  answers: CommonCoreAnswers = commonCoreAnswers(),
  budget: CoreBudget = {},
): Promise<SetSearch> {
  const k = polytopeKey(s, actors);
  const hit = answers.searches.get(k);
  if (hit) return copySearch(hit);
  const r = await searchSetsUncached(s, actors, answers, budget);
  return copySearch(r.status === 'ok' ? remember(answers.searches, k, r) : r);
}

/**
 * The level-wise search. Sets are index lists in lexicographic order with a bitmask beside them
 * (actor i = bit i; up to 30 actors), so "do these two share all but their last member" and "is
 * every subset one smaller compatible" are integer operations.
 */
async function searchSetsUncached(s: Scenario, actors: readonly ActorId[], answers: CommonCoreAnswers, budget: CoreBudget): Promise<SetSearch> {
  if (actors.length > COMMON_CORE_MAX_ACTORS)
    return tooLarge(`too large: ${actors.length} actors; the common-core search takes at most ${COMMON_CORE_MAX_ACTORS}`, 0, 0);
  const maxSets = budget.maxSets ?? COMMON_CORE_BUDGET.maxSets;
  const maxLps = budget.maxLps ?? COMMON_CORE_BUDGET.maxLps;
  const overBudget = () =>
    sets > maxSets
      ? `too large: stopped after ${maxSets.toLocaleString('en-GB')} candidate sets of ${actors.length} actors (the search is exponential); no answer`
      : lps > maxLps
        ? `too large: stopped after ${maxLps.toLocaleString('en-GB')} linear programs for ${actors.length} actors (the search is exponential); no answer`
        : null;
  let lps = 0;
  let sets = 0;
  const dims = JSON.stringify(s.dimensions.map((d) => d.id));
  const byId = new Map(s.actors.map((a) => [a.id, a]));
  const ids = actors.map((id) => minimumId(answers, dims, byId.get(id)?.minimum ?? []));
  const dimIndex = dimensionIndex(s);
  const dense = actors.map((id) => denseConstraints(byId.get(id)?.minimum ?? [], dimIndex));
  const { feasible } = answers;
  const keyOf = (set: readonly number[]) =>
    set
      .map((i) => ids[i]!)
      .sort((a, b) => a - b)
      .join(',');
  // This search's answers by bitmask: every subset one smaller of a candidate was settled here.
  const settled = new Map<number, Float64Array | null>();
  // A candidate is compatible when the witness of one of its subsets one smaller (all of them
  // compatible, or the candidate would not be asked) also meets the missing member's minimum;
  // only when none does is an LP asked. Answers already known are returned without waiting.
  const settle = (mask: number, witness: Float64Array | null) => {
    settled.set(mask, witness);
    return witness !== null;
  };
  const test = (set: readonly number[], mask: number): boolean | Promise<boolean> => {
    sets++;
    const k = keyOf(set);
    const known = feasible.get(k);
    if (known !== undefined) return settle(mask, known);
    if (set.length > 1)
      for (const i of set) {
        const w = settled.get(mask & ~(1 << i));
        if (w && meetsAll(w, dense[i]!)) return settle(mask, remember(w));
      }
    lps++;
    return feasiblePoint(
      owned(
        s,
        set.map((i) => actors[i]!),
      ).map((o) => o.c),
      dimIndex,
    ).then((w) => settle(mask, remember(w)));
    function remember(w: Float64Array | null) {
      if (feasible.size >= FEASIBLE_SIZE) feasible.clear();
      feasible.set(k, w);
      return w;
    }
  };
  const key = (xs: readonly number[]) => xs.join(',');
  let level: { set: number[]; mask: number }[] = [];
  for (let i = 0; i < actors.length; i++) if (await test([i], 1 << i)) level.push({ set: [i], mask: 1 << i });
  const stop0 = overBudget();
  if (stop0) return tooLarge(stop0, lps, sets);
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
        const stop = overBudget();
        if (stop) return tooLarge(stop, lps, sets);
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
  for (let i = 0; i < actors.length; i++) for (let j = i + 1; j < actors.length; j++) pairs[`${actors[i]}|${actors[j]}`] ??= false;
  const maximal = all
    .filter((x) => !covered.has(x.mask))
    .map((x) => x.set)
    .sort((a, b) => b.length - a.length || key(a).localeCompare(key(b)));
  const maximalCompatibleSets = maximal.map((x) => x.map((i) => actors[i]!));
  const minimalExitSets = maximal.map((x) => actors.filter((_, i) => !x.includes(i))).sort((a, b) => a.length - b.length || a.join().localeCompare(b.join()));
  return { status: 'ok', maximalCompatibleSets, minimalExitSets, pairs, lps, sets };
}

/** A maximal compatible set with its most robust point. */
export interface MaximalSetReport {
  actors: ActorId[];
  /** The Chebyshev centre of the set's minimums (constrained dimensions only; see `free`). */
  centre: Record<string, number>;
  radius: number;
  /** Each member's utility at the centre. */
  utilityAtCentre: Record<ActorId, number>;
  /** Dimensions no member's minimum mentions: any value in [0, 1] is as robust, so none is singled out. */
  free: string[];
}

/** Two compatible actors whose minimums name the same feature of the core (a shared constraint tag). */
export interface SharedFeature {
  actors: [ActorId, ActorId];
  tags: string[];
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
  /** Each maximal compatible set with its centre and its members' utilities there. */
  maximalSets: MaximalSetReport[];
  /** Compatible pairs that share a feature of the core (e.g. Kyiv and Minsk on "no second front"). */
  sharedFeatures: SharedFeature[];
  /** Each actor's utility at the centre of the core (or of the largest compatible set containing it). */
  utilityAtCentre: Record<ActorId, number | null>;
  /** LPs asked for when this answer was computed (fewer when earlier analyses had settled some sets). */
  lps: number;
  method: string;
  exact: boolean;
  /**
   * 'too-large' when the actors or the work exceed the limits (see `CoreBudget`): then nothing is
   * known — `nonEmpty` is false only for want of an answer, the sets are empty, `exact` is false —
   * and `message` says why in words.
   */
  status: 'ok' | 'too-large';
  message?: string;
}

/** The common core of the given actors (default: every actor not excluded). */
export async function commonCore(
  s: Scenario,
  actors: readonly ActorId[] = s.actors.map((a) => a.id),
  answers: CommonCoreAnswers = commonCoreAnswers(),
  budget: CoreBudget = {},
): Promise<CommonCoreReport> {
  const method = 'level-wise LP feasibility search (HiGHS) + Chebyshev-centre LP';
  const sets = await searchSets(s, actors, answers, budget);
  const maxLps = budget.maxLps ?? COMMON_CORE_BUDGET.maxLps;
  const centresNeeded = sets.maximalCompatibleSets.length + 1;
  const message =
    sets.status !== 'ok'
      ? sets.message
      : sets.lps + centresNeeded > maxLps
        ? `too large: ${sets.maximalCompatibleSets.length.toLocaleString('en-GB')} maximal compatible sets of ${actors.length} actors need more than ${maxLps.toLocaleString('en-GB')} linear programs; no answer`
        : undefined;
  if (message !== undefined)
    return {
      actors: [...actors],
      nonEmpty: false,
      chebyshevCentre: null,
      radius: null,
      binding: [],
      maximalCompatibleSets: [],
      minimalExitSets: [],
      pairs: {},
      maximalSets: [],
      sharedFeatures: [],
      utilityAtCentre: Object.fromEntries(actors.map((a) => [a, null])),
      lps: sets.lps,
      method,
      exact: false,
      status: 'too-large',
      message,
    };
  const nonEmpty = sets.maximalCompatibleSets.length === 1 && sets.maximalCompatibleSets[0]!.length === actors.length;
  const cheb = await chebyshevCentre(s, nonEmpty ? actors : (sets.maximalCompatibleSets[0] ?? []), answers);
  const dims = dimensionIndex(s);
  const byId = new Map(s.actors.map((a) => [a.id, a]));
  const maximalSets: MaximalSetReport[] = [];
  let centreLps = 0;
  for (const set of sets.maximalCompatibleSets) {
    const c = await chebyshevCentre(s, set, answers);
    centreLps += c.lps;
    if (c.status !== 'ok') continue;
    const mentioned = new Set(set.flatMap((id) => (byId.get(id)?.minimum ?? []).flatMap((k) => Object.keys(k.coeffs).filter((d) => k.coeffs[d] !== 0))));
    const free = s.dimensions.map((d) => d.id).filter((d) => !mentioned.has(d));
    const point = s.dimensions.map((d) => c.centre[d.id]!);
    const centre = Object.fromEntries(Object.entries(c.centre).filter(([d]) => mentioned.has(d)));
    const utilityAtCentre = Object.fromEntries(set.map((id) => [id, utility(byId.get(id)!, dims, point)]));
    maximalSets.push({ actors: [...set], centre, radius: c.radius, utilityAtCentre, free });
  }
  const tagsOf = (id: ActorId) => new Set((byId.get(id)?.minimum ?? []).flatMap((k) => k.tags ?? []));
  const sharedFeatures: SharedFeature[] = [];
  for (let i = 0; i < actors.length; i++)
    for (let j = i + 1; j < actors.length; j++) {
      const [a, b] = [actors[i]!, actors[j]!];
      if (!sets.pairs[`${a}|${b}`]) continue;
      const tb = tagsOf(b);
      const tags = [...tagsOf(a)].filter((t) => tb.has(t)).sort();
      if (tags.length) sharedFeatures.push({ actors: [a, b], tags });
    }
  const utilityAtCentre: Record<ActorId, number | null> = {};
  for (const a of s.actors)
    if (actors.includes(a.id))
      utilityAtCentre[a.id] =
        cheb.status === 'ok'
          ? utility(
              a,
              dims,
              s.dimensions.map((d) => cheb.centre[d.id]!),
            )
          : null;
  return {
    actors: [...actors],
    nonEmpty,
    chebyshevCentre: nonEmpty && cheb.status === 'ok' ? cheb.centre : null,
    radius: nonEmpty && cheb.status === 'ok' ? cheb.radius : null,
    binding: nonEmpty && cheb.status === 'ok' ? cheb.binding : [],
    maximalCompatibleSets: sets.maximalCompatibleSets,
    minimalExitSets: sets.minimalExitSets,
    pairs: sets.pairs,
    maximalSets,
    sharedFeatures,
    utilityAtCentre,
    lps: sets.lps + cheb.lps + centreLps,
    method,
    exact: true,
    status: 'ok',
  };
}
