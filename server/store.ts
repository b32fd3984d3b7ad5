/**
 * Where rooms are kept: one small, asynchronous interface, so that the SQLite implementation
 * (sqliteStore.ts) can be joined by a shared one (Postgres) without touching the server.
 *
 * The event log is append-only: a room's accepted run events and private messages, in one
 * sequence per room. Devices (seat claims) and the room's status and timer are mutable rows.
 * Secrets are never stored, only their SHA-256 hashes.
 */
import type { Run, RunEvent } from '../models/machines/index';
import type { DeviceStatus, MessageView, RoomStatus, TimerView } from './protocol';

/** The run without its events: what the room was opened with. */
export type RunHeader = Omit<Run, 'events'>;

export interface RoomOptions {
  readonly admission: 'teacher' | 'open';
}

export interface RoomRecord {
  readonly code: string;
  readonly createdAt: number;
  readonly lastActive: number;
  readonly status: RoomStatus;
  readonly teacherKeyHash: string;
  readonly projectorKeyHash: string;
  readonly header: RunHeader;
  readonly options: RoomOptions;
  readonly timer: TimerView;
}

export interface DeviceRow {
  readonly deviceId: string;
  readonly tokenHash: string;
  readonly team: string;
  readonly name: string;
  readonly status: DeviceStatus;
  readonly createdAt: number;
}

/** One entry of a room's log. `by`: the device id, "teacher" or "bot". */
export type LogEntry =
  | { readonly kind: 'run'; readonly event: RunEvent; readonly by: string; readonly at: number }
  | { readonly kind: 'message'; readonly message: MessageView; readonly by: string; readonly at: number };

export interface StoredRoom {
  readonly room: RoomRecord;
  readonly devices: readonly DeviceRow[];
  /** In log order. */
  readonly log: readonly LogEntry[];
}

export interface RoomStore {
  /** Fails if the code is taken (the caller draws another). */
  createRoom(room: RoomRecord): Promise<void>;
  /** Appends entries to the room's log atomically (all or none) and marks the room active at `at`. */
  appendLog(code: string, entries: readonly LogEntry[], at: number): Promise<void>;
  putDevice(code: string, device: DeviceRow): Promise<void>;
  setDevice(code: string, deviceId: string, change: { team?: string; status?: DeviceStatus }): Promise<void>;
  setTimer(code: string, timer: TimerView): Promise<void>;
  touch(code: string, at: number): Promise<void>;
  setStatus(code: string, status: RoomStatus): Promise<void>;
  loadRoom(code: string): Promise<StoredRoom | undefined>;
  /** The status of a code, without loading the room (undefined: never used). */
  roomStatus(code: string): Promise<RoomStatus | undefined>;
  listOpenRooms(): Promise<string[]>;
  close(): Promise<void>;
}
