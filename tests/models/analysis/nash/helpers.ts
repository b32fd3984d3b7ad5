/**
 * Test helpers: games from matrices, and equilibrium checks written independently of the
 * solvers (plain loops over all profiles, exact rationals), so a solver's answer is judged by
 * code it does not share.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { gameFromFunction, profileAt, profileCount, type NormalFormGame, type Rational } from '../../../../models/game/types';
import { add, cmp, exactPayoff, fromNumber, mul, rat, ratToString, sub, toNumber, ZERO } from '../../../../models/game/rational';

/** A bimatrix game from row-major payoff matrices A (player 1) and B (player 2). */
export function bimatrixGame(A: number[][], B: number[][], labels?: [string[], string[]]): NormalFormGame {
  const m = A.length;
  const n = A[0]!.length;
  return gameFromFunction(['1', '2'], [m, n], (p, i) => (i === 0 ? A : B)[p[0]!]![p[1]!]!, labels ? { strategies: labels } : {});
}

/** r(a/b) shorthand. */
export const q = (a: number, b = 1): Rational => rat(BigInt(a), BigInt(b));
export const str = (v: readonly (readonly Rational[])[]) => v.map((r) => r.map(ratToString).join(',')).join(' | ');

/** Every player's payoff for each pure strategy against the others' mixed strategies, exactly, by brute force. */
function pureValues(game: NormalFormGame, sigma: readonly (readonly Rational[])[]): Rational[][] {
  const n = game.shape.length;
  const out = game.shape.map((k) => new Array<Rational>(k).fill(ZERO));
  const total = profileCount(game.shape);
  for (let x = 0; x < total; x++) {
    const p = profileAt(game.shape, x);
    for (let i = 0; i < n; i++) {
      let w: Rational = q(1);
      for (let j = 0; j < n; j++) if (j !== i) w = mul(w, sigma[j]![p[j]!]!);
      out[i]![p[i]!] = add(out[i]![p[i]!]!, mul(w, exactPayoff(game, x * n + i)));
    }
  }
  return out;
}

/** Exact check: every strategy played with positive probability is a best response. Returns the max regret. */
export function exactRegretIndependent(game: NormalFormGame, sigma: readonly (readonly Rational[])[]): Rational {
  const vals = pureValues(game, sigma);
  let worst: Rational = ZERO;
  vals.forEach((v, i) => {
    let best = v[0]!;
    for (const x of v) if (cmp(x, best) > 0) best = x;
    let mine: Rational = ZERO;
    v.forEach((x, s) => (mine = add(mine, mul(x, sigma[i]![s]!))));
    const r = sub(best, mine);
    if (cmp(r, worst) > 0) worst = r;
  });
  return worst;
}

/** Float version for approximate answers. */
export function floatRegretIndependent(game: NormalFormGame, sigma: readonly (readonly number[])[]): number {
  return toNumber(
    exactRegretIndependent(
      game,
      sigma.map((v) => v.map(fromNumber)),
    ),
  );
}

/** All pure equilibria by brute force (each player's every deviation, exact payoffs). */
export function bruteForcePure(game: NormalFormGame): number[][] {
  const n = game.shape.length;
  const total = profileCount(game.shape);
  const out: number[][] = [];
  for (let x = 0; x < total; x++) {
    const p = profileAt(game.shape, x);
    const ok = p.every((_, i) => {
      for (let t = 0; t < game.shape[i]!; t++) {
        const dev = [...p];
        dev[i] = t;
        let y = 0;
        for (let j = n - 1; j >= 0; j--) y = y * game.shape[j]! + dev[j]!;
        if (cmp(exactPayoff(game, y * n + i), exactPayoff(game, x * n + i)) > 0) return false;
      }
      return true;
    });
    if (ok) out.push(p);
  }
  return out;
}

/** fast-check: a small random n-player game with integer payoffs from a small range (ties are frequent). */
export const arbGame = (maxPlayers = 4, maxStrategies = 4, maxPayoff = 4) =>
  fc.array(fc.integer({ min: 1, max: maxStrategies }), { minLength: 1, maxLength: maxPlayers }).chain((shape) =>
    fc
      .array(fc.integer({ min: -maxPayoff, max: maxPayoff }), {
        minLength: profileCount(shape) * shape.length,
        maxLength: profileCount(shape) * shape.length,
      })
      .map((vals) => {
        const g = gameFromFunction(
          shape.map((_, i) => `P${i + 1}`),
          shape,
          () => 0,
        );
        g.payoffs.set(vals);
        return g;
      }),
  );

/** fast-check: a random bimatrix game m×n with integer payoffs in [0, maxPayoff]. */
export const arbBimatrix = (maxM = 5, maxN = 5, maxPayoff = 9) =>
  fc
    .tuple(fc.integer({ min: 1, max: maxM }), fc.integer({ min: 1, max: maxN }))
    .chain(([m, n]) =>
      fc
        .tuple(
          fc.array(fc.array(fc.integer({ min: 0, max: maxPayoff }), { minLength: n, maxLength: n }), { minLength: m, maxLength: m }),
          fc.array(fc.array(fc.integer({ min: 0, max: maxPayoff }), { minLength: n, maxLength: n }), { minLength: m, maxLength: m }),
        )
        .map(([A, B]) => bimatrixGame(A, B)),
    );

/** Is lrsnash on the PATH? */
export const hasLrs = (() => {
  try {
    execFileSync('lrsnash', ['-h'], { stdio: 'ignore' });
    return true;
  } catch (e) {
    return (e as { status?: number }).status !== undefined && (e as { code?: string }).code !== 'ENOENT';
  }
})();

/** All extreme equilibria according to lrsnash, as "x1,x2,…|y1,y2,…" strings of rationals. */
export function lrsnashEquilibria(game: NormalFormGame): Set<string> {
  const [m, n] = game.shape as [number, number];
  const dir = mkdtempSync(join(tmpdir(), 'lrs-'));
  const file = join(dir, 'game');
  const rows = (p: number) =>
    Array.from({ length: m }, (_, i) => Array.from({ length: n }, (_, j) => ratToString(exactPayoff(game, (i + j * m) * 2 + p))).join(' ')).join('\n');
  writeFileSync(file, `${m} ${n}\n\n${rows(0)}\n\n${rows(1)}\n`);
  const out = execFileSync('lrsnash', [file]).toString();
  const found = new Set<string>();
  let ys: string[] = [];
  for (const line of out.split('\n')) {
    const t = line.trim().split(/\s+/);
    if (t[0] === '2') ys.push(t.slice(1, 1 + n).join(','));
    else if (t[0] === '1') {
      const x = t.slice(1, 1 + m).join(',');
      for (const y of ys) found.add(`${x}|${y}`);
      ys = [];
    }
  }
  return found;
}
