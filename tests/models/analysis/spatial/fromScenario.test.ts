import { describe, expect, it } from 'vitest';
import { KTAB_DEFAULTS, scenarioToSmp, spatialBargaining } from '../../../../models/analysis/spatial/index';
import type { Actor, Scenario } from '../../../../models/domain/index';
import { parsedBuiltin } from '../../../fixtures/builtins';
import { analyseSpatial } from '../../../../workers/local';

/** A two-dimensional toy: status quo (0.5, 0.5); minimums as given. */
function toy(actors: Partial<Actor>[]): Scenario {
  const dim = (id: string) => ({ id, label: id.toUpperCase(), description: '', low: 'low', high: 'high', source: 'assumption: test' });
  return {
    format: 'coreplay-scenario',
    version: 1,
    id: 'toy',
    title: 'Toy',
    description: '',
    sources: [],
    dimensions: [dim('x'), dim('y')],
    facts: [],
    actors: actors.map((a, i) => ({
      id: `a${i}`,
      name: `Actor ${i}`,
      short: `A${i}`,
      description: '',
      ideal: { x: 0.5, y: 0.5 },
      salience: { x: 0.5, y: 0.5 },
      minimum: [],
      capability: 0.5,
      patience: 0.9,
      source: 'assumption: test',
      ...a,
    })),
    assets: [],
    moves: [],
    interactions: [],
    initialState: { x: 0.5, y: 0.5 },
    variants: [],
  };
}

describe('a Coreplay scenario as the spatial model’s input', () => {
  it('scales dimensions to 0–100, capability to influence, saliences to sum 100', async () => {
    const s = await parsedBuiltin('belarus');
    const c = scenarioToSmp(s);
    expect(c.input.dimensions).toHaveLength(s.dimensions.length);
    expect(c.input.actors).toHaveLength(s.actors.length);
    s.actors.forEach((a, i) => {
      const x = c.input.actors[i]!;
      expect(x.influence).toBeCloseTo(a.capability * 100, 9);
      expect(x.salience.reduce((t, v) => t + v, 0)).toBeCloseTo(100, 6);
      s.dimensions.forEach((d, k) => expect(x.salience[k]).toBeCloseTo((a.salience[d.id] ?? 0) * 100, 6));
      const from = c.starts[i]!.start === 'status quo' ? s.initialState : a.ideal;
      s.dimensions.forEach((d, k) => expect(x.position[k]).toBeCloseTo((from[d.id] ?? 0) * 100, 9));
    });
  });

  it('starts an actor at the status quo when the state meets its minimum and it likes it at least as well as any rival ideal', () => {
    const s = toy([
      // a0: ideal at the status quo: defends it.
      { ideal: { x: 0.5, y: 0.5 } },
      // a1: close to the status quo but a2's ideal is closer still: argues for its ideal.
      { ideal: { x: 0.9, y: 0.9 } },
      { ideal: { x: 0.8, y: 0.8 } },
      // a3: ideal at the status quo, but the status quo breaks its minimum (x ≥ 0.6).
      { ideal: { x: 0.5, y: 0.5 }, minimum: [{ id: 'm', label: 'x at least 0.6', coeffs: { x: 1 }, op: '>=', rhs: 0.6, source: 'assumption: test' }] },
    ]);
    const c = scenarioToSmp(s);
    expect(c.starts.map((x) => x.start)).toEqual(['status quo', 'ideal', 'ideal', 'ideal']);
    expect(c.starts[1]!.reason).toMatch(/prefers A2's ideal/);
    expect(c.starts[3]!.reason).toBe('the status quo does not meet its minimum');
    expect(c.input.actors[1]!.position).toEqual([90, 90]);
    expect(c.input.actors[0]!.position).toEqual([50, 50]);
  });

  it('a lone actor content with the status quo starts there', () => {
    const c = scenarioToSmp(toy([{ ideal: { x: 0.2, y: 0.2 } }]));
    expect(c.starts[0]).toMatchObject({ start: 'status quo', reason: 'the status quo meets its minimum and no other actor proposes anything' });
  });
});

describe('Belarus through the spatial model', () => {
  it('runs to a stop with every position on the scale and says why each actor moved', async () => {
    const s = await parsedBuiltin('belarus');
    const r = spatialBargaining(s, KTAB_DEFAULTS);
    if (r.status !== 'ok') throw new Error(r.problem);
    expect(r.report.turns).toBeGreaterThan(0);
    expect(['stable', 'quiet', 'turn limit']).toContain(r.report.stop);
    for (const t of r.report.positions) for (const x of t) for (const v of x) expect(v >= 0 && v <= 1).toBe(true);
    for (const d of r.report.dimensions) expect(d.outcome >= 0 && d.outcome <= 1 && d.expected >= 0 && d.expected <= 1).toBe(true);
    const movers = r.report.actors.filter((a) => a.why.length > 0);
    expect(movers.length).toBeGreaterThan(0);
    for (const a of movers) for (const w of a.why) expect(w).toMatch(/^turn \d+: .* moved .*(its own challenge to|challenged it).*probability/);
  });

  it('analyseSpatial: provenance with the method and every parameter, or the problem', async () => {
    const s = await parsedBuiltin('belarus');
    let t = 0;
    const a = analyseSpatial(s, [], () => (t += 5));
    expect(a.status).toBe('ok');
    if (a.status !== 'ok') return;
    expect(a).toMatchObject({ kind: 'spatial', exact: false, ms: 5, parameters: { variants: [], model: KTAB_DEFAULTS } });
    expect(a.method).toBe(a.report.method);
    expect(a.method).toContain('VictoryProbModel Linear');
    expect(a.inputHash).toMatch(/^[0-9a-f]{8}$/);
    expect(analyseSpatial(s, ['no-such-variant'])).toMatchObject({
      status: 'invalid',
      kind: 'spatial',
      problem: expect.stringContaining('unknown variant "no-such-variant"'),
    });
    const v = s.variants[0];
    if (v) expect(analyseSpatial(s, [v.id]).status).toBe('ok');
  });
});
