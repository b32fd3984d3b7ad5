/**
 * The Shapley value (Shapley 1953), exactly, by the subset formula
 *
 *   φ_i = Σ_{S ⊆ N∖{i}} |S|! (n − |S| − 1)! / n! · (v(S ∪ {i}) − v(S)),
 *
 * one pass over the 2^n coalitions per player: O(n·2^n), so ten players is 10,240 terms.
 * The weights are computed as products of ratios, never as factorials, so they stay exact
 * enough in floating point for n up to the solvers' limit. Efficiency (Σ φ_i = v(N)) holds by
 * construction; the tests check it as a property.
 */
import { checkGame, type Characteristic } from './game';

export type ShapleyResult = { status: 'ok'; value: number[] } | { status: 'invalid'; problem: string };

/** weight[k] = k! (n − k − 1)! / n! for k = 0 … n − 1. */
function weights(n: number): Float64Array {
  const w = new Float64Array(n);
  // w[0] = (n−1)!/n! = 1/n; w[k+1] = w[k] · (k+1)/(n−k−1).
  w[0] = 1 / n;
  for (let k = 0; k + 1 < n; k++) w[k + 1] = (w[k]! * (k + 1)) / (n - k - 1);
  return w;
}

export function shapley(v: Characteristic): ShapleyResult {
  const c = checkGame(v);
  if (!c.ok) return { status: 'invalid', problem: c.problem };
  const n = c.n;
  const w = weights(n);
  const phi = new Array<number>(n).fill(0);
  const size = new Uint8Array(v.length);
  for (let s = 1; s < v.length; s++) size[s] = size[s & (s - 1)]! + 1;
  for (let i = 0; i < n; i++) {
    const bit = 1 << i;
    let t = 0;
    for (let s = 0; s < v.length; s++) {
      if (s & bit) continue;
      t += w[size[s]!]! * (v[s | bit]! - v[s]!);
    }
    phi[i] = t;
  }
  return { status: 'ok', value: phi };
}
