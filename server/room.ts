/**
 * One room in memory: its run session (the round machine's snapshot, folded from the log with
 * models/machines `apply`), devices, private messages and timer. A room changes only through
 * `serial`, one operation at a time, and only after the store has taken the change: the server
 * computes the next state (`plan`), appends the log, then `accept`s it.
 */
import type { Scenario } from '../models/domain/types';
import { apply, lastInject, phaseOf, startRun, type RoundPhase, type RunEvent, type Session } from '../models/machines/index';
import { inlineBots, type BotRunner } from './bots';
import type { MessageView, RoomStatus, RunInfo, TimerView } from './protocol';
import { teamsOf, type RoomView } from './projection';
import type { DeviceRow, RoomOptions, RoomRecord, RunHeader, StoredRoom } from './store';

export const NO_TIMER: TimerView = { seconds: 0, endsAt: null, pausedRemainingMs: null };

export class Room {
  readonly code: string;
  readonly header: RunHeader;
  readonly scenario: Scenario;
  readonly options: RoomOptions;
  readonly createdAt: number;
  readonly teacherKeyHash: string;
  readonly projectorKeyHash: string;
  readonly teams: ReadonlyMap<string, readonly string[]>;
  status: RoomStatus = 'open';
  lastActive: number;
  session: Session;
  /** The run-event count when the history of resolved rounds last changed. */
  historyRev = 0;
  timer: TimerView;
  readonly devices = new Map<string, DeviceRow>();
  /** Token hash → device id. */
  readonly byToken = new Map<string, string>();
  readonly messages: MessageView[] = [];
  /** Device id → sockets connected now. */
  readonly connected: Record<string, number> = {};
  private tail: Promise<unknown> = Promise.resolve();

  constructor(record: RoomRecord, scenario: Scenario, session: Session) {
    this.code = record.code;
    this.header = record.header;
    this.scenario = scenario;
    this.options = record.options;
    this.createdAt = record.createdAt;
    this.lastActive = record.lastActive;
    this.teacherKeyHash = record.teacherKeyHash;
    this.projectorKeyHash = record.projectorKeyHash;
    this.status = record.status;
    this.timer = record.timer;
    this.session = session;
    this.teams = teamsOf(record.header.seats);
  }

  /** A room from its stored record and log: the run events folded through the machine, one by one. */
  static restore(stored: StoredRoom, scenario: Scenario): { ok: true; room: Room } | { ok: false; problem: string } {
    let session = freshSession(scenario, stored.room.header);
    let historyRev = 0;
    const messages: MessageView[] = [];
    let i = 0;
    for (const entry of stored.log) {
      if (entry.kind === 'message') {
        messages.push(entry.message);
        continue;
      }
      const before = session.snapshot.context.history;
      const r = apply(session, entry.event);
      if (!r.ok) return { ok: false, problem: `events[${i}]: ${entry.event.type} is rejected: ${r.problem}` };
      session = r.session;
      i++;
      if (session.snapshot.context.history !== before) historyRev = i;
    }
    const room = new Room(stored.room, scenario, session);
    room.historyRev = historyRev;
    room.messages.push(...messages);
    for (const d of stored.devices) room.addDevice(d);
    return { ok: true, room };
  }

  get rev(): number {
    return this.session.run.events.length;
  }

  get phase(): RoundPhase {
    return phaseOf(this.session.snapshot);
  }

  /** Runs `fn` after every operation queued before it: the room's operations never interleave. */
  serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.tail.then(fn, fn);
    this.tail = run.catch(() => undefined);
    return run;
  }

  addDevice(d: DeviceRow): void {
    this.devices.set(d.deviceId, d);
    this.byToken.set(d.tokenHash, d.deviceId);
  }

  /**
   * The event, then whatever the bots do in answer (as the single-screen app's `playBots` plays
   * them: every bot's event computed from the same position, then applied in order); nothing is
   * changed. The bots may compute on another thread (`bots`): the caller holds the room's queue.
   */
  async plan(
    event: RunEvent,
    bots: BotRunner = inlineBots,
  ): Promise<{ ok: true; session: Session; added: readonly RunEvent[] } | { ok: false; problem: string }> {
    const r = apply(this.session, event);
    if (!r.ok) return r;
    let next = r.session;
    for (const e of await bots.events(next.snapshot, next.run.seats)) {
      const x = apply(next, e);
      if (x.ok) next = x.session;
    }
    return { ok: true, session: next, added: next.run.events.slice(this.rev) };
  }

  /** Takes a planned session (after the store took its events). Returns whether the timer changed. */
  accept(next: Session, now: number): boolean {
    const before = this.session;
    const wasMoves = this.phase === 'moves';
    this.session = next;
    if (next.snapshot.context.history !== before.snapshot.context.history) this.historyRev = this.rev;
    this.lastActive = Math.max(this.lastActive, now);
    const isMoves = this.phase === 'moves';
    const startedRound = isMoves && (!wasMoves || next.snapshot.context.round !== before.snapshot.context.round);
    if (startedRound && this.timer.seconds > 0) {
      this.timer = { seconds: this.timer.seconds, endsAt: now + this.timer.seconds * 1000, pausedRemainingMs: null };
      return true;
    }
    if (!isMoves && (this.timer.endsAt !== null || this.timer.pausedRemainingMs !== null)) {
      this.timer = { seconds: this.timer.seconds, endsAt: null, pausedRemainingMs: null };
      return true;
    }
    return false;
  }

  /** The timer after a teacher's action (null: the action does not apply now). */
  timerAfter(action: { action: 'pause' } | { action: 'resume' } | { action: 'set'; seconds: number }, now: number): TimerView | string {
    const t = this.timer;
    switch (action.action) {
      case 'pause':
        if (t.endsAt === null) return 'the timer is not running';
        return { seconds: t.seconds, endsAt: null, pausedRemainingMs: Math.max(0, t.endsAt - now) };
      case 'resume':
        if (t.pausedRemainingMs === null) return 'the timer is not paused';
        return { seconds: t.seconds, endsAt: now + t.pausedRemainingMs, pausedRemainingMs: null };
      case 'set':
        if (action.seconds === 0 || this.phase !== 'moves') return { seconds: action.seconds, endsAt: null, pausedRemainingMs: null };
        return { seconds: action.seconds, endsAt: now + action.seconds * 1000, pausedRemainingMs: null };
    }
  }

  runInfo(): RunInfo {
    const h = this.header;
    return {
      title: h.title,
      scenario: this.scenario,
      variants: h.variants,
      seed: h.seed,
      roundLimit: h.roundLimit,
      timerSeconds: h.timerSeconds ?? 0,
      seats: h.seats,
    };
  }

  view(): RoomView {
    return {
      code: this.code,
      status: this.status,
      seats: this.header.seats,
      phase: this.phase,
      context: this.session.snapshot.context,
      rev: this.rev,
      historyRev: this.historyRev,
      devices: [...this.devices.values()],
      connected: this.connected,
      messages: this.messages,
      timer: this.timer,
      undoableInject: lastInject(this.session.standing)?.label ?? null,
    };
  }
}

/** A run's session before any event (the header kept exactly as stored). */
export function freshSession(scenario: Scenario, header: RunHeader): Session {
  return { scenario, run: { ...header, events: [] }, snapshot: startRun(scenario, header.seed, header.roundLimit, header.seats), standing: null };
}
