/**
 * The bargaining set of two players as plane geometry. The feasible set is the convex hull of
 * finitely many utility pairs (lotteries over pure outcomes give every convex combination);
 * the disagreement point d is one of the pure outcomes (the status quo), so it lies in the set.
 *
 * `paretoFrontier` returns the individually rational Pareto frontier: the part of the hull's
 * upper-right boundary with u ≥ d, as a polyline whose first coordinate strictly increases and
 * whose second strictly decreases. Each vertex carries the lottery over the input points that
 * produces it (a hull vertex is one point; a vertex cut at u₁ = d₁ or u₂ = d₂ mixes the two
 * ends of a hull edge), so any point on the frontier can be read back as a deal.
 *
 * Hull: Andrew's monotone chain (1979), O(m log m), collinear points dropped so vertices are
 * strict. Edge cases: one point (the frontier is that point); all points on a vertical or
 * horizontal line; duplicates (the first listed is kept, so list simpler deals first).
 */

export type Pair = readonly [number, number];

/** A lottery: [index of an input point, probability] with probabilities summing to 1. */
export type Lottery = readonly (readonly [number, number])[];

export interface FrontierVertex {
  readonly u: Pair;
  readonly lottery: Lottery;
}

export type FrontierResult = { status: 'ok'; vertices: FrontierVertex[] } | { status: 'invalid'; problem: string };

const EPS = 1e-12;

const cross = (o: Pair, a: Pair, b: Pair) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);

/** Mix two lotteries: (1 − t)·p + t·q, merged by index, zero weights dropped. */
export function mix(p: Lottery, q: Lottery, t: number): Lottery {
  const m = new Map<number, number>();
  for (const [i, w] of p) m.set(i, (m.get(i) ?? 0) + (1 - t) * w);
  for (const [i, w] of q) m.set(i, (m.get(i) ?? 0) + t * w);
  return [...m].filter(([, w]) => w > 1e-12).sort((a, b) => b[1] - a[1] || a[0] - b[0]);
}

/** Point at parameter t on the segment from vertex a to vertex b. */
export function along(a: FrontierVertex, b: FrontierVertex, t: number): FrontierVertex {
  return { u: [a.u[0] + t * (b.u[0] - a.u[0]), a.u[1] + t * (b.u[1] - a.u[1])], lottery: mix(a.lottery, b.lottery, t) };
}

/** The upper hull from the leftmost to the rightmost point (indices into `points`). */
function upperHull(points: readonly Pair[]): number[] {
  const order = points.map((_, i) => i).sort((a, b) => points[a]![0] - points[b]![0] || points[a]![1] - points[b]![1] || a - b);
  // Drop exact duplicates, keeping the earliest index.
  const uniq: number[] = [];
  for (const i of order) {
    const j = uniq[uniq.length - 1];
    if (j !== undefined && Math.abs(points[j]![0] - points[i]![0]) <= EPS && Math.abs(points[j]![1] - points[i]![1]) <= EPS) {
      if (i < j) uniq[uniq.length - 1] = i;
      continue;
    }
    uniq.push(i);
  }
  const hull: number[] = [];
  for (const i of uniq) {
    while (hull.length >= 2 && cross(points[hull[hull.length - 2]!]!, points[hull[hull.length - 1]!]!, points[i]!) >= -EPS) hull.pop();
    hull.push(i);
  }
  return hull;
}

export function paretoFrontier(points: readonly Pair[], d: Pair): FrontierResult {
  if (points.length === 0) return { status: 'invalid', problem: 'no outcomes' };
  for (const p of points) if (!Number.isFinite(p[0]) || !Number.isFinite(p[1])) return { status: 'invalid', problem: 'a utility is not a finite number' };
  if (!Number.isFinite(d[0]) || !Number.isFinite(d[1])) return { status: 'invalid', problem: 'the disagreement point is not finite' };
  const hull = upperHull(points);
  // The Pareto part starts at the highest point (the rightmost of a flat top) and runs to the end.
  let top = 0;
  for (let k = 1; k < hull.length; k++) if (points[hull[k]!]![1] >= points[hull[top]!]![1] - EPS) top = k;
  const chain: FrontierVertex[] = hull.slice(top).map((i) => ({ u: points[i]!, lottery: [[i, 1]] }));
  // Clip to u₁ ≥ d₁ (a prefix) and u₂ ≥ d₂ (a suffix).
  let out = chain;
  const firstIn = out.findIndex((v) => v.u[0] >= d[0] - EPS);
  if (firstIn < 0) return { status: 'invalid', problem: 'the disagreement point lies outside the feasible set' };
  if (firstIn > 0) {
    const a = out[firstIn - 1]!;
    const b = out[firstIn]!;
    const t = (d[0] - a.u[0]) / (b.u[0] - a.u[0]);
    out = [along(a, b, t), ...out.slice(firstIn)];
  }
  let lastIn = -1;
  for (let k = out.length - 1; k >= 0; k--)
    if (out[k]!.u[1] >= d[1] - EPS) {
      lastIn = k;
      break;
    }
  if (lastIn < 0) return { status: 'invalid', problem: 'the disagreement point lies outside the feasible set' };
  if (lastIn < out.length - 1) {
    const a = out[lastIn]!;
    const b = out[lastIn + 1]!;
    const t = (a.u[1] - d[1]) / (a.u[1] - b.u[1]);
    out = [...out.slice(0, lastIn + 1), along(a, b, t)];
  }
  // Drop a zero-length first or last segment left by the cut.
  const same = (p: FrontierVertex, q: FrontierVertex) => Math.abs(p.u[0] - q.u[0]) <= EPS && Math.abs(p.u[1] - q.u[1]) <= EPS;
  if (out.length >= 2 && same(out[0]!, out[1]!)) out = out.slice(1);
  if (out.length >= 2 && same(out[out.length - 1]!, out[out.length - 2]!)) out = out.slice(0, -1);
  return { status: 'ok', vertices: out };
}

/**
 * The frontier as functions of gains over d, with free disposal: f(g₁) = the most player 2
 * can gain when player 1 gains at least g₁, and F(g₂) the other way round. Both are
 * non-increasing and piecewise linear; outside the frontier's range they return −∞.
 */
export function frontierFunctions(vertices: readonly FrontierVertex[], d: Pair) {
  const a = vertices.map((v) => v.u[0] - d[0]);
  const b = vertices.map((v) => v.u[1] - d[1]);
  const last = vertices.length - 1;
  const f = (g1: number): number => {
    if (g1 <= a[0]!) return b[0]!;
    if (g1 > a[last]! + EPS) return -Infinity;
    for (let k = 0; k < last; k++) if (g1 <= a[k + 1]!) return b[k]! + ((g1 - a[k]!) / (a[k + 1]! - a[k]!)) * (b[k + 1]! - b[k]!);
    return b[last]!;
  };
  const F = (g2: number): number => {
    if (g2 <= b[last]!) return a[last]!;
    if (g2 > b[0]! + EPS) return -Infinity;
    for (let k = last; k > 0; k--) if (g2 <= b[k - 1]!) return a[k]! + ((g2 - b[k]!) / (b[k - 1]! - b[k]!)) * (a[k - 1]! - a[k]!);
    return a[0]!;
  };
  return { f, F, maxGain: [a[last]!, b[0]!] as const };
}

/** The frontier point where player 1 gains g₁ (clamped to the frontier), with its lottery. */
export function pointAtGain1(vertices: readonly FrontierVertex[], d: Pair, g1: number): FrontierVertex {
  const x = d[0] + g1;
  if (x <= vertices[0]!.u[0]) return vertices[0]!;
  for (let k = 0; k + 1 < vertices.length; k++) {
    const p = vertices[k]!;
    const q = vertices[k + 1]!;
    if (x <= q.u[0]) return along(p, q, (x - p.u[0]) / (q.u[0] - p.u[0]));
  }
  return vertices[vertices.length - 1]!;
}
