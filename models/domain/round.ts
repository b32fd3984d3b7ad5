/**
 * What a round leaves behind, as plain JSON-safe data: commitments, offers and deals, injects and
 * the record of a resolved round. The round machine (models/machines) produces these; the
 * analyses of a round (models/analysis/debrief) read them.
 */
import type { ActorId, Inject, MoveId, Posture } from './types';

export type Mover = 'team' | 'bot' | 'teacher';

export interface Commitment {
  readonly move: MoveId;
  readonly by: Mover;
  /** A bot's one-line reason, or the team's note. */
  readonly reason?: string;
}

export interface OfferTerms {
  readonly id: string;
  readonly from: ActorId;
  readonly to: ActorId;
  /** What the proposer will play next round … */
  readonly give: MoveId;
  /** … if the other side plays this. */
  readonly get: MoveId;
}

export interface OfferRecord extends OfferTerms {
  readonly status: 'open' | 'accepted' | 'rejected' | 'countered';
  /** 1 for an opening offer, +1 per counter in the same exchange. */
  readonly exchange: number;
  /** The offer this one counters. */
  readonly counters?: string;
}

/** A closed deal: each party promises to play its move in the round after the deal. */
export interface Deal {
  readonly id: string;
  readonly round: number;
  readonly parties: readonly ActorId[];
  readonly promises: Readonly<Record<ActorId, MoveId>>;
}

export interface DealOutcome extends Deal {
  readonly brokenBy: readonly ActorId[];
}

export type { Inject };

export interface InjectRecord extends Inject {
  readonly phase: string;
}

/** The phase under which an inject made in a debrief is recorded with the next round, whose start it moved. */
export const BETWEEN_ROUNDS = 'between rounds';

/** An inject as a debrief names it: made in the debrief before the round, it says so. */
export function injectWords(i: InjectRecord): string {
  return i.phase === BETWEEN_ROUNDS ? `${i.label} (between rounds)` : i.label;
}

export interface ActorRoundRecord {
  readonly move: MoveId;
  readonly by: Mover;
  readonly reason?: string;
  readonly before: number;
  readonly after: number;
  readonly acceptableBefore: boolean;
  readonly acceptableAfter: boolean;
  readonly postureBefore: Posture;
  readonly postureAfter: Posture;
  /** A short explanation: the utility change, the dimension that moved it most, the condition that binds. */
  readonly why: string;
}

export interface RoundRecord {
  readonly round: number;
  readonly worldBefore: readonly number[];
  readonly worldAfter: readonly number[];
  readonly actors: Readonly<Record<ActorId, ActorRoundRecord>>;
  /** Deals made this round (due next round). */
  readonly dealsMade: readonly Deal[];
  /** Deals that fell due this round, with who broke them. */
  readonly dealsDue: readonly DealOutcome[];
  readonly offers: readonly OfferRecord[];
  readonly injects: readonly InjectRecord[];
  readonly interactions: readonly string[];
}
