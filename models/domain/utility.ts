/**
 * The outcome model. Default utility: 1 − Σ_d salience_d · |x_d − ideal_d| (salience-weighted
 * L1 distance from the ideal point). It is 1 at the ideal and at least 0 everywhere in the box,
 * since saliences sum to 1 and coordinates lie in [0, 1]; its linear pieces keep every
 * optimisation over it a linear program. An outcome outside the actor's minimum is still
 * scored, but marked unacceptable to that actor.
 *
 * Leverage. Where an actor holds a stock it can trade (prisoners, sanctions in force, transit
 * refused), its ideal on the dimension measuring the stock is the held end and its salience there
 * is the stock's holding value (Actor.leverage): spending the stock without a return lowers its
 * utility by the value spent, so a concession costs its giver and only an exchange pays. It is
 * the same formula, read term by term in `utilityTerms`.
 */
import { satisfies, slack } from './polytope';
import type { Actor, AssetId, DimensionId, LinearConstraint, Utility } from './types';

export function utility(actor: Actor, dims: ReadonlyMap<DimensionId, number>, x: ArrayLike<number>): Utility {
  let dist = 0;
  for (const [d, i] of dims) {
    const s = actor.salience[d] ?? 0;
    if (s !== 0) dist += s * Math.abs(x[i]! - (actor.ideal[d] ?? 0));
  }
  return 1 - dist;
}

export function isAcceptable(actor: Actor, dims: ReadonlyMap<DimensionId, number>, x: ArrayLike<number>): boolean {
  return actor.minimum.every((c) => satisfies(c, dims, x));
}

/** The actor's violated constraints at x, worst first, with how far each is violated. */
export function violations(actor: Actor, dims: ReadonlyMap<DimensionId, number>, x: ArrayLike<number>): { constraint: LinearConstraint; by: number }[] {
  return actor.minimum
    .map((constraint) => ({ constraint, by: -slack(constraint, dims, x) }))
    .filter((v) => v.by > 1e-9)
    .sort((a, b) => b.by - a.by);
}

/**
 * The condition of the actor's minimum that binds at x: the one with the least slack (negative
 * when violated: the worst violation), or null for an actor without conditions.
 */
export function bindingCondition(
  actor: Actor,
  dims: ReadonlyMap<DimensionId, number>,
  x: ArrayLike<number>,
): { constraint: LinearConstraint; slack: number } | null {
  let best: { constraint: LinearConstraint; slack: number } | null = null;
  for (const c of actor.minimum) {
    const s = slack(c, dims, x);
    if (!best || s < best.slack) best = { constraint: c, slack: s };
  }
  return best;
}

/** Per-dimension contribution to the actor's loss at x: where its utility goes. */
export function lossByDimension(actor: Actor, dims: ReadonlyMap<DimensionId, number>, x: ArrayLike<number>): Record<DimensionId, number> {
  const out: Record<DimensionId, number> = {};
  for (const [d, i] of dims) out[d] = (actor.salience[d] ?? 0) * Math.abs(x[i]! - (actor.ideal[d] ?? 0));
  return out;
}

/** One term of an actor's utility: what the dimension costs it at x. */
export interface UtilityTerm {
  readonly dimension: DimensionId;
  /** The salience (for a leverage term, the holding value). */
  readonly weight: number;
  readonly ideal: number;
  /** weight · |x − ideal|: what the term takes off 1. */
  readonly loss: number;
  /** Set when the term values a stock the actor holds as a bargaining chip. */
  readonly leverage?: { readonly asset: AssetId; readonly held: 'high' | 'low' };
}

/** The actor's utility at x term by term (dimensions with weight only): 1 − Σ loss. */
export function utilityTerms(actor: Actor, dims: ReadonlyMap<DimensionId, number>, x: ArrayLike<number>): UtilityTerm[] {
  const out: UtilityTerm[] = [];
  for (const [d, i] of dims) {
    const weight = actor.salience[d] ?? 0;
    if (!weight) continue;
    const ideal = actor.ideal[d] ?? 0;
    const lev = actor.leverage?.find((l) => l.dimension === d && ideal === (l.held === 'high' ? 1 : 0));
    out.push({ dimension: d, weight, ideal, loss: weight * Math.abs(x[i]! - ideal), ...(lev ? { leverage: { asset: lev.asset, held: lev.held } } : {}) });
  }
  return out;
}
