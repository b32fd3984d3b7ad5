import { describe, expect, it } from 'vitest';
import { boundSensitivity, describeInterval, standardClaims } from '../../../../models/analysis/commonCore/sensitivity';
import { compatibleSet } from '../../../../models/analysis/commonCore/index';
import { toy } from './toy';

describe('bound sensitivity', () => {
  it('two overlapping bounds on one line: the core stays non-empty while the lower bound is at most the upper one', async () => {
    const s = toy(['x'], [[{ coeffs: { x: 1 }, op: '>=', rhs: 0.4 }], [{ coeffs: { x: 1 }, op: '<=', rhs: 0.6 }]]);
    const r = await boundSensitivity(s, ['a0', 'a1'], standardClaims(['a0', 'a1']));
    const a0 = r.find((b) => b.actors[0] === 'a0')!;
    const empty = a0.claims.find((c) => c.claim === 'core-empty')!;
    expect(empty).toMatchObject({ holds: false, from: null, to: 0.6, toIncluded: true });
    expect(describeInterval(empty)).toBe('while the bound is ≤ 0.6');
    const a1 = r.find((b) => b.actors[0] === 'a1')!.claims.find((c) => c.claim === 'core-empty')!;
    expect(a1).toMatchObject({ holds: false, from: 0.4, fromIncluded: true, to: null });
  });

  it('an empty core opens once a bound passes the threshold, and the exits follow', async () => {
    // a0 wants x ≥ 0.7, a1 wants x ≤ 0.5, a2 wants x ≤ 0.6: empty; a0 is the only single exit.
    const s = toy(['x'], [[{ coeffs: { x: 1 }, op: '>=', rhs: 0.7 }], [{ coeffs: { x: 1 }, op: '<=', rhs: 0.5 }], [{ coeffs: { x: 1 }, op: '<=', rhs: 0.6 }]]);
    const ids = ['a0', 'a1', 'a2'];
    const r = await boundSensitivity(s, ids, standardClaims(ids));
    const byBound = (a: string, claim: string) => r.find((b) => b.actors[0] === a)!.claims.find((c) => c.claim === claim)!;
    // The core is empty while a0's floor stays above 0.5 (a1's ceiling).
    expect(byBound('a0', 'core-empty')).toMatchObject({ holds: true, from: 0.5, fromIncluded: false, to: null });
    // a0 alone is an exit while its floor is above 0.5.
    expect(byBound('a0', 'exit:a0')).toMatchObject({ holds: true, from: 0.5, fromIncluded: false });
    // a1 is not a single exit (a2 still blocks) until its ceiling reaches 0.7 — but then a2 still blocks; so never.
    expect(byBound('a1', 'exit:a1')).toMatchObject({ holds: false, from: null, to: null });
    // Raising a2's ceiling to 0.7 makes a1 the last blocker besides a0: a1 alone becomes an exit.
    expect(byBound('a2', 'exit:a1')).toMatchObject({ holds: false, to: 0.7, toIncluded: false });
    // Each interval's ends agree with the LP: just inside still holds, just outside does not.
    const moved = (rhs: number) => ({ ...s, actors: s.actors.map((a, i) => (i === 0 ? { ...a, minimum: [{ ...a.minimum[0]!, rhs }] } : a)) });
    expect(await compatibleSet(moved(0.5 + 1e-6), ids)).toBe(false);
    expect(await compatibleSet(moved(0.5), ids)).toBe(true);
  });

  it('a bound that a source states is not moved', async () => {
    const s = toy(['x'], [[{ coeffs: { x: 1 }, op: '>=', rhs: 0.4, source: 'seed:000 §4' }], [{ coeffs: { x: 1 }, op: '<=', rhs: 0.6 }]]);
    const r = await boundSensitivity(s, ['a0', 'a1'], standardClaims(['a0', 'a1']));
    expect(r.map((b) => b.actors[0])).toEqual(['a1']);
  });

  it('a pair on a bound: compatible until the bounds cross', async () => {
    const s = toy(['x', 'y'], [[{ coeffs: { x: 1, y: 1 }, op: '>=', rhs: 1.2 }], [{ coeffs: { x: 1 }, op: '<=', rhs: 0.5 }]]);
    const r = await boundSensitivity(s, ['a0', 'a1'], standardClaims(['a0', 'a1'], [['a0', 'a1']]));
    const pair = r.find((b) => b.actors[0] === 'a0')!.claims.find((c) => c.claim === 'pair:a0|a1')!;
    // x ≤ 0.5 and y ≤ 1: x + y reaches at most 1.5; the scale of x + y is [0, 2].
    expect(pair).toMatchObject({ holds: true, to: 1.5, toIncluded: true });
    expect(r.find((b) => b.actors[0] === 'a0')!.scale).toEqual([0, 2]);
  });
});
