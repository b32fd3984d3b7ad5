/** Shared by the server tests: a server on 127.0.0.1 and an ephemeral port, clients, acknowledgements with time-outs. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WsTransport } from './nodeWebSocket';
import { io as connectClient, type Socket } from 'socket.io-client';
import type { Ack, ClientAcks, ClientEventName, CreateRequest, JoinAck } from '../../server/protocol';
import { createServer, type RoomServer, type ServerOptions } from '../../server/server';
import { SqliteStore } from '../../server/sqliteStore';

export class FakeClock {
  constructor(public t = 1_700_000_000_000) {}
  now = (): number => this.t;
  advance(ms: number): void {
    this.t += ms;
  }
}

export interface Running {
  server: RoomServer;
  store: SqliteStore;
  url: string;
  dataDir: string;
  clients: Socket[];
  /** A client of this server (closed by `stop`). */
  connect(opts?: Parameters<typeof connectClient>[1]): Promise<Socket>;
  /** Closes the clients, the server and the store (the data folder stays unless `removeData`). */
  stop(removeData?: boolean): Promise<void>;
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'coreplay-rooms-'));
}

export async function start(opts: Partial<ServerOptions> & { dataDir?: string } = {}): Promise<Running> {
  const dataDir = opts.dataDir ?? tempDir();
  const store = new SqliteStore({ dataDir });
  const server = await createServer({ sweepIntervalMs: 0, log: () => {}, ...opts, store });
  const at = await server.listen(0, '127.0.0.1');
  const clients: Socket[] = [];
  const r: Running = {
    server,
    store,
    url: at.url,
    dataDir,
    clients,
    connect: (o) => connect(at.url, clients, o),
    stop: async (removeData = false) => {
      for (const c of clients) c.disconnect();
      await server.close();
      await store.close();
      if (removeData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return r;
}

export function connect(url: string, list: Socket[] = [], opts: Parameters<typeof connectClient>[1] = {}): Promise<Socket> {
  const s = connectClient(url, { transports: [WsTransport], reconnection: false, forceNew: true, timeout: 10_000, ...opts });
  list.push(s);
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error('connect timed out')), 12_000);
    s.once('connect', () => {
      clearTimeout(t);
      resolve(s);
    });
    s.once('connect_error', (e) => {
      clearTimeout(t);
      reject(e);
    });
  });
}

export async function call<E extends ClientEventName>(s: Socket, event: E, payload: unknown, ms = 15_000): Promise<ClientAcks[E]> {
  return (await s.timeout(ms).emitWithAck(event, payload)) as ClientAcks[E];
}

/** Any message, raw (for hostile tests). */
export async function raw(s: Socket, event: string, ...args: unknown[]): Promise<Ack> {
  return (await s.timeout(15_000).emitWithAck(event, ...args)) as Ack;
}

export function ok<T extends object>(a: Ack<T>): T {
  if (!a.ok) throw new Error(`refused: ${a.error.code}: ${a.error.message}`);
  return a as unknown as T;
}

export function errorCode(a: Ack): string | undefined {
  return a.ok ? undefined : a.error.code;
}

/** The next `event` the socket receives that passes `pred`. */
export function next<T = unknown>(s: Socket, event: string, pred: (x: T) => boolean = () => true, ms = 15_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => {
      s.off(event, on);
      reject(new Error(`no ${event} within ${ms} ms`));
    }, ms);
    const on = (x: T) => {
      if (!pred(x)) return;
      clearTimeout(t);
      s.off(event, on);
      resolve(x);
    };
    s.on(event, on);
  });
}

/** Belarus with two teams (Minsk plays the regime, Washington the US), random bots for the rest. */
export function belarusSetup(over: Partial<CreateRequest> = {}): CreateRequest {
  const bots = ['russia', 'ukraine', 'poland', 'lithuania', 'latvia', 'eu', 'china', 'opposition'];
  return {
    scenario: { builtin: 'belarus' },
    seed: 7,
    roundLimit: 3,
    seats: {
      regime: { kind: 'team', team: 'Minsk' },
      us: { kind: 'team', team: 'Washington' },
      ...Object.fromEntries(bots.map((a) => [a, { kind: 'bot', strategy: 'random' }])),
    },
    admission: 'open',
    ...over,
  };
}

export interface OpenedRoom {
  code: string;
  teacherKey: string;
  projectorKey: string;
  teacher: Socket;
  teacherJoin: JoinAck;
}

/** Opens a room and joins its teacher. */
export async function openRoom(r: Running, setup: CreateRequest = belarusSetup()): Promise<OpenedRoom> {
  const teacher = await r.connect();
  const made = ok(await call(teacher, 'room:create', setup));
  const teacherJoin = ok(await call(teacher, 'room:join', { role: 'teacher', code: made.code, key: made.teacherKey }));
  return { ...made, teacher, teacherJoin };
}

export async function joinTeam(r: Running, code: string, team: string): Promise<{ socket: Socket; ack: JoinAck }> {
  const socket = await r.connect();
  const ack = ok(await call(socket, 'room:join', { role: 'team', code, team }));
  return { socket, ack };
}
