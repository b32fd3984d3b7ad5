/**
 * What one seat may see. While moves are being entered, a team's view shows which actors have
 * committed but not what they committed — except its own actors' moves. From the reveal on
 * (offers, debrief) everything is public. The teacher's projector view is the public view.
 */
import type { ActorId } from '../domain/types';
import type { Commitment, RoundContext } from './roundLogic';
import type { RoundPhase } from './roundMachine';

export interface SeatView {
  readonly phase: RoundPhase;
  readonly round: number;
  readonly roundLimit: number;
  readonly world: readonly number[];
  readonly postures: RoundContext['postures'];
  /** Who has committed a move this round. */
  readonly hasCommitted: Readonly<Record<ActorId, boolean>>;
  /** Committed moves the viewer may see. */
  readonly committed: Readonly<Record<ActorId, Commitment>>;
  readonly offers: RoundContext['offers'];
  readonly history: RoundContext['history'];
}

export function viewFor(phase: RoundPhase, c: RoundContext, viewer: readonly ActorId[]): SeatView {
  const secret = phase === 'moves';
  const committed: Record<ActorId, Commitment> = {};
  const hasCommitted: Record<ActorId, boolean> = {};
  for (const a of c.scenario.actors) {
    const m = c.committed[a.id];
    hasCommitted[a.id] = !!m;
    if (m && (!secret || viewer.includes(a.id))) committed[a.id] = m;
  }
  return {
    phase,
    round: c.round,
    roundLimit: c.roundLimit,
    world: c.world,
    postures: c.postures,
    hasCommitted,
    committed,
    offers: c.offers,
    history: c.history,
  };
}
