/**
 * Gambit's command-line output lines: `NE,` then every player's mixed strategy in player order,
 * one probability per strategy (`NE,1/3,2/3,1/2,1/2`). Exact methods print rationals (`1`, `0`,
 * `1/3`); approximate ones print decimals. Other tags (`PO` for Pareto-optimal profiles, `CE`
 * for a correlated distribution over profiles) use the same comma-separated layout.
 */
import type { Rational } from '../../game/types';
import { ratToString } from '../../game/rational';

/** `TAG,` followed by a pure profile as 0/1 probability vectors. */
export function formatPureLine(shape: readonly number[], profile: readonly number[], tag = 'NE'): string {
  let s = tag;
  for (let i = 0; i < shape.length; i++) for (let j = 0; j < shape[i]!; j++) s += j === profile[i] ? ',1' : ',0';
  return s;
}

/** `TAG,` followed by exact probabilities. */
export function formatExactLine(strategies: readonly (readonly Rational[])[], tag = 'NE'): string {
  return [tag, ...strategies.flatMap((v) => v.map(ratToString))].join(',');
}

/** A probability as a short decimal (up to `digits` significant digits, no exponent for tiny values). */
export function formatDecimal(x: number, digits = 10): string {
  if (Math.abs(x) < 1e-15) return '0';
  const s = Number(x.toPrecision(digits));
  if (Math.abs(s) < 1e-6) return s.toFixed(Math.min(100, digits + Math.ceil(-Math.log10(Math.abs(s))))).replace(/0+$/, '');
  return String(s);
}

/** `TAG,` followed by decimal probabilities. */
export function formatDecimalLine(values: readonly (readonly number[])[], tag = 'NE', digits = 10): string {
  return [tag, ...values.flatMap((v) => v.map((x) => formatDecimal(x, digits)))].join(',');
}
