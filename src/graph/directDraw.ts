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
