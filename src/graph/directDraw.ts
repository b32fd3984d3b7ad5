/**
 * Cytoscape's canvas renderer draws each element into texture caches (one per element and label,
 * and layers of many elements) and then copies the textures to the screen: cheap to pan and zoom
 * a graph of thousands, but every element whose colour, size or label changes is drawn into its
 * textures again — in a software canvas (no GPU) that redraw, not the script, is most of the
 * first frame after a round. A coalition graph here has at most 40 actors and their links, which
 * the renderer draws straight onto the screen's canvas in a few milliseconds (its own way of
 * drawing for exports). This sends the renderer's on-screen drawing through that path.
 *
 * The hooks are the renderer's own methods (cytoscape 3.34, pinned in package.json); when they
 * are not there the graph keeps the renderer's default drawing, and `drawDirectly` says so.
 */
import type { Core } from 'cytoscape';

/** The part of Cytoscape's canvas renderer used here. */
interface CanvasRenderer {
  /** The on-screen canvases' contexts, by layer, and the texture caches. */
  data?: { contexts?: readonly CanvasRenderingContext2D[] } & Partial<Record<(typeof TEXTURE_CACHES)[number], unknown>>;
  /** Which of them is the node layer. */
  NODE?: number;
  drawElement(context: CanvasRenderingContext2D, ele: unknown): void;
  drawLayeredElements(context: CanvasRenderingContext2D, eles: readonly unknown[], pxRatio: number, extent: unknown): void;
  drawCachedElements(context: CanvasRenderingContext2D, eles: readonly unknown[], pxRatio: number, extent: unknown): void;
  drawCachedNodes(context: CanvasRenderingContext2D, eles: readonly unknown[], pxRatio: number, extent: unknown): void;
}

const HOOKS = ['drawElement', 'drawLayeredElements', 'drawCachedElements', 'drawCachedNodes'] as const;

/** The renderer's texture caches: of elements, of their labels (main, source, target), of layers. */
const TEXTURE_CACHES = ['eleTxrCache', 'lblTxrCache', 'slbTxrCache', 'tlbTxrCache', 'lyrTxrCache'] as const;

/**
 * Draw `c`'s elements straight onto its canvas from now on; false (and nothing changed) when the
 * renderer is not the one expected. `overNodes`, if given, draws on top of the on-screen node
 * layer each time the renderer has drawn it (in that same draw: one canvas changes, not two), with
 * the context's transform mapping the graph's CSS pixels; exports and the drag layer are left
 * alone.
 */
export function drawDirectly(c: Core, overNodes?: (context: CanvasRenderingContext2D) => void): boolean {
  const r = (c as unknown as { renderer?: () => unknown }).renderer?.() as Partial<CanvasRenderer> | undefined;
  if (!r || !HOOKS.every((k) => typeof r[k] === 'function')) return false;
  if (overNodes && !(typeof r.NODE === 'number' && Array.isArray(r.data?.contexts))) return false;
  const renderer = r as CanvasRenderer;
  const over = (context: CanvasRenderingContext2D, pxRatio: number) => {
    if (!overNodes || context !== renderer.data?.contexts?.[renderer.NODE!]) return;
    context.save();
    context.setTransform(pxRatio, 0, 0, pxRatio, 0, 0);
    try {
      overNodes(context);
    } finally {
      context.restore();
    }
  };
  const all = (context: CanvasRenderingContext2D, eles: readonly unknown[]) => {
    for (let i = 0; i < eles.length; i++) renderer.drawElement(context, eles[i]);
  };
  // Nothing is drawn from the texture caches any more, so they are not kept up to date either
  // (the renderer marks every changed element's textures stale before each draw).
  for (const cache of TEXTURE_CACHES) {
    const c = r.data?.[cache] as { invalidateElements?: unknown } | undefined;
    if (c && typeof c.invalidateElements === 'function') c.invalidateElements = () => undefined;
  }
  renderer.drawCachedElements = all;
  // The renderer draws each layer with one of these two.
  renderer.drawLayeredElements = (context, eles, pxRatio) => {
    all(context, eles);
    over(context, pxRatio);
  };
  renderer.drawCachedNodes = (context, eles, pxRatio) => {
    for (let i = 0; i < eles.length; i++) {
      const ele = eles[i] as { isNode(): boolean };
      if (ele.isNode()) renderer.drawElement(context, ele);
    }
    over(context, pxRatio);
  };
  return true;
}

/**
 * Of Cytoscape's three canvases only the node layer is drawn on while nobody drags: the selection
 * box is off here (its layer is neither shown nor drawn), and the drag layer holds a node only
 * while it is held. Each canvas the page
 * shows is handed to the compositor at every frame it changes (about 10 ms each for a graph's
 * size in a software canvas), and the renderer clears all three when it redraws everything — so
 * the select-box layer stays hidden, and the drag layer shows from a grab until the first draw
 * after the node is let go.
 */
export function hideIdleLayers(c: Core): void {
  const canvas = (id: string) => c.container()?.querySelector<HTMLCanvasElement>(`canvas[data-id="${id}"]`) ?? undefined;
  const selectBox = canvas('layer0-selectbox');
  const drag = canvas('layer1-drag');
  if (selectBox) selectBox.style.display = 'none';
  // Never shown, so never drawn either (the renderer clears the whole layer at every view change).
  const r = (c as unknown as { renderer?: () => unknown }).renderer?.() as { drawSelectionRectangle?: unknown } | undefined;
  if (selectBox && r && typeof r.drawSelectionRectangle === 'function') r.drawSelectionRectangle = () => undefined;
  if (!drag) return;
  drag.style.display = 'none';
  let released = false;
  c.on('grab', () => {
    released = false;
    drag.style.display = '';
  });
  c.on('free', () => {
    released = true;
  });
  c.on('render', () => {
    if (!released) return;
    released = false;
    drag.style.display = 'none';
  });
}

/**
 * Stop `c` drawing on screen until the returned function is called (which draws at once, in the
 * renderer's next frame); undefined, and nothing changed, when the renderer is not the one
 * expected. A fresh graph's elements go in over several tasks and are measured and laid out
 * while its canvas is hidden (CoalitionGraph.tsx): each step would otherwise be drawn in full,
 * unseen. Exports (drawn onto a context of their own) are drawn as before.
 */
export function pauseDrawing(c: Core): (() => void) | undefined {
  const r = (c as unknown as { renderer?: () => unknown }).renderer?.() as { render?: unknown } | undefined;
  if (!r || typeof r.render !== 'function') return undefined;
  const renderer = r as { render: (options?: { forcedContext?: unknown }) => unknown };
  const own = Object.hasOwn(renderer, 'render');
  const render = renderer.render;
  let paused = true;
  renderer.render = function (this: unknown, options) {
    if (paused && !options?.forcedContext) return undefined;
    return render.call(this, options);
  };
  return () => {
    if (!paused) return;
    paused = false;
    if (own) renderer.render = render;
    else delete (renderer as { render?: unknown }).render;
    if (!c.destroyed()) c.forceRender();
  };
}

/** What a fresh graph's first draw can do ahead, each part in a task of its own (see `drawAhead`). */
export const DRAW_AHEAD = ['geometry', 'canvases', 'nodes', 'edges'] as const;
export type DrawAheadPart = (typeof DRAW_AHEAD)[number];

/**
 * Work a fresh graph's first draw would otherwise do all in one frame, done ahead in the
 * caller's task while the graph is not drawn on screen (`pauseDrawing`) and its canvas hidden:
 * - `geometry` works out the shapes and label places of every element that moved, and the
 *   drawing order;
 * - `canvases` clears the on-screen canvases the renderer clears at every full draw (the first
 *   clear of a new canvas is the slow one: its memory is touched for the first time, several
 *   milliseconds a layer in a software canvas), then measures a digit string in each of `fonts`
 *   on the node layer (the first use of a font at a size finds the font for it, up to 20 ms each
 *   measured here);
 * - `nodes` and `edges` draw those elements, where the view puts them, onto the hidden node layer
 *   (the nodes with whatever `drawDirectly` draws over them): the first time each is drawn its
 *   text is shaped and its glyphs rasterised, which later draws reuse. The renderer's next draw
 *   clears the layer before it draws.
 * False, with nothing done, when the renderer is not the one expected.
 */
export function drawAhead(c: Core, part: DrawAheadPart, fonts: readonly string[] = []): boolean {
  const r = (c as unknown as { renderer?: () => unknown }).renderer?.() as
    | {
        flushRenderedStyleQueue?: () => void;
        getCachedZSortedEles?: () => readonly { isNode(): boolean }[];
        getPixelRatio?: () => number;
        drawLayeredElements?: CanvasRenderer['drawLayeredElements'];
        drawCachedElements?: CanvasRenderer['drawCachedElements'];
        data?: { canvases?: readonly HTMLCanvasElement[] };
        NODE?: number;
        DRAG?: number;
      }
    | undefined;
  if (!r || c.destroyed()) return false;
  if (part === 'geometry') {
    if (typeof r.flushRenderedStyleQueue !== 'function' || typeof r.getCachedZSortedEles !== 'function') return false;
    r.flushRenderedStyleQueue();
    r.getCachedZSortedEles();
    return true;
  }
  const canvases = r.data?.canvases;
  if (!Array.isArray(canvases) || typeof r.NODE !== 'number' || typeof r.DRAG !== 'number') return false;
  const node = canvases[r.NODE]?.getContext('2d');
  if (part === 'nodes' || part === 'edges') {
    const { getCachedZSortedEles, getPixelRatio, drawLayeredElements, drawCachedElements } = r;
    if (!node || typeof getCachedZSortedEles !== 'function' || typeof getPixelRatio !== 'function') return false;
    if (typeof drawLayeredElements !== 'function' || typeof drawCachedElements !== 'function') return false;
    const ratio = getPixelRatio.call(r);
    const zoom = c.zoom() * ratio;
    const pan = c.pan();
    const eles = getCachedZSortedEles.call(r).filter((e) => e.isNode() === (part === 'nodes'));
    node.save();
    node.setTransform(zoom, 0, 0, zoom, pan.x * ratio, pan.y * ratio);
    try {
      // The node layer's own drawing draws what goes over the nodes too; edges are drawn alone.
      (part === 'nodes' ? drawLayeredElements : drawCachedElements).call(r, node, eles, ratio, undefined);
    } finally {
      node.restore();
    }
    return true;
  }
  for (const canvas of [canvases[r.NODE], canvases[r.DRAG]]) {
    const context = canvas?.getContext('2d');
    if (!canvas || !context) continue;
    context.save();
    context.setTransform(1, 0, 0, 1, 0, 0);
    context.clearRect(0, 0, canvas.width, canvas.height);
    context.restore();
  }
  if (node) {
    const font = node.font;
    for (const f of fonts) {
      node.font = f;
      node.measureText('0123456789');
    }
    node.font = font;
  }
  return true;
}
