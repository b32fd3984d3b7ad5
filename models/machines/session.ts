/**
 * A live session: a run (header and events) with its current snapshot and the events still
 * standing, which undo returns through. Appending an event is one `transition()`; the whole session can always be
 * rebuilt by replaying its events (that is what a reload does).
 */
import type { ActorId, Scenario } from '../domain/types';
import { botAnswer, botMove, roundSolution } from './bots';
import { phaseOf, replay, startRun, step, type RoundSnapshot, type Run, type RunEvent, type Seat, type Standing } from './run';

export interface Session {
  readonly scenario: Scenario;
  readonly run: Run;
  readonly snapshot: RoundSnapshot;
  readonly standing: Standing | null;
}

export function newSession(
  scenario: Scenario,
  run: Omit<Run, 'events'> & { events?: readonly RunEvent[] },
): { ok: true; session: Session } | { ok: false; problem: string } {
  let session: Session = { scenario, run: { ...run, events: [] }, snapshot: startRun(scenario, run.seed, run.roundLimit, run.seats), standing: null };
  for (const [i, e] of (run.events ?? []).entries()) {
    const r = apply(session, e);
    if (!r.ok) return { ok: false, problem: `events[${i}]: ${e.type} is rejected: ${r.problem}` };
    session = r.session;
  }
  return { ok: true, session };
}

export function apply(session: Session, event: RunEvent): { ok: true; session: Session } | { ok: false; problem: string } {
  const r = step(session.snapshot, session.standing, event);
  if (!r.ok) return r;
  return { ok: true, session: { ...session, snapshot: r.snapshot, standing: r.standing, run: { ...session.run, events: [...session.run.events, event] } } };
}

/** Rebuild from the events alone (what a reload does); must equal the live session. */
export function rebuild(scenario: Scenario, run: Run): ReturnType<typeof replay> {
  return replay(scenario, run.seed, run.roundLimit, run.events, run.seats);
}

export function botSeats(seats: Readonly<Record<ActorId, Seat>>): [ActorId, Extract<Seat, { kind: 'bot' }>][] {
  return Object.entries(seats).filter((e): e is [ActorId, Extract<Seat, { kind: 'bot' }>] => e[1].kind === 'bot');
}

/** The events the bots would send now: their moves while moves are open, answers to offers made to them. */
export function botEvents(snapshot: RoundSnapshot, seats: Readonly<Record<ActorId, Seat>>): RunEvent[] {
  const c = snapshot.context;
  const phase = phaseOf(snapshot);
  const out: RunEvent[] = [];
  if (phase === 'moves') {
    // Every bot reads the same position: one round game for all of them.
    const solution = roundSolution(c);
    for (const [actor, seat] of botSeats(seats)) {
      if (c.committed[actor]) continue;
      const choice = botMove(seat.strategy, c, actor, solution);
      out.push({ type: 'COMMIT_MOVE', actor, move: choice.move, by: 'bot', reason: choice.reason });
    }
  } else if (phase === 'offers') {
    for (const o of c.offers) {
      const seat = seats[o.to];
      if (o.status !== 'open' || !seat || seat.kind !== 'bot') continue;
      out.push({ type: 'ANSWER', offerId: o.id, by: o.to, answer: botAnswer(c, o.to, o).answer });
    }
  }
  return out;
}

/** Let every bot act (moves or answers) in the current phase. */
export function playBots(session: Session): Session {
  let s = session;
  for (const e of botEvents(s.snapshot, s.run.seats)) {
    const r = apply(s, e);
    if (r.ok) s = r.session;
  }
  return s;
}
