import { describe, expect, it } from 'vitest';
import {
  applyMoves,
  applyVariants,
  dimensionIndex,
  formatConstraint,
  isAcceptable,
  utility,
  utilityTerms,
  violations,
  fromNatural,
  toNatural,
  type Actor,
  type Scenario,
} from '../../../models/domain/index';
import { parsedBuiltin } from '../../fixtures/builtins';

const dims = new Map([
  ['a', 0],
  ['b', 1],
]);
const actor: Actor = {
  id: 'x',
  name: 'X',
  short: 'X',
  description: '',
  capability: 1,
  patience: 0.9,
  source: 'assumption: test',
  ideal: { a: 1, b: 0.2 },
  salience: { a: 0.75, b: 0.25 },
  minimum: [{ id: 'm', label: 'a high enough', coeffs: { a: 1 }, op: '>=', rhs: 0.5, source: 'assumption: test' }],
};

describe('utility: 1 − salience-weighted L1 distance', () => {
  it('is 1 at the ideal and falls linearly', () => {
    expect(utility(actor, dims, [1, 0.2])).toBe(1);
    expect(utility(actor, dims, [0.6, 0.4])).toBeCloseTo(1 - 0.75 * 0.4 - 0.25 * 0.2, 12);
  });
  it('marks outcomes outside the minimum unacceptable and says by how much', () => {
    expect(isAcceptable(actor, dims, [0.5, 0])).toBe(true);
    expect(isAcceptable(actor, dims, [0.4, 0])).toBe(false);
    expect(violations(actor, dims, [0.4, 0])[0]!.by).toBeCloseTo(0.1, 12);
    expect(formatConstraint(actor.minimum[0]!)).toBe('a ≥ 0.5');
  });
  it('reads term by term; a stock held as leverage is marked, and spending it costs its holding value', () => {
    const holder: Actor = { ...actor, leverage: [{ asset: 'chips', dimension: 'a', held: 'high', source: 'assumption: test' }] };
    const terms = utilityTerms(holder, dims, [0.6, 0.4]);
    expect(terms.map((t) => [t.dimension, t.leverage?.asset ?? null])).toEqual([
      ['a', 'chips'],
      ['b', null],
    ]);
    expect(1 - terms.reduce((x, t) => x + t.loss, 0)).toBeCloseTo(utility(holder, dims, [0.6, 0.4]), 12);
    // Giving up 0.2 of the stock alone costs 0.75 × 0.2.
    expect(utility(holder, dims, [0.4, 0.4]) - utility(holder, dims, [0.6, 0.4])).toBeCloseTo(-0.15, 12);
    // A leverage entry whose dimension is not at the held end is not read as leverage.
    expect(utilityTerms({ ...holder, ideal: { a: 0.5, b: 0.2 } }, dims, [0.6, 0.4])[0]!.leverage).toBeUndefined();
  });
});

describe('moves', () => {
  const mk = (id: string, effects: any[]) => ({ id, actor: 'x', label: id, description: '', effects, tone: 'neutral' as const, source: 'assumption: test' });
  it('add deltas simultaneously, then apply sets, then clamp to [0, 1]', () => {
    const next = applyMoves(
      dims,
      [0.5, 0.9],
      [
        mk('p', [
          { dimension: 'a', delta: 0.3 },
          { dimension: 'b', delta: 0.3 },
        ]),
        mk('q', [{ dimension: 'a', delta: 0.4 }]),
      ],
    );
    expect(Array.from(next)).toEqual([1, 1]);
    const withSet = applyMoves(dims, [0.5, 0.5], [mk('p', [{ dimension: 'a', set: 0 }]), mk('q', [{ dimension: 'a', delta: 0.4 }])]);
    expect(withSet[0]).toBe(0);
  });
  it('apply interaction effects only when every named move is played', () => {
    const it1 = { id: 'i', when: ['p', 'q'], effects: [{ dimension: 'b', delta: -0.5 }], source: 'assumption: test' };
    expect(applyMoves(dims, [0.5, 0.5], [mk('p', [])], [it1])[1]).toBe(0.5);
    expect(applyMoves(dims, [0.5, 0.5], [mk('p', []), mk('q', [])], [it1])[1]).toBe(0);
  });
});

describe('natural units', () => {
  it('map prisoners and potash both ways', async () => {
    const p = (await parsedBuiltin('belarus')).dimensions.find((d) => d.id === 'prisoners')!;
    expect(toNatural(p, fromNatural(p, 1107))).toBeCloseTo(1107, 9);
  });
});

describe('variants', () => {
  it('apply in order without touching the input, and refuse unknown ids', async () => {
    const s: Scenario = await parsedBuiltin('belarus');
    const v = applyVariants(s, ['russia-limit', 'grey']);
    expect(v.ok).toBe(true);
    if (!v.ok) return;
    const russia = v.value.scenario.actors.find((a) => a.id === 'russia')!;
    expect(russia.minimum.map((c) => c.id)).not.toContain('military-orientation-under-its-control');
    expect(s.actors.find((a) => a.id === 'russia')!.minimum.map((c) => c.id)).toContain('military-orientation-under-its-control');
    expect([...v.value.excludedFromCore]).toEqual(['opposition']);
    expect(applyVariants(s, ['atlantis'])).toEqual({
      ok: false,
      problem:
        'unknown variant "atlantis" (known: russia-limit, us-buffer, klaipeda-reopens, us-transactional, grey-russia-limit, ukraine-change-of-power, grey, golden)',
    });
    const x = dimensionIndex(v.value.scenario);
    expect(x.size).toBe(14);
  });
});
