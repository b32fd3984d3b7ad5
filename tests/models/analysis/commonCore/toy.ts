import type { Scenario } from '../../../../models/domain/index';

/** A condition of a toy minimum; its source defaults to an assumption. */
export type ToyCondition = { coeffs: Record<string, number>; op: '<=' | '>='; rhs: number; source?: string };

/** A scenario of actors a0, a1, … on the given dimensions, each with the given minimum (ideals at 0.5, equal saliences). */
export function toy(dims: string[], minimums: ToyCondition[][]): Scenario {
  return {
    format: 'coreplay-scenario',
    version: 1,
    id: 'toy',
    title: 'toy',
    description: '',
    sources: [],
    facts: [],
    assets: [],
    moves: [],
    interactions: [],
    variants: [],
    dimensions: dims.map((id) => ({ id, label: id, description: '', low: '', high: '', source: 'assumption: test' })),
    initialState: Object.fromEntries(dims.map((d) => [d, 0.5])),
    actors: minimums.map((m, i) => ({
      id: `a${i}`,
      name: `A${i}`,
      short: `A${i}`,
      description: '',
      capability: 1,
      patience: 0.9,
      source: 'assumption: test',
      ideal: Object.fromEntries(dims.map((d) => [d, 0.5])),
      salience: Object.fromEntries(dims.map((d) => [d, 1 / dims.length])),
      minimum: m.map((c, j) => ({ id: `c${j}`, label: `c${j}`, source: 'assumption: test', ...c })),
    })),
  };
}
