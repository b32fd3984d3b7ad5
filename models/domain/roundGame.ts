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
import type { NormalFormGame } from '../game/types';
import { HOLD, legalMoves, type Holdings } from './legality';
import { applyMoves } from './moves';
import { dimensionIndex } from './space';
import type { ActorId, Effect, Move, MoveId, Posture, Scenario } from './types';
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

/**
 * The actor's best legal move against the others' moves (played together with them), starting
 * from `baseline`, which is kept unless a move does strictly better.
 */
export function bestResponseMove(
  s: Scenario,
  world: ArrayLike<number>,
  holdings: Holdings,
  posture: Posture,
  actor: ActorId,
  others: readonly Move[],
  baseline: MoveId = HOLD,
): { move: MoveId; utility: number; baselineUtility: number } {
  const dims = dimensionIndex(s);
  const a = s.actors.find((x) => x.id === actor)!;
  const byId = new Map(s.moves.map((m) => [m.id, m]));
  const u = (m: MoveId) => utility(a, dims, applyMoves(dims, world, m === HOLD ? others : [...others, byId.get(m)!], s.interactions));
  const baselineUtility = u(baseline);
  let move = baseline;
  let best = baselineUtility;
  for (const m of legalMoves(s, dims, world, holdings, posture, actor)) {
    const v = u(m);
    if (v > best + 1e-12) {
      move = m;
      best = v;
    }
  }
  return { move, utility: best, baselineUtility };
}

function denseDelta(s: Scenario, dims: ReadonlyMap<string, number>, effects: readonly Effect[]): Float64Array {
  const v = new Float64Array(s.dimensions.length);
  for (const e of effects) {
    if (!('delta' in e)) continue;
    const i = dims.get(e.dimension)!;
    v[i] = v[i]! + e.delta;
  }
  return v;
}

function setsOf(dims: ReadonlyMap<string, number>, effects: readonly Effect[]): [number, number][] {
  return effects.filter((e): e is Extract<Effect, { set: number }> => 'set' in e).map((e) => [dims.get(e.dimension)!, e.set]);
}

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

  // Dense form of the outcome model, so the profile loop does arithmetic only (the same rules
  // as applyMoves and utility: deltas add, then `set` effects in scenario order, then clamp).
  const D = s.dimensions.length;
  const delta = moves.map((list) => list.map((id) => denseDelta(s, dims, id === HOLD ? [] : byId.get(id)!.effects)));
  const sets = moves.map((list) => list.map((id) => (id === HOLD ? [] : setsOf(dims, byId.get(id)!.effects))));
  const order = new Map(s.moves.map((m, i) => [m.id, i]));
  const slot = new Map<MoveId, [number, number]>();
  moves.forEach((list, i) => list.forEach((id, k) => id !== HOLD && slot.set(id, [i, k])));
  const fixedIds = new Set(fixedMoves.map((m) => m.id));
  // Interactions that can fire: all their moves are fixed or available to some player.
  const live = s.interactions
    .filter((it) => it.when.every((id) => fixedIds.has(id) || slot.has(id)))
    .map((it) => ({
      need: it.when.filter((id) => !fixedIds.has(id)).map((id) => slot.get(id)!),
      delta: denseDelta(s, dims, it.effects),
      sets: setsOf(dims, it.effects),
    }));
  const ideal = actors.map((a) => Float64Array.from(s.dimensions, (d) => a.ideal[d.id] ?? 0));
  const weight = actors.map((a) => Float64Array.from(s.dimensions, (d) => a.salience[d.id] ?? 0));
  const fixedDelta = denseDelta(
    s,
    dims,
    fixedMoves.flatMap((m) => m.effects),
  );
  const fixedSets = fixedMoves.map((m) => ({ order: order.get(m.id)!, list: setsOf(dims, m.effects) })).filter((f) => f.list.length);
  const x = new Float64Array(D);
  const profile = new Array<number>(n).fill(0);
  const pendingSets: { order: number; list: [number, number][] }[] = [];
  for (let p = 0; p < total; p++) {
    for (let d = 0; d < D; d++) x[d] = world[d]! + fixedDelta[d]!;
    pendingSets.length = 0;
    for (const f of fixedSets) pendingSets.push(f);
    for (let i = 0; i < n; i++) {
      const k = profile[i]!;
      const dv = delta[i]![k]!;
      for (let d = 0; d < D; d++) x[d] = x[d]! + dv[d]!;
      const st = sets[i]![k]!;
      if (st.length) pendingSets.push({ order: order.get(moves[i]![k]!)!, list: st });
    }
    for (const it of live) {
      if (!it.need.every(([i, k]) => profile[i] === k)) continue;
      for (let d = 0; d < D; d++) x[d] = x[d]! + it.delta[d]!;
      if (it.sets.length) pendingSets.push({ order: Infinity, list: it.sets });
    }
    if (pendingSets.length) {
      pendingSets.sort((a, b) => a.order - b.order);
      for (const ps of pendingSets) for (const [d, v] of ps.list) x[d] = v;
    }
    for (let d = 0; d < D; d++) x[d] = x[d]! < 0 ? 0 : x[d]! > 1 ? 1 : x[d]!;
    for (let i = 0; i < n; i++) {
      const id = ideal[i]!;
      const w = weight[i]!;
      let dist = 0;
      for (let d = 0; d < D; d++) dist += w[d]! * Math.abs(x[d]! - id[d]!);
      payoffs[p * n + i] = 1 - dist;
    }
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
