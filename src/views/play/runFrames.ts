/**
 * The coalition-graph frames of a run: the opening position, then one per resolved round (world,
 * holdings, postures, deals, threats and broken deals of that round). The groups follow the state
 * of play (`positionCoalitions`): who the present state contents and who wants change, as boxes
 * (a partition), and every group that could gain together from the position, as outlines.
 * Compatible-pair edges still come from the reading's minimums.
 */
import type { Scenario } from '../../../models/domain/types';
import { initialState } from '../../../models/domain/index';
import { initialHoldings, spendAssets, type Holdings } from '../../../models/domain/legality';
import { brokenPairs, contentGroups, playCoalitions, type GraphLink, type PlayPosition } from '../../../models/graph/index';
import type { RoundRecord } from '../../../models/machines/index';
import type { ReadingReport } from '../../../workers/api';
import type { OutlinedFrame } from '../../graph/outlines';
import { groupedFrame } from '../analyse/coreFrame';
import { shortName } from '../../../models/domain/names';

/**
 * `cache` keeps frames already made for this scenario and reading (a fresh map for another), so a
 * new round makes one frame, not the whole run's again. `limit` makes only the first frames (the
 * opening and the rounds before the last, say, to fill the cache a task ahead).
 */
export function runFrames(
  s: Scenario,
  history: readonly RoundRecord[],
  reading: ReadingReport,
  cache?: Map<string, OutlinedFrame>,
  limit = history.length + 1,
): OutlinedFrame[] {
  const byId = new Map(s.moves.map((m) => [m.id, m]));
  const order = new Map(s.actors.map((a, i) => [a.id, i]));
  const name = (id: string) => shortName(s, id);
  const compatible = (a: string, b: string) => {
    const [x, y] = (order.get(a) ?? 0) < (order.get(b) ?? 0) ? [a, b] : [b, a];
    return reading.pairs[`${x}|${y}`];
  };
  const frame = (p: PlayPosition, label: string, links: { deals?: GraphLink[]; threats?: GraphLink[] } = {}) => {
    const key = cache && JSON.stringify([label, p.state, p.holdings, p.postures, p.broken ?? null, links]);
    const known = key === undefined ? undefined : cache?.get(key);
    if (known) return known;
    const made = make(p, label, links);
    if (key !== undefined) cache?.set(key, made);
    return made;
  };
  const make = (p: PlayPosition, label: string, links: { deals?: GraphLink[]; threats?: GraphLink[] }) =>
    groupedFrame({ scenario: s, state: p.state, postures: p.postures, compatible, ...links }, label, contentGroups(p, name), playCoalitions(p, name), {
      box: 'as the state stands',
      outline: 'each pair has an exchange that pays both from here',
    });
  const start = history[0]?.worldBefore ?? Array.from(initialState(s));
  let holdings: Holdings = initialHoldings(s);
  const opening = Object.fromEntries(s.actors.map((a) => [a.id, history[0]?.actors[a.id]?.postureBefore ?? ('engaged' as const)]));
  if (limit < 1) return [];
  const out = [frame({ scenario: s, state: start, holdings, postures: opening }, 'Start')];
  for (const h of history) {
    if (out.length >= limit) break;
    const threats: GraphLink[] = [];
    for (const [actor, x] of Object.entries(h.actors)) {
      const m = byId.get(x.move);
      if (m?.tone === 'hostile') for (const t of m.targets ?? []) threats.push({ from: actor, to: t, label: m.label });
    }
    const deals: GraphLink[] = h.dealsMade.map((d) => ({ from: d.parties[0]!, to: d.parties[1]!, label: Object.values(d.promises).join(' for ') }));
    const played = Object.values(h.actors)
      .map((x) => byId.get(x.move))
      .filter((m): m is NonNullable<typeof m> => !!m);
    holdings = spendAssets(holdings, played);
    const postures = Object.fromEntries(Object.entries(h.actors).map(([a, x]) => [a, x.postureAfter]));
    out.push(frame({ scenario: s, state: h.worldAfter, holdings, postures, broken: brokenPairs(h.dealsDue) }, `Round ${h.round}`, { deals, threats }));
  }
  return out;
}
