/**
 * A spatial forecast in the style of the expected-utility models used in policy forecasting
 * (Bueno de Mesquita 1985, 1994; Bueno de Mesquita & Stokman 1994): on each issue dimension,
 * actors pull the outcome towards their ideal position with a force proportional to
 * capability × salience. The forecast here is only the starting point of those models:
 *
 *   weighted mean    x̄_d = Σ_i c_i s_id p_id / Σ_i c_i s_id
 *   weighted median  the position p at which actors with ideals ≤ p and those with ideals ≥ p
 *                    each carry at least half the total weight c_i s_id (the "median voter"
 *                    with power weights; the lower such position when two qualify).
 *
 * It is a HEURISTIC: no bargaining rounds, challenges, risk attitudes or coalitions are
 * simulated, the dimensions are treated as independent, and the minimums are ignored. The
 * median is the outcome of pairwise majority voting with these weights on one dimension
 * (Black's theorem); the mean is where weighted quadratic losses balance.
 *
 * Edge cases: a dimension nobody cares about (total weight 0) gets `null` forecasts; actors
 * may be restricted (e.g. the players of a variant) with `actors`.
 */
import { toNatural } from '../../domain/space';
import type { ActorId, DimensionId, Scenario } from '../../domain/types';

export interface DimensionForecast {
  readonly dimension: DimensionId;
  readonly label: string;
  readonly statusQuo: number;
  /** Capability × salience weighted mean of the ideal points (null if no weight). */
  readonly mean: number | null;
  /** Capability × salience weighted median of the ideal points (null if no weight). */
  readonly median: number | null;
  /** The same in the dimension's natural unit, where it has one. */
  readonly natural?: { unit: string; statusQuo: number; mean: number | null; median: number | null };
  /** The actor carrying the largest weight on this dimension. */
  readonly heaviest: ActorId | null;
  readonly totalWeight: number;
}

export interface ForecastReport {
  readonly label: 'heuristic';
  readonly method: string;
  readonly actors: ActorId[];
  readonly dimensions: DimensionForecast[];
}

export type ForecastResult = { status: 'ok'; report: ForecastReport } | { status: 'invalid'; problem: string };

/** Weighted median of (value, weight) pairs: the smallest value whose cumulative weight reaches half. */
export function weightedMedian(points: readonly (readonly [number, number])[]): number | null {
  const pts = points.filter(([, w]) => w > 0).sort((a, b) => a[0] - b[0]);
  const total = pts.reduce((t, [, w]) => t + w, 0);
  if (!(total > 0)) return null;
  let acc = 0;
  for (const [x, w] of pts) {
    acc += w;
    if (acc >= total / 2 - 1e-12 * total) return x;
  }
  return pts[pts.length - 1]![0];
}

export function weightedMean(points: readonly (readonly [number, number])[]): number | null {
  let t = 0;
  let w = 0;
  for (const [x, wt] of points) {
    if (wt <= 0) continue;
    t += x * wt;
    w += wt;
  }
  return w > 0 ? t / w : null;
}

export function spatialForecast(s: Scenario, opts: { actors?: readonly ActorId[] } = {}): ForecastResult {
  const ids = opts.actors ?? s.actors.map((a) => a.id);
  const actors = ids.map((id) => s.actors.find((a) => a.id === id));
  const missing = ids.filter((_, i) => !actors[i]);
  if (missing.length) return { status: 'invalid', problem: `unknown actor(s): ${missing.join(', ')}` };
  for (const a of actors)
    if (!(a!.capability >= 0) || !Number.isFinite(a!.capability)) return { status: 'invalid', problem: `actor "${a!.id}" has no valid capability` };
  const dimensions = s.dimensions.map((dim): DimensionForecast => {
    const pts = actors.map((a) => [a!.ideal[dim.id] ?? 0, a!.capability * (a!.salience[dim.id] ?? 0)] as const);
    const mean = weightedMean(pts);
    const median = weightedMedian(pts);
    const totalWeight = pts.reduce((t, [, w]) => t + Math.max(0, w), 0);
    let heaviest: ActorId | null = null;
    let hw = 0;
    pts.forEach(([, w], i) => {
      if (w > hw) {
        hw = w;
        heaviest = actors[i]!.id;
      }
    });
    const sq = s.initialState[dim.id] ?? 0;
    return {
      dimension: dim.id,
      label: dim.label,
      statusQuo: sq,
      mean,
      median,
      ...(dim.unit
        ? {
            natural: {
              unit: dim.unit.name,
              statusQuo: toNatural(dim, sq),
              mean: mean === null ? null : toNatural(dim, mean),
              median: median === null ? null : toNatural(dim, median),
            },
          }
        : {}),
      heaviest,
      totalWeight,
    };
  });
  return {
    status: 'ok',
    report: {
      label: 'heuristic',
      method:
        'capability × salience weighted mean and median of ideal points per dimension (the base forecast of Bueno de Mesquita-style expected-utility models; no simulated bargaining rounds)',
      actors: [...ids],
      dimensions,
    },
  };
}
