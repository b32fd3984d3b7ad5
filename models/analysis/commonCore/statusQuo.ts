/**
 * Which minimums the opening state (or any state) meets: per actor, whether every condition
 * holds, the tightest condition and its slack (negative: violated by that much), and the
 * conditions that fail. The slack is measured in the condition's own units (a·x against its
 * bound), so "0.02" on a single coordinate is two points of that dimension's scale.
 */
import { slack } from '../../domain/polytope';
import { dimensionIndex, initialState } from '../../domain/space';
import type { ActorId, Scenario } from '../../domain/types';
import { FEASIBILITY_TOLERANCE } from '../../domain/polytope';

export interface ConditionSlack {
  readonly constraint: string;
  readonly label: string;
  readonly slack: number;
}

export interface ActorStatus {
  readonly actor: ActorId;
  readonly meets: boolean;
  /** The condition with the least slack; null for an actor without conditions. */
  readonly tightest: ConditionSlack | null;
  /** The conditions that fail, worst first. */
  readonly unmet: readonly ConditionSlack[];
}

export function minimumStatus(s: Scenario, x: ArrayLike<number> = initialState(s)): ActorStatus[] {
  const dims = dimensionIndex(s);
  return s.actors.map((a) => {
    const slacks = a.minimum.map((c) => ({ constraint: c.id, label: c.label, slack: slack(c, dims, x) })).sort((p, q) => p.slack - q.slack);
    const unmet = slacks.filter((c) => c.slack < -FEASIBILITY_TOLERANCE);
    return { actor: a.id, meets: unmet.length === 0, tightest: slacks[0] ?? null, unmet };
  });
}
