/** The teacher key alone brings the whole console back on another device, the projector's key included. */
import { afterEach, describe, expect, it } from 'vitest';
import { call, errorCode, ok, openRoom, start, type Running } from './helpers';

const running: Running[] = [];
afterEach(async () => {
  for (const r of running.splice(0)) await r.stop(true);
});

describe('teacher key', () => {
  it("a teacher's join answers the projector key; no other seat gets it; a wrong key gets nothing", async () => {
    const r = await start();
    running.push(r);
    const room = await openRoom(r);
    expect(room.projectorKey).not.toBe(room.teacherKey);
    expect(room.teacherJoin.projectorKey).toBe(room.projectorKey);

    // Another device, with the teacher key only.
    const other = await r.connect();
    const again = ok(await call(other, 'room:join', { role: 'teacher', code: room.code, key: room.teacherKey }));
    expect(again.projectorKey).toBe(room.projectorKey);
    expect(again.state?.devices).toEqual([]);

    const projector = await r.connect();
    const seen = ok(await call(projector, 'room:join', { role: 'projector', code: room.code, key: room.projectorKey }));
    expect(seen.projectorKey).toBeUndefined();
    // The projector key does not open the console.
    const wrong = await call(await r.connect(), 'room:join', { role: 'teacher', code: room.code, key: room.projectorKey });
    expect(errorCode(wrong)).toBe('forbidden');
    expect(JSON.stringify(wrong)).not.toContain(room.projectorKey);
  }, 60_000);
});
