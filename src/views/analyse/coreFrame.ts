/** A coalition-graph frame from a common-core reading: compatible pairs as edges, the largest maximal compatible sets as coalitions. */
import { graphFrame, type GraphFrame, type GraphLink } from '../../../models/graph/index';
import { initialState, type Posture, type Scenario } from '../../../models/domain/index';
import type { ReadingReport } from '../../../workers/api';

export function coreFrame(
  scenario: Scenario,
  reading: ReadingReport,
  label: string,
  state: ArrayLike<number> = initialState(scenario),
  postures?: Record<string, Posture>,
  links: { deals?: GraphLink[]; threats?: GraphLink[] } = {},
): GraphFrame {
  const order = new Map(scenario.actors.map((a, i) => [a.id, i]));
  return graphFrame(
    {
      scenario,
      state,
      postures: postures ?? Object.fromEntries(scenario.actors.map((a) => [a.id, 'engaged' as const])),
      compatible: (a, b) => {
        const [x, y] = (order.get(a) ?? 0) < (order.get(b) ?? 0) ? [a, b] : [b, a];
        return reading.pairs[`${x}|${y}`];
      },
      ...links,
      coalitions: reading.maximalCompatibleSets.slice(0, 3).map((m, i) => ({ id: `set${i + 1}`, label: `Compatible set ${i + 1}`, members: m })),
    },
    label,
  );
}
