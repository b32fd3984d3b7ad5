/**
 * The browser's side of a room (server/README.md is the contract, server/protocol.ts its types):
 * one Socket.IO connection on the page's own origin, the seat's secrets kept in localStorage
 * per join code (a team device's token, the teacher's keys), a join again on every connect that
 * Socket.IO could not recover (after a long sleep or a server restart), and the room as signals:
 * the run, the seat's projection, the history of resolved rounds, the device's seat and why the
 * room closed. Nothing is computed here that the server decides; the analyses stay in the
 * browser's workers.
 */
import { createSignal } from 'solid-js';
import type { Socket } from 'socket.io-client';
import type {
  Ack,
  ClientAcks,
  ClientEventName,
  ClosedMessage,
  CreateRequest,
  DeviceStatus,
  HistoryMessage,
  JoinAck,
  JoinRequest,
  Projection,
  ProtocolError,
  RunInfo,
  SeatMessage,
} from '../../server/protocol';
import { normalizeCode } from '../../server/protocol';

export type RoomRoute =
  | { readonly kind: 'join' }
  | { readonly kind: 'team'; readonly code: string }
  /** `key`: the teacher key carried by the link (the console opened on another device). */
  | { readonly kind: 'teacher'; readonly code: string; readonly key?: string }
  | { readonly kind: 'projector'; readonly code: string; readonly key: string };

/** `#room` (join by code), `#room/CODE` (a team device), `#teach/CODE` or `#teach/CODE/KEY` (the teacher), `#projector/CODE/KEY`. */
export function parseRoomRoute(hash: string): RoomRoute | null {
  const m = /^#(room|teach|projector)(?:\/([^/]*))?(?:\/([^/]*))?$/.exec(hash);
  if (!m) return null;
  const code = m[2] ? normalizeCode(decodeURIComponent(m[2])) : '';
  if (m[1] === 'room') return code ? { kind: 'team', code } : { kind: 'join' };
  if (!code) return { kind: 'join' };
  if (m[1] === 'teach') return m[3] ? { kind: 'teacher', code, key: decodeURIComponent(m[3]) } : { kind: 'teacher', code };
  return { kind: 'projector', code, key: decodeURIComponent(m[3] ?? '') };
}

// ---- Secrets kept in this browser ---------------------------------------------------------

export interface DeviceSecret {
  token: string;
  team: string;
  deviceId: string;
}
export interface TeacherSecret {
  teacherKey: string;
  projectorKey: string;
}

function read<T>(key: string): T | null {
  try {
    const s = localStorage.getItem(key);
    return s ? (JSON.parse(s) as T) : null;
  } catch {
    return null;
  }
}
function write(key: string, value: unknown): void {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Private mode or full storage: the seat then lasts as long as the page.
  }
}
export const deviceSecret = (code: string) => read<DeviceSecret>(`coreplay-room-device:${code}`);
export const setDeviceSecret = (code: string, s: DeviceSecret | null) => write(`coreplay-room-device:${code}`, s);
export const teacherSecret = (code: string) => read<TeacherSecret>(`coreplay-room-teacher:${code}`);
export const setTeacherSecret = (code: string, s: TeacherSecret | null) => write(`coreplay-room-teacher:${code}`, s);

// ---- Connecting ---------------------------------------------------------------------------

async function connectSocket(code: string): Promise<Socket> {
  const { io } = await import('socket.io-client');
  return io({ transports: ['websocket'], query: { room: code }, timeout: 8000, reconnectionDelayMax: 3000 });
}

function failure(code: ProtocolError['code'], message: string): Ack<never> {
  return { ok: false, error: { code, message } };
}

async function emit<E extends ClientEventName>(socket: Socket, event: E, payload: unknown, ms = 8000): Promise<ClientAcks[E]> {
  if (!socket.connected) return failure('internal', 'Not connected to the room server: retrying…') as ClientAcks[E];
  try {
    return (await socket.timeout(ms).emitWithAck(event, payload)) as ClientAcks[E];
  } catch {
    return failure('internal', 'The room server did not answer in time.') as ClientAcks[E];
  }
}

/**
 * Opens a room (`room:create`) from the page that serves the app, keeps the teacher's keys in
 * this browser and answers the join code. Fails with a message when there is no room server
 * (the single-screen app served by itself, e.g. `vite preview`).
 */
export async function createRoom(request: CreateRequest): Promise<{ ok: true; code: string } | { ok: false; message: string }> {
  const socket = await connectSocket('');
  try {
    const connected = await new Promise<boolean>((resolve) => {
      const t = setTimeout(() => resolve(false), 6000);
      socket.once('connect', () => {
        clearTimeout(t);
        resolve(true);
      });
    });
    if (!connected) return { ok: false, message: 'No room server answers here. Start the app with `npm start` (it serves the rooms) and open it from there.' };
    const a = await emit(socket, 'room:create', request, 15_000);
    if (!a.ok) return { ok: false, message: `The room could not be opened: ${a.error.message}` };
    setTeacherSecret(a.code, { teacherKey: a.teacherKey, projectorKey: a.projectorKey });
    return { ok: true, code: a.code };
  } finally {
    socket.disconnect();
  }
}

export type Credentials =
  | { readonly role: 'teacher'; readonly key: string }
  | { readonly role: 'projector'; readonly key: string }
  /** A team device: its token once it has one; until then it claims a seat with `claim`. */
  | { readonly role: 'team' };

export interface RoomConnection {
  readonly code: string;
  readonly connected: () => boolean;
  readonly run: () => RunInfo | undefined;
  readonly state: () => Projection | undefined;
  /** `performance.now()` when the last state arrived (for the timer: `endsAt − serverNow` from then). */
  readonly stateAt: () => number;
  readonly history: () => HistoryMessage | undefined;
  /** A team device: its seat (team, pending or active), once it has one. */
  readonly seat: () => { deviceId: string; team: string; status: DeviceStatus } | undefined;
  readonly closed: () => ClosedMessage | undefined;
  /** The teacher: the projector's key, from this browser or from the server's answer to the join. */
  readonly projectorKey: () => string | undefined;
  /** The last refusal of a join or an action (cleared by the next success). */
  readonly error: () => ProtocolError | undefined;
  readonly clearError: () => void;
  /** A new team device claims a seat of `team`. */
  claim(team: string, name?: string): Promise<boolean>;
  send<E extends ClientEventName>(event: E, payload: unknown): Promise<ClientAcks[E]>;
  dispose(): void;
}

/** A connection to one room as one seat; rejoins on every reconnect Socket.IO did not recover. */
export function connectRoom(code: string, creds: Credentials): RoomConnection {
  const [connected, setConnected] = createSignal(false);
  const [run, setRun] = createSignal<RunInfo>();
  const [state, setState] = createSignal<Projection>();
  const [stateAt, setStateAt] = createSignal(0);
  const [history, setHistory] = createSignal<HistoryMessage>();
  const [seat, setSeat] = createSignal<{ deviceId: string; team: string; status: DeviceStatus }>();
  const [closed, setClosed] = createSignal<ClosedMessage>();
  const [error, setError] = createSignal<ProtocolError>();
  const [projectorKey, setProjectorKey] = createSignal<string | undefined>(
    creds.role === 'teacher' ? teacherSecret(code)?.projectorKey || undefined : undefined,
  );
  let socket: Socket | undefined;
  let disposed = false;

  const takeState = (p: Projection) => {
    const s = state();
    // A state older than the one shown (a late packet after a rejoin) is dropped.
    if (s && p.rev < s.rev && p.status === s.status) return;
    setState(p);
    setStateAt(performance.now());
  };
  const takeHistory = (h: HistoryMessage | undefined) => {
    if (h && (!history() || h.historyRev >= history()!.historyRev)) setHistory(h);
  };
  const takeJoin = (a: JoinAck) => {
    if (a.run) setRun(a.run);
    if (a.state) {
      setState(undefined);
      takeState(a.state);
    }
    takeHistory(a.history);
    if (a.deviceId && a.team && a.status) setSeat({ deviceId: a.deviceId, team: a.team, status: a.status });
  };

  const joinRequest = (): JoinRequest | null => {
    if (creds.role === 'teacher') return { role: 'teacher', code, key: creds.key };
    if (creds.role === 'projector') return { role: 'projector', code, key: creds.key };
    const d = deviceSecret(code);
    return d ? { role: 'device', code, token: d.token } : null;
  };

  const join = async () => {
    if (!socket) return;
    const req = joinRequest();
    if (!req) return;
    const a = await emit(socket, 'room:join', req);
    if (a.ok) {
      setError(undefined);
      if (creds.role === 'teacher') {
        // The key is proven: this browser keeps it (a console opened from a link or a pasted key stays open across reloads).
        const pk = a.projectorKey ?? projectorKey();
        setProjectorKey(pk);
        setTeacherSecret(code, { teacherKey: creds.key, projectorKey: pk ?? '' });
      }
      takeJoin(a);
    } else {
      setError(a.error);
      if (a.error.code === 'bad_token' || a.error.code === 'kicked') {
        // The seat is gone (kicked, or another room's token): the device may claim a seat again.
        setDeviceSecret(code, null);
        setSeat(undefined);
      }
      if (a.error.code === 'room_closed' || a.error.code === 'unknown_room')
        setClosed({ reason: 'ended', message: a.error.code === 'room_closed' ? 'This room has ended.' : a.error.message });
    }
  };

  void connectSocket(code).then((s) => {
    if (disposed) {
      s.disconnect();
      return;
    }
    socket = s;
    s.on('connect', () => {
      setConnected(true);
      if (!s.recovered) void join();
    });
    s.on('disconnect', () => setConnected(false));
    s.on('state', (p: Projection) => takeState(p));
    s.on('history', (h: HistoryMessage) => takeHistory(h));
    s.on('seat', (m: SeatMessage) => {
      setSeat({ deviceId: m.deviceId, team: m.team, status: m.status });
      const d = deviceSecret(code);
      if (d) setDeviceSecret(code, { ...d, team: m.team });
      if (m.run) setRun(m.run);
    });
    s.on('closed', (c: ClosedMessage) => {
      setClosed(c);
      if (c.reason === 'kicked') setDeviceSecret(code, null);
      s.io.reconnection(false);
      s.disconnect();
    });
  });

  return {
    code,
    connected,
    run,
    state,
    stateAt,
    history,
    seat,
    closed,
    projectorKey,
    error,
    clearError: () => setError(undefined),
    async claim(team, name) {
      if (!socket) return false;
      const a = await emit(socket, 'room:join', { role: 'team', code, team, ...(name ? { name } : {}) });
      if (!a.ok) {
        setError(a.error);
        return false;
      }
      setError(undefined);
      if (a.token && a.deviceId) setDeviceSecret(code, { token: a.token, team: a.team ?? team, deviceId: a.deviceId });
      takeJoin(a);
      return true;
    },
    async send(event, payload) {
      if (!socket) return failure('internal', 'Not connected yet.') as ClientAcks[typeof event];
      const a = await emit(socket, event, payload);
      setError(a.ok ? undefined : a.error);
      return a;
    },
    dispose() {
      disposed = true;
      socket?.disconnect();
    },
  };
}
