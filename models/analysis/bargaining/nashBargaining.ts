/**
 * The Nash bargaining solution (Nash 1950): the feasible point maximising the product of the
 * players' gains over the disagreement point, (u₁ − d₁)(u₂ − d₂), over u ≥ d. It is the unique
 * solution satisfying Pareto efficiency, symmetry, scale invariance and independence of
 * irrelevant alternatives.
 *
 * On a polygonal frontier the maximum is found exactly, segment by segment: along a segment
 * from P to Q the gains are a + t·b (a = P − d, b = Q − P), and the product
 * a₁a₂ + t(a₁b₂ + a₂b₁) + t²·b₁b₂ is a concave quadratic (b₁ > 0 > b₂ on the frontier), maximised
 * at t* = −(a₁b₂ + a₂b₁) / (2·b₁b₂) clamped to [0, 1]. With a linear frontier u₁ + u₂ = c the
 * answer is the midpoint of the individually rational part: each player gains half the surplus.
 *
 * Edge case: when no feasible point gains both players strictly (the product is 0 everywhere),
 * there are no gains from trade; the result says so and names the disagreement point.
 */
import { along, type FrontierVertex, type Pair } from './frontier';

export type NashResult = { status: 'ok'; point: FrontierVertex; product: number } | { status: 'no-mutual-gain'; point: Pair; product: 0 };

export function nashBargaining(vertices: readonly FrontierVertex[], d: Pair): NashResult {
  let best: FrontierVertex | undefined;
  let bestP = 0;
  const consider = (v: FrontierVertex) => {
    const p = (v.u[0] - d[0]) * (v.u[1] - d[1]);
    if (p > bestP + 1e-15) {
      bestP = p;
      best = v;
    }
  };
  for (const v of vertices) consider(v);
  for (let k = 0; k + 1 < vertices.length; k++) {
    const P = vertices[k]!;
    const Q = vertices[k + 1]!;
    const a1 = P.u[0] - d[0];
    const a2 = P.u[1] - d[1];
    const b1 = Q.u[0] - P.u[0];
    const b2 = Q.u[1] - P.u[1];
    const q = b1 * b2;
    if (q >= 0) continue; // not a frontier edge (cannot happen on a strict frontier)
    const t = -(a1 * b2 + a2 * b1) / (2 * q);
    if (t > 0 && t < 1) consider(along(P, Q, t));
  }
  if (!best) return { status: 'no-mutual-gain', point: d, product: 0 };
  return { status: 'ok', point: best, product: bestP };
}
