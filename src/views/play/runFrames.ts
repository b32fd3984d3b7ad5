/** The coalition-graph frames of a run: the start, then one per resolved round (postures, world, deals and threats of that round). */
import type { Scenario } from '../../../models/domain/types';
import { initialState } from '../../../models/domain/index';
import type { GraphFrame, GraphLink } from '../../../models/graph/index';
import type { RoundRecord } from '../../../models/machines/index';
import type { ReadingReport } from '../../../workers/api';
import { coreFrame } from '../analyse/coreFrame';

export function runFrames(s: Scenario, history: readonly RoundRecord[], reading: ReadingReport): GraphFrame[] {
  const byId = new Map(s.moves.map((m) => [m.id, m]));
  const start = history[0]?.worldBefore ?? Array.from(initialState(s));
  const out = [coreFrame(s, reading, 'Start', start, Object.fromEntries(s.actors.map((a) => [a.id, 'engaged' as const])))];
  for (const h of history) {
    const threats: GraphLink[] = [];
    for (const [actor, x] of Object.entries(h.actors)) {
      const m = byId.get(x.move);
      if (m?.tone === 'hostile') for (const t of m.targets ?? []) threats.push({ from: actor, to: t, label: m.label });
    }
    const deals: GraphLink[] = h.dealsMade.map((d) => ({ from: d.parties[0]!, to: d.parties[1]!, label: Object.values(d.promises).join(' for ') }));
    out.push(
      coreFrame(s, reading, `Round ${h.round}`, h.worldAfter, Object.fromEntries(Object.entries(h.actors).map(([a, x]) => [a, x.postureAfter])), {
        deals,
        threats,
      }),
    );
  }
  return out;
}
