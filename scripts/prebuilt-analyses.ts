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
import { BUILTINS, DEFAULT_BUILTIN, builtinDoc, parseScenarioStructure } from '../models/scenario/index';
import { analyseCommonCore, type CommonCoreAnalysis } from '../workers/api';
import type { Scenario } from '../models/domain/types';
import { firstScreenHtml } from '../src/views/welcome/firstScreenHtml';
import { FIRST_TEACHING_GAME, TEACHING_GAMES, coreGlance } from '../src/views/welcome/words';
import { FIRST_TAB, TABS } from '../src/state/tabs';

export type PrebuiltAnalyses = Record<string, Extract<CommonCoreAnalysis, { status: 'ok' }>>;

/** Each built-in scenario as the scenario parse reads it, by name (a built-in that does not parse stops the build). */
function parsedBuiltins(): [string, { doc: Scenario; notes: string[] }][] {
  return Object.keys(BUILTINS).map((name) => {
    const parsed = parseScenarioStructure(builtinDoc(name));
    if (!parsed.ok) throw new Error(`the built-in scenario "${name}" does not parse: ${parsed.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
    return [name, parsed];
  });
}

/** The prebuilt answers by input hash, and the hash of each built-in's answer by its name. */
export async function prebuiltAnalyses(): Promise<{ table: PrebuiltAnalyses; byName: Record<string, string> }> {
  const table: PrebuiltAnalyses = {};
  const byName: Record<string, string> = {};
  for (const [name, parsed] of parsedBuiltins()) {
    // The page hashes a JSON copy of its parsed scenario; hash the same text here.
    const scenario = JSON.parse(JSON.stringify(parsed.doc));
    const r = await analyseCommonCore(scenario, []);
    if (r.status !== 'ok') throw new Error(`the built-in scenario "${name}" has no common core: ${r.problem}`);
    table[r.inputHash] = { ...r, ms: 0 };
    byName[name] = r.inputHash;
  }
  return { table, byName };
}

/**
 * index.html's static first screen (src/views/welcome/firstScreenHtml.ts): the welcome with its
 * glance at the opening built-in's common core, from that built-in's prebuilt answer.
 */
export function firstScreen({ table, byName }: Awaited<ReturnType<typeof prebuiltAnalyses>>): string {
  const answer = table[byName[DEFAULT_BUILTIN] ?? ''];
  const parsed = parsedBuiltins().find(([name]) => name === DEFAULT_BUILTIN)?.[1];
  const reading = answer?.readings[0];
  if (!answer || !parsed || !reading) throw new Error(`no prebuilt common core for the opening built-in "${DEFAULT_BUILTIN}"`);
  const name = (id: string) => parsed.doc.actors.find((a) => a.id === id)?.short ?? id;
  return firstScreenHtml({
    title: parsed.doc.title,
    teaching: [...TEACHING_GAMES],
    chosen: FIRST_TEACHING_GAME,
    glance: coreGlance(parsed.doc.title, reading, name),
    tabs: [...TABS],
    chosenTab: FIRST_TAB,
  });
}

/**
 * Each built-in scenario as the scenario parse reads it (its `doc` and `notes`), as JSON text by
 * built-in name: the workspace the app opens with is an unedited built-in, so the page need not
 * run the whole parse (the schema check is the largest part of its first render) to show it.
 */
export function prebuiltStructures(): Record<string, string> {
  return Object.fromEntries(parsedBuiltins().map(([name, { doc, notes }]) => [name, JSON.stringify({ doc, notes })]));
}
