/**
 * A run is the scenario, a seed, the seats (who plays each actor: a team or a bot) and the
 * ordered list of events. Folding the events through the round machine with `transition()`
 * reproduces every snapshot exactly; that is how the app restores a run after a reload, how
 * a run file is imported, and how undo works: `UNDO_ROUND` restores the snapshot from just
 * before the latest round that is still standing was started.
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
import { MAX_ROUNDS, type RoundContext } from './roundLogic';

export const BOT_STRATEGIES = ['best-response', 'equilibrium', 'tit-for-tat', 'random'] as const;
export type BotStrategy = (typeof BOT_STRATEGIES)[number];

export type Seat = { readonly kind: 'team'; readonly team: string } | { readonly kind: 'bot'; readonly strategy: BotStrategy };

export type RunEvent = RoundEvent | { type: 'UNDO_ROUND' };

export interface Run {
  readonly format: 'coreplay-run';
  readonly version: 1;
  readonly title: string;
  /** The scenario document the run was played on (self-contained run files). */
  readonly scenario: unknown;
  readonly variants: readonly string[];
  readonly seed: number;
  readonly roundLimit: number;
  /** An optional per-round timer for the classroom (seconds; 0 or absent = none). */
  readonly timerSeconds?: number;
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

export function startRun(scenario: Scenario, seed: number, roundLimit: number): RoundSnapshot {
  const [snap] = initialTransition(roundMachine, { scenario, seed, roundLimit });
  return snap;
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

export interface Replay {
  /** The snapshot after every event (index i: after events[i]); `initial` before any. */
  readonly initial: RoundSnapshot;
  readonly snapshots: readonly RoundSnapshot[];
  readonly final: RoundSnapshot;
}

/** A failed replay names the first bad event: its index, and the problem with its path in the run (`events[4]…`). */
export type ReplayResult = ({ ok: true } & Replay) | { ok: false; index: number; event: unknown; problem: Problem; partial: Replay };

/** One step: the next snapshot and the stack of round starts (for undo), or why not. */
export function step(
  s: RoundSnapshot,
  starts: readonly RoundSnapshot[],
  e: RunEvent,
): { ok: true; snapshot: RoundSnapshot; starts: readonly RoundSnapshot[] } | { ok: false; problem: string } {
  if (e.type === 'UNDO_ROUND') {
    if (!starts.length) return { ok: false, problem: 'there is no round to undo' };
    return { ok: true, snapshot: starts[starts.length - 1]!, starts: starts.slice(0, -1) };
  }
  const why = rejection(s, e);
  if (why) return { ok: false, problem: why };
  const [next] = transition(roundMachine, s, e);
  return { ok: true, snapshot: next, starts: e.type === 'START_ROUND' ? [...starts, s] : starts };
}

export function replay(scenario: Scenario, seed: number, roundLimit: number, events: readonly unknown[]): ReplayResult {
  const initial = startRun(scenario, seed, roundLimit);
  let s = initial;
  let starts: readonly RoundSnapshot[] = [];
  const snapshots: RoundSnapshot[] = [];
  for (let i = 0; i < events.length; i++) {
    const fail = (problem: Problem): ReplayResult => ({ ok: false, index: i, event: events[i], problem, partial: { initial, snapshots, final: s } });
    const parsed = v.safeParse(EventSchema, events[i], { abortPipeEarly: true });
    if (!parsed.success) return fail(issueProblem(parsed.issues[0], 'run', ['events', i]));
    const e = parsed.output as RunEvent;
    const r = step(s, starts, e);
    if (!r.ok) return fail({ path: pathString(['events', i]), message: `${e.type} is rejected: ${r.problem}` });
    s = r.snapshot;
    starts = r.starts;
    snapshots.push(s);
  }
  return { ok: true, initial, snapshots, final: s };
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
  ],
  'expected an event type: START_ROUND, COMMIT_MOVE, CLOSE_ROUND, OFFER, ANSWER, COUNTER, END_OFFERS, NEXT_ROUND, INJECT or UNDO_ROUND',
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
  const r = replay(scenario, run.seed, run.roundLimit, run.events);
  return r.ok ? { ok: true, replay: r } : refusal([r.problem]);
}

export function exportRun(run: Run): string {
  return JSON.stringify(run, null, 2);
}
