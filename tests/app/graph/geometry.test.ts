import { describe, expect, it } from 'vitest';
import {
  circlePosition,
  extentOf,
  fitViewport,
  labelledBox,
  MAX_FIT_ZOOM,
  MAX_STRETCH,
  needsQuarterTurn,
  quarterTurn,
  scaleAbout,
  separate,
  stretchFactors,
  type Bounds,
  type Extent,
} from '../../../src/graph/geometry';

const bounds = (x1: number, y1: number, x2: number, y2: number): Bounds => ({ x1, y1, x2, y2, w: x2 - x1, h: y2 - y1 });
const overlaps = (a: Extent, pa: { x: number; y: number }, b: Extent, pb: { x: number; y: number }) =>
  Math.min(pa.x + a.r, pb.x + b.r) - Math.max(pa.x - a.l, pb.x - b.l) > 0 && Math.min(pa.y + a.b, pb.y + b.b) - Math.max(pa.y - a.t, pb.y - b.t) > 0;

describe('labelledBox', () => {
  it('is the node and its label by centre and size, with the centre’s offset from the node', () => {
    // A 40-pixel node at (100, 50) with a label hanging 30 pixels below it.
    expect(labelledBox({ x: 100, y: 50 }, bounds(60, 30, 140, 100))).toEqual({ x: 100, y: 65, w: 80, h: 70, dx: 0, dy: 15 });
  });
});

describe('extentOf', () => {
  it('is how far the box reaches each way from the node, with the margin', () => {
    expect(extentOf({ x: 100, y: 50 }, bounds(60, 30, 140, 100), 8)).toEqual({ x: 100, y: 50, l: 48, r: 48, t: 28, b: 58 });
  });
});

describe('separate', () => {
  it('leaves boxes that do not overlap where they are', () => {
    const items = [extentOf({ x: 0, y: 0 }, bounds(-10, -10, 10, 10), 0), extentOf({ x: 100, y: 0 }, bounds(90, -10, 110, 10), 0)];
    expect(separate(items)).toEqual([
      { x: 0, y: 0 },
      { x: 100, y: 0 },
    ]);
  });

  it('pushes two overlapping boxes apart along the axis of least overlap, each half the way', () => {
    // Side by side, overlapping by 10 across and 20 down: they move apart across.
    const items = [extentOf({ x: 0, y: 0 }, bounds(-10, -10, 10, 10), 0), extentOf({ x: 10, y: 0 }, bounds(0, -10, 20, 10), 0)];
    const [a, b] = separate(items);
    expect(a!.y).toBe(0);
    expect(b!.y).toBe(0);
    expect(b!.x - a!.x).toBeGreaterThanOrEqual(20);
    expect(a!.x + b!.x).toBeCloseTo(10);
  });

  it('untangles a crowd: no two boxes overlap afterwards', () => {
    const items = Array.from({ length: 8 }, (_, i) =>
      extentOf(
        { x: (i % 3) * 12, y: Math.floor(i / 3) * 9 },
        bounds((i % 3) * 12 - 20, Math.floor(i / 3) * 9 - 10, (i % 3) * 12 + 20, Math.floor(i / 3) * 9 + 25),
        4,
      ),
    );
    const at = separate(items);
    for (let i = 0; i < items.length; i++) for (let j = i + 1; j < items.length; j++) expect(overlaps(items[i]!, at[i]!, items[j]!, at[j]!)).toBe(false);
  });
});

describe('turning the first layout', () => {
  it('turns a drawing whose long side lies across the canvas’s long side by more than 15 %', () => {
    const wide = { w: 800, h: 400 };
    expect(needsQuarterTurn({ w: 200, h: 400 }, wide)).toBe(true);
    expect(needsQuarterTurn({ w: 400, h: 200 }, wide)).toBe(false);
    expect(needsQuarterTurn({ w: 360, h: 400 }, wide)).toBe(false); // nearly square
    expect(needsQuarterTurn({ w: 400, h: 200 }, { w: 300, h: 600 })).toBe(true);
  });

  it('a quarter turn four times over is no turn', () => {
    const c = { x: 10, y: -5 };
    let p = { x: 37, y: 4 };
    const turned = quarterTurn(p, c);
    expect(turned).toEqual({ x: 10 + 9, y: -5 - 27 });
    for (let k = 0; k < 4; k++) p = quarterTurn(p, c);
    expect(p).toEqual({ x: 37, y: 4 });
  });
});

describe('stretchFactors', () => {
  it('stretches along the canvas’s long side, never squeezes, and at most MAX_STRETCH', () => {
    expect(stretchFactors({ w: 100, h: 100 }, { w: 150, h: 100 })).toEqual({ sx: 1.5, sy: 1 });
    expect(stretchFactors({ w: 100, h: 100 }, { w: 100, h: 150 })).toEqual({ sx: 1, sy: 1.5 });
    expect(stretchFactors({ w: 100, h: 100 }, { w: 1000, h: 100 })).toEqual({ sx: MAX_STRETCH, sy: 1 });
  });

  it('leaves a drawing alone when the shapes agree within 2 %, or when either has no size', () => {
    expect(stretchFactors({ w: 101, h: 100 }, { w: 100, h: 100 })).toBeNull();
    expect(stretchFactors({ w: 0, h: 100 }, { w: 100, h: 100 })).toBeNull();
    expect(stretchFactors({ w: 100, h: 100 }, { w: 0, h: 0 })).toBeNull();
  });

  it('scales about a centre', () => {
    expect(scaleAbout({ x: 12, y: 8 }, { x: 10, y: 10 }, 1.5, 2)).toEqual({ x: 13, y: 6 });
  });
});

describe('fitViewport', () => {
  it('centres the drawing with the padding around it', () => {
    const { zoom, pan } = fitViewport(bounds(100, 0, 500, 200), { w: 460, h: 300 }, 30, 0.15);
    expect(zoom).toBe(1);
    // The drawing's centre (300, 100) lands on the canvas's centre (230, 150).
    expect(pan).toEqual({ x: -70, y: 50 });
  });

  it('does not zoom in past MAX_FIT_ZOOM, nor out past the smallest zoom', () => {
    expect(fitViewport(bounds(0, 0, 10, 10), { w: 800, h: 600 }, 30, 0.15).zoom).toBe(MAX_FIT_ZOOM);
    expect(fitViewport(bounds(0, 0, 1e6, 1e6), { w: 800, h: 600 }, 30, 0.15).zoom).toBe(0.15);
  });
});

describe('circlePosition', () => {
  it('puts the first actor at the top and all on one circle, in order', () => {
    const n = 10;
    const first = circlePosition(0, n);
    expect(first.x).toBeCloseTo(0);
    expect(first.y).toBeCloseTo(-60 * n);
    for (let i = 0; i < n; i++) expect(Math.hypot(circlePosition(i, n).x, circlePosition(i, n).y)).toBeCloseTo(60 * n);
    expect(circlePosition(n / 4, n).x).toBeCloseTo(60 * n); // a quarter of the way round: to the right
  });
});
