/**
 * What each seat of a room may see: a pure function of the room's state and the viewer.
 *
 *  - a team sees its own actors' moves of this round, and of the others only whether they have
 *    committed, until the reveal (the moves phase ends: every actor committed, or CLOSE_ROUND);
 *    it sees the private messages it sent or received;
 *  - the projector (the class screen) sees who has committed, never what, and no messages;
 *  - the teacher sees every move, every message and every device.
 *
 * Which commitments are secret is the round machine's rule, stated once in models/machines
 * `viewFor`; this adds the room's own parts (teams, devices, messages, timer). The history of
 * resolved rounds is public (it is sent apart from the projection, as `history`).
 */
import type { ActorId } from '../models/domain/types';
import { viewFor, type RoundContext, type RoundPhase, type Seat } from '../models/machines/index';
import type { DeviceStatus, DeviceView, MessageView, Projection, Role, RoomStatus, TeamView, TimerView } from './protocol';

export interface DeviceRecord {
  readonly deviceId: string;
  readonly team: string;
  readonly name: string;
  readonly status: DeviceStatus;
}

/** Everything a projection is computed from. */
export interface RoomView {
  readonly code: string;
  readonly status: RoomStatus;
  readonly seats: Readonly<Record<ActorId, Seat>>;
  readonly phase: RoundPhase;
  readonly context: RoundContext;
  readonly rev: number;
  readonly historyRev: number;
  readonly devices: readonly DeviceRecord[];
  /** Device id → how many sockets it has connected now. */
  readonly connected: Readonly<Record<string, number>>;
  readonly messages: readonly MessageView[];
  readonly timer: TimerView;
  /** The label of the inject that UNDO_INJECT would take back (shown to the teacher only). */
  readonly undoableInject: string | null;
}

export type Viewer = { readonly role: 'teacher' } | { readonly role: 'projector' } | { readonly role: 'team'; readonly team: string };

/** The run's teams in seat order, each with the actors it plays. */
export function teamsOf(seats: Readonly<Record<ActorId, Seat>>): Map<string, ActorId[]> {
  const out = new Map<string, ActorId[]>();
  for (const [actor, seat] of Object.entries(seats)) {
    if (seat.kind !== 'team') continue;
    const list = out.get(seat.team) ?? [];
    list.push(actor);
    out.set(seat.team, list);
  }
  return out;
}

/**
 * The parts of a room's projections that do not depend on the viewer. A broadcast computes them
 * once for the room's dozen audiences: the projections then share these objects, which is less
 * work and, as Socket.IO keeps each broadcast for connection-state recovery, less memory held.
 */
export interface SharedParts {
  readonly teamActors: ReadonlyMap<string, ActorId[]>;
  readonly teams: readonly TeamView[];
  readonly hasCommitted: Readonly<Record<ActorId, boolean>>;
}

export function sharedParts(room: Pick<RoomView, 'seats' | 'devices' | 'connected' | 'phase' | 'context'>): SharedParts {
  const teamActors = teamsOf(room.seats);
  const teams: TeamView[] = [];
  for (const [team, list] of teamActors) {
    const admitted = room.devices.filter((d) => d.team === team && d.status === 'active');
    teams.push({ team, actors: list, devices: admitted.length, connected: admitted.filter((d) => (room.connected[d.deviceId] ?? 0) > 0).length });
  }
  // Who has committed is public in every phase (viewFor): the public view's record serves everyone.
  return { teamActors, teams, hasCommitted: viewFor(room.phase, room.context, []).hasCommitted };
}

export function viewerActors(room: Pick<RoomView, 'seats' | 'context'>, viewer: Viewer, teamActors?: ReadonlyMap<string, ActorId[]>): ActorId[] {
  if (viewer.role === 'teacher') return room.context.scenario.actors.map((a) => a.id);
  if (viewer.role === 'projector') return [];
  return (teamActors ?? teamsOf(room.seats)).get(viewer.team) ?? [];
}

/** `shared`: the room's `sharedParts`, when several viewers are projected from the same state. */
export function project(room: RoomView, viewer: Viewer, now: number, shared: SharedParts = sharedParts(room)): Projection {
  const actors = viewerActors(room, viewer, shared.teamActors);
  const seen = viewFor(room.phase, room.context, actors);
  const c = room.context;
  const teams = shared.teams;
  const messages =
    viewer.role === 'teacher' ? room.messages : viewer.role === 'team' ? room.messages.filter((m) => m.from === viewer.team || m.to === viewer.team) : [];
  const role: Role = viewer.role;
  const base: Projection = {
    code: room.code,
    role,
    team: viewer.role === 'team' ? viewer.team : null,
    actors,
    status: room.status,
    rev: room.rev,
    historyRev: room.historyRev,
    phase: seen.phase,
    round: seen.round,
    roundLimit: seen.roundLimit,
    world: seen.world,
    postures: seen.postures,
    holdings: c.holdings,
    hasCommitted: shared.hasCommitted,
    committed: seen.committed,
    offers: seen.offers,
    deals: c.deals,
    due: c.due,
    injects: c.injects,
    teams,
    timer: room.timer,
    serverNow: now,
    messages,
  };
  if (viewer.role !== 'teacher') return base;
  const devices: DeviceView[] = room.devices.map((d) => ({
    deviceId: d.deviceId,
    team: d.team,
    name: d.name,
    status: d.status,
    connected: (room.connected[d.deviceId] ?? 0) > 0,
  }));
  return { ...base, devices, undoableInject: room.undoableInject };
}
