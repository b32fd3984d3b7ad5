/**
 * Payoffs a double cannot hold: 20-digit integers (equal as doubles where they differ by 1) and
 * decimals that differ only in their 17th significant digit. Read from `.nfg` text, every method
 * must answer for the exact game, never for its rounded image.
 */
import { describe, expect, it } from 'vitest';
import { parseNfg, writeNfg } from '../../../../models/analysis/io/nfg';
import { mulberry32 } from '../../../../models/game/random';
import type { NormalFormGame } from '../../../../models/game/types';
import { isZero } from '../../../../models/game/rational';
import {
  approximateMixed,
  correlatedEquilibrium,
  enumerateMixed2,
  enumeratePure,
  iteratedDominance,
  iteratedPureDominance,
  lemkeHowsonAll,
  paretoPure,
} from '../../../../models/analysis/nash/index';
import { exactRegretIndependent, floatRegretIndependent, str } from './helpers';

function read(text: string): NormalFormGame {
  const r = parseNfg(text);
  if (!r.ok) throw new Error(`${r.line}:${r.column}: ${r.message}`);
  return r.game;
}

/** The same game with only its doubles, as a reader without exact values would have it. */
const roundedOnly = (g: NormalFormGame): NormalFormGame => ({ ...g, exact: undefined });

describe('a 2×2 game with 20-digit integer payoffs (matching pennies around 10^19)', () => {
  // a = 10^19: player 1 gets a + 1 when the strategies match, a otherwise; player 2 gets a + 2
  // when they differ, a + 1 when they match. As doubles every payoff is 10^19.
  const game = read(`NFG 1 R "20-digit payoffs" { "1" "2" } { 2 2 }
10000000000000000001 10000000000000000001
10000000000000000000 10000000000000000002
10000000000000000000 10000000000000000002
10000000000000000001 10000000000000000001
`);

  it('reads as four equal doubles, with the exact payoffs kept beside them', () => {
    expect(new Set(game.payoffs)).toEqual(new Set([1e19]));
    expect(game.exact).toBeDefined();
    // the doubles alone make every profile an equilibrium, NE,0,1,1,0 among them
    expect(enumeratePure(roundedOnly(game)).equilibria.map((e) => e.profile)).toContainEqual([1, 0]);
  });

  it('has no pure equilibrium and one mixed one, (½, ½) for both, by every exact method', async () => {
    expect(enumeratePure(game).equilibria).toEqual([]);
    for (const r of [enumerateMixed2(game), enumerateMixed2(game, { faceLimit: 0 }), lemkeHowsonAll(game)]) {
      expect(r.status).toBe('ok');
      expect(r.equilibria.map((e) => str(e.exact!))).toEqual(['1/2,1/2 | 1/2,1/2']);
      expect(isZero(exactRegretIndependent(game, r.equilibria[0]!.exact!))).toBe(true);
    }
    const d = await iteratedDominance(game, { mixed: true });
    expect(d.eliminated).toEqual([]);
    expect(paretoPure(game).profiles).toHaveLength(4);
  });

  it('the approximate methods find it too, with honest regrets', async () => {
    const logit = approximateMixed(game);
    expect(logit.status).toBe('ok');
    const e = logit.equilibria[0]!;
    for (const p of e.strategies.flat()) expect(p).toBeCloseTo(0.5, 9);
    expect(floatRegretIndependent(game, e.strategies)).toBeLessThan(1e-6);
    expect(e.regret).toBeLessThan(1e-6);
    const ce = await correlatedEquilibrium(game);
    expect(ce.status).toBe('ok');
    expect(ce.regret).toBeLessThan(1e-9);
    // the only correlated equilibrium of matching pennies is the product of the mixed one
    for (const p of ce.distribution) expect(p).toBeCloseTo(0.25, 6);
  });
});

describe('dominance by a margin a double cannot hold', () => {
  it('removes the dominated row, and the reduced game keeps its exact payoffs', () => {
    // player 1's first row pays 10^19 + 1 against either column, the second 10^19
    const game = read('NFG 1 R "" { "1" "2" } { 2 2 }\n10000000000000000001 0 10000000000000000000 0 10000000000000000001 0 10000000000000000000 0\n');
    expect(iteratedPureDominance(roundedOnly(game)).eliminated).toEqual([]);
    const r = iteratedPureDominance(game);
    expect(r.kept).toEqual([[0], [0, 1]]);
    expect(writeNfg(r.game)).toBe('NFG 1 R "" { "1" "2" }\n{ 1 2 }\n\n10000000000000000001 0\n10000000000000000001 0\n');
  });
});

describe('a 1024×1024 game whose payoffs differ only in their 17th significant digit', () => {
  // Payoffs r.0000000000000d (r from 100 to 999, d a digit): 17 significant digits, where a double
  // keeps about 16, so payoffs with the same r and nearby d round to the same double.
  const m = 1024;
  const rand = mulberry32(17);
  const key = new Int32Array(m * m * 2); // 10·r + d orders the payoffs exactly
  const lines: string[] = [];
  for (let q = 0; q < m * m; q++) {
    const cells: string[] = [];
    for (let i = 0; i < 2; i++) {
      const r = 100 + Math.floor(rand() * 900);
      const d = Math.floor(rand() * 10);
      key[q * 2 + i] = r * 10 + d;
      cells.push(`${r}.0000000000000${d}`);
    }
    lines.push(cells.join(' '));
  }
  const game = read(`NFG 1 R "17th digit" { "1" "2" } { ${m} ${m} }\n${lines.join('\n')}\n`);

  /** Pure equilibria from the integer keys: best in its column for player 1, in its row for player 2. */
  function expected(): string[] {
    const colMax = new Int32Array(m).fill(-1);
    const rowMax = new Int32Array(m).fill(-1);
    for (let j = 0; j < m; j++)
      for (let i = 0; i < m; i++) {
        const q = i + j * m;
        colMax[j] = Math.max(colMax[j]!, key[q * 2]!);
        rowMax[i] = Math.max(rowMax[i]!, key[q * 2 + 1]!);
      }
    const out: string[] = [];
    for (let j = 0; j < m; j++)
      for (let i = 0; i < m; i++) {
        const q = i + j * m;
        if (key[q * 2] === colMax[j] && key[q * 2 + 1] === rowMax[i]) out.push(`${i},${j}`);
      }
    return out;
  }

  it('pure enumeration finds exactly the equilibria of the exact game (the doubles alone find one too many)', () => {
    const want = expected();
    const got = enumeratePure(game).equilibria.map((e) => e.profile.join(','));
    expect(got).toEqual(want);
    const rounded = enumeratePure(roundedOnly(game)).equilibria.map((e) => e.profile.join(','));
    expect(rounded.length).toBe(want.length + 1);
    expect(rounded).toEqual(expect.arrayContaining(want));
  });
});
