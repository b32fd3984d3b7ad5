/**
 * `rejection()` only explains what the round machine decides. Folded over random event
 * sequences (valid and invalid events of every type, real and made-up actors, moves and offer
 * ids), from every snapshot reached: `rejection(s, e)` is null exactly when `transition()` takes
 * the event (the snapshot changes), which is also what `s.can(e)` says; a refusal in a phase that
 * takes the event gives the domain check's reason, any other the wrong-phase wording.
 */
import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { transition } from 'xstate';
import { POSTURES, type Posture, type Scenario } from '../../../models/domain/types';
import {
  checkEvent,
  phaseOf,
  phasesTaking,
  rejection,
  roundMachine,
  snapshotData,
  startRun,
  step,
  type RoundContext,
  type RoundEvent,
  type RoundPhase,
  type RoundSnapshot,
  type RunEvent,
  type Seat,
  type Standing,
} from '../../../models/machines/index';
import { parsedBuiltin } from '../../fixtures/builtins';
import { belarus } from './fixtures';

const TYPES = [
  'START_ROUND',
  'COMMIT_MOVE',
  'CLOSE_ROUND',
  'OFFER',
  'ANSWER',
  'COUNTER',
  'END_OFFERS',
  'NEXT_ROUND',
  'INJECT',
  'UNDO_ROUND',
  'UNDO_INJECT',
] as const;
const UNDOS: readonly string[] = ['UNDO_ROUND', 'UNDO_INJECT'];

/**
 * Events a phase makes progress with, weighted: the generator's aim only (so that random runs get
 * deep into offers and later rounds); the oracle is `transition()`, and the tally checks the aim.
 */
const AIMED: Readonly<Record<RoundPhase, readonly (typeof TYPES)[number][]>> = {
  brief: ['START_ROUND', 'INJECT'],
  moves: ['COMMIT_MOVE', 'COMMIT_MOVE', 'COMMIT_MOVE', 'CLOSE_ROUND', 'INJECT', 'UNDO_INJECT'],
  offers: ['OFFER', 'OFFER', 'ANSWER', 'ANSWER', 'COUNTER', 'COUNTER', 'COUNTER', 'END_OFFERS', 'CLOSE_ROUND', 'INJECT', 'UNDO_INJECT'],
  debrief: ['NEXT_ROUND', 'UNDO_ROUND', 'INJECT', 'UNDO_INJECT'],
  ended: ['UNDO_ROUND'],
};

/**
 * Random numbers an event is built from: `aimed` takes the type from AIMED for the current phase
 * (else `type`), `fit` builds its fields from the current snapshot (more often valid).
 */
interface Choice {
  readonly type: (typeof TYPES)[number];
  readonly aimed: boolean;
  readonly fit: boolean;
  readonly t: number;
  readonly a: number;
  readonly b: number;
  readonly c: number;
  readonly d: number;
  readonly accept: boolean;
  readonly posture: Posture;
}

const choiceArb: fc.Arbitrary<Choice> = fc.record({
  type: fc.constantFrom(...TYPES),
  aimed: fc.boolean(),
  fit: fc.boolean(),
  t: fc.nat(),
  a: fc.nat(),
  b: fc.nat(),
  c: fc.nat(),
  d: fc.nat(),
  accept: fc.boolean(),
  posture: fc.constantFrom(...POSTURES),
});

function pick<T>(xs: readonly T[], k: number): T {
  return xs[k % xs.length]!;
}

function build(s: Scenario, phase: RoundPhase, ctx: RoundContext, x: Choice): RunEvent {
  const type = x.aimed ? pick(AIMED[phase], x.t) : x.type;
  const actors = s.actors.map((a) => a.id);
  const anyActor = [...actors, 'atlantis'];
  const anyMove = [...s.moves.map((m) => m.id), 'hold', 'teleport'];
  const movesOf = (a: string) => ['hold', ...s.moves.filter((m) => m.actor === a).map((m) => m.id)];
  const offerId = pick([...ctx.offers.map((o) => o.id), 'o1', 'o2', 'nope'], x.d);
  const freshId = `x${ctx.round}-${ctx.offers.length}`;
  const open = ctx.offers.filter((o) => o.status === 'open');
  switch (type) {
    case 'COMMIT_MOVE': {
      const actor = pick(x.fit ? actors : anyActor, x.a);
      return { type: 'COMMIT_MOVE', actor, move: pick(x.fit ? movesOf(actor) : anyMove, x.b), by: x.accept ? 'team' : 'bot' };
    }
    case 'OFFER': {
      const from = pick(x.fit ? actors : anyActor, x.a);
      const to = pick(x.fit ? actors.filter((a) => a !== from) : anyActor, x.b);
      return {
        type: 'OFFER',
        offer: {
          id: x.fit ? freshId : offerId,
          from,
          to,
          give: pick(x.fit ? movesOf(from).slice(1) : anyMove, x.c),
          get: pick(x.fit ? movesOf(to).slice(1) : anyMove, x.d),
        },
      };
    }
    case 'ANSWER': {
      const o = x.fit && open.length ? pick(open, x.a) : undefined;
      return { type: 'ANSWER', offerId: o?.id ?? offerId, by: o?.to ?? pick(anyActor, x.b), answer: x.accept ? 'accept' : 'reject' };
    }
    case 'COUNTER': {
      const o = x.fit && open.length ? pick(open, x.a) : undefined;
      const by = o?.to ?? pick(anyActor, x.b);
      const to = o?.from ?? pick(anyActor, x.a);
      return {
        type: 'COUNTER',
        offerId: o?.id ?? offerId,
        by,
        offer: {
          id: o ? freshId : offerId,
          from: by,
          to,
          give: pick(o ? movesOf(by).slice(1) : anyMove, x.c),
          get: pick(o ? movesOf(to).slice(1) : anyMove, x.d),
        },
      };
    }
    case 'INJECT': {
      const dims = x.fit ? s.dimensions.map((d) => d.id) : [...s.dimensions.map((d) => d.id), 'weather'];
      return {
        type: 'INJECT',
        inject: {
          id: `i${x.c % 7}`,
          label: 'an event',
          effects: x.c % 3 ? [{ dimension: pick(dims, x.b), delta: ((x.d % 11) - 5) / 20 }] : [],
          postures: x.accept ? { [pick(x.fit ? actors : anyActor, x.a)]: x.posture } : {},
        },
      };
    }
    default:
      return { type };
  }
}

/** What each event type met over the whole fuzz, to check that it reached deep enough to mean something. */
type Tally = Map<string, { taken: number; refused: number }>;

/** The events standing, oldest first. */
function standingEvents(standing: Standing | null): RoundEvent[] {
  const out: RoundEvent[] = [];
  for (let x = standing; x; x = x.prev) out.push(x.event);
  return out.reverse();
}

function fold(s: Scenario, seats: Readonly<Record<string, Seat>>, roundLimit: number, choices: readonly Choice[], tally: Tally, phases: Set<RoundPhase>): void {
  const initial = startRun(s, 1, roundLimit, seats);
  let snap: RoundSnapshot = initial;
  let standing: Standing | null = null;
  for (const x of choices) {
    phases.add(phaseOf(snap));
    const e = build(s, phaseOf(snap), snap.context, x);
    if (e.type === 'UNDO_ROUND' || e.type === 'UNDO_INJECT') {
      const r = step(snap, standing, e);
      const t = tally.get(e.type) ?? { taken: 0, refused: 0 };
      tally.set(e.type, t);
      if (!r.ok) {
        t.refused++;
        continue;
      }
      t.taken++;
      [snap, standing] = [r.snapshot, r.standing];
      // An undo lands exactly where the events still standing lead: the run stays its event log.
      let again = initial;
      for (const y of standingEvents(standing)) [again] = transition(roundMachine, again, y);
      expect(snapshotData(again)).toEqual(snapshotData(snap));
      continue;
    }
    const why = rejection(snap, e);
    const [next] = transition(roundMachine, snap, e);
    const taken = !isDeepStrictEqual(snapshotData(next), snapshotData(snap));
    expect(why === null, `${phaseOf(snap)}: ${JSON.stringify(e)} → ${why}`).toBe(taken);
    expect(snap.can(e)).toBe(taken);
    const t = tally.get(e.type) ?? { taken: 0, refused: 0 };
    tally.set(e.type, t);
    if (taken) {
      t.taken++;
      standing = { event: e, before: snap, prev: standing };
      snap = next;
      continue;
    }
    t.refused++;
    const phase = phaseOf(snap);
    if (phasesTaking(e.type).includes(phase)) {
      const check = checkEvent(snap.context, e);
      expect(check.ok ? null : check.reason).toBe(why);
    } else
      expect(why).toMatch(
        /^(.+ is not possible during the \w+ phase \(only during .+\)|the round is (not open yet|closed): no moves can be entered during the \w+ phase)$/,
      );
  }
  phases.add(phaseOf(snap));
}

async function fuzz(s: Scenario, seed: number, seats: Readonly<Record<string, Seat>> = {}): Promise<void> {
  const tally: Tally = new Map();
  const phases = new Set<RoundPhase>();
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 3 }), fc.array(choiceArb, { minLength: 20, maxLength: 80, size: 'max' }), (roundLimit, choices) =>
      fold(s, seats, roundLimit, choices, tally, phases),
    ),
    { numRuns: 120, seed },
  );
  expect([...phases].sort()).toEqual(['brief', 'debrief', 'ended', 'moves', 'offers']);
  for (const type of UNDOS) {
    expect(tally.get(type)?.taken, `${type} taken`).toBeGreaterThan(0);
    expect(tally.get(type)?.refused, `${type} refused`).toBeGreaterThan(0);
  }
  for (const type of TYPES.filter((t) => !UNDOS.includes(t))) {
    expect(tally.get(type)?.taken, `${type} taken`).toBeGreaterThan(0);
    expect(tally.get(type)?.refused, `${type} refused`).toBeGreaterThan(0);
  }
}

describe('rejection() agrees with the round machine', () => {
  it('on random event sequences of the Belarus scenario', async () => {
    await fuzz(await belarus(), 11);
  });

  it('on random event sequences of the Belarus scenario with actors played by bots', async () => {
    await fuzz(await belarus(), 13, { russia: { kind: 'bot', strategy: 'equilibrium' }, china: { kind: 'bot', strategy: 'random' } });
  });

  it("on random event sequences of a teaching game (prisoner's dilemma)", async () => {
    await fuzz(await parsedBuiltin('prisoners-dilemma'), 12);
  });

  it('words a wrong-phase refusal from the phases the machine gives the event', async () => {
    const s = startRun(await belarus(), 1, 2);
    expect(phasesTaking('CLOSE_ROUND')).toEqual(['moves', 'offers']);
    expect(phasesTaking('INJECT')).toEqual(['brief', 'moves', 'offers', 'debrief']);
    expect(rejection(s, { type: 'CLOSE_ROUND' })).toBe('closing the round is not possible during the brief phase (only during moves or offers)');
    expect(rejection(s, { type: 'NEXT_ROUND' })).toBe('the next round is not possible during the brief phase (only during debrief)');
    expect(rejection(s, { type: 'COMMIT_MOVE', actor: 'regime', move: 'release_50' })).toBe(
      'the round is not open yet: no moves can be entered during the brief phase',
    );
    expect(rejection(s, { type: 'DANCE' } as unknown as RoundEvent)).toBe('unknown event type "DANCE"');
  });
});
