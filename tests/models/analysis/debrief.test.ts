/**
 * The debrief as the worker returns it: the same best responses and equilibrium as `debrief()`,
 * plain data that survives a structured clone, bargaining from the round's own position, and the
 * default pair.
 */
import { describe, expect, it } from 'vitest';
import { bilateralBargaining } from '../../../models/analysis/bargaining/index';
import { initialHoldings, spendAssets } from '../../../models/domain/legality';
import { debrief, debriefPair, debriefReport, roundGains } from '../../../models/analysis/debrief';
import { checkRun, december2025Run, type RoundContext, type RoundRecord } from '../../../models/machines/index';
import { builtinDoc } from '../../../models/scenario/index';
import { analyseDebrief, hashInput } from '../../../workers/api';
import { dimensionIndex, utility, type Scenario } from '../machines/domainBits';
import { belarus } from '../machines/fixtures';

/** Each round of the December 2025 run: the context it started from (just before START_ROUND) and its record. */
type Round = { start: RoundContext; record: RoundRecord };
async function december2025(s: Scenario): Promise<[Round, Round]> {
  const run = december2025Run(builtinDoc('belarus'));
  const r = checkRun(run, s);
  if (!r.ok) throw new Error(r.problem);
  const before = [r.replay.initial, ...r.replay.snapshots];
  const history = r.replay.final.context.history;
  const rounds = run.events.flatMap((e, i) => (e.type === 'START_ROUND' ? [before[i]!.context] : [])).map((start, k) => ({ start, record: history[k]! }));
  expect(rounds).toHaveLength(2);
  return rounds as [Round, Round];
}

describe('debrief report', () => {
  it('gives the same best responses and equilibrium as debrief() for both December 2025 rounds', async () => {
    const s = await belarus();
    const rounds = await december2025(s);
    expect(rounds.map((r) => r.record.round)).toEqual([1, 2]);
    for (const { start, record } of rounds) {
      const d = debrief(s, start, record);
      const r = debriefReport(s, { world: start.world, holdings: start.holdings, postures: start.postures }, record, ['regime', 'us']);
      expect(r.round).toBe(record.round);
      expect(r.bestResponses).toEqual(d.bestResponses);
      expect(r.equilibria).toBe(d.equilibria);
      expect(r.equilibria).toBeGreaterThan(0);
      expect(r.equilibrium).toEqual(d.equilibrium);
      expect(r.gains).toEqual(d.gains);
      expect(r.game).toEqual({
        players: d.game.players,
        profiles: d.game.game.payoffs.length / d.game.players.length,
        holding: d.game.holding,
        leftOut: d.game.leftOut,
      });
      // The equilibrium's payoffs are the players' utilities after those moves.
      const total = Object.values(r.equilibriumPayoffs!).reduce((a, b) => a + b, 0);
      expect(total).toBeGreaterThan(0);
      expect(Object.keys(r.equilibriumPayoffs!).sort()).toEqual([...d.game.players].sort());
    }
  });

  it('is plain data: a structured clone is equal to it, and it is small', async () => {
    const s = await belarus();
    const [{ start, record }] = await december2025(s);
    const r = debriefReport(s, start, record, ['regime', 'us']);
    expect(structuredClone(r)).toEqual(r);
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
    expect(JSON.stringify(r).length).toBeLessThan(50_000);
  });

  it('bargains from the position the round started in, with its holdings and postures', async () => {
    const s = await belarus();
    const [, { start, record }] = await december2025(s);
    const r = debriefReport(s, start, record, ['regime', 'us']);
    expect(r.bargaining).toEqual(bilateralBargaining(s, ['regime', 'us'], { state: start.world, holdings: start.holdings, postures: start.postures }));
    if (r.bargaining?.status !== 'ok') throw new Error('bargaining should run');
    const dims = dimensionIndex(s);
    expect(r.bargaining.report.disagreement.regime).toBeCloseTo(utility(s.actors.find((a) => a.id === 'regime')!, dims, start.world), 12);
    expect(r.bargaining.report.disagreement.regime).not.toBeCloseTo(utility(s.actors.find((a) => a.id === 'regime')!, dims, record.worldAfter), 6);
    // Without a pair there is no bargaining.
    expect(debriefReport(s, start, record).bargaining).toBeNull();
    // A spent asset is not on the table in the debrief either.
    const lift = s.moves.find((m) => m.id === 'lift_potash_sanctions')!;
    const spent = debriefReport(s, { ...start, holdings: spendAssets(initialHoldings(s), [lift]) }, record, ['regime', 'us']);
    if (spent.bargaining?.status !== 'ok') throw new Error('bargaining should run');
    const b = spent.bargaining.report;
    const all = [...b.frontier, b.nash, b.kalaiSmorodinsky, b.rubinstein.agreement, b.bestPureDeal].filter((p) => p !== null);
    expect(all.flatMap((p) => p!.deal.flatMap((part) => part.moves)).filter((m) => m.includes('potash'))).toEqual([]);
  });

  it('the default pair: the two movers with the most at stake, else the scenario default pair (regime and US), else the first two actors', async () => {
    const s = await belarus();
    const [one, two] = await december2025(s);
    // Round 1: the regime, the US and Lithuania moved; the US and the regime gained most.
    expect(debriefPair(s, one.record)).toEqual(['regime', 'us']);
    // Round 2: only the regime (Oreshnik) and Lithuania (Klaipeda stays closed) moved.
    expect(debriefPair(s, two.record)).toEqual(['regime', 'lithuania']);
    const allHold: RoundRecord = { ...one.record, actors: Object.fromEntries(Object.entries(one.record.actors).map(([a, x]) => [a, { ...x, move: 'hold' }])) };
    expect(debriefPair(s, allHold)).toEqual(['regime', 'us']);
    const noUs = { ...s, actors: s.actors.filter((a) => a.id !== 'us' && a.id !== 'regime') };
    expect(debriefPair(noUs, allHold)).toEqual([noUs.actors[0]!.id, noUs.actors[1]!.id]);
    expect(debriefPair({ ...s, actors: s.actors.slice(0, 1) }, allHold)).toBeNull();
    expect(roundGains(s, one.record)[0]!.actor).toBe('us');
  });
});

describe('worker api: debrief', () => {
  it('returns the report with its provenance; the hash covers the position and the record', async () => {
    const s = await belarus();
    const [{ start, record }, second] = await december2025(s);
    const from = { world: start.world, holdings: start.holdings, postures: start.postures };
    const a = analyseDebrief(s, from, record, ['regime', 'us']);
    if (a.status !== 'ok') throw new Error(a.problem);
    expect(a.kind).toBe('debrief');
    expect(a.parameters).toEqual({ round: 1, pair: ['regime', 'us'] });
    expect(a.method).toMatch(/best responses/);
    expect(a.method).toMatch(/bargaining: one-round move pairs enumerated from the given state/);
    expect(a.exact).toBe(a.report.game.leftOut.length === 0);
    expect(a.inputHash).toBe(hashInput({ scenario: s, round: 1, pair: ['regime', 'us'], start: from, record }));
    expect(a.report).toEqual(debriefReport(s, from, record, ['regime', 'us']));
    const b = analyseDebrief(s, { world: second.start.world, holdings: second.start.holdings, postures: second.start.postures }, record, ['regime', 'us']);
    if (b.status !== 'ok') throw new Error(b.problem);
    expect(b.inputHash).not.toBe(a.inputHash);
    expect(b.parameters).toEqual(a.parameters);
  });

  it('answers bad input with a problem, not an exception', async () => {
    const s = await belarus();
    const [{ start, record }] = await december2025(s);
    const from = { world: start.world, holdings: start.holdings, postures: start.postures };
    expect(analyseDebrief(s, { ...from, world: [0.5] }, record, null)).toEqual({
      status: 'invalid',
      kind: 'debrief',
      problem: `the round's starting state has 1 values; the scenario has ${s.dimensions.length} dimensions`,
    });
    const tampered = { ...record, actors: { ...record.actors, us: { ...record.actors.us!, move: 'release_123' } } };
    expect(analyseDebrief(s, from, tampered, null)).toEqual({ status: 'invalid', kind: 'debrief', problem: 'round 1: "release_123" is not a move of us' });
    const r = analyseDebrief(s, from, record, ['regime', 'nobody']);
    if (r.status !== 'ok') throw new Error(r.problem);
    expect(r.report.bargaining).toEqual({ status: 'invalid', problem: 'unknown actor "nobody"' });
  });
});
