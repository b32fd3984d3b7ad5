import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseNfg, writeNfg } from '../../../../models/analysis/io/nfg';
import { formatDecimal, formatExactLine, formatPureLine } from '../../../../models/analysis/io/gambitOutput';
import { profileCount, type NormalFormGame, type Rational } from '../../../../models/game/types';
import { exactPayoff, parseRational, rat, ratToString, toNumber } from '../../../../models/game/rational';

const fixtures = join(__dirname, '../../../fixtures/nfg');
const gambitExamples = '/work/shared/nfg/gambit-examples';

function ok(text: string | Uint8Array): NormalFormGame {
  const r = parseNfg(text);
  if (!r.ok) throw new Error(`${r.line}:${r.column}: ${r.message}`);
  return r.game;
}

/** Every payoff's exact value as text (from `exact` where kept, else the double). */
const exactTexts = (g: NormalFormGame) => Array.from(g.payoffs, (_, k) => ratToString(exactPayoff(g, k)));

function err(text: string | Uint8Array) {
  const r = parseNfg(text);
  if (r.ok) throw new Error('expected a parse error');
  return r;
}

describe('reading the payoff form', () => {
  it("Gambit's documentation sample (player 1's strategy varies fastest)", () => {
    const g = ok(readFileSync(join(fixtures, 'selten-payoff.nfg')));
    expect(g.title).toBe('Selten (IJGT, 75), Figure 2, normal form');
    expect(g.players).toEqual(['Player 1', 'Player 2']);
    expect(g.shape).toEqual([3, 2]);
    expect(g.strategies).toEqual([
      ['1', '2', '3'],
      ['1', '2'],
    ]);
    // profiles (1,1) (2,1) (3,1) (1,2) (2,2) (3,2)
    expect(Array.from(g.payoffs)).toEqual([1, 1, 0, 2, 0, 2, 1, 1, 0, 3, 2, 0]);
    expect(g.exact).toBeUndefined(); // integers: the doubles are exact
  });

  it('strategy labels with a payoff body, integers, decimals, exponents and rationals', () => {
    const g = ok('NFG 1 D "mixed numbers" { "A" "B" }\n{ { "x" "y" "z" } { "only" } }\n"a comment"\n-3 +2.5 .5 1e2 -7/14 3.\n');
    expect(g.shape).toEqual([3, 1]);
    expect(g.comment).toBe('a comment');
    expect(Array.from(g.payoffs)).toEqual([-3, 2.5, 0.5, 100, -0.5, 3]);
    expect(exactTexts(g)).toEqual(['-3', '5/2', '1/2', '100', '-1/2', '3']);
    expect(g.exact).toBeUndefined(); // every one of these numbers is a double
  });

  it('keeps the exact values of the numbers a double cannot hold, and only those', () => {
    const g = ok('NFG 1 R "" { "1" } { 10 } 1/3 0.1 1 2.5 1/4 1e22 20000000000000000001 1e400 -1e-400 123.00000000000004');
    expect(g.payoffs[0]).toBe(1 / 3);
    expect(g.payoffs[1]).toBe(0.1);
    expect(g.payoffs[7]).toBe(Infinity);
    expect(Object.is(g.payoffs[8], 0)).toBe(true);
    expect(Array.from({ length: 10 }, (_, k) => g.exact!.at(k) !== undefined)).toEqual([true, true, false, false, false, false, true, true, true, true]);
    expect(exactTexts(g)).toEqual([
      '1/3',
      '1/10',
      '1',
      '5/2',
      '1/4',
      '1' + '0'.repeat(22),
      '20000000000000000001',
      '1' + '0'.repeat(400),
      '-1/1' + '0'.repeat(400),
      '3075000000000001/25000000000000',
    ]);
  });

  it('decimal conversion is correctly rounded (agrees with Number())', () => {
    fc.assert(
      fc.property(
        fc.tuple(fc.boolean(), fc.stringMatching(/^[0-9]{1,18}$/), fc.stringMatching(/^[0-9]{0,18}$/), fc.option(fc.integer({ min: -30, max: 30 }))),
        ([neg, int, frac, exp]) => {
          const s = `${neg ? '-' : ''}${int}${frac ? `.${frac}` : ''}${exp === null ? '' : `e${exp}`}`;
          const big = ok(`NFG 1 R "" { "1" } { 1 } ${s}`);
          expect(big.payoffs[0]).toBe(Number(s) === 0 ? 0 : Number(s));
          const r = parseRational(s)!;
          expect(toNumber(r)).toBe(Number(s) === 0 ? 0 : Number(s));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('signs, long rationals and exponents read right, with their exact values', () => {
    const vals = ['-12345678901234567890/3', '+7/2', '-0.5e1', '-1e-3', '-000000000000000001.50', '-1/1000000000000000000'];
    const g = ok(`NFG 1 R "" { "1" } { ${vals.length} } ${vals.join(' ')}`);
    vals.forEach((v, k) => expect(g.payoffs[k]).toBe(Number(v.includes('/') ? toNumber(parseRational(v)!) : v)));
    expect(exactTexts(g)).toEqual(vals.map((v) => ratToString(parseRational(v)!)));
  });

  it('a large game keeps exact values as well, and the fast path reads every number right', () => {
    const shape = [50, 50];
    const total = profileCount(shape) * 2;
    const vals = Array.from({ length: total }, (_, i) =>
      i % 7 === 0 ? `-${i % 1000}.25` : i % 5 === 0 ? `${i}/4` : i % 3 === 0 ? `1.${i}e-3` : String(i % 997),
    );
    const text = `NFG 1 R "big" { "1" "2" } { ${shape.join(' ')} }\n${vals.join(' ')}\n`;
    const g = ok(text);
    vals.forEach((v, i) => expect(g.payoffs[i]).toBe(toNumber(parseRational(v)!)));
    expect(exactTexts(g)).toEqual(vals.map((v) => ratToString(parseRational(v)!)));
    // 1.xe-3 is not a double; -x.25 and x/4 are
    vals.forEach((v, i) => expect(g.exact!.at(i) !== undefined).toBe(v.endsWith('e-3')));
  });

  it('refuses games above the payoff limit before allocating', () => {
    const r = parseNfg('NFG 1 R "x" { "1" "2" } { 100000 100000 } 0', { maxPayoffs: 1e9 });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(/more than the limit/);
  });
});

describe('reading the outcome form', () => {
  it('outcomes with optional commas; outcome 0 is the all-zero outcome', () => {
    const g = ok(readFileSync(join(fixtures, 'bos-outcome.nfg')));
    expect(g.players).toEqual(['Alice', 'Bob']);
    expect(g.strategies).toEqual([
      ['Opera', 'Football'],
      ['Opera', 'Football'],
    ]);
    expect(Array.from(g.payoffs)).toEqual([3, 2, 0, 0, 0, 0, 2, 3]);
    const r = parseNfg('NFG 1 R "t" { "1" "2" } { { "a" "b" } { "c" } } { { "o1" 1 2 } { "o2" 3/2, -1 } } 2 1');
    expect(r.ok && r.form).toBe('outcome');
    expect(r.ok && Array.from(r.game.payoffs)).toEqual([1.5, -1, 1, 2]);
    expect(r.ok && exactTexts(r.game)).toEqual(['3/2', '-1', '1', '2']);
    const t = ok('NFG 1 R "t" { "1" "2" } { 3 1 } { { "a" 1/3 0.1 } { "b" 2 3 } } 2 0 1');
    expect(exactTexts(t)).toEqual(['2', '3', '0', '0', '1/3', '1/10']);
    expect(Array.from({ length: 6 }, (_, k) => t.exact!.at(k) !== undefined)).toEqual([false, false, false, false, true, true]);
  });

  it('the same game in both forms reads the same', () => {
    const a = ok('NFG 1 R "x" { "1" "2" } { 3 2 } 1 1 0 2 0 2 1 1 0 3 2 0');
    const b = ok(
      'NFG 1 R "x" { "1" "2" } { { "1" "2" "3" } { "1" "2" } } { { "" 1, 1 } { "" 0, 2 } { "" 0, 2 } { "" 1, 1 } { "" 0, 3 } { "" 2, 0 } } 1 2 3 4 5 6',
    );
    expect(Array.from(b.payoffs)).toEqual(Array.from(a.payoffs));
  });

  it('escaped quotes in labels, UTF-8 in bytes, CRLF line ends', () => {
    const text = 'NFG 1 R "say \\"hi\\"" { "Zoë" "李" }\r\n{ { "a\\\\b" "c" } { "d" } }\r\n1 2 3 4\r\n';
    const g = ok(new TextEncoder().encode(text));
    expect(g.title).toBe('say "hi"');
    expect(g.players).toEqual(['Zoë', '李']);
    expect(g.strategies[0]).toEqual(['a\\b', 'c']);
  });
});

describe('errors carry a line and column', () => {
  const cases: [string, string, number, number, RegExp][] = [
    ['not an nfg', 'GAME 1 R "x" { "1" }', 1, 1, /^expected the file type NFG, found 'GAME'$/],
    ['empty', '  \n', 2, 1, /^expected the file type NFG, found end of file$/],
    ['version', 'NFG 2 R "x" { "1" } { 1 } 0', 1, 5, /version 1/],
    ['data type', 'NFG 1 Q "x" { "1" } { 1 } 0', 1, 7, /data type R/],
    ['title', 'NFG 1 R x { "1" } { 1 } 0', 1, 9, /game title/],
    ['no players', 'NFG 1 R "x" { } { } 0', 1, 15, /at least one player/],
    ['bad count', 'NFG 1 R "x" { "1" "2" }\n{ 2 x }\n1 2', 2, 5, /strategy count for player 2/],
    ['zero count', 'NFG 1 R "x" { "1" }\n{ 0 }\n', 2, 3, /at least one strategy/],
    ['too few payoffs', 'NFG 1 R "x" { "1" "2" } { 2 2 }\n1 2 3\n4 5', 3, 4, /expected 8 payoffs .* found only 5/],
    ['extra payoff', 'NFG 1 R "x" { "1" } { 2 }\n1 2 3', 2, 5, /expected end of file/],
    ['malformed number', 'NFG 1 R "x" { "1" } { 2 }\n1 2x', 2, 3, /malformed number 2x/],
    ['zero denominator', 'NFG 1 R "x" { "1" } { 2 }\n1 2/0', 2, 3, /zero denominator/],
    ['unterminated text', 'NFG 1 R "x" { "1" } { 2 }\n"oops\n1 2', 2, 1, /unterminated text/],
    ['undefined outcome', 'NFG 1 R "x" { "1" } { { "a" "b" } }\n{ { "" 1 } }\n1 2', 3, 3, /outcome 2 is not defined/],
    ['short outcome', 'NFG 1 R "x" { "1" "2" } { 1 1 }\n{ { "" 1 } }\n1', 2, 10, /outcome 1 has 1 payoffs; expected 2/],
    ['missing indices', 'NFG 1 R "x" { "1" } { 2 }\n{ { "" 1 } }\n1', 3, 2, /expected 2 outcome indices/],
    ['strategy lists', 'NFG 1 R "x" { "1" "2" }\n{ { "a" } }\n1 2', 2, 11, /before the strategy labels of player 2/],
  ];
  it.each(cases)('%s', (_, text, line, column, message) => {
    const r = err(text);
    expect(r.message).toMatch(message);
    expect([r.line, r.column]).toEqual([line, column]);
  });
});

describe('writing', () => {
  const arbLabel = fc.string({ maxLength: 6 }).map((s) => s.replace(/\0/g, ''));
  const arbRational = fc.tuple(fc.integer({ min: -50, max: 50 }), fc.integer({ min: 1, max: 12 })).map(([a, b]) => rat(BigInt(a), BigInt(b)));
  const arbGame = fc
    .array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 4 })
    .chain((shape) =>
      fc.record({
        title: arbLabel,
        comment: fc.option(
          arbLabel.filter((s) => s !== ''),
          { nil: undefined },
        ),
        players: fc.array(arbLabel, { minLength: shape.length, maxLength: shape.length }),
        strategies: fc.oneof(
          fc.constant(shape.map((k) => Array.from({ length: k }, (_, j) => String(j + 1)))),
          fc.tuple(...shape.map((k) => fc.array(arbLabel, { minLength: k, maxLength: k }))),
        ),
        exact: fc.array(arbRational, { minLength: profileCount(shape) * shape.length, maxLength: profileCount(shape) * shape.length }),
        shape: fc.constant(shape),
      }),
    )
    .map(({ title, comment, players, strategies, exact, shape }) => {
      const g: NormalFormGame = {
        title,
        players,
        strategies,
        shape,
        payoffs: Float64Array.from(exact, toNumber),
        exact: exact as Rational[],
        ...(comment !== undefined ? { comment } : {}),
      };
      return g;
    });

  it('write → read is the identity (labels, payoffs, exact values)', () => {
    fc.assert(
      fc.property(arbGame, (g) => {
        const back = ok(writeNfg(g));
        expect(back.title).toBe(g.title);
        expect(back.players).toEqual(g.players);
        expect(back.strategies).toEqual(g.strategies);
        expect(back.shape).toEqual(g.shape);
        expect(back.comment).toBe(g.comment);
        expect(Array.from(back.payoffs)).toEqual(Array.from(g.payoffs));
        expect(exactTexts(back)).toEqual(exactTexts(g));
      }),
      { numRuns: 200 },
    );
  });

  it('doubles without exact values survive the round trip bit for bit', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { minLength: 2, maxLength: 2 }), (vals) => {
        const g: NormalFormGame = { title: 't', players: ['1', '2'], strategies: [['1'], ['1']], shape: [1, 1], payoffs: Float64Array.from(vals) };
        const back = ok(writeNfg(g));
        expect(Array.from(back.payoffs)).toEqual(vals.map((v) => (Object.is(v, -0) ? 0 : v)));
      }),
      { numRuns: 200 },
    );
  });
});

describe('Gambit output lines', () => {
  it('pure, exact and decimal forms', () => {
    expect(formatPureLine([2, 3], [1, 0])).toBe('NE,0,1,1,0,0');
    expect(
      formatExactLine([
        [rat(1n, 3n), rat(2n, 3n)],
        [rat(1n), rat(0n)],
      ]),
    ).toBe('NE,1/3,2/3,1,0');
    expect(formatDecimal(1 / 3)).toBe('0.3333333333');
    expect(formatDecimal(1e-18)).toBe('0');
    expect(formatDecimal(2.5e-8)).toBe('0.000000025');
  });
});

describe('files that are not .nfg say what they are', () => {
  it('a Gambit extensive-form file', () => {
    const r = err('EFG 2 R "An example" { "Player 1" "Player 2" }\n""\n\np "" 1 1 "" { "A" "B" } 0\n');
    expect([r.message, r.line, r.column]).toEqual([
      "this is a Gambit extensive-form (.efg) file; only strategic-form (.nfg) files can be solved here (Gambit saves a game's strategic form as .nfg)",
      1,
      1,
    ]);
  });

  it('binary data', () => {
    expect(err(Uint8Array.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0])).message).toBe('binary data (gzip-compressed), not the text of a Gambit .nfg file');
    expect(err(Uint8Array.from([0x50, 0x4b, 3, 4, 20, 0])).message).toBe('binary data (a zip archive), not the text of a Gambit .nfg file');
    expect(err(Uint8Array.from([78, 70, 71, 0, 1, 2])).message).toBe('binary data (byte 0x00 at offset 3), not the text of a Gambit .nfg file');
    expect(err(Uint8Array.from([0xff, 0xfe, 78, 0, 70, 0, 71, 0])).message).toBe('this is UTF-16 text; save the file as UTF-8');
  });
});

describe.skipIf(!existsSync(gambitExamples))('the Gambit example games', () => {
  it('all read, and write → read keeps them', () => {
    const files = readdirSync(gambitExamples).filter((f) => f.endsWith('.nfg'));
    expect(files.length).toBeGreaterThan(20);
    for (const f of files) {
      const g = ok(readFileSync(join(gambitExamples, f)));
      const back = ok(writeNfg(g));
      expect(Array.from(back.payoffs)).toEqual(Array.from(g.payoffs));
      expect(back.strategies).toEqual(g.strategies);
    }
  });
});
