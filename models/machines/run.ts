/**
 * A run is the scenario, a seed, the seats (who plays each actor: a team or a bot) and the
 * ordered list of events. Folding the events through the round machine with `transition()`
 * reproduces every snapshot exactly; that is how the app restores a run after a reload, how
 * a run file is imported, and how undo works.
 *
 * Undo is a run-level event and works on the events still standing (undone ones are dropped):
 *  - `UNDO_INJECT` takes back the latest inject of the current round on its own: the run goes
 *    back to just before it and every later event of the round is applied again. If one of them
 *    would no longer be possible without the inject, the undo is refused and says which.
 *  - `UNDO_ROUND` goes back to just before the latest round still standing was started, and
 *    keeps the injects made since: they are applied again to that round's briefing. Only an
 *    inject's own undo takes an inject back.
 *
 * A malformed or tampered run file is rejected with the first bad event: its path
 * (`events[4]`), what it was, and why the machine would not take it — worded like every other
 * input problem (models/scenario/problems).
 *
 * Which events each phase takes is the round machine's to say: `rejection()` asks it
 * (`snapshot.can`) and only explains a refusal, from the machine's config (the phases with a
 * transition for the event) or from the domain check its guard runs.
 */
import * as v from 'valibot';
import { initialTransition, transition, type SnapshotFrom } from 'xstate';
import type { ActorId, Posture, Scenario } from '../domain/types';
import { POSTURES } from '../domain/types';
import { describe } from '../scenario/migrations';
import { issueProblem, pathString, refusal, type Problem, type Refusal } from '../scenario/problems';
import { checkEvent, roundMachine, type RoundEvent, type RoundPhase } from './roundMachine';
import { MAX_ROUNDS, type Check, type Inject, type PlayedBy, type RoundContext } from './roundLogic';

export const BOT_STRATEGIES = ['best-response', 'equilibrium', 'tit-for-tat', 'random'] as const;
export type BotStrategy = (typeof BOT_STRATEGIES)[number];

export type Seat = { readonly kind: 'team'; readonly team: string } | { readonly kind: 'bot'; readonly strategy: BotStrategy };

export type UndoEvent = { type: 'UNDO_ROUND' } | { type: 'UNDO_INJECT' };
export type RunEvent = RoundEvent | UndoEvent;

/** The phases a round timer counts down in. */
export type TimedPhase = 'moves' | 'offers';

/** When the current phase's time runs out (wall-clock ms), kept with the run so that a reload keeps counting. */
export interface Deadline {
  readonly round: number;
  readonly phase: TimedPhase;
  readonly endsAt: number;
}

export interface Run {
  readonly format: 'coreplay-run';
  readonly version: 1;
  readonly title: string;
  /** The scenario document the run was played on (self-contained run files). */
  readonly scenario: unknown;
  readonly variants: readonly string[];
  readonly seed: number;
  readonly roundLimit: number;
  /** An optional timer for the classroom: seconds for the moves and again for the offers (0 or absent = none). */
  readonly timerSeconds?: number;
  /** The running timer's deadline, if one is running. */
  readonly deadline?: Deadline;
  readonly seats: Readonly<Record<ActorId, Seat>>;
  readonly events: readonly RunEvent[];
}

export type RoundSnapshot = SnapshotFrom<typeof roundMachine>;

export function phaseOf(s: RoundSnapshot): RoundPhase {
  return s.value as RoundPhase;
}

/** The snapshot as plain data (what replays must reproduce and what tests compare). */
export function snapshotData(s: RoundSnapshot): { value: RoundPhase; context: RoundContext } {
  return { value: phaseOf(s), context: s.context };
}

/** The round rules need only whether a team or a bot plays each actor. */
export function playedBy(seats: Readonly<Record<ActorId, Seat>>): Record<ActorId, PlayedBy> {
  return Object.fromEntries(Object.entries(seats).map(([a, seat]) => [a, seat.kind]));
}

export function startRun(scenario: Scenario, seed: number, roundLimit: number, seats: Readonly<Record<ActorId, Seat>> = {}): RoundSnapshot {
  const [snap] = initialTransition(roundMachine, { scenario, seed, roundLimit, playedBy: playedBy(seats) });
  return snap;
}

/**
 * The deadline after a change of snapshot: kept while the round and phase stay the same, a fresh
 * one (the full time from `now`) when a timed phase begins, none outside the timed phases.
 */
export function deadlineFor(timerSeconds: number, previous: Deadline | undefined, s: RoundSnapshot, now: number): Deadline | undefined {
  const phase = phaseOf(s);
  if (!(timerSeconds > 0) || (phase !== 'moves' && phase !== 'offers')) return undefined;
  const round = s.context.round;
  if (previous && previous.round === round && previous.phase === phase) return previous;
  return { round, phase, endsAt: now + timerSeconds * 1000 };
}

/** How a wrong-phase refusal names each event. */
const DOING: Readonly<Record<RoundEvent['type'], string>> = {
  START_ROUND: 'starting the round',
  COMMIT_MOVE: 'entering a move',
  CLOSE_ROUND: 'closing the round',
  OFFER: 'an offer',
  ANSWER: 'an answer',
  COUNTER: 'a counter-offer',
  END_OFFERS: 'ending the offers',
  NEXT_ROUND: 'the next round',
  INJECT: 'an inject',
};

/** The phases with a transition for this event type, in the machine's order: its config, not a copy of it. */
export function phasesTaking(type: RoundEvent['type']): RoundPhase[] {
  return Object.entries(roundMachine.states)
    .filter(([, node]) => node.ownEvents.some((d) => d === type))
    .map(([phase]) => phase as RoundPhase);
}

function listed(xs: readonly string[]): string {
  return xs.length < 2 ? xs.join('') : `${xs.slice(0, -1).join(', ')} or ${xs[xs.length - 1]}`;
}

function wrongPhase(type: RoundEvent['type'], phase: RoundPhase, phases: readonly RoundPhase[]): string {
  if (type === 'COMMIT_MOVE') {
    const order = Object.keys(roundMachine.states);
    const early = order.indexOf(phase) < order.indexOf(phases[0]!);
    return `the round is ${early ? 'not open yet' : 'closed'}: no moves can be entered during the ${phase} phase`;
  }
  return `${DOING[type]} is not possible during the ${phase} phase (only during ${listed(phases)})`;
}

/**
 * Why the machine in this snapshot would not take the event, or null when it would. The machine
 * decides (`can`); this only says why: the phase, when the current state has no transition for
 * the event, or else the reason of the domain check that its guard runs.
 */
export function rejection(s: RoundSnapshot, e: RoundEvent): string | null {
  if (s.can(e)) return null;
  const phase = phaseOf(s);
  const phases = phasesTaking(e.type);
  if (!phases.length) return `unknown event type "${String((e as { type?: unknown }).type)}"`;
  if (!phases.includes(phase)) return wrongPhase(e.type, phase, phases);
  const r = checkEvent(s.context, e);
  if (!r.ok) return r.reason;
  throw new Error(`the round machine refuses ${e.type} during the ${phase} phase, yet its check passes`);
}

/**
 * The events still standing, newest first, each with the snapshot from just before it: where an
 * undo returns to. A shared list, so that each step adds one cell and copies nothing.
 */
export interface Standing {
  readonly event: RoundEvent;
  readonly before: RoundSnapshot;
  readonly prev: Standing | null;
}

export interface Replay {
  /** The snapshot after every event (index i: after events[i]); `initial` before any. */
  readonly initial: RoundSnapshot;
  readonly snapshots: readonly RoundSnapshot[];
  readonly final: RoundSnapshot;
  /** The events standing at the end (for the undos that may follow). */
  readonly standing: Standing | null;
}

/** A failed replay names the first bad event: its index, and the problem with its path in the run (`events[4]…`). */
export type ReplayResult = ({ ok: true } & Replay) | { ok: false; index: number; event: unknown; problem: Problem; partial: Replay };

export type StepResult = { ok: true; snapshot: RoundSnapshot; standing: Standing | null } | { ok: false; problem: string };

/** The standing event an undo of this type takes back (null when there is none), and the later standing events, oldest first. */
function undoTarget(standing: Standing | null, type: UndoEvent['type']): { target: Standing | null; later: RoundEvent[] } {
  const later: RoundEvent[] = [];
  for (let x = standing; x; x = x.prev) {
    if (type === 'UNDO_ROUND' ? x.event.type === 'START_ROUND' : x.event.type === 'INJECT') return { target: x, later: later.reverse() };
    // An inject's own undo stays within the current round: finished rounds keep their injects.
    if (type === 'UNDO_INJECT' && x.event.type === 'NEXT_ROUND') break;
    later.push(x.event);
  }
  return { target: null, later: [] };
}

/**
 * Whether an undo has something to take back, and why not. (An inject's undo may still be
 * refused when a later event of the round would not be possible without the inject.)
 */
export function checkUndo(standing: Standing | null, type: UndoEvent['type']): Check {
  if (undoTarget(standing, type).target) return { ok: true };
  return { ok: false, reason: type === 'UNDO_ROUND' ? 'there is no round to undo' : 'there is no inject in this round to undo' };
}

/** The inject `UNDO_INJECT` would take back, if any. */
export function lastInject(standing: Standing | null): Inject | undefined {
  const t = undoTarget(standing, 'UNDO_INJECT').target;
  return t?.event.type === 'INJECT' ? t.event.inject : undefined;
}

/** The snapshot from just before the latest round still standing was started. */
export function roundStart(standing: Standing | null): RoundSnapshot | undefined {
  return undoTarget(standing, 'UNDO_ROUND').target?.before;
}

function stepRound(s: RoundSnapshot, standing: Standing | null, e: RoundEvent): StepResult {
  const why = rejection(s, e);
  if (why) return { ok: false, problem: why };
  const [next] = transition(roundMachine, s, e);
  return { ok: true, snapshot: next, standing: { event: e, before: s, prev: standing } };
}

function describeEvent(e: RoundEvent): string {
  switch (e.type) {
    case 'COMMIT_MOVE':
      return `${e.actor}'s move "${e.move}"`;
    case 'OFFER':
      return `the offer "${e.offer.id}"`;
    case 'ANSWER':
      return `${e.by}'s answer to "${e.offerId}"`;
    case 'COUNTER':
      return `${e.by}'s counter-offer to "${e.offerId}"`;
    case 'INJECT':
      return `the inject "${e.inject.label}"`;
    default:
      return e.type;
  }
}

/** One step: the next snapshot and the events standing (for undo), or why not. */
export function step(s: RoundSnapshot, standing: Standing | null, e: RunEvent): StepResult {
  if (e.type !== 'UNDO_ROUND' && e.type !== 'UNDO_INJECT') return stepRound(s, standing, e);
  const check = checkUndo(standing, e.type);
  if (!check.ok) return { ok: false, problem: check.reason };
  const { target, later } = undoTarget(standing, e.type);
  const t = target!;
  // An undone round keeps its injects; an undone inject keeps everything after it.
  const again = e.type === 'UNDO_ROUND' ? later.filter((x) => x.type === 'INJECT') : later;
  let r: StepResult = { ok: true, snapshot: t.before, standing: t.prev };
  for (const x of again) {
    const next = stepRound(r.snapshot, r.standing, x);
    if (!next.ok) {
      const what = t.event.type === 'INJECT' ? `the inject "${t.event.inject.label}"` : 'the round';
      return { ok: false, problem: `without ${what}, ${describeEvent(x)} would not be possible: ${next.problem}` };
    }
    r = next;
  }
  return r;
}

export function replay(
  scenario: Scenario,
  seed: number,
  roundLimit: number,
  events: readonly unknown[],
  seats: Readonly<Record<ActorId, Seat>> = {},
): ReplayResult {
  const initial = startRun(scenario, seed, roundLimit, seats);
  let s = initial;
  let standing: Standing | null = null;
  const snapshots: RoundSnapshot[] = [];
  for (let i = 0; i < events.length; i++) {
    const fail = (problem: Problem): ReplayResult => ({ ok: false, index: i, event: events[i], problem, partial: { initial, snapshots, final: s, standing } });
    const parsed = v.safeParse(EventSchema, events[i], { abortPipeEarly: true });
    if (!parsed.success) return fail(issueProblem(parsed.issues[0], 'run', ['events', i]));
    const e = parsed.output as RunEvent;
    const r = step(s, standing, e);
    if (!r.ok) return fail({ path: pathString(['events', i]), message: `${e.type} is rejected: ${r.problem}` });
    s = r.snapshot;
    standing = r.standing;
    snapshots.push(s);
  }
  return { ok: true, initial, snapshots, final: s, standing };
}

// ---- Run files --------------------------------------------------------------------------------

const Id = v.pipe(v.string('expected a string id'), v.minLength(1, 'expected a non-empty id'), v.maxLength(200, 'expected an id of at most 200 characters'));
const Text = v.pipe(v.string('expected a string'), v.maxLength(2000, 'expected at most 2000 characters'));
const PostureS = v.picklist(POSTURES as Posture[], `expected a posture (${POSTURES.join(', ')})`);
const Num = v.pipe(v.number('expected a number'), v.finite('expected a finite number'));
const EffectS = v.union(
  [
    v.strictObject({ dimension: Id, delta: Num }),
    v.strictObject({ dimension: Id, set: v.pipe(Num, v.minValue(0, 'expected a value in [0, 1]'), v.maxValue(1, 'expected a value in [0, 1]')) }),
  ],
  'expected an effect { dimension, delta } or { dimension, set }',
);
const OfferS = v.strictObject({ id: Id, from: Id, to: Id, give: Id, get: Id });
const InjectS = v.strictObject({
  id: Id,
  label: Text,
  effects: v.optional(v.pipe(v.array(EffectS, 'expected a list of effects'), v.maxLength(100, 'expected at most 100 effects'))),
  postures: v.optional(v.record(Id, PostureS, 'expected a map of actor → posture')),
});
const EventSchema = v.variant(
  'type',
  [
    v.strictObject({ type: v.literal('START_ROUND') }),
    v.strictObject({
      type: v.literal('COMMIT_MOVE'),
      actor: Id,
      move: Id,
      by: v.optional(v.picklist(['team', 'bot', 'teacher'], 'expected team, bot or teacher')),
      reason: v.optional(Text),
    }),
    v.strictObject({ type: v.literal('CLOSE_ROUND') }),
    v.strictObject({ type: v.literal('OFFER'), offer: OfferS }),
    v.strictObject({ type: v.literal('ANSWER'), offerId: Id, by: Id, answer: v.picklist(['accept', 'reject'], 'expected accept or reject') }),
    v.strictObject({ type: v.literal('COUNTER'), offerId: Id, by: Id, offer: OfferS }),
    v.strictObject({ type: v.literal('END_OFFERS') }),
    v.strictObject({ type: v.literal('NEXT_ROUND') }),
    v.strictObject({ type: v.literal('INJECT'), inject: InjectS }),
    v.strictObject({ type: v.literal('UNDO_ROUND') }),
    v.strictObject({ type: v.literal('UNDO_INJECT') }),
  ],
  'expected an event type: START_ROUND, COMMIT_MOVE, CLOSE_ROUND, OFFER, ANSWER, COUNTER, END_OFFERS, NEXT_ROUND, INJECT, UNDO_ROUND or UNDO_INJECT',
);
const SeatS = v.variant(
  'kind',
  [
    v.strictObject({ kind: v.literal('team'), team: Text }),
    v.strictObject({ kind: v.literal('bot'), strategy: v.picklist([...BOT_STRATEGIES], `expected a bot strategy (${BOT_STRATEGIES.join(', ')})`) }),
  ],
  'expected a seat { kind: "team" | "bot", … }',
);
const RunHeader = v.strictObject({
  format: v.literal('coreplay-run', 'expected "coreplay-run"'),
  version: v.literal(1, 'expected version 1'),
  title: Text,
  scenario: v.unknown(),
  variants: v.array(Id, 'expected a list of variant ids'),
  seed: v.pipe(
    v.number('expected a number'),
    v.integer('expected an integer seed'),
    v.minValue(0, 'expected a seed ≥ 0'),
    v.maxValue(2 ** 32 - 1, 'expected a seed below 2^32'),
  ),
  roundLimit: v.pipe(
    v.number('expected a number'),
    v.integer('expected a whole number of rounds'),
    v.minValue(1, 'expected at least 1 round'),
    v.maxValue(MAX_ROUNDS, `expected at most ${MAX_ROUNDS} rounds`),
  ),
  timerSeconds: v.optional(
    v.pipe(
      v.number('expected a number'),
      v.integer('expected whole seconds'),
      v.minValue(0, 'expected 0 or more seconds'),
      v.maxValue(3600, 'expected at most 3600 seconds'),
    ),
  ),
  deadline: v.optional(
    v.strictObject({
      round: v.pipe(v.number('expected a number'), v.integer('expected a whole round number'), v.minValue(1, 'expected a round ≥ 1')),
      phase: v.picklist(['moves', 'offers'], 'expected moves or offers'),
      endsAt: Num,
    }),
  ),
  seats: v.record(Id, SeatS, 'expected a map of actor → seat'),
  events: v.pipe(v.array(v.unknown(), 'expected a list of events'), v.maxLength(100_000, 'expected at most 100000 events')),
});

/** Read a run file's header; the events are checked by replaying them against the scenario. */
export function parseRunHeader(input: unknown): { ok: true; run: Run } | Refusal {
  let json = input;
  if (typeof input === 'string') {
    try {
      json = JSON.parse(input);
    } catch (e) {
      return refusal([{ path: '', message: `not valid JSON: ${(e as Error).message}` }]);
    }
  }
  if (!json || typeof json !== 'object' || Array.isArray(json)) return refusal([{ path: '', message: `expected a run object, got ${describe(json)}` }]);
  const r = v.safeParse(RunHeader, json, { abortPipeEarly: true });
  if (!r.success) return refusal(r.issues.map((i) => issueProblem(i, 'run')));
  return { ok: true, run: r.output as unknown as Run };
}

/** Check a run's seats and events against its (parsed) scenario. */
export function checkRun(run: Run, scenario: Scenario): { ok: true; replay: Replay } | Refusal {
  const actors = new Set(scenario.actors.map((a) => a.id));
  const seats = Object.keys(run.seats).filter((a) => !actors.has(a));
  if (seats.length) return refusal(seats.map((a) => ({ path: pathString(['seats', a]), message: `unknown actor "${a}"` })));
  const r = replay(scenario, run.seed, run.roundLimit, run.events, run.seats);
  return r.ok ? { ok: true, replay: r } : refusal([r.problem]);
}

export function exportRun(run: Run): string {
  return JSON.stringify(run, null, 2);
}
