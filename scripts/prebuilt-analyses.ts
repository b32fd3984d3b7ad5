/**
 * The common core of each built-in scenario as it ships (no variants chosen), computed when the
 * app is built by the same models code the worker runs, so the first analysis is on screen as
 * soon as the page has read its scenario. Keyed by the answer's `inputHash` (hashInput of the
 * parsed scenario and the variants): an edited scenario hashes differently and is never shown a
 * prebuilt answer. The worker recomputes every answer anyway and replaces the prebuilt one.
 *
 * Loaded by the `prebuiltAnalyses` plugin (scripts/prebuilt-plugin.ts) as the module
 * `virtual:coreplay-prebuilt`.
 */
import { BUILTINS, builtinDoc, parseScenarioStructure } from '../models/scenario/index';
import { analyseCommonCore, type CommonCoreAnalysis } from '../workers/api';
import type { Scenario } from '../models/domain/types';

export type PrebuiltAnalyses = Record<string, Extract<CommonCoreAnalysis, { status: 'ok' }>>;

/** Each built-in scenario as the scenario parse reads it, by name (a built-in that does not parse stops the build). */
function parsedBuiltins(): [string, { doc: Scenario; notes: string[] }][] {
  return Object.keys(BUILTINS).map((name) => {
    const parsed = parseScenarioStructure(builtinDoc(name));
    if (!parsed.ok) throw new Error(`the built-in scenario "${name}" does not parse: ${parsed.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
    return [name, parsed];
  });
}

export async function prebuiltAnalyses(): Promise<PrebuiltAnalyses> {
  const out: PrebuiltAnalyses = {};
  for (const [name, parsed] of parsedBuiltins()) {
    // The page hashes a JSON copy of its parsed scenario; hash the same text here.
    const scenario = JSON.parse(JSON.stringify(parsed.doc));
    const r = await analyseCommonCore(scenario, []);
    if (r.status !== 'ok') throw new Error(`the built-in scenario "${name}" has no common core: ${r.problem}`);
    out[r.inputHash] = { ...r, ms: 0 };
  }
  return out;
}

/**
 * Each built-in scenario as the scenario parse reads it (its `doc` and `notes`), as JSON text by
 * built-in name: the workspace the app opens with is an unedited built-in, so the page need not
 * run the whole parse (the schema check is the largest part of its first render) to show it.
 */
export function prebuiltStructures(): Record<string, string> {
  return Object.fromEntries(parsedBuiltins().map(([name, { doc, notes }]) => [name, JSON.stringify({ doc, notes })]));
}
