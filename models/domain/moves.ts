/**
 * Moves change the world: each has effects (a delta or a set value per dimension) and may have
 * preconditions on the state. Moves chosen in the same round act simultaneously: all deltas
 * are added to the old state, then `set` effects apply (a later move in scenario order wins a
 * clash), then everything is clamped to [0, 1]. Interactions add effects when all their moves
 * are played together (a deal that only works when both halves happen).
 */
import { clamp01 } from './space';
import type { DimensionId, Effect, Interaction, Move, MoveId, Precondition, Scenario, WorldState } from './types';

export function preconditionHolds(p: Precondition, dims: ReadonlyMap<DimensionId, number>, x: ArrayLike<number>): boolean {
  const i = dims.get(p.dimension);
  if (i === undefined) return false;
  return p.op === '<=' ? x[i]! <= p.value + 1e-12 : x[i]! >= p.value - 1e-12;
}

export function unmetPreconditions(move: Move, dims: ReadonlyMap<DimensionId, number>, x: ArrayLike<number>): Precondition[] {
  return (move.preconditions ?? []).filter((p) => !preconditionHolds(p, dims, x));
}

/**
 * Groups of effects acting together on a copy of the state: every delta is added, then the
 * `set` effects apply in order (a later one wins a clash), then everything is clamped.
 */
export function applyEffects(dims: ReadonlyMap<DimensionId, number>, state: ArrayLike<number>, groups: readonly (readonly Effect[])[]): WorldState {
  const next = Float64Array.from(state as ArrayLike<number>);
  const sets: Extract<Effect, { set: number }>[] = [];
  for (const effects of groups)
    for (const e of effects) {
      if ('set' in e) sets.push(e);
      else {
        const i = dims.get(e.dimension);
        if (i !== undefined) next[i] = next[i]! + e.delta;
      }
    }
  for (const e of sets) {
    const i = dims.get(e.dimension);
    if (i !== undefined) next[i] = e.set;
  }
  for (let i = 0; i < next.length; i++) next[i] = clamp01(next[i]!);
  return next;
}

/** Effects of a set of simultaneous moves (and the interactions they trigger), applied to a copy of the state. */
export function applyMoves(
  dims: ReadonlyMap<DimensionId, number>,
  state: ArrayLike<number>,
  moves: readonly Move[],
  interactions: readonly Interaction[] = [],
): WorldState {
  const groups: (readonly Effect[])[] = moves.map((m) => m.effects);
  if (interactions.length) {
    const played = new Set(moves.map((m) => m.id));
    for (const it of interactions) if (it.when.every((id) => played.has(id))) groups.push(it.effects);
  }
  return applyEffects(dims, state, groups);
}

export function moveById(scenario: Scenario): Map<MoveId, Move> {
  return new Map(scenario.moves.map((m) => [m.id, m]));
}

/** The actor's moves in scenario order. */
export function movesOf(scenario: Scenario, actor: string): Move[] {
  return scenario.moves.filter((m) => m.actor === actor);
}
