/**
 * Plain data for the spatial model's card (SpatialCard.tsx): per dimension, one chart series per
 * actor over the turns plus the forecast outcome as a level line; the model's parameters as
 * name–value pairs; and why the run stopped, in words.
 */
import { SERIES_PALETTE, type ChartSeries } from '../../../models/graph/series';
import { formatNatural } from '../../../models/domain/space';
import type { SmpParameters, SmpStop, SpatialReport } from '../../../models/analysis/spatial/index';
import type { Scenario } from '../../../models/domain/types';

/** The series id of the forecast outcome's level line. */
export const OUTCOME_SERIES = 'forecast-outcome';

/** One series per actor (its positions on dimension `k`, t = 0 the start) and the forecast outcome as a level line. */
export function spatialSeries(scenario: Scenario, report: SpatialReport, k: number): ChartSeries[] {
  const dim = scenario.dimensions.find((d) => d.id === report.dimensions[k]?.dimension);
  const format = dim ? (v: number) => formatNatural(dim, v) : undefined;
  const actors = report.actors.map((a, i) => {
    const actor = scenario.actors.find((x) => x.id === a.actor);
    return {
      id: a.actor,
      label: actor?.short ?? a.actor,
      colour: actor?.colour ?? SERIES_PALETTE[i % SERIES_PALETTE.length]!,
      values: report.positions.map((t) => t[i]?.[k] ?? null),
      ...(format ? { format } : {}),
    };
  });
  const outcome = report.dimensions[k]?.outcome ?? null;
  return [
    ...actors,
    { id: OUTCOME_SERIES, label: 'Forecast outcome', colour: '#000000', values: report.positions.map(() => outcome), ...(format ? { format } : {}) },
  ];
}

/** "Start", "Turn 1", … one label per entry of `positions`. */
export const turnLabels = (report: SpatialReport): string[] => report.positions.map((_, t) => (t === 0 ? 'Start' : `Turn ${t}`));

/** Every parameter of the run, by its KTAB name, in the order the model declares them. */
export function parameterList(p: SmpParameters): [string, string][] {
  return Object.entries(p).map(([k, v]) => [k, String(v)]);
}

/** Why the run stopped, in words. */
export function stopWords(stop: SmpStop, turns: number, p: SmpParameters): string {
  const n = `${turns} turn${turns === 1 ? '' : 's'}`;
  switch (stop) {
    case 'stable':
      return `Stopped after ${n}: no actor moved (the positions are stable).`;
    case 'quiet':
      return `Stopped after ${n}: the last turn moved the actors less than ${p.quietRatio * 100} % of what the first turn moved them.`;
    case 'turn limit':
      return `Stopped after ${n}: the turn limit (${p.maxTurns}) was reached before the positions settled.`;
  }
}
