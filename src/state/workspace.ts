/**
 * The workspace: what the user is working on, in one Solid store — the scenario document being
 * edited (a draft: plain JSON, so every edit is a path and a value), the chosen variants, the
 * compare set-up, the run's event log and view preferences. Validity is derived, never stored:
 * the structural parse runs on every change (it is cheap) and gives problems by path, which the
 * fields show next to themselves. One workspace per page, made at the composition root and
 * reached through the app context (src/state/context.tsx).
 */
import { createMemo, createSignal } from 'solid-js';
import { createStore, produce, reconcile, unwrap } from 'solid-js/store';
import { prebuiltStructure } from './prebuilt';
import { BUILTINS, builtinDoc, DEFAULT_BUILTIN, formatProblem, parseScenarioStructure, type Problem } from '../../models/scenario/index';
import type { Scenario } from '../../models/domain/types';
import type { Run } from '../../models/machines/run';
import type { ScenarioDraft } from './draft';

import { FIRST_TAB, type Tab } from './tabs';

export { TABS, type Tab } from './tabs';

export type Path = readonly (string | number)[];

export interface WorkspaceData {
  version: 1;
  source: string;
  scenarioDoc: ScenarioDraft;
  variants: string[];
  compare: { left: string[]; right: string[] };
  pair: [string, string];
  /** The class run, checked whenever it is read back (see loadRun in play.ts). */
  run: Run | null;
  prefs: { largeText: boolean; tab: Tab };
  /**
   * A fingerprint of the scenario as it was opened from a file or a link, so the app can tell
   * whether it has been edited since (a built-in is compared with the built-in itself).
   */
  opened?: string;
}

/** JSON with every object's keys in order: a record read back from storage has its keys in the schema's order, not the file's. */
function canonical(x: unknown): string {
  if (Array.isArray(x)) return `[${x.map((v) => (v === undefined ? 'null' : canonical(v))).join(',')}]`;
  if (x && typeof x === 'object') {
    const o = x as Record<string, unknown>;
    const keys = Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`).join(',')}}`;
  }
  return JSON.stringify(x) ?? 'null';
}

/** A short fingerprint of a document (FNV-1a over its canonical JSON, and its length): equal documents give equal fingerprints. */
export function fingerprint(doc: unknown): string {
  const text = canonical(doc);
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return `${(h >>> 0).toString(16)}-${text.length}`;
}

/** Whether the workspace's scenario differs from what was opened (unknown counts as edited). */
export function isEdited(data: Pick<WorkspaceData, 'source' | 'scenarioDoc' | 'opened'>): boolean {
  const base = data.opened ?? (data.source in BUILTINS ? fingerprint(builtinDoc(data.source)) : undefined);
  return base === undefined || base !== fingerprint(data.scenarioDoc);
}

/** Whether replacing the workspace would lose something a person made: edits to the scenario, or a run. */
export function holdsWork(data: Pick<WorkspaceData, 'source' | 'scenarioDoc' | 'opened' | 'run'>): boolean {
  return data.run !== null || isEdited(data);
}

/** What the workspace holds, in words ("edits to the scenario and a class run of 2 rounds"). */
export function describeWork(data: Pick<WorkspaceData, 'source' | 'scenarioDoc' | 'opened' | 'run'>): string {
  const parts: string[] = [];
  if (isEdited(data)) parts.push('edits to the scenario');
  if (data.run) {
    const rounds = data.run.events.filter((e) => e.type === 'START_ROUND').length - data.run.events.filter((e) => e.type === 'UNDO_ROUND').length;
    parts.push(rounds > 0 ? `a class run of ${rounds} round${rounds === 1 ? '' : 's'}` : 'a class run in its briefing');
  }
  return parts.join(' and ') || 'the scenario as opened';
}

/** The document's default pair when it names two of its actors, else its first two actors. */
function docPair(doc: ScenarioDraft): [string, string] {
  const actors = doc.actors.map((a) => a.id);
  const p = doc.defaultPair;
  if (p && p.every((a) => actors.includes(a))) return [p[0], p[1]];
  return [actors[0]!, actors[1]!];
}

/** The document's first what-if variant (kind "variant", not a reading), as a compare set-up; else its first variant. */
function firstVariant(doc: ScenarioDraft): string[] {
  const v = doc.variants.find((x) => x.kind === 'variant') ?? doc.variants[0];
  return v ? [String(v.id)] : [];
}

/** A workspace on a scenario document that is a valid draft as it stands, with nothing else in it yet. */
function workspaceOn(doc: ScenarioDraft, source: string): WorkspaceData {
  return {
    version: 1,
    source,
    scenarioDoc: doc,
    variants: [],
    // Compare opens on the scenario's first what-if variant (not a reading), beside the baseline.
    compare: { left: [], right: firstVariant(doc) },
    pair: docPair(doc),
    run: null,
    prefs: { largeText: false, tab: FIRST_TAB },
  };
}

export function freshWorkspace(source = DEFAULT_BUILTIN): WorkspaceData {
  // A built-in is a valid scenario, so it is a draft as it stands.
  return workspaceOn(builtinDoc(source) as ScenarioDraft, source);
}

/** A workspace opened on a scenario document that has passed `parseScenario` (so it is a draft as it stands). */
export function docWorkspace(doc: ScenarioDraft, source: string): WorkspaceData {
  return { ...workspaceOn(doc, source), opened: fingerprint(doc) };
}

export function createWorkspace() {
  const [ws, setStore] = createStore<WorkspaceData>(freshWorkspace());
  // Revisions instead of deep tracking: reading the whole store through its proxies on every
  // keystroke (to autosave or to re-parse) costs more than a frame on a big scenario.
  const [revision, setRevision] = createSignal(0);
  const [docRevision, setDocRevision] = createSignal(0);
  const setWs = ((...args: unknown[]) => {
    (setStore as (...a: unknown[]) => void)(...args);
    if (args[0] === 'scenarioDoc' || typeof args[0] !== 'string') setDocRevision((r) => r + 1);
    setRevision((r) => r + 1);
  }) as typeof setStore;
  // The workspace opens on a built-in: until its document is first changed (or replaced), the
  // parse made when the app was built stands for it.
  const opensOn = ws.source;
  const structure = createMemo(() => {
    if (docRevision() === 0 && ws.source === opensOn) {
      const pre = prebuiltStructure(opensOn);
      if (pre) return pre;
    }
    return parseScenarioStructure(JSON.parse(JSON.stringify(unwrap(ws.scenarioDoc))));
  });
  const scenario = createMemo<Scenario | undefined>(() => {
    const s = structure();
    return s.ok ? s.doc : undefined;
  });
  const problems = createMemo<Problem[]>(() => {
    const s = structure();
    return s.ok ? [] : s.problems;
  });
  /** Problems whose path starts with the given one (a field shows its own, a section its children's). */
  const problemsAt = (path: string) => problems().filter((p) => p.path === path || p.path.startsWith(path + '.') || p.path.startsWith(path + '['));

  /** Set the value at a path in the draft (a field's edit: the value is kept as given, valid or not). */
  const editDoc = (path: Path, value: unknown) => {
    setWs(
      produce((w) => {
        let o = w.scenarioDoc as unknown as Record<string | number, unknown>;
        for (const k of path.slice(0, -1)) o = o[k] as Record<string | number, unknown>;
        o[path[path.length - 1]!] = value;
      }),
    );
  };

  /** Move one salience and rescale the others so the total stays 1. */
  const setSalience = (actorIndex: number, dim: string, value: number) => {
    setWs(
      produce((w) => {
        const actor = w.scenarioDoc.actors[actorIndex];
        if (!actor) return;
        const sal = actor.salience;
        // Saliences are set by sliders only, so they hold numbers.
        const at = (d: string) => Number(sal[d] ?? 0);
        const dims = w.scenarioDoc.dimensions.map((d) => d.id);
        const v = Math.min(1, Math.max(0, value));
        const others = dims.filter((d) => d !== dim);
        const rest = others.reduce((s, d) => s + at(d), 0);
        for (const d of others) sal[d] = rest > 0 ? (at(d) * (1 - v)) / rest : (1 - v) / others.length;
        sal[dim] = v;
        for (const d of dims) sal[d] = Math.round(at(d) * 1e9) / 1e9;
        const drift = 1 - dims.reduce((s, d) => s + at(d), 0);
        const fix = others.find((d) => at(d) + drift >= 0) ?? dim;
        sal[fix] = Math.round((at(fix) + drift) * 1e9) / 1e9;
      }),
    );
  };

  const replace = (data: WorkspaceData) => setWs(reconcile(data));
  return { ws, setWs, scenario, problems, problemsAt, editDoc, setSalience, replace, formatProblem, revision, docRevision };
}

export type Workspace = ReturnType<typeof createWorkspace>;
