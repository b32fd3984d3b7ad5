/** A team's brief: goals and minimum in natural units, what each move does on its own, the deals it owes. */
import { describe, expect, it } from 'vitest';
import { actorBrief, dealsOwed, effectWords, formatDelta, movePreview } from '../../../models/analysis/briefing';
import { applyMoves, dimensionIndex, initialState, isAcceptable, utility } from '../../../models/domain/index';
import type { Deal } from '../../../models/domain/round';
import { belarus } from '../machines/fixtures';

describe('actor brief', () => {
  it('lists the goals by salience, in natural units, with the stocks held as leverage', async () => {
    const s = await belarus();
    const world = initialState(s);
    const b = actorBrief(s, 'regime', world);
    const regime = s.actors.find((a) => a.id === 'regime')!;
    expect(b.goals.length).toBe(Object.values(regime.salience).filter((w) => w > 0).length);
    for (let i = 1; i < b.goals.length; i++) expect(b.goals[i]!.weight).toBeLessThanOrEqual(b.goals[i - 1]!.weight);
    const prisoners = b.goals.find((g) => g.dimension === 'prisoners')!;
    expect(prisoners.ideal).toMatch(/prisoners$/);
    expect(prisoners.now).toMatch(/^[\d,]+ prisoners$/);
    expect(prisoners.leverage).toBeTruthy();
    // Words for the goal where the dimension has no unit; the unit says it where it has one.
    expect(prisoners.idealWords).toBe('');
    const sovereignty = b.goals.find((g) => g.dimension === 'sovereignty')!;
    expect(sovereignty.idealWords).toBe(s.dimensions.find((d) => d.id === 'sovereignty')!.high);
    // The minimum: every condition, without the actor's name in front, and whether today's position meets it.
    expect(b.minimum).toHaveLength(regime.minimum.length);
    for (const c of b.minimum) expect(c.label).not.toMatch(/^(Regime|Lukashenka regime|Minsk):/);
    const dims = dimensionIndex(s);
    expect(b.minimum.every((c) => c.met)).toBe(isAcceptable(regime, dims, world));
    expect(b.assets.map((a) => a.id)).toEqual(s.assets.filter((a) => a.owner === 'regime' || a.coOwners?.includes('regime')).map((a) => a.id));
    expect(b.moves.map((m) => m.id)).toEqual(s.moves.filter((m) => m.actor === 'regime').map((m) => m.id));
    const release = b.moves.find((m) => m.id === 'release_123')!;
    expect(release.effects.join(' ')).toMatch(/−123 prisoners/);
  });

  it('refuses an unknown actor by name', async () => {
    const s = await belarus();
    expect(() => actorBrief(s, 'atlantis', initialState(s))).toThrow('no actor "atlantis"');
  });

  it('formats changes in the dimension’s unit, or on the scale without one', async () => {
    const s = await belarus();
    const prisoners = s.dimensions.find((d) => d.id === 'prisoners')!;
    const plain = s.dimensions.find((d) => !d.unit)!;
    expect(formatDelta(plain, -0.1)).toBe('−0.10');
    expect(formatDelta(plain, 0.05)).toBe('+0.05');
    const span = prisoners.unit!.at1 - prisoners.unit!.at0;
    expect(formatDelta(prisoners, 123 / span)).toBe('+123 prisoners');
    expect(effectWords(s, { dimension: plain.id, set: 0.5 })).toBe(`${plain.label} → 0.50`);
  });
});

describe('move preview', () => {
  it('is the utility change of the move played alone, and lists the dimensions it moves, the most cared-about first', async () => {
    const s = await belarus();
    const world = initialState(s);
    const dims = dimensionIndex(s);
    const regime = s.actors.find((a) => a.id === 'regime')!;
    const move = s.moves.find((m) => m.id === 'release_123')!;
    const p = movePreview(s, 'regime', world, move);
    const after = applyMoves(dims, world, [move], s.interactions);
    expect(p.utilityBefore).toBeCloseTo(utility(regime, dims, world), 12);
    expect(p.utilityAfter).toBeCloseTo(utility(regime, dims, after), 12);
    expect(p.change).toBeCloseTo(p.utilityAfter - p.utilityBefore, 12);
    // Releasing prisoners spends the regime's leverage: a loss on its own, the prisoners move away from its ideal.
    expect(p.change).toBeLessThan(0);
    const pr = p.changes.find((c) => c.dimension === 'prisoners')!;
    expect(pr.forActor).toBe('further');
    expect(pr.before).toMatch(/prisoners$/);
    expect(pr.after).toMatch(/prisoners$/);
    expect(p.changes.length).toBe(s.dimensions.filter((_, i) => Math.abs(after[i]! - world[i]!) > 1e-9).length);
    for (let i = 1; i < p.changes.length; i++) expect(p.changes[i]!.weight).toBeLessThanOrEqual(p.changes[i - 1]!.weight);
    // Holding changes nothing.
    const hold = movePreview(s, 'regime', world, null);
    expect(hold.change).toBe(0);
    expect(hold.changes).toEqual([]);
  });
});

describe('deals owed', () => {
  it('lists the actor’s promises due this round and what the others promised back', () => {
    const due: Deal[] = [
      { id: 'a', round: 1, parties: ['regime', 'us'], promises: { regime: 'release_300', us: 'ease_potash_partial' } },
      { id: 'b', round: 1, parties: ['poland', 'lithuania'], promises: { poland: 'open_crossings', lithuania: 'reopen_transit' } },
    ];
    expect(dealsOwed(due, 'regime')).toEqual([{ id: 'a', round: 1, mine: 'release_300', theirs: { us: 'ease_potash_partial' } }]);
    expect(dealsOwed(due, 'china')).toEqual([]);
  });
});
