/**
 * The challenge network of each turn: who challenged whom (the directed edge initiator → target),
 * with the initiator's estimate of its chance and its expected gain, and what became of the
 * challenge's bargain — whether the target gave way (adopted it), whether the initiator adopted
 * its own side of it, or neither (both took another option of their queues).
 *
 * Every challenge of a run is in the network, adopted or not, so a reader sees the challenges that
 * failed beside the ones that moved someone.
 */
import type { SmpRun, SmpTurn } from './types';

export interface SmpNetworkEdge {
  readonly initiator: number;
  readonly target: number;
  /** The initiator's estimate of the probability that its side wins a contest. */
  readonly probability: number;
  /** The initiator's expected gain from the challenge. */
  readonly expectedUtility: number;
  /** The target's probability of resisting (its total salience). */
  readonly resistance: number;
  /** The target adopted a bargain of this challenge: it gave way. */
  readonly targetGaveWay: boolean;
  /** The initiator adopted its own side of a bargain of this challenge. */
  readonly initiatorAdopted: boolean;
  /** Where the bargain put the two (0–100 scale, per dimension). */
  readonly initiatorPosition: readonly number[];
  readonly targetPosition: readonly number[];
}

export interface SmpNetworkNode {
  readonly actor: number;
  /** What it adopted: its own challenge's bargain, a bargain it received (from whom), or the status quo. */
  readonly adopted: { readonly kind: 'status quo' } | { readonly kind: 'own challenge' | 'challenged'; readonly counterpart: number };
  /** The adopted option's probability in the vote over its queue, and how many options the queue held. */
  readonly support: number;
  readonly options: number;
}

export interface SmpTurnNetwork {
  readonly turn: number;
  readonly nodes: readonly SmpNetworkNode[];
  readonly edges: readonly SmpNetworkEdge[];
}

/** The network of one turn. */
export function turnNetwork(t: SmpTurn): SmpTurnNetwork {
  const adoptedBargain = (actor: number) => t.adoptions[actor]?.bargain ?? null;
  const edges: SmpNetworkEdge[] = [];
  for (const c of t.challenges) {
    if (!c) continue;
    const own = t.bargains.map((b, k) => ({ b, k })).filter(({ b }) => b.initiator === c.initiator && b.receiver === c.target);
    const first = own[0]?.b;
    const ids = new Set(own.map((x) => x.k));
    const ta = adoptedBargain(c.target);
    const ia = adoptedBargain(c.initiator);
    edges.push({
      initiator: c.initiator,
      target: c.target,
      probability: c.probability,
      expectedUtility: c.expectedUtility,
      resistance: c.resistance,
      targetGaveWay: ta !== null && ids.has(ta),
      initiatorAdopted: ia !== null && ids.has(ia),
      initiatorPosition: first ? [...first.initiatorPosition] : [],
      targetPosition: first ? [...first.receiverPosition] : [],
    });
  }
  const nodes: SmpNetworkNode[] = t.adoptions.map((a) => {
    if (a.bargain === null) return { actor: a.actor, adopted: { kind: 'status quo' }, support: a.support, options: a.options };
    const b = t.bargains[a.bargain]!;
    const own = b.initiator === a.actor;
    return {
      actor: a.actor,
      adopted: { kind: own ? 'own challenge' : 'challenged', counterpart: own ? b.receiver : b.initiator },
      support: a.support,
      options: a.options,
    };
  });
  return { turn: t.turn, nodes, edges };
}

/** The network of every turn of a run, in order. */
export function challengeNetworks(run: SmpRun): SmpTurnNetwork[] {
  return run.turns.map(turnNetwork);
}

/** One sentence for an edge, naming the actors by `name`. */
export function describeEdge(e: SmpNetworkEdge, name: (i: number) => string): string {
  const i = name(e.initiator);
  const j = name(e.target);
  const fate =
    e.targetGaveWay && e.initiatorAdopted
      ? `both adopted the bargain`
      : e.targetGaveWay
        ? `${j} gave way (adopted the bargain); ${i} took another option`
        : e.initiatorAdopted
          ? `${i} adopted its side of the bargain; ${j} did not give way`
          : `neither adopted the bargain`;
  return (
    `${i} challenged ${j}: ${i} put its chance at ${e.probability.toFixed(3)} and expected a gain of ${e.expectedUtility.toFixed(4)}` +
    ` (${j} resists with probability ${e.resistance.toFixed(2)}); ${fate}`
  );
}
