/**
 * Bots for the actors nobody plays. Each returns a move and a one-line reason a class can read.
 *  - best-response: the move with the highest utility against the others' last moves (the
 *    others replay last round's move where it is still legal, else hold);
 *  - equilibrium: the bot's part in a pure Nash equilibrium of the round game (the one with the
 *    highest total utility when there are several); without one, best response;
 *  - tit-for-tat: answers the last hostile move aimed at it with its own best hostile move at the
 *    mover, a cooperative one with cooperation; opens cooperatively;
 *  - random: a uniform draw over its legal moves, seeded by the run's seed, the round and the actor.
 * Every bot but `random` keeps a deal that falls due this round when its promised move is legal.
 * Bots answer offers made to them: accept when the two promised moves together raise their
 * utility from the current state.
 */
import { bestPureEquilibrium, type BestPure } from '../analysis/debrief';
import { HOLD, legalMoves } from '../domain/legality';
import { applyMoves } from '../domain/moves';
import { bestResponseMove, buildRoundGame, type RoundGame } from '../domain/roundGame';
import type { Actor, ActorId, Move, MoveId, Scenario } from '../domain/types';
import { bindingCondition, utility } from '../domain/utility';
import { dimsOf, type OfferRecord, type RoundContext } from './roundLogic';
import { rngFor } from '../game/random';
import type { BotStrategy } from './run';

export interface BotChoice {
  readonly move: MoveId;
  readonly reason: string;
}

const sign = (x: number) => (x >= 0 ? '+' : '−') + Math.abs(x).toFixed(3);

function label(s: Scenario, id: MoveId): string {
  return id === HOLD ? 'hold' : (s.moves.find((m) => m.id === id)?.label ?? id);
}

function movesById(s: Scenario): Map<MoveId, Move> {
  return new Map(s.moves.map((m) => [m.id, m]));
}

function legalFor(c: RoundContext, actor: ActorId): MoveId[] {
  return legalMoves(c.scenario, dimsOf(c.scenario), c.world, c.holdings, c.postures[actor] ?? 'engaged', actor);
}

/** What the others are expected to play: last round's moves where still legal, else hold. */
function expectedOthers(c: RoundContext, actor: ActorId): Move[] {
  const last = c.history[c.history.length - 1];
  if (!last) return [];
  const byId = movesById(c.scenario);
  const out: Move[] = [];
  for (const a of c.scenario.actors) {
    if (a.id === actor) continue;
    const m = last.actors[a.id]?.move;
    if (m && m !== HOLD && legalFor(c, a.id).includes(m)) out.push(byId.get(m)!);
  }
  return out;
}

function utilityWith(c: RoundContext, a: Actor, moves: readonly Move[]): number {
  return utility(a, dimsOf(c.scenario), applyMoves(dimsOf(c.scenario), c.world, moves, c.scenario.interactions));
}

/** The condition of the actor's minimum that binds after the moves: violated, or tightest. */
function bindingNote(c: RoundContext, a: Actor, moves: readonly Move[]): string {
  const dims = dimsOf(c.scenario);
  const x = applyMoves(dims, c.world, moves, c.scenario.interactions);
  const b = bindingCondition(a, dims, x);
  if (!b) return '';
  if (b.slack < -1e-9) return `its minimum "${b.constraint.label}" is still unmet`;
  return `"${b.constraint.label}" binds (slack ${b.slack.toFixed(2)})`;
}

function actorOf(c: RoundContext, id: ActorId): Actor {
  return c.scenario.actors.find((a) => a.id === id)!;
}

function dueFor(c: RoundContext, actor: ActorId): { move: MoveId; with: ActorId } | null {
  for (const d of c.due) {
    const m = d.promises[actor];
    if (m !== undefined) return { move: m, with: d.parties.find((p) => p !== actor)! };
  }
  return null;
}

export function bestResponse(c: RoundContext, actor: ActorId, prefix = 'best response'): BotChoice {
  const a = actorOf(c, actor);
  const others = expectedOthers(c, actor);
  const byId = movesById(c.scenario);
  const r = bestResponseMove(c.scenario, c.world, c.holdings, c.postures[actor] ?? 'engaged', actor, others);
  const [best, bestU, u0] = [r.move, r.utility, r.baselineUtility];
  const chosen = best === HOLD ? others : [...others, byId.get(best)!];
  const note = bindingNote(c, a, chosen);
  const against = c.history.length ? "to last round's moves" : 'with everyone else holding';
  const head = best === HOLD ? `${prefix} ${against}: holds, no move beats holding` : `${prefix} ${against}: ${sign(bestU - u0)} utility over holding`;
  return { move: best, reason: note ? `${head}; ${note}` : head };
}

/** The round game of a context and its best pure equilibrium. */
export interface RoundSolution {
  readonly game: RoundGame;
  readonly best: BestPure | null;
}

/**
 * The round game and its best pure equilibrium, built on first use. They depend on the world,
 * holdings and postures only, so a caller asking several bots of one round passes one of these to
 * each and the game is built and enumerated once (the caller owns it; nothing is kept here).
 */
export function roundSolution(c: RoundContext): () => RoundSolution {
  let sol: RoundSolution | undefined;
  return () => {
    if (!sol) {
      const game = buildRoundGame(c.scenario, c.world, c.holdings, c.postures);
      sol = { game, best: bestPureEquilibrium(game) };
    }
    return sol;
  };
}

export function equilibriumMove(c: RoundContext, actor: ActorId, solution: () => RoundSolution = roundSolution(c)): BotChoice {
  const { game: rg, best } = solution();
  const i = rg.players.indexOf(actor);
  if (i < 0) return bestResponse(c, actor, 'not a player of the round game; best response');
  if (!best) return bestResponse(c, actor, 'no pure equilibrium in the round game; best response');
  const move = best.moves[actor]!;
  const others = rg.players
    .filter((p) => p !== actor)
    .map((p) => best.moves[p]!)
    .filter((m) => m !== HOLD);
  const a = actorOf(c, actor);
  const note = bindingNote(
    c,
    a,
    [...others, move].filter((m) => m !== HOLD).map((m) => movesById(c.scenario).get(m)!),
  );
  const size = `${best.found} pure equilibri${best.found === 1 ? 'um' : 'a'} among ${rg.game.payoffs.length / rg.players.length} profiles`;
  return { move, reason: `equilibrium play (${size}): ${label(c.scenario, move)}, utility ${best.payoffs[actor]!.toFixed(3)}${note ? `; ${note}` : ''}` };
}

export function titForTat(c: RoundContext, actor: ActorId): BotChoice {
  const a = actorOf(c, actor);
  const byId = movesById(c.scenario);
  const legal = legalFor(c, actor)
    .filter((m) => m !== HOLD)
    .map((m) => byId.get(m)!);
  const last = c.history[c.history.length - 1];
  const bestOf = (ms: Move[]) => ms.reduce<Move | null>((b, m) => (!b || utilityWith(c, a, [m]) > utilityWith(c, a, [b]) ? m : b), null);
  if (last) {
    for (const other of c.scenario.actors) {
      const m = byId.get(last.actors[other.id]?.move ?? HOLD);
      if (!m || other.id === actor || !(m.targets ?? []).includes(actor) || m.tone !== 'hostile') continue;
      const answer = bestOf(legal.filter((x) => x.tone === 'hostile' && (x.targets ?? []).includes(other.id)));
      if (answer) return { move: answer.id, reason: `tit-for-tat: answers ${other.short || other.name}'s "${m.label}" with "${answer.label}"` };
      return { move: HOLD, reason: `tit-for-tat: would answer ${other.short || other.name}'s "${m.label}" but has no hostile move against it; holds` };
    }
    for (const other of c.scenario.actors) {
      const m = byId.get(last.actors[other.id]?.move ?? HOLD);
      if (!m || other.id === actor || !(m.targets ?? []).includes(actor) || m.tone !== 'cooperative') continue;
      const answer = bestOf(legal.filter((x) => x.tone === 'cooperative'));
      if (answer) return { move: answer.id, reason: `tit-for-tat: returns ${other.short || other.name}'s "${m.label}" with "${answer.label}"` };
    }
  }
  const open = bestOf(legal.filter((x) => x.tone === 'cooperative'));
  if (!last && open) return { move: open.id, reason: `tit-for-tat: opens cooperatively with "${open.label}"` };
  return { move: HOLD, reason: last ? 'tit-for-tat: nothing aimed at it last round; holds' : 'tit-for-tat: no cooperative move to open with; holds' };
}

export function randomMove(c: RoundContext, actor: ActorId): BotChoice {
  const legal = legalFor(c, actor);
  const rng = rngFor(c.seed, 'move', c.round, actor);
  const k = Math.min(legal.length - 1, Math.floor(rng() * legal.length));
  return { move: legal[k]!, reason: `random (seed ${c.seed}): drew "${label(c.scenario, legal[k]!)}" from ${legal.length} legal moves` };
}

export function botMove(strategy: BotStrategy, c: RoundContext, actor: ActorId, solution: () => RoundSolution = roundSolution(c)): BotChoice {
  if (strategy !== 'random') {
    const due = dueFor(c, actor);
    if (due && legalFor(c, actor).includes(due.move)) {
      const other = actorOf(c, due.with);
      return { move: due.move, reason: `keeps its deal with ${other.short || other.name}: "${label(c.scenario, due.move)}"` };
    }
  }
  switch (strategy) {
    case 'best-response':
      return bestResponse(c, actor);
    case 'equilibrium':
      return equilibriumMove(c, actor, solution);
    case 'tit-for-tat':
      return titForTat(c, actor);
    case 'random':
      return randomMove(c, actor);
  }
}

/** A bot's answer to an offer made to it: accept when both promised moves together help it. */
export function botAnswer(c: RoundContext, actor: ActorId, offer: OfferRecord): { answer: 'accept' | 'reject'; reason: string } {
  const a = actorOf(c, actor);
  const byId = movesById(c.scenario);
  const give = byId.get(offer.give);
  const get = byId.get(offer.get);
  if (!give || !get) return { answer: 'reject', reason: 'the offer names a move that does not exist' };
  const u0 = utilityWith(c, a, []);
  const u1 = utilityWith(c, a, [give, get]);
  return u1 > u0 + 1e-9
    ? { answer: 'accept', reason: `accepts: the exchange is worth ${sign(u1 - u0)} utility to it` }
    : { answer: 'reject', reason: `rejects: the exchange would cost it ${sign(u1 - u0)} utility` };
}
