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
 * conversion (correctly rounded too).
 *
 * Exact values: a payoff whose double is not its exact value (0.1, 1/3, a 20-digit integer, 1e400)
 * would make every comparison made in doubles unreliable, so its text is kept (`exact`, one
 * offset per payoff into a buffer of those texts, which is small unless most payoffs are such) and
 * read as a rational when a solver asks (rational.ts `exactPayoff`). Games whose numbers doubles
 * all hold exactly, integers up to 2^53 and dyadic decimals such as 2.5 included, keep no
 * `exact`, whatever their size.
 *
 * Errors are values with a 1-based line and column (in bytes) of the offending token.
 */
import { type ExactPayoffs, type NormalFormGame, type Rational, profileCount } from '../../game/types';
import { eq, fromNumber, parseRational, ratToString, toNumber } from '../../game/rational';

// Globals in Node and every browser; models/ compiles without DOM or Node typings, so the part used is declared here.
declare const TextEncoder: new () => { encode(text: string): Uint8Array };
declare const TextDecoder: new () => { decode(bytes: Uint8Array): string };

export interface NfgParseOptions {
  /** Refuse games with more payoffs than this (default 2^27, a 1 GiB payoff array). */
  readonly maxPayoffs?: number;
}

export type NfgParseResult = { ok: true; game: NormalFormGame; form: 'payoff' | 'outcome' } | { ok: false; message: string; line: number; column: number };

class NfgError {
  constructor(
    readonly message: string,
    readonly line: number,
    readonly column: number,
  ) {}
}

const P10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];
/** 5^k: a decimal m/10^k (m an integer below 2^53) is a double exactly when 5^k divides m. */
const P5 = Array.from({ length: 23 }, (_, k) => 5 ** k);

const isSpace = (c: number) => c === 32 || (c >= 9 && c <= 13);
const isDigit = (c: number) => c >= 48 && c <= 57;
/** Bytes that may end a number or a symbol. */
const isDelim = (c: number | undefined) => c === undefined || isSpace(c) || c === 123 || c === 125 || c === 44;

/** UTF-8 text of bytes [start, end), with a decoder per reader rather than one per module. */
class Utf8 {
  private readonly decoder = new TextDecoder();
  decode(b: Uint8Array, start: number, end: number): string {
    return this.decoder.decode(b.subarray(start, end));
  }
}

function gcdNumber(a: number, b: number): number {
  while (b !== 0) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
}

/** The number of binary places of a finite double: the least e with v·2^e an integer. */
function binaryPlaces(v: number): number {
  let e = 0;
  while (!Number.isInteger(v) && e < 1100) {
    v *= 2;
    e++;
  }
  return e;
}

/** Whether the double v is exactly the number r. */
const holds = (v: number, r: Rational): boolean => Number.isFinite(v) && eq(fromNumber(v), r);

/** Offset of "no text kept": the payoff's double is its exact value. */
const NONE = 0xffffffff;

/**
 * The texts of the payoffs whose doubles are not exact, gathered while reading: each text is copied
 * (followed by a space) into one growing buffer, and `starts[k]` is where payoff k's begins.
 */
class ExactTexts {
  starts: Uint32Array;
  text = new Uint8Array(256);
  used = 0;

  constructor(count: number) {
    this.starts = new Uint32Array(Math.max(count, 4)).fill(NONE);
  }

  add(k: number, b: Uint8Array, start: number, end: number): void {
    if (k >= this.starts.length) {
      const bigger = new Uint32Array(Math.max(k + 1, this.starts.length * 2)).fill(NONE);
      bigger.set(this.starts);
      this.starts = bigger;
    }
    const len = end - start;
    if (this.used + len + 1 > this.text.length) {
      const bigger = new Uint8Array(Math.max(this.used + len + 1, this.text.length * 2));
      bigger.set(this.text.subarray(0, this.used));
      this.text = bigger;
    }
    const text = this.text;
    let u = this.used;
    this.starts[k] = u;
    for (let i = start; i < end; i++) text[u++] = b[i]!;
    text[u++] = 32;
    this.used = u;
  }
}

/** `exact` of a game read from a file: payoff k's text, read as a rational when asked (undefined where the double is exact). */
class PayoffTexts implements ExactPayoffs {
  private readonly utf8 = new Utf8();

  constructor(
    readonly length: number,
    private readonly starts: Uint32Array,
    private readonly text: Uint8Array,
  ) {}

  at(k: number): Rational | undefined {
    const start = this.starts[k];
    if (start === undefined || start === NONE) return undefined;
    let end = start;
    while (this.text[end] !== 32) end++;
    return parseRational(this.utf8.decode(this.text, start, end));
  }
}

class Scanner {
  private readonly utf8 = new Utf8();
  i = 0;
  line = 1;
  lineStart = 0;
  /**
   * Set by number(): the token's byte range, and whether its double is its exact value:
   * 1 yes, 0 no, 2 not known yet (a long or unusual token; `lastHolds` decides).
   */
  numStart = 0;
  numEnd = 0;
  numExact: 0 | 1 | 2 = 1;
  numValue = 0;

  constructor(readonly b: Uint8Array) {
    if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) this.i = this.lineStart = 3;
  }

  decode(b: Uint8Array, start: number, end: number): string {
    return this.utf8.decode(b, start, end);
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
    return this.decode(this.b, this.i, j);
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
    return this.decode(this.b, start, this.i);
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
        parts.push(this.decode(b, seg, i));
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
    parts.push(this.decode(b, seg, i));
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
    let rational = false;
    let den = 1;
    // the last non-zero digit and its place (10^place, before the exponent), for a quick exactness test
    let lastNZ = 0;
    let place = 0;
    while (i < n && isDigit((c = b[i]!))) {
      const d = c - 48;
      if (d !== 0) {
        lastNZ = d;
        place = 0;
      } else place++;
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
        let pos = 0;
        while (i < n && isDigit((c = b[i]!))) {
          const d = c - 48;
          pos++;
          if (d !== 0) {
            lastNZ = d;
            place = -pos;
          }
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
        // the limit of parseRational, which reads the exact value
        if (e > 100_000) this.fail(`exponent out of range in ${this.peekWord()}`, start);
        exp10 += eneg ? -e : e;
        place += eneg ? -e : e;
      }
    }
    if (!isDelim(b[i])) this.fail(`malformed number ${this.peekWord()}`);
    this.i = i;
    this.numStart = start;
    this.numEnd = i;
    let v: number;
    let exact: 0 | 1 | 2;
    if (rational && slow) {
      const r = parseRational(this.decode(b, start, i));
      if (!r) this.fail(`malformed number ${this.peekWord()}`, start);
      const x = toNumber(r);
      exact = holds(x, r) ? 1 : 0;
      v = Math.abs(x);
    } else if (rational) {
      // p/q with both below 10^15: one correctly rounded division, exact when q/gcd is a power of 2
      v = mant / den;
      let q = den / gcdNumber(mant, den);
      while (q % 2 === 0) q /= 2;
      exact = q === 1 ? 1 : 0;
    } else if (slow || exp10 > 22 || exp10 < -22) {
      // The engine's conversion is correctly rounded. The value is N·10^place with N's last digit
      // lastNZ. With place < 0 it is a double only if it ends in 5 after exactly as many decimal
      // places as the double has binary ones (m/2^e written out has e decimals, the last a 5);
      // otherwise it may be one (lastHolds checks).
      v = Math.abs(Number(this.decode(b, start, i)));
      exact = lastNZ === 0 ? 1 : place < 0 && (lastNZ !== 5 || binaryPlaces(v) !== -place) ? 0 : 2;
    } else if (exp10 === 0) {
      v = mant;
      exact = 1;
    } else if (exp10 > 0) {
      v = mant * P10[exp10]!;
      exact = Number.isSafeInteger(v) ? 1 : 2;
    } else {
      v = mant / P10[-exp10]!;
      exact = mant % P5[-exp10]! === 0 ? 1 : 0;
    }
    if (neg) v = -v;
    if (v === 0) v = 0;
    this.numExact = exact;
    this.numValue = v;
    return v;
  }

  /** Whether the double of the number just read is its exact value (the check `numExact` 2 leaves). */
  lastHolds(): boolean {
    const r = parseRational(this.decode(this.b, this.numStart, this.numEnd));
    return r !== undefined && holds(this.numValue, r);
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

/** What a file that does not start with `NFG` is, when it can be told: binary data, UTF-16 text, a Gambit .efg file. */
function notNfg(b: Uint8Array, firstWord: string): string | undefined {
  const startsWith = (sig: number[]) => sig.every((x, k) => b[k] === x);
  if (startsWith([0xff, 0xfe]) || startsWith([0xfe, 0xff])) return 'this is UTF-16 text; save the file as UTF-8';
  const magic: [number[], string][] = [
    [[0x1f, 0x8b], 'gzip-compressed'],
    [[0x50, 0x4b, 0x03, 0x04], 'a zip archive'],
    [[0x7f, 0x45, 0x4c, 0x46], 'an executable'],
    [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  ];
  for (const [sig, what] of magic) if (startsWith(sig)) return `binary data (${what}), not the text of a Gambit .nfg file`;
  const end = Math.min(b.length, 4096);
  for (let i = 0; i < end; i++) {
    const c = b[i]!;
    if (c < 32 && c !== 9 && c !== 10 && c !== 12 && c !== 13)
      return `binary data (byte 0x${c.toString(16).padStart(2, '0')} at offset ${i}), not the text of a Gambit .nfg file`;
  }
  if (firstWord === 'EFG')
    return "this is a Gambit extensive-form (.efg) file; only strategic-form (.nfg) files can be solved here (Gambit saves a game's strategic form as .nfg)";
  return undefined;
}

// Descriptions for error messages, built only when a number is missing.
const whatPayoff = (k: number, len: number) => `payoff ${k + 1} of ${len}`;
const whatOutcomePayoff = (p: number, o: number) => `a payoff for player ${p + 1} in outcome ${o + 1}`;
const whatCount = (p: number) => `a strategy count for player ${p + 1}`;
const whatIndex = (q: number) => `an outcome index for profile ${q + 1}`;

/** Read a Gambit `.nfg` file (payoff or outcome form). */
export function parseNfg(input: string | Uint8Array, options: NfgParseOptions = {}): NfgParseResult {
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  const s = new Scanner(bytes);
  try {
    return { ok: true, ...read(s, options) };
  } catch (e) {
    if (e instanceof NfgError) return { ok: false, message: e.message, line: e.line, column: e.column };
    throw e;
  }
}

function read(s: Scanner, options: NfgParseOptions): { game: NormalFormGame; form: 'payoff' | 'outcome' } {
  const maxPayoffs = options.maxPayoffs ?? 2 ** 27;
  s.skip();
  const at0 = s.i;
  const kind = s.symbol();
  if (kind !== 'NFG') s.fail(notNfg(s.b, kind) ?? `expected the file type NFG, found ${kind ? `'${kind}'` : s.describe(s.b[at0])}`, at0);
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
  const len = total * n;
  const payoffs = new Float64Array(len);
  let texts: ExactTexts | undefined;
  /** Keep the text of the number just read as payoff k's (outcome payoff k's) when its double is not exact. */
  const keep = (k: number, count: number) => {
    if (s.numExact === 1 || (s.numExact === 2 && s.lastHolds())) return;
    texts ??= new ExactTexts(count);
    texts.add(k, s.b, s.numStart, s.numEnd);
  };
  let exact: ExactPayoffs | undefined;
  let form: 'payoff' | 'outcome';
  if (c === 123) {
    form = 'outcome';
    s.i++;
    let outPay = new Float64Array(Math.max(4, n * 4));
    let count = 0;
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
        const k = count * n + p;
        outPay[k] = s.number(whatOutcomePayoff, p, count);
        keep(k, 4 * n);
        if (s.skip() === 44) s.i++;
      }
      if (s.skip() !== 125) s.fail(`expected '}' after the ${n} payoffs of outcome ${count + 1}, found ${s.describe(s.skip())}`);
      s.i++;
      count++;
    }
    if (s.skip() !== 125) s.fail(`expected '{' to start an outcome or '}' to end the outcome list, found ${s.describe(s.skip())}`);
    s.i++;
    const outStarts = texts?.starts;
    const starts = outStarts ? new Uint32Array(len).fill(NONE) : undefined;
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
        if (starts) for (let p = 0; p < n; p++) starts[dst + p] = outStarts![src + p] ?? NONE;
      }
    }
    if (texts && starts) exact = new PayoffTexts(len, starts, texts.text.subarray(0, texts.used));
  } else if (s.atNumber(c)) {
    form = 'payoff';
    const inexact = (k: number, start: number, end: number) => {
      texts ??= new ExactTexts(len);
      texts.add(k, s.b, start, end);
    };
    for (let k = 0; k < len; k++) {
      // Runs of plain numbers take the fast path; it stops at anything else, which the general
      // reader below handles (and reports errors).
      k = fastPayoffs(s, payoffs, k, len, inexact);
      if (k >= len) break;
      const cc = s.skip();
      if (cc === undefined) s.fail(`expected ${len} payoffs (${total} profiles × ${n} players), found only ${k}`);
      payoffs[k] = s.number(whatPayoff, k, len);
      keep(k, len);
    }
    if (texts) exact = new PayoffTexts(len, texts.starts, texts.text.subarray(0, texts.used));
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
 * The payoff loop's fast path: plain integers and decimals with at most 15 digits and no
 * exponent, followed by whitespace, are converted inline (a decimal whose double is not exact is
 * passed to `inexact`); anything else stops the loop so that the general reader handles it (and
 * reports errors). Returns the index of the first payoff not read.
 */
function fastPayoffs(s: Scanner, out: Float64Array, from: number, len: number, inexact: (k: number, start: number, end: number) => void): number {
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
    let f = 0;
    if (c === 46) {
      c = ++i < nb ? b[i]! : -1;
      const f0 = i;
      while (c >= 48 && c <= 57) {
        v = v * 10 + (c - 48);
        c = ++i < nb ? b[i]! : -1;
      }
      f = i - f0;
      digits += f;
    }
    if (digits === 0 || digits > 15 || !(c === 32 || c === 10 || c === 13 || c === 9 || c === -1)) {
      i = start;
      break;
    }
    if (f > 0) {
      if (v % P5[f]! !== 0) inexact(k, start, i);
      v /= P10[f]!;
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
  const r = game.exact?.at(k);
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
