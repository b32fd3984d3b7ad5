// @vitest-environment jsdom
/**
 * The graph's drawing straight onto one canvas: the renderer's cached paths are sent to its own
 * direct drawing, in the order it gives, with whatever goes on top (the outlines) drawn onto the
 * node layer in the same draw; an unexpected renderer is left alone; and of its three canvases only
 * the node layer shows, the drag layer from a grab to the first draw after the drop.
 */
import { describe, expect, it } from 'vitest';
import cytoscape, { type Core } from 'cytoscape';
import { drawDirectly, hideIdleLayers } from '../../../src/graph/directDraw';

/** A stand-in for the canvas renderer: records what is drawn, directly or through its caches. */
function fakeCore(renderer: Record<string, unknown> | undefined, container?: HTMLElement) {
  const handlers = new Map<string, (() => void)[]>();
  const core = {
    renderer: () => renderer,
    container: () => container ?? null,
    on: (event: string, f: () => void) => handlers.set(event, [...(handlers.get(event) ?? []), f]),
  };
  const emit = (event: string) => {
    for (const f of handlers.get(event) ?? []) f();
  };
  return { core: core as unknown as Core, emit };
}

const ele = (id: string, node: boolean) => ({ id, isNode: () => node });

/** A renderer's layer drawing, replaced by drawDirectly. */
const noDraw = (_ctx: CanvasRenderingContext2D, _eles: readonly unknown[], _pxRatio: number, _extent: unknown) => undefined;

describe('drawing directly', () => {
  it('sends the layered and cached drawing to the direct one, in order, nodes only where asked', () => {
    const drawn: string[] = [];
    const cached = (..._: unknown[]) => drawn.push('cache');
    const renderer = {
      drawElement: (_ctx: unknown, e: { id: string }) => drawn.push(e.id),
      drawLayeredElements: cached,
      drawCachedElements: cached,
      drawCachedNodes: cached,
    };
    const { core } = fakeCore(renderer);
    expect(drawDirectly(core)).toBe(true);
    const ctx = {} as CanvasRenderingContext2D;
    const eles = [ele('a', true), ele('a-b', false), ele('b', true)];
    renderer.drawLayeredElements(ctx, eles, 1, null);
    renderer.drawCachedElements(ctx, eles, 1, null);
    renderer.drawCachedNodes(ctx, eles, 1, null);
    expect(drawn).toEqual(['a', 'a-b', 'b', 'a', 'a-b', 'b', 'a', 'b']);
  });

  it('draws on top of the on-screen node layer after its elements, in CSS pixels, and nowhere else', () => {
    const log: string[] = [];
    /** A context that records what is done to it. */
    const context = (name: string) =>
      ({
        save: () => log.push(`${name} save`),
        restore: () => log.push(`${name} restore`),
        setTransform: (...m: number[]) => log.push(`${name} transform ${m.join(',')}`),
      }) as unknown as CanvasRenderingContext2D;
    const [selectBox, drag, node, exported] = [context('select'), context('drag'), context('node'), context('export')];
    const renderer = {
      NODE: 2,
      data: { contexts: [selectBox, drag, node] },
      drawElement: (ctx: CanvasRenderingContext2D, e: { id: string }) => log.push(`${ctx === node ? 'node' : ctx === drag ? 'drag' : 'export'} ${e.id}`),
      drawLayeredElements: noDraw,
      drawCachedElements: noDraw,
      drawCachedNodes: noDraw,
    };
    const { core } = fakeCore(renderer);
    expect(drawDirectly(core, (ctx) => log.push(`over ${ctx === node ? 'node' : 'other'}`))).toBe(true);
    const eles = [ele('a', true), ele('a-b', false)];
    renderer.drawLayeredElements(node, eles, 2, null);
    expect(log).toEqual(['node a', 'node a-b', 'node save', 'node transform 2,0,0,2,0,0', 'over node', 'node restore']);
    log.length = 0;
    // Edges hidden while the view moves: nodes only, then the same drawing on top.
    renderer.drawCachedNodes(node, eles, 1, null);
    expect(log).toEqual(['node a', 'node save', 'node transform 1,0,0,1,0,0', 'over node', 'node restore']);
    log.length = 0;
    // The drag layer and an export's context get the elements only.
    renderer.drawLayeredElements(drag, eles, 1, null);
    renderer.drawLayeredElements(exported, eles, 1, null);
    expect(log).toEqual(['drag a', 'drag a-b', 'export a', 'export a-b']);
  });

  it('stops keeping the texture caches it no longer draws from', () => {
    const invalidated: string[] = [];
    const cache = (name: string) => ({ invalidateElements: () => invalidated.push(name) });
    const data = { eleTxrCache: cache('elements'), lblTxrCache: cache('labels'), lyrTxrCache: cache('layers') };
    const renderer = { data, drawElement: () => undefined, drawLayeredElements: noDraw, drawCachedElements: noDraw, drawCachedNodes: noDraw };
    expect(drawDirectly(fakeCore(renderer).core)).toBe(true);
    for (const c of Object.values(data)) c.invalidateElements();
    expect(invalidated).toEqual([]);
  });

  it('keeps the context as it was when the drawing on top throws', () => {
    let restored = 0;
    const node = { save: () => undefined, restore: () => restored++, setTransform: () => undefined } as unknown as CanvasRenderingContext2D;
    const renderer = {
      NODE: 0,
      data: { contexts: [node] },
      drawElement: () => undefined,
      drawLayeredElements: noDraw,
      drawCachedElements: noDraw,
      drawCachedNodes: noDraw,
    };
    drawDirectly(fakeCore(renderer).core, () => {
      throw new Error('bad outline');
    });
    expect(() => renderer.drawLayeredElements(node, [], 1, null)).toThrow('bad outline');
    expect(restored).toBe(1);
  });

  it('without the layers it would draw on top of, leaves the renderer alone when asked to', () => {
    const renderer = {
      drawElement: () => undefined,
      drawLayeredElements: () => undefined,
      drawCachedElements: () => undefined,
      drawCachedNodes: () => undefined,
    };
    const before = { ...renderer };
    expect(drawDirectly(fakeCore(renderer).core, () => undefined)).toBe(false);
    expect(renderer).toEqual(before);
    // Without drawing on top, the same renderer is drawn directly.
    expect(drawDirectly(fakeCore(renderer).core)).toBe(true);
  });

  it('leaves a renderer without those methods as it is (another renderer, a headless instance)', () => {
    const partial = { drawElement: () => undefined, drawLayeredElements: () => undefined };
    expect(drawDirectly(fakeCore(partial).core)).toBe(false);
    expect(Object.keys(partial)).toEqual(['drawElement', 'drawLayeredElements']);
    expect(drawDirectly(fakeCore(undefined).core)).toBe(false);
    // A real instance without a container has no canvas renderer.
    const headless = cytoscape({ headless: true, elements: [{ data: { id: 'a' } }] });
    expect(drawDirectly(headless)).toBe(false);
    headless.destroy();
  });
});

describe('the idle layers', () => {
  it('hides the select-box layer and stops drawing it, and shows the drag layer from a grab until the first draw after the drop', () => {
    const container = document.createElement('div');
    const canvas = (id: string) => {
      const c = document.createElement('canvas');
      c.dataset.id = id;
      container.append(c);
      return c;
    };
    const [selectBox, drag, node] = [canvas('layer0-selectbox'), canvas('layer1-drag'), canvas('layer2-node')];
    let selectBoxDrawn = 0;
    const renderer = { drawSelectionRectangle: () => selectBoxDrawn++ };
    const { core, emit } = fakeCore(renderer, container);
    hideIdleLayers(core);
    // The select-box layer is not drawn either.
    renderer.drawSelectionRectangle();
    expect(selectBoxDrawn).toBe(0);
    expect([selectBox.style.display, drag.style.display, node.style.display]).toEqual(['none', 'none', '']);
    emit('render');
    expect(drag.style.display).toBe('none');
    emit('grab');
    expect(drag.style.display).toBe('');
    emit('render');
    expect(drag.style.display).toBe('');
    emit('free');
    // Still shown until the renderer has drawn the node back on its own layer.
    expect(drag.style.display).toBe('');
    emit('render');
    expect(drag.style.display).toBe('none');
    // Grabbed again before that draw: it stays.
    emit('grab');
    emit('free');
    emit('grab');
    emit('render');
    expect(drag.style.display).toBe('');
    expect(selectBox.style.display).toBe('none');
  });
});
