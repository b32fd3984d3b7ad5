/**
 * Coalition-graph frames with every group drawn: compound groups for a partition (one parent per
 * actor), outlines for groups that overlap (src/graph/outlines.ts). The graph in words lists every
 * group, boxes then outlines.
 *
 * `coreFrame`: a common-core reading: compatible pairs as edges, every maximal compatible set as
 * an outline (they overlap, so none is a box).
 */
import { graphFrame, graphSummary, type GraphCoalition, type GraphInput, type GraphLink } from '../../../models/graph/index';
import { initialState, type Posture, type Scenario } from '../../../models/domain/index';
import type { ReadingReport } from '../../../workers/api';
import type { OutlinedFrame, Outline } from '../../graph/outlines';
import { shortName } from '../../../models/domain/names';

/**
 * A frame whose `boxes` (a partition) are compound nodes and whose `outlines` (overlapping) are
 * hulls; `describe` says in words what an outline means (e.g. "minimums compatible").
 */
export function groupedFrame(
  input: Omit<GraphInput, 'coalitions'>,
  label: string,
  boxes: readonly GraphCoalition[],
  outlines: readonly Outline[],
  describe: { box: string; outline: string },
): OutlinedFrame {
  const name = (id: string) => shortName(input.scenario, id);
  const f = graphFrame({ ...input, coalitions: boxes }, label);
  // The words: the actors' lines first, then every group, then the rest (pairs, deals, threats).
  const rest = graphSummary({ ...input, coalitions: [] });
  const n = input.scenario.actors.length;
  const groups = [
    ...boxes.map((b) => `${b.label} {${b.members.map(name).join(', ')}}: ${describe.box}; drawn as a box`),
    ...outlines.map((o, i) => `${o.label} {${o.members.map(name).join(', ')}}: ${describe.outline}; drawn as outline ${i + 1}`),
  ];
  if (!boxes.length && !outlines.length) groups.push('No groups at this position.');
  return { ...f, summary: [...rest.slice(0, n), ...groups, ...rest.slice(n)], groups: boxes, outlines };
}

export function coreFrame(
  scenario: Scenario,
  reading: ReadingReport,
  label: string,
  state: ArrayLike<number> = initialState(scenario),
  postures?: Record<string, Posture>,
  links: { deals?: GraphLink[]; threats?: GraphLink[] } = {},
): OutlinedFrame {
  const order = new Map(scenario.actors.map((a, i) => [a.id, i]));
  const sets = [...reading.maximalCompatibleSets].filter((m) => m.length >= 2).sort((a, b) => b.length - a.length);
  const frame = groupedFrame(
    {
      scenario,
      state,
      postures: postures ?? Object.fromEntries(scenario.actors.map((a) => [a.id, 'engaged' as const])),
      compatible: (a, b) => {
        const [x, y] = (order.get(a) ?? 0) < (order.get(b) ?? 0) ? [a, b] : [b, a];
        return reading.pairs[`${x}|${y}`];
      },
      ...links,
    },
    label,
    [],
    sets.map((m, i) => ({ id: `set${i + 1}`, label: `Compatible set ${i + 1}`, members: m })),
    { box: '', outline: 'minimums compatible (a maximal compatible set)' },
  );
  if (reading.status !== 'too-large') return frame;
  // Nothing is known of the sets or pairs: say so, rather than "no groups" (which reads as an empty core).
  const tooLarge = `Common core not computed — ${reading.message ?? 'too large'}: the compatible pairs and sets are unknown, so none is drawn.`;
  return {
    ...frame,
    label: `${label} (common core too large to compute)`,
    summary: [tooLarge, ...frame.summary.filter((l) => l !== 'No groups at this position.')],
  };
}
