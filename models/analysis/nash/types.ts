/**
 * Result values shared by the non-cooperative solvers. Every solver returns a status instead of
 * throwing, names its method, says whether its answers are exact, and gives each equilibrium
 * with its regret: the largest gain any player can get by a unilateral deviation (0 for an exact
 * equilibrium).
 */
import type { Rational } from '../../game/types';

/** One probability vector per player (player 1 first). */
export type MixedProfile = readonly (readonly number[])[];

export type SolveStatus =
  /** Finished; the answer is complete for the method. */
  | 'ok'
  /** The game exceeds the size limit given (or the method's built-in limit); nothing was computed. */
  | 'too-large'
  /** Stopped by the caller's `shouldStop`; the equilibria found so far are returned. */
  | 'cancelled'
  /** The method does not apply to this game (e.g. a 2-player method on 3 players). */
  | 'not-applicable'
  /** The method could not finish (LP failure, path-following breakdown, pivot limit). */
  | 'failed';

export interface MixedEquilibrium {
  /** Probabilities per player and strategy (doubles). */
  readonly strategies: number[][];
  /** The same probabilities as exact rationals, when the method is exact. */
  readonly exact?: Rational[][];
  /** Expected payoff per player. */
  readonly payoffs: number[];
  /** Exact expected payoffs, when the method is exact. */
  readonly exactPayoffs?: Rational[];
  /** Max gain from a unilateral deviation (0 when exact). */
  readonly regret: number;
}

export interface MixedResult {
  readonly status: SolveStatus;
  readonly method: 'enummixed' | 'lcp' | 'logit';
  readonly exact: boolean;
  readonly equilibria: MixedEquilibrium[];
  readonly message?: string;
}

/** Options common to the long-running solvers. */
export interface StopOptions {
  /** Polled every few thousand steps; return true to stop (status 'cancelled'). */
  readonly shouldStop?: () => boolean;
}
