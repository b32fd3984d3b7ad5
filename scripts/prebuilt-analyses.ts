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
import { analyseCommonCore, type CommonCoreAnalysis, type ReadingReport } from '../workers/api';
import type { Scenario } from '../models/domain/types';
import { firstScreenHtml } from '../src/views/welcome/firstScreenHtml';
import { FIRST_TEACHING_GAME, TEACHING_GAMES, coreGlance } from '../src/views/welcome/words';
import { FIRST_TAB, TABS } from '../src/state/tabs';
import { shortName } from '../models/domain/names';

export type PrebuiltAnalyses = Record<string, Extract<CommonCoreAnalysis, { status: 'ok' }>>;

export interface Prebuilt {
  /** The built-ins' common cores, by input hash. */
  table: PrebuiltAnalyses;
  /**
   * Each built-in scenario as the scenario parse reads it (its `doc` and `notes`), as JSON text by
   * built-in name: the workspace the app opens with is an unedited built-in, so the page need not
   * run the whole parse (the schema check is the largest part of its first render) to show it.
   */
  structures: Record<string, string>;
  /** index.html's static first screen, with its glance at the opening built-in's common core. */
  firstScreen: string;
}

/** Everything the build makes from the built-ins, each parsed and analysed once (a built-in that does not parse stops the build). */
export async function prebuilt(): Promise<Prebuilt> {
  const table: PrebuiltAnalyses = {};
  const structures: Record<string, string> = {};
  let first: string | undefined;
  for (const name of Object.keys(BUILTINS)) {
    const parsed = parseScenarioStructure(builtinDoc(name));
    if (!parsed.ok) throw new Error(`the built-in scenario "${name}" does not parse: ${parsed.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
    structures[name] = JSON.stringify({ doc: parsed.doc, notes: parsed.notes });
    // The page hashes a JSON copy of its parsed scenario; hash the same text here.
    const scenario = JSON.parse(JSON.stringify(parsed.doc));
    const r = await analyseCommonCore(scenario, []);
    if (r.status !== 'ok') throw new Error(`the built-in scenario "${name}" has no common core: ${r.problem}`);
    table[r.inputHash] = { ...r, ms: 0 };
    if (name === DEFAULT_BUILTIN) first = firstScreen(parsed.doc, r.readings[0]);
  }
  if (first === undefined) throw new Error(`no prebuilt common core for the opening built-in "${DEFAULT_BUILTIN}"`);
  return { table, structures, firstScreen: first };
}

/**
 * index.html's static first screen (src/views/welcome/firstScreenHtml.ts): the welcome with its
 * glance at the opening built-in's common core, from that built-in's prebuilt answer.
 */
function firstScreen(doc: Scenario, reading: ReadingReport | undefined): string {
  if (!reading) throw new Error(`the opening built-in "${DEFAULT_BUILTIN}" has no reading`);
  const name = (id: string) => shortName(doc, id);
  return firstScreenHtml({
    title: doc.title,
    teaching: [...TEACHING_GAMES],
    chosen: FIRST_TEACHING_GAME,
    glance: coreGlance(doc.title, reading, name),
    tabs: [...TABS],
    chosenTab: FIRST_TAB,
  });
}
