import { describe, expect, it } from 'vitest';
import {
  KTAB_DEFAULTS,
  coalitions,
  distance,
  estimatedRisk,
  interpolateBargain,
  pce,
  riskFromProbabilities,
  riskUtility,
  runSmp,
  smpParameters,
  victoryProbability,
  vote,
  whyMoved,
  type SmpActor,
  type SmpInput,
  type SmpRun,
} from '../../../../models/analysis/spatial/index';

const actor = (name: string, influence: number, x: number, s = 100): SmpActor => ({ name, description: '', influence, position: [x], salience: [s] });
const oneDim = (actors: SmpActor[]): SmpInput => ({ title: 'case', description: '', dimensions: [{ name: 'D' }], actors });

function run(input: SmpInput, changes: Record<string, unknown> = {}): SmpRun {
  const p = smpParameters(changes);
  if (!p.ok) throw new Error(p.problem);
  const r = runSmp(input, p.value);
  if (r.status !== 'ok') throw new Error(r.problem);
  return r.run;
}

describe('voting primitives (KTAB user guide figures)', () => {
  it.each([
    ['Linear', 2 / 3],
    ['Square', 4 / 5],
    ['Quartic', 16 / 17],
    ['Octic', 256 / 257],
    ['Binary', 1],
  ] as const)('a 2:1 strength ratio under %s gives the stronger side %d', (model, p) => {
    expect(victoryProbability(model, 2, 1)).toBeCloseTo(p, 9);
    expect(victoryProbability(model, 1, 2)).toBeCloseTo(1 - p, 9);
  });
  it('two empty coalitions are an even contest', () => {
    for (const m of ['Linear', 'Square', 'Binary'] as const) expect(victoryProbability(m, 0, 0)).toBe(0.5);
  });
  it.each([
    ['Prop', 0.5],
    ['PropBin', 2 * (0.8 * 0.25 + 0.2)],
    ['Binary', 2],
    ['PropCbc', (2 * (0.25 + 0.25 ** 3)) / 2],
    ['ASymProsp', (2 * 2 * 0.25) / 3],
    ['Cubic', 2 * 0.25 ** 3],
  ] as const)('%s: weight 2, utilities 0.75 vs 0.5 → vote %d', (rule, v) => {
    expect(vote(rule, 2, 0.75, 0.5)).toBeCloseTo(v, 12);
  });
  it('ASymProsp counts a loss in full', () => {
    expect(vote('ASymProsp', 2, 0.5, 0.75)).toBeCloseTo(-0.5, 12);
  });
  it('the Conditional PCE of a 2:1 contest is 2/3 : 1/3, and the Markov chains agree on two options', () => {
    // Voter 0 (weight 2) prefers option 0 by 1, voter 1 (weight 1) prefers option 1 by 1.
    const C = coalitions('Prop', [2, 1], (k, o) => (k === o ? 1 : 0), 2, 2);
    for (const m of ['Conditional', 'MarkovUniform', 'MarkovIncentive'] as const) {
      const p = pce(m, 'Linear', C, 2);
      expect(p[0]).toBeCloseTo(2 / 3, 9);
      expect(p[1]).toBeCloseTo(1 / 3, 9);
    }
  });
  it('utility with a risk attitude: 1 at the ideal, 0 at the far end, concave when averse, convex when seeking', () => {
    for (const R of [-1, -0.5, 0, 0.5, 1]) {
      expect(riskUtility(0, R)).toBe(1);
      expect(riskUtility(1, R)).toBe(0);
    }
    expect(riskUtility(0.5, 1)).toBe(0.75); // 1 − d²
    expect(riskUtility(0.5, 0)).toBe(0.5);
    expect(riskUtility(0.5, -1)).toBe(0.25); // (1 − d)²
  });
  it('risk attitudes span the BigRRange from the least to the most probable position', () => {
    expect(Array.from(riskFromProbabilities([0.1, 0.3, 0.6], 'Mid'))).toEqual([-0.5, expect.closeTo(0.1, 12), 1]);
    expect(Array.from(riskFromProbabilities([0.1, 0.6], 'Min'))).toEqual([0, 1]);
    expect(Array.from(riskFromProbabilities([0.1, 0.6], 'Max'))).toEqual([-1, 1]);
    expect(Array.from(riskFromProbabilities([0.5, 0.5], 'Mid'))).toEqual([1, 1]);
    expect(estimatedRisk('OneThird', 1, -0.5)).toBeCloseTo(0.5, 12);
    expect(estimatedRisk('None', 1, -0.5)).toBe(1);
    expect(estimatedRisk('Full', 1, -0.5)).toBe(-0.5);
  });
  it('distance weighs dimensions by squared salience and ignores those the actor does not care about', () => {
    expect(distance([0.5], [0.2], [0.7])).toBeCloseTo(0.5, 12);
    expect(distance([0.6, 0.2], [0, 0], [0.5, 0.5])).toBeCloseTo(Math.sqrt((0.36 * 0.25 + 0.04 * 0.25) / 0.4), 12);
    expect(distance([1, 0], [0.3, 0], [0.3, 1])).toBe(0);
  });
  it('bargains: S2P2 and S1P1 meet at the weighted average, S2PMax moves the likelier loser only', () => {
    // s = 1 each, P = 0.75 : 0.25. S2P2 weights 0.5625 : 0.0625 → 0.9·0 + 0.1·1 = 0.1.
    expect(interpolateBargain('S2P2', [0], [1], [1], [1], 0.75, 0.25).initiator[0]).toBeCloseTo(0.1, 12);
    // S1P1 weights 0.75 : 0.25 → 0.25.
    expect(interpolateBargain('S1P1', [0], [1], [1], [1], 0.75, 0.25).receiver[0]).toBeCloseTo(0.25, 12);
    // S2PMax: the initiator (likelier) stays at 0; the receiver moves 0.5 (gap) × 0.5 (share) of the way.
    const m = interpolateBargain('S2PMax', [0], [1], [1], [1], 0.75, 0.25);
    expect([m.initiator[0], m.receiver[0]]).toEqual([0, 0.75]);
    // A dimension neither cares about is left alone.
    const z = interpolateBargain('S2P2', [0, 0.2], [1, 0.9], [1, 0], [1, 0], 0.5, 0.5);
    expect([z.initiator[1], z.receiver[1]]).toEqual([0.2, 0.9]);
  });
});

describe('small cases worked by hand (KTAB defaults)', () => {
  it('two actors, A (influence 60 at 20) and B (40 at 80), both salience 100: they meet at 46.48', () => {
    /*
     * Risk. Risk-neutral utilities: each has 1 for its own position and 1 − 0.6 = 0.4 for the
     * other's. Votes for 20 over 80: A 60 × 0.6 = 36; for 80: B 40 × 0.6 = 24. P(20 beats 80) =
     * 36/60 = 0.6; Conditional PCE: p ∝ (½·0.6, ½·0.4) → (0.6, 0.4). BigRRange Mid: A, the more
     * probable, R = 1 (averse); B R = −1/2.
     * A's challenge to B (A's perspective; A estimates B's R as 1 + (−1/2 − 1)/3 = 1/2):
     *   u_A(80) = (1 − 0.6)(1 + 1·0.6) = 0.64, u_B(20) as A sees it = 0.4·(1 + 0.3) = 0.52;
     *   votes: A 60·(1 − 0.64) = 21.6 for A, B 40·(1 − 0.52) = 19.2 for B → P = 21.6/40.8 = 9/17;
     *   B resists with probability 1 (salience 100), so EU = (1 − 0.64)(1 − 2·(1 − 9/17)) = 0.36/17 = 0.02118 > 0.
     * B's challenge to A (B's view: B's R −1/2, A's estimated −1/2 + 1.5/3 = 0):
     *   u_B(20) = 0.4·(1 − 0.3) = 0.28, u_A(80) = 0.4; votes A 60·0.6 = 36, B 40·0.72 = 28.8 →
     *   P = 28.8/64.8 = 4/9; EU = 0.72·(1 − 2·5/9) = −0.08 < 0: no challenge.
     * Bargain (S2P2, P 9/17 : 8/17, saliences 1): (81·20 + 64·80)/145 = 6740/145 = 46.4828.
     * Queues (status quo vs the bargain), each voter valuing the state by the sum of its utilities:
     *   A: status quo 1 + 0.64 = 1.64; bargain 2·(1 − 0.2648)(1 + 0.2648) = 1.8598 → +0.2198, vote 13.19;
     *   B: status quo 1 + 0.28 = 1.28; bargain 2·(1 − 0.3352)(1 − 0.1676) = 1.1068 → −0.1732, vote 6.93;
     *   P(bargain) = 13.19/20.12 = 0.6556: both adopt it. Turn 2: one position, no challenge: stable.
     */
    const r = run(oneDim([actor('A', 60, 20), actor('B', 40, 80)]));
    const t1 = r.turns[0]!;
    expect(Array.from(t1.positionProbabilities)).toEqual([expect.closeTo(0.6, 9), expect.closeTo(0.4, 9)]);
    expect(t1.riskAttitudes).toEqual([expect.closeTo(1, 9), expect.closeTo(-0.5, 9)]);
    expect(t1.challenges[0]).toMatchObject({ target: 1, probability: expect.closeTo(9 / 17, 9), expectedUtility: expect.closeTo(0.36 / 17, 9), resistance: 1 });
    expect(t1.challenges[1]).toBeNull();
    expect(t1.adoptions.map((a) => a.support)).toEqual([expect.closeTo(0.6556, 4), expect.closeTo(0.6556, 4)]);
    expect(r.positions[1]).toEqual([[expect.closeTo(6740 / 145, 6)], [expect.closeTo(6740 / 145, 6)]]);
    expect(r.turns).toHaveLength(2);
    expect(r.stop).toBe('stable');
  });

  it('two equal actors (50 at 20, 50 at 80): an even contest promises nothing, nobody moves', () => {
    /*
     * Each position wins the election with 1/2, so both are "most probable": R = 1 for both, and
     * each estimates the other's R as 1. u(other) = 0.4·1.6 = 0.64 for both; votes 50·0.36 each:
     * P = 1/2, EU = 0.36·(1 − 2·½) = 0: no gain, no challenge, stable after one turn.
     */
    const r = run(oneDim([actor('A', 50, 20), actor('B', 50, 80)]));
    expect(r.turns[0]!.challenges).toEqual([null, null]);
    expect(r.positions).toEqual([
      [[20], [80]],
      [[20], [80]],
    ]);
    expect(r.stop).toBe('stable');
  });

  it('a lone actor never moves', () => {
    const r = run(oneDim([actor('A', 10, 37)]));
    expect(r.positions).toEqual([[[37]], [[37]]]);
    expect(r.stop).toBe('stable');
  });

  it('a target that does not care yields: challenging a zero-salience actor is worth its whole distance', () => {
    // B has salience 0: it never resists, so A's gain is u_A(20) − u_A(80) whatever P is.
    const r = run(oneDim([actor('A', 10, 20), actor('B', 90, 80, 0)]));
    const c = r.turns[0]!.challenges[0]!;
    expect(c.resistance).toBe(0);
    expect(c.expectedUtility).toBeCloseTo(1 - riskUtility(0.6, r.turns[0]!.riskAttitudes[0]!), 9);
  });

  it('why did A move: its own challenge, with the probability and expected utility behind it', () => {
    const r = run(oneDim([actor('A', 60, 20), actor('B', 40, 80)]));
    const [a1] = whyMoved(r, 0);
    expect(a1).toMatchObject({ turn: 1, cause: 'own challenge', counterpart: 'B', moved: true, probability: expect.closeTo(9 / 17, 9) });
    expect(a1!.text).toContain('its own challenge to B');
    const [b1, b2] = whyMoved(r, 1);
    expect(b1).toMatchObject({ cause: 'challenged', counterpart: 'A' });
    expect(b1!.text).toMatch(/because A challenged it \(A put its own chance at 0\.529/);
    expect(b2).toMatchObject({ cause: 'status quo', moved: false, options: 1 });
  });

  it('every parameter is reported, with the method naming them', () => {
    const r = run(oneDim([actor('A', 60, 20), actor('B', 40, 80)]));
    expect(r.parameters).toEqual(KTAB_DEFAULTS);
    for (const [k, v] of Object.entries(KTAB_DEFAULTS)) if (typeof v === 'string') expect(r.method).toContain(`${k} ${v}`);
  });

  it('every named alternative runs', () => {
    const input = oneDim([actor('A', 60, 20), actor('B', 40, 80), actor('C', 25, 55, 50)]);
    for (const [k, values] of Object.entries({
      VictoryProbModel: ['Linear', 'Square', 'Quartic', 'Octic', 'Binary'],
      PCEModel: ['Conditional', 'MarkovIncentive', 'MarkovUniform'],
      VotingRule: ['Prop', 'PropBin', 'Binary', 'PropCbc', 'ASymProsp', 'Cubic'],
      BigRAdjust: ['None', 'OneThird', 'Half', 'TwoThirds', 'Full'],
      BigRRange: ['Min', 'Mid', 'Max'],
      ThirdPartyCommit: ['NoCommit', 'SemiCommit', 'FullCommit'],
      ContestCoalition: ['AllActors', 'Principals'],
      InterVecBrgn: ['S1P1', 'S2P2', 'S2PMax'],
      BargnModel: ['InitOnlyInterp', 'InitRcvrInterp', 'PWCompInterp'],
    }))
      for (const v of values) {
        const r = run(input, { [k]: v });
        for (const t of r.positions) for (const [x] of t) expect(x! >= 0 && x! <= 100).toBe(true);
      }
  });

  it('refuses bad parameters and bad input with the name of what is wrong', () => {
    expect(smpParameters({ VotingRule: 'Majority' })).toEqual({
      ok: false,
      problem: 'VotingRule must be one of Prop, PropBin, Binary, PropCbc, ASymProsp, Cubic (got Majority)',
    });
    expect(smpParameters({ maxTurns: 0 })).toMatchObject({ ok: false, problem: expect.stringContaining('maxTurns') });
    expect(smpParameters({ Speed: 1 })).toMatchObject({ ok: false, problem: expect.stringContaining('unknown parameter "Speed"') });
    expect(runSmp(oneDim([actor('A', -1, 20)]))).toEqual({ status: 'invalid', problem: 'actor 1 ("A"): influence must be a number ≥ 0 (got -1)' });
    expect(runSmp(oneDim([actor('A', 1, 120)]))).toEqual({ status: 'invalid', problem: 'actor 1 ("A"): position on "D" must lie in [0, 100] (got 120)' });
    expect(runSmp(oneDim([]))).toEqual({ status: 'invalid', problem: 'the scenario has no actor' });
  });
});
