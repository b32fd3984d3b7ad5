/**
 * Gambit strategic-form (`.nfg`) files: reader and writer.
 *
 * Grammar, as Gambit's own reader (src/games/file.cc) accepts it and its documentation
 * (doc/formats.nfgpay.rst, doc/formats.nfgout.rst) describes it:
 *
 *     NFG 1 R "title" { "Player 1" "Player 2" … }
 *     { 3 2 … }                          strategy counts, labels "1", "2", …
 *   | { { "a" "b" "c" } { "x" "y" } … }  strategy labels, one list per player
 *     [ "comment" ]
 *     body
 *
 * The body decides the form by its first token. A number starts the payoff form: a flat list of
 * profileCount × n payoffs, profile by profile with player 1's strategy varying fastest, and
 * inside a profile the payoffs in player order. A `{` starts the outcome form: a list of outcomes
 * `{ "label" p₁, p₂, … }` (commas optional), then one outcome index per profile in the same
 * order, where `0` is the all-zero outcome. `D` (an obsolete data-type letter) is accepted like
 * `R`. Whitespace is insignificant except inside quoted text, where `\"` stands for a quote.
 * Numbers: an optional sign, then an integer, a decimal (`1.25`, `.5`, `2.`), either optionally
 * with an exponent (`1e-3`), or a rational `p/q`.
 *
 * Speed and memory: the reader scans bytes (a `Uint8Array`/`Buffer`; a string is UTF-8 encoded
 * first) and writes each payoff straight into the game's Float64Array, without token arrays, so a
 * 70 MB file with 17.6 million payoffs costs little more than its buffer and the payoff array.
 * Decimal payoffs are converted with one correctly rounded multiplication or division where
 * the significand has at most 15 digits (the classic fast path), else by the engine's own
 * conversion. Exact values: the payoff array is exact for integers up to 2^53, so `exact`
 * (reduced rationals) is only built once a non-integer appears, and only while the game has at
 * most `exactLimit` payoffs (default 2^20); beyond that, payoffs are the nearest doubles.
 *
 * Errors are values with a 1-based line and column (in bytes) of the offending token.
 */
import { type NormalFormGame, type Rational, profileCount } from '../../game/types';
import { fromNumber, parseRational, ratToString, toNumber } from '../../game/rational';
import { utf8Decode, utf8Encode } from './utf8';

export interface NfgParseOptions {
  /** Keep exact rationals only for games with at most this many payoffs (default 2^20). */
  readonly exactLimit?: number;
  /** Refuse games with more payoffs than this (default 2^27, a 1 GiB payoff array). */
  readonly maxPayoffs?: number;
}

export type NfgParseResult =
  | { ok: true; game: NormalFormGame; form: 'payoff' | 'outcome' }
  | { ok: false; message: string; line: number; column: number };

class NfgError {
  constructor(
    readonly message: string,
    readonly line: number,
    readonly column: number,
  ) {}
}

const P10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];
const TWO53 = 2 ** 53;

const isSpace = (c: number) => c === 32 || (c >= 9 && c <= 13);
const isDigit = (c: number) => c >= 48 && c <= 57;
/** Bytes that may end a number or a symbol. */
const isDelim = (c: number | undefined) => c === undefined || isSpace(c) || c === 123 || c === 125 || c === 44;

class Scanner {
  i = 0;
  line = 1;
  lineStart = 0;
  /** Set by scanNumber: the token's byte range and whether the double is an exact integer. */
  numStart = 0;
  numEnd = 0;
  numIntExact = true;
  private readonly cache = new Map<string, Rational>();

  constructor(readonly b: Uint8Array) {
    if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) this.i = this.lineStart = 3;
  }

  fail(message: string, at = this.i): never {
    throw new NfgError(message, this.line, at - this.lineStart + 1);
  }

  /** Skip whitespace; returns the next byte (undefined at end of input). */
  skip(): number | undefined {
    const b = this.b;
    const n = b.length;
    let i = this.i;
    while (i < n) {
      const c = b[i]!;
      if (c === 10) {
        this.line++;
        this.lineStart = i + 1;
      } else if (!isSpace(c)) break;
      i++;
    }
    this.i = i;
    return i < n ? b[i] : undefined;
  }

  describe(c: number | undefined): string {
    if (c === undefined) return 'end of file';
    if (c === 34) return 'text';
    if (c === 123) return "'{'";
    if (c === 125) return "'}'";
    if (c === 44) return "','";
    if (isDigit(c) || c === 45 || c === 43 || c === 46) return `number ${this.peekWord()}`;
    return `'${this.peekWord()}'`;
  }

  peekWord(): string {
    let j = this.i;
    while (j < this.b.length && !isDelim(this.b[j]) && j - this.i < 40) j++;
    return utf8Decode(this.b, this.i, j);
  }

  expectChar(ch: number, what: string): void {
    const c = this.skip();
    if (c !== ch) this.fail(`expected ${what}, found ${this.describe(c)}`);
    this.i++;
  }

  /** A bare word (NFG, R, D). */
  symbol(): string {
    this.skip();
    const start = this.i;
    while (this.i < this.b.length && !isDelim(this.b[this.i])) this.i++;
    return utf8Decode(this.b, start, this.i);
  }

  /** Quoted text; `\"` is a quote and `\\` a backslash. */
  text(what: string): string {
    const c = this.skip();
    if (c !== 34) this.fail(`expected ${what}, found ${this.describe(c)}`);
    const startLine = this.line;
    const startCol = this.i - this.lineStart + 1;
    const b = this.b;
    let i = this.i + 1;
    const parts: string[] = [];
    let seg = i;
    for (;;) {
      if (i >= b.length) throw new NfgError(`unterminated text (opened here)`, startLine, startCol);
      const ch = b[i]!;
      if (ch === 34) break;
      if (ch === 92 && (b[i + 1] === 34 || b[i + 1] === 92)) {
        parts.push(utf8Decode(b, seg, i));
        seg = i + 1;
        i += 2;
        continue;
      }
      if (ch === 10) {
        this.line++;
        this.lineStart = i + 1;
      }
      i++;
    }
    parts.push(utf8Decode(b, seg, i));
    this.i = i + 1;
    return parts.join('');
  }

  /** Skip quoted text without decoding it (outcome labels are not kept). */
  skipText(what: string): void {
    const c = this.skip();
    if (c !== 34) this.fail(`expected ${what}, found ${this.describe(c)}`);
    const b = this.b;
    let i = this.i + 1;
    if (b[i] === 34) {
      this.i = i + 1;
      return;
    }
    const startLine = this.line;
    const startCol = this.i - this.lineStart + 1;
    for (;;) {
      if (i >= b.length) throw new NfgError(`unterminated text (opened here)`, startLine, startCol);
      const ch = b[i]!;
      if (ch === 34) break;
      if (ch === 92 && (b[i + 1] === 34 || b[i + 1] === 92)) i++;
      else if (ch === 10) {
        this.line++;
        this.lineStart = i + 1;
      }
      i++;
    }
    this.i = i + 1;
  }

  atNumber(c: number | undefined): boolean {
    return c !== undefined && (isDigit(c) || c === 45 || c === 43 || c === 46);
  }

  /**
   * Read a number at the current position (after skip()). Returns its double; records the byte
   * range and whether the double equals the number exactly as an integer.
   */
  number(what: (a: number, b: number) => string, wa = 0, wb = 0): number {
    const b = this.b;
    const n = b.length;
    const start = this.i;
    let i = start;
    let c = b[i];
    if (c === undefined || !this.atNumber(c)) this.fail(`expected ${what(wa, wb)}, found ${this.describe(c)}`);
    let neg = false;
    if (c === 45) {
      neg = true;
      i++;
    } else if (c === 43) i++;
    let mant = 0;
    let sig = 0;
    let slow = false;
    let exp10 = 0;
    let digits = 0;
    let fracNonZero = false;
    let rational = false;
    let den = 1;
    while (i < n && isDigit((c = b[i]!))) {
      const d = c - 48;
      if (sig < 15) {
        mant = mant * 10 + d;
        if (mant > 0) sig++;
      } else slow = true;
      digits++;
      i++;
    }
    if (i < n && b[i] === 47) {
      // p/q
      if (digits === 0) this.fail(`malformed number ${this.peekWord()}`);
      rational = true;
      i++;
      let dd = 0;
      den = 0;
      while (i < n && isDigit((c = b[i]!))) {
        den = den * 10 + (c - 48);
        dd++;
        i++;
      }
      if (dd === 0) this.fail(`malformed number ${this.peekWord()}`);
      if (dd > 15) slow = true;
      else if (den === 0) this.fail(`zero denominator in ${this.peekWord()}`);
    } else {
      if (i < n && b[i] === 46) {
        i++;
        while (i < n && isDigit((c = b[i]!))) {
          const d = c - 48;
          if (d !== 0) fracNonZero = true;
          if (sig < 15) {
            mant = mant * 10 + d;
            exp10--;
            if (mant > 0) sig++;
          } else if (d !== 0) slow = true;
          digits++;
          i++;
        }
      }
      if (digits === 0) this.fail(`malformed number ${this.peekWord()}`);
      if (i < n && (b[i] === 101 || b[i] === 69)) {
        i++;
        let eneg = false;
        if (b[i] === 45) {
          eneg = true;
          i++;
        } else if (b[i] === 43) i++;
        let e = 0;
        let ed = 0;
        while (i < n && isDigit((c = b[i]!))) {
          if (e < 100000) e = e * 10 + (c - 48);
          ed++;
          i++;
        }
        if (ed === 0) this.fail(`malformed exponent in ${this.peekWord()}`);
        exp10 += eneg ? -e : e;
      }
    }
    if (!isDelim(b[i])) this.fail(`malformed number ${this.peekWord()}`);
    this.i = i;
    this.numStart = start;
    this.numEnd = i;
    let v: number;
    if (slow) {
      const r = parseRational(utf8Decode(b, start, i));
      if (!r) this.fail(`malformed number ${this.peekWord()}`, start);
      v = toNumber(r);
      this.numIntExact = r.den === 1n && Math.abs(v) <= TWO53;
      return v === 0 ? 0 : v;
    }
    if (rational) v = mant / den;
    else if (exp10 === 0) v = mant;
    else if (exp10 > 0 && exp10 <= 22) v = mant * P10[exp10]!;
    else if (exp10 < 0 && exp10 >= -22) v = mant / P10[-exp10]!;
    else {
      const r = parseRational(utf8Decode(b, start, i))!;
      v = Math.abs(toNumber(r));
      slow = true;
    }
    if (neg) v = -v;
    this.numIntExact = !slow && !fracNonZero && (!rational || den === 1) && Math.abs(v) <= TWO53;
    return v === 0 ? 0 : v;
  }

  /** The exact value of the number just read (interned: repeated spellings share one object). */
  exactOfLast(): Rational {
    const s = utf8Decode(this.b, this.numStart, this.numEnd);
    let r = this.cache.get(s);
    if (!r) {
      r = parseRational(s)!;
      if (this.cache.size < 1 << 16) this.cache.set(s, r);
    }
    return r;
  }

  /** A non-negative integer in plain digits (strategy count, outcome index). */
  integer(what: (a: number) => string, wa = 0): number {
    const c = this.skip();
    const b = this.b;
    const at = this.i;
    let i = at;
    let v = 0;
    while (i < b.length && isDigit(b[i]!)) {
      v = v * 10 + (b[i]! - 48);
      i++;
    }
    if (i === at || !isDelim(b[i]) || !Number.isSafeInteger(v)) this.fail(`expected ${what(wa)}, found ${this.describe(c)}`);
    this.i = i;
    return v;
  }
}

// Descriptions for error messages, built only when a number is missing.
const whatPayoff = (k: number, len: number) => `payoff ${k + 1} of ${len}`;
const whatOutcomePayoff = (p: number, o: number) => `a payoff for player ${p + 1} in outcome ${o + 1}`;
const whatCount = (p: number) => `a strategy count for player ${p + 1}`;
const whatIndex = (q: number) => `an outcome index for profile ${q + 1}`;

/** Read a Gambit `.nfg` file (payoff or outcome form). */
export function parseNfg(input: string | Uint8Array, options: NfgParseOptions = {}): NfgParseResult {
  const bytes = typeof input === 'string' ? utf8Encode(input) : input;
  const s = new Scanner(bytes);
  try {
    return { ok: true, ...read(s, options) };
  } catch (e) {
    if (e instanceof NfgError) return { ok: false, message: e.message, line: e.line, column: e.column };
    throw e;
  }
}

function read(s: Scanner, options: NfgParseOptions): { game: NormalFormGame; form: 'payoff' | 'outcome' } {
  const exactLimit = options.exactLimit ?? 1 << 20;
  const maxPayoffs = options.maxPayoffs ?? 2 ** 27;
  s.skip();
  const at0 = s.i;
  if (s.symbol() !== 'NFG') s.fail(`expected the file type NFG, found ${s.describe(s.b[at0])}`, at0);
  s.skip();
  const atVersion = s.i;
  if (s.symbol() !== '1') s.fail('expected version 1 (only NFG version 1 exists)', atVersion);
  s.skip();
  const atType = s.i;
  const dt = s.symbol();
  if (dt !== 'R' && dt !== 'D') s.fail(`expected the data type R (or D), found '${dt}'`, atType);
  const title = s.text('the game title in double quotes');

  s.expectChar(123, "'{' before the player names");
  const players: string[] = [];
  while (s.skip() === 34) players.push(s.text('a player name'));
  if (s.skip() !== 125) s.fail(`expected a player name or '}', found ${s.describe(s.skip())}`);
  const n = players.length;
  if (n === 0) s.fail('a game needs at least one player');
  s.i++;

  s.expectChar(123, "'{' before the strategies");
  const strategies: string[][] = [];
  if (s.skip() === 123) {
    for (let p = 0; p < n; p++) {
      s.expectChar(123, `'{' before the strategy labels of player ${p + 1} (${players[p]})`);
      const labels: string[] = [];
      while (s.skip() === 34) labels.push(s.text('a strategy label'));
      if (s.skip() !== 125) s.fail(`expected a strategy label or '}', found ${s.describe(s.skip())}`);
      if (labels.length === 0) s.fail(`player ${p + 1} (${players[p]}) has no strategies`);
      s.i++;
      strategies.push(labels);
    }
  } else {
    for (let p = 0; p < n; p++) {
      const c = s.skip();
      if (c === 125) s.fail(`expected a strategy count for player ${p + 1} (${players[p]}), found '}'`);
      const at = s.i;
      const k = s.integer(whatCount, p);
      if (k < 1) s.fail(`player ${p + 1} (${players[p]}) needs at least one strategy`, at);
      if (k > 1e7) s.fail(`strategy count ${k} is too large`, at);
      strategies.push(Array.from({ length: k }, (_, j) => String(j + 1)));
    }
  }
  const atClose = s.i;
  if (s.skip() !== 125) s.fail(`expected '}' after the strategies of ${n} players, found ${s.describe(s.skip())}`);
  s.i++;
  const shape = strategies.map((l) => l.length);
  const total = profileCount(shape);
  if (total * n > maxPayoffs) s.fail(`the game has ${total} profiles × ${n} players, more than the limit of ${maxPayoffs} payoffs`, atClose);

  let comment: string | undefined;
  if (s.skip() === 34) {
    const c = s.text('a comment');
    if (c !== '') comment = c;
  }

  const c = s.skip();
  const payoffs = new Float64Array(total * n);
  let exact: Rational[] | undefined;
  const keepExact = total * n <= exactLimit;
  let form: 'payoff' | 'outcome';
  if (c === 123) {
    form = 'outcome';
    s.i++;
    let outPay = new Float64Array(Math.max(4, n * 4));
    let outExact: Rational[] | undefined;
    let count = 0;
    const outcomeExactLimit = keepExact ? Infinity : 0;
    while (s.skip() === 123) {
      s.i++;
      s.skipText('an outcome label in double quotes');
      if ((count + 1) * n > outPay.length) {
        const bigger = new Float64Array(outPay.length * 2);
        bigger.set(outPay);
        outPay = bigger;
      }
      for (let p = 0; p < n; p++) {
        const cc = s.skip();
        if (cc === 125) s.fail(`outcome ${count + 1} has ${p} payoffs; expected ${n}, one per player`);
        const v = s.number(whatOutcomePayoff, p, count);
        const k = count * n + p;
        outPay[k] = v;
        if (outExact) outExact.push(s.exactOfLast());
        else if (!s.numIntExact && (count + 1) * n <= outcomeExactLimit) {
          outExact = [];
          for (let j = 0; j < k; j++) outExact.push(fromNumber(outPay[j]!));
          outExact.push(s.exactOfLast());
        }
        if (s.skip() === 44) s.i++;
      }
      if (s.skip() !== 125) s.fail(`expected '}' after the ${n} payoffs of outcome ${count + 1}, found ${s.describe(s.skip())}`);
      s.i++;
      count++;
    }
    if (s.skip() !== 125) s.fail(`expected '{' to start an outcome or '}' to end the outcome list, found ${s.describe(s.skip())}`);
    s.i++;
    if (outExact && keepExact) exact = new Array<Rational>(total * n);
    const zero: Rational = { num: 0n, den: 1n };
    for (let q = 0; q < total; q++) {
      const cc = s.skip();
      if (cc === undefined) s.fail(`expected ${total} outcome indices (one per profile), found only ${q}`);
      const at = s.i;
      const o = s.integer(whatIndex, q);
      if (o > count) s.fail(`outcome ${o} is not defined (the file defines ${count} outcomes)`, at);
      if (o > 0) {
        const src = (o - 1) * n;
        const dst = q * n;
        for (let p = 0; p < n; p++) payoffs[dst + p] = outPay[src + p]!;
        if (exact) for (let p = 0; p < n; p++) exact[dst + p] = outExact![src + p]!;
      } else if (exact) for (let p = 0; p < n; p++) exact[q * n + p] = zero;
    }
  } else if (s.atNumber(c)) {
    form = 'payoff';
    const len = total * n;
    for (let k = 0; k < len; k++) {
      // Runs of plain numbers take the fast path; it stops at anything else (and, while exact
      // values may still be needed, at non-integers), which the general reader below handles.
      if (!exact) {
        k = fastPayoffs(s, payoffs, k, len, keepExact);
        if (k >= len) break;
      }
      const cc = s.skip();
      if (cc === undefined) s.fail(`expected ${len} payoffs (${total} profiles × ${n} players), found only ${k}`);
      payoffs[k] = s.number(whatPayoff, k, len);
      if (exact) exact[k] = s.exactOfLast();
      else if (!s.numIntExact && keepExact) {
        exact = new Array<Rational>(len);
        for (let j = 0; j < k; j++) exact[j] = fromNumber(payoffs[j]!);
        exact[k] = s.exactOfLast();
      }
    }
  } else if (c === undefined) {
    s.fail('expected outcomes or payoffs, found end of file');
  } else {
    s.fail(`expected outcomes or payoffs, found ${s.describe(c)}`);
  }
  const end = s.skip();
  if (end !== undefined) s.fail(`expected end of file after ${form === 'payoff' ? 'the payoffs' : 'the outcome indices'}, found ${s.describe(end)}`);
  const game: NormalFormGame = {
    title,
    players,
    strategies,
    shape,
    payoffs,
    ...(exact ? { exact } : {}),
    ...(comment !== undefined ? { comment } : {}),
  };
  return { game, form };
}

/**
 * The payoff loop's fast path: plain integers and (unless `intOnly`) decimals with at most 15
 * digits and no exponent, followed by whitespace, are converted inline; anything else stops the
 * loop so that the general reader handles it (and reports errors). Returns the index of the first
 * payoff not read.
 */
function fastPayoffs(s: Scanner, out: Float64Array, from: number, len: number, intOnly: boolean): number {
  const b = s.b;
  const nb = b.length;
  let i = s.i;
  let line = s.line;
  let lineStart = s.lineStart;
  let k = from;
  for (; k < len; k++) {
    let c = i < nb ? b[i]! : -1;
    while (c === 32 || c === 10 || c === 13 || c === 9) {
      if (c === 10) {
        line++;
        lineStart = i + 1;
      }
      c = ++i < nb ? b[i]! : -1;
    }
    const start = i;
    let neg = false;
    if (c === 45) {
      neg = true;
      c = ++i < nb ? b[i]! : -1;
    }
    let v = 0;
    const d0 = i;
    while (c >= 48 && c <= 57) {
      v = v * 10 + (c - 48);
      c = ++i < nb ? b[i]! : -1;
    }
    let digits = i - d0;
    if (c === 46 && !intOnly) {
      c = ++i < nb ? b[i]! : -1;
      const f0 = i;
      while (c >= 48 && c <= 57) {
        v = v * 10 + (c - 48);
        c = ++i < nb ? b[i]! : -1;
      }
      const f = i - f0;
      digits += f;
      if (f > 0) v /= P10[f]!;
    }
    if (digits === 0 || digits > 15 || !(c === 32 || c === 10 || c === 13 || c === 9 || c === -1)) {
      i = start;
      break;
    }
    out[k] = neg && v !== 0 ? -v : v;
  }
  s.i = i;
  s.line = line;
  s.lineStart = lineStart;
  return k;
}

function quote(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** A payoff as `.nfg` text: the exact rational when kept, else the shortest round-trip decimal. */
export function formatPayoff(game: NormalFormGame, k: number): string {
  const r = game.exact?.[k];
  if (r) return ratToString(r);
  const v = game.payoffs[k]!;
  return Object.is(v, -0) ? '0' : String(v);
}

/**
 * Write a game in the payoff form. Strategy labels are written as label lists unless they are
 * the defaults "1", "2", … (then as counts); one line per profile. Non-finite payoffs cannot be
 * represented and are written as-is (the result will not read back).
 */
export function writeNfg(game: NormalFormGame): string {
  const n = game.players.length;
  const defaultLabels = game.strategies.every((l) => l.every((x, j) => x === String(j + 1)));
  const lines: string[] = [];
  lines.push(`NFG 1 R ${quote(game.title)} { ${game.players.map(quote).join(' ')} }`);
  if (defaultLabels) lines.push(`{ ${game.shape.join(' ')} }`);
  else {
    lines.push('{');
    for (const l of game.strategies) lines.push(`{ ${l.map(quote).join(' ')} }`);
    lines.push('}');
  }
  if (game.comment) lines.push(quote(game.comment));
  lines.push('');
  const total = profileCount(game.shape);
  const row: string[] = new Array(n);
  for (let q = 0; q < total; q++) {
    for (let p = 0; p < n; p++) row[p] = formatPayoff(game, q * n + p);
    lines.push(row.join(' '));
  }
  lines.push('');
  return lines.join('\n');
}
