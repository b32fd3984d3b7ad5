/**
 * Line-chart series over rounds: each actor's utility, and each world-state dimension (scaled
 * to [0, 1], with a formatter for its natural unit). Plain data for src/ui/LineChart.
 */
import { dimensionIndex, formatNatural } from '../domain/space';
import { utility } from '../domain/utility';
import type { Scenario } from '../domain/types';

export interface ChartSeries {
  readonly id: string;
  readonly label: string;
  readonly colour: string;
  /** One value per round; null where there is none. */
  readonly values: readonly (number | null)[];
  /** How to show a value of this series (e.g. in its natural unit); default two decimals. */
  readonly format?: (v: number) => string;
}

/** A palette for series without a colour of their own (Okabe–Ito plus darker tones). */
export const SERIES_PALETTE = [
  '#0072b2',
  '#d55e00',
  '#009e73',
  '#cc79a7',
  '#e69f00',
  '#56b4e9',
  '#7f3c8d',
  '#3b3b3b',
  '#a6761d',
  '#b15928',
  '#e7298a',
  '#66a61e',
  '#444488',
] as const;

export function utilitySeries(scenario: Scenario, states: readonly ArrayLike<number>[]): ChartSeries[] {
  const dims = dimensionIndex(scenario);
  return scenario.actors.map((a, i) => ({
    id: a.id,
    label: a.short,
    colour: a.colour ?? SERIES_PALETTE[i % SERIES_PALETTE.length]!,
    values: states.map((x) => utility(a, dims, x)),
  }));
}

export function dimensionSeries(scenario: Scenario, states: readonly ArrayLike<number>[]): ChartSeries[] {
  return scenario.dimensions.map((d, i) => ({
    id: d.id,
    label: d.label,
    colour: SERIES_PALETTE[i % SERIES_PALETTE.length]!,
    values: states.map((x) => {
      const v = x[i];
      return v === undefined || !Number.isFinite(v) ? null : v;
    }),
    format: (v: number) => formatNatural(d, v),
  }));
}
