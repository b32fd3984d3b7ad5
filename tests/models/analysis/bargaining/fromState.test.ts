/**
 * Bargaining from a round's position rather than the status quo: the disagreement point is the
 * starting state's utilities, every reported point is a lottery over outcomes reached from that
 * state by moves still legal there, and a spent asset or a barring posture takes moves off the
 * table.
 */
import { describe, expect, it } from 'vitest';
import { bilateralBargaining, type BargainingReport, type SolutionPoint } from '../../../../models/analysis/bargaining/index';
import { checkMove, initialHoldings, spendAssets, type Holdings } from '../../../../models/domain/legality';
import { applyMoves, dimensionIndex, initialState, utility, type Posture, type Scenario } from '../../../../models/domain/index';
import { checkRun, december2025Run } from '../../../../models/machines/index';
import { builtinDoc } from '../../../../models/scenario/index';
import { parsedBuiltin } from '../../../fixtures/builtins';

/** The position round 2 of the December 2025 run started from (after the prisoners-for-potash round). */
async function december2025Round2(s: Scenario) {
  const r = checkRun(december2025Run(builtinDoc('belarus')), s);
  if (!r.ok) throw new Error(r.problem);
  const i = r.replay.snapshots.findIndex((x, k) => k > 0 && x.context.round === 2);
  return r.replay.snapshots[i]!.context;
}

function ok(r: ReturnType<typeof bilateralBargaining>): BargainingReport {
  if (r.status !== 'ok') throw new Error(r.problem);
  return r.report;
}

/** Every point the report names: the frontier's vertices and the solutions. */
function points(b: BargainingReport): SolutionPoint[] {
  return [...b.frontier, b.nash, b.kalaiSmorodinsky, b.rubinstein.agreement, b.bestPureDeal].filter((p): p is NonNullable<typeof p> => p !== null);
}

/** Checks each point against outcomes recomputed from `state`: every part reachable and legal, the point their mixture. */
function expectReachedFrom(s: Scenario, b: BargainingReport, state: ArrayLike<number>, holdings: Holdings, postures: Record<string, Posture>) {
  const dims = dimensionIndex(s);
  const order = new Map(s.moves.map((m, i) => [m.id, i]));
  const byId = new Map(s.moves.map((m) => [m.id, m]));
  for (const p of points(b)) {
    expect(p.deal.reduce((t, part) => t + part.probability, 0)).toBeCloseTo(1, 12);
    for (const actor of b.pair) {
      const a = s.actors.find((x) => x.id === actor)!;
      let mixed = 0;
      for (const part of p.deal) {
        for (const m of part.moves) {
          expect(b.pair).toContain(byId.get(m)!.actor);
          expect(checkMove(s, dims, state, holdings, postures[byId.get(m)!.actor] ?? 'engaged', byId.get(m)!.actor, m).ok).toBe(true);
        }
        const moves = [...part.moves].sort((x, y) => order.get(x)! - order.get(y)!).map((m) => byId.get(m)!);
        const u = utility(a, dims, applyMoves(dims, state, moves, s.interactions));
        expect(part.utilities[actor]).toBeCloseTo(u, 12);
        mixed += part.probability * u;
      }
      expect(p.utilities[actor]).toBeCloseTo(mixed, 9);
      expect(p.gains[actor]).toBeCloseTo(p.utilities[actor]! - b.disagreement[actor]!, 12);
    }
  }
}

describe('bargaining from a given state', () => {
  it('from the status quo, with the opening holdings and postures, it is the default bargaining', async () => {
    const s = await parsedBuiltin('belarus');
    const plain = ok(bilateralBargaining(s, ['regime', 'us']));
    const fromState = ok(bilateralBargaining(s, ['regime', 'us'], { state: initialState(s) }));
    const opening = ok(bilateralBargaining(s, ['regime', 'us'], { state: Array.from(initialState(s)), holdings: initialHoldings(s), postures: {} }));
    expect({ ...fromState, method: '' }).toEqual({ ...plain, method: '' });
    expect({ ...opening, method: '' }).toEqual({ ...plain, method: '' });
    expect(plain.method).toMatch(/from the status quo;/);
    expect(opening.method).toMatch(/from the given state \(moves legal under the given holdings and postures\)/);
  });

  it('from round 2 of December 2025 the disagreement point is that position, and every point is reached from it', async () => {
    const s = await parsedBuiltin('belarus');
    const c = await december2025Round2(s);
    const dims = dimensionIndex(s);
    const b = ok(bilateralBargaining(s, ['regime', 'us'], { state: c.world, holdings: c.holdings, postures: c.postures }));
    for (const actor of ['regime', 'us']) expect(b.disagreement[actor]).toBeCloseTo(utility(s.actors.find((a) => a.id === actor)!, dims, c.world), 12);
    // The position differs from the status quo, and so does the disagreement point.
    const plain = ok(bilateralBargaining(s, ['regime', 'us']));
    expect(Math.abs(b.disagreement.regime! - plain.disagreement.regime!)).toBeGreaterThan(1e-3);
    expect(b.gainsFromTrade).toBe(true);
    expect(points(b).length).toBeGreaterThan(3);
    expectReachedFrom(s, b, c.world, c.holdings, c.postures);
    // Named deals are scored from the position too.
    for (const d of b.namedDeals) {
      const moves = d.moves.map((m) => s.moves.find((x) => x.id === m)!);
      const regime = s.actors.find((a) => a.id === 'regime')!;
      expect(d.gains.regime).toBeCloseTo(utility(regime, dims, applyMoves(dims, c.world, moves, s.interactions)) - utility(regime, dims, c.world), 12);
    }
  });

  it('a consumed asset takes its moves off the table: once the US has lifted its potash sanctions, no deal uses them', async () => {
    const s = await parsedBuiltin('belarus');
    const lift = s.moves.find((m) => m.id === 'lift_potash_sanctions')!;
    const potash = s.moves.filter((m) => m.asset === 'us_potash_sanctions').map((m) => m.id);
    expect(potash).toEqual(['ease_potash_partial', 'lift_potash_sanctions', 'reimpose_potash_sanctions']);
    const state = applyMoves(dimensionIndex(s), initialState(s), [lift], s.interactions);
    const holdings = spendAssets(initialHoldings(s), [lift]);
    expect(holdings.us_potash_sanctions!.held).toBe(false);
    const free = ok(bilateralBargaining(s, ['regime', 'us'], { state }));
    const spent = ok(bilateralBargaining(s, ['regime', 'us'], { state, holdings }));
    // Without the holdings the lifted sanctions could be lifted again; with them they cannot.
    expect(points(free).some((p) => p.deal.some((part) => part.moves.some((m) => potash.includes(m))))).toBe(true);
    expect(points(spent).some((p) => p.deal.some((part) => part.moves.some((m) => potash.includes(m))))).toBe(false);
    const regimeOptions = free.outcomes / (s.moves.filter((m) => m.actor === 'us').length + 1);
    expect(spent.outcomes).toBe(regimeOptions * (s.moves.filter((m) => m.actor === 'us').length + 1 - potash.length));
    expectReachedFrom(s, spent, state, holdings, {});
  });

  it('a posture that bars a move takes it off the table: a hard-line US offers no relief', async () => {
    const s = await parsedBuiltin('belarus');
    const engaged = ok(bilateralBargaining(s, ['regime', 'us'], { postures: { us: 'engaged' } }));
    const hardline = ok(bilateralBargaining(s, ['regime', 'us'], { postures: { us: 'hardline' } }));
    const barred = s.moves.filter((m) => m.actor === 'us' && m.postures && !m.postures.includes('hardline')).map((m) => m.id);
    expect(barred).toContain('lift_potash_sanctions');
    expect(points(engaged).some((p) => p.deal.some((part) => part.moves.some((m) => barred.includes(m))))).toBe(true);
    expect(points(hardline).some((p) => p.deal.some((part) => part.moves.some((m) => barred.includes(m))))).toBe(false);
    expectReachedFrom(s, hardline, initialState(s), initialHoldings(s), { us: 'hardline' });
  });

  it('rejects a starting state of the wrong length or with a value that is not a number', async () => {
    const s = await parsedBuiltin('belarus');
    expect(bilateralBargaining(s, ['regime', 'us'], { state: [0.5, 0.5] })).toEqual({
      status: 'invalid',
      problem: `the starting state has 2 values; the scenario has ${s.dimensions.length} dimensions`,
    });
    const bad = Array.from(initialState(s));
    bad[0] = Number.NaN;
    expect(bilateralBargaining(s, ['regime', 'us'], { state: bad })).toEqual({
      status: 'invalid',
      problem: 'the starting state holds a value that is not a finite number',
    });
  });
});
