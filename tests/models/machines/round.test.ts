import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { initialHoldings } from '../../../models/domain/legality';
import { dimensionIndex, profileIndexOf, stateFromRecord, toNatural, utility, applyMoves, type Scenario } from './domainBits';
import { buildRoundGame } from '../../../models/domain/roundGame';
import {
  apply,
  botEvents,
  botMove,
  checkRun,
  december2025Run,
  exportRun,
  historyCsv,
  newSession,
  nextPosture,
  parseRunHeader,
  phaseOf,
  playBots,
  rebuild,
  snapshotData,
  viewFor,
  BOT_STRATEGIES,
  type Run,
  type RunEvent,
  type Seat,
  type Session,
} from '../../../models/machines/index';
import { builtinDoc } from '../../../models/scenario/index';
import { belarus } from './fixtures';

const header = (over: Partial<Run> = {}): Run => ({
  format: 'coreplay-run',
  version: 1,
  title: 'test',
  scenario: builtinDoc('belarus'),
  variants: [],
  seed: 7,
  roundLimit: 3,
  seats: {},
  events: [],
  ...over,
});

function session(s: Scenario, events: RunEvent[] = [], over: Partial<Run> = {}): Session {
  const r = newSession(s, { ...header(over), events });
  if (!r.ok) throw new Error(r.problem);
  return r.session;
}

function must(sess: Session, e: RunEvent): Session {
  const r = apply(sess, e);
  if (!r.ok) throw new Error(r.problem);
  return r.session;
}

function reject(sess: Session, e: RunEvent): string {
  const r = apply(sess, e);
  if (r.ok) throw new Error(`expected ${e.type} to be rejected`);
  return r.problem;
}

describe('actor machine', () => {
  const o = (hostile: number, cooperative: number, kept = 0, broken = 0) => ({
    type: 'ROUND_OBSERVED' as const,
    observation: { hostile, cooperative, kept, broken },
  });
  it.each([
    ['engaged', o(1, 0), 'hedging'],
    ['hedging', o(2, 1), 'hardline'],
    ['hardline', o(3, 0), 'hardline'],
    ['hardline', o(0, 1), 'hedging'],
    ['hedging', o(0, 2), 'engaged'],
    ['engaged', o(0, 0, 0, 1), 'hardline'],
    ['hardline', o(0, 0, 0, 1), 'walkedAway'],
    ['walkedAway', o(0, 5, 2), 'walkedAway'],
    ['engaged', o(1, 1), 'engaged'],
  ] as const)('%s, then %o → %s', (from, ev, to) => {
    expect(nextPosture('x', from, ev)).toBe(to);
  });
  it('only the teacher brings a walked-away actor back', () => {
    expect(nextPosture('x', 'walkedAway', { type: 'SET_POSTURE', posture: 'hedging' })).toBe('hedging');
  });
});

describe('round machine', () => {
  it('goes brief → moves → offers → debrief → brief, and ends after the round limit', async () => {
    const s = await belarus();
    let x = session(s, [], { roundLimit: 1 });
    expect(phaseOf(x.snapshot)).toBe('brief');
    x = must(x, { type: 'START_ROUND' });
    expect(phaseOf(x.snapshot)).toBe('moves');
    for (const a of s.actors) x = must(x, { type: 'COMMIT_MOVE', actor: a.id, move: 'hold' });
    expect(phaseOf(x.snapshot)).toBe('offers'); // all in: revealed
    x = must(x, { type: 'END_OFFERS' });
    expect(phaseOf(x.snapshot)).toBe('debrief');
    expect(x.snapshot.context.history).toHaveLength(1);
    x = must(x, { type: 'NEXT_ROUND' });
    expect(phaseOf(x.snapshot)).toBe('ended');
  });

  it('rejects illegal commitments with a reason: wrong posture, asset not held, round closed, twice', async () => {
    const s = await belarus();
    let x = session(s, [{ type: 'INJECT', inject: { id: 'hard', label: 'Minsk digs in', postures: { regime: 'hardline' } } }, { type: 'START_ROUND' }]);
    expect(reject(x, { type: 'COMMIT_MOVE', actor: 'regime', move: 'release_123' })).toBe(
      '"Release 123 political prisoners" needs regime engaged or hedging; it is on a hard line',
    );
    x = must(x, { type: 'COMMIT_MOVE', actor: 'russia', move: 'deploy_oreshnik' });
    expect(reject(x, { type: 'COMMIT_MOVE', actor: 'russia', move: 'troop_surge' })).toBe('russia has already committed a move this round');
    x = must(x, { type: 'CLOSE_ROUND' });
    expect(reject(x, { type: 'COMMIT_MOVE', actor: 'us', move: 'envoy_visit' })).toBe('the round is closed: no moves can be entered during the offers phase');
    x = must(x, { type: 'END_OFFERS' });
    x = must(x, { type: 'NEXT_ROUND' });
    x = must(x, { type: 'START_ROUND' });
    expect(reject(x, { type: 'COMMIT_MOVE', actor: 'regime', move: 'host_oreshnik' })).toBe('Oreshnik missile deployment has already been used up');
  });

  it('keeps moves secret until all are in: a seat sees only its own uncommitted round', async () => {
    const s = await belarus();
    let x = session(s, [
      { type: 'START_ROUND' },
      { type: 'COMMIT_MOVE', actor: 'regime', move: 'release_123' },
      { type: 'COMMIT_MOVE', actor: 'us', move: 'ease_potash_partial' },
    ]);
    const usView = viewFor(phaseOf(x.snapshot), x.snapshot.context, ['us']);
    expect(usView.committed).toEqual({ us: { move: 'ease_potash_partial', by: 'team' } });
    expect(usView.hasCommitted.regime).toBe(true);
    expect(JSON.stringify(usView)).not.toContain('release_123');
    const publicView = viewFor(phaseOf(x.snapshot), x.snapshot.context, []);
    expect(JSON.stringify(publicView)).not.toContain('release_123');
    expect(JSON.stringify(publicView)).not.toContain('ease_potash_partial');
    x = must(x, { type: 'CLOSE_ROUND' });
    expect(viewFor(phaseOf(x.snapshot), x.snapshot.context, ['us']).committed.regime?.move).toBe('release_123');
  });

  it('a duplicate offer (same from/to/give/get already open this round) is refused with a reason', async () => {
    const s = await belarus();
    let x = session(s, [{ type: 'START_ROUND' }, { type: 'CLOSE_ROUND' }]);
    x = must(x, { type: 'OFFER', offer: { id: 'o1', from: 'us', to: 'regime', give: 'ease_potash_partial', get: 'release_300' } });
    expect(reject(x, { type: 'OFFER', offer: { id: 'o2', from: 'us', to: 'regime', give: 'ease_potash_partial', get: 'release_300' } })).toBe(
      'the same offer from us to regime is already open this round ("o1")',
    );
    must(x, { type: 'OFFER', offer: { id: 'o3', from: 'us', to: 'regime', give: 'ease_potash_partial', get: 'release_123' } });
  });

  it('offers: counter, accept; the deal binds the two parties next round; breaking it hardens the other', async () => {
    const s = await belarus();
    let x = session(s, [{ type: 'START_ROUND' }, { type: 'CLOSE_ROUND' }]);
    x = must(x, { type: 'OFFER', offer: { id: 'o1', from: 'us', to: 'regime', give: 'ease_potash_partial', get: 'release_300' } });
    expect(reject(x, { type: 'ANSWER', offerId: 'o1', by: 'eu', answer: 'accept' })).toBe('offer "o1" is addressed to regime, not eu');
    x = must(x, {
      type: 'COUNTER',
      offerId: 'o1',
      by: 'regime',
      offer: { id: 'o2', from: 'regime', to: 'us', give: 'release_123', get: 'ease_potash_partial' },
    });
    expect(reject(x, { type: 'ANSWER', offerId: 'o1', by: 'regime', answer: 'accept' })).toBe('offer "o1" is already countered');
    x = must(x, { type: 'ANSWER', offerId: 'o2', by: 'us', answer: 'accept' });
    expect(x.snapshot.context.deals).toEqual([
      { id: 'o2', round: 1, parties: ['regime', 'us'], promises: { regime: 'release_123', us: 'ease_potash_partial' } },
    ]);
    x = must(x, { type: 'END_OFFERS' });
    x = must(x, { type: 'NEXT_ROUND' });
    x = must(x, { type: 'START_ROUND' });
    x = must(x, { type: 'COMMIT_MOVE', actor: 'regime', move: 'release_123' });
    x = must(x, { type: 'COMMIT_MOVE', actor: 'us', move: 'reimpose_potash_sanctions' });
    x = must(x, { type: 'CLOSE_ROUND' });
    x = must(x, { type: 'END_OFFERS' });
    const r = x.snapshot.context.history[1]!;
    expect(r.dealsDue).toEqual([
      { id: 'o2', round: 1, parties: ['regime', 'us'], promises: { regime: 'release_123', us: 'ease_potash_partial' }, brokenBy: ['us'] },
    ]);
    expect(x.snapshot.context.postures.regime).toBe('hardline');
  });

  it('bounds the exchanges of one offer thread', async () => {
    const s = await belarus();
    let x = session(s, [
      { type: 'START_ROUND' },
      { type: 'CLOSE_ROUND' },
      { type: 'OFFER', offer: { id: 'a1', from: 'us', to: 'regime', give: 'envoy_visit', get: 'release_50' } },
    ]);
    const ids = ['a2', 'a3', 'a4', 'a5'];
    let last = 'a1';
    let by: 'regime' | 'us' = 'regime';
    for (const id of ids.slice(0, 3)) {
      const to: 'regime' | 'us' = by === 'regime' ? 'us' : 'regime';
      x = must(x, {
        type: 'COUNTER',
        offerId: last,
        by,
        offer: { id, from: by, to, give: by === 'regime' ? 'release_50' : 'envoy_visit', get: by === 'regime' ? 'envoy_visit' : 'release_50' },
      });
      last = id;
      by = to;
    }
    expect(reject(x, { type: 'COUNTER', offerId: last, by, offer: { id: 'a5', from: by, to: 'us', give: 'release_50', get: 'envoy_visit' } })).toBe(
      'offer "a4" has had 4 exchanges: accept or reject it',
    );
  });

  it('injects change the world and postures between rounds', async () => {
    const s = await belarus();
    const dims = dimensionIndex(s);
    const x = session(s, [
      {
        type: 'INJECT',
        inject: {
          id: 'oreshnik',
          label: 'Russia deploys Oreshnik',
          effects: [{ dimension: 'russian_military', delta: 0.1 }],
          postures: { poland: 'hardline' },
        },
      },
    ]);
    const before = stateFromRecord(s, s.initialState)[dims.get('russian_military')!]!;
    expect(x.snapshot.context.world[dims.get('russian_military')!]).toBeCloseTo(before + 0.1, 12);
    expect(x.snapshot.context.postures.poland).toBe('hardline');
    expect(reject(x, { type: 'INJECT', inject: { id: 'bad', label: 'x', effects: [{ dimension: 'weather', delta: 1 }] } })).toBe(
      'inject "bad": no dimension "weather"',
    );
  });

  it('undo restores the snapshot from before the round started, exactly', async () => {
    const s = await belarus();
    let x = session(s, [{ type: 'START_ROUND' }, { type: 'CLOSE_ROUND' }, { type: 'END_OFFERS' }, { type: 'NEXT_ROUND' }]);
    const before = snapshotData(x.snapshot);
    x = must(x, { type: 'START_ROUND' });
    x = must(x, { type: 'COMMIT_MOVE', actor: 'regime', move: 'release_300' });
    x = must(x, { type: 'COMMIT_MOVE', actor: 'russia', move: 'deploy_oreshnik' });
    x = must(x, { type: 'CLOSE_ROUND' });
    x = must(x, { type: 'END_OFFERS' });
    expect(snapshotData(x.snapshot)).not.toEqual(before);
    x = must(x, { type: 'UNDO_ROUND' });
    expect(snapshotData(x.snapshot)).toEqual(before);
    x = must(x, { type: 'UNDO_ROUND' });
    expect(snapshotData(x.snapshot)).toEqual(snapshotData(session(s).snapshot));
    expect(reject(x, { type: 'UNDO_ROUND' })).toBe('there is no round to undo');
    // and the undo is in the log: replaying gives the same state
    const r = rebuild(s, x.run);
    expect(r.ok && snapshotData(r.final)).toEqual(snapshotData(x.snapshot));
  });
});

describe('replay', () => {
  it('replaying the event log of random seeded runs gives identical snapshots', async () => {
    const s = await belarus();
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 2 ** 31 }),
        fc.integer({ min: 1, max: 3 }),
        fc.array(fc.constantFrom(...BOT_STRATEGIES.filter((b) => b !== 'equilibrium')), { minLength: 10, maxLength: 10 }),
        async (seed, rounds, strategies) => {
          // Washington is a team (it makes the offer below); bots play the rest.
          const seats: Record<string, Seat> = Object.fromEntries(
            s.actors.map((a, i) => [a.id, a.id === 'us' ? { kind: 'team', team: 'Team US' } : { kind: 'bot', strategy: strategies[i]! }]),
          );
          let x = session(s, [], { seed, roundLimit: rounds, seats });
          const live = [snapshotData(x.snapshot)];
          const push = (e: RunEvent) => {
            x = must(x, e);
            live.push(snapshotData(x.snapshot));
          };
          for (let r = 0; r < rounds; r++) {
            push({ type: 'START_ROUND' });
            for (const e of botEvents(x.snapshot, seats)) push(e);
            if (phaseOf(x.snapshot) === 'moves') push({ type: 'CLOSE_ROUND' });
            if (r + 1 < rounds && seed % 2 === 0) {
              push({ type: 'OFFER', offer: { id: `o${r}`, from: 'us', to: 'regime', give: 'ease_potash_partial', get: 'release_50' } });
              for (const e of botEvents(x.snapshot, seats)) push(e);
            }
            push({ type: 'END_OFFERS' });
            if (seed % 5 === 0 && r === 0) push({ type: 'UNDO_ROUND' });
            else push({ type: 'NEXT_ROUND' });
          }
          const text = exportRun(x.run);
          const h = parseRunHeader(text);
          expect(h.ok).toBe(true);
          const checked = checkRun(h.ok ? h.run : x.run, s);
          expect(checked.ok).toBe(true);
          if (!checked.ok) return;
          expect([snapshotData(checked.replay.initial), ...checked.replay.snapshots.map(snapshotData)]).toEqual(live);
        },
      ),
      { numRuns: 12, seed: 42 },
    );
  });

  it('a tampered run file is rejected, naming the first bad event', async () => {
    const s = await belarus();
    const run = december2025Run(builtinDoc('belarus'));
    const tampered = { ...run, events: run.events.map((e, i) => (i === 8 ? { ...e, move: 'release_300', actor: 'us' } : e)) };
    const r = checkRun(tampered, s);
    expect(r).toMatchObject({ ok: false, problem: 'events[8]: COMMIT_MOVE is rejected: "Release 300 political prisoners" is regime\'s move, not us\'s' });
    const malformed = { ...run, events: [...run.events.slice(0, 2), { type: 'COMMIT_MOVE', actor: 'regime' }] } as unknown as Run;
    expect(checkRun(malformed, s)).toMatchObject({ ok: false, problem: 'events[2].move: required, but missing' });
  });

  it('a malformed run header is rejected with its path', () => {
    expect(parseRunHeader('{')).toMatchObject({ ok: false });
    expect(parseRunHeader({ ...december2025Run({}), seed: -1 })).toMatchObject({ ok: false, problem: 'seed: expected a seed ≥ 0, got -1' });
    expect(parseRunHeader({ ...december2025Run({}), seats: { regime: { kind: 'robot' } } })).toMatchObject({
      ok: false,
      problem: expect.stringContaining('seats.regime'),
    });
  });
});

describe('the December 2025 run', () => {
  it('ends with 123 fewer prisoners held, US potash sanctions eased and the Russian military dimension raised', async () => {
    const s = await belarus();
    const run = december2025Run(builtinDoc('belarus'));
    const r = checkRun(run, s);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const end = r.replay.final;
    expect(phaseOf(end)).toBe('ended');
    const dims = dimensionIndex(s);
    const start = stateFromRecord(s, s.initialState);
    const dim = (id: string) => s.dimensions.find((d) => d.id === id)!;
    const w = end.context.world;
    expect(toNatural(dim('prisoners'), start[dims.get('prisoners')!]!) - toNatural(dim('prisoners'), w[dims.get('prisoners')!]!)).toBeCloseTo(123, 6);
    expect(end.context.holdings.political_prisoners).toEqual({ held: true, quantity: 1230 - 123 });
    expect(w[dims.get('sanctions')!]).toBeLessThan(start[dims.get('sanctions')!]!);
    expect(w[dims.get('russian_military')!]).toBeGreaterThan(start[dims.get('russian_military')!]!);
    expect(w[dims.get('transit')!]).toBe(0);
    expect(end.context.history.map((h) => h.actors.us!.move)).toEqual(['ease_potash_partial', 'hold']);
    expect(end.context.history[0]!.interactions).toEqual(['december_deal']);
    const csv = historyCsv(s, end.context.history);
    expect(csv.split('\n')[0]).toBe('round,actor,move,by,reason,utility_before,utility_after,change,acceptable,posture,why');
    expect(csv).toContain('1,regime,Release 123 political prisoners,team,13 December 2025: 123 prisoners freed,');
  });
});

describe('bots', () => {
  it('are deterministic under a seed and only play legal moves, each with a reason', async () => {
    const s = await belarus();
    for (const strategy of BOT_STRATEGIES) {
      const seats = Object.fromEntries(s.actors.map((a) => [a.id, { kind: 'bot' as const, strategy }]));
      const play = (seed: number) => {
        let x = session(s, [], { seed, roundLimit: 3, seats });
        for (let r = 0; r < 3; r++) {
          x = must(x, { type: 'START_ROUND' });
          x = playBots(x);
          expect(phaseOf(x.snapshot)).toBe('offers');
          x = must(x, { type: 'END_OFFERS' });
          x = must(x, { type: 'NEXT_ROUND' });
        }
        return x.run.events;
      };
      const a = play(11);
      expect(play(11)).toEqual(a);
      for (const e of a) if (e.type === 'COMMIT_MOVE') expect(e.reason?.length).toBeGreaterThan(10);
    }
  });

  it('random bots differ across seeds', async () => {
    const s = await belarus();
    const seats = Object.fromEntries(s.actors.map((a) => [a.id, { kind: 'bot' as const, strategy: 'random' as const }]));
    const moves = (seed: number) =>
      botEvents(session(s, [{ type: 'START_ROUND' }], { seed, seats }).snapshot, seats).map((e) => (e.type === 'COMMIT_MOVE' ? e.move : ''));
    const seen = new Set([1, 2, 3, 4, 5].map((k) => moves(k).join()));
    expect(seen.size).toBeGreaterThan(1);
  });

  it('best response picks the move with the highest utility, others holding in round 1', async () => {
    const s = await belarus();
    const x = session(s, [{ type: 'START_ROUND' }]);
    const dims = dimensionIndex(s);
    const c = x.snapshot.context;
    const choice = botMove('best-response', c, 'lithuania');
    const lt = s.actors.find((a) => a.id === 'lithuania')!;
    const u = (id: string) =>
      id === 'hold' ? utility(lt, dims, c.world) : utility(lt, dims, applyMoves(dims, c.world, [s.moves.find((m) => m.id === id)!], s.interactions));
    for (const m of s.moves.filter((m) => m.actor === 'lithuania' && m.postures?.includes('engaged') !== false))
      expect(u(choice.move)).toBeGreaterThanOrEqual(u(m.id) - 1e-12);
    expect(choice.reason).toMatch(/^best response with everyone else holding/);
  });

  it('equilibrium bots play their part of a pure equilibrium of the round game', async () => {
    const s = await belarus();
    const c = session(s, [{ type: 'START_ROUND' }]).snapshot.context;
    const rg = buildRoundGame(s, c.world, c.holdings, c.postures);
    const chosen = rg.players.map((p) => botMove('equilibrium', c, p).move);
    const profile = chosen.map((m, i) => rg.moves[i]!.indexOf(m));
    expect(profile.every((k) => k >= 0)).toBe(true);
    const n = rg.players.length;
    const at = profileIndexOf(rg.game.shape, profile);
    for (let i = 0; i < n; i++) {
      for (let k = 0; k < rg.game.shape[i]!; k++) {
        const dev = [...profile];
        dev[i] = k;
        expect(rg.game.payoffs[profileIndexOf(rg.game.shape, dev) * n + i]!).toBeLessThanOrEqual(rg.game.payoffs[at * n + i]! + 1e-12);
      }
    }
  });
});

describe('round game', () => {
  it('stays under the size cap, says what it left out, and pays each actor its utility after the moves', async () => {
    const s = await belarus();
    const world = stateFromRecord(s, s.initialState);
    const postures = Object.fromEntries(s.actors.map((a) => [a.id, 'engaged' as const]));
    const rg = buildRoundGame(s, world, initialHoldings(s), postures, { maxProfiles: 5000 });
    const total = rg.game.shape.reduce((p, k) => p * k, 1);
    expect(total).toBeLessThanOrEqual(5000);
    expect(rg.leftOut.length).toBeGreaterThan(0);
    expect(rg.moves.every((m) => m[0] === 'hold')).toBe(true);
    const dims = dimensionIndex(s);
    const profile = rg.moves.map((m) => m.length - 1);
    const moves = profile.map((k, i) => rg.moves[i]![k]!).map((id) => s.moves.find((m) => m.id === id)!);
    const x = applyMoves(dims, world, moves, s.interactions);
    const at = profileIndexOf(rg.game.shape, profile);
    rg.players.forEach((p, i) => expect(rg.game.payoffs[at * rg.players.length + i]).toBeCloseTo(utility(s.actors.find((a) => a.id === p)!, dims, x), 12));
  });
});

describe('round game payoffs', () => {
  it("equal each actor's utility after applyMoves, for random profiles, with fixed moves and interactions", async () => {
    const s = await belarus();
    const dims = dimensionIndex(s);
    const world = stateFromRecord(s, s.initialState);
    const postures = Object.fromEntries(s.actors.map((a) => [a.id, 'engaged' as const]));
    const fixed = { lithuania: 'reopen_klaipeda' };
    const rg = buildRoundGame(s, world, initialHoldings(s), postures, { fixed, players: ['regime', 'us', 'eu', 'russia'] });
    expect(rg.moves[0]).toContain('release_123');
    expect(rg.moves[1]).toContain('ease_potash_partial');
    const byId = new Map(s.moves.map((m) => [m.id, m]));
    const order = new Map(s.moves.map((m, i) => [m.id, i]));
    fc.assert(
      fc.property(fc.tuple(...rg.game.shape.map((k) => fc.integer({ min: 0, max: k - 1 }))), (profile) => {
        const ids = [...profile.map((k, i) => rg.moves[i]![k]!), fixed.lithuania].filter((m) => m !== 'hold').sort((a, b) => order.get(a)! - order.get(b)!);
        const x = applyMoves(
          dims,
          world,
          ids.map((id) => byId.get(id)!),
          s.interactions,
        );
        const at = profileIndexOf(rg.game.shape, profile);
        rg.players.forEach((p, i) => expect(rg.game.payoffs[at * rg.players.length + i]).toBeCloseTo(utility(s.actors.find((a) => a.id === p)!, dims, x), 12));
      }),
      { numRuns: 200, seed: 3 },
    );
  });
});

describe('debrief', () => {
  it('best responses never lose against what the class played; the equilibrium is one', async () => {
    const { debrief } = await import('../../../models/analysis/debrief');
    const s = await belarus();
    const run = december2025Run(builtinDoc('belarus'));
    const r = checkRun(run, s);
    if (!r.ok) throw new Error(r.problem);
    // the snapshot just before round 1 started
    const start = r.replay.initial.context;
    const d = debrief(s, start, r.replay.final.context.history[0]!);
    expect(d.bestResponses).toHaveLength(s.actors.length);
    for (const b of d.bestResponses) expect(b.gain).toBeGreaterThanOrEqual(0);
    const dims = dimensionIndex(s);
    const byId = new Map(s.moves.map((m) => [m.id, m]));
    // the recommended best response for the US really gains what it says over the move played
    const us = d.bestResponses.find((b) => b.actor === 'us')!;
    const others = Object.entries(r.replay.final.context.history[0]!.actors)
      .filter(([a, x]) => a !== 'us' && x.move !== 'hold')
      .map(([, x]) => byId.get(x.move)!);
    const u = (m: string) =>
      utility(s.actors.find((a) => a.id === 'us')!, dims, applyMoves(dims, start.world, m === 'hold' ? others : [...others, byId.get(m)!], s.interactions));
    expect(u(us.best) - u(us.played)).toBeCloseTo(us.gain, 12);
    expect(d.equilibria).toBeGreaterThan(0);
    const eq = d.equilibrium!;
    const g = d.game;
    const profile = g.players.map((p, i) => g.moves[i]!.indexOf(eq[p]!));
    const n = g.players.length;
    const at = profileIndexOf(g.game.shape, profile);
    for (let i = 0; i < n; i++)
      for (let k = 0; k < g.game.shape[i]!; k++) {
        const dev = [...profile];
        dev[i] = k;
        expect(g.game.payoffs[profileIndexOf(g.game.shape, dev) * n + i]!).toBeLessThanOrEqual(g.game.payoffs[at * n + i]! + 1e-12);
      }
    expect(d.gains[0]!.change).toBeGreaterThanOrEqual(d.gains[d.gains.length - 1]!.change);
  });
});
