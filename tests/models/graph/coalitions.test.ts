import { describe, expect, it } from 'vitest';
import { initialHoldings } from '../../../models/domain/legality';
import { initialState } from '../../../models/domain/space';
import type { Scenario } from '../../../models/domain/types';
import { contentGroups, pairGains, playCoalitions } from '../../../models/graph/coalitions';

/**
 * Three actors on three dimensions: a trades x (which b wants) for y (which a wants); b trades
 * lowering z (which c wants) for c raising x (which b wants); a and c have nothing to offer each
 * other (both dislike x rising).
 */
function toy(): Scenario {
  const dim = (id: string) => ({ id, label: id, description: '', low: '', high: '', source: 'assumption: test' });
  const actor = (id: string, ideal: Record<string, number>, salience: Record<string, number>, minimum: any[] = []) => ({
    id,
    name: id.toUpperCase(),
    short: id.toUpperCase(),
    description: '',
    capability: 1,
    patience: 0.9,
    source: 'assumption: test',
    ideal,
    salience,
    minimum,
  });
  const move = (id: string, actor: string, effects: { dimension: string; delta: number }[]) => ({
    id,
    actor,
    label: id,
    description: '',
    effects,
    tone: 'cooperative' as const,
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
    interactions: [],
    variants: [],
    dimensions: ['x', 'y', 'z'].map(dim),
    initialState: { x: 0.5, y: 0.5, z: 0.5 },
    actors: [
      actor('a', { x: 0, y: 1, z: 0.5 }, { x: 0.2, y: 0.8, z: 0 }, [
        { id: 'm', label: 'a: y at least 0.4', coeffs: { y: 1 }, op: '>=', rhs: 0.4, source: 'assumption: test' },
      ]),
      actor('b', { x: 1, y: 0, z: 1 }, { x: 0.5, y: 0.2, z: 0.3 }),
      actor('c', { x: 0, y: 0.5, z: 0 }, { x: 0.3, y: 0, z: 0.7 }, [
        { id: 'm', label: 'c: z at most 0.4', coeffs: { z: 1 }, op: '<=', rhs: 0.4, source: 'assumption: test' },
      ]),
    ],
    moves: [
      move('a_gives_x', 'a', [{ dimension: 'x', delta: 0.2 }]),
      move('b_gives_y', 'b', [{ dimension: 'y', delta: 0.2 }]),
      move('b_gives_z_down', 'b', [{ dimension: 'z', delta: -0.2 }]),
      move('c_gives_x', 'c', [{ dimension: 'x', delta: 0.2 }]),
    ],
  } as unknown as Scenario;
}

const position = (s: Scenario, state: number[] = Array.from(initialState(s))) => ({
  scenario: s,
  state,
  holdings: initialHoldings(s),
  postures: Object.fromEntries(s.actors.map((a) => [a.id, 'engaged' as const])),
});

describe('coalitions of play', () => {
  it('joins the pairs with an exchange that pays both, and draws every maximal group', () => {
    const s = toy();
    const gains = pairGains(position(s));
    // a and b: a gives x, b gives y: a +0.8·0.2 − 0.2·0.2 = +0.12, b +0.5·0.2 − 0.2·0.2 = +0.06.
    const ab = gains.find((g) => g.actors.join() === 'a,b')!;
    expect(ab.moves).toEqual(['a_gives_x', 'b_gives_y']);
    expect(ab.gains[0]).toBeCloseTo(0.12, 12);
    expect(ab.gains[1]).toBeCloseTo(0.06, 12);
    // a and c: whatever they play, one of them loses.
    expect(gains.some((g) => g.actors.join() === 'a,c')).toBe(false);
    expect(playCoalitions(position(s)).map((c) => c.members)).toEqual([
      ['a', 'b'],
      ['b', 'c'],
    ]);
  });

  it('a broken deal keeps a pair apart for the next round', () => {
    const s = toy();
    const p = { ...position(s), broken: [['b', 'a'] as const] };
    expect(playCoalitions(p).map((c) => c.members)).toEqual([['b', 'c']]);
  });

  it('follows the state: who is content with it, and who could still gain from here', () => {
    const s = toy();
    expect(contentGroups(position(s)).map((g) => [g.id, g.members])).toEqual([
      ['content', ['a', 'b']],
      ['wants-change', ['c']],
    ]);
    const later = position(s, [0.9, 0.9, 0.3]);
    expect(contentGroups(later).map((g) => [g.id, g.members])).toEqual([['content', ['a', 'b', 'c']]]);
    // There b lowering z no longer pays for c raising x: only a and b still gain together.
    expect(playCoalitions(later).map((c) => c.members)).toEqual([['a', 'b']]);
  });
});
