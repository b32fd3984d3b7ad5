/**
 * The coalitions of the state of play: which groups could gain together by moving from here.
 *
 * The minimums say who could ever live with whom (the common core's compatible sets); they do not
 * change while a run is played. What does change is the position: after every round the world is
 * somewhere else, assets are spent, postures have shifted, deals were kept or broken. A coalition
 * of play is a group of actors every pair of whom has an exchange that pays both from here:
 *
 *  - Two actors a and b *can gain together* when some pair of their moves legal now (each may also
 *    hold, not both), played together while everyone else holds, leaves both strictly better off
 *    than the present state. Legal means legal in the round: the moves' assets still held, their
 *    postures allowing them, their preconditions met (models/domain/legality).
 *  - A pair whose deal was broken this round cannot trade on trust next round: it is not joined.
 *  - The coalitions are the maximal groups in which every pair can gain together (the maximal
 *    cliques of that graph; Bron–Kerbosch with pivoting), every one of them, largest first.
 *
 * Pairwise gains are a deliberately simple test: a group's joint move may pay all its members even
 * when no pair's does, and the reverse. It reads the round game the class is about to play; the
 * common core answers the other question (who could agree on an outcome at all).
 */
import { checkMove, type Holdings } from '../domain/legality';
import { applyMoves } from '../domain/moves';
import { dimensionIndex } from '../domain/space';
import type { ActorId, Move, Posture, Scenario } from '../domain/types';
import { isAcceptable, utility } from '../domain/utility';
import type { GraphCoalition } from './elements';

export interface PlayPosition {
  readonly scenario: Scenario;
  /** The world state, in scenario dimension order. */
  readonly state: ArrayLike<number>;
  readonly holdings: Holdings;
  readonly postures: Readonly<Record<ActorId, Posture>>;
  /** Pairs whose deal was broken this round (either side broke it). */
  readonly broken?: readonly (readonly [ActorId, ActorId])[];
}

/** The best exchange of a pair from the position (largest smaller gain), or null when none pays both. */
export interface PairGain {
  readonly actors: readonly [ActorId, ActorId];
  /** The two moves ('hold' for one that holds), in the order of `actors`. */
  readonly moves: readonly [string, string];
  readonly gains: readonly [number, number];
}

/** Gains below this count as none: the utility is a sum of a dozen products of numbers in [0, 1]. */
const GAIN_EPSILON = 1e-9;
/** Beyond this many groups the rest are left out (a dense graph of 40 actors has very many cliques). */
const MAX_COALITIONS = 64;

/** Every pair of actors with an exchange that pays both from the position. */
export function pairGains(p: PlayPosition): PairGain[] {
  const s = p.scenario;
  const dims = dimensionIndex(s);
  const legal = (actor: ActorId): Move[] =>
    s.moves.filter((m) => m.actor === actor && checkMove(s, dims, p.state, p.holdings, p.postures[actor] ?? 'engaged', actor, m.id).ok);
  const moves = new Map(s.actors.map((a) => [a.id, legal(a.id)]));
  const u0 = new Map(s.actors.map((a) => [a.id, utility(a, dims, p.state)]));
  const broken = new Set((p.broken ?? []).map(([a, b]) => (a < b ? `${a}|${b}` : `${b}|${a}`)));
  const out: PairGain[] = [];
  for (let i = 0; i < s.actors.length; i++)
    for (let j = i + 1; j < s.actors.length; j++) {
      const A = s.actors[i]!;
      const B = s.actors[j]!;
      if (broken.has(A.id < B.id ? `${A.id}|${B.id}` : `${B.id}|${A.id}`)) continue;
      let best: PairGain | null = null;
      for (const ma of [null, ...moves.get(A.id)!])
        for (const mb of [null, ...moves.get(B.id)!]) {
          if (!ma && !mb) continue;
          const x = applyMoves(
            dims,
            p.state,
            [ma, mb].filter((m): m is Move => m !== null),
            s.interactions,
          );
          const ga = utility(A, dims, x) - u0.get(A.id)!;
          const gb = utility(B, dims, x) - u0.get(B.id)!;
          if (ga > GAIN_EPSILON && gb > GAIN_EPSILON && (!best || Math.min(ga, gb) > Math.min(...best.gains)))
            best = { actors: [A.id, B.id], moves: [ma?.id ?? 'hold', mb?.id ?? 'hold'], gains: [ga, gb] };
        }
      if (best) out.push(best);
    }
  return out;
}

/** Maximal cliques (Bron–Kerbosch with pivoting) of an undirected graph on 0…n−1. */
function maximalCliques(n: number, adjacent: (a: number, b: number) => boolean, limit: number): number[][] {
  const out: number[][] = [];
  const nbrs = Array.from({ length: n }, (_, a) => new Set(Array.from({ length: n }, (_, b) => b).filter((b) => b !== a && adjacent(a, b))));
  const expand = (r: number[], p: Set<number>, x: Set<number>) => {
    if (out.length >= limit) return;
    if (!p.size && !x.size) {
      out.push(r);
      return;
    }
    let pivot = -1;
    let most = -1;
    for (const u of [...p, ...x]) {
      let k = 0;
      for (const v of p) if (nbrs[u]!.has(v)) k++;
      if (k > most) [pivot, most] = [u, k];
    }
    for (const v of [...p].filter((v) => !nbrs[pivot]!.has(v))) {
      expand([...r, v], new Set([...p].filter((w) => nbrs[v]!.has(w))), new Set([...x].filter((w) => nbrs[v]!.has(w))));
      p.delete(v);
      x.add(v);
    }
  };
  expand([], new Set(Array.from({ length: n }, (_, i) => i)), new Set());
  return out;
}

/** The coalitions of play: every maximal group whose members can pairwise gain together, largest first. */
export function playCoalitions(p: PlayPosition, names: (id: ActorId) => string = (id) => id): GraphCoalition[] {
  const ids = p.scenario.actors.map((a) => a.id);
  const index = new Map(ids.map((id, i) => [id, i]));
  const edges = new Set(pairGains(p).map((g) => `${index.get(g.actors[0])}|${index.get(g.actors[1])}`));
  const adjacent = (a: number, b: number) => edges.has(a < b ? `${a}|${b}` : `${b}|${a}`);
  return maximalCliques(ids.length, adjacent, MAX_COALITIONS)
    .filter((c) => c.length >= 2)
    .map((c) => c.sort((a, b) => a - b).map((i) => ids[i]!))
    .sort((a, b) => b.length - a.length || a.join().localeCompare(b.join()))
    .map((members) => ({ id: `gain:${members.join('+')}`, label: `Could gain together: ${members.map(names).join(', ')}`, members }));
}

/**
 * The actors the present state contents (it meets their minimum) and the rest. A partition, so it
 * can be drawn as two compound groups; it shifts as the world moves.
 */
export function contentGroups(p: Pick<PlayPosition, 'scenario' | 'state'>, names: (id: ActorId) => string = (id) => id): GraphCoalition[] {
  const s = p.scenario;
  const dims = dimensionIndex(s);
  const content = s.actors.filter((a) => isAcceptable(a, dims, p.state)).map((a) => a.id);
  const rest = s.actors.map((a) => a.id).filter((id) => !content.includes(id));
  const out: GraphCoalition[] = [];
  if (content.length) out.push({ id: 'content', label: `Content with the present state: ${content.map(names).join(', ')}`, members: content });
  if (rest.length) out.push({ id: 'wants-change', label: `Minimum unmet, wants change: ${rest.map(names).join(', ')}`, members: rest });
  return out;
}

/** Every coalition the run's graph draws at a position: who the state contents and who not, then the groups that could gain together. */
export function positionCoalitions(p: PlayPosition, names: (id: ActorId) => string = (id) => id): GraphCoalition[] {
  return [...contentGroups(p, names), ...playCoalitions(p, names)];
}

/** The pairs whose deal fell due in a round and was broken (by either side). */
export function brokenPairs(dealsDue: readonly { readonly parties: readonly ActorId[]; readonly brokenBy: readonly ActorId[] }[]): [ActorId, ActorId][] {
  return dealsDue.filter((d) => d.brokenBy.length && d.parties.length === 2).map((d) => [d.parties[0]!, d.parties[1]!]);
}
