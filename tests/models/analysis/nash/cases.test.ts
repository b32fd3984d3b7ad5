/**
 * Known games with answers worked out by hand: every solver's answer is compared with the table
 * and re-checked by the independent exact best-response test of ./helpers.
 */
import { describe, expect, it } from 'vitest';
import { gameFromFunction, type NormalFormGame } from '../../../../models/game/types';
import { isZero, ratToString } from '../../../../models/game/rational';
import {
  approximateMixed,
  correlatedEquilibrium,
  enumerateMixed2,
  enumeratePure,
  iteratedDominance,
  iteratedPureDominance,
  lemkeHowson,
  lemkeHowsonAll,
  paretoPure,
} from '../../../../models/analysis/nash/index';
import { bimatrixGame, exactRegretIndependent, floatRegretIndependent, str } from './helpers';

interface Case {
  readonly name: string;
  readonly game: NormalFormGame;
  /** Every pure equilibrium. */
  readonly pure: number[][];
  /** Every extreme equilibrium of a 2-player game, as "x | y" exact rationals. */
  readonly extreme?: string[];
  /** Expected payoffs of each extreme equilibrium, same order. */
  readonly extremePayoffs?: string[];
}

const neg = (M: number[][]) => M.map((r) => r.map((v) => -v));
const RPS = [
  [0, -1, 1],
  [1, 0, -1],
  [-1, 1, 0],
];

const cases: Case[] = [
  {
    name: "prisoner's dilemma",
    game: bimatrixGame(
      [
        [3, 0],
        [5, 1],
      ],
      [
        [3, 5],
        [0, 1],
      ],
    ),
    pure: [[1, 1]],
    extreme: ['0,1 | 0,1'],
    extremePayoffs: ['1,1'],
  },
  {
    name: 'battle of the sexes (3 equilibria)',
    game: bimatrixGame(
      [
        [3, 0],
        [0, 2],
      ],
      [
        [2, 0],
        [0, 3],
      ],
    ),
    pure: [
      [0, 0],
      [1, 1],
    ],
    extreme: ['1,0 | 1,0', '0,1 | 0,1', '3/5,2/5 | 2/5,3/5'],
    extremePayoffs: ['3,2', '2,3', '6/5,6/5'],
  },
  {
    name: 'matching pennies',
    game: bimatrixGame(
      [
        [1, -1],
        [-1, 1],
      ],
      [
        [-1, 1],
        [1, -1],
      ],
    ),
    pure: [],
    extreme: ['1/2,1/2 | 1/2,1/2'],
    extremePayoffs: ['0,0'],
  },
  {
    name: 'chicken',
    game: bimatrixGame(
      [
        [0, -1],
        [1, -10],
      ],
      [
        [0, 1],
        [-1, -10],
      ],
    ),
    pure: [
      [1, 0],
      [0, 1],
    ],
    extreme: ['0,1 | 1,0', '1,0 | 0,1', '9/10,1/10 | 9/10,1/10'],
    extremePayoffs: ['1,-1', '-1,1', '-1/10,-1/10'],
  },
  {
    name: 'stag hunt',
    game: bimatrixGame(
      [
        [4, 0],
        [3, 3],
      ],
      [
        [4, 3],
        [0, 3],
      ],
    ),
    pure: [
      [0, 0],
      [1, 1],
    ],
    extreme: ['1,0 | 1,0', '0,1 | 0,1', '3/4,1/4 | 3/4,1/4'],
    extremePayoffs: ['4,4', '3,3', '3,3'],
  },
  {
    name: 'rock–paper–scissors',
    game: bimatrixGame(RPS, neg(RPS)),
    pure: [],
    extreme: ['1/3,1/3,1/3 | 1/3,1/3,1/3'],
    extremePayoffs: ['0,0'],
  },
  {
    name: "Shapley's game (no pure equilibrium, unique mixed one)",
    game: bimatrixGame(
      [
        [1, 0, 0],
        [0, 1, 0],
        [0, 0, 1],
      ],
      [
        [0, 1, 0],
        [0, 0, 1],
        [1, 0, 0],
      ],
    ),
    pure: [],
    extreme: ['1/3,1/3,1/3 | 1/3,1/3,1/3'],
    extremePayoffs: ['1/3,1/3'],
  },
  {
    name: 'solvable by iterated strict dominance (2×3)',
    game: bimatrixGame(
      [
        [1, 1, 0],
        [0, 0, 2],
      ],
      [
        [0, 2, 1],
        [3, 1, 0],
      ],
    ),
    pure: [[0, 1]],
    extreme: ['1,0 | 0,1,0'],
    extremePayoffs: ['1,2'],
  },
  {
    name: 'degenerate 3×2 with a continuum (extreme points)',
    // U is a best response to y = (1−q, q) for q ≤ 1/3, and player 2 is indifferent at U.
    game: bimatrixGame(
      [
        [3, 3],
        [2, 5],
        [0, 6],
      ],
      [
        [3, 3],
        [2, 6],
        [3, 1],
      ],
    ),
    pure: [[0, 0]],
    extreme: ['1,0,0 | 1,0', '1,0,0 | 2/3,1/3', '0,1/3,2/3 | 1/3,2/3'],
    extremePayoffs: ['3,3', '3,3', '4,8/3'],
  },
  {
    name: 'all-zero 2×3 (every profile an equilibrium)',
    game: bimatrixGame(
      [
        [0, 0, 0],
        [0, 0, 0],
      ],
      [
        [0, 0, 0],
        [0, 0, 0],
      ],
    ),
    pure: [0, 1].flatMap((i) => [0, 1, 2].map((j) => [i, j])),
    extreme: [0, 1].flatMap((i) => [0, 1, 2].map((j) => `${i ? '0,1' : '1,0'} | ${[0, 1, 2].map((k) => (k === j ? 1 : 0)).join(',')}`)),
  },
  {
    name: 'unequal counts 3×7 (rock–paper–scissors plus four dominated columns)',
    game: bimatrixGame(
      RPS.map((r) => [...r, 0, 0, 0, 0]),
      neg(RPS).map((r) => [...r, -5, -5, -5, -5]),
    ),
    pure: [],
    extreme: ['1/3,1/3,1/3 | 1/3,1/3,1/3,0,0,0,0'],
    extremePayoffs: ['0,0'],
  },
  {
    name: 'unequal counts 2×3×4 coordination (payoff 1 to all when all choose the same index)',
    game: gameFromFunction(['1', '2', '3'], [2, 3, 4], (p) => (p[0] === p[1] && p[1] === p[2] ? 1 : 0)),
    // all equal; all different (no deviation can coordinate); players 2 and 3 on 2, which player 1 lacks
    pure: [
      [0, 0, 0],
      [1, 1, 1],
      [0, 1, 2],
      [0, 1, 3],
      [0, 2, 1],
      [0, 2, 3],
      [1, 0, 2],
      [1, 0, 3],
      [1, 2, 0],
      [1, 2, 3],
      [0, 2, 2],
      [1, 2, 2],
    ],
  },
];

const key = (p: readonly number[]) => p.join(',');

describe('case table: pure equilibria', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const streamed: number[][] = [];
    const r = enumeratePure(c.game, { onEquilibrium: (e) => streamed.push(e.profile) });
    expect(r.status).toBe('ok');
    expect(r.exact).toBe(true);
    expect(new Set(r.equilibria.map((e) => key(e.profile)))).toEqual(new Set(c.pure.map(key)));
    expect(streamed.map(key)).toEqual(r.equilibria.map((e) => key(e.profile)));
    expect(r.equilibria.every((e) => e.regret === 0)).toBe(true);
    expect(r.profilesChecked).toBe(r.profileCount);
  });
});

describe('case table: all extreme equilibria of 2-player games', () => {
  const two = cases.filter((c) => c.extreme);
  it.each(two.map((c) => [c.name, c] as const))('%s', (_, c) => {
    for (const faceLimit of [undefined, 0]) {
      const r = enumerateMixed2(c.game, faceLimit === undefined ? {} : { faceLimit });
      expect(r.status).toBe('ok');
      expect(r.rejected).toBe(0);
      const got = r.equilibria.map((e) => str(e.exact!));
      expect(new Set(got)).toEqual(new Set(c.extreme));
      expect(got.length).toBe(c.extreme!.length);
      for (const e of r.equilibria) {
        expect(isZero(exactRegretIndependent(c.game, e.exact!))).toBe(true);
        expect(e.regret).toBe(0);
        if (c.extremePayoffs) expect(e.exactPayoffs!.map(ratToString).join(',')).toBe(c.extremePayoffs[c.extreme!.indexOf(str(e.exact!))]);
      }
    }
  });

  it.each(two.map((c) => [c.name, c] as const))('Lemke–Howson from every label ends at an extreme equilibrium: %s', (_, c) => {
    const all = lemkeHowsonAll(c.game);
    expect(all.status).toBe('ok');
    expect(all.equilibria.length).toBeGreaterThan(0);
    for (const e of all.equilibria) expect(c.extreme).toContain(str(e.exact!));
    const one = lemkeHowson(c.game);
    expect(one.status).toBe('ok');
    expect(c.extreme).toContain(str(one.equilibria[0]!.exact!));
  });
});

describe('3-player game with a unique, fully mixed equilibrium', () => {
  // Player 1 wants to match player 2 (2 on H-H, 1 on T-T), player 2 to match player 3 (1 on H-H,
  // 3 on T-T), player 3 to mismatch player 1 (1 on (T, ·, H), 4 on (H, ·, T)). Best responses cycle,
  // so there is no pure equilibrium and each player's indifference pins down another's mixture:
  // P(2 plays H) = 1/(2+1) = 1/3, P(3 plays H) = 3/4, P(1 plays H) = 1/5.
  const game = gameFromFunction(['1', '2', '3'], [2, 2, 2], (p, i) => {
    if (i === 0) return p[0] === p[1] ? (p[0] === 0 ? 2 : 1) : 0;
    if (i === 1) return p[1] === p[2] ? (p[1] === 0 ? 1 : 3) : 0;
    return p[2] === 0 && p[0] === 1 ? 1 : p[2] === 1 && p[0] === 0 ? 4 : 0;
  });

  it('has no pure equilibrium', () => {
    expect(enumeratePure(game).equilibria).toEqual([]);
  });

  it('the logit path finds it, labelled approximate with a tiny regret', () => {
    const r = approximateMixed(game);
    expect(r.status).toBe('ok');
    expect(r.exact).toBe(false);
    const e = r.equilibria[0]!;
    const want = [
      [1 / 5, 4 / 5],
      [1 / 3, 2 / 3],
      [3 / 4, 1 / 4],
    ];
    e.strategies.forEach((v, i) => v.forEach((x, s) => expect(x).toBeCloseTo(want[i]![s]!, 9)));
    expect(e.regret).toBeLessThan(1e-9);
    expect(floatRegretIndependent(game, e.strategies)).toBeLessThan(1e-9);
    e.payoffs.forEach((u, i) => expect(u).toBeCloseTo([2 / 3, 3 / 4, 4 / 5][i]!, 9));
  });
});

describe('a 3×3×3 game whose principal logit path turns too sharply to follow', () => {
  // Random payoffs 0–99; from the centroid the path stalls near λ ≈ 1,565 (payoffs scaled to [0, 1]).
  const pay = [
    94, 37, 25, 58, 88, 44, 24, 93, 36, 11, 2, 80, 43, 75, 33, 99, 80, 74, 79, 44, 52, 94, 5, 26, 28, 50, 19, 73, 9, 25, 88, 67, 84, 95, 83, 85, 21, 1, 60, 47,
    75, 59, 82, 6, 13, 16, 35, 1, 97, 87, 93, 81, 62, 31, 42, 61, 86, 66, 52, 74, 44, 12, 76, 24, 92, 17, 6, 60, 5, 18, 10, 21, 91, 25, 40, 20, 43, 35, 82, 79,
    97,
  ];
  const game = gameFromFunction(['1', '2', '3'], [3, 3, 3], () => 0);
  game.payoffs.set(pay);

  it('without restarts the method says it failed, with the regret it reached', () => {
    const r = approximateMixed(game, { restarts: 0 });
    expect(r.status).toBe('failed');
    expect(r.equilibria[0]!.regret).toBeGreaterThan(1e-3);
    expect(r.message).toMatch(/above tolerance/);
  });

  it('a second path from a seeded random prior reaches an equilibrium', () => {
    const r = approximateMixed(game);
    expect(r.status).toBe('ok');
    expect(r.paths).toBe(2);
    expect(floatRegretIndependent(game, r.equilibria[0]!.strategies)).toBeLessThan(1e-9);
  });
});

describe('dominance', () => {
  it('iterated strict dominance by pure strategies solves the 2×3 game', () => {
    const c = cases.find((x) => x.name.startsWith('solvable'))!;
    const r = iteratedPureDominance(c.game);
    expect(r.status).toBe('ok');
    expect(r.kept).toEqual([[0], [1]]);
    // R goes first (dominated by C), then D (by U), then L (by C)
    expect(r.eliminated.map((e) => [e.round, e.player, e.strategy, e.by[0]!.strategy])).toEqual([
      [1, 1, 2, 1],
      [2, 0, 1, 0],
      [3, 1, 0, 1],
    ]);
    expect(r.game.shape).toEqual([1, 1]);
  });

  it('removes the four dominated columns of the 3×7 game and nothing else', () => {
    const c = cases.find((x) => x.name.startsWith('unequal counts 3×7'))!;
    const r = iteratedPureDominance(c.game);
    expect(r.kept).toEqual([
      [0, 1, 2],
      [0, 1, 2],
    ]);
  });

  it('finds a strategy dominated only by a mixture, with an exact certificate', async () => {
    // M pays 1 whatever player 2 does; U pays (3, 0) and D (0, 3): neither dominates M, ½U + ½D does.
    const g = bimatrixGame(
      [
        [3, 0],
        [1, 1],
        [0, 3],
      ],
      [
        [1, 0],
        [0, 0],
        [0, 1],
      ],
    );
    expect(iteratedPureDominance(g).eliminated).toEqual([]);
    const r = await iteratedDominance(g, { mixed: true });
    expect(r.status).toBe('ok');
    expect(r.unverified).toBe(0);
    expect(r.eliminated[0]).toMatchObject({ player: 0, strategy: 1, round: 1 });
    expect(r.eliminated[0]!.by.map((b) => [b.strategy, ratToString(b.probability)])).toEqual([
      [0, '1/2'],
      [2, '1/2'],
    ]);
    expect(r.kept).toEqual([
      [0, 2],
      [0, 1],
    ]);
  });
});

describe('Pareto-optimal pure profiles', () => {
  it("prisoner's dilemma: all but mutual defection", () => {
    const r = paretoPure(cases[0]!.game);
    expect(r.profiles.map((p) => p.profile)).toEqual([
      [0, 0],
      [1, 0],
      [0, 1],
    ]);
  });

  it('identical payoff vectors are all Pareto optimal', () => {
    const c = cases.find((x) => x.name.startsWith('all-zero'))!;
    expect(paretoPure(c.game).profiles).toHaveLength(6);
  });
});

describe('correlated equilibrium (HiGHS)', () => {
  it("Aumann's chicken: ½ on (C, C), ¼ on each of (C, D) and (D, C), total 10.5", async () => {
    const g = bimatrixGame(
      [
        [6, 2],
        [7, 0],
      ],
      [
        [6, 7],
        [2, 0],
      ],
    );
    const r = await correlatedEquilibrium(g);
    expect(r.status).toBe('ok');
    expect(r.exact).toBe(false);
    expect(r.totalPayoff).toBeCloseTo(10.5, 9);
    expect(Array.from(r.distribution).map((p) => +p.toFixed(9))).toEqual([0.5, 0.25, 0.25, 0]);
    expect(r.regret).toBeLessThan(1e-9);
  });

  it("prisoner's dilemma: only mutual defection", async () => {
    const r = await correlatedEquilibrium(cases[0]!.game);
    expect(r.support.map((s) => s.profile)).toEqual([[1, 1]]);
    expect(r.totalPayoff).toBeCloseTo(2, 9);
  });

  it('answers too-large above the profile limit', async () => {
    const r = await correlatedEquilibrium(cases[0]!.game, { maxProfiles: 3 });
    expect(r.status).toBe('too-large');
  });
});
