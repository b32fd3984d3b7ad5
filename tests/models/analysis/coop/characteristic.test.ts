/**
 * The TU game derived from the outcome model: the fast outcome evaluation agrees with
 * `applyMoves`, the branch and bound agrees with plain enumeration, and a toy game comes out
 * as worked by hand.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  characteristicFunction,
  coopAnalysis,
  core,
  nucleolus,
  compileOutcomeModel,
  outcomeOf,
  utilityAt,
  worstExcess,
} from '../../../../models/analysis/coop/index';
import { applyMoves, dimensionIndex, utility, type Scenario } from '../../../../models/domain/index';
import { parsedBuiltin } from '../../../fixtures/builtins';

/** Two actors on two dimensions; each has one move. */
function toy(): Scenario {
  const dim = (id: string) => ({ id, label: id, description: '', low: '', high: '', source: 'assumption: test' });
  const actor = (id: string, ideal: Record<string, number>, salience: Record<string, number>) => ({
    id,
    name: id,
    short: id,
    description: '',
    ideal,
    salience,
    minimum: [],
    capability: 1,
    patience: 0.9,
    source: 'assumption: test',
  });
  return {
    format: 'coreplay-scenario',
    version: 1,
    id: 'toy',
    title: 'toy',
    description: '',
    sources: [],
    facts: [],
    assets: [],
    variants: [],
    dimensions: [dim('x'), dim('y')],
    initialState: { x: 0.5, y: 0.5 },
    actors: [actor('a', { x: 1, y: 1 }, { x: 0.5, y: 0.5 }), actor('b', { x: 0, y: 1 }, { x: 0.5, y: 0.5 })],
    moves: [
      // a's move pushes x up (good for a, bad for b); b's move pushes y up (good for both).
      { id: 'a_up', actor: 'a', label: '', description: '', effects: [{ dimension: 'x', delta: 0.2 }], tone: 'neutral', source: 'assumption: test' },
      { id: 'b_up', actor: 'b', label: '', description: '', effects: [{ dimension: 'y', delta: 0.4 }], tone: 'neutral', source: 'assumption: test' },
    ],
    interactions: [{ id: 'both', when: ['a_up', 'b_up'], effects: [{ dimension: 'y', set: 1 }], source: 'assumption: test' }],
  } as unknown as Scenario;
}

describe('outcome model', () => {
  it('agrees with applyMoves on random Belarus profiles', async () => {
    const s = await parsedBuiltin('belarus');
    const m = compileOutcomeModel(s);
    const dims = dimensionIndex(s);
    const byId = new Map(s.moves.map((mv) => [mv.id, mv]));
    await fc.assert(
      fc.asyncProperty(fc.tuple(...m.options.map((o) => fc.integer({ min: 0, max: o.length - 1 }))), async (choice) => {
        const x = outcomeOf(m, choice);
        const played = m.options
          .map((o, a) => o[choice[a]!]!.move)
          .filter((id): id is string => id !== null)
          .map((id) => byId.get(id)!);
        played.sort((p, q) => s.moves.indexOf(p) - s.moves.indexOf(q));
        const ref = applyMoves(dims, m.x0, played, s.interactions);
        for (let d = 0; d < m.dims; d++) expect(x[d]).toBeCloseTo(ref[d]!, 12);
        s.actors.forEach((a, i) => expect(utilityAt(m, i, x)).toBeCloseTo(utility(a, dims, ref), 12));
      }),
      { numRuns: 300 },
    );
  });
});

describe('characteristic function', () => {
  it('toy game worked by hand', () => {
    // Status quo (0.5, 0.5): u_a = 1 − 0.25 − 0.25 = 0.5, u_b = 1 − 0.25 − 0.25 = 0.5.
    // v({a}): a_up → x = 0.7: a gains 0.5·0.2 = 0.1.  v({b}): b_up → y = 0.9: b gains 0.5·0.4 = 0.2.
    // v({a, b}): b_up alone gives a 0.2 and b 0.2 → 0.4; with a_up too, y is set to 1 (interaction)
    // and x = 0.7: a gains 0.1 + 0.25 = 0.35, b gains 0.25 − 0.1 = 0.15 → 0.5, the best.
    const r = characteristicFunction(toy());
    if (r.status !== 'ok') throw new Error(r.problem);
    expect(r.game.players).toEqual(['a', 'b']);
    expect(Array.from(r.game.v).map((x) => +x.toFixed(12))).toEqual([0, 0.1, 0.2, 0.5]);
    expect(r.game.plans[3]).toEqual(['a_up', 'b_up']);
    expect(r.game.exact).toBe(true);
  });

  it('branch and bound equals plain enumeration on Belarus coalitions', async () => {
    const s = await parsedBuiltin('belarus');
    const m = compileOutcomeModel(s);
    const players = ['regime', 'russia', 'us', 'eu', 'lithuania', 'china'];
    const r = characteristicFunction(s, { actors: players });
    if (r.status !== 'ok') throw new Error(r.problem);
    const idx = players.map((p) => m.actors.indexOf(p));
    for (let S = 1; S < 1 << players.length; S++) {
      const mem = idx.filter((_, i) => S & (1 << i));
      let best = 0;
      const choice = new Array(m.actors.length).fill(0);
      const rec = (k: number) => {
        if (k === mem.length) {
          const x = outcomeOf(m, choice);
          let g = 0;
          for (const a of mem) g += utilityAt(m, a, x) - m.u0[a]!;
          best = Math.max(best, g);
          return;
        }
        for (let o = 0; o < m.options[mem[k]!]!.length; o++) {
          choice[mem[k]!] = o;
          rec(k + 1);
        }
        choice[mem[k]!] = 0;
      };
      rec(0);
      expect(r.game.v[S]).toBeCloseTo(best, 12);
    }
  });

  it('flags an inexact game when the node budget runs out, keeping lower bounds', async () => {
    const s = await parsedBuiltin('belarus');
    const exact = characteristicFunction(s);
    const capped = characteristicFunction(s, { nodeBudget: 500 });
    if (exact.status !== 'ok' || capped.status !== 'ok') throw new Error('should derive');
    expect(exact.game.exact).toBe(true);
    expect(capped.game.exact).toBe(false);
    expect(capped.game.openCoalitions.length).toBeGreaterThan(0);
    for (let S = 0; S < exact.game.v.length; S++) expect(capped.game.v[S]).toBeLessThanOrEqual(exact.game.v[S]! + 1e-12);
  });

  it('rejects unknown or duplicate players', async () => {
    const s = await parsedBuiltin('belarus');
    expect(characteristicFunction(s, { actors: ['regime', 'nobody'] }).status).toBe('invalid');
    expect(characteristicFunction(s, { actors: ['regime', 'regime'] }).status).toBe('invalid');
  });
});

describe('the Belarus cooperative game', () => {
  it('is exact over all 1,024 coalitions, and its reported allocations are consistent', async () => {
    const s = await parsedBuiltin('belarus');
    const r = await coopAnalysis(s);
    if (r.status !== 'ok') throw new Error(r.problem);
    const c = r.report;
    expect(c.exact).toBe(true);
    expect(c.players).toHaveLength(10);
    const sum = (x: Record<string, number>) => Object.values(x).reduce((a, b) => a + b, 0);
    expect(sum(c.shapley)).toBeCloseTo(c.grandCoalition.worth, 9);
    expect(sum(c.nucleolus!)).toBeCloseTo(c.grandCoalition.worth, 7);
    expect(c.coreEmpty).toBe((c.leastCore.epsilon ?? 0) > 1e-7);
    const g = characteristicFunction(s);
    if (g.status !== 'ok') throw new Error(g.problem);
    if (c.coreAllocation)
      expect(
        worstExcess(
          g.game.v,
          c.players.map((p) => c.coreAllocation![p]!),
        ).excess,
      ).toBeLessThanOrEqual(1e-7);
    const direct = await core(g.game.v);
    expect(direct.status === 'ok' && direct.empty).toBe(c.coreEmpty);
    const full = await nucleolus(g.game.v, { rows: 'all' });
    if (full.status !== 'ok') throw new Error(full.status);
    c.players.forEach((p, i) => expect(c.nucleolus![p]).toBeCloseTo(full.allocation[i]!, 7));
  });
});
