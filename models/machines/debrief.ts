/**
 * The debrief beside a resolved round: what the analysis says rational actors would have done
 * from the position the round started in, next to what the class did.
 *  - Best responses: for each actor, the legal move with the highest utility given the moves the
 *    others actually played, and how much it would have gained over the move the actor chose
 *    (0 when the class already played a best response). Computed over every legal move, not the
 *    trimmed round game.
 *  - Equilibrium: the pure Nash equilibria of the round game (kept under its size cap; what was
 *    left out is listed), and the one with the highest total utility, move by move.
 *  - Gains and losses: each actor's utility change over the round, largest gain first.
 */
import { bestPureEquilibrium } from '../analysis/roundGameReport';
import { HOLD } from '../domain/legality';
import { bestResponseMove, buildRoundGame, type RoundGame } from '../domain/roundGame';
import type { ActorId, Move, MoveId, Scenario } from '../domain/types';
import type { RoundContext, RoundRecord } from './roundLogic';

export interface BestResponseNote {
  readonly actor: ActorId;
  readonly played: MoveId;
  readonly best: MoveId;
  /** Utility the best response would have added over the move played (≥ 0). */
  readonly gain: number;
}

export interface Debrief {
  readonly round: number;
  readonly bestResponses: readonly BestResponseNote[];
  readonly game: RoundGame;
  readonly equilibria: number;
  /** The pure equilibrium with the highest total utility, per player; null when there is none. */
  readonly equilibrium: Readonly<Record<ActorId, MoveId>> | null;
  readonly gains: readonly { actor: ActorId; change: number }[];
}

export function debrief(s: Scenario, start: RoundContext, record: RoundRecord): Debrief {
  const byId = new Map(s.moves.map((m) => [m.id, m]));
  const played = (except?: ActorId): Move[] =>
    s.actors.filter((a) => a.id !== except).map((a) => record.actors[a.id]?.move ?? HOLD).filter((m) => m !== HOLD).map((m) => byId.get(m)!);
  const bestResponses: BestResponseNote[] = s.actors.map((a) => {
    const mine = record.actors[a.id]?.move ?? HOLD;
    const r = bestResponseMove(s, start.world, start.holdings, start.postures[a.id] ?? 'engaged', a.id, played(a.id), mine);
    return { actor: a.id, played: mine, best: r.move, gain: r.utility - r.baselineUtility };
  });
  const game = buildRoundGame(s, start.world, start.holdings, start.postures);
  const best = bestPureEquilibrium(game);
  const gains = s.actors.map((a) => ({ actor: a.id, change: (record.actors[a.id]?.after ?? 0) - (record.actors[a.id]?.before ?? 0) })).sort((x, y) => y.change - x.change);
  return { round: record.round, bestResponses, game, equilibria: best?.found ?? 0, equilibrium: best?.moves ?? null, gains };
}
