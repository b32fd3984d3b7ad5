/**
 * Every run event is one `transition()` of the round machine (and one per actor of the posture
 * machine at a resolution). xstate builds a throwaway actor without input for each of them; the
 * machines' context factories must not compute (or fail) for it, since the server folds every
 * room's events on its one thread.
 */
import { type AnyStateMachine, createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { actorMachine } from '../../models/machines/actorMachine';
import { roundMachine } from '../../models/machines/roundMachine';

describe('the machines’ throwaway actors', () => {
  it('start without an input and without an error (no exception per step)', () => {
    // As `transition()` makes them: no options, so no input.
    const bare = (m: AnyStateMachine) => createActor(m).getSnapshot().status;
    expect(bare(roundMachine)).toBe('active');
    expect(bare(actorMachine)).toBe('active');
  });
});
