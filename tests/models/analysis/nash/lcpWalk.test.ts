/**
 * `lemkeHowsonAll` walks the equilibrium graph: Lemke–Howson paths from the artificial
 * equilibrium and then from every equilibrium found, with every dropped label. On a random 20×20
 * game it finds far more than the paths from the artificial equilibrium alone, each one an exact
 * equilibrium and one of the extreme equilibria lrsnash lists for the game.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../../models/game/random';
import { isZero } from '../../../../models/game/rational';
import { enumerateMixed2, lemkeHowson, lemkeHowsonAll } from '../../../../models/analysis/nash/index';
import { arbBimatrix, bimatrixGame, exactRegretIndependent, str } from './helpers';

/** The random bimatrix game of scripts/bench/nash.bench.ts: payoffs 0–999, A row by row, then B. */
function randomBimatrix(m: number, n: number, seed: number) {
  const rand = mulberry32(seed);
  const A = Array.from({ length: m }, () => Array.from({ length: n }, () => Math.floor(rand() * 1000)));
  const B = Array.from({ length: m }, () => Array.from({ length: n }, () => Math.floor(rand() * 1000)));
  return bimatrixGame(A, B);
}

const support = (v: readonly { num: bigint }[]) => v.flatMap((p, i) => (p.num !== 0n ? [i] : [])).join(' ');

describe('the walk of all Lemke–Howson paths on a random 20×20 game (seed 20)', () => {
  const game = randomBimatrix(20, 20, 20);
  const lrsnash = new Set(
    readFileSync(join(__dirname, '../../../fixtures/nfg/random-20x20-seed20.supports'), 'utf8')
      .split('\n')
      .filter((l) => l && !l.startsWith('#')),
  );

  it('finds 207 of the 215 extreme equilibria, where the paths from the artificial one find 15', () => {
    expect(lrsnash.size).toBe(215);
    const fromArtificial = new Set<string>();
    for (let k = 0; k < 40; k++) {
      const r = lemkeHowson(game, { label: k });
      expect(r.status).toBe('ok');
      fromArtificial.add(r.equilibria[0]!.exact!.map(support).join(' | '));
    }
    expect(fromArtificial.size).toBe(15);

    const streamed: string[] = [];
    const walk = lemkeHowsonAll(game, { onEquilibrium: (e) => streamed.push(e.exact!.map(support).join(' | ')) });
    expect(walk.status).toBe('ok');
    const found = walk.equilibria.map((e) => e.exact!.map(support).join(' | '));
    expect(found).toEqual(streamed);
    expect(new Set(found).size).toBe(207);
    for (const s of fromArtificial) expect(found).toContain(s);
    for (const [k, e] of walk.equilibria.entries()) {
      expect(lrsnash.has(found[k]!)).toBe(true);
      expect(isZero(exactRegretIndependent(game, e.exact!))).toBe(true);
      expect(e.regret).toBe(0);
    }
  });

  it('stops when asked, with the equilibria found so far', () => {
    let polls = 0;
    const r = lemkeHowsonAll(game, { shouldStop: () => ++polls > 200 });
    expect(r.status).toBe('cancelled');
    expect(r.equilibria.length).toBeGreaterThan(0);
    expect(r.equilibria.length).toBeLessThan(207);
  });
});

describe('the walk on small random games, degenerate ones included', () => {
  it('ends, and every equilibrium it reports is exact and one of the extreme equilibria', () => {
    fc.assert(
      fc.property(fc.oneof(arbBimatrix(5, 5, 2), arbBimatrix(6, 6, 1000)), (g) => {
        const walk = lemkeHowsonAll(g);
        expect(walk.status).toBe('ok');
        expect(walk.equilibria.length).toBeGreaterThan(0);
        const extreme = new Set(enumerateMixed2(g).equilibria.map((e) => str(e.exact!)));
        const found = walk.equilibria.map((e) => str(e.exact!));
        expect(new Set(found).size).toBe(found.length);
        for (const [k, e] of walk.equilibria.entries()) {
          expect(extreme.has(found[k]!)).toBe(true);
          expect(isZero(exactRegretIndependent(g, e.exact!))).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });
});
