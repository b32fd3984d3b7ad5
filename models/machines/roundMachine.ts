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
 */
import { assign, setup } from 'xstate';
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

const injectTransition = (phase: RoundPhase) => ({ guard: 'canInject' as const, actions: { type: 'applyInject' as const, params: { phase } } });

export const roundMachine = setup({
  types: {
    context: {} as RoundContext,
    input: {} as RoundInput,
    events: {} as RoundEvent,
  },
  actions: {
    applyInject: assign(({ context, event }, params: { phase: RoundPhase }) => (event.type === 'INJECT' ? applyInject(context, event.inject, params.phase) : {})),
  },
  guards: {
    canCommit: ({ context, event }) => event.type === 'COMMIT_MOVE' && checkCommit(context, event.actor, event.move).ok,
    allCommitted: ({ context }) => allCommitted(context),
    canOffer: ({ context, event }) => event.type === 'OFFER' && checkOffer(context, event.offer).ok,
    canAnswer: ({ context, event }) => event.type === 'ANSWER' && checkAnswer(context, event.offerId, event.by).ok,
    canCounter: ({ context, event }) => event.type === 'COUNTER' && checkCounter(context, event.offerId, event.by, event.offer).ok,
    canInject: ({ context, event }) => event.type === 'INJECT' && checkInject(context, event.inject).ok,
    isLastRound: ({ context }) => context.round >= context.roundLimit,
  },
}).createMachine({
  id: 'round',
  context: ({ input }) => initialContext(input),
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
        COMMIT_MOVE: {
          guard: 'canCommit',
          actions: assign({
            committed: ({ context, event }) =>
              event.type === 'COMMIT_MOVE'
                ? { ...context.committed, [event.actor]: { move: event.move, by: event.by ?? 'team', ...(event.reason ? { reason: event.reason } : {}) } }
                : context.committed,
          }),
        },
        CLOSE_ROUND: { target: 'offers', actions: assign({ committed: ({ context }) => fillHolds(context) }) },
        INJECT: injectTransition('moves'),
      },
    },
    offers: {
      on: {
        OFFER: { guard: 'canOffer', actions: assign({ offers: ({ context, event }) => (event.type === 'OFFER' ? addOffer(context, event.offer) : context.offers) }) },
        ANSWER: {
          guard: 'canAnswer',
          actions: assign(({ context, event }) => {
            if (event.type !== 'ANSWER') return {};
            if (event.answer === 'reject') return { offers: setOfferStatus(context, event.offerId, 'rejected') };
            return { offers: setOfferStatus(context, event.offerId, 'accepted'), deals: [...context.deals, dealFromOffer(context, event.offerId)] };
          }),
        },
        COUNTER: {
          guard: 'canCounter',
          actions: assign(({ context, event }) => {
            if (event.type !== 'COUNTER') return {};
            const prev = context.offers.find((o) => o.id === event.offerId)!;
            const marked = { ...context, offers: setOfferStatus(context, event.offerId, 'countered') };
            return { offers: addOffer(marked, event.offer, prev.exchange + 1, prev.id) };
          }),
        },
        END_OFFERS: 'resolve',
        CLOSE_ROUND: 'resolve',
        INJECT: injectTransition('offers'),
      },
    },
    resolve: {
      always: { target: 'debrief', actions: assign(({ context }) => resolveRound(context)) },
    },
    debrief: {
      on: {
        NEXT_ROUND: [{ guard: 'isLastRound', target: 'ended' }, { target: 'brief', actions: assign(({ context }) => startNextRound(context)) }],
        INJECT: injectTransition('debrief'),
      },
    },
    ended: { type: 'final' },
  },
});
