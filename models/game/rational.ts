/**
 * Exact rational arithmetic on bigint pairs (the `Rational` of ./types): construction, the field
 * operations, comparison, conversion to and from doubles, and the textual forms used by Gambit
 * files (`7`, `-3/4`, `1.25`, `2.5e-3`).
 *
 * Every function returns a reduced rational with a positive denominator. Division by zero is
 * reported by `div` returning undefined (a value, not an exception).
 */
import type { NormalFormGame, Rational } from './types';

export const ZERO: Rational = { num: 0n, den: 1n };
export const ONE: Rational = { num: 1n, den: 1n };

export function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  while (b !== 0n) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
}

/** num/den reduced; den must be non-zero (a zero denominator gives 0/1). */
export function rat(num: bigint, den: bigint = 1n): Rational {
  if (den === 0n) return ZERO;
  if (den < 0n) {
    num = -num;
    den = -den;
  }
  if (den === 1n) return { num, den };
  const g = gcd(num, den);
  return g === 1n ? { num, den } : { num: num / g, den: den / g };
}

export const add = (a: Rational, b: Rational): Rational => (a.den === b.den ? rat(a.num + b.num, a.den) : rat(a.num * b.den + b.num * a.den, a.den * b.den));
export const sub = (a: Rational, b: Rational): Rational => (a.den === b.den ? rat(a.num - b.num, a.den) : rat(a.num * b.den - b.num * a.den, a.den * b.den));
export const mul = (a: Rational, b: Rational): Rational => rat(a.num * b.num, a.den * b.den);
export const neg = (a: Rational): Rational => ({ num: -a.num, den: a.den });
/** a / b, or undefined when b = 0. */
export function div(a: Rational, b: Rational): Rational | undefined {
  if (b.num === 0n) return undefined;
  return rat(a.num * b.den, a.den * b.num);
}
/** Sign of a − b: −1, 0 or 1. */
export function cmp(a: Rational, b: Rational): number {
  const d = a.num * b.den - b.num * a.den;
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}
export const eq = (a: Rational, b: Rational): boolean => a.num === b.num && a.den === b.den;
export const isZero = (a: Rational): boolean => a.num === 0n;

const TWO53 = 2n ** 53n;

/** The double nearest to num/den, correctly rounded (ties to even), subnormals included. */
export function toNumber(a: Rational): number {
  const { num, den } = a;
  if (den === 1n && num < TWO53 && num > -TWO53) return Number(num);
  const an = num < 0n ? -num : num;
  if (an === 0n) return 0;
  if (an < TWO53 && den < TWO53) return Number(num) / Number(den);
  // e = ⌊log₂(an/den)⌋; the result's last bit has weight 2^E with E = max(e − 52, −1074).
  let e = an.toString(2).length - den.toString(2).length;
  if (e >= 0 ? an < den << BigInt(e) : an << BigInt(-e) < den) e--;
  if (e > 1023) return num < 0n ? -Infinity : Infinity;
  const E = Math.max(e - 52, -1074);
  const top = E <= 0 ? an << BigInt(-E) : an;
  const bottom = E <= 0 ? den : den << BigInt(E);
  let q = top / bottom;
  const r2 = (top - q * bottom) * 2n;
  if (r2 > bottom || (r2 === bottom && (q & 1n) === 1n)) q += 1n;
  const v = Number(q) * 2 ** E;
  return num < 0n ? -v : v;
}

/** The exact value of a finite double (every double is a dyadic rational). */
export function fromNumber(x: number): Rational {
  if (!Number.isFinite(x)) return ZERO;
  if (Number.isInteger(x)) return { num: BigInt(x), den: 1n };
  let den = 1n;
  let v = x;
  // Multiply by 2 until integral: exact in binary floating point, at most 1074 steps.
  while (!Number.isInteger(v)) {
    v *= 2;
    den *= 2n;
  }
  return rat(BigInt(v), den);
}

/** `p` or `p/q`, the form Gambit prints. */
export function ratToString(a: Rational): string {
  return a.den === 1n ? a.num.toString() : `${a.num}/${a.den}`;
}

/**
 * Parse Gambit's number syntax: an optional sign, digits, then either `/digits` (a rational),
 * or an optional `.digits` and an optional exponent `e±digits`. `.5` and `5.` are accepted.
 * Returns undefined for anything else.
 */
export function parseRational(text: string): Rational | undefined {
  const m = /^([+-]?)(\d*)(?:\/(\d+)|(?:\.(\d*))?(?:[eE]([+-]?\d+))?)$/.exec(text);
  if (!m) return undefined;
  const [, sign, intPart, denPart, fracPart, expPart] = m;
  if (!intPart && !fracPart) return undefined;
  const s = sign === '-' ? -1n : 1n;
  if (denPart !== undefined) {
    if (!intPart) return undefined;
    const den = BigInt(denPart);
    if (den === 0n) return undefined;
    return rat(s * BigInt(intPart), den);
  }
  const frac = fracPart ?? '';
  let num = BigInt((intPart || '0') + frac);
  let den = 10n ** BigInt(frac.length);
  if (expPart !== undefined) {
    const e = Number(expPart);
    if (!Number.isSafeInteger(e) || Math.abs(e) > 100_000) return undefined;
    if (e >= 0) num *= 10n ** BigInt(e);
    else den *= 10n ** BigInt(-e);
  }
  return rat(s * num, den);
}

/** Payoff `payoffs[index]` as an exact rational: from `game.exact` where kept, else the double's exact value. */
export function exactPayoff(game: NormalFormGame, index: number): Rational {
  return game.exact?.at(index) ?? fromNumber(game.payoffs[index]!);
}

/** Least common multiple of the denominators, for scaling a set of rationals to integers. */
export function lcmDen(values: Iterable<Rational>): bigint {
  let l = 1n;
  for (const v of values) if (v.den !== 1n) l = (l / gcd(l, v.den)) * v.den;
  return l;
}
