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
import { enumeratePure } from '../analysis/nash/enumPure';
import { HOLD, legalMoves } from '../domain/legality';
import { applyMoves } from '../domain/moves';
import { buildRoundGame, type RoundGame } from '../domain/roundGame';
import type { ActorId, Move, MoveId, Scenario } from '../domain/types';
import { utility } from '../domain/utility';
import { dimsOf, type RoundContext, type RoundRecord } from './roundLogic';

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
  /** The class's own profile, as a game profile, when all its moves are in the game. */
  readonly classInGame: boolean;
}

export function debrief(s: Scenario, start: RoundContext, record: RoundRecord): Debrief {
  const dims = dimsOf(s);
  const byId = new Map(s.moves.map((m) => [m.id, m]));
  const played = (except?: ActorId): Move[] =>
    s.actors.filter((a) => a.id !== except).map((a) => record.actors[a.id]?.move ?? HOLD).filter((m) => m !== HOLD).map((m) => byId.get(m)!);
  const bestResponses: BestResponseNote[] = s.actors.map((a) => {
    const others = played(a.id);
    const u = (m: MoveId) => utility(a, dims, applyMoves(dims, start.world, m === HOLD ? others : [...others, byId.get(m)!], s.interactions));
    const mine = record.actors[a.id]?.move ?? HOLD;
    let best = mine;
    let bestU = u(mine);
    for (const m of legalMoves(s, dims, start.world, start.holdings, start.postures[a.id] ?? 'engaged', a.id)) {
      const v = u(m);
      if (v > bestU + 1e-12) {
        best = m;
        bestU = v;
      }
    }
    return { actor: a.id, played: mine, best, gain: bestU - u(mine) };
  });
  const game = buildRoundGame(s, start.world, start.holdings, start.postures);
  const r = enumeratePure(game.game);
  let equilibrium: Record<ActorId, MoveId> | null = null;
  if (r.status === 'ok' && r.equilibria.length) {
    const total = (p: readonly number[]) => p.reduce((x, y) => x + y, 0);
    let pick = r.equilibria[0]!;
    for (const e of r.equilibria) if (total(e.payoffs) > total(pick.payoffs) + 1e-12) pick = e;
    equilibrium = Object.fromEntries(game.players.map((p, i) => [p, game.moves[i]![pick.profile[i]!]!]));
  }
  const classInGame = game.players.every((p, i) => game.moves[i]!.includes(record.actors[p]?.move ?? HOLD));
  const gains = s.actors.map((a) => ({ actor: a.id, change: (record.actors[a.id]?.after ?? 0) - (record.actors[a.id]?.before ?? 0) })).sort((x, y) => y.change - x.change);
  return { round: record.round, bestResponses, game, equilibria: r.status === 'ok' ? r.found : 0, equilibrium, gains, classInGame };
}
