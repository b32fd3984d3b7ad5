/**
 * The coalition graph: one component owns one Cytoscape instance (created when the graph first
 * comes near the screen, against an explicitly sized container, and destroyed on cleanup) and
 * wires the parts together. Frames come in as element JSON from models/graph; moving to another
 * frame applies that frame's elements by id (elementDiff.ts, placement.ts) and asks the layout
 * worker for an incremental layout from the current positions (layoutClient.ts); the answer is
 * fitted to the canvas (geometry.ts) and animated unless the user prefers reduced motion. When
 * frames are applied, laid out and drawn is layoutScheduler.ts's to say. The main thread only
 * measures, applies and draws.
 *
 * Around the canvas: a timeline (Timeline.tsx), a legend (Legend.tsx) and the graph in words
 * (`graphSummary` lines). All HTML text goes through Solid's text bindings, so actor names with
 * markup in them stay text; canvas labels are drawn as text by Cytoscape.
 *
 * The canvas box carries what tests and benchmarks read: each draw after a new frame was applied
 * stamps it (data-painted: the frame's number; data-painted-at: when), and it counts draw holds
 * let go by their layout (data-holds) and by the time limit (data-hold-timeouts).
 *
 * The app lazy-loads it: `lazy(() => import('./graph/CoalitionGraph'))` (default export).
 */
import { createEffect, createMemo, createSignal, createUniqueId, For, on, onCleanup, onMount, Show, untrack } from 'solid-js';
import cytoscape, { type Core } from 'cytoscape';
import type { GraphElement } from '../../models/graph/elements';
import { saveBlob } from '../app/files';
import { toDefinitions } from './elementDiff';
import { GraphLegend } from './Legend';
import { layoutInWorker } from './layoutClient';
import { createDrawHold, createFrameGate, createLayoutQueue, nextFrame, nextTask } from './layoutScheduler';
import { prefersReducedMotion } from './motion';
import { addFirstFrame, applyElements, applyLayout, fitToCanvas, measure, seedPositions } from './placement';
import { graphStylesheet } from './style';
import { clampFrame, Timeline } from './Timeline';
import { badgeFont, drawOutlines, type OutlinedFrame } from './outlines';
import { DRAW_AHEAD, drawAhead, drawDirectly, hideIdleLayers, pauseDrawing } from './directDraw';
import './graph.css';

export interface CoalitionGraphProps {
  /**
   * One entry per round, oldest first (build each with `graphFrame` from models/graph); a frame's
   * `outlines` (overlapping groups) are drawn as hulls around their members (outlines.ts).
   */
  frames: readonly OutlinedFrame[];
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
  /** False when the page has its own round control for this graph (e.g. one slider for two graphs side by side). */
  timeline?: boolean;
}

/** The longest a fresh graph's canvas stays hidden after its layout is placed, waiting to be drawn. */
const FIRST_DRAW_WAIT_MS = 500;

/** A frame waiting to be applied: the instance it is for, its elements, and whether to animate to it. */
interface PendingFrame {
  c: Core;
  elements: readonly GraphElement[];
  animate: boolean;
}

function CoalitionGraph(props: CoalitionGraphProps) {
  const uid = createUniqueId();
  let container!: HTMLDivElement;
  /**
   * Cytoscape's own element inside the canvas box. Cytoscape redraws everything (a resize) 100 ms
   * after any attribute of its container changes; the box's attributes change with every round
   * (its label, class, paint stamps), this element's never.
   */
  let mount!: HTMLDivElement;
  const [cy, setCy] = createSignal<Core>();
  const [showCompatible, setShowCompatible] = createSignal(false);
  const [status, setStatus] = createSignal('');
  /** False until the first layout has come back: the canvas stays hidden rather than show a circle. */
  const [placed, setPlaced] = createSignal(false);
  /** Whether the canvas is on screen or near it (an IntersectionObserver says). */
  const [onScreen, setOnScreen] = createSignal(false);

  const count = () => props.frames.length;
  const index = createMemo(() => clampFrame(props.frame, count()));
  const current = createMemo(() => props.frames[index()]);
  const height = () => props.height ?? (props.largeText ? 720 : 560);
  /** Labels large relative to the nodes: the projector mode, and the side panel (drawn small). */
  const bigLabels = () => !!props.largeText || !!props.compact;
  const go = (k: number) => {
    if (count() === 0) return;
    const next = clampFrame(k, count());
    if (next !== index()) props.onFrame(next);
  };

  const drawHold = createDrawHold((by) => {
    const key = by === 'layout' ? 'holds' : 'holdTimeouts';
    container.dataset[key] = String(Number(container.dataset[key] ?? 0) + 1);
  });

  /** Whether the first layout's orientation has been decided (later rounds keep it). */
  let oriented = false;
  const layouts = createLayoutQueue(async (animate, isStale) => {
    const c = cy();
    if (!c || c.nodes().length === 0) return drawHold.release();
    // Measuring every box with its label is a task of its own, not part of the one that applied the frame.
    await nextTask();
    // A stale request keeps the hold: the newer layout, already asked for, releases it.
    if (isStale() || c.destroyed()) return;
    const m = measure(c);
    const result = await layoutInWorker({ ...m.request, groupPadding: bigLabels() ? 40 : 32 });
    // Placing the answer and the draw that follows are a task each, not both in the message's.
    await nextTask();
    // A stale answer keeps the hold: the newer layout, already asked for, releases it.
    if (isStale() || c.destroyed()) return;
    drawHold.release('layout');
    const wasPlaced = untrack(placed);
    applyLayout(c, m, result);
    if (fitToCanvas(c, m, { orient: !oriented, animate: animate && wasPlaced && !prefersReducedMotion() })) oriented = true;
    if (!wasPlaced) {
      // The first placement appears where it belongs: the canvas, hidden until now, is drawn
      // for the first time with the placed graph, and shown in a frame after that draw (drawing
      // it and handing it to the screen in one frame would be one long task). What that first
      // draw can do ahead is done before it, a part a task, each after a frame (in which what
      // the part before drew on the hidden canvas is rasterised): drawn at once, a fresh graph
      // was one task of 25–50 ms of CPU.
      for (const part of DRAW_AHEAD) {
        await nextFrame();
        if (c.destroyed()) return;
        drawAhead(c, part, [badgeFont(bigLabels())]);
      }
      resumeDrawing?.();
      resumeDrawing = undefined;
      await drawnOnce(c);
      if (c.destroyed()) return;
    }
    setPlaced(true);
  });

  /** Resolves in the task after the renderer's next draw (or after FIRST_DRAW_WAIT_MS without one). */
  const drawnOnce = (c: Core) =>
    new Promise<void>((resolve) => {
      let settled = false;
      const done = () => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        setTimeout(resolve, 0);
      };
      const timer = setTimeout(() => {
        c.off('render', done);
        done();
      }, FIRST_DRAW_WAIT_MS);
      c.one('render', done);
    });

  /** How many frames have been applied (see data-painted). */
  let applied = 0;

  /** The latest frame goes in, in a task of its own, while the graph is on screen (see layoutScheduler.ts). */
  const frames = createFrameGate<PendingFrame>(async (f) => {
    if (f.c.destroyed()) return;
    // Styles are applied and measured below, so a held draw is let go first.
    drawHold.release();
    const els = toDefinitions(f.elements, showCompatible());
    // The canvas stays hidden while a first frame goes in, until it is placed.
    if (f.c.elements().empty() && !(await addFirstFrame(f.c, els))) return;
    applied++;
    f.c.batch(() => {
      applyElements(f.c, els);
      seedPositions(f.c);
    });
    f.c.elements().boundingBox({ includeLabels: true });
    // A side panel follows edits: it jumps to the new layout instead of animating every step
    // (and draws each edit at once, before its layout comes back).
    const animate = f.animate && !props.compact;
    if (animate && untrack(placed)) drawHold.hold(f.c);
    void layouts.request(animate);
  });
  createEffect(on(onScreen, (v) => frames.setVisible(v)));

  /**
   * Cytoscape is created when the graph first comes on screen (or near it), in a task of its
   * own: a view that mounts the graph off screen (the run's graph below the debrief) does not pay
   * for it in the task that mounted the view.
   */
  let ro: ResizeObserver | undefined;
  let createTimer: ReturnType<typeof setTimeout> | undefined;
  /** The label size and compatible-pairs setting the stylesheet was last built for. */
  let styledAs = '';
  /**
   * Lets a fresh graph draw: until its first layout is placed its canvas is hidden, and the
   * elements going in step by step are not drawn (directDraw.ts, pauseDrawing).
   */
  let resumeDrawing: (() => void) | undefined;
  function createCy() {
    styledAs = `${bigLabels()}|${showCompatible()}`;
    const c = cytoscape({
      container: mount,
      style: graphStylesheet({ largeText: bigLabels(), showCompatible: showCompatible() }),
      elements: [],
      layout: { name: 'preset' },
      minZoom: 0.15,
      maxZoom: 4,
      boxSelectionEnabled: false,
      autoungrabify: false,
    });
    // A few dozen elements at most: drawn straight onto one canvas (directDraw.ts), the
    // outlines on top of them in the same draw.
    drawDirectly(c, (ctx) => drawOutlines(ctx, c, untrack(() => current()?.outlines) ?? [], bigLabels()));
    hideIdleLayers(c);
    resumeDrawing = pauseDrawing(c);
    setCy(c);
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
    const io =
      typeof IntersectionObserver === 'function'
        ? new IntersectionObserver((es) => setOnScreen(es.some((e) => e.isIntersecting)), { rootMargin: '300px' })
        : undefined;
    if (io) io.observe(container);
    else setOnScreen(true);
    onCleanup(() => {
      clearTimeout(createTimer);
      drawHold.dispose();
      ro?.disconnect();
      io?.disconnect();
      layouts.cancel();
      untrack(cy)?.destroy();
    });
  });

  createEffect(
    on([cy, () => current()?.elements], ([c, elements], prev) => {
      if (!c) return;
      const animate = prev !== undefined && prev[0] === c && (frames.pending()?.animate ?? true);
      frames.offer({ c, elements: elements ?? [], animate });
    }),
  );
  onCleanup(() => frames.dispose());

  // The outlines are drawn with the node layer: another frame's outlines are another draw.
  createEffect(
    on(
      () => current()?.outlines,
      () => untrack(cy)?.forceRender(),
      { defer: true },
    ),
  );

  createEffect(
    on(
      [cy, bigLabels, showCompatible],
      ([c, largeText, show]) => {
        if (!c || styledAs === `${largeText}|${show}`) return;
        styledAs = `${largeText}|${show}`;
        c.style(graphStylesheet({ largeText, showCompatible: show }));
        c.resize();
        // The shown frame again, with compatible pairs in or out, laid out for the new label sizes.
        frames.offer({ c, elements: untrack(() => current()?.elements) ?? [], animate: false });
      },
      { defer: true },
    ),
  );

  function exportPng() {
    const c = cy();
    if (!c) return;
    const name = `${props.fileStem ?? 'coreplay-graph'}-${index() + 1}.png`;
    saveBlob(name, c.png({ output: 'blob', full: true, scale: 2, bg: '#ffffff' }));
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

  const frameText = () => {
    const f = current();
    return f ? `${f.label} (${index() + 1} of ${count()})` : 'No rounds yet';
  };
  const legend = () => <GraphLegend headingId={`${uid}-legend`} showCompatible={showCompatible()} groups={current()?.groups} outlines={current()?.outlines} />;

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
        >
          <div ref={mount} class="cg-cy" />
        </div>
        <Show when={!props.compact}>{legend()}</Show>
      </div>

      <Show when={props.compact}>
        <details class="cg-legend-fold">
          <summary>Legend</summary>
          {legend()}
        </details>
      </Show>

      <Show when={props.timeline !== false && (!props.compact || count() > 1)}>
        <Timeline index={index()} count={count()} onGo={go} frameText={frameText()} status={status()} />
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
