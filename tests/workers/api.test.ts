/**
 * The worker API as plain functions: every result carries its kind, method, exactness,
 * parameters and input hash; bad input is a value, not an exception.
 */
import { describe, expect, it } from 'vitest';
import highsLoader from 'highs';
import { analyseBargaining, analyseCoop, analyseForecast, estimateSize, hashInput, mayRunOnMainThread } from '../../workers/api';
import { memoiseHighs } from '../../workers/lpMemo';
import { chebyshevCentre } from '../../models/analysis/commonCore/index';
import { setHighsLoader, solveLp } from '../../models/game/lp';
import { parsedBuiltin } from '../fixtures/builtins';

describe('worker api', () => {
  it('bargaining: provenance, and the hash follows the parameters', async () => {
    const s = await parsedBuiltin('belarus');
    const a = analyseBargaining(s, [], ['regime', 'us']);
    const b = analyseBargaining(s, [], ['regime', 'us'], { first: 'us' });
    if (a.status !== 'ok' || b.status !== 'ok') throw new Error('should run');
    expect(a.kind).toBe('bargaining');
    expect(a.exact).toBe(true);
    expect(a.method).toMatch(/Nash/);
    expect(a.parameters).toEqual({ variants: [], pair: ['regime', 'us'] });
    expect(a.inputHash).toBe(hashInput({ scenario: s, variants: [], pair: ['regime', 'us'] }));
    expect(b.inputHash).not.toBe(a.inputHash);
    expect(analyseBargaining(s, ['no-such-variant'], ['regime', 'us'])).toMatchObject({ status: 'invalid', kind: 'bargaining' });
    expect(analyseBargaining(s, [], ['regime', 'nobody'])).toMatchObject({ status: 'invalid', kind: 'bargaining' });
  });

  it('forecast: labelled a heuristic and not exact; a variant changes it', async () => {
    const s = await parsedBuiltin('belarus');
    const f = analyseForecast(s, []);
    const g = analyseForecast(s, ['us-transactional']);
    if (f.status !== 'ok' || g.status !== 'ok') throw new Error('should run');
    expect(f.report.label).toBe('heuristic');
    expect(f.exact).toBe(false);
    expect(g.inputHash).not.toBe(f.inputHash);
    const prisoners = (r: typeof f) => r.report.dimensions.find((d) => d.dimension === 'prisoners')!.mean;
    expect(prisoners(g)).not.toBe(prisoners(f));
  });

  it('coop: exact, with the derivation, and the node budget as a parameter', async () => {
    const s = await parsedBuiltin('belarus');
    const c = await analyseCoop(s, [], {}, () => performance.now());
    if (c.status !== 'ok') throw new Error(c.problem);
    expect(c.kind).toBe('coop');
    expect(c.exact).toBe(true);
    expect(c.report.derivation).toMatch(/v\(S\)/);
    expect(c.ms).toBeGreaterThan(0);
    const capped = await analyseCoop(s, [], { nodeBudget: 100 });
    if (capped.status !== 'ok') throw new Error(capped.problem);
    expect(capped.exact).toBe(false);
    expect(capped.parameters.nodeBudget).toBe(100);
    expect(await analyseCoop(s, [], { actors: ['nobody'] })).toMatchObject({ status: 'invalid', kind: 'coop' });
  });

  it('estimates sizes, and only LP-free small requests may run on the main thread', async () => {
    const s = await parsedBuiltin('belarus');
    expect(estimateSize('forecast', s)).toBe(s.actors.length * s.dimensions.length);
    expect(estimateSize('bargaining', s, ['regime', 'us'])).toBe(9 * 6);
    expect(estimateSize('coop', s)).toBeGreaterThan(1e6);
    expect(mayRunOnMainThread('forecast', 130)).toBe(true);
    expect(mayRunOnMainThread('bargaining', 54)).toBe(true);
    expect(mayRunOnMainThread('coop', 10)).toBe(false);
    expect(mayRunOnMainThread('bargaining', 1e6)).toBe(false);
  });
});

describe('LP memo', () => {
  it('solves identical programs once and answers them identically', async () => {
    const s = await parsedBuiltin('belarus');
    const memo = memoiseHighs(await highsLoader());
    setHighsLoader(async () => memo.highs);
    try {
      // The programs of one Chebyshev centre, asked twice (the common core keeps its own answers
      // per polytope, so the LPs are sent here directly).
      const program = { sense: 'max' as const, cost: [1, 1, 0], colHi: [1, 1, 1], rows: [{ idx: [0, 1], val: [1, 2], lo: -Infinity, hi: 1.5 }] };
      const first = await solveLp(program);
      const again = await solveLp(program);
      expect(again).toEqual(first);
      expect(memo.stats).toEqual({ calls: 2, solved: 1 });
      expect((await chebyshevCentre(s, ['regime', 'ukraine'])).status).toBe('ok');
      // Answers are copies: changing one does not change the next.
      const lp = { sense: 'max' as const, cost: [1], colHi: [2], rows: [] };
      const a = await solveLp(lp);
      if (a.status !== 'optimal') throw new Error(a.status);
      a.x[0] = 99;
      const b = await solveLp(lp);
      expect(b.status === 'optimal' && b.x[0]).toBe(2);
      expect(memo.stats.solved).toBeGreaterThanOrEqual(2);
    } finally {
      setHighsLoader(() => highsLoader());
    }
  });
});

describe('worker api: readings and sensitivity', () => {
  it('every reading carries its label and which minimums its opening state meets', async () => {
    const { analyseCommonCore } = await import('../../workers/api');
    const scenario = await parsedBuiltin('belarus');
    const a = await analyseCommonCore(scenario, []);
    if (a.status !== 'ok') throw new Error(a.problem);
    expect(a.readings[0]!.label).toBe('As encoded');
    const grey = a.readings.find((x) => x.variants.includes('grey'))!;
    expect(grey.label).toBe(scenario.variants.find((v) => v.id === 'grey')!.label);
    expect(grey.statusQuo.map((x) => x.actor)).toEqual(scenario.actors.map((x) => x.id));
    expect(grey.statusQuo.find((x) => x.actor === 'opposition')!.meets).toBe(false);
  });

  it('sensitivity: one entry per reading, each assumed bound with the interval of each result it touches', async () => {
    const { analyseSensitivity } = await import('../../workers/api');
    const scenario = await parsedBuiltin('belarus');
    const a = await analyseSensitivity(scenario, []);
    if (a.status !== 'ok') throw new Error(a.problem);
    expect(a.kind).toBe('sensitivity');
    expect(a.report.readings.map((x) => x.variants)).toEqual([[], ...scenario.variants.filter((v) => v.kind === 'reading').map((v) => [v.id])]);
    for (const rd of a.report.readings)
      for (const b of rd.bounds) {
        const actor = scenario.actors.find((x) => x.id === b.actors[0])!;
        const c = actor.minimum.find((k) => k.id === b.constraint) ?? null;
        // Only bounds a source does not fix are moved.
        if (c) expect(c.source).toMatch(/assumption:/);
        for (const cl of b.claims) {
          if (cl.from !== null) expect(cl.from).toBeLessThanOrEqual(b.rhs + 1e-9);
          if (cl.to !== null) expect(cl.to).toBeGreaterThanOrEqual(b.rhs - 1e-9);
        }
      }
    expect((await analyseSensitivity(scenario, ['nope'])).status).toBe('invalid');
  });
});
