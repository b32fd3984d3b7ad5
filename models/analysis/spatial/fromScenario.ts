/**
 * A Coreplay scenario as the spatial model's input, on KTAB's scales:
 *
 * - dimensions: each scenario dimension, its [0, 1] scale stretched to [0, 100];
 * - influence: capability × 100 (capabilities lie in (0, 1]);
 * - salience: the actor's salience per dimension × 100 (they sum to 100);
 * - starting position: the status quo for an actor that advocates it, its ideal otherwise.
 *
 * Who advocates the status quo. An actor defends the opening state, rather than pushing for its
 * ideal, when two things hold: the state meets its minimum (every condition of it holds there),
 * and it likes the state at least as well as any other actor's ideal (u(status quo) ≥ u(ideal_j)
 * for every other j, Coreplay's utility). Such an actor has nothing to gain from any programme
 * on the table and something to lose from each, so in the SMP's terms it advocates the status
 * quo. Everyone else starts at its ideal, the programme it argues for. With no other actor, the
 * second test holds vacuously.
 */
import { dimensionIndex, initialState, isAcceptable, utility, type ActorId, type Scenario } from '../../domain/index';
import type { SmpInput } from './types';

export interface StartingPosition {
  readonly actor: ActorId;
  readonly start: 'status quo' | 'ideal';
  /** Why, in words. */
  readonly reason: string;
}

export interface ScenarioConversion {
  readonly input: SmpInput;
  /** input.actors[i] is scenario actor ids[i]; input.dimensions[d] is dimension dimensionIds[d]. */
  readonly ids: readonly ActorId[];
  readonly dimensionIds: readonly string[];
  readonly starts: readonly StartingPosition[];
}

export function scenarioToSmp(s: Scenario): ScenarioConversion {
  const dims = dimensionIndex(s);
  const sq = initialState(s);
  const starts: StartingPosition[] = s.actors.map((a) => {
    const uSq = utility(a, dims, sq);
    const meets = isAcceptable(a, dims, sq);
    let best: { id: ActorId; name: string; u: number } | null = null;
    for (const b of s.actors) {
      if (b.id === a.id) continue;
      const u = utility(
        a,
        dims,
        s.dimensions.map((d) => b.ideal[d.id] ?? 0),
      );
      if (!best || u > best.u) best = { id: b.id, name: b.short || b.name, u };
    }
    if (!meets) return { actor: a.id, start: 'ideal', reason: 'the status quo does not meet its minimum' };
    if (best && best.u > uSq)
      return { actor: a.id, start: 'ideal', reason: `it prefers ${best.name}'s ideal (utility ${best.u.toFixed(3)}) to the status quo (${uSq.toFixed(3)})` };
    return {
      actor: a.id,
      start: 'status quo',
      reason: best
        ? `the status quo meets its minimum and it likes it (utility ${uSq.toFixed(3)}) at least as well as any other actor's ideal (best: ${best.id}, ${best.u.toFixed(3)})`
        : 'the status quo meets its minimum and no other actor proposes anything',
    };
  });
  const input: SmpInput = {
    title: s.title,
    description: s.id,
    dimensions: s.dimensions.map((d) => ({ name: d.label })),
    actors: s.actors.map((a, i) => ({
      name: a.short || a.id,
      description: a.name,
      influence: a.capability * 100,
      position: s.dimensions.map((d, k) => clamp100((starts[i]!.start === 'status quo' ? sq[k]! : (a.ideal[d.id] ?? 0)) * 100)),
      salience: normalisedSaliences(s.dimensions.map((d) => Math.max(0, a.salience[d.id] ?? 0))),
    })),
  };
  return { input, ids: s.actors.map((a) => a.id), dimensionIds: s.dimensions.map((d) => d.id), starts };
}

const clamp100 = (v: number) => Math.min(100, Math.max(0, v));

/** Saliences × 100, scaled down when rounding leaves their sum a hair above 100. */
function normalisedSaliences(sal: number[]): number[] {
  const total = sal.reduce((t, v) => t + v, 0);
  const k = total > 1 ? 100 / total : 100;
  return sal.map((v) => v * k);
}
