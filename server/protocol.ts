/**
 * The room protocol: every message name, payload schema (valibot), acknowledgement shape, error
 * code and size cap, in one module. server/README.md explains it; this file is the statement
 * the server checks every message against.
 *
 * The module is pure (valibot and model types only: no Node, no Socket.IO) so that a client
 * can share it. Transport: Socket.IO 4 on the app's own origin, default namespace, path
 * `/socket.io`. A client emits `name` with one payload object and an acknowledgement callback;
 * the server answers every message through the callback with an `Ack` and pushes `state`,
 * `history`, `seat` and `closed` (ServerEvents).
 */
import * as v from 'valibot';
import type { ActorId, MoveId, Posture } from '../models/domain/types';
import type { Holdings } from '../models/domain/legality';
import type { Scenario } from '../models/domain/types';
import {
  BOT_STRATEGIES,
  MAX_ROUNDS,
  type Commitment,
  type Deal,
  type InjectRecord,
  type OfferRecord,
  type RoundPhase,
  type RoundRecord,
  type Seat,
} from '../models/machines/index';

export const PROTOCOL_VERSION = 1;

// ---- Codes and secrets ---------------------------------------------------------------------

/** Join-code alphabet: 28 symbols, none of 0 O 1 I L (nor 2 5 8, which read as Z S B). */
export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ34679';
export const CODE_LENGTH = 8;

/** Upper-cases a typed code and drops spaces and dashes ("abcd-efgh" → "ABCDEFGH"). */
export function normalizeCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '');
}

// ---- Errors and acknowledgements -------------------------------------------------------------

export const ERROR_CODES = [
  'bad_request', // the payload does not match the message's schema (the message names the path)
  'too_large', // the payload is over the message's size cap
  'unknown_message', // no such message name
  'rate_limited', // the socket sent too many messages: retry after retryAfterMs
  'too_many_attempts', // too many failed joins (wrong codes, keys or tokens) from this connection or address
  'unknown_room', // no open room has this code
  'room_closed', // the room has ended or expired
  'forbidden', // wrong key, or the socket's role may not send this message
  'bad_token', // the seat token is unknown (forged, or from another room)
  'kicked', // the teacher removed this device: its token no longer works
  'not_joined', // the socket has not joined a room
  'pending', // the device waits for the teacher to admit it
  'unknown_seat', // no team of the run has this name / no such device
  'not_your_actor', // the action is for an actor the seat does not play
  'rejected', // the round machine refused the event (wrong phase, illegal move, …); the message says why
  'stale', // the `rev` sent is not the room's current revision
  'full', // a cap is reached (devices per team or room, messages per room, offers per round, open rooms)
  'internal', // the server failed (storage); nothing was changed
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ProtocolError {
  readonly code: ErrorCode;
  readonly message: string;
  /** With rate_limited and too_many_attempts: when a retry can succeed. */
  readonly retryAfterMs?: number;
}

/** Every acknowledgement: `{ ok: true, …data }` or `{ ok: false, error }`. */
export type Ack<T extends object = object> = ({ readonly ok: true } & T) | { readonly ok: false; readonly error: ProtocolError };

// ---- Limits ----------------------------------------------------------------------------------

/** Payload caps per message, in characters of the payload's JSON (checked before the schema). */
export const MESSAGE_CAPS: Readonly<Record<ClientEventName, number>> = {
  'room:create': 1_000_000,
  'room:join': 1_000,
  'team:commit': 1_000,
  'team:offer': 1_000,
  'team:answer': 1_000,
  'team:counter': 1_000,
  'team:message': 4_500,
  'teacher:run': 20_000,
  'teacher:timer': 200,
  'teacher:admit': 300,
  'teacher:assign': 500,
  'teacher:kick': 300,
  'teacher:end': 200,
  'teacher:export': 200,
};
/** Socket.IO's maxHttpBufferSize: one packet (the largest message plus framing). */
export const MAX_PACKET_BYTES = 1_100_000;
export const MESSAGE_TEXT_CHARS = 1_000;
export const NAME_CHARS = 40;
export const TEAM_CHARS = 60;

// ---- Schemas of client messages --------------------------------------------------------------

const Int = (min: number, max: number, what: string) =>
  v.pipe(
    v.number(`expected ${what}`),
    v.integer(`expected a whole number for ${what}`),
    v.minValue(min, `expected ${what} ≥ ${min}`),
    v.maxValue(max, `expected ${what} ≤ ${max}`),
  );
const Str = (max: number, what: string) =>
  v.pipe(
    v.string(`expected ${what} as a string`),
    v.minLength(1, `expected a non-empty ${what}`),
    v.maxLength(max, `expected ${what} of at most ${max} characters`),
  );
const Id = Str(200, 'an id');
const Code = v.pipe(
  v.string('expected a join code'),
  v.maxLength(40, 'expected a join code'),
  v.transform(normalizeCode),
  v.length(CODE_LENGTH, `expected a join code of ${CODE_LENGTH} characters`),
  v.regex(new RegExp(`^[${CODE_ALPHABET}]+$`), 'expected a join code (letters and digits, no 0, O, 1, I or L)'),
);
const Secret = v.pipe(v.string('expected a key'), v.minLength(10, 'expected a key'), v.maxLength(100, 'expected a key'));
const Rev = v.optional(Int(0, 1e9, 'rev'));
const TeamName = v.pipe(
  v.string('expected a team name'),
  v.trim(),
  v.minLength(1, 'expected a non-empty team name'),
  v.maxLength(TEAM_CHARS, `expected a team name of at most ${TEAM_CHARS} characters`),
);

const SeatSchema = v.variant(
  'kind',
  [
    v.strictObject({ kind: v.literal('team'), team: TeamName }),
    v.strictObject({ kind: v.literal('bot'), strategy: v.picklist([...BOT_STRATEGIES], `expected a bot strategy (${BOT_STRATEGIES.join(', ')})`) }),
  ],
  'expected a seat { kind: "team", team } or { kind: "bot", strategy }',
);

export const CreateSchema = v.strictObject({
  title: v.optional(v.pipe(v.string(), v.maxLength(200, 'expected a title of at most 200 characters'))),
  scenario: v.union(
    [v.strictObject({ builtin: Str(64, 'a built-in scenario name') }), v.strictObject({ document: v.unknown() })],
    'expected { builtin: "belarus" } or { document: {…} }',
  ),
  variants: v.optional(v.pipe(v.array(Id, 'expected a list of variant ids'), v.maxLength(20, 'expected at most 20 variants')), []),
  seed: Int(0, 2 ** 32 - 1, 'a seed'),
  roundLimit: Int(1, MAX_ROUNDS, 'a number of rounds'),
  timerSeconds: v.optional(Int(0, 3600, 'timer seconds'), 0),
  /** Actor → seat; actors left out are played by best-response bots. At least one team seat. */
  seats: v.pipe(
    v.record(Id, SeatSchema, 'expected a map of actor → seat'),
    v.check((r) => Object.keys(r).length <= 64, 'expected at most 64 seats'),
  ),
  /** 'teacher' (default): a new device waits until the teacher admits it; 'open': it plays at once. */
  admission: v.optional(v.picklist(['teacher', 'open'], 'expected admission "teacher" or "open"'), 'teacher'),
});
export type CreateRequest = v.InferInput<typeof CreateSchema>;

export const JoinSchema = v.variant(
  'role',
  [
    v.strictObject({ role: v.literal('teacher'), code: Code, key: Secret }),
    v.strictObject({ role: v.literal('projector'), code: Code, key: Secret }),
    /** A new device claims a team seat … */
    v.strictObject({
      role: v.literal('team'),
      code: Code,
      team: TeamName,
      name: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(NAME_CHARS, `expected a device name of at most ${NAME_CHARS} characters`))),
    }),
    /** … or a known device comes back with its seat token. */
    v.strictObject({ role: v.literal('device'), code: Code, token: Secret }),
  ],
  'expected a role: teacher, projector, team or device',
);
export type JoinRequest = v.InferInput<typeof JoinSchema>;

/** `actor` may be left out when the team plays one actor. `rev`, when sent, must equal the room's revision. */
export const CommitSchema = v.strictObject({
  actor: v.optional(Id),
  move: Id,
  note: v.optional(v.pipe(v.string(), v.maxLength(500, 'expected a note of at most 500 characters'))),
  rev: Rev,
});
/** "I (`from`, one of my actors) play `give` next round if `to` plays `get`". The server names the offer. */
export const OfferSchema = v.strictObject({ from: v.optional(Id), to: Id, give: Id, get: Id, rev: Rev });
export const AnswerSchema = v.strictObject({ offerId: Id, answer: v.picklist(['accept', 'reject'], 'expected accept or reject'), rev: Rev });
/** A counter to an offer made to one of my actors: I play `give` if the proposer plays `get`. */
export const CounterSchema = v.strictObject({ offerId: Id, give: Id, get: Id, rev: Rev });
/** Newlines are fine in a message; other control characters (C0 and DEL) are not. */
function noControlCharacters(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c < 32 && c !== 10) || c === 127) return false;
  }
  return true;
}

export const MessageSchema = v.strictObject({
  to: TeamName,
  text: v.pipe(
    v.string('expected a text'),
    v.trim(),
    v.minLength(1, 'expected a non-empty text'),
    v.maxLength(MESSAGE_TEXT_CHARS, `expected a text of at most ${MESSAGE_TEXT_CHARS} characters`),
    v.check(noControlCharacters, 'expected no control characters but newlines'),
  ),
});

const EffectS = v.union(
  [
    v.strictObject({ dimension: Id, delta: v.pipe(v.number(), v.finite()) }),
    v.strictObject({ dimension: Id, set: v.pipe(v.number(), v.minValue(0), v.maxValue(1)) }),
  ],
  'expected an effect { dimension, delta } or { dimension, set }',
);
const InjectS = v.strictObject({
  id: Id,
  label: v.pipe(v.string(), v.maxLength(2000)),
  effects: v.optional(v.pipe(v.array(EffectS), v.maxLength(100))),
  postures: v.optional(v.record(Id, v.picklist(['engaged', 'hedging', 'hardline', 'walkedAway'] satisfies Posture[]))),
});
/** The teacher's round events (the run's own events, sent as they are written in a run file). */
export const TeacherRunSchema = v.strictObject({
  event: v.variant(
    'type',
    [
      v.strictObject({ type: v.literal('START_ROUND') }),
      v.strictObject({ type: v.literal('CLOSE_ROUND') }),
      v.strictObject({ type: v.literal('END_OFFERS') }),
      v.strictObject({ type: v.literal('NEXT_ROUND') }),
      v.strictObject({ type: v.literal('UNDO_ROUND') }),
      v.strictObject({ type: v.literal('INJECT'), inject: InjectS }),
      v.strictObject({ type: v.literal('UNDO_INJECT') }),
    ],
    'expected a teacher event: START_ROUND, CLOSE_ROUND, END_OFFERS, NEXT_ROUND, UNDO_ROUND, INJECT or UNDO_INJECT',
  ),
  rev: Rev,
});
export const TimerSchema = v.variant(
  'action',
  [
    v.strictObject({ action: v.literal('pause') }),
    v.strictObject({ action: v.literal('resume') }),
    /** Set the per-round seconds (0 = no timer); during the moves phase it restarts the countdown. */
    v.strictObject({ action: v.literal('set'), seconds: Int(0, 3600, 'timer seconds') }),
  ],
  'expected a timer action: pause, resume or set',
);
export const DeviceSchema = v.strictObject({ deviceId: Str(40, 'a device id') });
export const AssignSchema = v.strictObject({ deviceId: Str(40, 'a device id'), team: TeamName });
export const EmptySchema = v.strictObject({});

export const CLIENT_SCHEMAS = {
  'room:create': CreateSchema,
  'room:join': JoinSchema,
  'team:commit': CommitSchema,
  'team:offer': OfferSchema,
  'team:answer': AnswerSchema,
  'team:counter': CounterSchema,
  'team:message': MessageSchema,
  'teacher:run': TeacherRunSchema,
  'teacher:timer': TimerSchema,
  'teacher:admit': DeviceSchema,
  'teacher:assign': AssignSchema,
  'teacher:kick': DeviceSchema,
  'teacher:end': EmptySchema,
  'teacher:export': EmptySchema,
} as const;
export type ClientEventName = keyof typeof CLIENT_SCHEMAS;
export type ClientPayload<E extends ClientEventName> = v.InferOutput<(typeof CLIENT_SCHEMAS)[E]>;

// ---- What the server sends -------------------------------------------------------------------

export type Role = 'teacher' | 'projector' | 'team';
export type DeviceStatus = 'pending' | 'active' | 'kicked';
export type RoomStatus = 'open' | 'ended' | 'expired';

/** The run's header as a room's clients see it: the scenario with its variants applied, as the machine uses it. */
export interface RunInfo {
  readonly title: string;
  readonly scenario: Scenario;
  readonly variants: readonly string[];
  readonly seed: number;
  readonly roundLimit: number;
  readonly timerSeconds: number;
  readonly seats: Readonly<Record<ActorId, Seat>>;
}

export interface TimerView {
  /** Seconds per round (0 = no timer). */
  readonly seconds: number;
  /** Server clock (ms) when the countdown reaches 0, while it runs; compare with `serverNow`. */
  readonly endsAt: number | null;
  /** While paused: the milliseconds left. */
  readonly pausedRemainingMs: number | null;
}

export interface TeamView {
  readonly team: string;
  readonly actors: readonly ActorId[];
  /** Admitted devices, and how many of them are connected now. */
  readonly devices: number;
  readonly connected: number;
}

/** A private message between two teams: the two teams and the teacher see it; the projector never. */
export interface MessageView {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly text: string;
  readonly at: number;
  readonly round: number;
  readonly phase: RoundPhase;
  /** How many run events were accepted before it (its place in the run). */
  readonly afterEvent: number;
}

export interface DeviceView {
  readonly deviceId: string;
  readonly team: string;
  readonly name: string;
  readonly status: DeviceStatus;
  readonly connected: boolean;
}

/**
 * One seat's view of the room. Teams see their own actors' moves of this round and only whether
 * the others have committed, until the reveal (the end of the moves phase); the projector sees
 * who has committed; the teacher sees everything.
 */
export interface Projection {
  readonly code: string;
  readonly role: Role;
  readonly team: string | null;
  /** The actors this viewer plays (team), none (projector) or all (teacher). */
  readonly actors: readonly ActorId[];
  readonly status: RoomStatus;
  /** How many run events the room has accepted (send it back as `rev` to guard an action). */
  readonly rev: number;
  /** Changes whenever the history of resolved rounds changes (a `history` message follows). */
  readonly historyRev: number;
  readonly phase: RoundPhase;
  readonly round: number;
  readonly roundLimit: number;
  readonly world: readonly number[];
  readonly postures: Readonly<Record<ActorId, Posture>>;
  readonly holdings: Holdings;
  readonly hasCommitted: Readonly<Record<ActorId, boolean>>;
  readonly committed: Readonly<Record<ActorId, Commitment>>;
  readonly offers: readonly OfferRecord[];
  /** Deals closed this round (due next round) and deals falling due this round. */
  readonly deals: readonly Deal[];
  readonly due: readonly Deal[];
  readonly injects: readonly InjectRecord[];
  readonly teams: readonly TeamView[];
  readonly timer: TimerView;
  readonly serverNow: number;
  readonly messages: readonly MessageView[];
  /** The teacher only: every device of the room. */
  readonly devices?: readonly DeviceView[];
  /** The teacher only: the label of the inject "Undo the last inject" would take back, if any. */
  readonly undoableInject?: string | null;
}

export interface HistoryMessage {
  readonly historyRev: number;
  readonly rounds: readonly RoundRecord[];
}

/** The `seat` message: this device's seat changed (admitted, moved to another team). */
export interface SeatMessage {
  readonly deviceId: string;
  readonly team: string;
  readonly status: DeviceStatus;
  /** Present once the device is admitted. */
  readonly run?: RunInfo;
}

export interface ClosedMessage {
  readonly reason: 'ended' | 'expired' | 'kicked';
  readonly message: string;
}

/** `refused`: answer to a message sent without an acknowledgement callback. */
export interface RefusedMessage {
  readonly event: string;
  readonly error: ProtocolError;
}

export interface ServerEvents {
  state: (p: Projection) => void;
  history: (h: HistoryMessage) => void;
  seat: (s: SeatMessage) => void;
  closed: (c: ClosedMessage) => void;
  refused: (r: RefusedMessage) => void;
}

// ---- Acknowledgement payloads ----------------------------------------------------------------

export interface CreateAck {
  readonly code: string;
  /** Secret: proves the teacher (join with role "teacher"). */
  readonly teacherKey: string;
  /** Secret: opens the projector view only (join with role "projector"). */
  readonly projectorKey: string;
}

export interface JoinAck {
  readonly role: Role;
  readonly code: string;
  /** Devices (team / device roles): the device and its seat. */
  readonly deviceId?: string;
  readonly team?: string;
  readonly status?: DeviceStatus;
  /** A new device only: the secret to come back with (join with role "device"). */
  readonly token?: string;
  /** Absent while the device is pending. */
  readonly run?: RunInfo;
  readonly state?: Projection;
  readonly history?: HistoryMessage;
  /** The teacher only: the projector's key (derived from the teacher key), so that a console opened on another device has the projector's link. */
  readonly projectorKey?: string;
}

/** Accepted actions answer with the room's new revision (and the offer's id for offers and counters). */
export interface ActionAck {
  readonly rev: number;
  readonly offerId?: string;
  readonly messageId?: string;
}

export interface ExportAck {
  /** The run file, exactly as the single-screen app exports it (models/machines exportRun). */
  readonly runFile: string;
  /** The private messages, a side file: { format: 'coreplay-room-messages', version: 1, code, title, messages }. */
  readonly messagesFile: string;
}

export interface ClientAcks {
  'room:create': Ack<CreateAck>;
  'room:join': Ack<JoinAck>;
  'team:commit': Ack<ActionAck>;
  'team:offer': Ack<ActionAck>;
  'team:answer': Ack<ActionAck>;
  'team:counter': Ack<ActionAck>;
  'team:message': Ack<ActionAck>;
  'teacher:run': Ack<ActionAck>;
  'teacher:timer': Ack<ActionAck>;
  'teacher:admit': Ack<ActionAck>;
  'teacher:assign': Ack<ActionAck>;
  'teacher:kick': Ack<ActionAck>;
  'teacher:end': Ack<ActionAck & ExportAck>;
  'teacher:export': Ack<ExportAck>;
}

export type { ActorId, MoveId };
