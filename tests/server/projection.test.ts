/**
 * The projection (server/projection.ts) as a pure function: what each seat sees, and a property
 * test that drives random event sequences through the round machine and checks that no team's
 * or projector's projection ever carries another team's secret move before the reveal — not
 * even indirectly: changing another actor's secret commitment leaves the projection identical.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Scenario } from '../../models/domain/types';
import { apply, phaseOf, playBots, type RunEvent, type Seat, type Session } from '../../models/machines/index';
import { builtinDoc, parseScenario } from '../../models/scenario/index';
import { project, sharedParts, teamsOf, type RoomView, type Viewer } from '../../server/projection';
import type { MessageView } from '../../server/protocol';
import { freshSession, NO_TIMER } from '../../server/room';
import type { RunHeader } from '../../server/store';

let scenario: Scenario;
let doc: unknown;
const seats: Record<string, Seat> = {
  regime: { kind: 'team', team: 'Minsk' },
  us: { kind: 'team', team: 'Washington' },
  eu: { kind: 'team', team: 'Brussels' },
  latvia: { kind: 'team', team: 'Brussels' },
};
const header = (): RunHeader => {
  const all: Record<string, Seat> = {};
  for (const a of scenario.actors) all[a.id] = seats[a.id] ?? { kind: 'bot', strategy: a.id === 'china' ? 'tit-for-tat' : 'random' };
  return { format: 'coreplay-run', version: 1, title: 't', scenario: doc, variants: [], seed: 11, roundLimit: 4, timerSeconds: 0, seats: all };
};
const TEAMS = ['Minsk', 'Washington', 'Brussels'];

beforeAll(async () => {
  doc = builtinDoc('belarus');
  const p = await parseScenario(doc);
  if (!p.ok) throw new Error('belarus must parse');
  scenario = p.scenario;
});

function viewOf(s: Session, messages: MessageView[] = []): RoomView {
  return {
    code: 'ABCDEFGH',
    status: 'open',
    seats: s.run.seats,
    phase: phaseOf(s.snapshot),
    context: s.snapshot.context,
    rev: s.run.events.length,
    historyRev: 0,
    devices: [
      { deviceId: 'd1', team: 'Minsk', name: 'a', status: 'active' },
      { deviceId: 'd2', team: 'Minsk', name: 'b', status: 'pending' },
      { deviceId: 'd3', team: 'Brussels', name: 'c', status: 'active' },
    ],
    connected: { d1: 1, d3: 0 },
    messages,
    timer: NO_TIMER,
    undoableInject: null,
  };
}

function step(s: Session, e: RunEvent): Session {
  const r = apply(s, e);
  return r.ok ? playBots(r.session) : s;
}

describe('project', () => {
  it('teams, devices and seats: each team its actors, the teacher every device, the others none', () => {
    let s = freshSession(scenario, header());
    s = step(s, { type: 'START_ROUND' });
    s = step(s, { type: 'COMMIT_MOVE', actor: 'regime', move: 'release_50', by: 'team' });
    const v = viewOf(s);
    expect(Object.fromEntries(teamsOf(v.seats))).toEqual({ Minsk: ['regime'], Washington: ['us'], Brussels: ['latvia', 'eu'] });
    const minsk = project(v, { role: 'team', team: 'Minsk' }, 5);
    expect(minsk.actors).toEqual(['regime']);
    expect(minsk.committed.regime?.move).toBe('release_50');
    expect(minsk.committed.russia).toBeUndefined();
    expect(minsk.hasCommitted.russia).toBe(true);
    expect(minsk.hasCommitted.us).toBe(false);
    expect(minsk.devices).toBeUndefined();
    expect(minsk.serverNow).toBe(5);
    expect(minsk.teams.find((t) => t.team === 'Minsk')).toEqual({ team: 'Minsk', actors: ['regime'], devices: 1, connected: 1 });
    expect(minsk.teams.find((t) => t.team === 'Brussels')).toMatchObject({ devices: 1, connected: 0 });
    const wash = project(v, { role: 'team', team: 'Washington' }, 5);
    expect(wash.committed.regime).toBeUndefined();
    const pj = project(v, { role: 'projector' }, 5);
    expect(pj.committed).toEqual({});
    expect(pj.actors).toEqual([]);
    const t = project(v, { role: 'teacher' }, 5);
    expect(t.committed.regime?.move).toBe('release_50');
    expect(Object.keys(t.committed)).toHaveLength(7); // regime and the six bots
    expect(t.devices?.map((d) => [d.deviceId, d.status, d.connected])).toEqual([
      ['d1', 'active', true],
      ['d2', 'pending', false],
      ['d3', 'active', false],
    ]);
    // A team name that is not in the run sees no more than the projector.
    expect(project(v, { role: 'team', team: 'Nobody' }, 5).committed).toEqual({});
  });

  it('after the reveal every seat sees every move', () => {
    let s = freshSession(scenario, header());
    s = step(s, { type: 'START_ROUND' });
    s = step(s, { type: 'COMMIT_MOVE', actor: 'regime', move: 'release_50', by: 'team' });
    s = step(s, { type: 'CLOSE_ROUND' });
    const v = viewOf(s);
    for (const viewer of [{ role: 'projector' }, { role: 'team', team: 'Washington' }] as Viewer[]) {
      const p = project(v, viewer, 0);
      expect(p.phase).toBe('offers');
      expect(p.committed.regime?.move).toBe('release_50');
      expect(Object.keys(p.committed)).toHaveLength(10);
    }
  });

  it('messages: a team sees those it sent or got, the projector none, the teacher all', () => {
    const s = freshSession(scenario, header());
    const m = (id: string, from: string, to: string): MessageView => ({ id, from, to, text: id, at: 0, round: 1, phase: 'brief', afterEvent: 0 });
    const v = viewOf(s, [m('m1', 'Minsk', 'Washington'), m('m2', 'Washington', 'Brussels'), m('m3', 'Brussels', 'Minsk')]);
    expect(project(v, { role: 'team', team: 'Minsk' }, 0).messages.map((x) => x.id)).toEqual(['m1', 'm3']);
    expect(project(v, { role: 'team', team: 'Washington' }, 0).messages.map((x) => x.id)).toEqual(['m1', 'm2']);
    expect(project(v, { role: 'projector' }, 0).messages).toEqual([]);
    expect(project(v, { role: 'teacher' }, 0).messages).toHaveLength(3);
  });
});

/** One random action: its kind and a few numbers that pick its parts. */
const action = fc.record({ kind: fc.integer({ min: 0, max: 11 }), a: fc.nat(), b: fc.nat(), c: fc.nat() });

function eventFor(s: Session, x: { kind: number; a: number; b: number; c: number }): RunEvent {
  const ids = scenario.actors.map((a) => a.id);
  const teamActors = Object.keys(seats);
  const pick = <T>(xs: readonly T[], n: number): T => xs[n % xs.length]!;
  const movesOf = (actor: string) => ['hold', ...scenario.moves.filter((m) => m.actor === actor).map((m) => m.id)];
  const c = s.snapshot.context;
  switch (x.kind) {
    case 0:
      return { type: 'START_ROUND' };
    case 1:
    case 2:
    case 3: {
      const actor = pick(teamActors, x.a);
      return { type: 'COMMIT_MOVE', actor, move: pick(movesOf(actor), x.b), by: 'team', reason: `secret-${actor}-${x.c}` };
    }
    case 4:
      return { type: 'CLOSE_ROUND' };
    case 5: {
      const from = pick(teamActors, x.a);
      const to = pick(ids, x.b);
      return {
        type: 'OFFER',
        offer: { id: `o${s.run.events.length}`, from, to, give: pick(movesOf(from).slice(1), x.c), get: pick(movesOf(to).slice(1), x.c + 1) },
      };
    }
    case 6: {
      const o = c.offers.length ? pick(c.offers, x.a) : undefined;
      return { type: 'ANSWER', offerId: o?.id ?? 'none', by: o?.to ?? 'regime', answer: x.b % 2 ? 'accept' : 'reject' };
    }
    case 7:
      return { type: 'END_OFFERS' };
    case 8:
      return { type: 'NEXT_ROUND' };
    case 9:
      return x.a % 4 === 0 ? { type: 'UNDO_ROUND' } : { type: 'START_ROUND' };
    case 10:
      return { type: 'INJECT', inject: { id: `i${x.a}`, label: 'shock', effects: [{ dimension: 'escalation', delta: 0.05 }] } };
    default: {
      const actor = pick(teamActors, x.a);
      return { type: 'COMMIT_MOVE', actor, move: pick(movesOf(actor), x.b + 1), by: 'team' };
    }
  }
}

const SENTINEL = 'SENTINEL-MOVE-7f3a';

describe('no seat sees another team’s secret move before the reveal (property)', () => {
  it('over random event sequences, for every team and the projector', () => {
    const viewers: Viewer[] = [{ role: 'projector' }, ...TEAMS.map((team): Viewer => ({ role: 'team', team }))];
    let secretStates = 0;
    fc.assert(
      fc.property(fc.array(action, { minLength: 1, maxLength: 45 }), (actions) => {
        let s = freshSession(scenario, header());
        for (const x of actions) {
          s = step(s, eventFor(s, x));
          const v = viewOf(s);
          const phase = phaseOf(s.snapshot);
          const committed = s.snapshot.context.committed;
          for (const viewer of viewers) {
            const own = viewer.role === 'team' ? teamsOf(v.seats).get(viewer.team)! : [];
            const p = project(v, viewer, 0);
            if (phase === 'moves') {
              for (const a of Object.keys(committed)) if (!own.includes(a)) expect(p.committed[a]).toBeUndefined();
              for (const a of own) expect(p.committed[a]).toEqual(committed[a]);
              // Non-interference: whatever the others committed, this seat's projection is the same.
              const others = Object.keys(committed).filter((a) => !own.includes(a));
              if (others.length) {
                secretStates++;
                const forged = { ...committed };
                for (const a of others) forged[a] = { move: SENTINEL, by: 'team', reason: SENTINEL };
                const alt: RoomView = { ...v, context: { ...v.context, committed: forged } };
                const q = JSON.stringify(project(alt, viewer, 0));
                expect(q).toBe(JSON.stringify(p));
                expect(q.includes(SENTINEL)).toBe(false);
              }
            } else if (phase === 'offers' || phase === 'debrief') {
              expect(p.committed).toEqual(committed);
            }
          }
        }
      }),
      { numRuns: 150, seed: 20260101 },
    );
    expect(secretStates).toBeGreaterThan(50);
  });
});

describe('a broadcast projects every seat from one set of shared parts', () => {
  it('gives each seat exactly the projection it would get alone, over random event sequences', () => {
    const viewers: Viewer[] = [{ role: 'teacher' }, { role: 'projector' }, ...TEAMS.map((team): Viewer => ({ role: 'team', team }))];
    fc.assert(
      fc.property(fc.array(action, { minLength: 1, maxLength: 30 }), (actions) => {
        let s = freshSession(scenario, header());
        for (const x of actions) {
          s = step(s, eventFor(s, x));
          const v = viewOf(s);
          const shared = sharedParts(v);
          const together = viewers.map((viewer) => project(v, viewer, 3, shared));
          for (const [i, viewer] of viewers.entries()) expect(together[i]).toEqual(project(v, viewer, 3));
          // The seats' projections hold the same objects for what does not depend on the viewer.
          for (const p of together) {
            expect(p.teams).toBe(together[0]!.teams);
            expect(p.hasCommitted).toBe(together[0]!.hasCommitted);
          }
        }
      }),
      { numRuns: 60, seed: 20261201 },
    );
  });
});
