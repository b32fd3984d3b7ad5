/**
 * The round game: from the current world state, each actor's legal moves (plus `hold`) form a
 * normal-form game whose payoff to an actor is its utility after all the chosen moves' effects
 * (and interactions) are applied. It is the solvers' own game type, so the equilibria, the bots,
 * the Analyse view and the `.nfg` export all see the same game.
 *
 * Size: the full Belarus game has millions of profiles, so the game is kept under `maxProfiles`
 * by (1) leaving out actors with no legal move but `hold` (they hold), and (2) while the game is
 * still too large, dropping from the actor with the most strategies the move that does the least
 * for that actor on its own (its utility gain over holding, others holding). Every dropped move
 * and actor is reported in `leftOut` / `holding`, so the views can say what the game omits.
 */
import type { NormalFormGame } from '../analysis/game/types';
import { HOLD, legalMoves, type Holdings } from './legality';
import { applyMoves } from './moves';
import { dimensionIndex } from './space';
import type { ActorId, Move, MoveId, Posture, Scenario } from './types';
import { utility } from './utility';

export interface RoundGameOptions {
  /** The actors to include (default: every actor with a legal move besides `hold`). */
  readonly players?: readonly ActorId[];
  /** Moves already fixed for some actors (they are not players; their move is applied). */
  readonly fixed?: Readonly<Record<ActorId, MoveId>>;
  /** Largest number of pure profiles (default 20 000). */
  readonly maxProfiles?: number;
}

export interface LeftOutMove {
  readonly actor: ActorId;
  readonly move: MoveId;
  /** The move's utility gain over holding for its actor, others holding. */
  readonly gain: number;
}

export interface RoundGame {
  readonly game: NormalFormGame;
  readonly players: readonly ActorId[];
  /** Move ids per player, in strategy order (`hold` first). */
  readonly moves: readonly (readonly MoveId[])[];
  /** Actors outside the game: they hold (or play their fixed move). */
  readonly holding: readonly ActorId[];
  readonly leftOut: readonly LeftOutMove[];
  /** Each player's utility when everybody holds (the status quo of the round). */
  readonly statusQuo: readonly number[];
}

export const DEFAULT_MAX_PROFILES = 20_000;

export function buildRoundGame(
  s: Scenario,
  world: ArrayLike<number>,
  holdings: Holdings,
  postures: Readonly<Record<ActorId, Posture>>,
  options: RoundGameOptions = {},
): RoundGame {
  const dims = dimensionIndex(s);
  const byId = new Map(s.moves.map((m) => [m.id, m]));
  const fixedMoves: Move[] = Object.values(options.fixed ?? {})
    .filter((id) => id !== HOLD)
    .map((id) => byId.get(id)!)
    .filter(Boolean);
  const base = fixedMoves.length ? applyMoves(dims, world, fixedMoves, s.interactions) : Float64Array.from(world);
  const candidates = (options.players ?? s.actors.map((a) => a.id)).filter((id) => !(options.fixed && id in options.fixed));
  const actorById = new Map(s.actors.map((a) => [a.id, a]));
  const strategies = new Map<ActorId, MoveId[]>();
  for (const id of candidates) {
    const legal = legalMoves(s, dims, world, holdings, postures[id] ?? 'engaged', id);
    if (legal.length > 1 || options.players) strategies.set(id, legal);
  }
  const players = [...strategies.keys()];
  const holding = s.actors.map((a) => a.id).filter((id) => !strategies.has(id));

  // Unilateral gains decide which moves to drop when the game is too large.
  const gainOf = new Map<MoveId, number>();
  for (const id of players) {
    const a = actorById.get(id)!;
    const u0 = utility(a, dims, base);
    for (const m of strategies.get(id)!) {
      if (m === HOLD) continue;
      gainOf.set(m, utility(a, dims, applyMoves(dims, world, [...fixedMoves, byId.get(m)!], s.interactions)) - u0);
    }
  }
  const max = Math.max(1, options.maxProfiles ?? DEFAULT_MAX_PROFILES);
  const leftOut: LeftOutMove[] = [];
  const size = () => players.reduce((p, id) => p * strategies.get(id)!.length, 1);
  while (size() > max) {
    let worst = players[0]!;
    for (const id of players) if (strategies.get(id)!.length > strategies.get(worst)!.length) worst = id;
    const list = strategies.get(worst)!;
    let drop = 1;
    for (let j = 2; j < list.length; j++) if (gainOf.get(list[j]!)! < gainOf.get(list[drop]!)!) drop = j;
    leftOut.push({ actor: worst, move: list[drop]!, gain: gainOf.get(list[drop]!)! });
    list.splice(drop, 1);
  }

  const moves = players.map((id) => strategies.get(id)!);
  const shape = moves.map((m) => m.length);
  const n = players.length;
  const total = shape.reduce((p, k) => p * k, 1);
  const payoffs = new Float64Array(total * n);
  const actors = players.map((id) => actorById.get(id)!);
  const profile = new Array<number>(n).fill(0);
  const chosen: Move[] = [];
  for (let p = 0; p < total; p++) {
    chosen.length = 0;
    for (const m of fixedMoves) chosen.push(m);
    for (let i = 0; i < n; i++) {
      const id = moves[i]![profile[i]!]!;
      if (id !== HOLD) chosen.push(byId.get(id)!);
    }
    const x = applyMoves(dims, world, chosen, s.interactions);
    for (let i = 0; i < n; i++) payoffs[p * n + i] = utility(actors[i]!, dims, x);
    for (let i = 0; i < n; i++) {
      if (++profile[i]! < shape[i]!) break;
      profile[i] = 0;
    }
  }
  const label = (id: MoveId) => (id === HOLD ? 'hold' : id);
  return {
    game: {
      title: `${s.title}: round game`,
      players: actors.map((a) => a.short || a.name),
      strategies: moves.map((m) => m.map(label)),
      shape,
      payoffs,
      comment: leftOut.length ? `Left out to keep the game small: ${leftOut.map((l) => `${l.actor}:${l.move}`).join(', ')}` : undefined,
    },
    players,
    moves,
    holding,
    leftOut,
    statusQuo: actors.map((a) => utility(a, dims, base)),
  };
}
