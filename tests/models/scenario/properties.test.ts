import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinDoc, exportScenario, parseScenario } from '../../../models/scenario/index';

/** Random valid scenarios: every minimum contains its actor's ideal point, so it is feasible. */
const scenarioArb = fc
  .record({
    nd: fc.integer({ min: 1, max: 4 }),
    na: fc.integer({ min: 2, max: 4 }),
    seed: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 200, maxLength: 200 }),
  })
  .map(({ nd, na, seed }) => {
    let k = 0;
    const r = () => Math.min(seed[k++ % seed.length]!, 0.999999);
    const dims = Array.from({ length: nd }, (_, i) => ({
      id: `d${i}`,
      label: `Dimension ${i}`,
      description: 'x',
      low: 'low',
      high: 'high',
      ...(r() > 0.5 ? { unit: { name: 'units', at0: 0, at1: 10 + Math.round(r() * 100) } } : {}),
      source: 'assumption: generated',
    }));
    const point = () => Object.fromEntries(dims.map((d) => [d.id, r()]));
    const actors = Array.from({ length: na }, (_, a) => {
      const ideal = point();
      const raw = dims.map(() => 1 + Math.floor(r() * 9));
      const total = raw.reduce((x, y) => x + y, 0);
      const salience = Object.fromEntries(dims.map((d, i) => [d.id, raw[i]! / total]));
      const minimum = Array.from({ length: Math.floor(r() * 3) }, (_, c) => {
        const coeffs = Object.fromEntries(dims.map((d) => [d.id, Math.round((r() * 2 - 1) * 100) / 100]));
        coeffs[dims[0]!.id] = 1;
        const lhs = dims.reduce((s, d) => s + coeffs[d.id]! * ideal[d.id]!, 0);
        const le = r() > 0.5;
        // A bound stays within what the terms can reach (a bound outside is refused as a slip).
        const lo = Object.values(coeffs).reduce((x, y) => x + Math.min(0, y), 0);
        const hi = Object.values(coeffs).reduce((x, y) => x + Math.max(0, y), 0);
        const rhs = Math.min(hi, Math.max(lo, le ? lhs + r() : lhs - r()));
        return { id: `m${c}`, label: `condition ${c}`, coeffs, op: le ? '<=' : '>=', rhs, source: 'assumption: generated' };
      });
      return {
        id: `a${a}`,
        name: `Actor ${a}`,
        short: `A${a}`,
        description: 'x',
        ideal,
        salience,
        minimum,
        capability: 0.1 + 0.9 * r(),
        patience: 0.05 + 0.9 * r(),
        source: 'assumption: generated',
      };
    });
    const moves = actors.flatMap((a, i) =>
      Array.from({ length: 1 + Math.floor(r() * 2) }, (_, j) => ({
        id: `mv${i}_${j}`,
        actor: a.id,
        label: 'move',
        description: 'x',
        effects: [{ dimension: dims[Math.floor(r() * nd)]!.id, delta: Math.round((r() - 0.5) * 100) / 100 }],
        tone: (['cooperative', 'neutral', 'hostile'] as const)[Math.floor(r() * 3)],
        source: 'assumption: generated',
      })),
    );
    return {
      format: 'coreplay-scenario',
      version: 1,
      id: 'generated',
      title: 'Generated',
      description: 'x',
      sources: [],
      dimensions: dims,
      facts: [],
      actors,
      assets: [],
      moves,
      interactions: [],
      initialState: point(),
      variants: [],
    };
  });

describe('parseScenario properties', () => {
  it('returns a result for any JSON value and never throws', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (v) => {
        const r = await parseScenario(v);
        expect(typeof r.ok).toBe('boolean');
        if (!r.ok) expect(r.problems.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  it('returns a result when any part of Belarus is replaced by any JSON value', async () => {
    const paths: (string | number)[][] = [];
    const walk = (x: unknown, p: (string | number)[]) => {
      paths.push(p);
      if (x && typeof x === 'object' && p.length < 5) for (const [k, y] of Object.entries(x)) walk(y, [...p, Array.isArray(x) ? Number(k) : k]);
    };
    walk(builtinDoc('belarus'), []);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: paths.length - 1 }), fc.jsonValue({ maxDepth: 2 }), async (i, value) => {
        const doc = builtinDoc('belarus') as any;
        const p = paths[i]!;
        let o = doc;
        for (const k of p.slice(0, -1)) o = o[k];
        o[p[p.length - 1]!] = value;
        const r = await parseScenario(doc);
        if (!r.ok) for (const pr of r.problems) expect(typeof pr.message).toBe('string');
      }),
      { numRuns: 150 },
    );
  });

  it('round-trips any valid scenario through export → parse unchanged', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, async (doc) => {
        const r = await parseScenario(doc);
        expect(r.ok ? 'ok' : r.problems).toBe('ok');
        if (!r.ok) return;
        const again = await parseScenario(exportScenario(r.scenario));
        expect(again.ok && again.scenario).toEqual(r.scenario);
      }),
      { numRuns: 100 },
    );
  });
});
