/**
 * Bargaining solutions on frontiers with known answers, Rubinstein's split, and the Belarus
 * regime–US pair.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bilateralBargaining,
  exchangeEffect,
  kalaiSmorodinsky,
  nashBargaining,
  paretoFrontier,
  rubinsteinOnFrontier,
  rubinsteinShare,
  type Pair,
} from '../../../../models/analysis/bargaining/index';
import { solveLp } from '../../../../models/game/lp';
import { parsedBuiltin } from '../../../fixtures/builtins';

function frontier(points: Pair[], d: Pair) {
  const f = paretoFrontier(points, d);
  if (f.status !== 'ok') throw new Error(f.problem);
  return f.vertices;
}

describe('Pareto frontier', () => {
  it('keeps the upper-right boundary of the hull, clipped to u ≥ d, with lotteries at the cuts', () => {
    const pts: Pair[] = [
      [0, 0],
      [1, 0],
      [0, 1],
      [0.4, 0.4],
      [0.5, 0.6],
    ];
    const v = frontier(pts, [0.5, 0]);
    expect(v.map((x) => x.u)).toEqual([
      [0.5, 0.6],
      [1, 0],
    ]);
    expect(v[0]!.lottery).toEqual([[4, 1]]);
    // A point on a hull edge is not a vertex: the cut there is a lottery of the edge's ends.
    const onEdge = frontier(
      [
        [0, 0],
        [1, 0],
        [0, 1],
        [0.5, 0.5],
      ],
      [0.5, 0],
    );
    expect(onEdge[0]!.u).toEqual([0.5, 0.5]);
    expect(onEdge[0]!.lottery).toEqual([
      [1, 0.5],
      [2, 0.5],
    ]);
    const cut = frontier(
      [
        [0, 0],
        [1, 0],
        [0, 1],
      ],
      [0.25, 0],
    );
    expect(cut[0]!.u[0]).toBeCloseTo(0.25, 12);
    expect(cut[0]!.u[1]).toBeCloseTo(0.75, 12);
    expect(cut[0]!.lottery).toEqual([
      [2, 0.75],
      [1, 0.25],
    ]);
  });
  it('is a single point when one outcome dominates', () => {
    expect(
      frontier(
        [
          [0, 0],
          [1, 1],
          [0.5, 0.9],
        ],
        [0, 0],
      ).map((x) => x.u),
    ).toEqual([[1, 1]]);
  });
});

describe('Nash bargaining solution', () => {
  it('on the linear frontier u₁ + 2u₂ = 2 from (0, 0) is (1, 1/2): half the surplus each in scaled terms', () => {
    const r = nashBargaining(
      frontier(
        [
          [0, 0],
          [2, 0],
          [0, 1],
        ],
        [0, 0],
      ),
      [0, 0],
    );
    if (r.status !== 'ok') throw new Error(r.status);
    expect(r.point.u[0]).toBeCloseTo(1, 12);
    expect(r.point.u[1]).toBeCloseTo(0.5, 12);
    expect(r.product).toBeCloseTo(0.5, 12);
    // A lottery of the two corner outcomes, half and half.
    expect(r.point.lottery.map(([, w]) => w)).toEqual([0.5, 0.5]);
  });
  it('on u₁ + u₂ = 1 from d = (0.5, 0) splits the remaining 0.5 equally: (0.75, 0.25)', () => {
    const d: Pair = [0.5, 0];
    const r = nashBargaining(
      frontier(
        [
          [0, 0],
          [1, 0],
          [0, 1],
          [0.5, 0],
        ],
        d,
      ),
      d,
    );
    if (r.status !== 'ok') throw new Error(r.status);
    expect(r.point.u[0]).toBeCloseTo(0.75, 12);
    expect(r.point.u[1]).toBeCloseTo(0.25, 12);
  });
  it('reports no mutual gain when one side can only lose', () => {
    const d: Pair = [0, 0];
    const r = nashBargaining(
      frontier(
        [
          [0, 0],
          [1, -1],
          [-1, 1],
        ],
        d,
      ),
      d,
    );
    expect(r.status).toBe('no-mutual-gain');
  });
  it('property: no frontier point has a larger Nash product', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })), { minLength: 1, maxLength: 12 }),
        (raw) => {
          const pts: Pair[] = [[0, 0], ...raw];
          const v = frontier(pts, [0, 0]);
          const r = nashBargaining(v, [0, 0]);
          const best = r.status === 'ok' ? r.product : 0;
          for (let k = 0; k + 1 < v.length; k++)
            for (let t = 0; t <= 1; t += 0.05) {
              const u0 = v[k]!.u[0] + t * (v[k + 1]!.u[0] - v[k]!.u[0]);
              const u1 = v[k]!.u[1] + t * (v[k + 1]!.u[1] - v[k]!.u[1]);
              expect(u0 * u1).toBeLessThanOrEqual(best + 1e-12);
            }
          for (const p of pts) expect(Math.max(0, p[0]) * Math.max(0, p[1])).toBeLessThanOrEqual(best + 1e-12);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('Kalai–Smorodinsky solution', () => {
  // Frontier (0, 1) → (0.8, 0.6) → (1, 0) from d = (0, 0): ideal (1, 1), so KS is on the diagonal
  // of the first edge u₂ = 1 − u₁/2: (2/3, 2/3). Nash picks the kink (0.8, 0.6) (product 0.48).
  const pts: Pair[] = [
    [0, 0],
    [1, 0],
    [0.8, 0.6],
    [0, 1],
  ];
  it('differs from Nash on a kinked frontier: (2/3, 2/3) against (0.8, 0.6)', () => {
    const v = frontier(pts, [0, 0]);
    const ks = kalaiSmorodinsky(v, [0, 0]);
    if (ks.status !== 'ok') throw new Error(ks.status);
    expect(ks.ideal).toEqual([1, 1]);
    expect(ks.point.u[0]).toBeCloseTo(2 / 3, 12);
    expect(ks.point.u[1]).toBeCloseTo(2 / 3, 12);
    const nb = nashBargaining(v, [0, 0]);
    if (nb.status !== 'ok') throw new Error(nb.status);
    expect(nb.point.u).toEqual([0.8, 0.6]);
  });
  it('agrees with the linear program max s s.t. d + s(I − d) ∈ conv(points)', async () => {
    const cases: { pts: Pair[]; d: Pair }[] = [
      { pts, d: [0, 0] },
      {
        pts: [
          [0.1, 0.2],
          [0.9, 0.1],
          [0.7, 0.7],
          [0.2, 0.95],
          [0.5, 0.3],
        ],
        d: [0.5, 0.3],
      },
      {
        pts: [
          [0, 0],
          [3, 1],
          [1, 2],
          [2, 2.2],
          [0.2, 0.1],
        ],
        d: [0.2, 0.1],
      },
    ];
    for (const { pts: P, d } of cases) {
      const ks = kalaiSmorodinsky(frontier(P, d), d);
      if (ks.status !== 'ok') throw new Error(ks.status);
      const I = ks.ideal;
      // Columns: λ_1 … λ_m ≥ 0, s ≥ 0.  Rows: Σλ = 1;  Σλ·p_k − s(I_k − d_k) = d_k.
      const m = P.length;
      const lam = P.map((_, i) => i);
      const r = await solveLp({
        sense: 'max',
        cost: [...new Array(m).fill(0), 1],
        rows: [
          { idx: lam, val: lam.map(() => 1), lo: 1, hi: 1 },
          ...[0, 1].map((k) => ({ idx: [...lam, m], val: [...P.map((p) => p[k]!), -(I[k]! - d[k]!)], lo: d[k]!, hi: d[k]! })),
        ],
      });
      if (r.status !== 'optimal') throw new Error(r.status);
      const s = r.objective;
      expect(ks.point.u[0]).toBeCloseTo(d[0] + s * (I[0] - d[0]), 9);
      expect(ks.point.u[1]).toBeCloseTo(d[1] + s * (I[1] - d[1]), 9);
    }
  });
});

describe('Rubinstein alternating offers', () => {
  it('splits a unit surplus (1 − δ₂)/(1 − δ₁δ₂) to the first mover: δ = (0.9, 0.8) → 5/7 and 2/7', () => {
    const r = rubinsteinShare(0.9, 0.8);
    if (r.status !== 'ok') throw new Error(r.status);
    expect(r.first).toBeCloseTo(5 / 7, 14);
    expect(r.second).toBeCloseTo(2 / 7, 14);
  });
  it('equal patience favours the first mover, by less as δ → 1: 1/(1 + δ)', () => {
    for (const delta of [0.5, 0.9, 0.99]) {
      const r = rubinsteinShare(delta, delta);
      expect(r.status === 'ok' && r.first).toBeCloseTo(1 / (1 + delta), 14);
    }
  });
  it('rejects patience outside (0, 1)', () => {
    expect(rubinsteinShare(1, 1).status).toBe('invalid');
    expect(rubinsteinShare(0.5, 0).status).toBe('invalid');
  });
  it('property: on a linear frontier the equilibrium reproduces the formula', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        fc.double({ min: 0.1, max: 5, noNaN: true }),
        (d1, d2, size) => {
          const v = frontier(
            [
              [0, 0],
              [size, 0],
              [0, size],
            ],
            [0, 0],
          );
          const r = rubinsteinOnFrontier(v, [0, 0], d1, d2);
          const share = rubinsteinShare(d1, d2);
          if (r.status !== 'ok' || share.status !== 'ok') return false;
          expect(r.point.u[0]).toBeCloseTo(size * share.first, 9);
          expect(r.point.u[1]).toBeCloseTo(size * share.second, 9);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('Belarus: regime and US', () => {
  it('the bargaining between the regime and the US is computable out of the box', async () => {
    const s = await parsedBuiltin('belarus');
    const r = bilateralBargaining(s, ['regime', 'us']);
    if (r.status !== 'ok') throw new Error(r.problem);
    const b = r.report;
    expect(b.outcomes).toBeGreaterThan(1);
    expect(b.gainsFromTrade).toBe(true);
    expect(b.nash!.gains.regime).toBeGreaterThan(0);
    expect(b.nash!.gains.us).toBeGreaterThan(0);
    expect(b.nash!.deal.length).toBeGreaterThan(0);
    expect(b.rubinstein.surplusShare.regime).toBeCloseTo((1 - 0.7) / (1 - 0.9 * 0.7), 12);
    expect(b.namedDeals.map((d) => d.id)).toContain('december_deal');
    // The US opening instead changes the shares, not the frontier.
    const us = bilateralBargaining(s, ['regime', 'us'], { first: 'us' });
    if (us.status !== 'ok') throw new Error(us.problem);
    expect(us.report.rubinstein.surplusShare.us).toBeCloseTo((1 - 0.9) / (1 - 0.9 * 0.7), 12);
  });

  it('claim: the prisoners-for-potash exchange gains both regime and us over the status quo and costs russia little', async () => {
    // The exchange of 13 December 2025 (seed 003): 123 prisoners released for partial US
    // potash relief. "Little" = Russia loses less than 0.01 utility, 1% of the [0, 1] utility
    // scale, and less than a tenth of the smaller of the two parties' gains.
    const s = await parsedBuiltin('belarus');
    const e = exchangeEffect(s, ['release_123', 'ease_potash_partial']);
    if (e.status !== 'ok') throw new Error(e.problem);
    expect(e.gains.regime).toBeGreaterThan(0);
    expect(e.gains.us).toBeGreaterThan(0);
    const russiaLoss = Math.max(0, -e.gains.russia!);
    expect(russiaLoss).toBeLessThan(0.01);
    expect(russiaLoss).toBeLessThan(0.1 * Math.min(e.gains.regime!, e.gains.us!));
    // What the model gives (recorded, so a change to the scenario shows up here):
    expect(e.gains.regime).toBeCloseTo(0.0158, 4);
    expect(e.gains.us).toBeCloseTo(0.0313, 4);
    expect(e.gains.russia).toBeCloseTo(0.0032, 4); // a small gain (the strain on Western unity), not a loss
  });

  it('rejects an unknown actor, a pair of one, or a first mover outside the pair', async () => {
    const s = await parsedBuiltin('belarus');
    expect(bilateralBargaining(s, ['regime', 'nobody']).status).toBe('invalid');
    expect(bilateralBargaining(s, ['us', 'us']).status).toBe('invalid');
    expect(bilateralBargaining(s, ['regime', 'us'], { first: 'china' }).status).toBe('invalid');
  });
});
