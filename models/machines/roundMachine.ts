/**
 * The round machine: brief → moves (secret, simultaneous) → offers and answers → resolve →
 * debrief → the next round's brief, or ended after the round limit.
 *
 *  - moves: each actor commits one move (`COMMIT_MOVE`); a commitment is checked by the named
 *    guard `canCommit` (the legality predicates of models/domain/legality). When every actor has
 *    committed, or the teacher sends `CLOSE_ROUND` (the rest hold), the moves are revealed.
 *  - offers: bilateral offers "I play A next round if you play B" (`OFFER`), answered with
 *    `ANSWER` accept / reject or `COUNTER`, up to MAX_EXCHANGES per thread. An accepted offer is
 *    a deal that binds only its two parties: at the next round's resolution each party either
 *    keeps it (plays its promised move) or breaks it, and the other's posture answers.
 *  - resolve (transient): effects, assets spent, deals due checked, postures advanced by each
 *    actor's machine, the round recorded.
 *  - `INJECT` (teacher): effects on the world and postures, in any phase but the end.
 *
 * Nothing here computes heavily or draws random numbers: bots choose outside the machine and
 * send ordinary `COMMIT_MOVE` events with their reason, so a run replays from its event log by
 * folding `transition()`. Undo is a run-level event (models/machines/run.ts).
 *
 * The statechart is the one statement of the rules: which phase takes which event is its config,
 * and each guard is a domain check (`checkEvent`). `rejection()` (run.ts) asks the machine and
 * only words the answer.
 */
import { assertEvent, assign, setup } from 'xstate';
import type { ActorId, MoveId } from '../domain/types';
import {
  addOffer,
  allCommitted,
  applyInject,
  checkAnswer,
  checkCommit,
  checkCounter,
  checkInject,
  checkOffer,
  dealFromOffer,
  fillHolds,
  initialContext,
  resolveRound,
  setOfferStatus,
  startNextRound,
  type Check,
  type Inject,
  type Mover,
  type OfferTerms,
  type RoundContext,
  type RoundInput,
} from './roundLogic';

export type RoundEvent =
  | { type: 'START_ROUND' }
  | { type: 'COMMIT_MOVE'; actor: ActorId; move: MoveId; by?: Mover; reason?: string }
  | { type: 'CLOSE_ROUND' }
  | { type: 'OFFER'; offer: OfferTerms }
  | { type: 'ANSWER'; offerId: string; by: ActorId; answer: 'accept' | 'reject' }
  | { type: 'COUNTER'; offerId: string; by: ActorId; offer: OfferTerms }
  | { type: 'END_OFFERS' }
  | { type: 'NEXT_ROUND' }
  | { type: 'INJECT'; inject: Inject };

export type RoundPhase = 'brief' | 'moves' | 'offers' | 'debrief' | 'ended';

/**
 * The domain check behind each guarded event (the legality predicates of models/domain, through
 * roundLogic): the machine's guard for the event is this check, and its reason says why the
 * machine did not take the event. Events without a guard pass.
 */
export function checkEvent(c: RoundContext, e: RoundEvent): Check {
  switch (e.type) {
    case 'COMMIT_MOVE':
      return checkCommit(c, e.actor, e.move);
    case 'OFFER':
      return checkOffer(c, e.offer);
    case 'ANSWER':
      return checkAnswer(c, e.offerId, e.by);
    case 'COUNTER':
      return checkCounter(c, e.offerId, e.by, e.offer);
    case 'INJECT':
      return checkInject(c, e.inject);
    default:
      return { ok: true };
  }
}

/** The guard for a checked event: it passes exactly when `checkEvent` does, so the two cannot disagree. */
const passesCheck =
  (type: RoundEvent['type']) =>
  ({ context, event }: { context: RoundContext; event: RoundEvent }): boolean => {
    assertEvent(event, type);
    return checkEvent(context, event).ok;
  };

const injectTransition = (phase: RoundPhase) => ({ guard: 'canInject' as const, actions: { type: 'applyInject' as const, params: { phase } } });

export const roundMachine = setup({
  types: {
    context: {} as RoundContext,
    input: {} as RoundInput,
    events: {} as RoundEvent,
  },
  actions: {
    recordCommitment: assign(({ context, event }) => {
      assertEvent(event, 'COMMIT_MOVE');
      return {
        committed: { ...context.committed, [event.actor]: { move: event.move, by: event.by ?? 'team', ...(event.reason ? { reason: event.reason } : {}) } },
      };
    }),
    holdTheRest: assign(({ context }) => ({ committed: fillHolds(context) })),
    recordOffer: assign(({ context, event }) => {
      assertEvent(event, 'OFFER');
      return { offers: addOffer(context, event.offer) };
    }),
    recordAnswer: assign(({ context, event }) => {
      assertEvent(event, 'ANSWER');
      if (event.answer === 'reject') return { offers: setOfferStatus(context, event.offerId, 'rejected') };
      return { offers: setOfferStatus(context, event.offerId, 'accepted'), deals: [...context.deals, dealFromOffer(context, event.offerId)] };
    }),
    recordCounter: assign(({ context, event }) => {
      assertEvent(event, 'COUNTER');
      const prev = context.offers.find((o) => o.id === event.offerId)!;
      const marked = { ...context, offers: setOfferStatus(context, event.offerId, 'countered') };
      return { offers: addOffer(marked, event.offer, prev.exchange + 1, prev.id) };
    }),
    applyInject: assign(({ context, event }, params: { phase: RoundPhase }) => {
      assertEvent(event, 'INJECT');
      return applyInject(context, event.inject, params.phase);
    }),
    resolveRound: assign(({ context }) => resolveRound(context)),
    startNextRound: assign(({ context }) => startNextRound(context)),
  },
  guards: {
    canCommit: passesCheck('COMMIT_MOVE'),
    allCommitted: ({ context }) => allCommitted(context),
    canOffer: passesCheck('OFFER'),
    canAnswer: passesCheck('ANSWER'),
    canCounter: passesCheck('COUNTER'),
    canInject: passesCheck('INJECT'),
    isLastRound: ({ context }) => context.round >= context.roundLimit,
  },
}).createMachine({
  id: 'round',
  // xstate's pure `transition()` builds a throwaway actor without input for every step and never
  // reads its context: without an input there is nothing to compute (nor an exception to raise).
  context: ({ input }) => (input ? initialContext(input) : (undefined as unknown as RoundContext)),
  initial: 'brief',
  states: {
    brief: {
      on: {
        START_ROUND: 'moves',
        INJECT: injectTransition('brief'),
      },
    },
    moves: {
      always: { guard: 'allCommitted', target: 'offers' },
      on: {
        COMMIT_MOVE: { guard: 'canCommit', actions: 'recordCommitment' },
        CLOSE_ROUND: { target: 'offers', actions: 'holdTheRest' },
        INJECT: injectTransition('moves'),
      },
    },
    offers: {
      on: {
        OFFER: { guard: 'canOffer', actions: 'recordOffer' },
        ANSWER: { guard: 'canAnswer', actions: 'recordAnswer' },
        COUNTER: { guard: 'canCounter', actions: 'recordCounter' },
        END_OFFERS: 'resolve',
        CLOSE_ROUND: 'resolve',
        INJECT: injectTransition('offers'),
      },
    },
    resolve: {
      always: { target: 'debrief', actions: 'resolveRound' },
    },
    debrief: {
      on: {
        NEXT_ROUND: [
          { guard: 'isLastRound', target: 'ended' },
          { target: 'brief', actions: 'startNextRound' },
        ],
        INJECT: injectTransition('debrief'),
      },
    },
    ended: { type: 'final' },
  },
});
