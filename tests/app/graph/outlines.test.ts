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

/** Whether a point lies inside a convex polygon (or on its edge). */
const inside = ([x, y]: P, hull: readonly P[]) => {
  const sides = hull.map((a, k) => {
    const b = hull[(k + 1) % hull.length]!;
    return (b[0] - a[0]) * (y - a[1]) - (b[1] - a[1]) * (x - a[0]);
  });
  return sides.every((c) => c >= -1e-9) || sides.every((c) => c <= 1e-9);
};

describe('outlinePoints', () => {
  it('goes round every member’s name as well as its node, at least the padding away', () => {
    const box = fc.record({ x: fc.integer({ min: 0, max: 600 }), y: fc.integer({ min: 0, max: 400 }), r: fc.integer({ min: 8, max: 30 }) });
    const withLabel = fc.tuple(box, fc.integer({ min: 20, max: 120 }), fc.integer({ min: 8, max: 30 })).map(([b, w, h]) => ({
      ...b,
      // A label under its node, as Cytoscape draws an actor's name.
      label: { x0: b.x - w / 2, x1: b.x + w / 2, y0: b.y + b.r + 2, y1: b.y + b.r + 2 + h },
    }));
    fc.assert(
      fc.property(fc.array(withLabel, { minLength: 2, maxLength: 8 }), fc.integer({ min: 4, max: 26 }), (members, pad) => {
        const hull = convexHull(outlinePoints(members, pad));
        for (const m of members) {
          const { x0, x1, y0, y1 } = m.label;
          for (const corner of [
            [x0, y0],
            [x1, y0],
            [x0, y1],
            [x1, y1],
          ] as const) {
            expect(inside(corner, hull)).toBe(true);
            // Round the corner, not through it: the padding stays clear (less the 12-gon's chord).
            expect(fromEdge(corner, hull)).toBeGreaterThan(pad * Math.cos(Math.PI / 12) - 1e-6);
          }
          // The node's 12-gon: its edges' middles are cos 15° of the way out.
          expect(fromEdge([m.x, m.y], hull)).toBeGreaterThan((m.r + pad) * Math.cos(Math.PI / 12) - 1e-6);
        }
      }),
      { seed: 15, numRuns: 200 },
    );
  });
});

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

  it('moves the numbers off a label over the outlines’ top, still each on its own outline and apart', () => {
    // As on the projector at 1280×800: the group's label sits just above the actor the sets share.
    const eu = { x: 200, y: 60, r: 22 };
    const hulls = hullsOf([
      [eu, { x: 80, y: 80, r: 22 }, { x: 300, y: 220, r: 22 }],
      [eu, { x: 80, y: 80, r: 22 }, { x: 180, y: 280, r: 22 }],
      [eu, { x: 320, y: 400, r: 22 }],
    ]);
    const label = { x0: 120, x1: 280, y0: 14, y1: 40 };
    const tops = hulls.map((h) => h.reduce((a, b) => (b[1] < a[1] ? b : a)));
    // Without the label to avoid, every number covers it.
    for (const s of badgeSpots(hulls, [size, size, size])) expect(apart(rect(s, size), label)).toBe(false);
    const spots = badgeSpots(hulls, [size, size, size], [label]);
    spots.forEach((s, i) => {
      expect(fromEdge(s, hulls[i]!)).toBeLessThan(1e-6);
      expect(apart(rect(s, size), label)).toBe(true);
      expect(s[1]).toBeLessThan(tops[i]![1] + 60);
      for (let j = 0; j < i; j++) expect(apart(rect(s, size), rect(spots[j]!, size))).toBe(true);
    });
  });

  it('keeps the numbers apart when nothing on the outline is free of what they should not cover', () => {
    const hulls = hullsOf([
      [
        { x: 100, y: 40, r: 20 },
        { x: 200, y: 120, r: 20 },
      ],
      [
        { x: 100, y: 40, r: 20 },
        { x: 200, y: 120, r: 20 },
      ],
    ]);
    const everything = { x0: -1000, x1: 1000, y0: -1000, y1: 1000 };
    const spots = badgeSpots(hulls, [size, size], [everything]);
    expect(spots[0]).toEqual(hulls[0]!.reduce((a, b) => (b[1] < a[1] ? b : a)));
    expect(apart(rect(spots[0]!, size), rect(spots[1]!, size))).toBe(true);
    expect(fromEdge(spots[1]!, hulls[1]!)).toBeLessThan(1e-6);
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
