/**
 * The coalition graph's side of Cytoscape: a frame's elements applied by id (elementDiff.ts
 * says what changed), new actors seeded on a circle, the boxes measured for the layout worker
 * (workers/layout.ts: fcose over each node with its label) and its answer placed — turned,
 * tidied, stretched and fitted with geometry.ts, then animated from where the nodes were.
 * Doing the animation here rather than in fcose lets the viewport fit the *final* positions.
 */
import type { Core, ElementDefinition, NodeCollection, NodeSingular } from 'cytoscape';
import type { EdgeKind } from '../../models/graph/elements';
import type { LayoutRequest, LayoutResult } from '../../workers/layout';
import { diffElements, type HeldElement } from './elementDiff';
import { nextTask } from './layoutScheduler';
import {
  centreOf,
  circlePosition,
  extentOf,
  fitViewport,
  labelledBox,
  needsQuarterTurn,
  quarterTurn,
  scaleAbout,
  separate,
  stretchFactors,
  type Point,
} from './geometry';

const ANIMATION_MS = 400;
/** Pixels kept around the drawing when the view is fitted. */
const FIT_PADDING = 30;

/** The elements as the graph holds them now. */
function held(c: Core): Map<string, HeldElement> {
  const out = new Map<string, HeldElement>();
  c.elements().forEach((x) => {
    const parent = x.isNode() ? x.parent() : undefined;
    out.set(x.id(), {
      group: x.isNode() ? 'nodes' : 'edges',
      ...(parent && parent.nonempty() ? { parent: parent[0]!.id() } : {}),
      data: x.data() as Record<string, unknown>,
      classes: x.classes(),
    });
  });
  return out;
}

/** Make the graph hold exactly these elements, touching only what changed (call inside a batch). */
export function applyElements(c: Core, els: readonly ElementDefinition[]): void {
  const p = diffElements(held(c), els);
  c.add(p.addTopNodes);
  c.add(p.addChildNodes);
  for (const m of p.moves) c.getElementById(m.id).move({ parent: m.parent });
  const removeEdges = new Set(p.removeEdges);
  const removeNodes = new Set(p.removeNodes);
  if (removeEdges.size)
    c.edges()
      .filter((x) => removeEdges.has(x.id()))
      .remove();
  if (removeNodes.size)
    c.nodes()
      .filter((x) => removeNodes.has(x.id()))
      .remove();
  for (const d of p.data) c.getElementById(d.id).data(d.changed);
  for (const k of p.classes) c.getElementById(k.id).classes(k.classes);
  c.add(p.addEdges);
}

/** How long one task may spend putting a graph's first frame in. */
const FIRST_FRAME_BUDGET_MS = 12;

/**
 * Put a fresh graph's first frame in a few elements at a time (parents first, then the other
 * nodes, then links), each styled and measured, yielding to the next task once a task has taken
 * FIRST_FRAME_BUDGET_MS: styling and measuring a whole fresh graph at once is one long task.
 * The last element is left for the caller's full apply. False when the graph was destroyed
 * meanwhile.
 */
export async function addFirstFrame(c: Core, els: readonly ElementDefinition[]): Promise<boolean> {
  const parents = new Set(els.map((e) => e.data.parent).filter(Boolean));
  const order = [
    ...els.filter((e) => e.group === 'nodes' && parents.has(e.data.id)),
    ...els.filter((e) => e.group === 'nodes' && !parents.has(e.data.id)),
    ...els.filter((e) => e.group === 'edges'),
  ];
  let start = performance.now();
  for (let k = 1; k < order.length; k++) {
    const part = order.slice(0, k);
    c.batch(() => {
      applyElements(c, part);
      seedPositions(c);
    });
    c.getElementById(String(order[k - 1]!.data.id)).boundingBox({ includeLabels: true });
    if (performance.now() - start > FIRST_FRAME_BUDGET_MS) {
      await nextTask();
      if (c.destroyed()) return false;
      start = performance.now();
    }
  }
  return true;
}

/** Put actors that have no position yet on a circle, in scenario order, so runs repeat. */
export function seedPositions(c: Core): void {
  const fresh = c.nodes('.actor').filter((n) => n.scratch('_placed') !== true);
  if (fresh.length === 0) return;
  const all = c.nodes('.actor');
  all.forEach((n, i) => {
    if (n.scratch('_placed') === true) return;
    n.position(circlePosition(i, all.length));
    n.scratch('_placed', true);
  });
}

/** The leaves (actors) measured for a layout, with where they were before it. */
export interface Measured {
  readonly leaves: NodeCollection;
  readonly before: ReadonlyMap<string, Point>;
  /** Per leaf, from its position to the centre of its box with the label. */
  readonly offsets: ReadonlyMap<string, { dx: number; dy: number }>;
  readonly request: Omit<LayoutRequest, 'groupPadding'>;
}

/** Stop any animation and measure every leaf's box (node plus label, as drawn) for the layout worker. */
export function measure(c: Core): Measured {
  c.stop(true, true);
  const leaves = c.nodes().filter((n) => !n.isParent());
  leaves.stop(true, true);
  const before = new Map(leaves.toArray().map((n) => [n.id(), { ...(n as NodeSingular).position() }] as const));
  const offsets = new Map<string, { dx: number; dy: number }>();
  const boxes = leaves.toArray().map((n) => {
    const node = n as NodeSingular;
    const { dx, dy, ...box } = labelledBox(node.position(), node.boundingBox({ includeLabels: true, includeOverlays: false }));
    offsets.set(node.id(), { dx, dy });
    const parent = node.parent();
    return { id: node.id(), ...box, ...(parent.nonempty() ? { parent: parent[0]!.id() } : {}) };
  });
  // Compatible pairs are usually most pairs: they would pull everything together, so the
  // layout ignores them.
  const links = c
    .edges()
    .filter((e) => e.data('kind') !== 'compatible')
    .map((e) => ({
      source: String(e.data('source')),
      target: String(e.data('target')),
      kind: e.data('kind') as EdgeKind,
      weight: Number(e.data('weight')) || undefined,
    }));
  const groups = c
    .nodes()
    .filter((n) => n.isParent())
    .map((n) => n.id());
  return { leaves, before, offsets, request: { boxes, groups, links } };
}

/** Move the leaves to the layout's centres (each box's centre back to its node's position). */
export function applyLayout(c: Core, m: Measured, result: LayoutResult): void {
  c.batch(() => {
    m.leaves.positions((n) => {
      const r = result[n.id()];
      const o = m.offsets.get(n.id());
      return r && o ? { x: r.x - o.dx, y: r.y - o.dy } : n.position();
    });
  });
}

/**
 * Fit the placed layout to the canvas: on the first layout (`orient`), turn it a quarter if its
 * long side is across the canvas's long side (later rounds keep that orientation); push
 * overlapping labels apart; stretch to the canvas's shape; then set the viewport, at once or
 * animating nodes and viewport from where they were. Returns whether the orientation was
 * decided (it is once the canvas has a size).
 */
export function fitToCanvas(c: Core, m: Measured, o: { orient: boolean; animate: boolean }): boolean {
  const { leaves } = m;
  const canvas = { w: c.width(), h: c.height() };
  const sized = canvas.w > 0 && canvas.h > 0;
  let bb = leaves.boundingBox({});
  if (o.orient && sized && needsQuarterTurn(bb, canvas)) {
    const centre = centreOf(bb);
    leaves.positions((n) => quarterTurn(n.position(), centre));
  }
  const items = leaves.toArray().map((n) => {
    const node = n as NodeSingular;
    return { node, extent: extentOf(node.position(), node.boundingBox({ includeLabels: true, includeOverlays: false })) };
  });
  const apart = separate(items.map((it) => it.extent));
  items.forEach((it, i) => it.node.position(apart[i]!));
  bb = leaves.boundingBox({});
  const stretch = stretchFactors(bb, canvas);
  if (stretch) {
    const centre = centreOf(bb);
    leaves.positions((n) => scaleAbout(n.position(), centre, stretch.sx, stretch.sy));
  }
  const view = fitViewport(c.elements(':visible').boundingBox({}), canvas, FIT_PADDING, c.minZoom());
  if (!o.animate) {
    c.viewport(view);
    return sized;
  }
  const after = new Map(leaves.toArray().map((n) => [n.id(), { ...(n as NodeSingular).position() }] as const));
  leaves.forEach((n) => {
    const from = m.before.get(n.id());
    if (from) n.position(from);
  });
  leaves.forEach((n) => {
    n.animate({ position: after.get(n.id())! }, { duration: ANIMATION_MS, easing: 'ease-out-cubic' });
  });
  c.animate({ zoom: view.zoom, pan: view.pan }, { duration: ANIMATION_MS, easing: 'ease-out-cubic' });
  return sized;
}
