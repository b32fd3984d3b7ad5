/**
 * The coalition graph's geometry on plain numbers: the box each actor takes with its label,
 * pushing overlapping boxes apart, turning and stretching the drawing to the canvas, the
 * viewport that fits it, and where an actor starts before its first layout. No DOM and no
 * Cytoscape: placement.ts reads the measures from `cy` and writes the positions back.
 */

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface Size {
  readonly w: number;
  readonly h: number;
}

/** A bounding box as Cytoscape gives it. */
export interface Bounds extends Size {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
}

/** How far a leaf reaches around its position (node plus label), each way. */
export interface Extent extends Point {
  readonly l: number;
  readonly r: number;
  readonly t: number;
  readonly b: number;
}

/** Room kept between two labelled nodes when pushing them apart. */
const LABEL_MARGIN = 8;
/** Overlap sweeps before giving up on a crowded drawing. */
const MAX_SWEEPS = 60;
/** The most the drawing is stretched along either axis to fill the canvas. */
export const MAX_STRETCH = 1.8;
/** The closest the fitted view zooms in: a small graph is not blown up to fill the canvas. */
export const MAX_FIT_ZOOM = 1.6;

/**
 * The box the layout places for a leaf: its node and label as drawn, by centre and size, and
 * how far that centre sits from the node's position (the label hangs below the node).
 */
export function labelledBox(position: Point, bounds: Bounds): Point & Size & { dx: number; dy: number } {
  const x = (bounds.x1 + bounds.x2) / 2;
  const y = (bounds.y1 + bounds.y2) / 2;
  return { x, y, w: bounds.w, h: bounds.h, dx: x - position.x, dy: y - position.y };
}

/** A leaf's reach around its position, with a margin. */
export function extentOf(position: Point, bounds: Bounds, margin = LABEL_MARGIN): Extent {
  const { x, y } = position;
  return { x, y, l: x - bounds.x1 + margin, r: bounds.x2 - x + margin, t: y - bounds.y1 + margin, b: bounds.y2 - y + margin };
}

/**
 * fcose keeps nodes apart but not always their labels, least of all inside a compound. Push
 * apart any two leaves whose reaches overlap, along the axis of least overlap, until none do
 * (or MAX_SWEEPS sweeps). Returns the new positions, in the order given.
 */
export function separate(items: readonly Extent[], maxSweeps = MAX_SWEEPS): Point[] {
  const at = items.map((it) => ({ x: it.x, y: it.y }));
  for (let sweep = 0; sweep < maxSweeps; sweep++) {
    let moved = false;
    for (let i = 0; i < items.length; i++) {
      for (let j = i + 1; j < items.length; j++) {
        const a = items[i]!;
        const c = items[j]!;
        const pa = at[i]!;
        const pc = at[j]!;
        const ox = Math.min(pa.x + a.r, pc.x + c.r) - Math.max(pa.x - a.l, pc.x - c.l);
        const oy = Math.min(pa.y + a.b, pc.y + c.b) - Math.max(pa.y - a.t, pc.y - c.t);
        if (ox <= 0 || oy <= 0) continue;
        moved = true;
        if (ox < oy) {
          const d = (ox / 2 + 1) * (pa.x <= pc.x ? 1 : -1);
          pa.x -= d;
          pc.x += d;
        } else {
          const d = (oy / 2 + 1) * (pa.y <= pc.y ? 1 : -1);
          pa.y -= d;
          pc.y += d;
        }
      }
    }
    if (!moved) break;
  }
  return at;
}

export const centreOf = (b: Bounds): Point => ({ x: (b.x1 + b.x2) / 2, y: (b.y1 + b.y2) / 2 });

/**
 * Whether a first layout should turn a quarter: its long side lies across the canvas's long
 * side, and the two sides differ by more than 15 % (a nearly square drawing stays as it is).
 */
export function needsQuarterTurn(drawing: Size, canvas: Size): boolean {
  return drawing.h > drawing.w !== canvas.h > canvas.w && Math.abs(drawing.h - drawing.w) > 0.15 * Math.max(drawing.w, drawing.h);
}

/** A point turned a quarter about a centre. */
export function quarterTurn(p: Point, centre: Point): Point {
  return { x: centre.x + (p.y - centre.y), y: centre.y - (p.x - centre.x) };
}

/**
 * How much to stretch the drawing along the canvas's long side so that it fills a wide or tall
 * canvas instead of sitting small in the middle; never a squeeze (stretching keeps nodes
 * apart), at most MAX_STRETCH, and null when the shapes already agree within 2 %.
 */
export function stretchFactors(drawing: Size, canvas: Size): { sx: number; sy: number } | null {
  if (!(canvas.w > 0 && canvas.h > 0 && drawing.w > 0 && drawing.h > 0)) return null;
  const want = canvas.w / canvas.h;
  const have = drawing.w / drawing.h;
  const sx = have < want ? Math.min(want / have, MAX_STRETCH) : 1;
  const sy = have > want ? Math.min(have / want, MAX_STRETCH) : 1;
  return sx > 1.02 || sy > 1.02 ? { sx, sy } : null;
}

/** A point scaled about a centre. */
export function scaleAbout(p: Point, centre: Point, sx: number, sy: number): Point {
  return { x: centre.x + (p.x - centre.x) * sx, y: centre.y + (p.y - centre.y) * sy };
}

/** The zoom and pan that show the whole drawing centred in the canvas with `pad` pixels around it. */
export function fitViewport(drawing: Bounds, canvas: Size, pad: number, minZoom: number): { zoom: number; pan: Point } {
  const zoom = Math.min(Math.max(Math.min((canvas.w - 2 * pad) / (drawing.w || 1), (canvas.h - 2 * pad) / (drawing.h || 1)), minZoom), MAX_FIT_ZOOM);
  return { zoom, pan: { x: (canvas.w - zoom * (drawing.x1 + drawing.x2)) / 2, y: (canvas.h - zoom * (drawing.y1 + drawing.y2)) / 2 } };
}

/** Where actor i of n starts before its first layout: on a circle in scenario order, the first at the top, so runs repeat. */
export function circlePosition(i: number, n: number): Point {
  const r = 60 * n;
  const t = (2 * Math.PI * i) / n - Math.PI / 2;
  return { x: r * Math.cos(t), y: r * Math.sin(t) };
}
