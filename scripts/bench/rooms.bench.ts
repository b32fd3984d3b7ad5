/**
 * `npm run bench -- rooms`: the room server under a school's load. One server process
 * (server/main.ts, a fresh data folder, 127.0.0.1, a free port) and, in this process,
 * socket.io-client sockets: ROOMS rooms × 31 clients — 1 teacher, 1 projector and 29 team
 * devices. Every one of Belarus's 10 actors is a team seat (no bots), with 3 devices on nine
 * seats and 2 on the tenth; the teacher admits every device. Each room plays ROUNDS full
 * rounds: START_ROUND, every team commits (one device per team, at a random moment within
 * SPREAD_MS), the reveal, an offer and its answer, END_OFFERS, NEXT_ROUND. The rooms play at
 * the same time.
 *
 * Prints, for the commits: the time from a team's `team:commit` to each client of its room
 * having a `state` that includes it (per client), and to every client of the room having it
 * (per commit): median and p95; the server's RSS (at the start, peak) and CPU; this process's
 * CPU. Bounded: ROOMS, ROUNDS and a 240 s limit; everything on 127.0.0.1.
 *
 * Environment: ROOMS_BENCH_ROOMS (50), ROOMS_BENCH_ROUNDS (3), ROOMS_BENCH_SPREAD_MS (2000),
 * ROOMS_BENCH_URL (drive a running server instead of starting one).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { io, type Socket } from 'socket.io-client';
import type { Ack, ClientAcks, ClientEventName, CreateRequest, Projection } from '../../server/protocol';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const ROOMS = Number(process.env.ROOMS_BENCH_ROOMS ?? 50);
const ROUNDS = Number(process.env.ROOMS_BENCH_ROUNDS ?? 3);
const SPREAD_MS = Number(process.env.ROOMS_BENCH_SPREAD_MS ?? 2000);
const LIMIT_MS = 240_000;
const ACTORS = ['regime', 'russia', 'ukraine', 'poland', 'lithuania', 'latvia', 'eu', 'us', 'china', 'opposition'] as const;
/** A legal opening move for each actor, and a second for later rounds (or hold). */
const MOVES: Record<string, string[]> = {
  regime: ['release_50', 'release_123', 'hold'],
  russia: ['raise_energy_subsidy', 'hold', 'hold'],
  ukraine: ['warn_minsk', 'hold', 'hold'],
  poland: ['reopen_crossing', 'hold', 'hold'],
  lithuania: ['hold', 'hold', 'hold'],
  latvia: ['ease_lv_border', 'hold', 'hold'],
  eu: ['paris_call', 'hold', 'hold'],
  us: ['envoy_visit', 'ease_potash_partial', 'hold'],
  china: ['expand_investment', 'hold', 'hold'],
  opposition: ['endorse_humanitarian_track', 'hold', 'hold'],
};

interface Client {
  socket: Socket;
  /** [time, rev] of every `state` received. */
  states: [number, number][];
}

interface Commit {
  room: number;
  t0: number;
  rev: number;
  /** commit → its acknowledgement (ms). */
  ack: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function q(xs: number[], p: number): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * (s.length - 1) + 0.5))]!;
}

async function call<E extends ClientEventName>(s: Socket, event: E, payload: unknown): Promise<ClientAcks[E]> {
  const a = (await s.timeout(20_000).emitWithAck(event, payload)) as Ack;
  if (!a.ok) throw new Error(`${event} refused: ${a.error.code}: ${a.error.message}`);
  return a as ClientAcks[E];
}

function connect(url: string): Promise<Client> {
  const socket = io(url, { transports: ['websocket'], reconnection: false, forceNew: true, timeout: 20_000 });
  const c: Client = { socket, states: [] };
  socket.on('state', (p: Projection) => c.states.push([performance.now(), p.rev]));
  return new Promise((res, rej) => {
    socket.once('connect', () => res(c));
    socket.once('connect_error', rej);
  });
}

/** The server's RSS (kB) and CPU ticks (user + system) from /proc. */
function procStats(pid: number): { rssKb: number; hwmKb: number; ticks: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const kb = (k: string) => Number(new RegExp(`${k}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
    return { rssKb: kb('VmRSS'), hwmKb: kb('VmHWM'), ticks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return null;
  }
}

function startServer(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'server/main.ts')], {
    cwd: root,
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', DATA_DIR: dataDir, DIST_DIR: join(dataDir, 'no-dist') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((res, rej) => {
    let out = '';
    const t = setTimeout(() => rej(new Error(`the server did not start: ${out}`)), 30_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on (http:\/\/[^\s]+)/.exec(out);
      if (m) {
        clearTimeout(t);
        res({ child, url: m[1]! });
      }
    });
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    child.once('exit', (code) => rej(new Error(`the server exited (${code}): ${out}`)));
  });
}

interface RoomRun {
  index: number;
  teacher: Client;
  projector: Client;
  /** Per actor, its devices (the first one plays). */
  devices: Record<string, Client[]>;
  clients: Client[];
}

async function openRoom(url: string, index: number): Promise<RoomRun> {
  const teacher = await connect(url);
  const setup: CreateRequest = {
    title: `bench room ${index}`,
    scenario: { builtin: 'belarus' },
    seed: index,
    roundLimit: ROUNDS,
    seats: Object.fromEntries(ACTORS.map((a) => [a, { kind: 'team', team: a }])),
    admission: 'teacher',
  };
  const made = await call(teacher.socket, 'room:create', setup);
  if (!made.ok) throw new Error('unreachable');
  await call(teacher.socket, 'room:join', { role: 'teacher', code: made.code, key: made.teacherKey });
  const projector = await connect(url);
  await call(projector.socket, 'room:join', { role: 'projector', code: made.code, key: made.projectorKey });
  const devices: Record<string, Client[]> = {};
  const joins: Promise<void>[] = [];
  ACTORS.forEach((actor, i) => {
    devices[actor] = [];
    for (let k = 0; k < (i < 9 ? 3 : 2); k++) {
      joins.push(
        (async () => {
          const c = await connect(url);
          const j = await call(c.socket, 'room:join', { role: 'team', code: made.code, team: actor, name: `${actor} ${k + 1}` });
          if (!j.ok) throw new Error('unreachable');
          await call(teacher.socket, 'teacher:admit', { deviceId: j.deviceId });
          devices[actor]!.push(c);
        })(),
      );
    }
  });
  await Promise.all(joins);
  const clients = [teacher, projector, ...Object.values(devices).flat()];
  return { index, teacher, projector, devices, clients };
}

async function playRoom(room: RoomRun, commits: Commit[], deadline: number): Promise<void> {
  const t = room.teacher.socket;
  for (let round = 0; round < ROUNDS && performance.now() < deadline; round++) {
    await call(t, 'teacher:run', { event: { type: 'START_ROUND' } });
    await Promise.all(
      ACTORS.map(async (actor) => {
        await sleep(Math.random() * SPREAD_MS);
        const d = room.devices[actor]![0]!.socket;
        let t0 = performance.now();
        let a = (await d.timeout(20_000).emitWithAck('team:commit', { move: MOVES[actor]![round % 3] })) as ClientAcks['team:commit'];
        if (!a.ok && a.error.code === 'rejected') {
          // Not legal in this state of the world (a posture, an asset spent): hold instead.
          t0 = performance.now();
          a = await call(d, 'team:commit', { move: 'hold' });
        }
        if (!a.ok) throw new Error(`team:commit refused: ${a.error.code}: ${a.error.message}`);
        commits.push({ room: room.index, t0, rev: a.rev, ack: performance.now() - t0 });
      }),
    );
    if (round < ROUNDS - 1) {
      const o = await call(room.devices.regime![0]!.socket, 'team:offer', { to: 'us', give: 'release_123', get: 'ease_potash_partial' });
      if (o.ok) await call(room.devices.us![0]!.socket, 'team:answer', { offerId: o.offerId, answer: round % 2 ? 'reject' : 'accept' });
    }
    await call(t, 'teacher:run', { event: { type: 'END_OFFERS' } });
    await call(t, 'teacher:run', { event: { type: 'NEXT_ROUND' } });
  }
}

export async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'coreplay-rooms-bench-'));
  // ROOMS_BENCH_URL: drive a server that is already running (e.g. under --cpu-prof) instead; its memory and CPU are then not read.
  const given = process.env.ROOMS_BENCH_URL;
  const { child, url } = given ? { child: null, url: given } : await startServer(dataDir);
  const pid = child?.pid ?? -1;
  const rooms: RoomRun[] = [];
  const load0 = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  let peakRss = 0;
  const sampler = setInterval(() => {
    const s = procStats(pid);
    if (s) peakRss = Math.max(peakRss, s.rssKb);
  }, 250);
  try {
    const idle = procStats(pid);
    const t0 = performance.now();
    for (let i = 0; i < ROOMS; i += 10) rooms.push(...(await Promise.all(Array.from({ length: Math.min(10, ROOMS - i) }, (_, k) => openRoom(url, i + k)))));
    const joined = performance.now();
    const settled = procStats(pid);
    await sleep(500);
    const commits: Commit[] = [];
    const before = procStats(pid);
    const cpu0 = process.cpuUsage();
    const p0 = performance.now();
    await Promise.all(rooms.map((r) => playRoom(r, commits, t0 + LIMIT_MS)));
    await sleep(300);
    const wall = performance.now() - p0;
    const after = procStats(pid);
    const cpu1 = process.cpuUsage(cpu0);

    const perClient: number[] = [];
    const perCommit: number[] = [];
    let missing = 0;
    for (const c of commits) {
      let worst = 0;
      for (const client of rooms[c.room]!.clients) {
        const hit = client.states.find(([t, rev]) => t >= c.t0 && rev >= c.rev);
        if (!hit) {
          missing++;
          continue;
        }
        perClient.push(hit[0] - c.t0);
        worst = Math.max(worst, hit[0] - c.t0);
      }
      perCommit.push(worst);
    }
    const ms = (x: number) => `${x.toFixed(1)} ms`;
    const clients = rooms.reduce((n, r) => n + r.clients.length, 0);
    const hz = 100;
    const serverCpu = before && after ? (after.ticks - before.ticks) / hz / (wall / 1000) : NaN;
    console.log(
      `load average before: ${load0}, after: ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')} (2 cores; other processes share them)`,
    );
    console.log(
      `${ROOMS} rooms × ${clients / Math.max(1, ROOMS)} clients (${clients} sockets), ${ROUNDS} rounds each, commits spread over ${SPREAD_MS} ms per round`,
    );
    console.log(`opening the rooms and joining every client: ${(joined - t0).toFixed(0)} ms`);
    console.log(`commits: ${commits.length}; client updates measured: ${perClient.length}${missing ? `, missing: ${missing}` : ''}`);
    const acks = commits.map((c) => c.ack);
    console.log(`commit → its acknowledgement:   median ${ms(q(acks, 0.5))}, p95 ${ms(q(acks, 0.95))}`);
    console.log(`commit → a client's state:      median ${ms(q(perClient, 0.5))}, p95 ${ms(q(perClient, 0.95))}, max ${ms(q(perClient, 1))}`);
    console.log(`commit → every client of room:  median ${ms(q(perCommit, 0.5))}, p95 ${ms(q(perCommit, 0.95))}, max ${ms(q(perCommit, 1))}`);
    console.log(
      `server RSS: ${((idle?.rssKb ?? NaN) / 1024).toFixed(0)} MB at start, ${((settled?.rssKb ?? NaN) / 1024).toFixed(0)} MB with every client joined, peak ${(Math.max(peakRss, after?.hwmKb ?? 0) / 1024).toFixed(0)} MB`,
    );
    console.log(
      `server CPU while playing: ${(serverCpu * 100).toFixed(0)} % of one core over ${(wall / 1000).toFixed(1)} s; this (client) process: ${(((cpu1.user + cpu1.system) / 1000 / wall) * 100).toFixed(0)} %`,
    );
  } finally {
    clearInterval(sampler);
    for (const r of rooms) for (const c of r.clients) c.socket.disconnect();
    if (child) {
      child.kill('SIGTERM');
      await new Promise((r) => {
        const t = setTimeout(() => {
          child.kill('SIGKILL');
          r(null);
        }, 5000);
        child.once('exit', () => {
          clearTimeout(t);
          r(null);
        });
      });
    }
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
