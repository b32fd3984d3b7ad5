/**
 * A run is the scenario, a seed, the seats (who plays each actor: a team or a bot) and the
 * ordered list of events. Folding the events through the round machine with `transition()`
 * reproduces every snapshot exactly; that is how the app restores a run after a reload, how
 * a run file is imported, and how undo works: `UNDO_ROUND` restores the snapshot from just
 * before the latest round that is still standing was started.
 *
 * A malformed or tampered run file is rejected with the first bad event: its index, what it
 * was, and why the machine would not take it.
 */
import * as v from 'valibot';
import { initialTransition, transition, type SnapshotFrom } from 'xstate';
import type { ActorId, Posture, Scenario } from '../domain/types';
import { POSTURES } from '../domain/types';
import { issueMessage } from '../scenario/parse';
import { roundMachine, type RoundEvent, type RoundPhase } from './roundMachine';
import { checkAnswer, checkCommit, checkCounter, checkInject, checkOffer, MAX_ROUNDS, type RoundContext } from './roundLogic';

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

/** Why the machine in this snapshot would not take the event, or null when it would. */
export function rejection(s: RoundSnapshot, e: RoundEvent): string | null {
  const phase = phaseOf(s);
  const c = s.context;
  const wrongPhase = (what: string, phases: RoundPhase[]) => (phases.includes(phase) ? null : `${what} is not possible during the ${phase} phase (only during ${phases.join(' or ')})`);
  switch (e.type) {
    case 'START_ROUND':
      return wrongPhase('starting the round', ['brief']);
    case 'COMMIT_MOVE': {
      const w = phase === 'moves' ? null : `the round is ${phase === 'brief' ? 'not open yet' : 'closed'}: no moves can be entered during the ${phase} phase`;
      if (w) return w;
      const r = checkCommit(c, e.actor, e.move);
      return r.ok ? null : r.reason;
    }
    case 'CLOSE_ROUND':
      return wrongPhase('closing the round', ['moves', 'offers']);
    case 'OFFER': {
      const w = wrongPhase('an offer', ['offers']);
      if (w) return w;
      const r = checkOffer(c, e.offer);
      return r.ok ? null : r.reason;
    }
    case 'ANSWER': {
      const w = wrongPhase('an answer', ['offers']);
      if (w) return w;
      const r = checkAnswer(c, e.offerId, e.by);
      return r.ok ? null : r.reason;
    }
    case 'COUNTER': {
      const w = wrongPhase('a counter-offer', ['offers']);
      if (w) return w;
      const r = checkCounter(c, e.offerId, e.by, e.offer);
      return r.ok ? null : r.reason;
    }
    case 'END_OFFERS':
      return wrongPhase('ending the offers', ['offers']);
    case 'NEXT_ROUND':
      return wrongPhase('the next round', ['debrief']);
    case 'INJECT': {
      const w = wrongPhase('an inject', ['brief', 'moves', 'offers', 'debrief']);
      if (w) return w;
      const r = checkInject(c, e.inject);
      return r.ok ? null : r.reason;
    }
    default:
      return `unknown event type "${(e as { type?: unknown }).type}"`;
  }
}

export interface Replay {
  /** The snapshot after every event (index i: after events[i]); `initial` before any. */
  readonly initial: RoundSnapshot;
  readonly snapshots: readonly RoundSnapshot[];
  readonly final: RoundSnapshot;
}

export type ReplayResult = ({ ok: true } & Replay) | { ok: false; index: number; event: unknown; problem: string; partial: Replay };

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
    const parsed = v.safeParse(EventSchema, events[i]);
    if (!parsed.success) {
      return { ok: false, index: i, event: events[i], problem: formatIssue(parsed.issues[0]), partial: { initial, snapshots, final: s } };
    }
    const r = step(s, starts, parsed.output as RunEvent);
    if (!r.ok) return { ok: false, index: i, event: events[i], problem: r.problem, partial: { initial, snapshots, final: s } };
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
  [v.strictObject({ dimension: Id, delta: Num }), v.strictObject({ dimension: Id, set: v.pipe(Num, v.minValue(0, 'expected a value in [0, 1]'), v.maxValue(1, 'expected a value in [0, 1]')) })],
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
    v.strictObject({ type: v.literal('COMMIT_MOVE'), actor: Id, move: Id, by: v.optional(v.picklist(['team', 'bot', 'teacher'], 'expected team, bot or teacher')), reason: v.optional(Text) }),
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
const SeatS = v.variant('kind', [v.strictObject({ kind: v.literal('team'), team: Text }), v.strictObject({ kind: v.literal('bot'), strategy: v.picklist([...BOT_STRATEGIES], `expected a bot strategy (${BOT_STRATEGIES.join(', ')})`) })], 'expected a seat { kind: "team" | "bot", … }');
const RunHeader = v.strictObject({
  format: v.literal('coreplay-run', 'expected "coreplay-run"'),
  version: v.literal(1, 'expected version 1'),
  title: Text,
  scenario: v.unknown(),
  variants: v.array(Id, 'expected a list of variant ids'),
  seed: v.pipe(v.number('expected a number'), v.integer('expected an integer seed'), v.minValue(0, 'expected a seed ≥ 0'), v.maxValue(2 ** 32 - 1, 'expected a seed below 2^32')),
  roundLimit: v.pipe(v.number('expected a number'), v.integer('expected a whole number of rounds'), v.minValue(1, 'expected at least 1 round'), v.maxValue(MAX_ROUNDS, `expected at most ${MAX_ROUNDS} rounds`)),
  timerSeconds: v.optional(v.pipe(v.number('expected a number'), v.integer('expected whole seconds'), v.minValue(0, 'expected 0 or more seconds'), v.maxValue(3600, 'expected at most 3600 seconds'))),
  seats: v.record(Id, SeatS, 'expected a map of actor → seat'),
  events: v.pipe(v.array(v.unknown(), 'expected a list of events'), v.maxLength(100_000, 'expected at most 100000 events')),
});

function formatIssue(issue: v.BaseIssue<unknown> | undefined): string {
  if (!issue) return 'invalid';
  const path = (issue.path ?? []).map((p) => String((p as { key: unknown }).key)).join('.');
  const message = issueMessage(issue).replace('not part of the scenario format', 'not part of the run format');
  return path ? `at ${path}: ${message}` : message;
}

/** Read a run file's header; the events are checked by replaying them against the scenario. */
export function parseRunHeader(input: unknown): { ok: true; run: Run } | { ok: false; problem: string } {
  let json = input;
  if (typeof input === 'string') {
    try {
      json = JSON.parse(input);
    } catch (e) {
      return { ok: false, problem: `not valid JSON: ${(e as Error).message}` };
    }
  }
  const r = v.safeParse(RunHeader, json);
  if (!r.success) return { ok: false, problem: `run file ${formatIssue(r.issues[0])}` };
  return { ok: true, run: r.output as unknown as Run };
}

/** Check a run's seats and events against its (parsed) scenario. */
export function checkRun(run: Run, scenario: Scenario): { ok: true; replay: Replay } | { ok: false; problem: string } {
  for (const a of Object.keys(run.seats)) if (!scenario.actors.some((x) => x.id === a)) return { ok: false, problem: `at seats.${a}: no actor "${a}" in the scenario` };
  const r = replay(scenario, run.seed, run.roundLimit, run.events);
  if (!r.ok) {
    const type = (r.event as { type?: unknown })?.type;
    return { ok: false, problem: `event ${r.index + 1} (events.${r.index}${typeof type === 'string' ? `, ${type}` : ''}) is rejected: ${r.problem}` };
  }
  return { ok: true, replay: r };
}

export function exportRun(run: Run): string {
  return JSON.stringify(run, null, 2);
}
