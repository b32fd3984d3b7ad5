/**
 * Properties on random games (fast-check): every reported equilibrium passes the independent
 * best-response check, pure enumeration equals brute force, mixed strategies are probability
 * vectors, and all extreme equilibria agree with lrsnash where it is installed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gameFromFunction } from '../../../../models/game/types';
import { ONE, add, isZero, ratToString, ZERO } from '../../../../models/game/rational';
import { approximateMixed, bestResponses, enumerateMixed2, enumeratePure, lemkeHowson, paretoPure, regret } from '../../../../models/analysis/nash/index';
import { arbBimatrix, arbGame, bruteForcePure, exactRegretIndependent, floatRegretIndependent, hasLrs, lrsnashEquilibria, str } from './helpers';

const key = (p: readonly number[]) => p.join(',');

describe('pure enumeration', () => {
  it('equals brute force on small random games (ties frequent)', () => {
    fc.assert(
      fc.property(arbGame(4, 4, 3), (g) => {
        const r = enumeratePure(g);
        expect(r.equilibria.map((e) => key(e.profile))).toEqual(bruteForcePure(g).map(key));
        for (const e of r.equilibria) {
          const sigma = g.shape.map((k, i) => Array.from({ length: k }, (_, s) => (s === e.profile[i] ? ONE : ZERO)));
          expect(isZero(exactRegretIndependent(g, sigma))).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('uses the exact payoffs where two different rationals round to the same double', () => {
    // 1/3 and 0.33333333333333331 (= 6004799503160661/2^54) are the same double
    const g = gameFromFunction(['1', '2'], [2, 1], () => 1 / 3);
    const exact = [
      { num: 1n, den: 3n },
      { num: 0n, den: 1n },
      { num: 6004799503160661n, den: 2n ** 54n },
      { num: 0n, den: 1n },
    ];
    const r = enumeratePure({ ...g, exact });
    expect(r.equilibria.map((e) => e.profile)).toEqual([[0, 0]]);
  });

  it('answers too-large above maxProfiles, without scanning', () => {
    const g = gameFromFunction(['1', '2', '3'], [10, 10, 10], () => 0);
    const r = enumeratePure(g, { maxProfiles: 999 });
    expect(r.status).toBe('too-large');
    expect(r.profilesChecked).toBe(0);
  });

  it('polls shouldStop every few thousand profiles and reports cancelled with partial results', () => {
    const g = gameFromFunction(['1', '2', '3'], [30, 30, 30], () => 0);
    let polls = 0;
    const seen: number[][] = [];
    const r = enumeratePure(g, { shouldStop: () => ++polls >= 2, onEquilibrium: (e) => seen.push(e.profile) });
    expect(r.status).toBe('cancelled');
    expect(r.profilesChecked).toBeGreaterThan(0);
    expect(r.profilesChecked).toBeLessThan(27_000);
    expect(polls).toBe(2);
    expect(seen.length).toBe(r.equilibria.length);
  });
});

describe('mixed equilibria of 2-player games', () => {
  it('every extreme equilibrium is exact, sums to 1, and passes the independent check; the fallback path agrees', () => {
    fc.assert(
      fc.property(arbBimatrix(4, 4, 4), (g) => {
        const r = enumerateMixed2(g);
        expect(r.status).toBe('ok');
        expect(r.rejected).toBe(0);
        expect(r.equilibria.length).toBeGreaterThan(0);
        for (const e of r.equilibria) {
          for (const v of e.exact!) expect(ratToString(v.reduce(add, ZERO))).toBe('1');
          for (const v of e.strategies) expect(Math.abs(v.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-12);
          expect(isZero(exactRegretIndependent(g, e.exact!))).toBe(true);
        }
        const viaQ = enumerateMixed2(g, { faceLimit: 0 });
        expect(new Set(viaQ.equilibria.map((e) => str(e.exact!)))).toEqual(new Set(r.equilibria.map((e) => str(e.exact!))));
        // every pure equilibrium is an extreme equilibrium
        const extreme = new Set(r.equilibria.map((e) => str(e.exact!)));
        for (const p of enumeratePure(g).equilibria) {
          const pure = g.shape.map((k, i) => Array.from({ length: k }, (_, s) => (s === p.profile[i] ? '1' : '0')).join(',')).join(' | ');
          expect(extreme.has(pure)).toBe(true);
        }
      }),
      { numRuns: 120 },
    );
  });

  it('Lemke–Howson ends at an exact equilibrium from every label', () => {
    fc.assert(
      fc.property(arbBimatrix(5, 5, 9), fc.nat(), (g, k) => {
        const label = k % (g.shape[0]! + g.shape[1]!);
        const r = lemkeHowson(g, { label });
        expect(r.status).toBe('ok');
        const e = r.equilibria[0]!;
        expect(isZero(exactRegretIndependent(g, e.exact!))).toBe(true);
        expect(e.exact!.every((v) => ratToString(v.reduce(add, ZERO)) === '1')).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  if (!hasLrs) console.warn('lrsnash is not installed: skipping the cross-check against lrsnash');
  it.skipIf(!hasLrs)('agrees with lrsnash on random bimatrix games, degenerate ones included', () => {
    fc.assert(
      fc.property(fc.oneof(arbBimatrix(5, 5, 3), arbBimatrix(7, 7, 1000)), (g) => {
        const ours = new Set(enumerateMixed2(g).equilibria.map((e) => e.exact!.map((v) => v.map(ratToString).join(',')).join('|')));
        expect(ours).toEqual(lrsnashEquilibria(g));
      }),
      { numRuns: 40 },
    );
  });
});

describe('regret and best responses', () => {
  it('regret is 0 at a pure equilibrium and positive elsewhere', () => {
    fc.assert(
      fc.property(arbGame(3, 3, 3), (g) => {
        const pure = new Set(bruteForcePure(g).map(key));
        const total = g.shape.reduce((a, b) => a * b, 1);
        for (let x = 0; x < Math.min(total, 10); x++) {
          const p = g.shape.map((k, i) => Math.floor(x / g.shape.slice(0, i).reduce((a, b) => a * b, 1)) % k);
          const sigma = g.shape.map((k, i) => Array.from({ length: k }, (_, s) => (s === p[i] ? 1 : 0)));
          expect(regret(g, sigma) === 0).toBe(pure.has(key(p)));
          // a pure equilibrium's strategies are best responses to the others
          if (pure.has(key(p))) p.forEach((s, i) => expect(bestResponses(g, i, p)).toContain(s));
        }
      }),
      { numRuns: 80 },
    );
  });

  it('best responses to a mixed profile: both strategies in matching pennies at ½', () => {
    const g = gameFromFunction(['1', '2'], [2, 2], (p, i) => (p[0] === p[1] ? 1 : -1) * (i === 0 ? 1 : -1));
    expect(
      bestResponses(g, 0, [
        [0.5, 0.5],
        [0.5, 0.5],
      ]),
    ).toEqual([0, 1]);
    expect(
      bestResponses(g, 0, [
        [0.5, 0.5],
        [0.9, 0.1],
      ]),
    ).toEqual([0]);
  });
});

describe('approximate equilibria of n-player games', () => {
  it('reports a regret that matches the independent check, probabilities summing to 1', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 2, max: 3 }), { minLength: 3, maxLength: 3 }),
        fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: 81, maxLength: 81 }),
        (shape, vals) => {
          let k = 0;
          const g = gameFromFunction(['1', '2', '3'], shape, () => Math.round(vals[k++ % vals.length]! * 1000) / 1000);
          const r = approximateMixed(g);
          const e = r.equilibria[0]!;
          for (const v of e.strategies) {
            expect(Math.abs(v.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-9);
            for (const x of v) expect(x).toBeGreaterThanOrEqual(0);
          }
          expect(Math.abs(floatRegretIndependent(g, e.strategies) - e.regret)).toBeLessThan(1e-9);
          if (r.status === 'ok') expect(e.regret).toBeLessThan(1e-6);
        },
      ),
      { numRuns: 25 },
    );
  });
});

describe('Pareto-optimal profiles', () => {
  it('no reported profile is dominated; every other profile is dominated by a reported one', () => {
    fc.assert(
      fc.property(arbGame(3, 3, 3), (g) => {
        const n = g.shape.length;
        const total = g.shape.reduce((a, b) => a * b, 1);
        const u = (x: number) => Array.from(g.payoffs.subarray(x * n, x * n + n));
        const dominates = (a: number[], b: number[]) => a.every((v, i) => v >= b[i]!) && a.some((v, i) => v > b[i]!);
        const idx = (p: number[]) => p.reduceRight((acc, s, i) => acc * g.shape[i]! + s, 0);
        const front = paretoPure(g).profiles.map((p) => idx(p.profile));
        const set = new Set(front);
        for (let x = 0; x < total; x++) {
          const dominated = Array.from({ length: total }, (_, y) => y).some((y) => dominates(u(y), u(x)));
          expect(set.has(x)).toBe(!dominated);
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('limits and inapplicable games are answered with a status', () => {
  const rand = (seed: number) => () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 8) % 1000;
  const r = rand(7);
  const big = gameFromFunction(['1', '2'], [12, 12], () => r());

  it('vertex enumeration: too-large and cancelled', () => {
    expect(enumerateMixed2(big, { maxBases: 10 }).status).toBe('too-large');
    expect(enumerateMixed2(big, { shouldStop: () => true }).status).toBe('cancelled');
  });

  it('2-player methods on 3 players, and the approximate method above its profile limit', () => {
    const three = gameFromFunction(['1', '2', '3'], [2, 2, 2], () => 0);
    expect(enumerateMixed2(three).status).toBe('not-applicable');
    expect(lemkeHowson(three).status).toBe('not-applicable');
    expect(approximateMixed(big, { maxProfiles: 100 }).status).toBe('too-large');
    expect(paretoPure(big, { maxProfiles: 100 }).status).toBe('too-large');
  });
});
