/**
 * "Why did X move": for each turn, the option that won the actor's queue — the status quo, its
 * own challenge's bargain or a bargain it received — with the challenge's probability and
 * expected utility behind it and the support the bargain won in the vote.
 */
import type { SmpRun } from './types';

export interface SmpMoveReason {
  readonly turn: number;
  readonly actor: string;
  readonly from: readonly number[];
  readonly to: readonly number[];
  readonly moved: boolean;
  /** 'status quo', 'own challenge' (the actor initiated the bargain) or 'challenged' (it received it). */
  readonly cause: 'status quo' | 'own challenge' | 'challenged';
  /** The other party of the adopted bargain. */
  readonly counterpart?: string;
  /** The initiator's estimate of its chance in a contest, and its expected gain. */
  readonly probability?: number;
  readonly expectedUtility?: number;
  /** The adopted option's probability in the vote over the actor's queue. */
  readonly support: number;
  /** How many options the queue held (the status quo included). */
  readonly options: number;
  readonly text: string;
}

const pos = (x: readonly number[]) => x.map((v) => v.toFixed(1)).join(', ');

export function whyMoved(run: SmpRun, actor: number): SmpMoveReason[] {
  const name = run.actors[actor]!;
  return run.turns.map((t) => {
    const from = run.positions[t.turn - 1]![actor]!;
    const to = t.positions[actor]!;
    const moved = from.some((v, d) => v !== to[d]);
    const a = t.adoptions[actor]!;
    if (a.bargain === null) {
      const text =
        a.options === 1
          ? `turn ${t.turn}: ${name} stayed at (${pos(from)}): it made no challenge and received none`
          : `turn ${t.turn}: ${name} stayed at (${pos(from)}): the status quo won the vote over its queue (probability ${a.support.toFixed(3)} against ${a.options - 1} bargain(s))`;
      return { turn: t.turn, actor: name, from, to, moved, cause: 'status quo', support: a.support, options: a.options, text };
    }
    const b = t.bargains[a.bargain]!;
    const own = b.initiator === actor;
    const other = run.actors[own ? b.receiver : b.initiator]!;
    const c = t.challenges[b.initiator]!;
    const text = own
      ? `turn ${t.turn}: ${name} moved (${pos(from)}) → (${pos(to)}) by the bargain of its own challenge to ${other} ` +
        `(it put its chance at ${c.probability.toFixed(3)} and expected a gain of ${c.expectedUtility.toFixed(4)}); ` +
        `the bargain won the vote over its queue with probability ${a.support.toFixed(3)} among ${a.options} options`
      : `turn ${t.turn}: ${name} moved (${pos(from)}) → (${pos(to)}) because ${other} challenged it ` +
        `(${other} put its own chance at ${c.probability.toFixed(3)} and expected a gain of ${c.expectedUtility.toFixed(4)}; ${name} resists with probability ${c.resistance.toFixed(2)}); ` +
        `the bargain won the vote over ${name}'s queue with probability ${a.support.toFixed(3)} among ${a.options} options`;
    return {
      turn: t.turn,
      actor: name,
      from,
      to,
      moved,
      cause: own ? 'own challenge' : 'challenged',
      counterpart: other,
      probability: c.probability,
      expectedUtility: c.expectedUtility,
      support: a.support,
      options: a.options,
      text,
    };
  });
}
