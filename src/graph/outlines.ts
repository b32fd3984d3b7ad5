/**
 * Overlapping groups drawn as outlines. Cytoscape gives a node one parent, so compound nodes can
 * only draw a partition; groups that overlap (every coalition that could gain together, every
 * maximal compatible set) are drawn as a padded convex hull around their members, on top of
 * Cytoscape's node layer in each of its draws (directDraw.ts). Each outline has its own colour and dash and a
 * number written at its top, which the legend and the graph in words repeat.
 */
import type { Core, NodeSingular } from 'cytoscape';
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

/** A member as an outline goes round it: its node's centre and radius, and its label's box if it has one. */
export interface Member {
  readonly x: number;
  readonly y: number;
  readonly r: number;
  readonly label?: Rect;
}

/**
 * Points around each member (a 12-gon round its node and a quarter circle round each corner of its
 * label, `pad` away), so the hull's corners are round and no outline crosses an actor's name.
 */
export function outlinePoints(members: readonly Member[], pad: number): P[] {
  const out: P[] = [];
  for (const b of members) {
    for (let k = 0; k < 12; k++) {
      const t = (k / 12) * 2 * Math.PI;
      out.push([b.x + Math.cos(t) * (b.r + pad), b.y + Math.sin(t) * (b.r + pad)]);
    }
    if (!b.label) continue;
    const { x0, x1, y0, y1 } = b.label;
    const corners = [
      [x1, y1],
      [x0, y1],
      [x0, y0],
      [x1, y0],
    ] as const;
    corners.forEach(([cx, cy], c) => {
      for (let k = 0; k <= 3; k++) {
        const t = ((c * 90 + k * 30) * Math.PI) / 180;
        out.push([cx + Math.cos(t) * pad, cy + Math.sin(t) * pad]);
      }
    });
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
  const places = new Map<ActorId, Member | null>();
  const place = (m: ActorId) => {
    let b = places.get(m);
    if (b === undefined) {
      const n = cy.getElementById(`actor:${m}`);
      const p = n.empty() ? undefined : n.renderedPosition();
      b = p ? { x: p.x, y: p.y, r: (Math.max(n.width(), n.height()) / 2) * zoom, label: labelRect(n) } : null;
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
    const boxes = o.members.map(place).filter((b): b is Member => b !== null);
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
  badgeSpots(hulls, sizes, labelRects(cy)).forEach((spot, i) => {
    if (hulls[i]!.length === 0) return;
    const r = badgeRect(spot, sizes[i]!);
    ctx.fillStyle = colours[i]!;
    ctx.fillRect(r.x0, r.y0, r.x1 - r.x0, r.y1 - r.y0);
    ctx.fillStyle = '#fff';
    ctx.fillText(`${i + 1}`, spot[0], r.y0 + 2);
  });
  ctx.globalAlpha = 1;
}

/** A node's label's box in rendered pixels (with its body too where `body`), or none if it has no label. */
function labelRect(n: NodeSingular, body = false): Rect | undefined {
  const b = n.renderedBoundingBox({ includeNodes: body, includeEdges: false, includeLabels: true, includeOverlays: false });
  return b.w > 0 && b.h > 0 ? { x0: b.x1, x1: b.x2, y0: b.y1, y1: b.y2 } : undefined;
}

/** What a number should not cover, in rendered pixels: each group's label (above its box) and each actor with its label. */
function labelRects(cy: Core): Rect[] {
  const out: Rect[] = [];
  cy.nodes().forEach((n) => {
    const r = labelRect(n, !n.isParent());
    if (r) out.push(r);
  });
  return out;
}

export type Rect = { x0: number; x1: number; y0: number; y1: number };
/** An outline's number as drawn at a point of its outline: centred on it, its top 9 px above it. */
const badgeRect = ([x, y]: P, { w, h }: { w: number; h: number }): Rect => ({ x0: x - w / 2, x1: x + w / 2, y0: y - 9, y1: y - 9 + h });

/**
 * Where each hull's number goes: a point on the hull whose badge (`w` wide, `h` tall, its top 9
 * px above the point, as drawn) overlaps no badge placed before it and nothing in `avoid` (the
 * labels and actors), the highest such point, and the nearest to the hull's top among equals.
 * Points are tried every 4 px along the hull's edges. Where every point covers something in
 * `avoid`, the badges still keep apart; where no point is free of the other badges, the badge goes
 * at the top. An empty hull gets no badge (NaN).
 */
export function badgeSpots(hulls: readonly (readonly P[])[], sizes: readonly { w: number; h: number }[], avoid: readonly Rect[] = []): P[] {
  const placed: Rect[] = [];
  const clear = (r: Rect, others: readonly Rect[]) => others.every((q) => r.x1 + 2 <= q.x0 || q.x1 + 2 <= r.x0 || r.y1 + 2 <= q.y0 || q.y1 + 2 <= r.y0);
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
    const spot =
      candidates.find((p) => clear(badgeRect(p, size), placed) && clear(badgeRect(p, size), avoid)) ??
      candidates.find((p) => clear(badgeRect(p, size), placed)) ??
      top;
    placed.push(badgeRect(spot, size));
    return spot;
  });
}
