import fc from 'fast-check';
import highsLoader from 'highs';
import type { Highs } from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import { lpCallOf, solveLpWith, type Lp, type LpResult } from '../../../models/game/lp';

// solveLpWith on a plain runtime solves on one persistent native model (lpCallOf); a runtime whose
// `raw` is a wrapper goes through the wrapper's `lpCall`, which here is HiGHS's one-shot
// `lpCall` (a fresh native instance per program): the reference answers.
let highs: Highs;
let fresh: Highs;
let freshCalls = 0;
beforeAll(async () => {
  highs = await highsLoader();
  const raw = highs.raw;
  fresh = {
    ...highs,
    raw: {
      ...raw,
      lpCall: (m: Parameters<Highs['raw']['lpCall']>[0]) => {
        freshCalls++;
        return raw.lpCall(m);
      },
    },
  } as Highs;
});

/** Bit for bit: status, and for an optimal program the objective, x, row duals and row values. */
function expectSame(a: LpResult, b: LpResult) {
  expect(a.status).toBe(b.status);
  if (a.status !== 'optimal' || b.status !== 'optimal') return;
  expect(Object.is(a.objective, b.objective)).toBe(true);
  for (const k of ['x', 'rowDual', 'rowValue'] as const) expect(Array.from(a[k])).toEqual(Array.from(b[k]));
}

// A: the Chebyshev centre of {x ≤ 0.5, 2y − x ≤ 1} in the unit square: the radius is 0.25, but the
// centre may slide along x = 0.25 (HiGHS's default solve answers y ≈ 0.345, presolve off y = 0.25).
const chebRow = (a: number, b: number, c: number) => ({ idx: [0, 1, 2], val: [a, b, Math.hypot(a, b)], lo: -Infinity, hi: c });
const A: Lp = {
  sense: 'max',
  cost: [0, 0, 1],
  colHi: [1, 1, 1],
  rows: [
    chebRow(1, 0, 0.5),
    chebRow(-1, 2, 1),
    { idx: [0, 2], val: [1, 1], lo: -Infinity, hi: 1 },
    { idx: [0, 2], val: [1, -1], lo: 0, hi: Infinity },
    { idx: [1, 2], val: [1, 1], lo: -Infinity, hi: 1 },
    { idx: [1, 2], val: [1, -1], lo: 0, hi: Infinity },
  ],
};
// A2: A's shape, mirrored (x ↔ y): the same radius, another centre.
const A2: Lp = { ...A, rows: [chebRow(0, 1, 0.5), chebRow(2, -1, 1), ...A.rows.slice(2)] };
// B: another shape (more columns, an equality), infeasible.
const B: Lp = {
  sense: 'min',
  cost: [0, 0, 0, 0, 0],
  colLo: [0, 0, 0, 0, 0],
  colHi: [1, 1, 1, 1, 1],
  rows: [
    { idx: [0, 1, 2, 3, 4], val: [1, 1, 1, 1, 1], lo: 4.5, hi: 4.5 },
    { idx: [0, 1], val: [1, 1], lo: -Infinity, hi: 1 },
    { idx: [2, 3], val: [1, 1], lo: -Infinity, hi: 1 },
  ],
};
// C: unbounded (maximise x + y with only x - y ≤ 1).
const C: Lp = { sense: 'max', cost: [1, 1], rows: [{ idx: [0, 1], val: [1, -1], lo: -Infinity, hi: 1 }] };
// D: a feasibility program (zero cost) in the unit box, feasible.
const D: Lp = {
  sense: 'min',
  cost: [0, 0, 0],
  colHi: [1, 1, 1],
  rows: [
    { idx: [0, 1, 2], val: [1, 1, 1], lo: 1.5, hi: Infinity },
    { idx: [0, 2], val: [1, -1], lo: -Infinity, hi: 0.2 },
  ],
};

describe('LP solving on a persistent HiGHS model', () => {
  it('gives a program the same answer whatever was solved before it, and the one-shot lpCall answer', () => {
    const first = solveLpWith(highs, A);
    expect(first.status).toBe('optimal');
    if (first.status !== 'optimal') return;
    expect(first.objective).toBeCloseTo(0.25, 12);
    expect(solveLpWith(highs, B).status).toBe('infeasible');
    expect(solveLpWith(highs, C).status).toBe('unbounded');
    expectSame(solveLpWith(highs, A2), solveLpWith(fresh, A2));
    const again = solveLpWith(highs, A);
    expectSame(again, first);
    expectSame(first, solveLpWith(fresh, A));
  });

  it('classifies infeasible and unbounded programs right after an optimal one, and optimal after them', () => {
    const seq: [Lp, LpResult['status']][] = [
      [A, 'optimal'],
      [B, 'infeasible'],
      [D, 'optimal'],
      [B, 'infeasible'],
      [A, 'optimal'],
      [C, 'unbounded'],
      [D, 'optimal'],
      [C, 'unbounded'],
      [B, 'infeasible'],
      [C, 'unbounded'],
      [A, 'optimal'],
    ];
    for (const [lp, status] of seq) {
      const r = solveLpWith(highs, lp);
      expect(r.status).toBe(status);
      expectSame(r, solveLpWith(fresh, lp));
    }
  });

  it('reuses one native model per runtime, and leaves a wrapped runtime to its wrapper', () => {
    expect(lpCallOf(highs)).toBe(lpCallOf(highs));
    const before = freshCalls;
    solveLpWith(fresh, D);
    expect(freshCalls).toBe(before + 1);
  });

  it('answers random small programs in random order exactly as a fresh lpCall does', () => {
    const num = fc.oneof(fc.integer({ min: -3, max: 3 }), fc.constantFrom(0.5, -1.25, 1e-3));
    const lpArb = fc
      .record({ n: fc.integer({ min: 1, max: 6 }), m: fc.integer({ min: 0, max: 7 }) })
      .chain(({ n, m }) =>
        fc.record({
          sense: fc.constantFrom<'min' | 'max'>('min', 'max'),
          cost: fc.oneof(fc.constant(new Array<number>(n).fill(0)), fc.array(num, { minLength: n, maxLength: n })),
          colLo: fc.array(fc.constantFrom(0, -Infinity, -2, 0.5), { minLength: n, maxLength: n }),
          colHi: fc.array(fc.constantFrom(1, Infinity, 3), { minLength: n, maxLength: n }),
          rows: fc.array(
            fc.record({
              coef: fc.array(num, { minLength: n, maxLength: n }),
              lo: fc.oneof(fc.constant(-Infinity), num),
              width: fc.oneof(fc.constant(Infinity), fc.constantFrom(0, 1, 2), fc.constant(-1)),
            }),
            { minLength: m, maxLength: m },
          ),
        }),
      )
      .map(
        ({ sense, cost, colLo, colHi, rows }): Lp => ({
          sense,
          cost,
          colLo,
          colHi,
          rows: rows.map(({ coef, lo, width }) => {
            const idx = coef.flatMap((v, j) => (v !== 0 ? [j] : []));
            // width -1 with a finite lower bound: an empty row range (an infeasible program).
            const hi = lo === -Infinity ? (Number.isFinite(width) ? width * 2 : Infinity) : lo + width;
            return { idx, val: idx.map((j) => coef[j]!), lo, hi };
          }),
        }),
      );
    const seen = new Set<string>();
    fc.assert(
      fc.property(fc.array(lpArb, { minLength: 1, maxLength: 4 }), (lps) => {
        for (const lp of lps) {
          const got = solveLpWith(highs, lp);
          const ref = solveLpWith(fresh, lp);
          seen.add(got.status);
          expect(got.status).toBe(ref.status);
          if (got.status === 'optimal' && ref.status === 'optimal') expect(Math.abs(got.objective - ref.objective)).toBeLessThanOrEqual(1e-7);
          expectSame(got, ref);
        }
      }),
      { numRuns: 300 },
    );
    // The generator reaches every classification.
    expect([...seen].sort()).toEqual(['infeasible', 'optimal', 'unbounded']);
  });
});
