/**
 * The RoomStore on SQLite (better-sqlite3), one file in a data folder, WAL mode.
 *
 *   rooms  (code PK, created_at, last_active, status, teacher_key_hash, projector_key_hash,
 *           header JSON, options JSON, timer JSON)
 *   seats  (room, device_id, token_hash UNIQUE, team, name, status, created_at; PK room+device_id)
 *   events (room, seq, kind 'run'|'message', body JSON, by, at; PK room+seq) — append-only:
 *           triggers refuse UPDATE and DELETE.
 *
 * better-sqlite3 is synchronous; each method runs to completion before it returns its promise,
 * so an append is on disk (in the WAL) before the server acknowledges the event. With
 * `synchronous = NORMAL` (the default here) a committed transaction survives a crash of the
 * process; `FULL` also survives a power cut, at an fsync per append.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { DeviceStatus, RoomStatus, TimerView } from './protocol';
import type { DeviceRow, LogEntry, RoomRecord, RoomStore, StoredRoom } from './store';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS rooms (
  code TEXT PRIMARY KEY,
  created_at INTEGER NOT NULL,
  last_active INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('open', 'ended', 'expired')),
  teacher_key_hash TEXT NOT NULL,
  projector_key_hash TEXT NOT NULL,
  header TEXT NOT NULL,
  options TEXT NOT NULL,
  timer TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS rooms_open ON rooms (status, last_active);
CREATE TABLE IF NOT EXISTS seats (
  room TEXT NOT NULL REFERENCES rooms (code),
  device_id TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  team TEXT NOT NULL,
  name TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'active', 'kicked')),
  created_at INTEGER NOT NULL,
  PRIMARY KEY (room, device_id)
);
CREATE TABLE IF NOT EXISTS events (
  room TEXT NOT NULL REFERENCES rooms (code),
  seq INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('run', 'message')),
  body TEXT NOT NULL,
  by TEXT NOT NULL,
  at INTEGER NOT NULL,
  PRIMARY KEY (room, seq)
) WITHOUT ROWID;
CREATE TRIGGER IF NOT EXISTS events_no_update BEFORE UPDATE ON events BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS events_no_delete BEFORE DELETE ON events BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
`;

export interface SqliteStoreOptions {
  /** A folder (the file is rooms.sqlite in it) or ':memory:'. */
  readonly dataDir: string;
  readonly synchronous?: 'NORMAL' | 'FULL';
}

interface RoomRow {
  code: string;
  created_at: number;
  last_active: number;
  status: RoomStatus;
  teacher_key_hash: string;
  projector_key_hash: string;
  header: string;
  options: string;
  timer: string;
}

export class SqliteStore implements RoomStore {
  readonly db: Database.Database;
  readonly file: string;
  private readonly q;
  private readonly appendTx: (code: string, entries: readonly LogEntry[], at: number) => void;

  constructor(opts: SqliteStoreOptions) {
    if (opts.dataDir === ':memory:') this.file = ':memory:';
    else {
      mkdirSync(opts.dataDir, { recursive: true });
      this.file = join(opts.dataDir, 'rooms.sqlite');
    }
    this.db = new Database(this.file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma(`synchronous = ${opts.synchronous ?? 'NORMAL'}`);
    this.db.pragma('foreign_keys = ON');
    this.db.exec(SCHEMA);
    const d = this.db;
    this.q = {
      insertRoom: d.prepare(
        'INSERT INTO rooms (code, created_at, last_active, status, teacher_key_hash, projector_key_hash, header, options, timer) VALUES (@code, @created_at, @last_active, @status, @teacher_key_hash, @projector_key_hash, @header, @options, @timer)',
      ),
      nextSeq: d.prepare<[string], { n: number }>('SELECT COALESCE(MAX(seq), 0) + 1 AS n FROM events WHERE room = ?'),
      insertEvent: d.prepare('INSERT INTO events (room, seq, kind, body, by, at) VALUES (?, ?, ?, ?, ?, ?)'),
      touch: d.prepare('UPDATE rooms SET last_active = MAX(last_active, ?) WHERE code = ?'),
      insertSeat: d.prepare('INSERT INTO seats (room, device_id, token_hash, team, name, status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)'),
      setSeatTeam: d.prepare('UPDATE seats SET team = ? WHERE room = ? AND device_id = ?'),
      setSeatStatus: d.prepare('UPDATE seats SET status = ? WHERE room = ? AND device_id = ?'),
      setTimer: d.prepare('UPDATE rooms SET timer = ? WHERE code = ?'),
      setStatus: d.prepare('UPDATE rooms SET status = ? WHERE code = ?'),
      room: d.prepare<[string], RoomRow>('SELECT * FROM rooms WHERE code = ?'),
      status: d.prepare<[string], { status: RoomStatus }>('SELECT status FROM rooms WHERE code = ?'),
      seats: d.prepare<[string], { device_id: string; token_hash: string; team: string; name: string; status: DeviceStatus; created_at: number }>(
        'SELECT device_id, token_hash, team, name, status, created_at FROM seats WHERE room = ? ORDER BY created_at, device_id',
      ),
      events: d.prepare<[string], { kind: 'run' | 'message'; body: string; by: string; at: number }>(
        'SELECT kind, body, by, at FROM events WHERE room = ? ORDER BY seq',
      ),
      open: d.prepare<[], { code: string }>("SELECT code FROM rooms WHERE status = 'open' ORDER BY created_at"),
    };
    this.appendTx = d.transaction((code: string, entries: readonly LogEntry[], at: number) => {
      let seq = this.q.nextSeq.get(code)!.n;
      for (const e of entries) {
        const body = e.kind === 'run' ? JSON.stringify(e.event) : JSON.stringify(e.message);
        this.q.insertEvent.run(code, seq++, e.kind, body, e.by, e.at);
      }
      this.q.touch.run(at, code);
    });
  }

  async createRoom(r: RoomRecord): Promise<void> {
    this.q.insertRoom.run({
      code: r.code,
      created_at: r.createdAt,
      last_active: r.lastActive,
      status: r.status,
      teacher_key_hash: r.teacherKeyHash,
      projector_key_hash: r.projectorKeyHash,
      header: JSON.stringify(r.header),
      options: JSON.stringify(r.options),
      timer: JSON.stringify(r.timer),
    });
  }

  async appendLog(code: string, entries: readonly LogEntry[], at: number): Promise<void> {
    this.appendTx(code, entries, at);
  }

  async putDevice(code: string, x: DeviceRow): Promise<void> {
    this.q.insertSeat.run(code, x.deviceId, x.tokenHash, x.team, x.name, x.status, x.createdAt);
  }

  async setDevice(code: string, deviceId: string, change: { team?: string; status?: DeviceStatus }): Promise<void> {
    this.db.transaction(() => {
      if (change.team !== undefined) this.q.setSeatTeam.run(change.team, code, deviceId);
      if (change.status !== undefined) this.q.setSeatStatus.run(change.status, code, deviceId);
    })();
  }

  async setTimer(code: string, timer: TimerView): Promise<void> {
    this.q.setTimer.run(JSON.stringify(timer), code);
  }

  async touch(code: string, at: number): Promise<void> {
    this.q.touch.run(at, code);
  }

  async setStatus(code: string, status: RoomStatus): Promise<void> {
    this.q.setStatus.run(status, code);
  }

  async loadRoom(code: string): Promise<StoredRoom | undefined> {
    const r = this.q.room.get(code);
    if (!r) return undefined;
    const room: RoomRecord = {
      code: r.code,
      createdAt: r.created_at,
      lastActive: r.last_active,
      status: r.status,
      teacherKeyHash: r.teacher_key_hash,
      projectorKeyHash: r.projector_key_hash,
      header: JSON.parse(r.header),
      options: JSON.parse(r.options),
      timer: JSON.parse(r.timer),
    };
    const devices: DeviceRow[] = this.q.seats
      .all(code)
      .map((s) => ({ deviceId: s.device_id, tokenHash: s.token_hash, team: s.team, name: s.name, status: s.status, createdAt: s.created_at }));
    const log: LogEntry[] = this.q.events
      .all(code)
      .map((e) =>
        e.kind === 'run'
          ? { kind: 'run', event: JSON.parse(e.body), by: e.by, at: e.at }
          : { kind: 'message', message: JSON.parse(e.body), by: e.by, at: e.at },
      );
    return { room, devices, log };
  }

  async roomStatus(code: string): Promise<RoomStatus | undefined> {
    return this.q.status.get(code)?.status;
  }

  async listOpenRooms(): Promise<string[]> {
    return this.q.open.all().map((r) => r.code);
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
