/**
 * The Kalai–Smorodinsky solution (Kalai & Smorodinsky 1975): the Pareto point on the segment
 * from the disagreement point d to the ideal point I, where I_k is the most player k can get in
 * the individually rational feasible set. It replaces Nash's independence of irrelevant
 * alternatives by individual monotonicity: each player's gain is the same share of its ideal
 * gain, (u₁ − d₁)/(I₁ − d₁) = (u₂ − d₂)/(I₂ − d₂).
 *
 * On a polygonal frontier (u₁ increasing, u₂ decreasing) the ray d + s(I − d) crosses it once:
 * the sign of cross(I − d, u − d) goes from ≥ 0 at the first vertex to ≤ 0 at the last, and the
 * crossing is interpolated on the segment where it changes. Equivalent to the linear program
 * max s s.t. d + s(I − d) ∈ conv(points); the tests check the two agree.
 *
 * Edge case: if either ideal gain is zero there is nothing to share in proportion:
 * `no-mutual-gain` with the disagreement point.
 */
import { along, type FrontierVertex, type Pair } from './frontier';

export type KalaiSmorodinskyResult =
  | { status: 'ok'; point: FrontierVertex; ideal: Pair; share: number }
  | { status: 'no-mutual-gain'; point: Pair; ideal: Pair };

export function kalaiSmorodinsky(vertices: readonly FrontierVertex[], d: Pair): KalaiSmorodinskyResult {
  const ideal: Pair = [vertices[vertices.length - 1]!.u[0], vertices[0]!.u[1]];
  const r1 = ideal[0] - d[0];
  const r2 = ideal[1] - d[1];
  if (!(r1 > 1e-12 && r2 > 1e-12)) return { status: 'no-mutual-gain', point: d, ideal };
  const side = (v: FrontierVertex) => r1 * (v.u[1] - d[1]) - r2 * (v.u[0] - d[0]);
  let point = vertices[vertices.length - 1]!;
  for (let k = 0; k < vertices.length; k++) {
    const c = side(vertices[k]!);
    if (Math.abs(c) <= 1e-15) {
      point = vertices[k]!;
      break;
    }
    if (k + 1 < vertices.length) {
      const c2 = side(vertices[k + 1]!);
      if (c > 0 && c2 < 0) {
        point = along(vertices[k]!, vertices[k + 1]!, c / (c - c2));
        break;
      }
    }
  }
  return { status: 'ok', point, ideal, share: (point.u[0] - d[0]) / r1 };
}
