/**
 * What the worker computes, as plain functions the tests can call in Node. Every result is a
 * value with its provenance: the kind of analysis, the method, whether it is exact, the
 * parameters and a hash of the input (hashInput of the scenario and the parameters).
 *
 * - analyseCommonCore: the common core under the chosen variants and under each reading.
 * - analyseCoop: the TU game from the outcome model (core, least core, Shapley, nucleolus).
 * - analyseBargaining: Nash, Kalai–Smorodinsky and Rubinstein for a pair of actors.
 * - analyseForecast: the capability × salience weighted positions (a heuristic).
 * - analyseRoundGame: the opening round game's equilibria, dominance and the pair's bimatrix game.
 * - analyseDebrief: a resolved round beside its analysis (best responses, the best pure
 *   equilibrium, gains and losses) and bargaining for a pair from the round's starting position.
 */
import { roundGameReport, type RoundGameReport } from '../models/analysis/roundGameReport';
import { HOLD, initialHoldings } from '../models/domain/legality';
import { debriefReport, type DebriefReport, type DebriefStart } from '../models/analysis/debrief';
import type { RoundRecord } from '../models/machines/roundLogic';
import {
  boundSensitivity,
  commonCore,
  commonCoreAnswers,
  minimumStatus,
  standardClaims,
  type ActorStatus,
  type BoundSensitivity,
  type CommonCoreAnswers,
  type CommonCoreReport,
} from '../models/analysis/commonCore/index';
import { coopAnalysis, type CoopReport } from '../models/analysis/coop/index';
import { applyVariants, initialState, type ActorId, type Scenario } from '../models/domain/index';
import { hashInput, provenance, type Invalid, type Provenance } from './hash';

export { hashInput } from './hash';
export type { Provenance, Invalid } from './hash';
export * from './local';
export * from './size';

export interface ReadingReport extends CommonCoreReport {
  variants: string[];
  /** The reading's name in words: "As encoded", or the labels of its variants joined by " + ". */
  label: string;
  excluded: string[];
  /** Per actor, whether the reading's opening state meets its minimum, and the tightest condition. */
  statusQuo: ActorStatus[];
}

export const COMMON_CORE_METHOD = 'level-wise LP feasibility search (HiGHS) + Chebyshev-centre LP, per reading';

export type CommonCoreAnalysis =
  | ({
      status: 'ok';
      readings: ReadingReport[];
      /** Set on the early answer that holds the chosen variants' reading only; the full answer follows. */
      partial?: true;
    } & Provenance<'commonCore', { variants: string[] }>)
  | { status: 'invalid'; kind?: 'commonCore'; problem: string };

/** The variant lists the common core is computed under: the chosen variants, then each reading on top of them. */
export function readingSets(scenario: Scenario, variants: string[]): string[][] {
  return [variants, ...scenario.variants.filter((v) => v.kind === 'reading' && !variants.includes(v.id)).map((v) => [...variants, v.id])];
}

/** The common core under one list of variants (one entry of `readingSets`); `answers` are the caller's kept answers. */
export async function analyseReading(
  scenario: Scenario,
  ids: string[],
  answers: CommonCoreAnswers = commonCoreAnswers(),
): Promise<{ status: 'ok'; reading: ReadingReport } | { status: 'invalid'; problem: string }> {
  const a = applyVariants(scenario, ids);
  if (!a.ok) return { status: 'invalid', problem: a.problem };
  const actors = a.value.scenario.actors.map((x) => x.id).filter((id) => !a.value.excludedFromCore.has(id));
  const r = await commonCore(a.value.scenario, actors, answers);
  return {
    status: 'ok',
    reading: { ...r, variants: ids, label: readingLabel(scenario, ids), excluded: [...a.value.excludedFromCore], statusQuo: minimumStatus(a.value.scenario) },
  };
}

/** "As encoded" for no variants, else the variants' labels joined by " + ". */
export function readingLabel(scenario: Scenario, ids: readonly string[]): string {
  if (!ids.length) return 'As encoded';
  return ids.map((id) => scenario.variants.find((v) => v.id === id)?.label ?? id).join(' + ');
}

/** Assemble the common-core result from its readings (in `readingSets` order). */
export function commonCoreResult(scenario: Scenario, variants: string[], readings: ReadingReport[], ms: number): Extract<CommonCoreAnalysis, { status: 'ok' }> {
  return {
    status: 'ok',
    kind: 'commonCore',
    method: COMMON_CORE_METHOD,
    exact: readings.every((r) => r.exact),
    parameters: { variants },
    inputHash: hashInput({ scenario, variants }),
    readings,
    ms,
  };
}

/**
 * The common core under the chosen variants, and under each reading of the scenario on top of
 * them. The readings share `answers` (pass the same store again to reuse them across calls, as
 * the worker does; a fresh one computes everything from nothing). `onFirst`, when given, receives
 * the chosen variants' reading on its own as soon as it is known (marked `partial`, when readings
 * follow), so a view can show it before the others are done.
 */
export async function analyseCommonCore(
  scenario: Scenario,
  variants: string[],
  now: () => number = () => 0,
  answers: CommonCoreAnswers = commonCoreAnswers(),
  onFirst?: (first: CommonCoreAnalysis) => void,
): Promise<CommonCoreAnalysis> {
  const t0 = now();
  const readings: ReadingReport[] = [];
  const sets = readingSets(scenario, variants);
  for (const ids of sets) {
    const r = await analyseReading(scenario, ids, answers);
    if (r.status !== 'ok') return { status: 'invalid', kind: 'commonCore', problem: r.problem };
    readings.push(r.reading);
    if (readings.length === 1 && sets.length > 1 && onFirst)
      onFirst({ ...commonCoreResult(scenario, variants, readings.slice(), now() - t0), partial: true as const });
  }
  return commonCoreResult(scenario, variants, readings, now() - t0);
}

export interface SensitivityReading {
  variants: string[];
  label: string;
  bounds: BoundSensitivity[];
}

export type SensitivityAnalysis =
  | ({ status: 'ok'; report: { readings: SensitivityReading[] } } & Provenance<'sensitivity', { variants: string[] }>)
  | Invalid<'sensitivity'>;

export const SENSITIVITY_METHOD =
  'per assumed bound (shared bounds moved together), the threshold of each set a result reads by one LP (HiGHS); the exact interval of the bound over which the result keeps its value';

/**
 * For each reading (as in `analyseCommonCore`), how far each assumed bound can move before a
 * structural result changes: the core empty or not, each single-actor exit, and the
 * compatibility of every pair that shares a feature of the core.
 */
export async function analyseSensitivity(scenario: Scenario, variants: string[], now: () => number = () => 0): Promise<SensitivityAnalysis> {
  const t0 = now();
  const readings: SensitivityReading[] = [];
  const answers = commonCoreAnswers();
  for (const ids of readingSets(scenario, variants)) {
    const a = applyVariants(scenario, ids);
    if (!a.ok) return { status: 'invalid', kind: 'sensitivity', problem: a.problem };
    const s = a.value.scenario;
    const actors = s.actors.map((x) => x.id).filter((id) => !a.value.excludedFromCore.has(id));
    const core = await commonCore(s, actors, answers);
    const short = new Map(s.actors.map((x) => [x.id, x.short]));
    const claims = standardClaims(
      actors,
      core.sharedFeatures.map((f) => f.actors),
      (id) => short.get(id) ?? id,
    );
    readings.push({ variants: ids, label: readingLabel(scenario, ids), bounds: await boundSensitivity(s, actors, claims) });
  }
  return provenance('sensitivity', scenario, { variants }, SENSITIVITY_METHOD, true, now() - t0, { readings });
}

export interface CoopParameters {
  variants: string[];
  /** The players (default: every actor). */
  actors?: ActorId[];
  /** Branch-and-bound node budget for the characteristic function. */
  nodeBudget?: number;
}

export type CoopAnalysis =
  | ({ status: 'ok'; report: CoopReport } & Provenance<'coop', CoopParameters>)
  | Invalid<'coop'>
  | { status: 'error'; kind: 'coop'; problem: string };

export async function analyseCoop(
  scenario: Scenario,
  variants: string[],
  opts: { actors?: ActorId[]; nodeBudget?: number } = {},
  now: () => number = () => 0,
): Promise<CoopAnalysis> {
  const t0 = now();
  const parameters: CoopParameters = { variants, ...opts };
  const a = applyVariants(scenario, variants);
  if (!a.ok) return { status: 'invalid', kind: 'coop', problem: a.problem };
  const r = await coopAnalysis(a.value.scenario, opts);
  if (r.status !== 'ok') return { status: r.status, kind: 'coop', problem: r.problem };
  return provenance('coop', scenario, parameters, r.report.method, r.report.exact, now() - t0, r.report);
}

export interface RoundGameParameters {
  variants: string[];
  pair: [ActorId, ActorId];
  maxProfiles: number;
  mixedDominance: boolean;
}

export type RoundGameAnalysis = ({ status: 'ok'; report: RoundGameReport } & Provenance<'roundGame', RoundGameParameters>) | Invalid<'roundGame'>;

/** The opening round game (everyone engaged, the scenario's status quo) under the variants. */
export async function analyseRoundGame(
  scenario: Scenario,
  variants: string[],
  pair: [ActorId, ActorId],
  opts: { maxProfiles?: number; mixedDominance?: boolean } = {},
  now: () => number = () => 0,
): Promise<RoundGameAnalysis> {
  const t0 = now();
  const parameters: RoundGameParameters = { variants, pair, maxProfiles: opts.maxProfiles ?? 5000, mixedDominance: opts.mixedDominance ?? false };
  const a = applyVariants(scenario, variants);
  if (!a.ok) return { status: 'invalid', kind: 'roundGame', problem: a.problem };
  const s = a.value.scenario;
  for (const p of pair) if (!s.actors.some((x) => x.id === p)) return { status: 'invalid', kind: 'roundGame', problem: `no actor "${p}"` };
  const postures = Object.fromEntries(s.actors.map((x) => [x.id, 'engaged' as const]));
  const report = await roundGameReport(s, initialState(s), initialHoldings(s), postures, pair, parameters);
  return provenance('roundGame', scenario, parameters, report.method, true, now() - t0, report);
}

export interface DebriefParameters {
  round: number;
  /** The bargaining pair, or null for none. */
  pair: [ActorId, ActorId] | null;
}

export type DebriefAnalysis = ({ status: 'ok'; report: DebriefReport } & Provenance<'debrief', DebriefParameters>) | Invalid<'debrief'>;

export const DEBRIEF_METHOD =
  'best responses over every legal move against the moves the others played; pure Nash equilibria of the round game by enumeration, the highest total kept';

/**
 * A resolved round's debrief, on the run's scenario as played (its variants already applied),
 * from the round's starting position (world, holdings, postures) and its record. The input
 * hash covers all of them; the parameters echo only the round and the pair.
 */
export function analyseDebrief(
  scenario: Scenario,
  start: DebriefStart,
  record: RoundRecord,
  pair: [ActorId, ActorId] | null,
  now: () => number = () => 0,
): DebriefAnalysis {
  const t0 = now();
  const invalid = (problem: string): DebriefAnalysis => ({ status: 'invalid', kind: 'debrief', problem });
  if (start.world.length !== scenario.dimensions.length)
    return invalid(`the round's starting state has ${start.world.length} values; the scenario has ${scenario.dimensions.length} dimensions`);
  const owner = new Map(scenario.moves.map((m) => [m.id, m.actor]));
  for (const [actor, r] of Object.entries(record.actors)) {
    if (!scenario.actors.some((a) => a.id === actor)) return invalid(`round ${record.round}: no actor "${actor}" in this scenario`);
    if (r.move !== HOLD && owner.get(r.move) !== actor) return invalid(`round ${record.round}: "${r.move}" is not a move of ${actor}`);
  }
  const report = debriefReport(scenario, start, record, pair);
  const b = report.bargaining;
  const method = `${DEBRIEF_METHOD}${b?.status === 'ok' ? `; bargaining: ${b.report.method}` : ''}`;
  const exact = report.game.leftOut.length === 0 && (b?.status !== 'ok' || b.report.exact);
  const parameters: DebriefParameters = { round: record.round, pair };
  return provenance('debrief', scenario, parameters, method, exact, now() - t0, report, { ...parameters, start, record });
}
