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

/** Effects of a set of simultaneous moves, applied to a copy of the state. */
export function applyMoves(
  dims: ReadonlyMap<DimensionId, number>,
  state: ArrayLike<number>,
  moves: readonly Move[],
  interactions: readonly Interaction[] = [],
): WorldState {
  const next = Float64Array.from(state as ArrayLike<number>);
  const sets: Effect[] = [];
  const add = (effects: readonly Effect[]) => {
    for (const e of effects) {
      if ('set' in e) sets.push(e);
      else {
        const i = dims.get(e.dimension);
        if (i !== undefined) next[i] = next[i]! + e.delta;
      }
    }
  };
  for (const m of moves) add(m.effects);
  if (interactions.length) {
    const played = new Set(moves.map((m) => m.id));
    for (const it of interactions) if (it.when.every((id) => played.has(id))) add(it.effects);
  }
  for (const e of sets) {
    const i = dims.get(e.dimension);
    if (i !== undefined && 'set' in e) next[i] = e.set;
  }
  for (let i = 0; i < next.length; i++) next[i] = clamp01(next[i]!);
  return next;
}

export function moveById(scenario: Scenario): Map<MoveId, Move> {
  return new Map(scenario.moves.map((m) => [m.id, m]));
}

/** The actor's moves in scenario order. */
export function movesOf(scenario: Scenario, actor: string): Move[] {
  return scenario.moves.filter((m) => m.actor === actor);
}
