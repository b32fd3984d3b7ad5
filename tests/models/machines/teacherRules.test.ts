/**
 * The teacher's rules of a class run: an inject is undone on its own and a round's undo keeps the
 * round's injects; an inject that changes nothing is refused; only teams make offers; the round
 * timer's deadline follows the round and phase.
 */
import { describe, expect, it } from 'vitest';
import {
  apply,
  checkUndo,
  deadlineFor,
  lastInject,
  newSession,
  phaseOf,
  rebuild,
  roundStart,
  snapshotData,
  type Inject,
  type Run,
  type RunEvent,
  type Seat,
  type Session,
} from '../../../models/machines/index';
import { builtinDoc } from '../../../models/scenario/index';
import { belarus } from './fixtures';
import { BETWEEN_ROUNDS, injectWords } from '../../../models/domain/round';

const header = (seats: Record<string, Seat> = {}): Run => ({
  format: 'coreplay-run',
  version: 1,
  title: 'test',
  scenario: builtinDoc('belarus'),
  variants: [],
  seed: 3,
  roundLimit: 3,
  seats,
  events: [],
});

async function session(events: RunEvent[] = [], seats: Record<string, Seat> = {}): Promise<Session> {
  const r = newSession(await belarus(), { ...header(seats), events });
  if (!r.ok) throw new Error(r.problem);
  return r.session;
}

function must(s: Session, e: RunEvent): Session {
  const r = apply(s, e);
  if (!r.ok) throw new Error(r.problem);
  return r.session;
}

function refused(s: Session, e: RunEvent): string {
  const r = apply(s, e);
  if (r.ok) throw new Error(`expected ${e.type} to be refused`);
  return r.problem;
}

const storm: Inject = { id: 'storm', label: 'A storm', effects: [{ dimension: 'escalation', delta: 0.1 }] };
const sanctions: Inject = { id: 'sanctions', label: 'New sanctions', effects: [{ dimension: 'sanctions', delta: 0.2 }] };
const inject = (i: Inject): RunEvent => ({ type: 'INJECT', inject: i });
const world = (s: Session) => s.snapshot.context.world;

/** The session rebuilt from its event log alone must be the live one (what a reload does). */
function expectReplays(s: Session) {
  const r = rebuild(s.scenario, s.run);
  if (!r.ok) throw new Error(r.problem.message);
  expect(snapshotData(r.final)).toEqual(snapshotData(s.snapshot));
}

describe('undoing an inject', () => {
  it('takes back the latest inject alone: the moves entered after it stay', async () => {
    let s = await session([{ type: 'START_ROUND' }, { type: 'COMMIT_MOVE', actor: 'regime', move: 'hold' }]);
    const before = world(s);
    s = must(s, inject(storm));
    s = must(s, { type: 'COMMIT_MOVE', actor: 'us', move: 'hold' });
    expect(world(s)).not.toEqual(before);
    expect(lastInject(s.standing)?.label).toBe('A storm');
    s = must(s, { type: 'UNDO_INJECT' });
    expect(world(s)).toEqual(before);
    expect(s.snapshot.context.injects).toEqual([]);
    expect(Object.keys(s.snapshot.context.committed).sort()).toEqual(['regime', 'us']);
    expect(phaseOf(s.snapshot)).toBe('moves');
    expectReplays(s);
  });

  it('takes back one inject at a time, newest first', async () => {
    let s = await session([inject(storm), inject(sanctions)]);
    s = must(s, { type: 'UNDO_INJECT' });
    expect(s.snapshot.context.injects.map((i) => i.id)).toEqual(['storm']);
    s = must(s, { type: 'UNDO_INJECT' });
    expect(s.snapshot.context.injects).toEqual([]);
    expect(refused(s, { type: 'UNDO_INJECT' })).toBe('there is no inject in this round to undo');
  });

  it("leaves a finished round's injects alone", async () => {
    const s = await session([inject(storm), { type: 'START_ROUND' }, { type: 'CLOSE_ROUND' }, { type: 'END_OFFERS' }, { type: 'NEXT_ROUND' }]);
    expect(checkUndo(s.standing, 'UNDO_INJECT')).toEqual({ ok: false, reason: 'there is no inject in this round to undo' });
    expect(lastInject(s.standing)).toBeUndefined();
    expect(s.snapshot.context.history[0]!.injects.map((i) => i.id)).toEqual(['storm']);
  });

  it('keeps an inject made in a debrief with the next round, whose start it moved, once', async () => {
    const round = [{ type: 'START_ROUND' }, { type: 'CLOSE_ROUND' }, { type: 'END_OFFERS' }] as RunEvent[];
    let s = await session([...round, inject(sanctions)]);
    const moved = world(s);
    // The finished round's record is as it was resolved; the inject is not lost with the debrief.
    expect(s.snapshot.context.history[0]!.injects).toEqual([]);
    s = must(s, { type: 'NEXT_ROUND' });
    expect(s.snapshot.context.injects).toEqual([{ ...sanctions, phase: BETWEEN_ROUNDS }]);
    for (const e of round) s = must(s, e);
    const second = s.snapshot.context.history[1]!;
    expect(second.worldBefore).toEqual(moved);
    expect(second.injects.map(injectWords)).toEqual(['New sanctions (between rounds)']);
    // Not carried again into the round after.
    s = must(s, { type: 'NEXT_ROUND' });
    expect(s.snapshot.context.injects).toEqual([]);
    expectReplays(s);
  });

  it('is refused, saying which, when a later event would not be possible without the inject', async () => {
    // With the border sealed Poland cannot close a crossing; the second inject opens it again.
    const sealed: Inject = { id: 'sealed', label: 'Border sealed', effects: [{ dimension: 'border', set: 0 }] };
    const reopened: Inject = { id: 'reopened', label: 'Crossings reopen', effects: [{ dimension: 'border', set: 0.3 }] };
    let s = await session([inject(sealed), inject(reopened), { type: 'START_ROUND' }]);
    s = must(s, { type: 'COMMIT_MOVE', actor: 'poland', move: 'close_crossing' });
    expect(refused(s, { type: 'UNDO_INJECT' })).toMatch(/^without the inject "Crossings reopen", poland's move "close_crossing" would not be possible: /);
    // Nothing changed.
    expect(s.snapshot.context.committed.poland?.move).toBe('close_crossing');
  });
});

describe('undoing a round', () => {
  it('keeps the injects made during the round, applied again to its briefing', async () => {
    let s = await session([{ type: 'START_ROUND' }]);
    const start = world(s);
    s = must(s, inject(storm));
    s = must(s, { type: 'CLOSE_ROUND' });
    s = must(s, inject(sanctions));
    s = must(s, { type: 'UNDO_ROUND' });
    expect(phaseOf(s.snapshot)).toBe('brief');
    expect(s.snapshot.context.injects.map((i) => [i.id, i.phase])).toEqual([
      ['storm', 'brief'],
      ['sanctions', 'brief'],
    ]);
    const esc = s.scenario.dimensions.findIndex((d) => d.id === 'escalation');
    expect(world(s)[esc]).toBeCloseTo(start[esc]! + 0.1, 9);
    // And each can still be undone on its own.
    s = must(s, { type: 'UNDO_INJECT' });
    expect(s.snapshot.context.injects.map((i) => i.id)).toEqual(['storm']);
    expectReplays(s);
  });

  it('returns to the briefing of the round, whose start the debrief compares with', async () => {
    let s = await session([{ type: 'START_ROUND' }, { type: 'CLOSE_ROUND' }, { type: 'END_OFFERS' }]);
    expect(phaseOf(roundStart(s.standing)!)).toBe('brief');
    s = must(s, { type: 'UNDO_ROUND' });
    expect(roundStart(s.standing)).toBeUndefined();
    expect(refused(s, { type: 'UNDO_ROUND' })).toBe('there is no round to undo');
  });
});

describe('an inject that changes nothing', () => {
  it.each([
    ['a change of 0', { dimension: 'escalation', delta: 0 }, 'the change to escalation must be a number other than 0, got 0'],
    ['a missing amount', { dimension: 'escalation', delta: Number.NaN }, 'the change to escalation must be a number other than 0, got NaN'],
    ['a value out of range', { dimension: 'escalation', set: 2 }, 'the value set for escalation must be a number in [0, 1], got 2'],
  ])('is refused: %s', async (_, effect, reason) => {
    const s = await session();
    expect(refused(s, inject({ id: 'x', label: 'Nothing', effects: [effect] }))).toBe(`inject "Nothing": ${reason}`);
  });
});

describe('offers', () => {
  const seats: Record<string, Seat> = {
    regime: { kind: 'team', team: 'Team A' },
    us: { kind: 'team', team: 'Team B' },
    russia: { kind: 'bot', strategy: 'equilibrium' },
  };
  const offers = async () => session([{ type: 'START_ROUND' }, { type: 'CLOSE_ROUND' }], seats);

  it('are made by teams, not on behalf of an actor a bot plays', async () => {
    const s = await offers();
    expect(
      refused(s, {
        type: 'OFFER',
        offer: { id: 'o1', from: 'russia', to: 'regime', give: s.scenario.moves.find((m) => m.actor === 'russia')!.id, get: 'release_50' },
      }),
    ).toBe('russia is played by a bot: offers are made by teams, for the actors they play');
    must(s, { type: 'OFFER', offer: { id: 'o1', from: 'us', to: 'regime', give: 'ease_potash_partial', get: 'release_50' } });
  });

  it('still refuse the same offer twice while it is open', async () => {
    const s = must(await offers(), { type: 'OFFER', offer: { id: 'o1', from: 'us', to: 'regime', give: 'ease_potash_partial', get: 'release_50' } });
    expect(refused(s, { type: 'OFFER', offer: { id: 'o2', from: 'us', to: 'regime', give: 'ease_potash_partial', get: 'release_50' } })).toBe(
      'the same offer from us to regime is already open this round ("o1")',
    );
  });
});

describe('the round timer', () => {
  it('starts with the moves, starts again with the offers, survives other events and stops outside those phases', async () => {
    let s = await session();
    expect(deadlineFor(60, undefined, s.snapshot, 1000)).toBeUndefined();
    s = must(s, { type: 'START_ROUND' });
    const moves = deadlineFor(60, undefined, s.snapshot, 1000);
    expect(moves).toEqual({ round: 1, phase: 'moves', endsAt: 61_000 });
    s = must(s, inject(storm));
    expect(deadlineFor(60, moves, s.snapshot, 30_000)).toBe(moves);
    s = must(s, { type: 'CLOSE_ROUND' });
    const offers = deadlineFor(60, moves, s.snapshot, 40_000);
    expect(offers).toEqual({ round: 1, phase: 'offers', endsAt: 100_000 });
    s = must(s, { type: 'END_OFFERS' });
    expect(deadlineFor(60, offers, s.snapshot, 50_000)).toBeUndefined();
    expect(deadlineFor(0, undefined, (await session([{ type: 'START_ROUND' }])).snapshot, 0)).toBeUndefined();
  });
});
