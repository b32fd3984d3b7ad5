/** The issue space: world states as dense vectors in the scenario's dimension order. */
import type { ActorId, Dimension, DimensionId, Scenario, WorldState } from './types';

export function dimensionIndex(scenario: Pick<Scenario, 'dimensions'>): Map<DimensionId, number> {
  return new Map(scenario.dimensions.map((d, i) => [d.id, i]));
}

export function stateFromRecord(scenario: Pick<Scenario, 'dimensions'>, rec: Readonly<Record<DimensionId, number>>): WorldState {
  return Float64Array.from(scenario.dimensions, (d) => rec[d.id] ?? 0);
}

export function stateToRecord(scenario: Pick<Scenario, 'dimensions'>, x: ArrayLike<number>): Record<DimensionId, number> {
  const out: Record<DimensionId, number> = {};
  scenario.dimensions.forEach((d, i) => (out[d.id] = x[i]!));
  return out;
}

export function initialState(scenario: Scenario): WorldState {
  return stateFromRecord(scenario, scenario.initialState);
}

export const clamp01 = (x: number): number => (x < 0 ? 0 : x > 1 ? 1 : x);

/** A scaled coordinate in the dimension's natural unit (e.g. 0.82 → 1,230 prisoners). */
export function toNatural(dim: Dimension, x: number): number {
  return dim.unit ? dim.unit.at0 + x * (dim.unit.at1 - dim.unit.at0) : x;
}

/** A natural-unit value on the [0, 1] scale. */
export function fromNatural(dim: Dimension, value: number): number {
  if (!dim.unit) return value;
  return (value - dim.unit.at0) / (dim.unit.at1 - dim.unit.at0);
}

/** "1,107 prisoners", "8.5 Mt/yr", or "0.35" for a dimension without a unit. */
export function formatNatural(dim: Dimension, x: number): string {
  if (!dim.unit) return x.toFixed(2);
  const v = toNatural(dim, x);
  const span = Math.abs(dim.unit.at1 - dim.unit.at0);
  const digits = span >= 100 ? 0 : span >= 10 ? 1 : 2;
  return `${v.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits })} ${dim.unit.name}`;
}

/** The scenario's default pair (when both are among its actors), or its first two actors (null with fewer than two). */
export function defaultPair(s: Pick<Scenario, 'actors' | 'defaultPair'>): [ActorId, ActorId] | null {
  const p = s.defaultPair;
  if (p && p.every((id) => s.actors.some((a) => a.id === id))) return [p[0], p[1]];
  return s.actors.length >= 2 ? [s.actors[0]!.id, s.actors[1]!.id] : null;
}
