/**
 * Hostile clients. Each measure of the room server against bad input, with a client that tries
 * to get past it: schemas, size caps, rate limits, join guessing, forged and stale tokens and
 * keys, out-of-phase and replayed events, acting for another actor or role, rooms kept apart,
 * foreign origins, and a failing store. After each, the server still serves.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { NodeWs } from './nodeWebSocket';
import type { Projection } from '../../server/protocol';
import type { LogEntry } from '../../server/store';
import { SqliteStore } from '../../server/sqliteStore';
import { createServer } from '../../server/server';
import { belarusSetup, call, connect, errorCode, FakeClock, joinTeam, next, ok, openRoom, raw, start, tempDir, type Running } from './helpers';

let r: Running | undefined;
afterEach(async () => {
  await r?.stop(true);
  r = undefined;
});

async function stillServes(x: Running): Promise<void> {
  const c = await x.connect();
  ok(await call(c, 'room:create', belarusSetup()));
}

describe('hostile clients', () => {
  it('every payload is schema-checked: wrong types, extra keys, missing fields, non-objects get bad_request with the path', async () => {
    r = await start();
    const room = await openRoom(r);
    const m = await joinTeam(r, room.code, 'Minsk');
    const cases: [string, unknown, RegExp][] = [
      ['room:join', { role: 'team', code: room.code }, /team/],
      ['room:join', { role: 'admin', code: room.code }, /role/],
      ['room:join', { role: 'teacher', code: '0000OOOO', key: 'x'.repeat(20) }, /code/],
      ['team:commit', { move: 42 }, /move/],
      ['team:commit', { move: 'release_50', extra: true }, /extra/],
      ['team:commit', null, /./],
      ['team:commit', 'release_50', /./],
      ['team:commit', ['release_50'], /./],
      ['team:offer', { to: 'us', give: 'release_50' }, /get/],
      ['team:answer', { offerId: 'o1', answer: 'maybe' }, /answer/],
      ['team:message', { to: 'Washington', text: '' }, /text/],
      ['team:message', { to: 'Washington', text: 'bell\u0007' }, /control/],
      ['teacher:run', { event: { type: 'COMMIT_MOVE', actor: 'us', move: 'envoy_visit' } }, /teacher event/],
      ['room:create', { scenario: { builtin: 'belarus' }, seed: -1, roundLimit: 3, seats: {} }, /seed/],
      ['room:create', { scenario: { builtin: 'belarus' }, seed: 1, roundLimit: 999, seats: {} }, /rounds/],
    ];
    for (const [event, payload, why] of cases) {
      const a = await raw(m.socket, event, payload);
      expect(errorCode(a), `${event} ${JSON.stringify(payload)}`).toBe('bad_request');
      expect(a.ok ? '' : a.error.message).toMatch(why);
    }
    expect(errorCode(await raw(m.socket, 'team:commit', { move: 'a' }, { more: 1 }))).toBe('bad_request');
    // A scenario document that is not one is refused with its problems, and opens nothing.
    const bad = await call(m.socket, 'room:create', { ...belarusSetup(), scenario: { document: { format: 'coreplay-scenario', version: 1, actors: 'none' } } });
    expect(errorCode(bad)).toBe('bad_request');
    expect(bad.ok ? '' : bad.error.message).toMatch(/^scenario: /);
    expect(errorCode(await call(m.socket, 'room:create', belarusSetup({ seats: { tsar: { kind: 'team', team: 'X' } } })))).toBe('bad_request');
    expect(errorCode(await call(m.socket, 'room:create', belarusSetup({ variants: ['no-such-variant'] })))).toBe('bad_request');
    expect(r.server.rooms.size).toBe(1);
    await stillServes(r);
  });

  it('size caps: a payload over its message’s cap is too_large; a packet over maxHttpBufferSize closes that connection only', async () => {
    r = await start();
    const room = await openRoom(r);
    const m = await joinTeam(r, room.code, 'Minsk');
    const big = await raw(m.socket, 'team:commit', { move: 'x'.repeat(5000) });
    expect(errorCode(big)).toBe('too_large');
    expect(errorCode(await raw(m.socket, 'teacher:run', { event: { type: 'INJECT', inject: { id: 'i', label: 'y'.repeat(30_000) } } }))).toBe('too_large');
    const c = await r.connect();
    const dropped = new Promise<string>((res) => c.once('disconnect', (why) => res(why)));
    c.emit('room:create', { scenario: { document: 'z'.repeat(1_300_000) } }, () => {});
    expect(await dropped).toMatch(/transport (close|error)/);
    await stillServes(r);
    ok(await call(m.socket, 'team:message', { to: 'Washington', text: 'still here' }));
  });

  it('each socket is rate-limited (token bucket): a flood gets rate_limited with a retry time, and the bucket refills', async () => {
    const clock = new FakeClock();
    r = await start({ clock, limits: { messages: { capacity: 10, perSecond: 5 } } });
    const room = await openRoom(r);
    const m = await joinTeam(r, room.code, 'Minsk'); // a fresh socket: 1 message used
    const answers = await Promise.all(Array.from({ length: 30 }, () => raw(m.socket, 'team:message', { to: 'Washington', text: 'spam' })));
    const limited = answers.filter((a) => errorCode(a) === 'rate_limited');
    expect(answers.filter((a) => a.ok)).toHaveLength(9);
    expect(limited).toHaveLength(21);
    expect(limited[0]!.ok ? 0 : limited[0]!.error.retryAfterMs).toBe(200);
    // The other sockets are not affected.
    ok(await call(room.teacher, 'teacher:export', {}));
    clock.advance(1000);
    const later = await Promise.all(Array.from({ length: 6 }, () => raw(m.socket, 'team:message', { to: 'Washington', text: 'again' })));
    expect(later.filter((a) => a.ok)).toHaveLength(5);
  });

  it('unknown rooms, wrong keys, forged and foreign tokens are refused clearly', async () => {
    r = await start();
    const a = await openRoom(r);
    const b = await openRoom(r);
    const other = a.code === 'ACDEFGHJ' ? 'ACDEFGHK' : 'ACDEFGHJ';
    const c = await r.connect();
    expect(errorCode(await call(c, 'room:join', { role: 'team', code: other, team: 'Minsk' }))).toBe('unknown_room');
    expect(errorCode(await call(c, 'room:join', { role: 'teacher', code: a.code, key: a.projectorKey }))).toBe('forbidden');
    expect(errorCode(await call(c, 'room:join', { role: 'projector', code: a.code, key: b.projectorKey }))).toBe('forbidden');
    const devA = await joinTeam(r, a.code, 'Minsk');
    const d = await r.connect();
    expect(errorCode(await call(d, 'room:join', { role: 'device', code: b.code, token: devA.ack.token }))).toBe('bad_token');
    expect(errorCode(await call(d, 'room:join', { role: 'device', code: a.code, token: `${devA.ack.token!.slice(0, -2)}xx` }))).toBe('bad_token');
    // A team that is not in the run.
    expect(errorCode(await call(d, 'room:join', { role: 'team', code: a.code, team: 'Moscow' }))).toBe('unknown_seat');
    // Nothing before joining; a team's socket cannot use the teacher's messages, nor the projector a team's.
    const e = await r.connect();
    expect(errorCode(await call(e, 'team:commit', { move: 'release_50' }))).toBe('not_joined');
    expect(errorCode(await call(devA.socket, 'teacher:run', { event: { type: 'START_ROUND' } }))).toBe('forbidden');
    expect(errorCode(await call(devA.socket, 'teacher:export', {}))).toBe('forbidden');
    ok(await call(e, 'room:join', { role: 'projector', code: a.code, key: a.projectorKey }));
    expect(errorCode(await call(e, 'team:commit', { move: 'release_50' }))).toBe('forbidden');
    expect(errorCode(await call(e, 'teacher:end', {}))).toBe('forbidden');
    // Unknown message names; a message without an acknowledgement gets a `refused` event.
    expect(errorCode(await raw(e, 'room:delete', {}))).toBe('unknown_message');
    const refused = next<{ event: string; error: { code: string } }>(e, 'refused');
    e.emit('team:commit', { move: 'release_50' });
    expect(await refused).toMatchObject({ event: 'team:commit', error: { code: 'forbidden' } });
    await stillServes(r);
  });

  it('join guessing is slow: failed joins are limited per connection and per address, even for a right code', async () => {
    const clock = new FakeClock();
    r = await start({ clock, limits: { joinFailuresPerSocket: { capacity: 5, perSecond: 0.2 }, joinFailuresPerAddress: { capacity: 8, perSecond: 0.5 } } });
    const room = await openRoom(r);
    const guess = (i: number) => `ACDEFG${'HJKMNPQRSTUVWXYZ'[i % 16]}${'HJKMNPQRSTUVWXYZ'[Math.floor(i / 16) % 16]}`;
    const s1 = await r.connect();
    const codes1: string[] = [];
    for (let i = 0; i < 7; i++) codes1.push(errorCode(await call(s1, 'room:join', { role: 'team', code: guess(i), team: 'Minsk' }))!);
    expect(codes1).toEqual(['unknown_room', 'unknown_room', 'unknown_room', 'unknown_room', 'unknown_room', 'too_many_attempts', 'too_many_attempts']);
    const limited = await call(s1, 'room:join', { role: 'team', code: room.code, team: 'Minsk' });
    expect(errorCode(limited)).toBe('too_many_attempts');
    expect(limited.ok ? 0 : limited.error.retryAfterMs).toBeGreaterThan(0);
    // A new connection from the same address has the address's remaining 3 failures, not 5.
    const s2 = await r.connect();
    const codes2: string[] = [];
    for (let i = 10; i < 14; i++) codes2.push(errorCode(await call(s2, 'room:join', { role: 'teacher', code: guess(i), key: 'k'.repeat(43) }))!);
    expect(codes2).toEqual(['unknown_room', 'unknown_room', 'unknown_room', 'too_many_attempts']);
    // Wrong keys count as failures too; time heals.
    clock.advance(10_000);
    const s3 = await r.connect();
    expect(errorCode(await call(s3, 'room:join', { role: 'teacher', code: room.code, key: 'k'.repeat(43) }))).toBe('forbidden');
    ok(await call(s3, 'room:join', { role: 'teacher', code: room.code, key: room.teacherKey }));
  });

  it('out-of-phase, replayed and stale events, and actions for another team’s actor, are refused with the reason', async () => {
    r = await start();
    const room = await openRoom(r);
    const m = await joinTeam(r, room.code, 'Minsk');
    const w = await joinTeam(r, room.code, 'Washington');
    const early = await call(m.socket, 'team:commit', { move: 'release_50' });
    expect(errorCode(early)).toBe('rejected');
    expect(early.ok ? '' : early.error.message).toMatch(/not open yet/);
    expect(errorCode(await call(room.teacher, 'teacher:run', { event: { type: 'NEXT_ROUND' } }))).toBe('rejected');
    const started = ok(await call(room.teacher, 'teacher:run', { event: { type: 'START_ROUND' }, rev: 0 }));
    // The teacher's double click: the same START_ROUND with the same rev is stale, not a second round.
    expect(errorCode(await call(room.teacher, 'teacher:run', { event: { type: 'START_ROUND' }, rev: 0 }))).toBe('stale');
    expect(errorCode(await call(room.teacher, 'teacher:run', { event: { type: 'START_ROUND' } }))).toBe('rejected');
    expect(started.rev).toBe(9);
    expect(errorCode(await call(m.socket, 'team:commit', { actor: 'us', move: 'envoy_visit' }))).toBe('not_your_actor');
    expect(errorCode(await call(m.socket, 'team:commit', { move: 'envoy_visit' }))).toBe('not_your_actor');
    expect(errorCode(await call(m.socket, 'team:commit', { move: 'no_such_move' }))).toBe('rejected');
    ok(await call(m.socket, 'team:commit', { move: 'release_50' }));
    expect(errorCode(await call(m.socket, 'team:commit', { move: 'release_50' }))).toBe('rejected');
    ok(await call(w.socket, 'team:commit', { move: 'envoy_visit' }));
    // Offers phase: no offer in another's name, no answer or counter to an offer made to someone else.
    expect(errorCode(await call(m.socket, 'team:offer', { from: 'us', to: 'regime', give: 'envoy_visit', get: 'release_50' }))).toBe('not_your_actor');
    const o = ok(await call(m.socket, 'team:offer', { to: 'us', give: 'release_300', get: 'ease_potash_partial' }));
    expect(errorCode(await call(m.socket, 'team:answer', { offerId: o.offerId, answer: 'accept' }))).toBe('not_your_actor');
    expect(errorCode(await call(m.socket, 'team:counter', { offerId: o.offerId, give: 'release_50', get: 'envoy_visit' }))).toBe('not_your_actor');
    expect(errorCode(await call(w.socket, 'team:answer', { offerId: 'o999', answer: 'accept' }))).toBe('rejected');
    const countered = ok(await call(w.socket, 'team:counter', { offerId: o.offerId, give: 'lift_potash_sanctions', get: 'release_300' }));
    expect(errorCode(await call(w.socket, 'team:answer', { offerId: o.offerId, answer: 'accept' }))).toBe('rejected');
    ok(await call(m.socket, 'team:answer', { offerId: countered.offerId, answer: 'reject' }));
    // A commit in the offers phase: the round is closed.
    const late = await call(w.socket, 'team:commit', { move: 'envoy_visit' });
    expect(late.ok ? '' : late.error.message).toMatch(/closed/);
    await stillServes(r);
  });

  it('caps: devices per team, offers per round and messages per room end in `full`, not in unbounded growth', async () => {
    r = await start({ limits: { maxDevicesPerTeam: 2, maxOffersPerRound: 3, maxMessagesPerRoom: 2 } });
    const room = await openRoom(r);
    const m = await joinTeam(r, room.code, 'Minsk');
    const w = await joinTeam(r, room.code, 'Washington');
    await joinTeam(r, room.code, 'Minsk');
    const third = await r.connect();
    expect(errorCode(await call(third, 'room:join', { role: 'team', code: room.code, team: 'Minsk' }))).toBe('full');
    ok(await call(m.socket, 'team:message', { to: 'Washington', text: 'one' }));
    ok(await call(w.socket, 'team:message', { to: 'Minsk', text: 'two' }));
    expect(errorCode(await call(m.socket, 'team:message', { to: 'Washington', text: 'three' }))).toBe('full');
    ok(await call(room.teacher, 'teacher:run', { event: { type: 'START_ROUND' } }));
    ok(await call(room.teacher, 'teacher:run', { event: { type: 'CLOSE_ROUND' } }));
    // Three different offers (the same offer twice is refused as a duplicate), then the cap.
    const gives = ['release_50', 'release_123', 'release_300'];
    for (const give of gives) ok(await call(m.socket, 'team:offer', { to: 'us', give, get: 'envoy_visit' }));
    expect(errorCode(await call(m.socket, 'team:offer', { to: 'us', give: 'assure_no_second_front', get: 'envoy_visit' }))).toBe('full');
  });

  it('a room’s data never reaches a client of another room', async () => {
    r = await start();
    const a = await openRoom(r, belarusSetup({ title: 'Room A' }));
    const setupB = belarusSetup({ title: 'Room B' });
    const b = await openRoom(r, {
      ...setupB,
      seats: { ...setupB.seats, regime: { kind: 'team', team: 'Minsk-B' }, us: { kind: 'team', team: 'Washington-B' } },
    });
    const received: string[] = [];
    const aClients = [a.teacher, (await joinTeam(r, a.code, 'Minsk')).socket, (await joinTeam(r, a.code, 'Washington')).socket];
    for (const c of aClients) c.onAny((event, ...args) => received.push(`${event} ${JSON.stringify(args)}`));
    const pa = await r.connect();
    ok(await call(pa, 'room:join', { role: 'projector', code: a.code, key: a.projectorKey }));
    pa.onAny((event, ...args) => received.push(`${event} ${JSON.stringify(args)}`));
    const bm = await joinTeam(r, b.code, 'Minsk-B');
    const bw = await joinTeam(r, b.code, 'Washington-B');
    // Room B plays a round with messages while room A plays too.
    ok(await call(bm.socket, 'team:message', { to: 'Washington-B', text: 'secret of room B' }));
    ok(await call(b.teacher, 'teacher:run', { event: { type: 'START_ROUND' } }));
    ok(await call(a.teacher, 'teacher:run', { event: { type: 'START_ROUND' } }));
    ok(await call(bm.socket, 'team:commit', { move: 'arrest_wave' }));
    ok(await call(bw.socket, 'team:commit', { move: 'reimpose_potash_sanctions' }));
    ok(await call(b.teacher, 'teacher:run', { event: { type: 'END_OFFERS' } }));
    const seen = next<Projection>(pa, 'state', (p) => p.hasCommitted.regime === true);
    ok(await call(aClients[1]!, 'team:commit', { move: 'release_50' }));
    // A's teacher cannot reach B's devices; B's device cannot act in A.
    expect(errorCode(await call(a.teacher, 'teacher:kick', { deviceId: bm.ack.deviceId }))).toBe('unknown_seat');
    await seen;
    const all = received.join('\n');
    expect(received.length).toBeGreaterThan(5);
    for (const mark of [b.code, 'Room B', 'Minsk-B', 'Washington-B', 'secret of room B', 'arrest_wave', 'reimpose_potash_sanctions', bm.ack.deviceId!])
      expect(all.includes(mark), mark).toBe(false);
  });

  it('a socket from a foreign origin is refused (the page’s own host, or no Origin as from Node, is let in)', async () => {
    r = await start();
    const port = new URL(r.url).port;
    const attempt = (origin?: string) =>
      new Promise<string>((resolve) => {
        const ws = new NodeWs.WebSocket(`ws://127.0.0.1:${port}/socket.io/?EIO=4&transport=websocket`, origin ? { origin } : {});
        ws.once('open', () => {
          ws.close();
          resolve('open');
        });
        ws.once('error', () => resolve('refused'));
        ws.once('unexpected-response', (_req, res) => {
          resolve(`refused ${res.statusCode}`);
          ws.terminate();
        });
      });
    expect(await attempt('http://evil.example')).toMatch(/^refused/);
    expect(await attempt(`http://127.0.0.1:${port}`)).toBe('open');
    expect(await attempt()).toBe('open');
  });

  it('a failing store refuses the action with `internal` and changes nothing; the server goes on', async () => {
    const dataDir = tempDir();
    const store = new SqliteStore({ dataDir });
    let failNext = false;
    const flaky = Object.create(store) as SqliteStore;
    flaky.appendLog = async (code: string, entries: readonly LogEntry[], at: number) => {
      if (failNext) {
        failNext = false;
        throw new Error('disk full');
      }
      return store.appendLog(code, entries, at);
    };
    const lines: string[] = [];
    const server = await createServer({ store: flaky, sweepIntervalMs: 0, log: (l) => lines.push(l) });
    const at = await server.listen(0, '127.0.0.1');
    const clients: Awaited<ReturnType<typeof connect>>[] = [];
    try {
      const t = await connect(at.url, clients);
      const made = ok(await call(t, 'room:create', belarusSetup()));
      ok(await call(t, 'room:join', { role: 'teacher', code: made.code, key: made.teacherKey }));
      failNext = true;
      const a = await call(t, 'teacher:run', { event: { type: 'START_ROUND' } });
      expect(errorCode(a)).toBe('internal');
      expect(server.rooms.get(made.code)?.rev).toBe(0);
      expect(server.rooms.get(made.code)?.phase).toBe('brief');
      expect(lines.join('\n')).toMatch(/disk full/);
      expect(ok(await call(t, 'teacher:run', { event: { type: 'START_ROUND' }, rev: 0 })).rev).toBe(9);
      expect((await store.loadRoom(made.code))?.log).toHaveLength(9);
    } finally {
      for (const c of clients) c.disconnect();
      await server.close();
      await store.close();
    }
  });
});
