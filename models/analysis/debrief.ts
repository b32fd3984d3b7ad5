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
import { injectWords, type DealOutcome, type RoundRecord } from '../domain/round';
import type { ActorId, Move, MoveId, Posture, Scenario } from '../domain/types';
import { shortName } from '../domain/names';

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

/** Changes in utility smaller than this read as "no change" in the plain-language summaries. */
export const NOTABLE = 0.0005;
/** Ties in utility changes are broken by scenario and round order. */
const EPS_SUMMARY = 1e-12;

/** The opening of the debrief in plain words: who gained and lost, which deals held, what theory advised and why. */
export interface DebriefSummary {
  readonly round: number;
  /** The largest gains, most first (at most three). */
  readonly gained: readonly GainNote[];
  /** The largest losses, most first (at most three). */
  readonly lost: readonly GainNote[];
  readonly dealsHeld: readonly DealOutcome[];
  readonly dealsBroken: readonly DealOutcome[];
  /** Actors whose minimum the round broke, and those whose minimum it restored. */
  readonly minimumLost: readonly ActorId[];
  readonly minimumRestored: readonly ActorId[];
  /** From the analysis, when it has come: the largest missed best responses (at most three) … */
  readonly missed: readonly BestResponseNote[] | null;
  /** … how many actors already played a best response … */
  readonly bestPlayed: number | null;
  /** … and the actors who played otherwise than the round game's best pure equilibrium. */
  readonly offEquilibrium: readonly ActorId[] | null;
  /** The summary as sentences a class reads. */
  readonly sentences: readonly string[];
}

type Names = { name: (id: ActorId) => string; label: (id: MoveId) => string };
const namesOf = (s: Scenario): Names => ({
  name: (id) => shortName(s, id),
  label: (id) => (id === HOLD ? 'Hold' : (s.moves.find((m) => m.id === id)?.label ?? id)),
});
const signed = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(3)}`;
/** "A", "A and B", "A, B and C". */
export function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** The debrief's plain-language opening, from the round's record and (once it has come) the analysis. */
export function debriefSummary(
  s: Scenario,
  record: RoundRecord,
  report: Pick<DebriefReport, 'bestResponses' | 'equilibrium' | 'equilibria'> | null,
): DebriefSummary {
  const { name, label } = namesOf(s);
  const gains = roundGains(s, record);
  const gained = gains.filter((g) => g.change > NOTABLE).slice(0, 3);
  const lost = gains
    .filter((g) => g.change < -NOTABLE)
    .reverse()
    .slice(0, 3);
  const dealsHeld = record.dealsDue.filter((d) => !d.brokenBy.length);
  const dealsBroken = record.dealsDue.filter((d) => d.brokenBy.length);
  const ids = s.actors.map((a) => a.id);
  const minimumLost = ids.filter((id) => record.actors[id]?.acceptableBefore && !record.actors[id]?.acceptableAfter);
  const minimumRestored = ids.filter((id) => record.actors[id] && !record.actors[id]!.acceptableBefore && record.actors[id]!.acceptableAfter);
  const missed = report
    ? report.bestResponses
        .filter((b) => b.gain > NOTABLE)
        .sort((x, y) => y.gain - x.gain)
        .slice(0, 3)
    : null;
  const bestPlayed = report ? report.bestResponses.filter((b) => b.gain <= NOTABLE).length : null;
  const eq = report?.equilibrium ?? null;
  const offEquilibrium = eq ? Object.keys(eq).filter((a) => (record.actors[a]?.move ?? HOLD) !== eq[a]) : null;

  const sentences: string[] = [];
  const who = (g: readonly GainNote[]) => listWords(g.map((x) => `${name(x.actor)} (${signed(x.change)})`));
  if (gained.length) sentences.push(`Gained most: ${who(gained)}.`);
  if (lost.length) sentences.push(`Lost most: ${who(lost)}.`);
  if (!gained.length && !lost.length) sentences.push('Nobody’s utility changed noticeably this round.');
  if (minimumLost.length) sentences.push(`The position no longer meets the minimum of ${listWords(minimumLost.map(name))}.`);
  if (minimumRestored.length) sentences.push(`The position now meets the minimum of ${listWords(minimumRestored.map(name))} again.`);
  const dealWords = (d: DealOutcome) => d.parties.map(name).join(' & ');
  if (dealsHeld.length) sentences.push(`Deal${dealsHeld.length > 1 ? 's' : ''} kept: ${listWords(dealsHeld.map(dealWords))}.`);
  for (const d of dealsBroken) sentences.push(`The deal ${dealWords(d)} was broken by ${listWords(d.brokenBy.map(name))}.`);
  if (report) {
    if (missed!.length)
      sentences.push(
        `Theory’s advice, given what the others played: ${listWords(missed!.map((b) => `${name(b.actor)} should have played “${label(b.best)}” instead of “${label(b.played)}” (${signed(b.gain)})`))}; ${bestPlayed} of ${report.bestResponses.length} already played their best reply.`,
      );
    else sentences.push('Every actor already played its best reply to what the others played: nobody could have done better by changing its move alone.');
    if (!eq) sentences.push('The round game has no pure Nash equilibrium: whatever everyone plays, someone has a better move.');
    else if (!offEquilibrium!.length)
      sentences.push('The class played the round game’s best pure Nash equilibrium: a stable outcome where no one gains by deviating alone.');
    else
      sentences.push(
        `In the round game’s best pure Nash equilibrium (where no one gains by changing its move alone) ${listWords(offEquilibrium!.map((a) => `${name(a)} would play “${label(eq[a]!)}”`))}.`,
      );
  }
  return { round: record.round, gained, lost, dealsHeld, dealsBroken, minimumLost, minimumRestored, missed, bestPlayed, offEquilibrium, sentences };
}

export interface RunScore {
  readonly actor: ActorId;
  readonly start: number;
  readonly end: number;
  readonly change: number;
  readonly metAtStart: boolean;
  readonly metAtEnd: boolean;
  /** The round in which the actor's utility changed most, and by how much. */
  readonly biggestRound: number;
  readonly biggestChange: number;
}

export interface TurningPoint {
  readonly round: number;
  /** Σ |utility change| over the actors: how much the round moved everyone. */
  readonly swing: number;
  /** The actor whose utility changed most that round. */
  readonly actor: ActorId;
  readonly change: number;
  /** How many actors' minimums the position met before and after the round (all met: the position is in the common core). */
  readonly metBefore: number;
  readonly metAfter: number;
  readonly broken: readonly DealOutcome[];
  readonly events: readonly string[];
  readonly sentence: string;
}

export interface RunSummary {
  readonly rounds: number;
  /** Every actor, the largest gain over the run first. */
  readonly scores: readonly RunScore[];
  /** The rounds that moved the run most, in round order. */
  readonly turningPoints: readonly TurningPoint[];
  readonly dealsKept: number;
  readonly dealsBroken: number;
  readonly metAtStart: number;
  readonly metAtEnd: number;
  readonly sentences: readonly string[];
}

/**
 * The whole run at a glance: each actor's utility from the first round's start to the last
 * round's end, and the turning points — the (at most three) rounds with the largest total
 * utility swing, and every round in which the number of minimums the position meets changed
 * (the position entering or leaving someone's acceptable set, which is what moves it towards or
 * away from the common core).
 */
export function runSummary(s: Scenario, history: readonly RoundRecord[]): RunSummary {
  const { name } = namesOf(s);
  const ids = s.actors.map((a) => a.id);
  const first = history[0];
  const last = history[history.length - 1];
  const scores: RunScore[] = ids
    .map((id) => {
      const start = first?.actors[id]?.before ?? 0;
      const end = last?.actors[id]?.after ?? start;
      let biggestRound = 0;
      let biggestChange = 0;
      for (const h of history) {
        const c = (h.actors[id]?.after ?? 0) - (h.actors[id]?.before ?? 0);
        if (Math.abs(c) > Math.abs(biggestChange) + EPS_SUMMARY) [biggestRound, biggestChange] = [h.round, c];
      }
      return {
        actor: id,
        start,
        end,
        change: end - start,
        metAtStart: first?.actors[id]?.acceptableBefore ?? false,
        metAtEnd: last?.actors[id]?.acceptableAfter ?? false,
        biggestRound,
        biggestChange,
      };
    })
    .sort((x, y) => y.change - x.change || ids.indexOf(x.actor) - ids.indexOf(y.actor));
  const met = (h: RoundRecord, when: 'acceptableBefore' | 'acceptableAfter') => ids.filter((id) => h.actors[id]?.[when]).length;
  const points = history.map((h): TurningPoint => {
    const changes = ids.map((id) => ({ id, c: (h.actors[id]?.after ?? 0) - (h.actors[id]?.before ?? 0) }));
    const top = changes.reduce((b, x) => (Math.abs(x.c) > Math.abs(b.c) + EPS_SUMMARY ? x : b), changes[0] ?? { id: '', c: 0 });
    const broken = h.dealsDue.filter((d) => d.brokenBy.length);
    const metBefore = met(h, 'acceptableBefore');
    const metAfter = met(h, 'acceptableAfter');
    const events = h.injects.map(injectWords);
    const parts = [`Round ${h.round}: ${name(top.id)} ${top.c >= 0 ? 'gained' : 'lost'} most (${signed(top.c)})`];
    if (metAfter !== metBefore) parts.push(`the position met ${metBefore} → ${metAfter} of ${ids.length} minimums`);
    for (const d of broken) parts.push(`${listWords(d.brokenBy.map(name))} broke the deal ${d.parties.map(name).join(' & ')}`);
    if (events.length) parts.push(`events: ${events.join('; ')}`);
    return {
      round: h.round,
      swing: changes.reduce((t, x) => t + Math.abs(x.c), 0),
      actor: top.id,
      change: top.c,
      metBefore,
      metAfter,
      broken,
      events,
      sentence: `${parts.join('; ')}.`,
    };
  });
  const bySwing = [...points]
    .filter((p) => p.swing > NOTABLE)
    .sort((x, y) => y.swing - x.swing || x.round - y.round)
    .slice(0, 3);
  const turningPoints = points.filter((p) => bySwing.includes(p) || p.metAfter !== p.metBefore || p.broken.length).sort((x, y) => x.round - y.round);
  const dealsKept = history.reduce((t, h) => t + h.dealsDue.filter((d) => !d.brokenBy.length).length, 0);
  const dealsBroken = history.reduce((t, h) => t + h.dealsDue.filter((d) => d.brokenBy.length).length, 0);
  const metAtStart = first ? met(first, 'acceptableBefore') : 0;
  const metAtEnd = last ? met(last, 'acceptableAfter') : 0;
  const sentences: string[] = [];
  if (history.length) {
    const winners = scores.filter((x) => x.change > NOTABLE).slice(0, 3);
    const losers = scores
      .filter((x) => x.change < -NOTABLE)
      .reverse()
      .slice(0, 3);
    sentences.push(`${history.length} round${history.length === 1 ? '' : 's'} played.`);
    if (winners.length) sentences.push(`Over the run, ${listWords(winners.map((x) => `${name(x.actor)} (${signed(x.change)})`))} gained most.`);
    if (losers.length) sentences.push(`${listWords(losers.map((x) => `${name(x.actor)} (${signed(x.change)})`))} lost most.`);
    sentences.push(
      `The position met ${metAtStart} of ${ids.length} minimums at the start and ${metAtEnd} at the end${metAtEnd === ids.length ? ': it ended inside the common core' : ''}.`,
    );
    if (dealsKept + dealsBroken) sentences.push(`Deals that fell due: ${dealsKept} kept, ${dealsBroken} broken.`);
  } else sentences.push('No round has been played yet.');
  return { rounds: history.length, scores, turningPoints, dealsKept, dealsBroken, metAtStart, metAtEnd, sentences };
}
