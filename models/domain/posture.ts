/**
 * How an actor reads a round: hostile moves aimed at it, cooperative ones, and deals with it
 * kept or broken. The actor machines (models/machines/actorMachine.ts) change posture on these
 * observations through the named guards below:
 *  - betrayed (a deal with it was broken): straight to a hard line, or walking away if it was
 *    already there;
 *  - provoked (more hostile than cooperative moves aimed at it): one step harder;
 *  - reassured (more cooperative than hostile moves, or a deal kept): one step softer.
 * A teacher's inject can set any posture, including bringing a walked-away actor back.
 */
import type { ActorId, Move } from './types';

export interface Observation {
  readonly hostile: number;
  readonly cooperative: number;
  readonly kept: number;
  readonly broken: number;
}

/** What `actor` saw this round: the others' moves aimed at it, and its deals' fates. */
export function observe(actor: ActorId, played: readonly Move[], deals: readonly { parties: readonly ActorId[]; brokenBy: readonly ActorId[] }[]): Observation {
  let hostile = 0;
  let cooperative = 0;
  for (const m of played) {
    if (m.actor === actor || !(m.targets ?? []).includes(actor)) continue;
    if (m.tone === 'hostile') hostile++;
    else if (m.tone === 'cooperative') cooperative++;
  }
  let kept = 0;
  let broken = 0;
  for (const d of deals) {
    if (!d.parties.includes(actor)) continue;
    if (d.brokenBy.some((b) => b !== actor)) broken++;
    else if (d.brokenBy.length === 0) kept++;
  }
  return { hostile, cooperative, kept, broken };
}

export const isBetrayed = (o: Observation): boolean => o.broken > 0;
export const isProvoked = (o: Observation): boolean => o.broken === 0 && o.hostile > o.cooperative;
export const isReassured = (o: Observation): boolean => o.broken === 0 && (o.cooperative > o.hostile || (o.kept > 0 && o.hostile === 0));
