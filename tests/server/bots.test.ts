/**
 * The bots compute off the server's event loop (server/bots.ts): the run log is the one the
 * single-screen app's `playBots` makes from the same seed, and a room waiting for slow bots does
 * not hold up another room.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { apply, playBots, type RunEvent, type Session } from '../../models/machines/index';
import { type BotRunner, inlineBots, workerBots } from '../../server/bots';
import type { CreateRequest } from '../../server/protocol';
import { freshSession } from '../../server/room';
import { headerScenario } from '../../server/scenarios';
import type { RunHeader } from '../../server/store';
import { belarusSetup, call, joinTeam, ok, openRoom, start, type Running } from './helpers';

const running: Running[] = [];
afterEach(async () => {
  for (const r of running.splice(0)) await r.stop(true);
});

const BOTS = ['russia', 'ukraine', 'poland', 'lithuania', 'latvia', 'eu', 'china', 'opposition'];
const STRATEGIES = ['best-response', 'tit-for-tat', 'random', 'best-response', 'tit-for-tat', 'random', 'best-response', 'tit-for-tat'] as const;

function mixedBots(seed: number): CreateRequest {
  return belarusSetup({
    seed,
    seats: {
      regime: { kind: 'team', team: 'Minsk' },
      us: { kind: 'team', team: 'Washington' },
      ...Object.fromEntries(BOTS.map((a, i) => [a, { kind: 'bot', strategy: STRATEGIES[i]! }])),
    },
  });
}

/** Two rounds with an offer to a bot; answers the exported run's events. */
async function playTwoRounds(r: Running, seed: number): Promise<{ header: RunHeader; events: RunEvent[] }> {
  const room = await openRoom(r, mixedBots(seed));
  const minsk = await joinTeam(r, room.code, 'Minsk');
  const washington = await joinTeam(r, room.code, 'Washington');
  for (const [m, u] of [
    ['release_123', 'envoy_visit'],
    ['release_50', 'hold'],
  ] as const) {
    ok(await call(room.teacher, 'teacher:run', { event: { type: 'START_ROUND' } }));
    ok(await call(minsk.socket, 'team:commit', { move: m }));
    ok(await call(washington.socket, 'team:commit', { move: u }));
    ok(await call(minsk.socket, 'team:offer', { to: 'russia', give: 'release_50', get: 'raise_energy_subsidy' }));
    ok(await call(room.teacher, 'teacher:run', { event: { type: 'END_OFFERS' } }));
    ok(await call(room.teacher, 'teacher:run', { event: { type: 'NEXT_ROUND' } }));
  }
  const exported = ok(await call(room.teacher, 'teacher:export', {}));
  const run = JSON.parse(exported.runFile) as RunHeader & { events: RunEvent[] };
  const { events, ...header } = run;
  return { header, events };
}

/** What the single-screen app does with the same events: each one, then `playBots`. */
function expectedLog(header: RunHeader, events: readonly RunEvent[]): RunEvent[] {
  const sc = headerScenario(header);
  if (!sc.ok) throw new Error(sc.problem);
  let s: Session = freshSession(sc.scenario, header);
  for (const e of events) {
    if (e.type === 'COMMIT_MOVE' && e.by === 'bot') continue;
    if (e.type === 'ANSWER' && BOTS.includes(e.by)) continue;
    const r = apply(s, e);
    if (!r.ok) throw new Error(`${e.type}: ${r.problem}`);
    s = playBots(r.session);
  }
  return [...s.run.events];
}

describe('bots on a worker thread', () => {
  it('make the same run log as the inline bots and as the single-screen app, from the same seed', async () => {
    const problems: string[] = [];
    const pooled = await start({ bots: workerBots(1, (line) => problems.push(line)) });
    running.push(pooled);
    const inline = await start({ bots: inlineBots });
    running.push(inline);
    const a = await playTwoRounds(pooled, 11);
    // Every answer came from the worker (none fell back inline).
    expect(problems).toEqual([]);
    const b = await playTwoRounds(inline, 11);
    // Every bot moved in both rounds, and Russia answered the offer.
    expect(a.events.filter((e) => e.type === 'COMMIT_MOVE' && e.by === 'bot')).toHaveLength(16);
    expect(a.events.filter((e) => e.type === 'ANSWER' && e.by === 'russia')).toHaveLength(2);
    expect(a.events).toEqual(b.events);
    expect(a.events).toEqual(expectedLog(a.header, a.events));
  }, 120_000);

  it('answers inline when the pool is closed, with the same events', async () => {
    const pool = workerBots(1);
    await pool.close();
    const r = await start({ bots: pool });
    running.push(r);
    const a = await playTwoRounds(r, 5);
    expect(a.events).toEqual(expectedLog(a.header, a.events));
  }, 120_000);

  it('a room waiting for its bots does not hold up another room', async () => {
    // Room A's bots answer only when the test lets them (as a slow round game would): room B's
    // commit must be taken meanwhile, and room A's round must then go on with its bots' events.
    let release: () => void = () => undefined;
    const gate = new Promise<void>((res) => {
      release = res;
    });
    let asked: () => void = () => undefined;
    const waiting = new Promise<void>((res) => {
      asked = res;
    });
    const pool = workerBots(1);
    const held: BotRunner = {
      events: async (snapshot, seats) => {
        const events = await pool.events(snapshot, seats);
        if (events.length && seats.russia?.kind === 'bot' && seats.russia.strategy === 'equilibrium') {
          asked();
          await gate;
        }
        return events;
      },
      close: () => pool.close(),
    };
    const r = await start({ bots: held });
    running.push(r);
    const a = await openRoom(
      r,
      belarusSetup({
        seats: {
          regime: { kind: 'team', team: 'Minsk' },
          us: { kind: 'team', team: 'Washington' },
          ...Object.fromEntries(BOTS.map((x) => [x, { kind: 'bot', strategy: 'equilibrium' }])),
        },
      }),
    );
    const b = await openRoom(r, belarusSetup({ seats: { regime: { kind: 'team', team: 'Minsk' }, us: { kind: 'team', team: 'Washington' } } }));
    const minskB = await joinTeam(r, b.code, 'Minsk');
    ok(await call(b.teacher, 'teacher:run', { event: { type: 'START_ROUND' } }));
    const done: string[] = [];
    const startA = call(a.teacher, 'teacher:run', { event: { type: 'START_ROUND' } }, 60_000).then((x) => {
      ok(x);
      done.push('A: round started, bots moved');
    });
    await waiting;
    ok(await call(minskB.socket, 'team:commit', { move: 'release_50' }, 60_000));
    done.push('B: commit');
    release();
    await startA;
    expect(done).toEqual(['B: commit', 'A: round started, bots moved']);
    // Room A's round went on with its eight bots' moves once they answered.
    const exported = ok(await call(a.teacher, 'teacher:export', {}));
    const events = (JSON.parse(exported.runFile) as { events: RunEvent[] }).events;
    const movers = events.filter((e) => e.type === 'COMMIT_MOVE').map((e) => (e as { actor: string }).actor);
    expect([...movers].sort()).toEqual([...BOTS].sort());
  }, 180_000);
});
