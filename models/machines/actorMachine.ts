/**
 * One machine per actor: its posture. It moves one step harder when the actor is provoked
 * (more hostile than cooperative moves aimed at it in a round), one step softer when it is
 * reassured (more cooperative moves, or a deal with it kept), and straight to a hard line when a
 * deal with it is broken — or walks away if it was already on a hard line. Walking away is only
 * undone by the teacher (`SET_POSTURE`). Guards are the pure predicates of models/domain/posture.
 *
 * The round machine keeps each actor's posture as data and advances it by folding this machine's
 * `transition()`, so a run's snapshots stay plain data that replays reproduce exactly.
 */
import { assertEvent, setup, transition } from 'xstate';
import { isBetrayed, isProvoked, isReassured, type Observation } from '../domain/posture';
import type { ActorId, Posture } from '../domain/types';

export type ActorEvent = { type: 'ROUND_OBSERVED'; observation: Observation } | { type: 'SET_POSTURE'; posture: Posture };

/** The round's observation, for the guards of `ROUND_OBSERVED` transitions (the only ones they guard). */
function observed(e: ActorEvent): Observation {
  assertEvent(e, 'ROUND_OBSERVED');
  return e.observation;
}

export const actorMachine = setup({
  types: {
    context: {} as { actor: ActorId },
    input: {} as { actor: ActorId },
    events: {} as ActorEvent,
  },
  guards: {
    isBetrayed: ({ event }) => isBetrayed(observed(event)),
    isProvoked: ({ event }) => isProvoked(observed(event)),
    isReassured: ({ event }) => isReassured(observed(event)),
    isPostureRequested: ({ event }, params: { posture: Posture }) => {
      assertEvent(event, 'SET_POSTURE');
      return event.posture === params.posture;
    },
  },
}).createMachine({
  id: 'actor',
  // `transition()` (nextPosture) builds a throwaway actor without input at every step: no exception for it.
  context: ({ input }) => ({ actor: input?.actor ?? '' }),
  initial: 'engaged',
  on: {
    SET_POSTURE: [
      { guard: { type: 'isPostureRequested', params: { posture: 'engaged' } }, target: '.engaged' },
      { guard: { type: 'isPostureRequested', params: { posture: 'hedging' } }, target: '.hedging' },
      { guard: { type: 'isPostureRequested', params: { posture: 'hardline' } }, target: '.hardline' },
      { guard: { type: 'isPostureRequested', params: { posture: 'walkedAway' } }, target: '.walkedAway' },
    ],
  },
  states: {
    engaged: {
      on: {
        ROUND_OBSERVED: [
          { guard: 'isBetrayed', target: 'hardline' },
          { guard: 'isProvoked', target: 'hedging' },
        ],
      },
    },
    hedging: {
      on: {
        ROUND_OBSERVED: [
          { guard: 'isBetrayed', target: 'hardline' },
          { guard: 'isProvoked', target: 'hardline' },
          { guard: 'isReassured', target: 'engaged' },
        ],
      },
    },
    hardline: {
      on: {
        ROUND_OBSERVED: [
          { guard: 'isBetrayed', target: 'walkedAway' },
          { guard: 'isReassured', target: 'hedging' },
        ],
      },
    },
    walkedAway: {},
  },
});

/** The actor's posture after one event, by the machine's own transition. */
export function nextPosture(actor: ActorId, posture: Posture, event: ActorEvent): Posture {
  const snapshot = actorMachine.resolveState({ value: posture, context: { actor } });
  const [next] = transition(actorMachine, snapshot, event);
  return next.value as Posture;
}
