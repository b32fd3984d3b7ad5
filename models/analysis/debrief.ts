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
 *  - Bargaining (the report only): for a pair of actors, the Nash, Kalai–Smorodinsky and
 *    Rubinstein points over the outcomes the two could reach from the round's starting position,
 *    with that round's spent assets and postures (a move no longer legal is not on the table).
 *
 * `debrief` returns the round game itself (for the `.nfg` export); `debriefReport` returns
 * plain data only, small enough to post from the analysis worker.
 *
 * This module is the one door from models/machines into the analyses: the bots' equilibrium
 * play uses the same best pure equilibrium as the debrief (re-exported below).
 */
import { bilateralBargaining, type BargainingResult } from './bargaining/index';
import { bestPureEquilibrium } from './roundGameReport';

export { bestPureEquilibrium, type BestPure } from './roundGameReport';
import { HOLD, type Holdings } from '../domain/legality';
import { defaultPair } from '../domain/space';
import { bestResponseMove, buildRoundGame, type LeftOutMove, type RoundGame } from '../domain/roundGame';
import type { RoundRecord } from '../domain/round';
import type { ActorId, Move, MoveId, Posture, Scenario } from '../domain/types';

/** What the debrief needs of the context the round started in: the position, assets and postures. */
export interface DebriefStart {
  readonly world: readonly number[];
  readonly holdings: Holdings;
  readonly postures: Readonly<Record<ActorId, Posture>>;
}

export interface BestResponseNote {
  readonly actor: ActorId;
  readonly played: MoveId;
  readonly best: MoveId;
  /** Utility the best response would have added over the move played (≥ 0). */
  readonly gain: number;
}

export interface GainNote {
  readonly actor: ActorId;
  readonly change: number;
}

export interface Debrief {
  readonly round: number;
  readonly bestResponses: readonly BestResponseNote[];
  readonly game: RoundGame;
  readonly equilibria: number;
  /** The pure equilibrium with the highest total utility, per player; null when there is none. */
  readonly equilibrium: Readonly<Record<ActorId, MoveId>> | null;
  /** Each player's utility at that equilibrium. */
  readonly equilibriumPayoffs: Readonly<Record<ActorId, number>> | null;
  readonly gains: readonly GainNote[];
}

export interface DebriefReport {
  readonly round: number;
  readonly bestResponses: readonly BestResponseNote[];
  /** The round game in outline: who had moves, how many profiles, what it held or left out. */
  readonly game: {
    readonly players: readonly ActorId[];
    readonly profiles: number;
    readonly holding: readonly ActorId[];
    readonly leftOut: readonly LeftOutMove[];
  };
  readonly equilibria: number;
  readonly equilibrium: Readonly<Record<ActorId, MoveId>> | null;
  /** Each player's utility at that equilibrium. */
  readonly equilibriumPayoffs: Readonly<Record<ActorId, number>> | null;
  readonly gains: readonly GainNote[];
  /** Bargaining for the pair asked for, from the round's starting position; null when no pair was asked. */
  readonly bargaining: BargainingResult | null;
}

/** Each actor's utility change over the round, largest gain first (read off the record). */
export function roundGains(s: Scenario, record: RoundRecord): GainNote[] {
  return s.actors
    .map((a) => ({ actor: a.id, change: (record.actors[a.id]?.after ?? 0) - (record.actors[a.id]?.before ?? 0) }))
    .sort((x, y) => y.change - x.change);
}

/**
 * The pair whose bargaining the debrief shows first, the one with the most at stake: of the
 * actors who played a move this round, the two whose utility changed most; failing two such
 * actors, the scenario's default pair (else its first two actors). In scenario order; null when
 * the scenario has fewer than two.
 */
export function debriefPair(s: Scenario, record: RoundRecord): [ActorId, ActorId] | null {
  const ids = s.actors.map((a) => a.id);
  const order = (p: ActorId[]): [ActorId, ActorId] => p.sort((x, y) => ids.indexOf(x) - ids.indexOf(y)) as [ActorId, ActorId];
  const stake = (id: ActorId) => Math.abs((record.actors[id]?.after ?? 0) - (record.actors[id]?.before ?? 0));
  const movers = ids.filter((id) => (record.actors[id]?.move ?? HOLD) !== HOLD);
  if (movers.length >= 2) return order([...movers].sort((x, y) => stake(y) - stake(x) || ids.indexOf(x) - ids.indexOf(y)).slice(0, 2));
  const pair = defaultPair(s);
  return pair && order(pair);
}

export function debrief(s: Scenario, start: DebriefStart, record: RoundRecord): Debrief {
  const byId = new Map(s.moves.map((m) => [m.id, m]));
  const played = (except?: ActorId): Move[] =>
    s.actors
      .filter((a) => a.id !== except)
      .map((a) => record.actors[a.id]?.move ?? HOLD)
      .filter((m) => m !== HOLD)
      .map((m) => byId.get(m)!);
  const bestResponses: BestResponseNote[] = s.actors.map((a) => {
    const mine = record.actors[a.id]?.move ?? HOLD;
    const r = bestResponseMove(s, start.world, start.holdings, start.postures[a.id] ?? 'engaged', a.id, played(a.id), mine);
    return { actor: a.id, played: mine, best: r.move, gain: r.utility - r.baselineUtility };
  });
  const game = buildRoundGame(s, start.world, start.holdings, start.postures);
  const best = bestPureEquilibrium(game);
  return {
    round: record.round,
    bestResponses,
    game,
    equilibria: best?.found ?? 0,
    equilibrium: best?.moves ?? null,
    equilibriumPayoffs: best?.payoffs ?? null,
    gains: roundGains(s, record),
  };
}

/** The debrief as plain data, with bargaining for `pair` (none when null) from the round's start. */
export function debriefReport(s: Scenario, start: DebriefStart, record: RoundRecord, pair: readonly [ActorId, ActorId] | null = null): DebriefReport {
  const d = debrief(s, start, record);
  return {
    round: d.round,
    bestResponses: d.bestResponses,
    game: {
      players: d.game.players,
      profiles: d.game.game.shape.reduce((p, k) => p * k, 1),
      holding: d.game.holding,
      leftOut: d.game.leftOut,
    },
    equilibria: d.equilibria,
    equilibrium: d.equilibrium,
    equilibriumPayoffs: d.equilibriumPayoffs,
    gains: d.gains,
    bargaining: pair ? bilateralBargaining(s, pair, { state: start.world, holdings: start.holdings, postures: start.postures }) : null,
  };
}
