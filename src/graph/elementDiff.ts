/**
 * Which elements a new frame adds, moves, removes and changes, worked out on plain data so it
 * can be tested without Cytoscape (placement.ts applies the patch to `cy`). Only the data
 * fields and classes that differ are set: setting every element's data (as `cy.json` would)
 * makes Cytoscape restyle the whole graph each round.
 */
import type { ElementDefinition } from 'cytoscape';
import type { GraphElement } from '../../models/graph/elements';

/** An element as the graph holds it now: its compound (nodes), data and classes. */
export interface HeldElement {
  readonly group: 'nodes' | 'edges';
  readonly parent?: string;
  readonly data: Readonly<Record<string, unknown>>;
  readonly classes: readonly string[];
}

export interface ElementPatch {
  /** New nodes outside any compound (the compounds among them), added first … */
  readonly addTopNodes: ElementDefinition[];
  /** … then new nodes inside a compound. */
  readonly addChildNodes: ElementDefinition[];
  /** Nodes already there whose compound changes (`parent: null` takes a node out of its compound). */
  readonly moves: { id: string; parent: string | null }[];
  readonly removeEdges: string[];
  readonly removeNodes: string[];
  /** Per element already there, only the data fields that differ. */
  readonly data: { id: string; changed: Record<string, unknown> }[];
  readonly classes: { id: string; classes: string }[];
  /** New edges, added last, once both ends are in. */
  readonly addEdges: ElementDefinition[];
}

/** Fields that place an element rather than describe it: set when it is added or moved, never diffed. */
const STRUCTURAL = new Set(['id', 'parent', 'source', 'target']);

export const sameValue = (a: unknown, b: unknown): boolean =>
  a === b || (Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => x === b[i]));

/**
 * Fresh copies of a frame's elements (Cytoscape keeps and mutates the objects it is given).
 * Compatible pairs are most pairs and hidden by default; while hidden they are left out of
 * the graph altogether, which halves what Cytoscape has to style and draw.
 */
export function toDefinitions(elements: readonly GraphElement[], showCompatible: boolean): ElementDefinition[] {
  const kept = showCompatible ? elements : elements.filter((e) => !(e.group === 'edges' && e.data.kind === 'compatible'));
  return kept.map((e) => ({
    group: e.group,
    data: Object.fromEntries(Object.entries(e.data).map(([k, v]) => [k, Array.isArray(v) ? [...v] : v])) as ElementDefinition['data'],
    classes: e.classes,
  }));
}

const idOf = (e: ElementDefinition) => String(e.data.id);
const classList = (classes: string) => classes.split(/\s+/).filter(Boolean);

/** What turns the held elements into exactly `want`. */
export function diffElements(held: ReadonlyMap<string, HeldElement>, want: readonly ElementDefinition[]): ElementPatch {
  const wanted = new Set(want.map(idOf));
  const nodes = want.filter((e) => e.group === 'nodes');
  const fresh = (e: ElementDefinition) => !held.has(idOf(e));
  const patch: ElementPatch = {
    addTopNodes: nodes.filter((e) => !e.data.parent && fresh(e)),
    addChildNodes: nodes.filter((e) => e.data.parent && fresh(e)),
    moves: [],
    removeEdges: [],
    removeNodes: [],
    data: [],
    classes: [],
    addEdges: want.filter((e) => e.group === 'edges' && fresh(e)),
  };
  for (const e of nodes) {
    const h = held.get(idOf(e));
    const parent = (e.data.parent as string | undefined) ?? undefined;
    if (h && parent !== h.parent) patch.moves.push({ id: idOf(e), parent: parent ?? null });
  }
  for (const [id, h] of held) if (!wanted.has(id)) (h.group === 'edges' ? patch.removeEdges : patch.removeNodes).push(id);
  for (const e of want) {
    const h = held.get(idOf(e));
    if (!h) continue;
    const changed: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(e.data)) if (!STRUCTURAL.has(k) && !sameValue(h.data[k], v)) changed[k] = v;
    if (Object.keys(changed).length) patch.data.push({ id: idOf(e), changed });
    const classes = (e.classes as string | undefined) ?? '';
    if (h.classes.join(' ') !== classList(classes).join(' ')) patch.classes.push({ id: idOf(e), classes });
  }
  return patch;
}
