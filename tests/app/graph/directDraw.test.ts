// @vitest-environment jsdom
/**
 * The graph's drawing straight onto one canvas: the renderer's cached paths are sent to its own
 * direct drawing, in the order it gives, with whatever goes on top (the outlines) drawn onto the
 * node layer in the same draw; an unexpected renderer is left alone; and of its three canvases only
 * the node layer shows, the drag layer from a grab to the first draw after the drop.
 */
import { describe, expect, it, vi } from 'vitest';
import cytoscape, { type Core } from 'cytoscape';
import { DRAW_AHEAD, drawAhead, drawDirectly, hideIdleLayers, pauseDrawing } from '../../../src/graph/directDraw';

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

describe('a paused graph', () => {
  /** A renderer whose drawing method is its prototype's, as Cytoscape's is. */
  function pausable() {
    const drawn: string[] = [];
    class Renderer {
      render(options?: { forcedContext?: unknown }) {
        drawn.push(options?.forcedContext ? 'export' : 'screen');
        return 'drawn';
      }
    }
    const renderer = new Renderer();
    let forced = 0;
    let destroyed = false;
    const core = { renderer: () => renderer, forceRender: () => forced++, destroyed: () => destroyed } as unknown as Core;
    return { renderer, core, drawn, forced: () => forced, destroy: () => (destroyed = true) };
  }

  it('is not drawn on screen until resumed, then draws at once; exports are drawn all along', () => {
    const g = pausable();
    const resume = pauseDrawing(g.core)!;
    expect(resume).toBeTypeOf('function');
    g.renderer.render();
    g.renderer.render({});
    expect(g.renderer.render({ forcedContext: {} })).toBe('drawn');
    expect(g.drawn).toEqual(['export']);
    expect(g.forced()).toBe(0);
    resume();
    expect(g.forced()).toBe(1);
    g.renderer.render();
    expect(g.drawn).toEqual(['export', 'screen']);
    // The renderer's own method is back, not a wrapper around it.
    expect(Object.hasOwn(g.renderer, 'render')).toBe(false);
    // Resuming again changes nothing and asks for no second draw.
    resume();
    expect(g.forced()).toBe(1);
  });

  it('asks a destroyed graph for no draw, and leaves a renderer without a drawing method alone', () => {
    const g = pausable();
    const resume = pauseDrawing(g.core)!;
    g.destroy();
    resume();
    expect(g.forced()).toBe(0);
    expect(pauseDrawing(fakeCore({}).core)).toBeUndefined();
    expect(pauseDrawing(fakeCore(undefined).core)).toBeUndefined();
  });
});

describe('a first draw done partly ahead', () => {
  /** A context that records what is done to it. */
  function recording(log: string[], name: string) {
    let font = '10px sans-serif';
    return {
      get font() {
        return font;
      },
      set font(f: string) {
        font = f;
        log.push(`${name} font ${f}`);
      },
      save: () => log.push(`${name} save`),
      restore: () => log.push(`${name} restore`),
      setTransform: (...m: number[]) => log.push(`${name} transform ${m.join(',')}`),
      clearRect: (...r: number[]) => log.push(`${name} clear ${r.join(',')}`),
      measureText: (t: string) => {
        log.push(`${name} measure ${t} in ${font}`);
        return { width: t.length };
      },
    };
  }
  const canvas = (log: string[], name: string) => {
    const context = recording(log, name);
    return { width: 600, height: 400, getContext: () => context, context };
  };

  it('works out the moved elements and the drawing order', () => {
    const log: string[] = [];
    const renderer = { flushRenderedStyleQueue: () => log.push('flush'), getCachedZSortedEles: () => log.push('order') };
    const core = { renderer: () => renderer, destroyed: () => false } as unknown as Core;
    expect(drawAhead(core, 'geometry')).toBe(true);
    expect(log).toEqual(['flush', 'order']);
    // Another renderer: nothing done.
    expect(drawAhead({ renderer: () => ({}), destroyed: () => false } as unknown as Core, 'geometry')).toBe(false);
  });

  it('clears the node and drag layers whole, then finds each font on the node layer and leaves its font as it was', () => {
    const log: string[] = [];
    const layers = [canvas(log, 'select'), canvas(log, 'drag'), canvas(log, 'node')];
    const renderer = { NODE: 2, DRAG: 1, data: { canvases: layers } };
    const core = { renderer: () => renderer, destroyed: () => false } as unknown as Core;
    expect(drawAhead(core, 'canvases', ['600 12px system-ui'])).toBe(true);
    expect(log).toEqual([
      'node save',
      'node transform 1,0,0,1,0,0',
      'node clear 0,0,600,400',
      'node restore',
      'drag save',
      'drag transform 1,0,0,1,0,0',
      'drag clear 0,0,600,400',
      'drag restore',
      'node font 600 12px system-ui',
      'node measure 0123456789 in 600 12px system-ui',
      'node font 10px sans-serif',
    ]);
    expect(layers[2]!.context.font).toBe('10px sans-serif');
  });

  it('draws the nodes (with what goes over them) or the edges where the view puts them, on the node layer, in drawing order', () => {
    const log: string[] = [];
    const layers = [canvas(log, 'select'), canvas(log, 'drag'), canvas(log, 'node')];
    const ids = (eles: readonly unknown[]) => eles.map((e) => (e as { id: string }).id).join(' ');
    const renderer = {
      NODE: 2,
      DRAG: 1,
      data: { canvases: layers },
      getCachedZSortedEles: () => [ele('group', true), ele('a-b', false), ele('a', true), ele('b-a', false)],
      getPixelRatio: () => 2,
      drawLayeredElements: (ctx: unknown, eles: readonly unknown[], ratio: number) =>
        log.push(`layered ${ctx === layers[2]!.context ? 'node' : 'other'} ${ids(eles)} ×${ratio}`),
      drawCachedElements: (ctx: unknown, eles: readonly unknown[], ratio: number) =>
        log.push(`cached ${ctx === layers[2]!.context ? 'node' : 'other'} ${ids(eles)} ×${ratio}`),
    };
    const core = { renderer: () => renderer, destroyed: () => false, zoom: () => 1.5, pan: () => ({ x: 10, y: -20 }) } as unknown as Core;
    expect(drawAhead(core, 'nodes')).toBe(true);
    expect(drawAhead(core, 'edges')).toBe(true);
    expect(log).toEqual([
      'node save',
      'node transform 3,0,0,3,20,-40',
      'layered node group a ×2',
      'node restore',
      'node save',
      'node transform 3,0,0,3,20,-40',
      'cached node a-b b-a ×2',
      'node restore',
    ]);
    // The context is restored when drawing throws.
    log.length = 0;
    renderer.drawCachedElements = () => {
      throw new Error('bad edge');
    };
    expect(() => drawAhead(core, 'edges')).toThrow('bad edge');
    expect(log).toEqual(['node save', 'node transform 3,0,0,3,20,-40', 'node restore']);
  });

  it('does nothing for a destroyed graph or a renderer without its canvases', () => {
    const log: string[] = [];
    const renderer = { NODE: 2, DRAG: 1, data: { canvases: [canvas(log, 'select'), canvas(log, 'drag'), canvas(log, 'node')] } };
    expect(drawAhead({ renderer: () => renderer, destroyed: () => true } as unknown as Core, 'canvases')).toBe(false);
    expect(drawAhead({ renderer: () => ({ NODE: 2 }), destroyed: () => false } as unknown as Core, 'canvases')).toBe(false);
    expect(log).toEqual([]);
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

describe("the pinned Cytoscape's canvas renderer", () => {
  it('has every method and canvas these hooks use', () => {
    // jsdom has no canvas: each layer gets a context that takes every call, and whose settings read as empty.
    const settings = new Set(['font', 'fillStyle', 'strokeStyle', 'globalAlpha', 'globalCompositeOperation', 'lineWidth', 'lineCap', 'lineJoin']);
    const context = new Proxy({} as Record<string | symbol, unknown>, {
      get: (t, k) => (k in t ? t[k] : typeof k === 'string' && (settings.has(k) || /^(text|image|shadow)/.test(k)) ? '' : () => ({ width: 1 })),
      set: (t, k, v) => {
        t[k] = v;
        return true;
      },
    });
    const spy = vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(() => context as never);
    const container = document.createElement('div');
    document.body.append(container);
    const c = cytoscape({
      container,
      layout: { name: 'preset' },
      elements: [
        { data: { id: 'a' }, position: { x: 0, y: 0 } },
        { data: { id: 'b' }, position: { x: 50, y: 0 } },
        { data: { id: 'a-b', source: 'a', target: 'b' } },
      ],
    });
    try {
      const renderer = (c as unknown as { renderer(): { render: unknown } }).renderer();
      const own = renderer.render;
      expect(drawDirectly(c, () => undefined)).toBe(true);
      const resume = pauseDrawing(c);
      expect(resume).toBeTypeOf('function');
      expect(renderer.render).not.toBe(own);
      for (const part of DRAW_AHEAD) expect(drawAhead(c, part, ['600 12px system-ui'])).toBe(true);
      resume!();
      expect(renderer.render).toBe(own);
    } finally {
      c.destroy();
      container.remove();
      spy.mockRestore();
    }
  });
});
