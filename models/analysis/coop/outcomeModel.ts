/**
 * The outcome model compiled into flat arrays, for analyses that evaluate many joint moves
 * (the cooperative game's characteristic function, the bilateral bargaining set).
 *
 * An actor's *options* at a state are "hold" (play nothing) and each of its own moves whose
 * preconditions hold at that state. A *profile* picks one option per actor. Its outcome is
 * exactly what `applyMoves` (models/domain/moves.ts) gives for the chosen moves in scenario
 * order with the scenario's interactions: all deltas are added to the state, then interaction
 * deltas (when every move of the interaction is played), then `set` effects in scenario order
 * (interactions last), then the result is clamped to [0, 1]. The tests check the two agree.
 *
 * Left out on purpose: postures (a move counts if it is legal in some posture, i.e. the actor
 * may choose to engage), assets already spent in earlier rounds (one round from the given
 * state), and bundles of several moves by one actor in the same round.
 */
import { unmetPreconditions } from '../../domain/moves';
import { dimensionIndex } from '../../domain/space';
import type { ActorId, Move, MoveId, Scenario } from '../../domain/types';

export interface CompiledOption {
  /** The move, or null for "hold". */
  readonly move: MoveId | null;
  /** Position of the move in the scenario's move list (−1 for hold): the order `set` effects apply in. */
  readonly order: number;
  /** Summed deltas per dimension. */
  readonly delta: Float64Array;
  /** `set` effects as [dimension index, value] pairs, in the move's own order. */
  readonly sets: readonly (readonly [number, number])[];
}

export interface CompiledInteraction {
  readonly id: string;
  /** The (actor index, option index) pairs that must all be chosen. Empty `needs` never fires. */
  readonly needs: readonly (readonly [number, number])[];
  readonly delta: Float64Array;
  readonly sets: readonly (readonly [number, number])[];
}

export interface OutcomeModel {
  readonly dims: number;
  readonly dimensionIds: readonly string[];
  readonly actors: readonly ActorId[];
  /** The state the options were taken at (the status quo by default). */
  readonly x0: Float64Array;
  /** options[a][k]; options[a][0] is always hold. */
  readonly options: readonly (readonly CompiledOption[])[];
  /** salience[a·dims + d], ideal[a·dims + d]. */
  readonly salience: Float64Array;
  readonly ideal: Float64Array;
  /** Each actor's utility at x0. */
  readonly u0: Float64Array;
  readonly interactions: readonly CompiledInteraction[];
}

/** The actor's own moves whose preconditions hold at x (scenario order). */
export function legalMovesAt(s: Scenario, actor: ActorId, x: ArrayLike<number>): Move[] {
  const dims = dimensionIndex(s);
  return s.moves.filter((m) => m.actor === actor && unmetPreconditions(m, dims, x).length === 0);
}

function compileEffects(m: Move, dims: ReadonlyMap<string, number>, D: number) {
  const delta = new Float64Array(D);
  const sets: [number, number][] = [];
  for (const e of m.effects) {
    const i = dims.get(e.dimension);
    if (i === undefined) continue;
    if ('set' in e) sets.push([i, e.set]);
    else delta[i] = delta[i]! + e.delta;
  }
  return { delta, sets };
}

/** Compile the scenario at state x0 (default: its status quo). */
export function compileOutcomeModel(s: Scenario, x0?: ArrayLike<number>): OutcomeModel {
  const dims = dimensionIndex(s);
  const D = dims.size;
  const x = Float64Array.from(x0 ?? s.dimensions.map((d) => s.initialState[d.id] ?? 0));
  const order = new Map(s.moves.map((m, i) => [m.id, i]));
  const actors = s.actors.map((a) => a.id);
  const options = actors.map((a) => [
    { move: null, order: -1, delta: new Float64Array(D), sets: [] } as CompiledOption,
    ...legalMovesAt(s, a, x).map((m) => ({ move: m.id, order: order.get(m.id)!, ...compileEffects(m, dims, D) })),
  ]);
  const salience = new Float64Array(actors.length * D);
  const ideal = new Float64Array(actors.length * D);
  const u0 = new Float64Array(actors.length);
  s.actors.forEach((a, ai) => {
    let dist = 0;
    s.dimensions.forEach((d, di) => {
      salience[ai * D + di] = a.salience[d.id] ?? 0;
      ideal[ai * D + di] = a.ideal[d.id] ?? 0;
      dist += salience[ai * D + di]! * Math.abs(x[di]! - ideal[ai * D + di]!);
    });
    u0[ai] = 1 - dist;
  });
  const where = new Map<MoveId, [number, number]>();
  options.forEach((opts, ai) => opts.forEach((o, k) => o.move && where.set(o.move, [ai, k])));
  const interactions: CompiledInteraction[] = s.interactions.map((it) => {
    const needs = it.when.map((id) => where.get(id));
    const { delta, sets } = compileEffects({ effects: it.effects } as Move, dims, D);
    // An interaction fires only if all its moves are available and come from distinct actors
    // (one move per actor per profile); otherwise it can never fire here.
    const ok = needs.every((n) => n !== undefined) && new Set(needs.map((n) => n![0])).size === needs.length && needs.length > 0;
    return { id: it.id, needs: ok ? (needs as [number, number][]) : [], delta, sets };
  });
  return { dims: D, dimensionIds: s.dimensions.map((d) => d.id), actors, x0: x, options, salience, ideal, u0, interactions };
}

/**
 * The world state after a profile (choice[a] = option index, 0 = hold), written into `out`.
 * Same rule as `applyMoves`; see the module comment.
 */
export function outcomeOf(m: OutcomeModel, choice: ArrayLike<number>, out: Float64Array = new Float64Array(m.dims)): Float64Array {
  const D = m.dims;
  out.set(m.x0);
  let withSets: CompiledOption[] | undefined;
  for (let a = 0; a < m.actors.length; a++) {
    const o = m.options[a]![choice[a]!]!;
    if (o.move === null) continue;
    const delta = o.delta;
    for (let d = 0; d < D; d++) out[d] = out[d]! + delta[d]!;
    if (o.sets.length) (withSets ??= []).push(o);
  }
  let fired: CompiledInteraction[] | undefined;
  for (const it of m.interactions) {
    const needs = it.needs;
    if (needs.length === 0) continue;
    let all = true;
    for (let q = 0; q < needs.length && all; q++) all = choice[needs[q]![0]] === needs[q]![1];
    if (!all) continue;
    for (let d = 0; d < D; d++) out[d] = out[d]! + it.delta[d]!;
    (fired ??= []).push(it);
  }
  if (withSets) {
    withSets.sort((p, q) => p.order - q.order);
    for (const o of withSets) for (const [d, v] of o.sets) out[d] = v;
  }
  if (fired) for (const it of fired) for (const [d, v] of it.sets) out[d] = v;
  for (let d = 0; d < D; d++) out[d] = out[d]! < 0 ? 0 : out[d]! > 1 ? 1 : out[d]!;
  return out;
}

/** Actor a's utility at x: 1 − Σ_d salience·|x_d − ideal_d| (models/domain/utility.ts). */
export function utilityAt(m: OutcomeModel, a: number, x: ArrayLike<number>): number {
  const D = m.dims;
  let dist = 0;
  for (let d = 0; d < D; d++) dist += m.salience[a * D + d]! * Math.abs(x[d]! - m.ideal[a * D + d]!);
  return 1 - dist;
}

/** The moves a profile plays, in scenario order. */
export function movesOfProfile(m: OutcomeModel, choice: ArrayLike<number>): MoveId[] {
  const picked: CompiledOption[] = [];
  for (let a = 0; a < m.actors.length; a++) {
    const o = m.options[a]![choice[a]!]!;
    if (o.move !== null) picked.push(o);
  }
  return picked.sort((p, q) => p.order - q.order).map((o) => o.move!);
}
