/**
 * The common cores of the built-in scenarios made at build time (scripts/prebuilt-analyses.ts),
 * looked up by the same input hash the worker puts on its answers, so only an unedited built-in
 * under the same variants finds one; and the built-ins as the scenario parse reads them.
 */
import table, { structures } from 'virtual:coreplay-prebuilt';
import { fnv1a } from '../../models/game/hash';
import type { CommonCoreAnalysis } from '../../workers/api';
import type { Scenario } from '../../models/domain/types';

/**
 * The prebuilt answer for a scenario, given as the JSON text of its parsed document, under the
 * variants; undefined when there is none. The hash is hashInput({ scenario, variants }) (workers/hash.ts)
 * built from the text the caller already has, rather than serialising the scenario again.
 */
export function prebuiltCommonCore(scenarioJson: string, variants: readonly string[]): Extract<CommonCoreAnalysis, { status: 'ok' }> | undefined {
  const hash = fnv1a(`{"scenario":${scenarioJson},"variants":${JSON.stringify(variants)}}`)
    .toString(16)
    .padStart(8, '0');
  return table[hash];
}

/**
 * What `parseScenarioStructure(builtinDoc(name))` gives, read when the app was built (a fresh
 * copy each time); undefined for a name that is not a built-in.
 */
export function prebuiltStructure(name: string): { ok: true; doc: Scenario; notes: string[] } | undefined {
  const text = Object.hasOwn(structures, name) ? structures[name] : undefined;
  return text === undefined ? undefined : { ok: true, ...(JSON.parse(text) as { doc: Scenario; notes: string[] }) };
}
