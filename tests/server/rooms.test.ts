/**
 * A room played through the protocol: opened from a set-up, teams joining by code, moves kept
 * secret until the reveal, offers, messages, the teacher's controls, export in the run format.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkRun, parseRunHeader, type Run } from '../../models/machines/index';
import { headerScenario } from '../../server/scenarios';
import type { HistoryMessage, Projection, SeatMessage } from '../../server/protocol';
import { CODE_ALPHABET } from '../../server/protocol';
import { belarusSetup, call, errorCode, joinTeam, next, ok, openRoom, start, type Running } from './helpers';

let r: Running;
beforeEach(async () => {
  r = await start();
});
afterEach(async () => {
  await r.stop(true);
});

describe('a room', () => {
  it('opens with a short unambiguous code and secrets, and gives the teacher the whole run', async () => {
    const room = await openRoom(r);
    expect(room.code).toMatch(new RegExp(`^[${CODE_ALPHABET}]{8}$`));
    expect(room.code).not.toMatch(/[0O1IL]/);
    expect(room.teacherKey.length).toBeGreaterThanOrEqual(40);
    expect(room.projectorKey).not.toBe(room.teacherKey);
    const j = room.teacherJoin;
    expect(j.role).toBe('teacher');
    expect(j.run?.scenario.actors).toHaveLength(10);
    expect(j.run?.seats.regime).toEqual({ kind: 'team', team: 'Minsk' });
    expect(j.state?.phase).toBe('brief');
    expect(j.state?.teams.map((t) => t.team)).toEqual(['Minsk', 'Washington']);
    expect(j.history?.rounds).toEqual([]);
  });

  it('plays a round: own move visible, the other team’s hidden until the reveal, bots answered, then offers and the next round', async () => {
    const room = await openRoom(r);
    const minsk = await joinTeam(r, room.code, 'Minsk');
    const wash = await joinTeam(r, room.code, 'Washington');
    expect(minsk.ack.status).toBe('active');
    expect(minsk.ack.token).toBeTruthy();
    expect(minsk.ack.state?.actors).toEqual(['regime']);

    const started = next<Projection>(minsk.socket, 'state', (p) => p.phase === 'moves');
    ok(await call(room.teacher, 'teacher:run', { event: { type: 'START_ROUND' }, rev: 0 }));
    const s1 = await started;
    // Every bot has committed at once; what it chose is hidden from the teams.
    expect(Object.values(s1.hasCommitted).filter(Boolean)).toHaveLength(8);
    expect(s1.committed).toEqual({});

    const projector = await r.connect();
    const pj = ok(await call(projector, 'room:join', { role: 'projector', code: room.code, key: room.projectorKey }));
    expect(pj.state?.committed).toEqual({});

    const minskSees = next<Projection>(minsk.socket, 'state', (p) => p.hasCommitted.regime === true);
    const washSees = next<Projection>(wash.socket, 'state', (p) => p.hasCommitted.regime === true);
    const teacherSees = next<Projection>(room.teacher, 'state', (p) => p.hasCommitted.regime === true);
    const projSees = next<Projection>(projector, 'state', (p) => p.hasCommitted.regime === true);
    ok(await call(minsk.socket, 'team:commit', { move: 'release_123', note: 'a first step' }));
    expect((await minskSees).committed.regime?.move).toBe('release_123');
    expect((await washSees).committed.regime).toBeUndefined();
    expect((await projSees).committed).toEqual({});
    const t = await teacherSees;
    expect(t.committed.regime?.move).toBe('release_123');
    expect(Object.keys(t.committed)).toHaveLength(9);
    expect(t.devices?.map((d) => d.team).sort()).toEqual(['Minsk', 'Washington']);

    // A replayed commit is refused by the machine.
    const again = await call(minsk.socket, 'team:commit', { move: 'release_50' });
    expect(errorCode(again)).toBe('rejected');
    expect(again.ok ? '' : again.error.message).toMatch(/already committed/);

    // The last commit reveals: everyone sees every move.
    const revealed = next<Projection>(projector, 'state', (p) => p.phase === 'offers');
    ok(await call(wash.socket, 'team:commit', { move: 'ease_potash_partial' }));
    const rv = await revealed;
    expect(rv.committed.regime?.move).toBe('release_123');
    expect(rv.committed.us?.move).toBe('ease_potash_partial');

    // Offers: Minsk offers Washington a deal; Washington accepts.
    const offered = ok(await call(minsk.socket, 'team:offer', { to: 'us', give: 'release_300', get: 'ease_potash_partial' }));
    expect(offered.offerId).toMatch(/^o\d+$/);
    const dealSeen = next<Projection>(minsk.socket, 'state', (p) => p.deals.length === 1);
    ok(await call(wash.socket, 'team:answer', { offerId: offered.offerId, answer: 'accept' }));
    expect((await dealSeen).deals[0]?.parties).toEqual(['regime', 'us']);

    const hist = next<HistoryMessage>(wash.socket, 'history', (h) => h.rounds.length === 1);
    ok(await call(room.teacher, 'teacher:run', { event: { type: 'END_OFFERS' } }));
    const h = await hist;
    expect(h.rounds[0]?.actors.regime?.move).toBe('release_123');
    const brief = next<Projection>(wash.socket, 'state', (p) => p.round === 2 && p.phase === 'brief');
    ok(await call(room.teacher, 'teacher:run', { event: { type: 'NEXT_ROUND' } }));
    expect((await brief).due).toHaveLength(1);
  });

  it('private messages reach the two teams and the teacher, never the projector or a third team', async () => {
    const setup = belarusSetup();
    const room = await openRoom(r, { ...setup, seats: { ...setup.seats, eu: { kind: 'team', team: 'Brussels' } } });
    const minsk = await joinTeam(r, room.code, 'Minsk');
    const wash = await joinTeam(r, room.code, 'Washington');
    const eu = await joinTeam(r, room.code, 'Brussels');
    const projector = await r.connect();
    ok(await call(projector, 'room:join', { role: 'projector', code: room.code, key: room.projectorKey }));
    const seen: Record<string, Projection[]> = { eu: [], projector: [] };
    eu.socket.on('state', (p: Projection) => seen.eu!.push(p));
    projector.on('state', (p: Projection) => seen.projector!.push(p));
    const got = next<Projection>(wash.socket, 'state', (p) => p.messages.length === 1);
    const teacherGot = next<Projection>(room.teacher, 'state', (p) => p.messages.length === 1);
    const m = ok(await call(minsk.socket, 'team:message', { to: 'Washington', text: '  Potash for prisoners?  ' }));
    expect(m.messageId).toBe('m1');
    expect((await got).messages[0]).toMatchObject({ from: 'Minsk', to: 'Washington', text: 'Potash for prisoners?', round: 1, phase: 'brief', afterEvent: 0 });
    expect((await teacherGot).messages).toHaveLength(1);
    ok(await call(room.teacher, 'teacher:run', { event: { type: 'START_ROUND' } }));
    await next<Projection>(eu.socket, 'state', (p) => p.phase === 'moves');
    expect(seen.eu!.every((p) => p.messages.length === 0)).toBe(true);
    expect(seen.projector!.length).toBeGreaterThan(0);
    expect(seen.projector!.every((p) => p.messages.length === 0)).toBe(true);
    expect(errorCode(await call(minsk.socket, 'team:message', { to: 'Minsk', text: 'me' }))).toBe('bad_request');
    expect(errorCode(await call(minsk.socket, 'team:message', { to: 'Nobody', text: 'hi' }))).toBe('unknown_seat');
    expect(errorCode(await call(minsk.socket, 'team:message', { to: 'Washington', text: 'x'.repeat(1001) }))).toBe('bad_request');
  });

  it('exports the run in the app’s run-file format (it replays), with the messages beside it; ending closes every client', async () => {
    const room = await openRoom(r);
    const minsk = await joinTeam(r, room.code, 'Minsk');
    const wash = await joinTeam(r, room.code, 'Washington');
    ok(await call(minsk.socket, 'team:message', { to: 'Washington', text: 'hello' }));
    ok(await call(room.teacher, 'teacher:run', { event: { type: 'START_ROUND' } }));
    ok(await call(minsk.socket, 'team:commit', { move: 'release_50' }));
    ok(await call(wash.socket, 'team:commit', { move: 'envoy_visit' }));
    ok(
      await call(room.teacher, 'teacher:run', {
        event: { type: 'INJECT', inject: { id: 'x1', label: 'A storm', effects: [{ dimension: 'escalation', delta: 0.1 }] } },
      }),
    );
    ok(await call(room.teacher, 'teacher:run', { event: { type: 'CLOSE_ROUND' } }));
    const ex = ok(await call(room.teacher, 'teacher:export', {}));
    const h = parseRunHeader(ex.runFile);
    if (!h.ok) throw new Error('run file refused');
    const run: Run = h.run;
    expect(run.format).toBe('coreplay-run');
    expect(run.events.map((e) => (e as { type: string }).type)).toEqual([
      'START_ROUND',
      ...Array(8).fill('COMMIT_MOVE'),
      'COMMIT_MOVE',
      'COMMIT_MOVE',
      'INJECT',
      'CLOSE_ROUND',
    ]);
    const sc = headerScenario(run);
    if (!sc.ok) throw new Error(sc.problem);
    expect(checkRun(run, sc.scenario).ok).toBe(true);
    const msgs = JSON.parse(ex.messagesFile);
    expect(msgs).toMatchObject({
      format: 'coreplay-room-messages',
      version: 1,
      code: room.code,
      messages: [{ from: 'Minsk', to: 'Washington', text: 'hello', afterEvent: 0 }],
    });

    const closed = next<{ reason: string }>(wash.socket, 'closed');
    const gone = new Promise((res) => wash.socket.once('disconnect', res));
    const end = ok(await call(room.teacher, 'teacher:end', {}));
    expect(end.runFile).toBe(ex.runFile);
    expect((await closed).reason).toBe('ended');
    await gone;
    const late = await r.connect();
    expect(errorCode(await call(late, 'room:join', { role: 'team', code: room.code, team: 'Minsk' }))).toBe('room_closed');
    expect(await r.store.roomStatus(room.code)).toBe('ended');
  });

  it('admission: a new device waits for the teacher, who admits it, moves it to another team, or removes it', async () => {
    const room = await openRoom(r, belarusSetup({ admission: 'teacher' }));
    const dev = await joinTeam(r, room.code, 'Minsk');
    expect(dev.ack.status).toBe('pending');
    expect(dev.ack.state).toBeUndefined();
    expect(dev.ack.run).toBeUndefined();
    expect(errorCode(await call(dev.socket, 'team:commit', { move: 'release_50' }))).toBe('pending');

    const seat = next<SeatMessage>(dev.socket, 'seat');
    const state = next<Projection>(dev.socket, 'state');
    ok(await call(room.teacher, 'teacher:admit', { deviceId: dev.ack.deviceId }));
    expect((await seat).status).toBe('active');
    expect((await state).team).toBe('Minsk');

    const moved = next<SeatMessage>(dev.socket, 'seat');
    const movedState = next<Projection>(dev.socket, 'state', (p) => p.team === 'Washington');
    ok(await call(room.teacher, 'teacher:assign', { deviceId: dev.ack.deviceId, team: 'Washington' }));
    expect((await moved).team).toBe('Washington');
    expect((await movedState).actors).toEqual(['us']);
    ok(await call(room.teacher, 'teacher:run', { event: { type: 'START_ROUND' } }));
    expect(errorCode(await call(dev.socket, 'team:commit', { move: 'release_50' }))).toBe('not_your_actor');
    ok(await call(dev.socket, 'team:commit', { move: 'envoy_visit' }));

    const kicked = next<{ reason: string }>(dev.socket, 'closed');
    ok(await call(room.teacher, 'teacher:kick', { deviceId: dev.ack.deviceId }));
    expect((await kicked).reason).toBe('kicked');
    const back = await r.connect();
    expect(errorCode(await call(back, 'room:join', { role: 'device', code: room.code, token: dev.ack.token }))).toBe('kicked');
  });

  it('the timer starts with the round, pauses and resumes on the teacher’s word, and stops at the reveal', async () => {
    const room = await openRoom(r, belarusSetup({ timerSeconds: 120 }));
    const minsk = await joinTeam(r, room.code, 'Minsk');
    expect(minsk.ack.state?.timer).toEqual({ seconds: 120, endsAt: null, pausedRemainingMs: null });
    const running = next<Projection>(minsk.socket, 'state', (p) => p.timer.endsAt !== null);
    ok(await call(room.teacher, 'teacher:run', { event: { type: 'START_ROUND' } }));
    const p = await running;
    expect(p.timer.endsAt! - p.serverNow).toBeGreaterThan(110_000);
    const paused = next<Projection>(minsk.socket, 'state', (x) => x.timer.pausedRemainingMs !== null);
    ok(await call(room.teacher, 'teacher:timer', { action: 'pause' }));
    expect((await paused).timer.pausedRemainingMs).toBeGreaterThan(110_000);
    expect(errorCode(await call(room.teacher, 'teacher:timer', { action: 'pause' }))).toBe('rejected');
    ok(await call(room.teacher, 'teacher:timer', { action: 'resume' }));
    const stopped = next<Projection>(minsk.socket, 'state', (x) => x.phase === 'offers');
    ok(await call(room.teacher, 'teacher:run', { event: { type: 'CLOSE_ROUND' } }));
    expect((await stopped).timer).toEqual({ seconds: 120, endsAt: null, pausedRemainingMs: null });
  });

  it('undoes the last inject on its own; only the teacher is told which, and only the teacher can', async () => {
    const room = await openRoom(r);
    const minsk = await joinTeam(r, room.code, 'Minsk');
    const storm = { id: 'x1', label: 'A storm', effects: [{ dimension: 'escalation', delta: 0.1 }] };
    const injected = next<Projection>(room.teacher, 'state', (p) => p.injects.length === 1);
    const teamSaw = next<Projection>(minsk.socket, 'state', (p) => p.injects.length === 1);
    ok(await call(room.teacher, 'teacher:run', { event: { type: 'INJECT', inject: storm } }));
    const withStorm = await injected;
    expect(withStorm.undoableInject).toBe('A storm');
    expect('undoableInject' in (await teamSaw)).toBe(false);
    expect(errorCode(await call(minsk.socket, 'teacher:run', { event: { type: 'UNDO_INJECT' } }))).toBe('forbidden');
    const back = next<Projection>(room.teacher, 'state', (p) => p.injects.length === 0);
    ok(await call(room.teacher, 'teacher:run', { event: { type: 'UNDO_INJECT' } }));
    const undone = await back;
    expect(undone.undoableInject).toBeNull();
    // The world is as it was before the inject, and the storm had moved it.
    const before = room.teacherJoin.state!.world;
    expect(withStorm.world).not.toEqual(before);
    expect(undone.world).toEqual(before);
    expect(room.teacherJoin.state!.undoableInject).toBeNull();
    // Nothing left to undo: refused with the model's reason, not applied.
    expect(errorCode(await call(room.teacher, 'teacher:run', { event: { type: 'UNDO_INJECT' } }))).toBe('rejected');
    const stored = await r.store.loadRoom(room.code);
    expect(stored?.log.map((e) => (e.kind === 'run' ? e.event.type : 'message'))).toEqual(['INJECT', 'UNDO_INJECT']);
  });

  it('undo returns to before the round started and the log keeps both', async () => {
    const room = await openRoom(r);
    const minsk = await joinTeam(r, room.code, 'Minsk');
    ok(await call(room.teacher, 'teacher:run', { event: { type: 'START_ROUND' } }));
    ok(await call(minsk.socket, 'team:commit', { move: 'release_50' }));
    const back = next<Projection>(minsk.socket, 'state', (p) => p.phase === 'brief');
    const u = ok(await call(room.teacher, 'teacher:run', { event: { type: 'UNDO_ROUND' } }));
    expect((await back).committed).toEqual({});
    expect(u.rev).toBe(11);
    const stored = await r.store.loadRoom(room.code);
    expect(stored?.log.map((e) => (e.kind === 'run' ? e.event.type : 'message'))).toEqual([
      'START_ROUND',
      ...Array(8).fill('COMMIT_MOVE'),
      'COMMIT_MOVE',
      'UNDO_ROUND',
    ]);
    expect(stored?.log.filter((e) => e.kind === 'run' && e.by === 'bot')).toHaveLength(8);
  });
});
