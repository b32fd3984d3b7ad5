/**
 * TU-game solvers against textbook answers, and properties on random games.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  core,
  coalitionSum,
  gameFrom,
  leastCore,
  nucleolus,
  shapley,
  worstExcess,
  isSuperadditive,
  type Characteristic,
} from '../../../../models/analysis/coop/index';

const near = (xs: readonly number[], ys: readonly number[], digits = 6) => {
  expect(xs).toHaveLength(ys.length);
  xs.forEach((x, i) => expect(x).toBeCloseTo(ys[i]!, digits));
};

/** One left glove (player 0) and two right gloves: a pair is worth 1. */
const glove = gameFrom(3, (p) => (p.includes(0) && (p.includes(1) || p.includes(2)) ? 1 : 0));
/** Three-player simple majority: any two win. */
const majority = gameFrom(3, (p) => (p.length >= 2 ? 1 : 0));
/** Weighted voting game [quota; weights]. */
const voting = (quota: number, w: number[]) => gameFrom(w.length, (p) => (p.reduce((t, i) => t + w[i]!, 0) >= quota ? 1 : 0));
/** Bankruptcy game of estate E and claims d: v(S) = max(0, E − Σ_{i∉S} d_i). */
const bankruptcy = (E: number, d: number[]) => gameFrom(d.length, (p) => Math.max(0, E - d.reduce((t, di, i) => (p.includes(i) ? t : t + di), 0)));

describe('glove game (one left, two right gloves)', () => {
  it('has the one-point core (1, 0, 0): the scarce left glove takes everything', async () => {
    const c = await core(glove);
    if (c.status !== 'ok') throw new Error(c.status);
    expect(c.empty).toBe(false);
    near(c.allocation, [1, 0, 0]);
    const lc = await leastCore(glove);
    if (lc.status !== 'ok') throw new Error(lc.status);
    expect(lc.epsilon).toBeCloseTo(0, 9);
  });
  it('has Shapley value (2/3, 1/6, 1/6) and nucleolus (1, 0, 0)', async () => {
    const s = shapley(glove);
    if (s.status !== 'ok') throw new Error(s.status);
    near(s.value, [2 / 3, 1 / 6, 1 / 6], 12);
    const nu = await nucleolus(glove);
    if (nu.status !== 'ok') throw new Error(nu.status);
    near(nu.allocation, [1, 0, 0]);
  });
});

describe('three-player majority game', () => {
  it('has an empty core; the least core is (1/3, 1/3, 1/3) at ε = 1/3', async () => {
    const c = await core(majority);
    if (c.status !== 'ok') throw new Error(c.status);
    expect(c.empty).toBe(true);
    expect(c.shortfall).toBeCloseTo(0.5, 9); // the pair claims need 3/2 in total
    const lc = await leastCore(majority);
    if (lc.status !== 'ok') throw new Error(lc.status);
    expect(lc.epsilon).toBeCloseTo(1 / 3, 9);
    near(lc.allocation, [1 / 3, 1 / 3, 1 / 3]);
  });
  it('has nucleolus and Shapley value (1/3, 1/3, 1/3)', async () => {
    const nu = await nucleolus(majority);
    if (nu.status !== 'ok') throw new Error(nu.status);
    near(nu.allocation, [1 / 3, 1 / 3, 1 / 3]);
    const s = shapley(majority);
    if (s.status !== 'ok') throw new Error(s.status);
    near(s.value, [1 / 3, 1 / 3, 1 / 3], 12);
  });
});

describe('Shapley value of weighted voting games', () => {
  it('[51; 50, 49, 1]: the large party is pivotal in 4 of 6 orders → (2/3, 1/6, 1/6)', () => {
    const s = shapley(voting(51, [50, 49, 1]));
    if (s.status !== 'ok') throw new Error(s.status);
    near(s.value, [2 / 3, 1 / 6, 1 / 6], 12);
  });
  it('Nassau County board 1964 [58; 31, 31, 28, 21, 2, 2]: three members are dummies (Banzhaf 1965) → (1/3, 1/3, 1/3, 0, 0, 0)', () => {
    const s = shapley(voting(58, [31, 31, 28, 21, 2, 2]));
    if (s.status !== 'ok') throw new Error(s.status);
    near(s.value, [1 / 3, 1 / 3, 1 / 3, 0, 0, 0], 12);
  });
});

describe('nucleolus of the Talmud bankruptcy games', () => {
  // Aumann & Maschler (1985), "Game theoretic analysis of a bankruptcy problem from the Talmud",
  // J. Economic Theory 36: the nucleolus of the bankruptcy game is the Talmud's division; for
  // claims 100, 200, 300 the Mishna divides an estate of 100, 200, 300 as below.
  const claims = [100, 200, 300];
  it.each([
    [100, [100 / 3, 100 / 3, 100 / 3]],
    [200, [50, 75, 75]],
    [300, [50, 100, 150]],
  ])('estate %i', async (E, expected) => {
    const nu = await nucleolus(bankruptcy(E, claims));
    if (nu.status !== 'ok') throw new Error(nu.status);
    near(nu.allocation, expected, 5);
  });
});

describe('edge cases', () => {
  it('rejects a characteristic function of the wrong length, or with NaN', async () => {
    expect(shapley(new Float64Array(3)).status).toBe('invalid');
    expect((await core(Float64Array.from([0, NaN]))).status).toBe('invalid');
  });
  it('reports a game without imputations and still gives its prenucleolus', async () => {
    const v = gameFrom(2, (p) => (p.length === 1 ? 1 : 1)); // v(1) + v(2) = 2 > v(N) = 1
    expect((await nucleolus(v)).status).toBe('no-imputations');
    const pre = await nucleolus(v, { over: 'preimputations' });
    if (pre.status !== 'ok') throw new Error(pre.status);
    near(pre.allocation, [0.5, 0.5]);
  });
  it('one player gets v(N)', async () => {
    const v = Float64Array.from([0, 3]);
    expect(shapley(v)).toEqual({ status: 'ok', value: [3] });
    const nu = await nucleolus(v);
    expect(nu.status === 'ok' && nu.allocation).toEqual([3]);
  });
  it('checks superadditivity', () => {
    expect(isSuperadditive(majority).ok).toBe(true);
    expect(isSuperadditive(gameFrom(2, (p) => (p.length === 2 ? 0 : 1))).ok).toBe(false);
  });
});

/** A random game on n players with v(∅) = 0. */
const arbGame = (maxN: number) =>
  fc
    .integer({ min: 1, max: maxN })
    .chain((n) =>
      fc
        .array(fc.double({ min: -5, max: 10, noNaN: true }), { minLength: (1 << n) - 1, maxLength: (1 << n) - 1 })
        .map((xs) => Float64Array.from([0, ...xs]) as Characteristic),
    );
/** A convex (supermodular) game v(S) = (Σ_{i∈S} w_i)²: its core is never empty (Shapley 1971). */
const arbConvex = fc
  .array(fc.double({ min: 0, max: 3, noNaN: true }), { minLength: 2, maxLength: 6 })
  .map((w) => gameFrom(w.length, (p) => p.reduce((t, i) => t + w[i]!, 0) ** 2));

describe('properties', () => {
  it('Shapley values sum to v(N)', () => {
    fc.assert(
      fc.property(arbGame(7), (v) => {
        const s = shapley(v);
        if (s.status !== 'ok') return false;
        expect(s.value.reduce((a, b) => a + b, 0)).toBeCloseTo(v[v.length - 1]!, 8);
      }),
      { numRuns: 200 },
    );
  });

  it('a reported core allocation satisfies every coalition constraint and is efficient', async () => {
    // Games on the edge of the core test are where the generator shrinks to: allow the core test's
    // tolerance (1e-7, spread over the players) plus the LP solver's own feasibility tolerance (1e-7).
    const EDGE = 3e-7;
    await fc.assert(
      fc.asyncProperty(fc.oneof(arbGame(5), arbConvex), async (v) => {
        const c = await core(v);
        if (c.status !== 'ok') throw new Error(c.status);
        const lc = await leastCore(v);
        if (lc.status !== 'ok') throw new Error(lc.status);
        const n = Math.log2(v.length);
        // Consistent with the least core up to the core test's tolerance: an empty core has ε* > 0,
        // and a core within tolerance gives ε* ≤ its shortfall ≤ 1e-7 (take the shortfall off one player).
        if (n > 1) {
          if (c.empty) expect(lc.epsilon ?? 0).toBeGreaterThan(0);
          else expect(lc.epsilon ?? 0).toBeLessThanOrEqual(EDGE);
        }
        if (c.empty) return;
        expect(coalitionSum(c.allocation, v.length - 1)).toBeCloseTo(v[v.length - 1]!, 7);
        for (let s = 1; s < v.length; s++) expect(coalitionSum(c.allocation, s)).toBeGreaterThanOrEqual(v[s]! - EDGE);
      }),
      { numRuns: 120 },
    );
  });

  it('convex games have a non-empty core that contains the nucleolus', async () => {
    await fc.assert(
      fc.asyncProperty(arbConvex, async (v) => {
        const c = await core(v);
        expect(c.status === 'ok' && c.empty).toBe(false);
        const nu = await nucleolus(v);
        if (nu.status !== 'ok') throw new Error(nu.status);
        expect(worstExcess(v, nu.allocation).excess).toBeLessThanOrEqual(1e-6);
        expect(coalitionSum(nu.allocation, v.length - 1)).toBeCloseTo(v[v.length - 1]!, 6);
      }),
      { numRuns: 60 },
    );
  });

  it('row generation gives the nucleolus of the full stage LPs', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(arbGame(6), arbConvex), fc.constantFrom('imputations' as const, 'preimputations' as const), async (v, over) => {
        const a = await nucleolus(v, { over });
        const b = await nucleolus(v, { over, rows: 'all' });
        expect(a.status).toBe(b.status);
        if (a.status !== 'ok' || b.status !== 'ok') return;
        near(a.allocation, b.allocation, 5);
      }),
      { numRuns: 80 },
    );
  });

  it('the nucleolus is efficient, individually rational, and its largest excess is the least-core ε', async () => {
    await fc.assert(
      fc.asyncProperty(arbGame(5), async (v) => {
        const n = Math.log2(v.length);
        const nu = await nucleolus(v, { over: 'preimputations' });
        if (nu.status !== 'ok') throw new Error(nu.status);
        expect(coalitionSum(nu.allocation, v.length - 1)).toBeCloseTo(v[v.length - 1]!, 6);
        if (n < 2) return;
        const lc = await leastCore(v);
        if (lc.status !== 'ok') throw new Error(lc.status);
        let worst = -Infinity;
        for (let s = 1; s < v.length - 1; s++) worst = Math.max(worst, v[s]! - coalitionSum(nu.allocation, s));
        expect(worst).toBeCloseTo(lc.epsilon!, 5);
      }),
      { numRuns: 80 },
    );
  });
});
