import fc from 'fast-check';
import highsLoader from 'highs';
import { describe, expect, it } from 'vitest';
import {
  COMMON_CORE_MAX_ACTORS,
  chebyshevCentre,
  commonCore,
  commonCoreAnswers,
  compatibleSet,
  searchSets,
} from '../../../../models/analysis/commonCore/index';
import { LIMITS } from '../../../../models/scenario/limits';
import { applyVariants, type Scenario } from '../../../../models/domain/index';
import { setHighsLoader } from '../../../../models/game/lp';
import { parsedBuiltin } from '../../../fixtures/builtins';
import { toy } from './toy';

async function belarus(variants: string[] = []) {
  const v = applyVariants(await parsedBuiltin('belarus'), variants);
  if (!v.ok) throw new Error(v.problem);
  const actors = v.value.scenario.actors.map((a) => a.id).filter((id) => !v.value.excludedFromCore.has(id));
  return { s: v.value.scenario, actors };
}

describe('Chebyshev centre', () => {
  it('of the lower-left quarter of the unit square is (0.25, 0.25) with radius 0.25', async () => {
    const s = toy(['x', 'y'], [[{ coeffs: { x: 1 }, op: '<=', rhs: 0.5 }], [{ coeffs: { y: 1 }, op: '<=', rhs: 0.5 }]]);
    const r = await chebyshevCentre(s, ['a0', 'a1']);
    expect(r.status).toBe('ok');
    if (r.status !== 'ok') return;
    expect(r.centre.x).toBeCloseTo(0.25, 6);
    expect(r.centre.y).toBeCloseTo(0.25, 6);
    expect(r.radius).toBeCloseTo(0.25, 6);
    expect(r.binding.map((b) => b.actor).sort()).toEqual(['a0', 'a1']);
  });
  it('of the triangle x, y ≥ 0, x + y ≤ 1 has the inradius 1 / (2 + √2)', async () => {
    // Triangle x ≥ 0, y ≥ 0, x + y ≤ 1: inradius = 1 / (2 + √2).
    const s = toy(['x', 'y'], [[{ coeffs: { x: 1, y: 1 }, op: '<=', rhs: 1 }]]);
    const r = await chebyshevCentre(s, ['a0']);
    if (r.status !== 'ok') throw new Error('should be ok');
    expect(r.radius).toBeCloseTo(1 / (2 + Math.SQRT2), 6);
    expect(r.centre.x).toBeCloseTo(1 / (2 + Math.SQRT2), 6);
  });
  it('reports an empty intersection', async () => {
    const s = toy(['x'], [[{ coeffs: { x: 1 }, op: '<=', rhs: 0.3 }], [{ coeffs: { x: 1 }, op: '>=', rhs: 0.5 }]]);
    expect((await chebyshevCentre(s, ['a0', 'a1'])).status).toBe('empty');
  });
});

describe('maximal compatible sets and minimal exits', () => {
  it('known set system on one dimension', async () => {
    const s = toy(
      ['x'],
      [
        [{ coeffs: { x: 1 }, op: '<=', rhs: 0.3 }],
        [{ coeffs: { x: 1 }, op: '>=', rhs: 0.5 }],
        [{ coeffs: { x: 1 }, op: '<=', rhs: 0.6 }],
        [{ coeffs: { x: 1 }, op: '>=', rhs: 0.2 }],
      ],
    );
    const r = await searchSets(s, ['a0', 'a1', 'a2', 'a3']);
    expect(r.maximalCompatibleSets).toEqual([
      ['a0', 'a2', 'a3'],
      ['a1', 'a2', 'a3'],
    ]);
    expect(r.minimalExitSets).toEqual([['a0'], ['a1']]);
    expect(r.pairs['a0|a1']).toBe(false);
    expect(r.pairs['a0|a2']).toBe(true);
  });

  it('property: each maximal set is compatible and adding any other actor breaks it', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({ lo: fc.double({ min: 0, max: 1, noNaN: true }), w: fc.double({ min: 0, max: 0.6, noNaN: true }), d: fc.integer({ min: 0, max: 1 }) }),
          { minLength: 2, maxLength: 6 },
        ),
        async (specs) => {
          const s = toy(
            ['x', 'y'],
            specs.map(({ lo, w, d }) => [
              { coeffs: { [d ? 'y' : 'x']: 1 }, op: '>=', rhs: lo },
              { coeffs: { [d ? 'y' : 'x']: 1 }, op: '<=', rhs: Math.min(1, lo + w) },
            ]),
          );
          const ids = s.actors.map((a) => a.id);
          const r = await searchSets(s, ids);
          for (const set of r.maximalCompatibleSets) {
            expect(await compatibleSet(s, set)).toBe(true);
            for (const other of ids.filter((i) => !set.includes(i))) expect(await compatibleSet(s, [...set, other])).toBe(false);
          }
        },
      ),
      { numRuns: 25 },
    );
  });
});

describe('compatible sets certified by witnesses', () => {
  // Every subset of the actors, asked of the LP one by one: what the search must agree with.
  async function bruteForce(s: Scenario, ids: string[]): Promise<string[][]> {
    const ok: string[][] = [];
    for (let m = 1; m < 1 << ids.length; m++) {
      const set = ids.filter((_, i) => m & (1 << i));
      if (await compatibleSet(s, set)) ok.push(set);
    }
    const within = (a: string[], b: string[]) => a.every((x) => b.includes(x));
    return ok
      .filter((a) => !ok.some((b) => b.length > a.length && within(a, b)))
      .map((a) => a.join())
      .sort() as unknown as string[][];
  }

  it('property: on random half-spaces in three dimensions the search finds exactly the maximal sets the LP finds', async () => {
    const coef = fc.double({ min: -1, max: 1, noNaN: true });
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.array(fc.record({ a: coef, b: coef, c: coef, ge: fc.boolean(), rhs: fc.double({ min: -0.5, max: 1.5, noNaN: true }) }), {
            minLength: 1,
            maxLength: 3,
          }),
          { minLength: 2, maxLength: 6 },
        ),
        async (actors) => {
          const s = toy(
            ['x', 'y', 'z'],
            actors.map((m) => m.map(({ a, b, c, ge, rhs }) => ({ coeffs: { x: a, y: b, z: c }, op: ge ? '>=' : '<=', rhs }))),
          );
          const ids = s.actors.map((a) => a.id);
          const r = await searchSets(s, ids);
          expect(r.maximalCompatibleSets.map((m) => m.join()).sort()).toEqual(await bruteForce(s, ids));
        },
      ),
      { numRuns: 40 },
    );
  });

  it('a set that meets in a single point is compatible, and one a hair apart is not', async () => {
    const touching = toy(
      ['x'],
      [[{ coeffs: { x: 1 }, op: '>=', rhs: 0.5 }], [{ coeffs: { x: 1 }, op: '<=', rhs: 0.5 }], [{ coeffs: { x: 2 }, op: '<=', rhs: 1 }]],
    );
    expect((await searchSets(touching, ['a0', 'a1', 'a2'])).maximalCompatibleSets).toEqual([['a0', 'a1', 'a2']]);
    const apart = toy(
      ['x'],
      [[{ coeffs: { x: 1 }, op: '>=', rhs: 0.5 }], [{ coeffs: { x: 1 }, op: '<=', rhs: 0.5 - 1e-4 }], [{ coeffs: { x: 2 }, op: '<=', rhs: 1 }]],
    );
    expect((await searchSets(apart, ['a0', 'a1', 'a2'])).maximalCompatibleSets).toEqual([
      ['a0', 'a2'],
      ['a1', 'a2'],
    ]);
  });

  it('on Belarus most candidate sets are settled by a witness, not an LP', async () => {
    // Shift one of Russia's bounds to a value no other test uses, so nothing is remembered.
    const { s, actors } = await belarus(['grey']);
    const fresh = { ...s, actors: s.actors.map((a) => ({ ...a, minimum: a.minimum.map((c) => ({ ...c, rhs: c.rhs + 1e-6 * (c.op === '<=' ? 1 : -1) })) })) };
    const r = await searchSets(fresh, actors);
    // Every maximal set is compatible, and the number of candidates the level-wise search asked
    // about is at least the number of compatible sets it found (each subset of a maximal set).
    const subsets = new Set(
      r.maximalCompatibleSets.flatMap((m) => Array.from({ length: (1 << m.length) - 1 }, (_, k) => m.filter((_, i) => (k + 1) & (1 << i)).join())),
    );
    expect(subsets.size).toBeGreaterThan(100);
    expect(r.lps).toBeLessThan(subsets.size / 4);
  });
});

describe('what the Belarus scenario shows', () => {
  it('Russia is the principal test: under the control reading it belongs to the minimal exit sets', async () => {
    const { s, actors } = await belarus();
    const r = await commonCore(s, actors);
    expect(r.nonEmpty).toBe(false);
    expect(r.minimalExitSets.some((e) => e.includes('russia'))).toBe(true);
    expect(r.maximalCompatibleSets.every((m) => !(m.includes('russia') && m.includes('poland')))).toBe(true);
  });

  it('under the limit reading a non-Western but separate core includes Russia', async () => {
    const { s, actors } = await belarus(['russia-limit']);
    const r = await commonCore(s, actors);
    const withRussia = r.maximalCompatibleSets.find((m) => m.includes('russia'))!;
    expect(withRussia).toEqual(['regime', 'russia', 'ukraine', 'poland', 'lithuania', 'latvia', 'eu', 'us', 'china']);
    const centre = await chebyshevCentre(s, withRussia);
    if (centre.status !== 'ok') throw new Error('core must exist');
    expect(centre.centre.sovereignty).toBeGreaterThanOrEqual(0.4);
    expect(centre.centre.western_alignment).toBeLessThanOrEqual(0.2 + 1e-9);
  });

  it('a grey core exists without democratic change; the golden one not while regime and Russia are in', async () => {
    const grey = await belarus(['grey', 'russia-limit']);
    const g = await commonCore(grey.s, grey.actors);
    expect(g.nonEmpty).toBe(true);
    expect(g.chebyshevCentre!.democracy).toBeLessThanOrEqual(0.2 + 1e-9);
    const golden = await belarus(['golden']);
    const d = await commonCore(golden.s, golden.actors);
    expect(d.nonEmpty).toBe(false);
    expect(
      d.maximalCompatibleSets.filter((m) => m.includes('eu') && m.includes('opposition')).every((m) => !m.includes('regime') && !m.includes('russia')),
    ).toBe(true);
    expect(d.minimalExitSets).toContainEqual(['regime', 'russia']);
  });

  it("Kyiv's and Minsk's minimums meet on 'no second front'", async () => {
    const { s } = await belarus();
    expect(await compatibleSet(s, ['regime', 'ukraine'])).toBe(true);
    const tagged = (id: string) => s.actors.find((a) => a.id === id)!.minimum.filter((c) => c.tags?.includes('no-second-front')).length;
    expect(tagged('regime')).toBeGreaterThan(0);
    expect(tagged('ukraine')).toBeGreaterThan(0);
  });
});

describe('reuse of answers', () => {
  it('a changed minimum is recomputed; a changed ideal keeps the sets and moves the utilities', async () => {
    const s = toy(['x', 'y'], [[{ coeffs: { x: 1 }, op: '>=', rhs: 0.4 }], [{ coeffs: { x: 1 }, op: '<=', rhs: 0.6 }]]);
    const kept = commonCoreAnswers();
    const a = await commonCore(s, undefined, kept);
    expect(a.nonEmpty).toBe(true);
    // Same polytope again: the same answer, and a copy (changing it does not change the next one).
    const again = await commonCore(s, undefined, kept);
    expect(again).toEqual(a);
    again.maximalCompatibleSets.push(['tampered']);
    expect((await commonCore(s, undefined, kept)).maximalCompatibleSets).toEqual(a.maximalCompatibleSets);
    // A minimum moved so the two no longer meet: not a stale answer.
    const apart = { ...s, actors: s.actors.map((x, i) => (i === 1 ? { ...x, minimum: [{ ...x.minimum[0]!, rhs: 0.3 }] } : x)) };
    const b = await commonCore(apart, undefined, kept);
    expect(b.nonEmpty).toBe(false);
    expect(b.minimalExitSets).toEqual([['a0'], ['a1']]);
    // Only an ideal changed: same sets and centre, utilities at the centre follow the new ideal.
    const moved = { ...s, actors: s.actors.map((x, i) => (i === 0 ? { ...x, ideal: { x: 1, y: 1 } } : x)) };
    const c = await commonCore(moved, undefined, kept);
    expect(c.maximalCompatibleSets).toEqual(a.maximalCompatibleSets);
    expect(c.chebyshevCentre).toEqual(a.chebyshevCentre);
    expect(c.utilityAtCentre.a0).toBeLessThan(a.utilityAtCentre.a0!);
    expect(c.utilityAtCentre.a1).toBeCloseTo(a.utilityAtCentre.a1!, 12);
  });

  it('answers kept in a store are reused; a fresh store, or none, computes the same answer from nothing', async () => {
    const { s, actors } = await belarus(['grey']);
    // Count the programs that reach HiGHS.
    const plain = await highsLoader();
    let calls = 0;
    setHighsLoader(async () => ({ ...plain, raw: { ...plain.raw, lpCall: (m: Parameters<typeof plain.raw.lpCall>[0]) => (calls++, plain.raw.lpCall(m)) } }));
    try {
      const store = commonCoreAnswers();
      const first = await commonCore(s, actors, store);
      const fromNothing = calls;
      expect(fromNothing).toBeGreaterThan(0);
      const kept = await commonCore(JSON.parse(JSON.stringify(s)) as Scenario, actors, store);
      expect(kept).toEqual(first);
      expect(calls).toBe(fromNothing);
      const again = await commonCore(s, actors, commonCoreAnswers());
      expect(again).toEqual(first);
      expect(calls).toBe(2 * fromNothing);
      // No store: nothing is kept between calls, so a report's LP count never depends on what ran before.
      const alone = await commonCore(s, actors);
      expect(alone).toEqual(first);
      expect(calls).toBe(3 * fromNothing);
      expect((await commonCore(s, actors)).lps).toBe(first.lps);
      expect(calls).toBe(4 * fromNothing);
    } finally {
      setHighsLoader(() => highsLoader());
    }
  });
});

describe('size limits: too-large answers, not throws', () => {
  const many = (n: number) =>
    toy(
      ['x'],
      Array.from({ length: n }, () => [{ coeffs: { x: 1 }, op: '>=' as const, rhs: 0.1 }]),
    );
  it('the common-core limit is below the scenario limit, and every size between is answered too-large', () => {
    expect(COMMON_CORE_MAX_ACTORS).toBeLessThan(LIMITS.actors);
  });
  for (const n of [31, LIMITS.actors])
    it(`${n} actors get the too-large answer, saying why`, async () => {
      const s = many(n);
      const r = await commonCore(
        s,
        s.actors.map((a) => a.id),
      );
      expect(r.status).toBe('too-large');
      expect(r.message).toContain(`${n} actors`);
      expect(r.exact).toBe(false);
      expect(r.maximalCompatibleSets).toEqual([]);
    });
  it('an exponential search stops at its budget and says so', async () => {
    const s = many(20);
    const r = await searchSets(
      s,
      s.actors.map((a) => a.id),
      commonCoreAnswers(),
      { maxSets: 1_000 },
    );
    expect(r.status).toBe('too-large');
    expect(r.message).toMatch(/stopped after 1,000 candidate sets/);
    expect(r.sets).toBeLessThanOrEqual(1_001);
  });
  it('Belarus is answered in full under the default budget', async () => {
    const { s, actors } = await belarus();
    const r = await commonCore(s, actors);
    expect(r.status).toBe('ok');
    expect(r.exact).toBe(true);
  });
});
