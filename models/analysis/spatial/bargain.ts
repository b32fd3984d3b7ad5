/**
 * The bargain struck when actor i challenges actor j (KTAB's InterVecBrgn), dimension by
 * dimension, from i's and j's positions x_i, x_j, saliences s_i, s_j and the probabilities of
 * success p_i (i's side wins the contest) and p_j = 1 − p_i:
 *
 *   S1P1    both move to (w_i x_i + w_j x_j)/(w_i + w_j) with w = s·p;
 *   S2P2    the same with w = (s·p)² (KTAB's default): the side that cares more and is more
 *           likely to win keeps more of its position, and squaring sharpens that;
 *   S2PMax  the likelier winner keeps its position and the other moves towards it by the
 *           probability gap times the winner's share of squared salience,
 *           x_loser + |p_i − p_j| · s_w²/(s_i² + s_j²) · (x_winner − x_loser).
 *
 * Where neither actor cares about a dimension (both weights zero) neither moves on it. Every
 * result is a convex combination of the two positions, so it stays in the box.
 */
import type { InterVecBrgn } from './parameters';

export interface BargainPositions {
  readonly initiator: Float64Array;
  readonly receiver: Float64Array;
}

export function interpolateBargain(
  rule: InterVecBrgn,
  xi: ArrayLike<number>,
  xj: ArrayLike<number>,
  si: ArrayLike<number>,
  sj: ArrayLike<number>,
  pi: number,
  pj: number,
): BargainPositions {
  const D = xi.length;
  const a = new Float64Array(D);
  const b = new Float64Array(D);
  for (let d = 0; d < D; d++) {
    const x = xi[d]!;
    const y = xj[d]!;
    if (rule === 'S2PMax') {
      const wi = si[d]! * si[d]!;
      const wj = sj[d]! * sj[d]!;
      const gap = pi - pj;
      a[d] = x;
      b[d] = y;
      if (wi + wj > 0) {
        if (gap < 0) a[d] = x + -gap * (wj / (wi + wj)) * (y - x);
        else if (gap > 0) b[d] = y + gap * (wi / (wi + wj)) * (x - y);
      }
      continue;
    }
    let wi = si[d]! * pi;
    let wj = sj[d]! * pj;
    if (rule === 'S2P2') {
      wi *= wi;
      wj *= wj;
    }
    if (wi + wj > 0) {
      const z = (wi * x + wj * y) / (wi + wj);
      a[d] = z;
      b[d] = z;
    } else {
      a[d] = x;
      b[d] = y;
    }
  }
  return { initiator: a, receiver: b };
}
