/**
 * The plain-language summaries: the debrief's opening (who gained and lost, deals kept and
 * broken, theory's advice) and the whole run's summary (scores and turning points), checked
 * against the December 2025 run and against records altered to break a deal.
 */
import { describe, expect, it } from 'vitest';
import { debrief, debriefSummary, listWords, NOTABLE, roundGains, runSummary } from '../../../models/analysis/debrief';
import { checkRun, december2025Run, type RoundContext, type RoundRecord } from '../../../models/machines/index';
import { builtinDoc } from '../../../models/scenario/index';
import type { Scenario } from '../machines/domainBits';
import { belarus } from '../machines/fixtures';

type Round = { start: RoundContext; record: RoundRecord };
function december2025(s: Scenario): Round[] {
  const run = december2025Run(builtinDoc('belarus'));
  const r = checkRun(run, s);
  if (!r.ok) throw new Error(r.problem);
  const before = [r.replay.initial, ...r.replay.snapshots];
  const history = r.replay.final.context.history;
  return run.events.flatMap((e, i) => (e.type === 'START_ROUND' ? [before[i]!.context] : [])).map((start, k) => ({ start, record: history[k]! }));
}

describe('debrief summary', () => {
  it('names the largest gains and losses from the record, and says nothing of theory before the analysis comes', async () => {
    const s = await belarus();
    const [one] = december2025(s);
    const sum = debriefSummary(s, one!.record, null);
    const gains = roundGains(s, one!.record);
    expect(sum.gained.map((g) => g.actor)).toEqual(
      gains
        .filter((g) => g.change > NOTABLE)
        .slice(0, 3)
        .map((g) => g.actor),
    );
    expect(sum.gained[0]!.actor).toBe('us');
    for (const g of sum.lost) expect(g.change).toBeLessThan(-NOTABLE);
    // Most lost first.
    for (let i = 1; i < sum.lost.length; i++) expect(sum.lost[i]!.change).toBeGreaterThanOrEqual(sum.lost[i - 1]!.change);
    expect(sum.sentences[0]).toMatch(/^Gained most: US \(\+0\.\d{3}\)/);
    expect(sum.missed).toBeNull();
    expect(sum.offEquilibrium).toBeNull();
    expect(sum.sentences.join(' ')).not.toMatch(/Theory|equilibrium/);
  });

  it('with the analysis: the missed best responses, largest first, and who played off the best equilibrium', async () => {
    const s = await belarus();
    for (const { start, record } of december2025(s)) {
      const d = debrief(s, start, record);
      const sum = debriefSummary(s, record, d);
      const missed = d.bestResponses.filter((b) => b.gain > NOTABLE).sort((x, y) => y.gain - x.gain);
      expect(sum.missed).toEqual(missed.slice(0, 3));
      expect(sum.bestPlayed).toBe(d.bestResponses.length - missed.length);
      const text = sum.sentences.join(' ');
      if (missed.length) {
        const m = missed[0]!;
        const label = s.moves.find((x) => x.id === m.best)?.label ?? 'Hold';
        expect(text).toContain(`should have played “${label}”`);
      } else expect(text).toContain('Every actor already played its best reply');
      if (d.equilibrium) {
        const off = Object.keys(d.equilibrium).filter((a) => record.actors[a]!.move !== d.equilibrium![a]);
        expect(sum.offEquilibrium).toEqual(off);
        expect(text).toMatch(/pure Nash equilibrium/);
      }
    }
  });

  it('reports kept and broken deals, and minimums lost', async () => {
    const s = await belarus();
    const [one] = december2025(s);
    const deal = { id: 'd1', round: 0, parties: ['regime', 'us'], promises: { regime: 'release_123', us: 'ease_potash_partial' } };
    const r: RoundRecord = {
      ...one!.record,
      dealsDue: [
        { ...deal, brokenBy: [] },
        { ...deal, id: 'd2', parties: ['us', 'lithuania'], brokenBy: ['lithuania'] },
      ],
      actors: { ...one!.record.actors, poland: { ...one!.record.actors.poland!, acceptableBefore: true, acceptableAfter: false } },
    };
    const sum = debriefSummary(s, r, null);
    expect(sum.dealsHeld.map((d) => d.id)).toEqual(['d1']);
    expect(sum.dealsBroken.map((d) => d.id)).toEqual(['d2']);
    expect(sum.minimumLost).toEqual(['poland']);
    const text = sum.sentences.join(' ');
    expect(text).toContain('Deal kept: Regime & US.');
    expect(text).toContain('The deal US & Lithuania was broken by Lithuania.');
    expect(text).toContain('no longer meets the minimum of Poland');
  });

  it('lists words as a reader expects', () => {
    expect(listWords([])).toBe('');
    expect(listWords(['A'])).toBe('A');
    expect(listWords(['A', 'B'])).toBe('A and B');
    expect(listWords(['A', 'B', 'C'])).toBe('A, B and C');
  });
});

describe('run summary', () => {
  it('scores each actor from the first round’s start to the last round’s end, largest gain first', async () => {
    const s = await belarus();
    const rounds = december2025(s);
    const history = rounds.map((r) => r.record);
    const sum = runSummary(s, history);
    expect(sum.rounds).toBe(2);
    expect(sum.scores).toHaveLength(s.actors.length);
    for (const x of sum.scores) {
      expect(x.start).toBe(history[0]!.actors[x.actor]!.before);
      expect(x.end).toBe(history[1]!.actors[x.actor]!.after);
      expect(x.change).toBeCloseTo(x.end - x.start, 12);
      const perRound = history.map((h) => h.actors[x.actor]!.after - h.actors[x.actor]!.before);
      expect(Math.abs(x.biggestChange)).toBeCloseTo(Math.max(...perRound.map(Math.abs)), 12);
    }
    for (let i = 1; i < sum.scores.length; i++) expect(sum.scores[i]!.change).toBeLessThanOrEqual(sum.scores[i - 1]!.change);
    expect(sum.sentences[0]).toBe('2 rounds played.');
    expect(sum.metAtStart).toBe(s.actors.filter((a) => history[0]!.actors[a.id]!.acceptableBefore).length);
    expect(sum.metAtEnd).toBe(s.actors.filter((a) => history[1]!.actors[a.id]!.acceptableAfter).length);
  });

  it('turning points: the rounds with the largest swing and every round that changed how many minimums are met', async () => {
    const s = await belarus();
    const history = december2025(s).map((r) => r.record);
    const sum = runSummary(s, history);
    const swing = (h: RoundRecord) => s.actors.reduce((t, a) => t + Math.abs(h.actors[a.id]!.after - h.actors[a.id]!.before), 0);
    expect(sum.turningPoints.map((p) => p.swing)).toEqual(sum.turningPoints.map((p) => swing(history[p.round - 1]!)));
    // Both rounds moved someone: both are turning points here, in round order.
    expect(sum.turningPoints.map((p) => p.round)).toEqual([1, 2]);
    for (const p of sum.turningPoints) {
      const h = history[p.round - 1]!;
      const top = Math.max(...s.actors.map((a) => Math.abs(h.actors[a.id]!.after - h.actors[a.id]!.before)));
      expect(Math.abs(p.change)).toBeCloseTo(top, 12);
      expect(p.sentence).toMatch(new RegExp(`^Round ${p.round}: `));
    }
    // A round that moved nobody and kept every minimum is not a turning point.
    const quiet: RoundRecord = {
      ...history[1]!,
      round: 3,
      actors: Object.fromEntries(Object.entries(history[1]!.actors).map(([a, x]) => [a, { ...x, before: x.after, acceptableBefore: x.acceptableAfter }])),
      dealsDue: [],
    };
    expect(runSummary(s, [...history, quiet]).turningPoints.map((p) => p.round)).toEqual([1, 2]);
    // A broken deal makes the round a turning point, and is counted.
    const broken: RoundRecord = {
      ...quiet,
      round: 4,
      dealsDue: [{ id: 'd', round: 3, parties: ['regime', 'us'], promises: { regime: 'release_50', us: 'ease_potash_partial' }, brokenBy: ['regime'] }],
    };
    const withBroken = runSummary(s, [...history, quiet, broken]);
    expect(withBroken.turningPoints.map((p) => p.round)).toEqual([1, 2, 4]);
    expect(withBroken.dealsBroken).toBe(1);
    expect(withBroken.turningPoints[2]!.sentence).toContain('Regime broke the deal Regime & US');
  });

  it('says so when no round was played', async () => {
    const s = await belarus();
    const sum = runSummary(s, []);
    expect(sum.rounds).toBe(0);
    expect(sum.turningPoints).toEqual([]);
    expect(sum.sentences).toEqual(['No round has been played yet.']);
  });
});
