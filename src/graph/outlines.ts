/**
 * Overlapping groups drawn as outlines. Cytoscape gives a node one parent, so compound nodes can
 * only draw a partition; groups that overlap (every coalition that could gain together, every
 * maximal compatible set) are drawn as a padded convex hull around their members, on top of
 * Cytoscape's node layer in each of its draws (directDraw.ts). Each outline has its own colour and dash and a
 * number written at its top, which the legend and the graph in words repeat.
 */
import type { Core } from 'cytoscape';
import type { ActorId } from '../../models/domain/types';
import type { GraphFrame } from '../../models/graph/frame';

export interface Outline {
  readonly id: string;
  readonly label: string;
  readonly members: readonly ActorId[];
}

/** A frame with the groups it draws as outlines (and the compound groups named for the legend). */
export interface OutlinedFrame extends GraphFrame {
  readonly outlines?: readonly Outline[];
  /** The compound groups of the frame (a partition), for the legend. */
  readonly groups?: readonly Outline[];
}

/** Outline colours (Okabe–Ito, then darker tones), cycled with dashes so neighbours differ. */
export const OUTLINE_COLOURS = ['#0072b2', '#cc79a7', '#e69f00', '#56b4e9', '#009e73', '#d55e00', '#6a3d9a', '#1b1b1b'];
export const OUTLINE_DASHES: readonly (readonly number[])[] = [[], [8, 4], [2, 4], [10, 3, 2, 3]];
export const outlineStyle = (i: number) => ({
  colour: OUTLINE_COLOURS[i % OUTLINE_COLOURS.length]!,
  dash: OUTLINE_DASHES[Math.floor(i / OUTLINE_COLOURS.length) % OUTLINE_DASHES.length]!,
});

type P = readonly [number, number];

/** The font of the outlines' numbers. */
export const badgeFont = (largeText: boolean) => `600 ${largeText ? 16 : 12}px system-ui, sans-serif`;

/** Convex hull (Andrew's monotone chain), counter-clockwise, without collinear points. */
export function convexHull(points: readonly P[]): P[] {
  const ps = [...points].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  if (ps.length <= 2) return ps;
  const cross = (o: P, a: P, b: P) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  const lower: P[] = [];
  for (const p of ps) {
    while (lower.length >= 2 && cross(lower[lower.length - 2]!, lower[lower.length - 1]!, p) <= 0) lower.pop();
    lower.push(p);
  }
  const upper: P[] = [];
  for (let i = ps.length - 1; i >= 0; i--) {
    const p = ps[i]!;
    while (upper.length >= 2 && cross(upper[upper.length - 2]!, upper[upper.length - 1]!, p) <= 0) upper.pop();
    upper.push(p);
  }
  return [...lower.slice(0, -1), ...upper.slice(0, -1)];
}

/** Points around each member's box (a 12-gon around each, `pad` away), so the hull's corners are round. */
export function outlinePoints(boxes: readonly { x: number; y: number; r: number }[], pad: number): P[] {
  const out: P[] = [];
  for (const b of boxes)
    for (let k = 0; k < 12; k++) {
      const t = (k / 12) * 2 * Math.PI;
      out.push([b.x + Math.cos(t) * (b.r + pad), b.y + Math.sin(t) * (b.r + pad)]);
    }
  return out;
}

/**
 * Draw the outlines at `cy`'s present positions onto a context whose transform maps the graph's
 * CSS pixels, on top of what it holds (the node layer just drawn).
 */
export function drawOutlines(ctx: CanvasRenderingContext2D, cy: Core, outlines: readonly Outline[], largeText: boolean): void {
  if (outlines.length === 0) return;
  const zoom = cy.zoom();
  // Each member's place and size read once per draw (an actor sits in many outlines).
  const places = new Map<ActorId, { x: number; y: number; r: number } | null>();
  const place = (m: ActorId) => {
    let b = places.get(m);
    if (b === undefined) {
      const n = cy.getElementById(`actor:${m}`);
      const p = n.empty() ? undefined : n.renderedPosition();
      b = p ? { x: p.x, y: p.y, r: (Math.max(n.width(), n.height()) / 2) * zoom } : null;
      places.set(m, b);
    }
    return b;
  };
  ctx.font = badgeFont(largeText);
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  ctx.lineWidth = 2.5;
  // The hulls drawn (an outline of fewer than two placed members has none) and their colours, by outline.
  const hulls: P[][] = [];
  const colours: string[] = [];
  outlines.forEach((o, i) => {
    const boxes = o.members.map(place).filter((b): b is { x: number; y: number; r: number } => b !== null);
    if (boxes.length < 2) {
      hulls.push([]);
      colours.push('');
      return;
    }
    const { colour, dash } = outlineStyle(i);
    // Nested outlines of the same members stay apart: each later one a little wider.
    const hull = convexHull(outlinePoints(boxes, 6 + (i % 6) * 4));
    ctx.beginPath();
    hull.forEach(([x, y], k) => (k ? ctx.lineTo(x, y) : ctx.moveTo(x, y)));
    ctx.closePath();
    ctx.globalAlpha = 0.06;
    ctx.fillStyle = colour;
    ctx.fill();
    ctx.globalAlpha = 0.9;
    ctx.strokeStyle = colour;
    ctx.setLineDash([...dash]);
    ctx.stroke();
    ctx.setLineDash([]);
    hulls.push(hull);
    colours.push(colour);
  });
  // Each outline's number on its own line, as near its top as the numbers already placed allow
  // (nested outlines share a top point, where their numbers would cover each other).
  const h = largeText ? 20 : 16;
  const sizes = hulls.map((_, i) => ({ w: ctx.measureText(`${i + 1}`).width + 8, h }));
  ctx.globalAlpha = 1;
  badgeSpots(hulls, sizes).forEach((spot, i) => {
    if (hulls[i]!.length === 0) return;
    const r = badgeRect(spot, sizes[i]!);
    ctx.fillStyle = colours[i]!;
    ctx.fillRect(r.x0, r.y0, r.x1 - r.x0, r.y1 - r.y0);
    ctx.fillStyle = '#fff';
    ctx.fillText(`${i + 1}`, spot[0], r.y0 + 2);
  });
  ctx.globalAlpha = 1;
}

type Rect = { x0: number; x1: number; y0: number; y1: number };
/** An outline's number as drawn at a point of its outline: centred on it, its top 9 px above it. */
const badgeRect = ([x, y]: P, { w, h }: { w: number; h: number }): Rect => ({ x0: x - w / 2, x1: x + w / 2, y0: y - 9, y1: y - 9 + h });

/**
 * Where each hull's number goes: a point on the hull whose badge (`w` wide, `h` tall, its top 9
 * px above the point, as drawn) overlaps no badge placed before it, the highest such point, and
 * the nearest to the hull's top among equals. Points are tried every 4 px along the hull's edges;
 * where none is free the badge goes at the top. An empty hull gets no badge (NaN).
 */
export function badgeSpots(hulls: readonly (readonly P[])[], sizes: readonly { w: number; h: number }[]): P[] {
  const placed: Rect[] = [];
  const free = (r: Rect) => placed.every((q) => r.x1 + 2 <= q.x0 || q.x1 + 2 <= r.x0 || r.y1 + 2 <= q.y0 || q.y1 + 2 <= r.y0);
  return hulls.map((hull, i) => {
    const size = sizes[i]!;
    if (hull.length === 0) return [Number.NaN, Number.NaN] as const;
    const top = hull.reduce((a, b) => (b[1] < a[1] ? b : a));
    const candidates: P[] = [];
    hull.forEach((a, k) => {
      const b = hull[(k + 1) % hull.length]!;
      const steps = Math.max(1, Math.ceil(Math.hypot(b[0] - a[0], b[1] - a[1]) / 4));
      for (let s = 0; s < steps; s++) candidates.push([a[0] + ((b[0] - a[0]) * s) / steps, a[1] + ((b[1] - a[1]) * s) / steps]);
    });
    candidates.sort((p, q) => p[1] - q[1] || Math.abs(p[0] - top[0]) - Math.abs(q[0] - top[0]));
    const spot = candidates.find((p) => free(badgeRect(p, size))) ?? top;
    placed.push(badgeRect(spot, size));
    return spot;
  });
}
