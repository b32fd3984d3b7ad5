import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { spatialForecast, weightedMean, weightedMedian } from '../../../../models/analysis/forecast/index';
import { parsedBuiltin } from '../../../fixtures/builtins';

describe('weighted mean and median', () => {
  it('worked example: ideals 0, 0.5, 1 with weights 1, 1, 2', () => {
    const pts = [
      [0, 1],
      [0.5, 1],
      [1, 2],
    ] as const;
    expect(weightedMean(pts)).toBeCloseTo(0.625, 12);
    // Cumulative weight 1, 2, 4 of 4: half is reached at 0.5.
    expect(weightedMedian(pts)).toBe(0.5);
  });
  it('a heavy actor is the median on its own', () => {
    expect(
      weightedMedian([
        [0.2, 1],
        [0.9, 5],
        [0.4, 1],
      ]),
    ).toBe(0.9);
  });
  it('no weight, no forecast', () => {
    expect(weightedMean([[0.3, 0]])).toBeNull();
    expect(weightedMedian([])).toBeNull();
  });
  it('property: both lie between the smallest and largest weighted ideal', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0.001, max: 10, noNaN: true })), { minLength: 1, maxLength: 12 }),
        (pts) => {
          const lo = Math.min(...pts.map((p) => p[0]));
          const hi = Math.max(...pts.map((p) => p[0]));
          expect(weightedMean(pts)!).toBeGreaterThanOrEqual(lo - 1e-12);
          expect(weightedMean(pts)!).toBeLessThanOrEqual(hi + 1e-12);
          expect(pts.map((p) => p[0])).toContain(weightedMedian(pts));
        },
      ),
    );
  });
});

describe('Belarus forecast', () => {
  it('is labelled a heuristic and covers every dimension, with natural units where they exist', async () => {
    const s = await parsedBuiltin('belarus');
    const r = spatialForecast(s);
    if (r.status !== 'ok') throw new Error(r.problem);
    expect(r.report.label).toBe('heuristic');
    expect(r.report.dimensions.map((d) => d.dimension)).toEqual(s.dimensions.map((d) => d.id));
    for (const d of r.report.dimensions) {
      expect(d.mean).toBeGreaterThanOrEqual(0);
      expect(d.mean).toBeLessThanOrEqual(1);
    }
    const prisoners = r.report.dimensions.find((d) => d.dimension === 'prisoners')!;
    expect(prisoners.natural?.unit).toBe('prisoners');
    expect(prisoners.natural!.mean).toBeCloseTo(prisoners.mean! * 1500, 9);
  });
  it('weights by capability: Russia alone sets the forecast when it is the only actor', async () => {
    const s = await parsedBuiltin('belarus');
    const r = spatialForecast(s, { actors: ['russia'] });
    if (r.status !== 'ok') throw new Error(r.problem);
    const russia = s.actors.find((a) => a.id === 'russia')!;
    // Every dimension Russia weighs follows its ideal; one it gives no weight has no forecast.
    for (const d of r.report.dimensions) expect(d.median).toBe((russia.salience[d.dimension] ?? 0) > 0 ? russia.ideal[d.dimension] : null);
  });
  it('rejects unknown actors', async () => {
    expect(spatialForecast(await parsedBuiltin('belarus'), { actors: ['nobody'] }).status).toBe('invalid');
  });
});
