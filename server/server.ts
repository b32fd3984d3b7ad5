/**
 * The room server: one HTTP server for the production build (static.ts) and the rooms
 * (Socket.IO, protocol.ts). Authoritative: a client sends intentions (commit this move, start
 * the round); the server checks them against the sender's seat and the round machine, appends
 * what it accepts to the room's log (store.ts), lets the bots answer, and sends every client its
 * projection (projection.ts). It never takes a state from a client.
 *
 * Every message passes, in order: the socket's rate limit (token bucket), a known message name,
 * one payload and an acknowledgement, the message's size cap, its schema; then the sender's
 * role and seat. A refusal is an acknowledgement `{ ok: false, error: { code, message } }`;
 * nothing a client sends can throw out of a handler.
 */
import { createServer as createHttpServer, type IncomingMessage, type Server as HttpServer } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { Server, type DefaultEventsMap, type Socket } from 'socket.io';
import * as v from 'valibot';
import { exportRun, type RunEvent } from '../models/machines/index';
import { KeyedBuckets, TokenBucket, type BucketSpec } from './limits';
import { project, sharedParts, type Viewer } from './projection';
import {
  CLIENT_SCHEMAS,
  MAX_PACKET_BYTES,
  MESSAGE_CAPS,
  type Ack,
  type ActionAck,
  type ClientEventName,
  type ClientPayload,
  type CreateAck,
  type ErrorCode,
  type ExportAck,
  type HistoryMessage,
  type JoinAck,
  type MessageView,
  type ProtocolError,
  type Role,
  type SeatMessage,
} from './protocol';
import { workerBots, type BotRunner } from './bots';
import { NO_TIMER, Room, freshSession } from './room';
import { headerScenario, ScenarioCache, seatsFor } from './scenarios';
import { hashSecret, newCode, newDeviceId, newSecret, projectorKeyOf, sameHash } from './secrets';
import { staticHandler } from './static';
import type { DeviceRow, LogEntry, RoomRecord, RoomStore, RunHeader } from './store';

/**
 * The WebSocket server engine.io uses, loaded from the `ws` package's Node entry by its path: a
 * process resolving with the "browser" condition (Vitest under vite-plugin-solid runs so) would
 * otherwise hand engine.io the browser stub of `ws`, which has no server. It is the `ws` that
 * engine.io itself resolves.
 */
const fromEngine = createRequire(createRequire(createRequire(import.meta.url).resolve('socket.io')).resolve('engine.io'));
const { WebSocketServer } = fromEngine(join(dirname(fromEngine.resolve('ws/package.json')), 'index.js')) as typeof import('ws');

export interface Clock {
  now(): number;
}

export interface Limits {
  /** Every message of a socket. */
  readonly messages: BucketSpec;
  /** Failed joins (unknown code, wrong key, unknown token) per socket … */
  readonly joinFailuresPerSocket: BucketSpec;
  /** … and per address. */
  readonly joinFailuresPerAddress: BucketSpec;
  /** Rooms opened per address. */
  readonly createsPerAddress: BucketSpec;
  readonly maxOpenRooms: number;
  readonly maxDevicesPerTeam: number;
  readonly maxDevicesPerRoom: number;
  readonly maxMessagesPerRoom: number;
  /** Offers and counters in one round of a room (each is in every projection of the round). */
  readonly maxOffersPerRound: number;
}

export const DEFAULT_LIMITS: Limits = {
  messages: { capacity: 40, perSecond: 20 },
  joinFailuresPerSocket: { capacity: 5, perSecond: 0.2 },
  joinFailuresPerAddress: { capacity: 30, perSecond: 0.5 },
  createsPerAddress: { capacity: 60, perSecond: 1 / 60 },
  maxOpenRooms: 1_000,
  maxDevicesPerTeam: 8,
  maxDevicesPerRoom: 100,
  maxMessagesPerRoom: 2_000,
  maxOffersPerRound: 200,
};

export interface ServerOptions {
  readonly store: RoomStore;
  readonly clock?: Clock;
  /** The production build to serve (null: only the rooms; the pages answer 503). */
  readonly distDir?: string | null;
  /** A room with no accepted action or join for this long expires (default 6 hours). */
  readonly idleMs?: number;
  /** How often expired rooms are swept (default 60 s; 0: only when `sweep()` is called). */
  readonly sweepIntervalMs?: number;
  readonly limits?: Partial<Limits>;
  /** Origins allowed to open a socket: 'same-host' (default: the page's own host, or no Origin header, as from Node), or a list. */
  readonly allowedOrigins?: 'same-host' | readonly string[];
  /** Take the client address from X-Forwarded-For (behind a reverse proxy that sets it). */
  readonly trustProxy?: boolean;
  /** How long a dropped connection may come back with its state (Socket.IO connection-state recovery), default 2 minutes. */
  readonly recoveryMs?: number;
  readonly log?: (line: string) => void;
  /** Where the bots compute their answers (default: one worker thread, `workerBots(1)`; closed with the server). */
  readonly bots?: BotRunner;
}

export interface RoomServer {
  readonly http: HttpServer;
  readonly io: Server;
  /** The rooms open in this process, by code. */
  readonly rooms: ReadonlyMap<string, Room>;
  listen(port: number, host: string): Promise<{ host: string; port: number; url: string }>;
  /** Expires idle rooms now; returns their codes. */
  sweep(): Promise<string[]>;
  /** Stops accepting connections and closes every socket (the store is the caller's to close). */
  close(): Promise<void>;
}

interface SocketData {
  bucket: TokenBucket;
  joinFailures: TokenBucket;
  address: string;
  code?: string;
  role?: Role;
  team?: string;
  deviceId?: string;
}

type RoomSocket = Socket<DefaultEventsMap, DefaultEventsMap, DefaultEventsMap, SocketData>;

class Refusal extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

const fail = (code: ErrorCode, message: string, retryAfterMs?: number): never => {
  throw new Refusal(code, message, retryAfterMs);
};

const errorOf = (e: Refusal): ProtocolError => ({
  code: e.code,
  message: e.message,
  ...(e.retryAfterMs !== undefined ? { retryAfterMs: e.retryAfterMs } : {}),
});

/** Socket.IO room names: everyone of a room (for `closed`), and each audience of a projection. */
const ch = {
  all: (code: string) => `${code}`,
  teacher: (code: string) => `${code}|teacher`,
  projector: (code: string) => `${code}|projector`,
  team: (code: string, team: string) => `${code}|team|${team}`,
  device: (code: string, id: string) => `${code}|device|${id}`,
};

export async function createServer(opts: ServerOptions): Promise<RoomServer> {
  const store = opts.store;
  const clock = opts.clock ?? { now: () => Date.now() };
  const limits: Limits = { ...DEFAULT_LIMITS, ...opts.limits };
  const idleMs = opts.idleMs ?? 6 * 3600_000;
  const log = opts.log ?? ((line: string) => console.error(line));
  const rooms = new Map<string, Room>();
  const bots = opts.bots ?? workerBots(1, log);
  const scenarios = new ScenarioCache();
  const joinFailuresByAddress = new KeyedBuckets(limits.joinFailuresPerAddress);
  const createsByAddress = new KeyedBuckets(limits.createsPerAddress);
  let closed = false;

  // ---- Restore every open room from its log ----
  for (const code of await store.listOpenRooms()) {
    const stored = await store.loadRoom(code);
    if (!stored) continue;
    if (clock.now() - stored.room.lastActive > idleMs) {
      await store.setStatus(code, 'expired');
      continue;
    }
    const sc = headerScenario(stored.room.header);
    const r = sc.ok ? Room.restore(stored, sc.scenario) : sc;
    if (!r.ok) {
      log(`room ${code} not restored: ${r.problem}`);
      continue;
    }
    rooms.set(code, r.room);
  }

  const onRequest = staticHandler(opts.distDir ?? null);
  const http = createHttpServer((req, res) => {
    // Socket.IO answers its own path before this handler runs.
    onRequest(req, res);
  });
  const allowed = opts.allowedOrigins ?? 'same-host';
  const io = new Server<DefaultEventsMap, DefaultEventsMap, DefaultEventsMap, SocketData>(http, {
    serveClient: false,
    wsEngine: WebSocketServer,
    maxHttpBufferSize: MAX_PACKET_BYTES,
    connectionStateRecovery: { maxDisconnectionDuration: opts.recoveryMs ?? 120_000, skipMiddlewares: true },
    allowRequest: (req, cb) => cb(null, originAllowed(req, allowed)),
  });

  // ---- Broadcasting projections (coalesced per room within one turn of the event loop) ----
  const dirty = new Set<Room>();
  const lastHistoryRev = new WeakMap<Room, number>();
  let flushScheduled = false;
  const markDirty = (room: Room) => {
    dirty.add(room);
    if (!flushScheduled) {
      flushScheduled = true;
      setImmediate(flush);
    }
  };
  const socketsIn = (name: string): RoomSocket[] =>
    [...(io.sockets.adapter.rooms.get(name) ?? [])].map((id) => io.sockets.sockets.get(id)).filter((x): x is RoomSocket => !!x);
  const has = (name: string) => (io.sockets.adapter.rooms.get(name)?.size ?? 0) > 0;
  const historyOf = (room: Room): HistoryMessage => ({ historyRev: room.historyRev, rounds: room.session.snapshot.context.history });
  const audiences = (room: Room): [string, Viewer][] => [
    [ch.teacher(room.code), { role: 'teacher' }],
    [ch.projector(room.code), { role: 'projector' }],
    ...[...room.teams.keys()].map((team): [string, Viewer] => [ch.team(room.code, team), { role: 'team', team }]),
  ];
  function flush(): void {
    flushScheduled = false;
    if (closed) return;
    const now = clock.now();
    for (const room of dirty) {
      if (!rooms.has(room.code)) continue;
      const view = room.view();
      const targets = audiences(room).filter(([name]) => has(name));
      const shared = sharedParts(view);
      for (const [name, viewer] of targets) io.to(name).emit('state', project(view, viewer, now, shared));
      if (lastHistoryRev.get(room) !== room.historyRev) {
        lastHistoryRev.set(room, room.historyRev);
        if (targets.length) io.to(targets.map(([name]) => name)).emit('history', historyOf(room));
      }
    }
    dirty.clear();
  }
  /** Sends one socket (or a device's sockets) the room as its seat sees it now. */
  const sendNow = (to: string | RoomSocket, room: Room, viewer: Viewer) => {
    const target = typeof to === 'string' ? io.to(to) : to;
    target.emit('state', project(room.view(), viewer, clock.now()));
    target.emit('history', historyOf(room));
  };

  // ---- Rooms: open, close ----
  async function openRoom(p: ClientPayload<'room:create'>, address: string): Promise<CreateAck> {
    const wait = createsByAddress.get(address, clock.now()).take(clock.now());
    if (wait) fail('rate_limited', 'too many rooms opened from this address', wait);
    if (rooms.size >= limits.maxOpenRooms) fail('full', `the server holds ${limits.maxOpenRooms} open rooms: end one first`);
    const sc = await scenarios.resolve(p.scenario, p.variants);
    if (!sc.ok) return fail('bad_request', sc.problem);
    const seats = seatsFor(sc.scenario, p.seats);
    if (!seats.ok) return fail('bad_request', seats.problem);
    const header: RunHeader = {
      format: 'coreplay-run',
      version: 1,
      title: p.title?.trim() || `${sc.scenario.title} — class run`,
      scenario: sc.doc,
      variants: p.variants,
      seed: p.seed,
      roundLimit: p.roundLimit,
      timerSeconds: p.timerSeconds,
      seats: seats.seats,
    };
    const teacherKey = newSecret();
    const projectorKey = projectorKeyOf(teacherKey);
    const now = clock.now();
    for (let attempt = 0; attempt < 8; attempt++) {
      const code = newCode();
      if (rooms.has(code) || (await store.roomStatus(code)) !== undefined) continue;
      const record: RoomRecord = {
        code,
        createdAt: now,
        lastActive: now,
        status: 'open',
        teacherKeyHash: hashSecret(teacherKey),
        projectorKeyHash: hashSecret(projectorKey),
        header,
        options: { admission: p.admission },
        timer: { ...NO_TIMER, seconds: p.timerSeconds },
      };
      await store.createRoom(record);
      rooms.set(code, new Room(record, sc.scenario, freshSession(sc.scenario, header)));
      return { code, teacherKey, projectorKey };
    }
    return fail('internal', 'could not draw a free join code');
  }

  function exportOf(room: Room): ExportAck {
    return {
      runFile: exportRun(room.session.run),
      messagesFile: JSON.stringify(
        { format: 'coreplay-room-messages', version: 1, code: room.code, title: room.header.title, messages: room.messages },
        null,
        2,
      ),
    };
  }

  /** Ends or expires a room: its clients are told and disconnected, and it leaves memory (its log stays). */
  async function closeRoom(room: Room, status: 'ended' | 'expired'): Promise<void> {
    room.status = status;
    rooms.delete(room.code);
    dirty.delete(room);
    await store.setStatus(room.code, status);
    const message = status === 'ended' ? 'the teacher ended the room' : 'the room expired after a long idle time';
    // After the current acknowledgement (the teacher's `teacher:end`) has gone out.
    setImmediate(() => {
      io.to(ch.all(room.code)).emit('closed', { reason: status, message });
      io.in(ch.all(room.code)).disconnectSockets(false);
    });
  }

  async function sweep(): Promise<string[]> {
    const now = clock.now();
    const out: string[] = [];
    for (const room of [...rooms.values()]) {
      if (now - room.lastActive <= idleMs) continue;
      await room.serial(async () => {
        if (room.status === 'open' && now - room.lastActive > idleMs) {
          await closeRoom(room, 'expired');
          out.push(room.code);
        }
      });
    }
    joinFailuresByAddress.prune(now);
    createsByAddress.prune(now);
    return out;
  }
  const sweeper =
    (opts.sweepIntervalMs ?? 60_000) > 0
      ? setInterval(() => void sweep().catch((e) => log(`sweep failed: ${String(e)}`)), opts.sweepIntervalMs ?? 60_000)
      : null;
  sweeper?.unref();

  // ---- Joining ----
  function roomOfSocket(socket: RoomSocket): Room {
    const code = socket.data.code;
    if (!code) return fail('not_joined', 'join a room first (room:join)');
    const room = rooms.get(code);
    if (room?.status !== 'open') return fail('room_closed', 'the room has ended');
    return room;
  }

  function detach(socket: RoomSocket): void {
    const { code, deviceId } = socket.data;
    if (!code) return;
    for (const name of [...socket.rooms]) if (name !== socket.id) socket.leave(name);
    const room = rooms.get(code);
    if (room && deviceId) {
      room.connected[deviceId] = Math.max(0, (room.connected[deviceId] ?? 1) - 1);
      markDirty(room);
    }
    socket.data.code = socket.data.role = socket.data.team = socket.data.deviceId = undefined;
  }

  /** Puts a socket into the channels of its seat (the device must be active to get a team's channel). */
  function attach(socket: RoomSocket, room: Room, role: Role, device?: DeviceRow): void {
    socket.data.code = room.code;
    socket.data.role = role;
    socket.join(ch.all(room.code));
    if (role === 'teacher') socket.join(ch.teacher(room.code));
    else if (role === 'projector') socket.join(ch.projector(room.code));
    else if (device) {
      socket.data.deviceId = device.deviceId;
      socket.data.team = device.team;
      socket.join(ch.device(room.code, device.deviceId));
      if (device.status === 'active') socket.join(ch.team(room.code, device.team));
      room.connected[device.deviceId] = (room.connected[device.deviceId] ?? 0) + 1;
      markDirty(room);
    }
  }

  function failedJoin(socket: RoomSocket, code: ErrorCode, message: string): never {
    const now = clock.now();
    socket.data.joinFailures.take(now);
    joinFailuresByAddress.get(socket.data.address, now).take(now);
    return fail(code, message);
  }

  async function join(socket: RoomSocket, p: ClientPayload<'room:join'>): Promise<JoinAck> {
    const now = clock.now();
    const wait = Math.max(socket.data.joinFailures.wait(now), joinFailuresByAddress.get(socket.data.address, now).wait(now));
    if (wait) fail('too_many_attempts', 'too many failed attempts to join: wait before trying again', wait);
    const room = rooms.get(p.code);
    if (!room) {
      const status = await store.roomStatus(p.code);
      if (status === 'ended' || status === 'expired') return failedJoin(socket, 'room_closed', `room ${p.code} has ${status}`);
      return failedJoin(socket, 'unknown_room', `no open room has the code ${p.code}`);
    }
    return room.serial(async () => {
      if (room.status !== 'open') return fail('room_closed', `room ${room.code} has ${room.status}`);
      const base = { code: room.code };
      const full = (viewer: Viewer) => ({ run: room.runInfo(), state: project(room.view(), viewer, clock.now()), history: historyOf(room) });
      if (p.role === 'teacher' || p.role === 'projector') {
        const want = p.role === 'teacher' ? room.teacherKeyHash : room.projectorKeyHash;
        if (!sameHash(hashSecret(p.key), want)) return failedJoin(socket, 'forbidden', `wrong ${p.role} key for room ${room.code}`);
        detach(socket);
        attach(socket, room, p.role);
        await touch(room);
        // Rooms opened before the projector key was derived from the teacher key have none to give.
        const projectorKey =
          p.role === 'teacher' && sameHash(hashSecret(projectorKeyOf(p.key)), room.projectorKeyHash) ? { projectorKey: projectorKeyOf(p.key) } : {};
        return { ...base, role: p.role, ...projectorKey, ...full({ role: p.role }) };
      }
      let device: DeviceRow;
      let token: string | undefined;
      if (p.role === 'device') {
        const id = room.byToken.get(hashSecret(p.token));
        if (!id) return failedJoin(socket, 'bad_token', 'this seat token is not valid in this room');
        device = room.devices.get(id)!;
        if (device.status === 'kicked') return fail('kicked', 'the teacher removed this device from the room');
      } else {
        if (!room.teams.has(p.team)) return fail('unknown_seat', `no team "${p.team}" in this run (teams: ${[...room.teams.keys()].join(', ')})`);
        const live = [...room.devices.values()].filter((d) => d.status !== 'kicked');
        if (live.length >= limits.maxDevicesPerRoom) return fail('full', `the room has ${limits.maxDevicesPerRoom} devices`);
        if (live.filter((d) => d.team === p.team).length >= limits.maxDevicesPerTeam)
          return fail('full', `team "${p.team}" has ${limits.maxDevicesPerTeam} devices`);
        token = newSecret();
        device = {
          deviceId: newDeviceId(),
          tokenHash: hashSecret(token),
          team: p.team,
          name: p.name || `device ${room.devices.size + 1}`,
          status: room.options.admission === 'open' ? 'active' : 'pending',
          createdAt: now,
        };
        await store.putDevice(room.code, device);
        room.addDevice(device);
      }
      detach(socket);
      attach(socket, room, 'team', device);
      await touch(room);
      const seat = { ...base, role: 'team' as const, deviceId: device.deviceId, team: device.team, status: device.status, ...(token ? { token } : {}) };
      return device.status === 'active' ? { ...seat, ...full({ role: 'team', team: device.team }) } : seat;
    });
  }

  async function touch(room: Room): Promise<void> {
    room.lastActive = Math.max(room.lastActive, clock.now());
    await store.touch(room.code, room.lastActive);
  }

  // ---- Acting ----
  function seatOf(socket: RoomSocket, room: Room): { team: string; actors: readonly string[]; deviceId: string } {
    if (socket.data.role !== 'team' || !socket.data.deviceId) return fail('forbidden', 'only a team device may send this');
    const d = room.devices.get(socket.data.deviceId);
    if (!d || d.status === 'kicked') return fail('kicked', 'the teacher removed this device from the room');
    if (d.status === 'pending') return fail('pending', 'the teacher has not admitted this device yet');
    return { team: d.team, actors: room.teams.get(d.team) ?? [], deviceId: d.deviceId };
  }

  function ownActor(seat: { team: string; actors: readonly string[] }, actor: string | undefined, what: string): string {
    if (actor === undefined) {
      if (seat.actors.length === 1) return seat.actors[0]!;
      return fail('bad_request', `team "${seat.team}" plays ${seat.actors.join(', ')}: name the actor of the ${what}`);
    }
    if (!seat.actors.includes(actor)) return fail('not_your_actor', `team "${seat.team}" does not play "${actor}"`);
    return actor;
  }

  function checkRev(room: Room, rev: number | undefined): void {
    if (rev !== undefined && rev !== room.rev) fail('stale', `the room is at revision ${room.rev}, not ${rev}: look at the new state and try again`);
  }

  /** One run event: checked by the machine, the bots' answers added, logged, then taken. */
  async function runEvent(
    room: Room,
    event: RunEvent | ((room: Room) => RunEvent),
    by: string,
    rev: number | undefined,
  ): Promise<ActionAck & { event: RunEvent }> {
    return room.serial(async () => {
      if (room.status !== 'open') return fail('room_closed', 'the room has ended');
      checkRev(room, rev);
      const e = typeof event === 'function' ? event(room) : event;
      const plan = await room.plan(e, bots);
      if (!plan.ok) return fail('rejected', `${e.type} is rejected: ${plan.problem}`);
      const at = clock.now();
      const entries: LogEntry[] = plan.added.map((x, i) => ({ kind: 'run', event: x, by: i === 0 ? by : 'bot', at }));
      await store.appendLog(room.code, entries, at);
      if (room.accept(plan.session, at)) await store.setTimer(room.code, room.timer);
      markDirty(room);
      return { rev: room.rev, event: e };
    });
  }

  /** The offer of this round that `kind` (an answer or a counter) responds to, addressed to an actor the seat plays. */
  const offerToSeat = (room: Room, seat: { team: string; actors: readonly string[] }, offerId: string, kind: 'ANSWER' | 'COUNTER') => {
    const offer = room.session.snapshot.context.offers.find((o) => o.id === offerId);
    if (!offer) return fail('rejected', `${kind} is rejected: no offer "${offerId}" this round`);
    if (!seat.actors.includes(offer.to))
      return fail('not_your_actor', `offer "${offerId}" is addressed to ${offer.to}, which team "${seat.team}" does not play`);
    return offer;
  };

  const nextOfferId = (room: Room) => {
    if (room.session.snapshot.context.offers.length >= limits.maxOffersPerRound) fail('full', `this round has ${limits.maxOffersPerRound} offers`);
    return `o${room.rev + 1}`;
  };

  const handlers: { [E in ClientEventName]: (socket: RoomSocket, p: ClientPayload<E>) => Promise<object> } = {
    'room:create': (socket, p) => openRoom(p, socket.data.address),
    'room:join': (socket, p) => join(socket, p),

    'team:commit': async (socket, p) => {
      const room = roomOfSocket(socket);
      const seat = seatOf(socket, room);
      const move = room.scenario.moves.find((m) => m.id === p.move);
      if (move && !seat.actors.includes(move.actor)) fail('not_your_actor', `"${p.move}" is a move of ${move.actor}, which team "${seat.team}" does not play`);
      const actor = ownActor(seat, p.actor ?? move?.actor, 'move');
      const r = await runEvent(room, { type: 'COMMIT_MOVE', actor, move: p.move, by: 'team', ...(p.note ? { reason: p.note } : {}) }, seat.deviceId, p.rev);
      return { rev: r.rev };
    },
    'team:offer': async (socket, p) => {
      const room = roomOfSocket(socket);
      const seat = seatOf(socket, room);
      const from = ownActor(seat, p.from, 'offer');
      const r = await runEvent(room, (x) => ({ type: 'OFFER', offer: { id: nextOfferId(x), from, to: p.to, give: p.give, get: p.get } }), seat.deviceId, p.rev);
      return { rev: r.rev, offerId: (r.event as Extract<RunEvent, { type: 'OFFER' }>).offer.id };
    },
    'team:answer': async (socket, p) => {
      const room = roomOfSocket(socket);
      const seat = seatOf(socket, room);
      const r = await runEvent(
        room,
        (x) => {
          const offer = offerToSeat(x, seat, p.offerId, 'ANSWER');
          return { type: 'ANSWER', offerId: p.offerId, by: offer.to, answer: p.answer };
        },
        seat.deviceId,
        p.rev,
      );
      return { rev: r.rev };
    },
    'team:counter': async (socket, p) => {
      const room = roomOfSocket(socket);
      const seat = seatOf(socket, room);
      const r = await runEvent(
        room,
        (x) => {
          const offer = offerToSeat(x, seat, p.offerId, 'COUNTER');
          return { type: 'COUNTER', offerId: p.offerId, by: offer.to, offer: { id: nextOfferId(x), from: offer.to, to: offer.from, give: p.give, get: p.get } };
        },
        seat.deviceId,
        p.rev,
      );
      return { rev: r.rev, offerId: (r.event as Extract<RunEvent, { type: 'COUNTER' }>).offer.id };
    },
    'team:message': async (socket, p) => {
      const room = roomOfSocket(socket);
      const seat = seatOf(socket, room);
      if (!room.teams.has(p.to)) fail('unknown_seat', `no team "${p.to}" in this run`);
      if (p.to === seat.team) fail('bad_request', 'a message goes to another team');
      return room.serial(async () => {
        if (room.status !== 'open') return fail('room_closed', 'the room has ended');
        if (room.messages.length >= limits.maxMessagesPerRoom) return fail('full', `the room has ${limits.maxMessagesPerRoom} messages`);
        const at = clock.now();
        const c = room.session.snapshot.context;
        const message: MessageView = {
          id: `m${room.messages.length + 1}`,
          from: seat.team,
          to: p.to,
          text: p.text,
          at,
          round: c.round,
          phase: room.phase,
          afterEvent: room.rev,
        };
        await store.appendLog(room.code, [{ kind: 'message', message, by: seat.deviceId, at }], at);
        room.messages.push(message);
        room.lastActive = Math.max(room.lastActive, at);
        markDirty(room);
        return { rev: room.rev, messageId: message.id };
      });
    },

    'teacher:run': async (socket, p) => {
      const room = teacherRoom(socket);
      const r = await runEvent(room, p.event as RunEvent, 'teacher', p.rev);
      return { rev: r.rev };
    },
    'teacher:timer': async (socket, p) => {
      const room = teacherRoom(socket);
      return room.serial(async () => {
        const next = room.timerAfter(p, clock.now());
        if (typeof next === 'string') return fail('rejected', next);
        await store.setTimer(room.code, next);
        room.timer = next;
        markDirty(room);
        return { rev: room.rev };
      });
    },
    'teacher:admit': async (socket, p) => {
      const room = teacherRoom(socket);
      return setDevice(room, p.deviceId, (d) => (d.status === 'kicked' ? fail('kicked', `device ${d.deviceId} was removed`) : { status: 'active' }));
    },
    'teacher:assign': async (socket, p) => {
      const room = teacherRoom(socket);
      if (!room.teams.has(p.team)) fail('unknown_seat', `no team "${p.team}" in this run`);
      return setDevice(room, p.deviceId, (d) =>
        d.status === 'kicked' ? fail('kicked', `device ${d.deviceId} was removed`) : { team: p.team, status: 'active' },
      );
    },
    'teacher:kick': async (socket, p) => {
      const room = teacherRoom(socket);
      return setDevice(room, p.deviceId, () => ({ status: 'kicked' }));
    },
    'teacher:end': async (socket) => {
      const room = teacherRoom(socket);
      return room.serial(async () => {
        const out = { rev: room.rev, ...exportOf(room) };
        await closeRoom(room, 'ended');
        return out;
      });
    },
    'teacher:export': async (socket) => exportOf(teacherRoom(socket)),
  };

  function teacherRoom(socket: RoomSocket): Room {
    const room = roomOfSocket(socket);
    if (socket.data.role !== 'teacher') fail('forbidden', 'only the teacher may send this');
    return room;
  }

  /** Admit, move or remove a device; its sockets follow at once. */
  async function setDevice(room: Room, deviceId: string, change: (d: DeviceRow) => { team?: string; status?: DeviceRow['status'] }): Promise<ActionAck> {
    return room.serial(async () => {
      const d = room.devices.get(deviceId);
      if (!d) return fail('unknown_seat', `no device ${deviceId} in this room`);
      const c = change(d);
      await store.setDevice(room.code, deviceId, c);
      const next: DeviceRow = { ...d, ...c };
      room.addDevice(next);
      const sockets = socketsIn(ch.device(room.code, deviceId));
      for (const s of sockets) {
        s.leave(ch.team(room.code, d.team));
        if (next.status === 'kicked') {
          s.emit('closed', { reason: 'kicked', message: 'the teacher removed this device from the room' });
          s.disconnect();
          continue;
        }
        s.data.team = next.team;
        if (next.status === 'active') s.join(ch.team(room.code, next.team));
      }
      if (next.status !== 'kicked' && sockets.length) {
        const seat: SeatMessage = { deviceId, team: next.team, status: next.status, ...(next.status === 'active' ? { run: room.runInfo() } : {}) };
        io.to(ch.device(room.code, deviceId)).emit('seat', seat);
        if (next.status === 'active') sendNow(ch.device(room.code, deviceId), room, { role: 'team', team: next.team });
      }
      markDirty(room);
      return { rev: room.rev };
    });
  }

  // ---- Connections ----
  io.on('connection', (raw) => {
    const socket = raw as unknown as RoomSocket;
    const now = clock.now();
    const address = clientAddress(socket.request, socket.handshake.address, opts.trustProxy ?? false);
    if (socket.recovered && socket.data.code) {
      // A connection that came back with its state: check its seat still stands, fix its channels, resend the room.
      const code = socket.data.code;
      const room = rooms.get(code);
      const device = socket.data.deviceId ? room?.devices.get(socket.data.deviceId) : undefined;
      if (room?.status !== 'open' || (socket.data.deviceId && (!device || device.status === 'kicked'))) {
        socket.emit(
          'closed',
          room ? { reason: 'kicked', message: 'the teacher removed this device from the room' } : { reason: 'ended', message: 'the room has ended' },
        );
        socket.disconnect();
        return;
      }
      if (device) {
        for (const name of [...socket.rooms]) if (name.startsWith(`${code}|team|`)) socket.leave(name);
        socket.data.team = device.team;
        if (device.status === 'active') socket.join(ch.team(code, device.team));
        room.connected[device.deviceId] = (room.connected[device.deviceId] ?? 0) + 1;
      }
      if (!device) sendNow(socket, room, { role: socket.data.role === 'teacher' ? 'teacher' : 'projector' });
      else if (device.status === 'active') sendNow(socket, room, { role: 'team', team: device.team });
      markDirty(room);
    } else {
      socket.data.bucket = new TokenBucket(limits.messages, now);
      socket.data.joinFailures = new TokenBucket(limits.joinFailuresPerSocket, now);
      socket.data.code = socket.data.role = socket.data.team = socket.data.deviceId = undefined;
    }
    socket.data.address = address;

    socket.onAny((event: unknown, ...args: unknown[]) => {
      const ack = typeof args[args.length - 1] === 'function' ? (args.pop() as (r: Ack) => void) : undefined;
      const name = typeof event === 'string' ? event.slice(0, 40) : '?';
      const reply = (r: Ack) => {
        if (ack) ack(r);
        else if (!r.ok) socket.emit('refused', { event: name, error: r.error });
      };
      void handle(socket, event, args)
        .then((data) => reply({ ok: true, ...data }))
        .catch((e: unknown) => {
          if (e instanceof Refusal) return reply({ ok: false, error: errorOf(e) });
          log(`internal error on ${name}: ${(e as Error)?.stack ?? String(e)}`);
          reply({ ok: false, error: { code: 'internal', message: 'the server could not do this; nothing was changed' } });
        });
    });
    socket.on('disconnect', () => {
      // The socket leaves its channels by itself; its data stays for connection-state recovery.
      const { code, deviceId } = socket.data;
      const room = code ? rooms.get(code) : undefined;
      if (room && deviceId) {
        room.connected[deviceId] = Math.max(0, (room.connected[deviceId] ?? 1) - 1);
        markDirty(room);
      }
    });
  });

  async function handle(socket: RoomSocket, event: unknown, args: unknown[]): Promise<object> {
    const wait = socket.data.bucket.take(clock.now());
    if (wait) fail('rate_limited', 'too many messages: slow down', wait);
    if (typeof event !== 'string' || !Object.hasOwn(CLIENT_SCHEMAS, event)) return fail('unknown_message', `unknown message "${String(event).slice(0, 40)}"`);
    const name = event as ClientEventName;
    if (args.length !== 1) fail('bad_request', `${name} takes one payload object and an acknowledgement callback`);
    let size: number;
    try {
      size = JSON.stringify(args[0])?.length ?? 0;
    } catch {
      return fail('bad_request', 'the payload is not JSON');
    }
    if (size > MESSAGE_CAPS[name]) fail('too_large', `${name} is limited to ${MESSAGE_CAPS[name]} characters of JSON (got ${size})`);
    const parsed = v.safeParse(CLIENT_SCHEMAS[name], args[0], { abortPipeEarly: true });
    if (!parsed.success) {
      const issue = parsed.issues[0];
      const path = v.getDotPath(issue);
      return fail('bad_request', `${name}: ${path ? `${path}: ` : ''}${issue.message}`);
    }
    return (handlers[name] as (s: RoomSocket, p: unknown) => Promise<object>)(socket, parsed.output);
  }

  return {
    http,
    io,
    rooms,
    sweep,
    listen: (port, host) =>
      new Promise((resolveListen, reject) => {
        http.once('error', reject);
        http.listen(port, host, () => {
          http.off('error', reject);
          const a = http.address() as AddressInfo;
          resolveListen({ host: a.address, port: a.port, url: `http://${a.family === 'IPv6' ? `[${a.address}]` : a.address}:${a.port}` });
        });
      }),
    close: async () => {
      closed = true;
      if (sweeper) clearInterval(sweeper);
      await new Promise<void>((r) => {
        io.close(() => r());
      });
      for (const room of rooms.values()) await room.serial(async () => undefined);
      await bots.close();
    },
  };
}

function originAllowed(req: IncomingMessage, allowed: 'same-host' | readonly string[]): boolean {
  const origin = req.headers.origin;
  if (!origin) return true;
  if (allowed !== 'same-host') return allowed.includes(origin);
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

function clientAddress(req: IncomingMessage, fallback: string, trustProxy: boolean): string {
  if (trustProxy) {
    const fwd = req.headers['x-forwarded-for'];
    const first = (Array.isArray(fwd) ? fwd[0] : fwd)?.split(',')[0]?.trim();
    if (first) return first;
  }
  return fallback || 'unknown';
}
