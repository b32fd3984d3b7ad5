import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { badgeSpots, convexHull, outlinePoints } from '../../../src/graph/outlines';

type P = readonly [number, number];
type Size = { w: number; h: number };
/** A badge's rectangle as drawn: centred on its point, its top 9 px above it. */
const rect = ([x, y]: P, { w, h }: Size) => ({ x0: x - w / 2, x1: x + w / 2, y0: y - 9, y1: y - 9 + h });
const apart = (a: ReturnType<typeof rect>, b: ReturnType<typeof rect>) => a.x1 <= b.x0 || b.x1 <= a.x0 || a.y1 <= b.y0 || b.y1 <= a.y0;
/** How far a point is from the nearest edge of a closed polygon. */
const fromEdge = ([x, y]: P, hull: readonly P[]) =>
  Math.min(
    ...hull.map((a, k) => {
      const b = hull[(k + 1) % hull.length]!;
      const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
      const t = Math.max(0, Math.min(1, ((x - a[0]) * dx + (y - a[1]) * dy) / (dx * dx + dy * dy || 1)));
      return Math.hypot(x - a[0] - t * dx, y - a[1] - t * dy);
    }),
  );
/** Outlines drawn as CoalitionGraph draws them: each later one padded 4 px wider. */
const hullsOf = (groups: readonly (readonly { x: number; y: number; r: number }[])[]) =>
  groups.map((boxes, i) => convexHull(outlinePoints(boxes, 6 + (i % 6) * 4)));

describe('badgeSpots', () => {
  const size: Size = { w: 16, h: 16 };

  it('puts a lone outline’s number at its top', () => {
    const [hull] = hullsOf([
      [
        { x: 100, y: 40, r: 20 },
        { x: 200, y: 120, r: 20 },
      ],
    ]);
    const top = hull!.reduce((a, b) => (b[1] < a[1] ? b : a));
    expect(badgeSpots([hull!], [size])).toEqual([top]);
  });

  it('keeps the numbers of nested outlines sharing a top apart, each on its own outline', () => {
    // Three sets that all hold the actor at the top (as the Belarus sets all hold the EU).
    const eu = { x: 200, y: 40, r: 22 };
    const hulls = hullsOf([
      [eu, { x: 80, y: 60, r: 22 }, { x: 300, y: 200, r: 22 }],
      [eu, { x: 80, y: 60, r: 22 }, { x: 180, y: 260, r: 22 }],
      [eu, { x: 320, y: 380, r: 22 }],
    ]);
    // Their tops are within a few pixels: numbers there would cover one another.
    const tops = hulls.map((h) => h.reduce((a, b) => (b[1] < a[1] ? b : a)));
    expect(apart(rect(tops[0]!, size), rect(tops[1]!, size))).toBe(false);
    const spots = badgeSpots(hulls, [size, size, size]);
    for (let i = 0; i < spots.length; i++) {
      expect(fromEdge(spots[i]!, hulls[i]!)).toBeLessThan(1e-6);
      // Still near the top of the graph, not sent round the outline.
      expect(spots[i]![1]).toBeLessThan(tops[i]![1] + 40);
      for (let j = 0; j < i; j++) expect(apart(rect(spots[i]!, size), rect(spots[j]!, size))).toBe(true);
    }
  });

  it('gives an empty hull no spot, and it takes no room from the others', () => {
    const [a] = hullsOf([
      [
        { x: 100, y: 40, r: 20 },
        { x: 200, y: 120, r: 20 },
      ],
    ]);
    const spots = badgeSpots([[], a!], [size, size]);
    expect(spots[0]!.every(Number.isNaN)).toBe(true);
    expect(spots[1]).toEqual(a!.reduce((p, q) => (q[1] < p[1] ? q : p)));
  });

  it('never overlaps two numbers of up to six nested outlines, each on its own outline', () => {
    const box = fc.record({ x: fc.integer({ min: 0, max: 600 }), y: fc.integer({ min: 0, max: 400 }), r: fc.integer({ min: 8, max: 30 }) });
    fc.assert(
      fc.property(fc.array(box, { minLength: 2, maxLength: 8 }), fc.integer({ min: 1, max: 6 }), (boxes, n) => {
        // n outlines around growing prefixes of the same members: nested, sharing their top.
        const groups = Array.from({ length: n }, (_, i) => boxes.slice(0, Math.min(boxes.length, 2 + i)));
        const hulls = hullsOf(groups);
        const spots = badgeSpots(
          hulls,
          hulls.map(() => size),
        );
        spots.forEach((s, i) => {
          expect(fromEdge(s, hulls[i]!)).toBeLessThan(1e-6);
          for (let j = 0; j < i; j++) expect(apart(rect(s, size), rect(spots[j]!, size))).toBe(true);
        });
      }),
      { seed: 15, numRuns: 200 },
    );
  });
});
