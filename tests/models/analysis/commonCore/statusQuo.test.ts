import { describe, expect, it } from 'vitest';
import { minimumStatus } from '../../../../models/analysis/commonCore/index';
import type { Scenario } from '../../../../models/domain/index';

const s = {
  format: 'coreplay-scenario',
  version: 1,
  id: 't',
  title: 't',
  description: '',
  sources: [],
  facts: [],
  assets: [],
  moves: [],
  interactions: [],
  variants: [],
  dimensions: [
    { id: 'x', label: 'x', description: '', low: '', high: '', source: 'assumption: t' },
    { id: 'y', label: 'y', description: '', low: '', high: '', source: 'assumption: t' },
  ],
  initialState: { x: 0.5, y: 0.2 },
  actors: [
    {
      id: 'a',
      name: 'A',
      short: 'A',
      description: '',
      capability: 1,
      patience: 0.9,
      source: 'assumption: t',
      ideal: { x: 0, y: 0 },
      salience: { x: 0.5, y: 0.5 },
      minimum: [
        { id: 'low-x', label: 'x at most 0.6', coeffs: { x: 1 }, op: '<=', rhs: 0.6, source: 'assumption: t' },
        { id: 'y-floor', label: 'y at least 0.3', coeffs: { y: 1 }, op: '>=', rhs: 0.3, source: 'assumption: t' },
      ],
    },
    {
      id: 'b',
      name: 'B',
      short: 'B',
      description: '',
      capability: 1,
      patience: 0.9,
      source: 'assumption: t',
      ideal: { x: 0, y: 0 },
      salience: { x: 0.5, y: 0.5 },
      minimum: [],
    },
  ],
} as unknown as Scenario;

describe('minimum status', () => {
  it('names the tightest condition with its slack and lists the failing ones', () => {
    const [a, b] = minimumStatus(s);
    expect(a!.meets).toBe(false);
    expect(a!.tightest?.constraint).toBe('y-floor');
    expect(a!.tightest?.slack).toBeCloseTo(-0.1, 12);
    expect(a!.unmet.map((c) => c.constraint)).toEqual(['y-floor']);
    expect(b).toEqual({ actor: 'b', meets: true, tightest: null, unmet: [] });
    const [a2] = minimumStatus(s, [0.6, 0.3]);
    expect(a2!.meets).toBe(true);
    expect(a2!.tightest?.slack).toBeCloseTo(0, 12);
  });
});
