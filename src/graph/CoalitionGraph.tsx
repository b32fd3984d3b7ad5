/**
 * The coalition graph: one component owns one Cytoscape instance (created in onMount against
 * an explicitly sized container, destroyed in onCleanup). Frames come in as element JSON from
 * models/graph; moving to another frame applies that frame's elements by id (`applyElements`,
 * one batch: add what is new, update what changed, move children between compounds, remove what
 * is gone) and then asks the layout worker (workers/layout.ts: fcose over the measured node-and-label
 * boxes) for an incremental layout from the current positions; the answer is animated unless the
 * user prefers reduced motion. The main thread only measures, applies and draws.
 *
 * Around the canvas: a timeline (range input + previous/next/play), a legend and the graph in
 * words (`graphSummary` lines). All HTML text goes through Solid's text bindings, so actor
 * names with markup in them stay text; canvas labels are drawn as text by Cytoscape.
 *
 * The app can lazy-load it: `lazy(() => import('./graph/CoalitionGraph'))` (default export).
 */
import { createEffect, createMemo, createSignal, createUniqueId, For, on, onCleanup, onMount, Show, untrack } from 'solid-js';
import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
import { EDGE_STYLE, POSTURE_STYLE, type EdgeKind, type GraphElement } from '../../models/graph/elements';
import type { GraphFrame } from '../../models/graph/frame';
import { POSTURES } from '../../models/domain/types';
import { graphStylesheet } from './style';
import { layoutInWorker } from './layoutClient';
import './graph.css';

export interface CoalitionGraphProps {
  /** One entry per round, oldest first (build each with `graphFrame` from models/graph). */
  frames: readonly GraphFrame[];
  /** The frame shown (controlled); clamped into range. */
  frame: number;
  /** Called when the user scrubs, steps or plays the timeline. */
  onFrame: (k: number) => void;
  /** Heading and accessible name, e.g. "Coalition graph — Belarus 2025–26". */
  title: string;
  /** Projector mode: larger labels, taller canvas. */
  largeText?: boolean;
  /** Canvas height in CSS pixels (default 560, or 720 in large-text mode). */
  height?: number;
  /** File name stem for the PNG export (default "coreplay-graph"). */
  fileStem?: string;
  /**
   * For a side panel (Edit's live analysis): larger labels relative to the nodes, the legend
   * folded under the canvas, and no timeline when there is only one frame.
   */
  compact?: boolean;
}

const EDGE_KINDS: readonly EdgeKind[] = ['alignment', 'incompatible', 'compatible', 'deal', 'threat'];
const ANIMATION_MS = 400;

/** The longest the graph's drawing is held for a layout answer (see `hold`). */
const HOLD_MAX_MS = 1000;

/** How long one task may spend putting a graph's first frame in (see applyFrame). */
const FIRST_FRAME_BUDGET_MS = 12;

function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/**
 * Fresh copies (Cytoscape keeps and mutates the objects it is given). Compatible pairs are most
 * pairs and hidden by default; while hidden they are left out of the graph altogether, which
 * halves what Cytoscape has to style and draw.
 */
function toCy(elements: readonly GraphElement[], showCompatible: boolean): ElementDefinition[] {
  const kept = showCompatible ? elements : elements.filter((e) => !(e.group === 'edges' && e.data.kind === 'compatible'));
  return kept.map((e) => ({
    group: e.group,
    data: Object.fromEntries(Object.entries(e.data).map(([k, v]) => [k, Array.isArray(v) ? [...v] : v])) as ElementDefinition['data'],
    classes: e.classes,
  }));
}

const sameValue = (a: unknown, b: unknown) =>
  a === b || (Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => x === b[i]));

/**
 * Make the graph hold exactly these elements, touching only what changed: new elements are added
 * (parents first), nodes that change coalition are moved, gone ones removed, and only data fields
 * and classes that differ are set. (`cy.json` would set every element's data, and Cytoscape then
 * restyles the whole graph each round.)
 */
function applyElements(c: Core, els: readonly ElementDefinition[]): void {
  const want = new Map(els.map((e) => [String(e.data.id), e]));
  const nodes = els.filter((e) => e.group === 'nodes');
  const missing = (e: ElementDefinition) => c.getElementById(String(e.data.id)).empty();
  c.add(nodes.filter((e) => !e.data.parent && missing(e)));
  c.add(nodes.filter((e) => e.data.parent && missing(e)));
  for (const e of nodes) {
    const n = c.getElementById(String(e.data.id));
    const parent = n.parent();
    const now = parent.nonempty() ? parent[0]!.id() : undefined;
    if ((e.data.parent ?? undefined) !== now) n.move({ parent: (e.data.parent as string | undefined) ?? null });
  }
  c.edges().filter((x) => !want.has(x.id())).remove();
  c.nodes().filter((x) => !want.has(x.id())).remove();
  for (const e of els) {
    const x = c.getElementById(String(e.data.id));
    if (x.empty()) continue;
    const changed: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(e.data)) {
      if (k === 'id' || k === 'parent' || k === 'source' || k === 'target') continue;
      if (!sameValue(x.data(k), v)) changed[k] = v;
    }
    if (Object.keys(changed).length) x.data(changed);
    const classes = (e.classes as string | undefined) ?? '';
    if (x.classes().join(' ') !== classes.split(/\s+/).filter(Boolean).join(' ')) x.classes(classes);
  }
  c.add(els.filter((e) => e.group === 'edges' && missing(e)));
}

export function CoalitionGraph(props: CoalitionGraphProps) {
  const uid = createUniqueId();
  let container!: HTMLDivElement;
  const [cy, setCy] = createSignal<Core>();
  const [showCompatible, setShowCompatible] = createSignal(false);
  const [playing, setPlaying] = createSignal(false);
  const [status, setStatus] = createSignal('');
  /** False until the first layout has come back: the canvas stays hidden rather than show a circle. */
  const [placed, setPlaced] = createSignal(false);
  /** Whether the canvas is on screen or near it (an IntersectionObserver says). */
  const [onScreen, setOnScreen] = createSignal(false);
  /** Layout requests are numbered; an answer that is not the latest is dropped. */
  let seq = 0;

  const count = () => props.frames.length;
  const index = createMemo(() => Math.min(Math.max(Math.trunc(props.frame) || 0, 0), Math.max(count() - 1, 0)));
  const current = createMemo(() => props.frames[index()]);
  const height = () => props.height ?? (props.largeText ? 720 : 560);
  /** Labels large relative to the nodes: the projector mode, and the side panel (drawn small). */
  const bigLabels = () => !!props.largeText || !!props.compact;
  const go = (k: number) => {
    const n = count();
    if (n === 0) return;
    const next = Math.min(Math.max(k, 0), n - 1);
    if (next !== index()) props.onFrame(next);
  };

  let oriented = false;

  /**
   * fcose keeps nodes apart but not always their labels, least of all inside a compound. Push
   * apart any two leaves whose boxes (node plus label, with a margin) overlap, along the axis
   * of least overlap, until none do (or 60 sweeps).
   */
  function separate(leaves: cytoscape.NodeCollection) {
    const items = leaves.toArray().map((n) => {
      const node = n as cytoscape.NodeSingular;
      const p = node.position();
      const b = node.boundingBox({ includeLabels: true, includeOverlays: false });
      return { node, x: p.x, y: p.y, l: p.x - b.x1 + 8, r: b.x2 - p.x + 8, t: p.y - b.y1 + 8, b: b.y2 - p.y + 8 };
    });
    for (let sweep = 0; sweep < 60; sweep++) {
      let moved = false;
      for (let i = 0; i < items.length; i++) {
        for (let j = i + 1; j < items.length; j++) {
          const a = items[i]!;
          const c = items[j]!;
          const ox = Math.min(a.x + a.r, c.x + c.r) - Math.max(a.x - a.l, c.x - c.l);
          const oy = Math.min(a.y + a.b, c.y + c.b) - Math.max(a.y - a.t, c.y - c.t);
          if (ox <= 0 || oy <= 0) continue;
          moved = true;
          if (ox < oy) {
            const d = (ox / 2 + 1) * (a.x <= c.x ? 1 : -1);
            a.x -= d;
            c.x += d;
          } else {
            const d = (oy / 2 + 1) * (a.y <= c.y ? 1 : -1);
            a.y -= d;
            c.y += d;
          }
        }
      }
      if (!moved) break;
    }
    for (const it of items) it.node.position({ x: it.x, y: it.y });
  }

  /**
   * Lay out from the current positions: the boxes (node plus label, as drawn) go to the layout
   * worker (fcose, not animated, so the result is known at once); when the answer is the latest,
   * turn the first layout a quarter if its long side is across the canvas's long side (later
   * rounds keep that orientation), then animate nodes and viewport from where they were. Doing
   * the animation here rather than in fcose lets the viewport fit the *final* positions.
   */
  let inFlight = false;
  let queued: boolean | undefined;
  /**
   * One layout at a time: while one is in the worker, later requests collapse into one that runs
   * when it is back (from wherever the nodes are then), so dragging a slider never queues up work.
   */
  async function runLayout(animate: boolean) {
    if (inFlight) {
      queued = (queued ?? false) || animate;
      seq++; // the answer in flight is stale now
      return;
    }
    inFlight = true;
    try {
      await layoutOnce(animate);
    } finally {
      inFlight = false;
    }
    if (queued !== undefined) {
      const again = queued;
      queued = undefined;
      void runLayout(again);
    }
  }

  /**
   * While an animated frame's layout is in the worker, Cytoscape's drawing is held (a batch): the
   * new elements at their old places would otherwise be drawn once for nothing, and that draw is
   * the dearest of the transition (every changed element restyled, measured and re-cached) and
   * comes while the workers are busy with the round. Held, it is drawn once, with the answer, as
   * the animation's first frame (in Chromium on two cores, the longest frame of a round's
   * transition: median 27 → 20 ms, p90 33 → 25 ms). A hold never outlives HOLD_MAX_MS, so a
   * layout that fails or never answers only delays the draw.
   * The canvas box counts holds let go by their layout (data-holds) and by the time limit
   * (data-hold-timeouts), so tests can tell the drawing was held and let go.
   */
  let held: Core | undefined;
  let holdTimer: ReturnType<typeof setTimeout> | undefined;
  function hold(c: Core) {
    if (held) return;
    held = c;
    c.startBatch();
    holdTimer = setTimeout(() => release('holdTimeouts'), HOLD_MAX_MS);
  }
  function release(count?: 'holds' | 'holdTimeouts') {
    clearTimeout(holdTimer);
    holdTimer = undefined;
    const c = held;
    held = undefined;
    if (!c || c.destroyed()) return;
    c.endBatch();
    if (count) container.dataset[count] = String(Number(container.dataset[count] ?? 0) + 1);
  }

  async function layoutOnce(animate: boolean) {
    const c = cy();
    if (!c || c.nodes().length === 0) {
      release();
      return;
    }
    const my = ++seq;
    c.stop(true, true);
    const leaves = c.nodes().filter((n) => !n.isParent());
    leaves.stop(true, true);
    const before = new Map(leaves.toArray().map((n) => [n.id(), { ...(n as cytoscape.NodeSingular).position() }] as const));
    const offsets = new Map<string, { dx: number; dy: number }>();
    const boxes = leaves.toArray().map((n) => {
      const node = n as cytoscape.NodeSingular;
      const p = node.position();
      const b = node.boundingBox({ includeLabels: true, includeOverlays: false });
      const x = (b.x1 + b.x2) / 2;
      const y = (b.y1 + b.y2) / 2;
      offsets.set(node.id(), { dx: x - p.x, dy: y - p.y });
      const parent = node.parent();
      return { id: node.id(), x, y, w: b.w, h: b.h, ...(parent.nonempty() ? { parent: parent[0]!.id() } : {}) };
    });
    // Compatible pairs are usually most pairs: they would pull everything together, so the
    // layout ignores them.
    const links = c
      .edges()
      .filter((e) => e.data('kind') !== 'compatible')
      .map((e) => ({ source: String(e.data('source')), target: String(e.data('target')), kind: e.data('kind') as EdgeKind, weight: Number(e.data('weight')) || undefined }));
    const groups = c.nodes().filter((n) => n.isParent()).map((n) => n.id());
    const result = await layoutInWorker({ boxes, groups, links, groupPadding: bigLabels() ? 40 : 32 });
    // Placing the answer and the draw that follows are a task each, not both in the message's.
    await new Promise((r) => setTimeout(r, 0));
    // A stale answer keeps the hold: the newer layout, already asked for, releases it.
    if (my !== seq || c.destroyed()) return;
    release('holds');
    const wasPlaced = untrack(placed);
    c.batch(() => {
      leaves.positions((n) => {
        const r = result[n.id()];
        const o = offsets.get(n.id());
        return r && o ? { x: r.x - o.dx, y: r.y - o.dy } : n.position();
      });
    });
    setPlaced(true);

    const w = c.width();
    const h = c.height();
    let bb = leaves.boundingBox({});
    if (!oriented && w > 0 && h > 0) {
      oriented = true;
      if (bb.h > bb.w !== h > w && Math.abs(bb.h - bb.w) > 0.15 * Math.max(bb.w, bb.h)) {
        const cx = (bb.x1 + bb.x2) / 2;
        const cy0 = (bb.y1 + bb.y2) / 2;
        leaves.positions((n) => {
          const p = n.position();
          return { x: cx + (p.y - cy0), y: cy0 - (p.x - cx) };
        });
      }
    }
    separate(leaves);
    // Stretch along the canvas's long side (never squeeze: stretching keeps nodes apart) so the
    // drawing fills a wide or tall canvas instead of sitting small in the middle.
    bb = leaves.boundingBox({});
    if (w > 0 && h > 0 && bb.w > 0 && bb.h > 0) {
      const want = w / h;
      const have = bb.w / bb.h;
      const sx = have < want ? Math.min(want / have, 1.8) : 1;
      const sy = have > want ? Math.min(have / want, 1.8) : 1;
      if (sx > 1.02 || sy > 1.02) {
        const cx = (bb.x1 + bb.x2) / 2;
        const cy0 = (bb.y1 + bb.y2) / 2;
        leaves.positions((n) => {
          const p = n.position();
          return { x: cx + (p.x - cx) * sx, y: cy0 + (p.y - cy0) * sy };
        });
      }
    }
    bb = c.elements(':visible').boundingBox({});
    const pad = 30;
    const zoom = Math.min(Math.max(Math.min((w - 2 * pad) / (bb.w || 1), (h - 2 * pad) / (bb.h || 1)), c.minZoom()), 1.6);
    const pan = { x: (w - zoom * (bb.x1 + bb.x2)) / 2, y: (h - zoom * (bb.y1 + bb.y2)) / 2 };
    // The first placement appears where it belongs: the canvas was hidden until now.
    if (!animate || !wasPlaced || prefersReducedMotion()) {
      c.viewport({ zoom, pan });
      return;
    }
    const after = new Map(leaves.toArray().map((n) => [n.id(), { ...(n as cytoscape.NodeSingular).position() }] as const));
    leaves.forEach((n) => {
      const from = before.get(n.id());
      if (from) n.position(from);
    });
    leaves.forEach((n) => {
      n.animate({ position: after.get(n.id())! }, { duration: ANIMATION_MS, easing: 'ease-out-cubic' });
    });
    c.animate({ zoom, pan }, { duration: ANIMATION_MS, easing: 'ease-out-cubic' });
  }

  /** Put actors that have no position yet on a circle, in scenario order, so runs repeat. */
  function seedPositions(c: Core) {
    const fresh = c.nodes('.actor').filter((n) => n.scratch('_placed') !== true);
    if (fresh.length === 0) return;
    const all = c.nodes('.actor');
    const r = 60 * all.length;
    all.forEach((n, i) => {
      if (n.scratch('_placed') === true) return;
      const t = (2 * Math.PI * i) / all.length - Math.PI / 2;
      n.position({ x: r * Math.cos(t), y: r * Math.sin(t) });
      n.scratch('_placed', true);
    });
  }

  /**
   * Cytoscape is created when the graph first comes on screen (or near it), in a task of its
   * own: a view that mounts the graph off screen (the run's graph below the debrief) does not pay
   * for it in the task that mounted the view.
   */
  let ro: ResizeObserver | undefined;
  let createTimer: ReturnType<typeof setTimeout> | undefined;
  /** The label size and compatible-pairs setting the stylesheet was last built for. */
  let styledAs = '';
  function createCy() {
    styledAs = `${bigLabels()}|${showCompatible()}`;
    const c = cytoscape({
      container,
      style: graphStylesheet({ largeText: bigLabels(), showCompatible: showCompatible() }),
      elements: [],
      layout: { name: 'preset' },
      minZoom: 0.15,
      maxZoom: 4,
      boxSelectionEnabled: false,
      autoungrabify: false,
    });
    setCy(c);
    // Each draw after a new frame was applied is stamped on the canvas box (data-painted: the
    // frame's number; data-painted-at: when), so tests and benchmarks can tell the graph caught up.
    c.on('render', () => {
      if (container.dataset.painted !== String(applied)) {
        container.dataset.painted = String(applied);
        container.dataset.paintedAt = String(performance.now());
      }
    });
    ro = new ResizeObserver(() => {
      c.resize();
      c.fit(undefined, 30);
    });
    ro.observe(container);
  }
  createEffect(
    on(onScreen, (v) => {
      if (v && createTimer === undefined) createTimer = setTimeout(createCy, 0);
    }),
  );
  onMount(() => {
    // Off-screen graphs (the run's graph below a long debrief) wait to be scrolled to.
    const io = typeof IntersectionObserver === 'function' ? new IntersectionObserver((es) => setOnScreen(es.some((e) => e.isIntersecting)), { rootMargin: '300px' }) : undefined;
    if (io) io.observe(container);
    else setOnScreen(true);
    onCleanup(() => {
      clearTimeout(createTimer);
      clearTimeout(holdTimer);
      ro?.disconnect();
      io?.disconnect();
      seq++;
      untrack(cy)?.destroy();
    });
  });

  /** How many frames have been applied (see data-painted). */
  let applied = 0;

  /**
   * Apply the shown frame by id and re-run the layout from where the nodes are. The frame is
   * applied in a task of its own, after the one that changed it (a slider's input, a click), and
   * only the latest when several come at once, so dragging a slider stays smooth. A graph that
   * is off screen keeps its latest frame until it is scrolled to, and then moves to it.
   */
  let pendingFrame: { c: Core; elements: readonly GraphElement[]; animate: boolean } | undefined;
  let frameTimer: ReturnType<typeof setTimeout> | undefined;
  function scheduleFrame() {
    if (frameTimer !== undefined || !pendingFrame || !untrack(onScreen)) return;
    frameTimer = setTimeout(() => void applyFrame(), 0);
  }
  createEffect(on(onScreen, (v) => v && scheduleFrame()));
  async function applyFrame() {
    const f = pendingFrame;
    pendingFrame = undefined;
    if (!f || f.c.destroyed()) {
      frameTimer = undefined;
      return;
    }
    // Styles are applied and measured below, so a held draw is let go first.
    release();
    const els = toCy(f.elements, showCompatible());
    if (f.c.elements().empty()) {
      // The first frame goes in a few elements at a time (parents first, then the other nodes,
      // then links), each styled and measured in a task of its own: styling and measuring a
      // whole fresh graph at once is one long task. The canvas stays hidden until placed.
      const parents = new Set(els.map((e) => e.data.parent).filter(Boolean));
      const order = [
        ...els.filter((e) => e.group === 'nodes' && parents.has(e.data.id)),
        ...els.filter((e) => e.group === 'nodes' && !parents.has(e.data.id)),
        ...els.filter((e) => e.group === 'edges'),
      ];
      let start = performance.now();
      for (let k = 1; k < order.length; k++) {
        const part = order.slice(0, k);
        f.c.batch(() => {
          applyElements(f.c, part);
          seedPositions(f.c);
        });
        f.c.getElementById(String(order[k - 1]!.data.id)).boundingBox({ includeLabels: true });
        if (performance.now() - start > FIRST_FRAME_BUDGET_MS) {
          await new Promise((r) => setTimeout(r, 0));
          if (f.c.destroyed()) return;
          start = performance.now();
        }
      }
    }
    applied++;
    f.c.batch(() => {
      applyElements(f.c, els);
      seedPositions(f.c);
    });
    f.c.elements().boundingBox({ includeLabels: true });
    // A side panel follows edits: it jumps to the new layout instead of animating every step
    // (and draws each edit at once, before its layout comes back).
    const animate = f.animate && !props.compact;
    if (animate && untrack(placed)) hold(f.c);
    void runLayout(animate);
    frameTimer = undefined;
    scheduleFrame(); // a newer frame that came in meanwhile
  }
  createEffect(
    on([cy, () => current()?.elements], ([c, elements], prev) => {
      if (!c) return;
      const animate = prev !== undefined && prev[0] === c && (pendingFrame?.animate ?? true);
      pendingFrame = { c, elements: elements ?? [], animate };
      scheduleFrame();
    }),
  );
  onCleanup(() => clearTimeout(frameTimer));

  createEffect(
    on([cy, bigLabels, showCompatible], ([c, largeText, show]) => {
      if (!c || styledAs === `${largeText}|${show}`) return;
      styledAs = `${largeText}|${show}`;
      c.style(graphStylesheet({ largeText, showCompatible: show }));
      c.resize();
      // The shown frame again, with compatible pairs in or out, laid out for the new label sizes.
      pendingFrame = { c, elements: untrack(() => current()?.elements) ?? [], animate: false };
      scheduleFrame();
    }, { defer: true }),
  );

  // Play: step once per second (or at once with reduced motion) until the last frame.
  createEffect(() => {
    if (!playing()) return;
    const timer = setInterval(() => {
      if (index() >= count() - 1) setPlaying(false);
      else go(index() + 1);
    }, prefersReducedMotion() ? 600 : 1200);
    onCleanup(() => clearInterval(timer));
  });

  function exportPng() {
    const c = cy();
    if (!c) return;
    const blob = c.png({ output: 'blob', full: true, scale: 2, bg: '#ffffff' });
    const url = URL.createObjectURL(blob);
    const name = `${props.fileStem ?? 'coreplay-graph'}-${index() + 1}.png`;
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 30_000);
    setStatus(`Saved ${name}`);
  }

  function onCanvasKey(e: KeyboardEvent) {
    const c = cy();
    if (e.key === 'ArrowLeft') go(index() - 1);
    else if (e.key === 'ArrowRight') go(index() + 1);
    else if (c && (e.key === '+' || e.key === '=')) c.zoom({ level: c.zoom() * 1.2, renderedPosition: { x: c.width() / 2, y: c.height() / 2 } });
    else if (c && e.key === '-') c.zoom({ level: c.zoom() / 1.2, renderedPosition: { x: c.width() / 2, y: c.height() / 2 } });
    else if (c && e.key === '0') c.fit(undefined, 36);
    else return;
    e.preventDefault();
  }

  const legend = () => (
    <aside class="cg-legend" aria-labelledby={`${uid}-legend`}>
      <h3 id={`${uid}-legend`}>Legend</h3>
      <p class="cg-legend-sub">Actors (fill and shape = posture; border = the actor’s colour; size = capability; label: utility u, ✗ = state outside its minimum)</p>
      <ul class="cg-keys">
        <For each={POSTURES}>
          {(p) => (
            <li>
              <span class={`cg-swatch cg-shape-${POSTURE_STYLE[p].shape}`} style={{ background: POSTURE_STYLE[p].colour }} aria-hidden="true" />
              {POSTURE_STYLE[p].label}
            </li>
          )}
        </For>
      </ul>
      <p class="cg-legend-sub">Links</p>
      <ul class="cg-keys">
        <For each={EDGE_KINDS}>
          {(k) => (
            <li>
              <span class={`cg-line cg-line-${k}`} style={{ 'border-color': EDGE_STYLE[k].colour }} aria-hidden="true" />
              <span>
                {EDGE_STYLE[k].label}
                <span class="cg-note">: {EDGE_STYLE[k].description}{k === 'compatible' && !showCompatible() ? ' (hidden)' : ''}</span>
              </span>
            </li>
          )}
        </For>
        <li>
          <span class="cg-group" aria-hidden="true" />
          <span>
            Coalition<span class="cg-note">: a maximal set of actors whose minimums are compatible (each actor drawn in its largest)</span>
          </span>
        </li>
      </ul>
    </aside>
  );

  const frameText = () => {
    const f = current();
    return f ? `${f.label} (${index() + 1} of ${count()})` : 'No rounds yet';
  };

  return (
    <section class="cg" classList={{ 'cg-large': !!props.largeText, 'cg-compact': !!props.compact }} aria-labelledby={`${uid}-title`}>
      <div class="cg-head">
        <h2 id={`${uid}-title`}>{props.title}</h2>
        <div class="cg-actions">
          <label class="cg-check">
            <input type="checkbox" checked={showCompatible()} onChange={(e) => setShowCompatible(e.currentTarget.checked)} />
            Show compatible pairs
          </label>
          <button type="button" onClick={exportPng} disabled={count() === 0}>
            Export PNG
          </button>
        </div>
      </div>

      <div class="cg-body">
        <div
          ref={container}
          class="cg-canvas"
          classList={{ 'cg-placing': !placed() }}
          style={{ height: `${height()}px` }}
          aria-busy={!placed()}
          tabindex="0"
          role="img"
          aria-label={`${props.title}: ${frameText()}. Left and right arrows change round; plus, minus and 0 zoom. The graph in words follows.`}
          aria-describedby={`${uid}-words`}
          onKeyDown={onCanvasKey}
        />
        <Show when={!props.compact}>{legend()}</Show>
      </div>

      <Show when={props.compact}>
        <details class="cg-legend-fold">
          <summary>Legend</summary>
          {legend()}
        </details>
      </Show>

      <Show when={!props.compact || count() > 1}>
        <div class="cg-timeline" role="group" aria-label="Timeline">
          <button type="button" onClick={() => go(index() - 1)} disabled={index() <= 0} aria-label="Previous round">
            ◀ Previous
          </button>
          <label class="cg-range">
            <span>Round</span>
            <input
              type="range"
              min="0"
              max={Math.max(count() - 1, 0)}
              step="1"
              value={index()}
              disabled={count() < 2}
              aria-valuetext={frameText()}
              onInput={(e) => go(Number(e.currentTarget.value))}
            />
          </label>
          <button type="button" onClick={() => go(index() + 1)} disabled={index() >= count() - 1} aria-label="Next round">
            Next ▶
          </button>
          <button
            type="button"
            aria-pressed={playing()}
            disabled={count() < 2}
            onClick={() => {
              if (!playing() && index() >= count() - 1) go(0);
              setPlaying((p) => !p);
            }}
          >
            {playing() ? 'Pause' : 'Play'}
          </button>
          <output class="cg-frame" aria-live="polite">
            {frameText()}
          </output>
          <span class="cg-status" role="status">
            {status()}
          </span>
        </div>
      </Show>

      <details class="cg-words" id={`${uid}-words`}>
        <summary>The graph in words ({current()?.summary.length ?? 0} lines)</summary>
        <Show when={current()} fallback={<p>No rounds yet.</p>}>
          {(f) => (
            <ul>
              <For each={f().summary}>{(line) => <li>{line}</li>}</For>
            </ul>
          )}
        </Show>
      </details>
    </section>
  );
}

export default CoalitionGraph;
