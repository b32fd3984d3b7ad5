/**
 * The round's data and its pure updates; the round machine (roundMachine.ts) wires them to
 * phases and events. Everything here is plain, JSON-safe data so that a snapshot can be saved,
 * compared and reproduced by replaying the run's events.
 */
import { HOLD, checkMove, initialHoldings, spendAssets, type Holdings } from '../domain/legality';
import { applyEffects, applyMoves } from '../domain/moves';
import { observe } from '../domain/posture';
import { dimensionIndex, stateFromRecord } from '../domain/space';
import type { ActorId, DimensionId, MoveId, Posture, Scenario } from '../domain/types';
import { bindingCondition, isAcceptable, lossByDimension, utility, utilityTerms } from '../domain/utility';
import {
  BETWEEN_ROUNDS,
  type Commitment,
  type OfferTerms,
  type OfferRecord,
  type Deal,
  type DealOutcome,
  type Inject,
  type InjectRecord,
  type ActorRoundRecord,
  type RoundRecord,
} from '../domain/round';
import { nextPosture } from './actorMachine';

export type { Mover, Commitment, OfferTerms, OfferRecord, Deal, DealOutcome, Inject, InjectRecord, ActorRoundRecord, RoundRecord } from '../domain/round';

/** Who plays an actor: a team of students or a bot (the run's seats, as the round's rules need them). */
export type PlayedBy = 'team' | 'bot';

export interface RoundContext {
  readonly scenario: Scenario;
  readonly seed: number;
  readonly roundLimit: number;
  /** Actors without an entry are played by hand (a team or the teacher). */
  readonly playedBy: Readonly<Record<ActorId, PlayedBy>>;
  readonly round: number;
  readonly world: readonly number[];
  readonly holdings: Holdings;
  readonly postures: Readonly<Record<ActorId, Posture>>;
  readonly committed: Readonly<Record<ActorId, Commitment>>;
  readonly offers: readonly OfferRecord[];
  /** Deals closed this round: due next round. */
  readonly deals: readonly Deal[];
  /** Deals closed last round: due this round. */
  readonly due: readonly Deal[];
  readonly injects: readonly InjectRecord[];
  readonly worldAtStart: readonly number[];
  readonly history: readonly RoundRecord[];
}

export interface RoundInput {
  readonly scenario: Scenario;
  readonly seed: number;
  readonly roundLimit: number;
  readonly playedBy?: Readonly<Record<ActorId, PlayedBy>>;
}

/** Bounded bargaining: an offer may be countered until this many exchanges. */
export const MAX_EXCHANGES = 4;
export const MAX_ROUNDS = 50;

export function initialContext(input: RoundInput): RoundContext {
  const s = input.scenario;
  const world = Array.from(stateFromRecord(s, s.initialState));
  return {
    scenario: s,
    seed: input.seed,
    roundLimit: input.roundLimit,
    playedBy: input.playedBy ?? {},
    round: 1,
    world,
    holdings: initialHoldings(s),
    postures: Object.fromEntries(s.actors.map((a) => [a.id, 'engaged' as Posture])),
    committed: {},
    offers: [],
    deals: [],
    due: [],
    injects: [],
    worldAtStart: world,
    history: [],
  };
}

export function dimsOf(s: Scenario): Map<DimensionId, number> {
  return dimensionIndex(s);
}

// ---- Moves ----------------------------------------------------------------------------------

export type Check = { ok: true } | { ok: false; reason: string };

export function checkCommit(c: RoundContext, actor: ActorId, move: MoveId): Check {
  if (!c.scenario.actors.some((a) => a.id === actor)) return { ok: false, reason: `no actor "${actor}" in this scenario` };
  if (c.committed[actor]) return { ok: false, reason: `${actor} has already committed a move this round` };
  const l = checkMove(c.scenario, dimsOf(c.scenario), c.world, c.holdings, c.postures[actor] ?? 'engaged', actor, move);
  return l.ok ? l : { ok: false, reason: l.reason };
}

export function allCommitted(c: RoundContext): boolean {
  return c.scenario.actors.every((a) => c.committed[a.id]);
}

/** The teacher closes the round: whoever has not committed holds. */
export function fillHolds(c: RoundContext): Record<ActorId, Commitment> {
  const out: Record<ActorId, Commitment> = { ...c.committed };
  for (const a of c.scenario.actors) if (!out[a.id]) out[a.id] = { move: HOLD, by: 'teacher', reason: 'round closed before a move was entered' };
  return out;
}

// ---- Offers ---------------------------------------------------------------------------------

function moveOwnedBy(c: RoundContext, move: MoveId, actor: ActorId): boolean {
  return c.scenario.moves.some((m) => m.id === move && m.actor === actor);
}

export function checkOffer(c: RoundContext, o: OfferTerms): Check {
  const ids = new Set(c.scenario.actors.map((a) => a.id));
  if (!ids.has(o.from)) return { ok: false, reason: `no actor "${o.from}"` };
  if (!ids.has(o.to)) return { ok: false, reason: `no actor "${o.to}"` };
  if (o.from === o.to) return { ok: false, reason: 'an offer needs two different actors' };
  // Bots only answer; an offer speaks for the team that plays its sender.
  if (c.playedBy[o.from] === 'bot') return { ok: false, reason: `${o.from} is played by a bot: offers are made by teams, for the actors they play` };
  if (c.round >= c.roundLimit) return { ok: false, reason: 'this is the last round: a deal could not fall due' };
  if (c.postures[o.from] === 'walkedAway') return { ok: false, reason: `${o.from} has walked away from the table` };
  if (c.postures[o.to] === 'walkedAway') return { ok: false, reason: `${o.to} has walked away from the table` };
  if (!moveOwnedBy(c, o.give, o.from)) return { ok: false, reason: `"${o.give}" is not a move of ${o.from}` };
  if (!moveOwnedBy(c, o.get, o.to)) return { ok: false, reason: `"${o.get}" is not a move of ${o.to}` };
  if (c.offers.some((x) => x.id === o.id)) return { ok: false, reason: `offer id "${o.id}" is already used` };
  const same = c.offers.find((x) => x.status === 'open' && x.from === o.from && x.to === o.to && x.give === o.give && x.get === o.get);
  if (same) return { ok: false, reason: `the same offer from ${o.from} to ${o.to} is already open this round ("${same.id}")` };
  return { ok: true };
}

export function addOffer(c: RoundContext, o: OfferTerms, exchange = 1, counters?: string): OfferRecord[] {
  return [...c.offers, { ...o, status: 'open', exchange, ...(counters ? { counters } : {}) }];
}

export function checkAnswer(c: RoundContext, offerId: string, by: ActorId): Check {
  const o = c.offers.find((x) => x.id === offerId);
  if (!o) return { ok: false, reason: `no offer "${offerId}"` };
  if (o.status !== 'open') return { ok: false, reason: `offer "${offerId}" is already ${o.status}` };
  if (o.to !== by) return { ok: false, reason: `offer "${offerId}" is addressed to ${o.to}, not ${by}` };
  return { ok: true };
}

export function checkCounter(c: RoundContext, offerId: string, by: ActorId, counter: OfferTerms): Check {
  const a = checkAnswer(c, offerId, by);
  if (!a.ok) return a;
  const o = c.offers.find((x) => x.id === offerId)!;
  if (o.exchange >= MAX_EXCHANGES) return { ok: false, reason: `offer "${offerId}" has had ${MAX_EXCHANGES} exchanges: accept or reject it` };
  if (counter.from !== by || counter.to !== o.from) return { ok: false, reason: `a counter goes from ${by} back to ${o.from}` };
  return checkOffer(c, counter);
}

export function setOfferStatus(c: RoundContext, offerId: string, status: OfferRecord['status']): OfferRecord[] {
  return c.offers.map((o) => (o.id === offerId ? { ...o, status } : o));
}

export function dealFromOffer(c: RoundContext, offerId: string): Deal {
  const o = c.offers.find((x) => x.id === offerId)!;
  return { id: o.id, round: c.round, parties: [o.from, o.to], promises: { [o.from]: o.give, [o.to]: o.get } };
}

// ---- Injects --------------------------------------------------------------------------------

export function checkInject(c: RoundContext, inj: Inject): Check {
  const dims = dimsOf(c.scenario);
  for (const e of inj.effects ?? []) {
    if (!dims.has(e.dimension)) return { ok: false, reason: `inject "${inj.id}": no dimension "${e.dimension}"` };
    // A change of nothing is a missing amount, not an event.
    if ('delta' in e && !(Number.isFinite(e.delta) && e.delta !== 0))
      return { ok: false, reason: `inject "${inj.label}": the change to ${e.dimension} must be a number other than 0, got ${String(e.delta)}` };
    if ('set' in e && !(Number.isFinite(e.set) && e.set >= 0 && e.set <= 1))
      return { ok: false, reason: `inject "${inj.label}": the value set for ${e.dimension} must be a number in [0, 1], got ${String(e.set)}` };
  }
  for (const a of Object.keys(inj.postures ?? {}))
    if (!c.scenario.actors.some((x) => x.id === a)) return { ok: false, reason: `inject "${inj.id}": no actor "${a}"` };
  return { ok: true };
}

export function applyInject(c: RoundContext, inj: Inject, phase: string): Partial<RoundContext> {
  const world = inj.effects?.length ? Array.from(applyEffects(dimsOf(c.scenario), c.world, [inj.effects])) : c.world;
  const postures = { ...c.postures };
  for (const [a, p] of Object.entries(inj.postures ?? {})) postures[a] = nextPosture(a, postures[a] ?? 'engaged', { type: 'SET_POSTURE', posture: p });
  return { world, postures, injects: [...c.injects, { ...inj, phase }] };
}

// ---- Resolve --------------------------------------------------------------------------------

function fmt(x: number): string {
  return (x >= 0 ? '+' : '−') + Math.abs(x).toFixed(3);
}

/** Why an actor's utility moved: the dimension that moved it most, and its tightest condition. */
export function explain(s: Scenario, actor: ActorId, before: readonly number[], after: readonly number[]): string {
  const dims = dimsOf(s);
  const a = s.actors.find((x) => x.id === actor)!;
  const u0 = utility(a, dims, before);
  const u1 = utility(a, dims, after);
  const l0 = lossByDimension(a, dims, before);
  const l1 = lossByDimension(a, dims, after);
  let top: DimensionId | undefined;
  for (const d of Object.keys(l0)) if (Math.abs(l1[d]! - l0[d]!) > 1e-9 && (!top || Math.abs(l1[d]! - l0[d]!) > Math.abs(l1[top]! - l0[top]!))) top = d;
  const label = (d: DimensionId) => s.dimensions.find((x) => x.id === d)?.label ?? d;
  const parts = [`utility ${fmt(u1 - u0)} (${u0.toFixed(3)} → ${u1.toFixed(3)})`];
  if (top) {
    const lev = utilityTerms(a, dims, after).find((t) => t.dimension === top)?.leverage;
    const change = l0[top]! - l1[top]!;
    parts.push(`mostly ${label(top)} (${lev ? (change < 0 ? 'leverage spent, ' : 'leverage gained, ') : ''}${fmt(change)})`);
  }
  const b = bindingCondition(a, dims, after);
  if (b && b.slack < -1e-9) parts.push(`its minimum is not met: "${b.constraint.label}" misses by ${(-b.slack).toFixed(3)}`);
  else if (b) parts.push(`binding condition: "${b.constraint.label}" (slack ${b.slack.toFixed(3)})`);
  return parts.join('; ');
}

/** Apply the committed moves: world, assets, deals due, postures, and the round's record. */
export function resolveRound(c: RoundContext): Partial<RoundContext> {
  const s = c.scenario;
  const dims = dimsOf(s);
  const committed = fillHolds(c);
  const byId = new Map(s.moves.map((m) => [m.id, m]));
  // Simultaneous moves in scenario order (a later move's `set` wins a clash, as in applyMoves).
  const order = new Map(s.moves.map((m, i) => [m.id, i]));
  const played = s.actors
    .map((a) => committed[a.id]!.move)
    .filter((m) => m !== HOLD)
    .sort((a, b) => order.get(a)! - order.get(b)!)
    .map((m) => byId.get(m)!);
  const world = Array.from(applyMoves(dims, c.world, played, s.interactions));
  const holdings = spendAssets(c.holdings, played);
  const playedIds = new Set(played.map((m) => m.id));
  const interactions = s.interactions.filter((it) => it.when.every((id) => playedIds.has(id))).map((it) => it.id);
  const dealsDue: DealOutcome[] = c.due.map((d) => ({ ...d, brokenBy: d.parties.filter((p) => committed[p]!.move !== d.promises[p]) }));
  const postures: Record<ActorId, Posture> = {};
  const actors: Record<ActorId, ActorRoundRecord> = {};
  for (const a of s.actors) {
    const before = c.postures[a.id] ?? 'engaged';
    const after = nextPosture(a.id, before, { type: 'ROUND_OBSERVED', observation: observe(a.id, played, dealsDue) });
    postures[a.id] = after;
    actors[a.id] = {
      move: committed[a.id]!.move,
      by: committed[a.id]!.by,
      ...(committed[a.id]!.reason ? { reason: committed[a.id]!.reason } : {}),
      before: utility(a, dims, c.worldAtStart),
      after: utility(a, dims, world),
      acceptableBefore: isAcceptable(a, dims, c.worldAtStart),
      acceptableAfter: isAcceptable(a, dims, world),
      postureBefore: before,
      postureAfter: after,
      why: explain(s, a.id, c.worldAtStart, world),
    };
  }
  const record: RoundRecord = {
    round: c.round,
    worldBefore: c.worldAtStart,
    worldAfter: world,
    actors,
    dealsMade: c.deals,
    dealsDue,
    offers: c.offers,
    injects: c.injects,
    interactions,
  };
  return { world, holdings, postures, committed, history: [...c.history, record] };
}

export function startNextRound(c: RoundContext): Partial<RoundContext> {
  // An inject made during the debrief moved the world the next round starts from, after the
  // finished round was recorded: the next round's record keeps it, so every inject is in one record.
  const carried = c.injects.filter((i) => i.phase === 'debrief').map((i) => ({ ...i, phase: BETWEEN_ROUNDS }));
  return { round: c.round + 1, committed: {}, offers: [], due: c.deals, deals: [], injects: carried, worldAtStart: c.world };
}
