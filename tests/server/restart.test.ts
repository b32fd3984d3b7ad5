/**
 * Nothing accepted is lost: a restarted server (a new store on the same data folder, a new
 * server) restores every open room by replaying its log through the round machine; devices come
 * back with their seat tokens; idle rooms expire on an injected clock; a dropped connection
 * recovers its state (Socket.IO connection-state recovery) unless its seat was taken away.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Projection } from '../../server/protocol';
import type { SqliteStore } from '../../server/sqliteStore';
import { belarusSetup, call, errorCode, FakeClock, joinTeam, next, ok, openRoom, start, type Running } from './helpers';

let r: Running | undefined;
afterEach(async () => {
  await r?.stop(true);
  r = undefined;
});

describe('restart', () => {
  it('restores every open room from its log: state, secret moves, devices, messages, timer; play goes on', async () => {
    const clock = new FakeClock();
    r = await start({ clock });
    const room = await openRoom(r, belarusSetup({ timerSeconds: 90 }));
    const second = await openRoom(r, belarusSetup({ admission: 'teacher' }));
    const m = await joinTeam(r, room.code, 'Minsk');
    const w = await joinTeam(r, room.code, 'Washington');
    const gone = await joinTeam(r, room.code, 'Washington');
    const waiting = await joinTeam(r, second.code, 'Minsk');
    ok(await call(room.teacher, 'teacher:kick', { deviceId: gone.ack.deviceId }));
    ok(await call(m.socket, 'team:message', { to: 'Washington', text: 'before the restart' }));
    ok(await call(room.teacher, 'teacher:run', { event: { type: 'START_ROUND' } }));
    ok(await call(m.socket, 'team:commit', { move: 'release_123', note: 'kept secret' }));
    const before = r.server.rooms.get(room.code)!;
    const snapshotBefore = JSON.stringify(before.session.snapshot.context);
    const revBefore = before.rev;
    const timerBefore = before.timer;
    expect(timerBefore.endsAt).not.toBeNull();

    const dataDir = r.dataDir;
    await r.stop();
    r = await start({ clock, dataDir });
    expect([...r.server.rooms.keys()].sort()).toEqual([room.code, second.code].sort());
    const after = r.server.rooms.get(room.code)!;
    expect(after.rev).toBe(revBefore);
    expect(after.phase).toBe('moves');
    expect(JSON.stringify(after.session.snapshot.context)).toBe(snapshotBefore);
    expect(after.timer).toEqual(timerBefore);
    expect(after.messages.map((x) => x.text)).toEqual(['before the restart']);

    // The team comes back with its token and sees its own secret move; the other team does not.
    const m2 = await r.connect();
    const back = ok(await call(m2, 'room:join', { role: 'device', code: room.code, token: m.ack.token }));
    expect(back.deviceId).toBe(m.ack.deviceId);
    expect(back.state?.committed.regime).toMatchObject({ move: 'release_123', reason: 'kept secret' });
    expect(back.state?.messages).toHaveLength(1);
    const w2 = await r.connect();
    const wBack = ok(await call(w2, 'room:join', { role: 'device', code: room.code, token: w.ack.token }));
    expect(wBack.state?.committed.regime).toBeUndefined();
    expect(wBack.state?.hasCommitted.regime).toBe(true);
    const g2 = await r.connect();
    expect(errorCode(await call(g2, 'room:join', { role: 'device', code: room.code, token: gone.ack.token }))).toBe('kicked');
    const p2 = await r.connect();
    const pending = ok(await call(p2, 'room:join', { role: 'device', code: second.code, token: waiting.ack.token }));
    expect(pending.status).toBe('pending');
    const t2 = await r.connect();
    ok(await call(t2, 'room:join', { role: 'teacher', code: room.code, key: room.teacherKey }));

    // The round goes on where it stopped.
    const revealed = next<Projection>(w2, 'state', (p) => p.phase === 'offers');
    ok(await call(w2, 'team:commit', { move: 'ease_potash_partial' }));
    expect((await revealed).committed.regime?.move).toBe('release_123');
    const stored = await r.store.loadRoom(room.code);
    expect(stored?.log.filter((e) => e.kind === 'run')).toHaveLength(revBefore + 1);
  });

  it('rooms expire after the idle time (injected clock): clients are told, the code is closed, a restart does not bring them back', async () => {
    const clock = new FakeClock();
    r = await start({ clock, idleMs: 60_000 });
    const idle = await openRoom(r);
    const busy = await openRoom(r);
    const m = await joinTeam(r, idle.code, 'Minsk');
    clock.advance(50_000);
    ok(await call(busy.teacher, 'teacher:run', { event: { type: 'START_ROUND' } }));
    clock.advance(20_000);
    const closed = next<{ reason: string }>(m.socket, 'closed');
    expect(await r.server.sweep()).toEqual([idle.code]);
    expect((await closed).reason).toBe('expired');
    const c = await r.connect();
    expect(errorCode(await call(c, 'room:join', { role: 'device', code: idle.code, token: m.ack.token }))).toBe('room_closed');
    expect(await r.store.roomStatus(idle.code)).toBe('expired');
    // A room that went idle while the server was down expires when it restarts.
    const dataDir = r.dataDir;
    await r.stop();
    clock.advance(120_000);
    r = await start({ clock, dataDir, idleMs: 60_000 });
    expect(r.server.rooms.size).toBe(0);
    expect(await r.store.roomStatus(busy.code)).toBe('expired');
  });
});

describe('reconnection', () => {
  it('a device that comes back with its seat token rejoins its seat and gets the current projection', async () => {
    r = await start();
    const room = await openRoom(r);
    const m = await joinTeam(r, room.code, 'Minsk');
    ok(await call(room.teacher, 'teacher:run', { event: { type: 'START_ROUND' } }));
    ok(await call(m.socket, 'team:commit', { move: 'release_50' }));
    m.socket.disconnect();
    const again = await r.connect();
    const j = ok(await call(again, 'room:join', { role: 'device', code: room.code, token: m.ack.token }));
    expect(j).toMatchObject({ role: 'team', team: 'Minsk', deviceId: m.ack.deviceId, status: 'active' });
    expect(j.token).toBeUndefined();
    expect(j.state?.committed.regime?.move).toBe('release_50');
    expect(j.state?.teams.find((t) => t.team === 'Minsk')).toMatchObject({ devices: 1, connected: 1 });
  });

  it('a dropped connection recovers its state and channels, and is refused if its device was removed meanwhile', async () => {
    r = await start();
    const room = await openRoom(r);
    const m = await r.connect({ reconnection: true, reconnectionDelay: 50, reconnectionDelayMax: 100 });
    const j = ok(await call(m, 'room:join', { role: 'team', code: room.code, team: 'Minsk' }));
    // The transport drops (as on a flaky network); the client reconnects by itself.
    const recovered = new Promise<boolean>((res) => m.once('disconnect', () => m.once('connect', () => res(m.recovered))));
    const fresh = next<Projection>(m, 'state');
    m.io.engine.close();
    expect(await recovered).toBe(true);
    expect((await fresh).team).toBe('Minsk');
    const moves = next<Projection>(m, 'state', (p) => p.phase === 'moves');
    ok(await call(room.teacher, 'teacher:run', { event: { type: 'START_ROUND' } }));
    await moves;
    ok(await call(m, 'team:commit', { move: 'release_50' }));

    // Removed while away: the recovered connection is told and closed.
    const kick = new Promise<void>((res) => m.io.once('reconnect_attempt', () => res()));
    const told = next<{ reason: string }>(m, 'closed');
    m.io.engine.close();
    await kick;
    ok(await call(room.teacher, 'teacher:kick', { deviceId: j.deviceId }));
    expect((await told).reason).toBe('kicked');
  });
});

describe('SqliteStore', () => {
  it('uses WAL, keeps the log append-only, lists open rooms', async () => {
    r = await start();
    const room = await openRoom(r);
    const store = r.store as SqliteStore;
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    ok(await call(room.teacher, 'teacher:run', { event: { type: 'START_ROUND' } }));
    expect(() => store.db.prepare('UPDATE events SET body = ? WHERE room = ?').run('{}', room.code)).toThrow(/append-only/);
    expect(() => store.db.prepare('DELETE FROM events WHERE room = ?').run(room.code)).toThrow(/append-only/);
    expect(await store.listOpenRooms()).toEqual([room.code]);
    const row = store.db.prepare('SELECT teacher_key_hash AS h FROM rooms WHERE code = ?').get(room.code) as { h: string };
    expect(row.h).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(store.db.prepare('SELECT * FROM rooms').all())).not.toContain(room.teacherKey);
    ok(await call(room.teacher, 'teacher:end', {}));
    expect(await store.listOpenRooms()).toEqual([]);
  });
});
