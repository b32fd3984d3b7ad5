/**
 * The analyses that need no linear program (so no HiGHS): the spatial forecast and bilateral
 * bargaining. The client may run small ones on the main thread by importing this module
 * lazily; the worker runs them through api.ts, which re-exports them.
 */
import { bilateralBargaining, type BargainingReport } from '../models/analysis/bargaining/index';
import { spatialForecast, type ForecastReport } from '../models/analysis/forecast/index';
import { KTAB_DEFAULTS, spatialBargaining, type SmpParameters, type SpatialReport } from '../models/analysis/spatial/index';
import { applyVariants, type ActorId, type Scenario } from '../models/domain/index';
import { provenance, type Invalid, type Provenance } from './hash';

export type ForecastAnalysis = ({ status: 'ok'; report: ForecastReport } & Provenance<'forecast', { variants: string[] }>) | Invalid<'forecast'>;

export interface BargainingParameters {
  variants: string[];
  pair: [ActorId, ActorId];
  /** Who opens the alternating offers (default: the first of the pair). */
  first?: ActorId;
}

export type BargainingAnalysis = ({ status: 'ok'; report: BargainingReport } & Provenance<'bargaining', BargainingParameters>) | Invalid<'bargaining'>;

export function analyseForecast(scenario: Scenario, variants: string[], now: () => number = () => 0): ForecastAnalysis {
  const t0 = now();
  const a = applyVariants(scenario, variants);
  if (!a.ok) return { status: 'invalid', kind: 'forecast', problem: a.problem };
  const r = spatialForecast(a.value.scenario);
  if (r.status !== 'ok') return { status: 'invalid', kind: 'forecast', problem: r.problem };
  return provenance('forecast', scenario, { variants }, r.report.method, false, now() - t0, r.report);
}

export function analyseBargaining(
  scenario: Scenario,
  variants: string[],
  pair: [ActorId, ActorId],
  opts: { first?: ActorId } = {},
  now: () => number = () => 0,
): BargainingAnalysis {
  const t0 = now();
  const parameters: BargainingParameters = { variants, pair, ...(opts.first ? { first: opts.first } : {}) };
  const a = applyVariants(scenario, variants);
  if (!a.ok) return { status: 'invalid', kind: 'bargaining', problem: a.problem };
  const r = bilateralBargaining(a.value.scenario, pair, opts);
  if (r.status !== 'ok') return { status: 'invalid', kind: 'bargaining', problem: r.problem };
  return provenance('bargaining', scenario, parameters, r.report.method, r.report.exact, now() - t0, r.report);
}

/** The spatial bargaining forecast (models/analysis/spatial): an SMP-family simulation of challenges and bargains with KTAB's default parameters. */

export type SpatialAnalysis =
  | ({ status: 'ok'; report: SpatialReport } & Provenance<'spatial', { variants: string[]; model: SmpParameters }>)
  | Invalid<'spatial'>;

export function analyseSpatial(scenario: Scenario, variants: string[], now: () => number = () => 0): SpatialAnalysis {
  const t0 = now();
  const a = applyVariants(scenario, variants);
  if (!a.ok) return { status: 'invalid', kind: 'spatial', problem: a.problem };
  const r = spatialBargaining(a.value.scenario, KTAB_DEFAULTS);
  if (r.status !== 'ok') return { status: 'invalid', kind: 'spatial', problem: r.problem };
  return provenance('spatial', scenario, { variants, model: KTAB_DEFAULTS }, r.report.method, false, now() - t0, r.report);
}
