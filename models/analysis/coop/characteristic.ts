/**
 * A transferable-utility game derived from the outcome model.
 *
 * Derivation. Players are the scenario's actors. From the status quo x⁰, each member of a
 * coalition S may play one of its own legal moves or hold; everyone outside S holds. The worth
 * of S is the largest total utility gain its members can secure that way:
 *
 *   v(S) = max over profiles p of S   Σ_{i∈S} ( u_i(x(p)) − u_i(x⁰) ),     v(∅) = 0,
 *
 * where x(p) is the outcome of the moves (outcomeModel.ts, the same rule as `applyMoves`) and
 * u_i the actor's utility (1 − salience-weighted L1 distance to its ideal). Holding is always
 * possible, so v(S) ≥ 0. Utility is treated as transferable one for one between actors: a
 * modelling assumption (side payments in utils), not a claim about the actors.
 *
 * Left out: the others' reactions (outsiders hold; this is neither the α- nor the β-
 * characteristic function, which assume outsiders minimise S's payoff), bundles of several
 * moves by one actor in a round, later rounds, postures, and whether an outcome lies inside the
 * members' minimums (the cooperative game is about gains, the common core about acceptability).
 *
 * Computation: exact, by depth-first branch and bound per coalition. Members branch over their
 * options; the bound relaxes the coupling between dimensions. The gain is a sum over dimensions
 * of φ_d(x_d) = −Σ_{i∈S} s_{id}·|x_d − c_{id}| (plus a constant), concave in x_d, and the moves
 * still to choose can only put x_d in an interval (their smallest and largest deltas, the `set`
 * values they may use, clamped to [0, 1]), so each φ_d is bounded by its value at the weighted
 * median of the members' ideals projected onto that interval. Children are bounded first and
 * visited best-first; a member's choice changes only the dimensions its options move, so only
 * those shares of the bound are recomputed. Incumbents start from the best plans of the
 * coalitions one smaller (scored from their stored outcomes). Belarus: 27,220 nodes instead of
 * the 29.4 million profiles a plain enumeration of all 1,023 coalitions would score. A node budget caps the work: a coalition whose search
 * runs out keeps its best plan found (a lower bound) and the game is flagged inexact.
 */
import type { ActorId, MoveId, Scenario } from '../../domain/types';
import { compileOutcomeModel, movesOfProfile, outcomeOf, type OutcomeModel } from './outcomeModel';

export interface CharacteristicOptions {
  /** The players (default: every actor). Actors left out hold the status quo. */
  readonly actors?: readonly ActorId[];
  /** Branch-and-bound nodes allowed over all coalitions (default 4,000,000). */
  readonly nodeBudget?: number;
}

export interface DerivedGame {
  readonly players: ActorId[];
  /** v[S] for every coalition bitmask S over `players`. */
  readonly v: Float64Array;
  /** The moves of a best plan per coalition (index S). */
  readonly plans: readonly MoveId[][];
  /** True when every coalition's search finished (the worths are exact maxima). */
  readonly exact: boolean;
  /** Coalitions whose search ran out of budget (their worth is a lower bound). */
  readonly openCoalitions: number[];
  readonly nodes: number;
  /** Joint profiles the whole enumeration would have evaluated: Σ_S Π_{i∈S} (options_i). */
  readonly profiles: number;
  readonly derivation: string;
}

export const DERIVATION =
  'v(S) = the largest total utility gain over the status quo that the members of S can secure when each plays one of its own legal moves or holds and every other actor holds; v(∅) = 0. ' +
  "Utility transfers one for one between actors (a modelling assumption). Left out: reactions of outsiders (they hold; no α/β worst case), several moves by one actor in a round, later rounds, postures, and the minimums (acceptability is the common core's question). " +
  "Computed exactly by branch and bound over the members' options (bound: each dimension relaxed separately).";

export type CharacteristicResult = { status: 'ok'; game: DerivedGame } | { status: 'invalid'; problem: string };

/** The largest player count the derivation accepts (2^14 coalitions). */
export const MAX_DERIVED_PLAYERS = 14;

export function characteristicFunction(s: Scenario, opts: CharacteristicOptions = {}): CharacteristicResult {
  const m = compileOutcomeModel(s);
  const players = [...(opts.actors ?? m.actors)];
  for (const p of players) if (!m.actors.includes(p)) return { status: 'invalid', problem: `unknown actor "${p}"` };
  if (new Set(players).size !== players.length) return { status: 'invalid', problem: 'an actor is listed twice' };
  const n = players.length;
  if (n === 0) return { status: 'invalid', problem: 'no players' };
  if (n > MAX_DERIVED_PLAYERS)
    return { status: 'invalid', problem: `${n} players: the exact derivation stops at ${MAX_DERIVED_PLAYERS} (2^${MAX_DERIVED_PLAYERS} coalitions)` };
  const idx = players.map((p) => m.actors.indexOf(p));
  const search = new Search(m, opts.nodeBudget ?? 4_000_000);
  const size = 1 << n;
  const v = new Float64Array(size);
  const plans: Int16Array[] = new Array(size);
  const A = m.actors.length;
  plans[0] = new Int16Array(A);
  /** The outcome of each coalition's best plan, so a seed is scored without replaying its moves. */
  const states = new Float64Array(size * m.dims);
  states.set(m.x0, 0);
  const open: number[] = [];
  let profiles = 0;
  // Coalitions in order of size, so that every S∖{i} is done before S.
  const bySize: number[][] = Array.from({ length: n + 1 }, () => []);
  for (let S = 1; S < size; S++) bySize[popcount(S)]!.push(S);
  for (const S of bySize.flat()) {
    const mem: number[] = [];
    for (let i = 0; i < n; i++) if (S & (1 << i)) mem.push(idx[i]!);
    let count = 1;
    for (const a of mem) count *= m.options[a]!.length;
    profiles += count;
    const seeds: number[] = [];
    for (let i = 0; i < n; i++) if (S & (1 << i)) seeds.push(S & ~(1 << i));
    const r = search.run(mem, seeds, plans, states);
    v[S] = r.value;
    plans[S] = r.plan;
    states.set(r.state, S * m.dims);
    if (!r.closed) open.push(S);
  }
  return {
    status: 'ok',
    game: {
      players,
      v,
      plans: plans.map((p) => movesOfProfile(m, p)),
      exact: open.length === 0,
      openCoalitions: open,
      nodes: search.nodes,
      profiles,
      derivation: DERIVATION,
    },
  };
}

function popcount(s: number): number {
  let c = 0;
  for (; s; s &= s - 1) c++;
  return c;
}

/**
 * Branch and bound for one coalition at a time. Buffers are allocated once and reused; the
 * per-actor ranges of deltas and `set` values are computed once, so a coalition's set-up is
 * O(k·D) and each node's bound O(k·D).
 */
class Search {
  nodes = 0;
  private readonly D: number;
  private readonly A: number;
  private readonly x: Float64Array;
  /** Per actor and dimension: the smallest and largest delta of its options (hold included), and the range of its set values. */
  private readonly optLo: Float64Array;
  private readonly optHi: Float64Array;
  private readonly optSMin: Float64Array;
  private readonly optSMax: Float64Array;
  /** Per dimension, the actors in ascending order of their ideal (for weighted medians). */
  private readonly byIdeal: Int32Array;
  // Per-coalition buffers.
  private readonly mem: Int32Array;
  private readonly sal: Float64Array;
  private readonly ide: Float64Array;
  private readonly med: Float64Array;
  private readonly lo: Float64Array;
  private readonly hi: Float64Array;
  private readonly sMin: Float64Array;
  private readonly sMax: Float64Array;
  private readonly y: Float64Array;
  private readonly cmin: Float64Array;
  private readonly cmax: Float64Array;
  private readonly choice: Int16Array;
  /** Child scores per level. */
  private readonly scores: Float64Array;
  /** Per level and dimension, that dimension's share of the bound; and the bound per level. */
  private readonly contrib: Float64Array;
  private readonly btot: Float64Array;
  /** Per actor, the dimensions its options can move (deltas or sets). */
  private readonly affects: Int32Array[];
  private readonly maxOptions: number;
  private k = 0;
  private constant = 0;
  private best = 0;
  private plan: Int16Array;
  private closed = true;
  private simpleLeaves = true;

  constructor(
    private readonly m: OutcomeModel,
    private readonly budget: number,
  ) {
    const D = (this.D = m.dims);
    const A = (this.A = m.actors.length);
    this.x = new Float64Array(D);
    this.optLo = new Float64Array(A * D);
    this.optHi = new Float64Array(A * D);
    this.optSMin = new Float64Array(A * D).fill(Infinity);
    this.optSMax = new Float64Array(A * D).fill(-Infinity);
    for (let a = 0; a < A; a++)
      for (const o of m.options[a]!) {
        for (let d = 0; d < D; d++) {
          this.optLo[a * D + d] = Math.min(this.optLo[a * D + d]!, o.delta[d]!);
          this.optHi[a * D + d] = Math.max(this.optHi[a * D + d]!, o.delta[d]!);
        }
        for (const [d, val] of o.sets) {
          this.optSMin[a * D + d] = Math.min(this.optSMin[a * D + d]!, val);
          this.optSMax[a * D + d] = Math.max(this.optSMax[a * D + d]!, val);
        }
      }
    this.byIdeal = new Int32Array(D * A);
    for (let d = 0; d < D; d++) {
      const order = Array.from({ length: A }, (_, a) => a).sort((p, q) => m.ideal[p * D + d]! - m.ideal[q * D + d]! || p - q);
      this.byIdeal.set(order, d * A);
    }
    this.mem = new Int32Array(A);
    this.sal = new Float64Array(A * D);
    this.ide = new Float64Array(A * D);
    this.med = new Float64Array(D);
    this.lo = new Float64Array((A + 1) * D);
    this.hi = new Float64Array((A + 1) * D);
    this.sMin = new Float64Array((A + 1) * D);
    this.sMax = new Float64Array((A + 1) * D);
    this.y = new Float64Array((A + 1) * D);
    this.cmin = new Float64Array((A + 1) * D);
    this.cmax = new Float64Array((A + 1) * D);
    this.choice = new Int16Array(A);
    this.plan = new Int16Array(A);
    this.maxOptions = Math.max(1, ...m.options.map((o) => o.length));
    this.scores = new Float64Array((A + 1) * this.maxOptions);
    this.contrib = new Float64Array((A + 1) * D);
    this.btot = new Float64Array(A + 1);
    this.affects = Array.from({ length: A }, (_, a) =>
      Int32Array.from(
        Array.from({ length: D }, (_, d) => d).filter(
          (d) => this.optLo[a * D + d] !== 0 || this.optHi[a * D + d] !== 0 || this.optSMin[a * D + d] !== Infinity,
        ),
      ),
    );
  }

  /** φ_d(x) = −Σ_{i∈S} s_id·|x − c_id|. */
  private phi(d: number, x: number): number {
    const { D, k, sal, ide } = this;
    let t = 0;
    for (let r = 0; r < k; r++) {
      const s = sal[r * D + d]!;
      if (s !== 0) {
        const z = x - ide[r * D + d]!;
        t -= s * (z < 0 ? -z : z);
      }
    }
    return t;
  }

  /** The coalition's total gain at a full profile. */
  private evaluate(c: ArrayLike<number>): number {
    const { D, x } = this;
    if (this.simpleLeaves && c === this.choice) {
      // No `set` effect and no interaction can occur: the outcome is the clamped sum.
      const y = this.y;
      const base = this.k * D;
      for (let d = 0; d < D; d++) {
        const t = y[base + d]!;
        x[d] = t < 0 ? 0 : t > 1 ? 1 : t;
      }
    } else outcomeOf(this.m, c, x);
    let t = this.constant;
    for (let d = 0; d < D; d++) t += this.phi(d, x[d]!);
    return t;
  }

  /** The coalition's total gain at a known outcome (states[at … at + D]). */
  private scoreState(states: Float64Array, at: number): number {
    let t = this.constant;
    for (let d = 0; d < this.D; d++) t += this.phi(d, states[at + d]!);
    return t;
  }

  /** Dimension d's share of the bound at level j: the best φ_d over the interval x_d can still reach. */
  private dimBound(j: number, d: number): number {
    const { D, y, lo, hi, sMin, sMax, cmin, cmax, med } = this;
    const i = j * D + d;
    let a: number;
    let b: number;
    const c0 = cmin[i]!;
    if (!Number.isNaN(c0)) {
      a = c0;
      b = cmax[i]!;
    } else {
      a = y[i]! + lo[i]!;
      b = y[i]! + hi[i]!;
      a = a < 0 ? 0 : a > 1 ? 1 : a;
      b = b < 0 ? 0 : b > 1 ? 1 : b;
    }
    const p = sMin[i]!;
    if (p !== Infinity) {
      const q = sMax[i]!;
      a = Math.min(a, p < 0 ? 0 : p > 1 ? 1 : p);
      b = Math.max(b, q < 0 ? 0 : q > 1 ? 1 : q);
    }
    const md = med[d]!;
    return this.phi(d, md < a ? a : md > b ? b : md);
  }

  /** Fill level 0's per-dimension bounds and total. */
  private rootBound(): void {
    const { D, contrib } = this;
    let t = this.constant;
    for (let d = 0; d < D; d++) t += contrib[d] = this.dimBound(0, d);
    this.btot[0] = t;
  }

  /** Upper bound on the gain below a node at level j (kept up to date by `enter`). */
  private bound(j: number): number {
    return this.btot[j]!;
  }

  /**
   * The best plan of one coalition. `seeds` are coalitions one smaller whose best plans (with
   * the left-out member holding) start the search as incumbents; `states` holds their outcomes.
   */
  run(
    members: readonly number[],
    seeds: readonly number[],
    plans: readonly Int16Array[],
    states: Float64Array,
  ): { value: number; plan: Int16Array; state: Float64Array; closed: boolean } {
    const { m, D, A, mem, sal, ide, med, lo, hi, sMin, sMax, y, cmin, cmax } = this;
    // Branch first on the actors with the most options.
    const sorted = [...members].sort((a, b) => m.options[b]!.length - m.options[a]!.length || a - b);
    const k = (this.k = sorted.length);
    const inS = new Uint8Array(A);
    let constant = 0;
    sorted.forEach((a, r) => {
      mem[r] = a;
      inS[a] = 1;
      constant += 1 - m.u0[a]!;
      for (let d = 0; d < D; d++) {
        sal[r * D + d] = m.salience[a * D + d]!;
        ide[r * D + d] = m.ideal[a * D + d]!;
      }
    });
    this.constant = constant;
    // A maximiser of φ_d on R: a weighted median of the members' ideals.
    for (let d = 0; d < D; d++) {
      let total = 0;
      for (let r = 0; r < k; r++) total += sal[r * D + d]!;
      let acc = 0;
      med[d] = m.ideal[mem[0]! * D + d]!;
      for (let q = 0; q < A; q++) {
        const a = this.byIdeal[d * A + q]!;
        if (!inS[a]) continue;
        acc += m.salience[a * D + d]!;
        if (acc >= total / 2) {
          med[d] = m.ideal[a * D + d]!;
          break;
        }
      }
    }
    // Suffix ranges of what the members from level j on (and the interactions) can still add.
    let interactions = false;
    for (let d = 0; d < D; d++) {
      lo[k * D + d] = 0;
      hi[k * D + d] = 0;
      sMin[k * D + d] = Infinity;
      sMax[k * D + d] = -Infinity;
    }
    for (const it of m.interactions) {
      if (it.needs.length === 0 || !it.needs.every(([a]) => inS[a])) continue;
      interactions = true;
      for (let d = 0; d < D; d++) {
        lo[k * D + d] = lo[k * D + d]! + Math.min(0, it.delta[d]!);
        hi[k * D + d] = hi[k * D + d]! + Math.max(0, it.delta[d]!);
      }
      for (const [d, val] of it.sets) {
        sMin[k * D + d] = Math.min(sMin[k * D + d]!, val);
        sMax[k * D + d] = Math.max(sMax[k * D + d]!, val);
      }
    }
    let sets = false;
    for (let j = k - 1; j >= 0; j--) {
      const a = mem[j]!;
      for (let d = 0; d < D; d++) {
        const i = j * D + d;
        lo[i] = lo[i + D]! + this.optLo[a * D + d]!;
        hi[i] = hi[i + D]! + this.optHi[a * D + d]!;
        sMin[i] = Math.min(sMin[i + D]!, this.optSMin[a * D + d]!);
        sMax[i] = Math.max(sMax[i + D]!, this.optSMax[a * D + d]!);
        if (this.optSMin[a * D + d] !== Infinity) sets = true;
      }
    }
    this.simpleLeaves = !sets && !interactions;
    for (let d = 0; d < D; d++) y[d] = m.x0[d]!;
    // No set chosen yet, at any level (levels below are refilled by `enter` when sets occur).
    cmin.fill(NaN, 0, (k + 1) * D);
    cmax.fill(NaN, 0, (k + 1) * D);
    this.choice.fill(0);
    this.best = 0;
    this.plan = new Int16Array(A);
    for (const T of seeds) {
      const g = this.scoreState(states, T * D);
      if (g > this.best + 1e-12) {
        this.best = g;
        this.plan.set(plans[T]!);
      }
    }
    this.closed = true;
    this.rootBound();
    if (k > 0 && this.bound(0) > this.best + 1e-12) this.dfs(0);
    // Report the exact gain of the plan found (the search compares incrementally updated sums).
    const value = this.evaluate(this.plan);
    return { value: Math.max(0, value), plan: this.plan, state: this.x, closed: this.closed };
  }

  private dfs(j: number): void {
    if (!this.closed) return;
    if (++this.nodes > this.budget) {
      this.closed = false;
      return;
    }
    if (j === this.k) {
      const g = this.evaluate(this.choice);
      if (g > this.best + 1e-12) {
        this.best = g;
        this.plan.set(this.choice);
      }
      return;
    }
    const { choice } = this;
    const a = this.mem[j]!;
    const opts = this.m.options[a]!;
    const last = j + 1 === this.k;
    // Bound every child first, then visit the promising ones best-first.
    const nOpt = opts.length;
    const score = this.scores;
    const sc = j * this.maxOptions;
    for (let o = 0; o < nOpt; o++) {
      this.enter(j, o);
      // At the last level nothing is left to choose: with no sets and no interactions the
      // interval of every dimension is the point clamp(y), so the bound is the exact gain.
      score[sc + o] = last && !this.simpleLeaves ? this.evaluate(choice) : this.bound(j + 1);
    }
    if (last) {
      for (let o = 0; o < nOpt; o++)
        if (score[sc + o]! > this.best + 1e-12) {
          this.best = score[sc + o]!;
          choice[a] = o;
          this.plan.set(choice);
        }
      this.nodes += nOpt;
      choice[a] = 0;
      return;
    }
    for (;;) {
      let o = -1;
      for (let q = 0; q < nOpt; q++) if (score[sc + q]! > this.best + 1e-12 && (o < 0 || score[sc + q]! > score[sc + o]!)) o = q;
      if (o < 0) break;
      score[sc + o] = -Infinity;
      this.enter(j, o);
      this.dfs(j + 1);
      if (!this.closed) break;
    }
    choice[a] = 0;
  }

  /**
   * Set member j's option to o and fill level j + 1's state: the position, the chosen set
   * values, and the bound. Only the dimensions member j can move (its deltas or sets) change
   * between levels j and j + 1, so only their shares of the bound are recomputed.
   */
  private enter(j: number, o: number): void {
    const { D, y, cmin, cmax, contrib } = this;
    const a = this.mem[j]!;
    const op = this.m.options[a]![o]!;
    this.choice[a] = o;
    const here = j * D;
    const next = here + D;
    const delta = op.delta;
    for (let d = 0; d < D; d++) {
      y[next + d] = y[here + d]! + delta[d]!;
      contrib[next + d] = contrib[here + d]!;
    }
    if (!this.simpleLeaves) {
      for (let d = 0; d < D; d++) {
        cmin[next + d] = cmin[here + d]!;
        cmax[next + d] = cmax[here + d]!;
      }
      for (const [d, val] of op.sets) {
        const c0 = cmin[next + d]!;
        cmin[next + d] = !Number.isNaN(c0) ? Math.min(c0, val) : val;
        cmax[next + d] = !Number.isNaN(c0) ? Math.max(cmax[next + d]!, val) : val;
      }
    }
    let t = this.btot[j]!;
    const aff = this.affects[a]!;
    for (let q = 0; q < aff.length; q++) {
      const d = aff[q]!;
      const v = this.dimBound(j + 1, d);
      t += v - contrib[next + d]!;
      contrib[next + d] = v;
    }
    this.btot[j + 1] = t;
  }
}
