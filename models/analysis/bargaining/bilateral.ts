/**
 * Bilateral bargaining between two actors of a scenario, over the moves they control.
 *
 * Feasible set. From a starting state x⁰ (the status quo unless `state` says otherwise), each
 * of the two actors plays one of its own legal moves or holds (one round; everyone else holds).
 * That gives (k₁ + 1)(k₂ + 1) pure outcomes, scored by the two actors' utilities (outcome model:
 * `applyMoves`, `utility`). Lotteries over them make the feasible set their convex hull. The
 * disagreement point is x⁰ itself (both hold), which is one of the outcomes, so individually
 * rational deals always exist.
 *
 * Which moves are open. By default a move is open when its preconditions hold at x⁰ (the
 * opening position: every asset still held, every actor engaged). From a later round's
 * position, pass the round's `holdings` and `postures`: a move is then open only when it is
 * legal in that round (legality.ts `checkMove`: an asset already spent or too depleted, or a
 * posture that bars the move, takes it off the table), so the outcomes are the ones the pair can
 * actually reach from there. A missing one of the two defaults to the opening round's.
 *
 * Solutions on that set: the Nash bargaining solution, the Kalai–Smorodinsky point and the
 * Rubinstein alternating-offers equilibrium from the two patiences (first mover: the first
 * actor of the pair unless `first` says otherwise), plus the Rubinstein shares of a unit
 * surplus. A point of the frontier is read back as a deal: a lottery over at most two pure
 * outcomes, each a list of moves. The best *pure* deal by the Nash product is reported too,
 * since a lottery over policies is a modelling device rather than something governments sign.
 *
 * Named deals: every interaction of the scenario whose moves all belong to the pair (e.g. the
 * December 2025 prisoners-for-potash exchange) is scored for every actor, so third parties'
 * gains and losses show.
 *
 * Exact: the enumeration is complete and the geometry closed-form (bisection to 1e-13 for
 * Rubinstein on a kinked frontier). No linear program is needed.
 */
import { checkMove, initialHoldings, type Holdings } from '../../domain/legality';
import { applyMoves } from '../../domain/moves';
import { dimensionIndex, initialState, stateToRecord } from '../../domain/space';
import { utility } from '../../domain/utility';
import type { ActorId, Move, MoveId, Posture, Scenario } from '../../domain/types';
import { legalMovesAt } from '../coop/outcomeModel';
import { paretoFrontier, type FrontierVertex, type Lottery, type Pair } from './frontier';
import { kalaiSmorodinsky } from './kalaiSmorodinsky';
import { nashBargaining } from './nashBargaining';
import { rubinsteinOnFrontier, rubinsteinShare } from './rubinstein';

export interface BargainingOptions {
  /** Who proposes first in the alternating-offers game (default: the first of the pair). */
  readonly first?: ActorId;
  /** The world state the pair bargains from, one value per dimension (default: the status quo). */
  readonly state?: ArrayLike<number>;
  /** Assets still held at that state (default: the opening holdings); restricts the moves to the legal ones. */
  readonly holdings?: Holdings;
  /** Postures at that state (default: everyone engaged); restricts the moves to the legal ones. */
  readonly postures?: Readonly<Record<ActorId, Posture>>;
}

export interface DealPart {
  readonly moves: MoveId[];
  readonly probability: number;
  readonly utilities: Record<ActorId, number>;
}

export interface SolutionPoint {
  /** Utilities of the two actors at the point. */
  readonly utilities: Record<ActorId, number>;
  /** Gains over the disagreement point (both hold at the starting state). */
  readonly gains: Record<ActorId, number>;
  /** The lottery over pure outcomes that reaches the point (one part when it is a pure deal). */
  readonly deal: DealPart[];
}

/** One part of a named deal played alone: who gives it and what it does to every actor. */
export interface DealPartAlone {
  readonly actor: ActorId;
  readonly move: MoveId;
  /** Every actor's utility change from the starting state when only this move is played. */
  readonly gains: Record<ActorId, number>;
}

export interface NamedDeal {
  readonly id: string;
  readonly moves: MoveId[];
  /** Every actor's utility change from the starting state. */
  readonly gains: Record<ActorId, number>;
  /**
   * Each part played alone. In an exchange each part alone costs its giver (a concession spends
   * leverage) and the whole gains both: that is what makes it a deal.
   */
  readonly alone: DealPartAlone[];
  readonly bothGain: boolean;
  /** Whether no lottery gives both actors at least as much and one of them more. */
  readonly paretoEfficient: boolean;
}

export interface BargainingReport {
  pair: [ActorId, ActorId];
  disagreement: Record<ActorId, number>;
  /** Pure outcomes enumerated. */
  outcomes: number;
  /** The individually rational Pareto frontier: utilities of its vertices and their deals. */
  frontier: SolutionPoint[];
  gainsFromTrade: boolean;
  nash: (SolutionPoint & { product: number }) | null;
  /** The pure deal with the largest Nash product. */
  bestPureDeal: (SolutionPoint & { product: number }) | null;
  kalaiSmorodinsky: (SolutionPoint & { ideal: Record<ActorId, number> }) | null;
  rubinstein: {
    first: ActorId;
    patience: Record<ActorId, number>;
    /** Shares of a unit surplus: (1 − δ₂)/(1 − δ₁δ₂) to the first mover. */
    surplusShare: Record<ActorId, number>;
    /** The equilibrium agreement on this frontier. */
    agreement: SolutionPoint | null;
    /**
     * Each side's gain at the agreement as a share of the most it can gain on the frontier. On a
     * straight frontier this is exactly `surplusShare`; on a kinked one it tells the same story
     * (the same side ahead) in the frontier's own terms.
     */
    agreementShare: Record<ActorId, number> | null;
  };
  namedDeals: NamedDeal[];
  method: string;
  exact: boolean;
}

export type BargainingResult = { status: 'ok'; report: BargainingReport } | { status: 'invalid'; problem: string };

interface Outcome {
  moves: MoveId[];
  u: Pair;
  x: Float64Array;
}

export function bilateralBargaining(s: Scenario, pair: readonly [ActorId, ActorId], opts: BargainingOptions = {}): BargainingResult {
  const [a, b] = pair;
  const A = s.actors.find((x) => x.id === a);
  const B = s.actors.find((x) => x.id === b);
  if (!A) return { status: 'invalid', problem: `unknown actor "${a}"` };
  if (!B) return { status: 'invalid', problem: `unknown actor "${b}"` };
  if (a === b) return { status: 'invalid', problem: 'a bargaining pair needs two different actors' };
  const first = opts.first ?? a;
  if (first !== a && first !== b) return { status: 'invalid', problem: `the first mover "${first}" is not one of the pair` };
  const dims = dimensionIndex(s);
  if (opts.state && opts.state.length !== s.dimensions.length)
    return { status: 'invalid', problem: `the starting state has ${opts.state.length} values; the scenario has ${s.dimensions.length} dimensions` };
  if (opts.state && !Array.prototype.every.call(opts.state, (v: number) => Number.isFinite(v)))
    return { status: 'invalid', problem: 'the starting state holds a value that is not a finite number' };
  const x0 = opts.state ? Float64Array.from(opts.state) : initialState(s);
  const optsA = [null, ...openMoves(s, a, x0, opts)];
  const optsB = [null, ...openMoves(s, b, x0, opts)];
  const order = new Map(s.moves.map((m, i) => [m.id, i]));
  const outcomes: Outcome[] = [];
  // Simpler deals first (hold/hold, one move, then both), so duplicates resolve to the simpler one.
  const combos: [number, number][] = [];
  for (let i = 0; i < optsA.length; i++) for (let j = 0; j < optsB.length; j++) combos.push([i, j]);
  combos.sort((p, q) => +(p[0] > 0) + +(p[1] > 0) - (+(q[0] > 0) + +(q[1] > 0)) || p[0] - q[0] || p[1] - q[1]);
  for (const [i, j] of combos) {
    const moves = [optsA[i], optsB[j]].filter((m) => m !== null).sort((p, q) => order.get(p!.id)! - order.get(q!.id)!) as NonNullable<(typeof optsA)[number]>[];
    const x = applyMoves(dims, x0, moves, s.interactions);
    outcomes.push({ moves: moves.map((m) => m.id), u: [utility(A, dims, x), utility(B, dims, x)], x });
  }
  const d = outcomes[0]!.u;
  const fr = paretoFrontier(
    outcomes.map((o) => o.u),
    d,
  );
  if (fr.status !== 'ok') return { status: 'invalid', problem: fr.problem };
  const V = fr.vertices;
  const byPair = (p: Pair) => ({ [a]: p[0], [b]: p[1] });
  const gains = (p: Pair) => ({ [a]: p[0] - d[0], [b]: p[1] - d[1] });
  const dealOf = (l: Lottery): DealPart[] => l.map(([k, w]) => ({ moves: outcomes[k]!.moves, probability: w, utilities: byPair(outcomes[k]!.u) }));
  const point = (v: FrontierVertex): SolutionPoint => ({ utilities: byPair(v.u), gains: gains(v.u), deal: dealOf(v.lottery) });

  const nb = nashBargaining(V, d);
  const ks = kalaiSmorodinsky(V, d);
  // Rubinstein with the first mover on axis 1.
  const swap = first === b;
  const Vs = swap ? V.map((v) => ({ u: [v.u[1], v.u[0]] as Pair, lottery: v.lottery })).reverse() : V;
  const ds: Pair = swap ? [d[1], d[0]] : d;
  const deltaFirst = (swap ? B : A).patience;
  const deltaSecond = (swap ? A : B).patience;
  const rb = rubinsteinOnFrontier(Vs, ds, deltaFirst, deltaSecond);
  const share = rubinsteinShare(deltaFirst, deltaSecond);
  if (share.status !== 'ok') return { status: 'invalid', problem: share.problem };
  if (rb.status !== 'ok') return { status: 'invalid', problem: rb.problem };
  const rbPoint: FrontierVertex = swap ? { u: [rb.point.u[1], rb.point.u[0]], lottery: rb.point.lottery } : rb.point;

  let bestPure: (SolutionPoint & { product: number }) | null = null;
  for (let k = 0; k < outcomes.length; k++) {
    const g = [outcomes[k]!.u[0] - d[0], outcomes[k]!.u[1] - d[1]];
    const p = g[0]! > 0 && g[1]! > 0 ? g[0]! * g[1]! : 0;
    if (p > (bestPure?.product ?? 0) + 1e-15) bestPure = { ...point({ u: outcomes[k]!.u, lottery: [[k, 1]] }), product: p };
  }
  const gainsFromTrade = nb.status === 'ok';

  const owners = new Map(s.moves.map((m) => [m.id, m.actor]));
  const gainsAt = (x: ArrayLike<number>): Record<ActorId, number> =>
    Object.fromEntries(s.actors.map((actor) => [actor.id, utility(actor, dims, x) - utility(actor, dims, x0)]));
  const maxGain: Pair = [Math.max(0, ...V.map((v) => v.u[0] - d[0])), Math.max(0, ...V.map((v) => v.u[1] - d[1]))];
  const dominated = (u: Pair) => V.some((v) => v.u[0] >= u[0] - 1e-12 && v.u[1] >= u[1] - 1e-12 && (v.u[0] > u[0] + 1e-9 || v.u[1] > u[1] + 1e-9));
  const namedDeals: NamedDeal[] = s.interactions
    .filter((it) => it.when.length > 0 && it.when.every((m) => owners.get(m) === a || owners.get(m) === b))
    .flatMap((it) => {
      const o = outcomes.find((oc) => oc.moves.length === it.when.length && it.when.every((m) => oc.moves.includes(m)));
      if (!o) return [];
      const all = gainsAt(o.x);
      const alone = o.moves.map((m) => {
        const single = outcomes.find((oc) => oc.moves.length === 1 && oc.moves[0] === m)!;
        return { actor: owners.get(m)!, move: m, gains: gainsAt(single.x) };
      });
      return [{ id: it.id, moves: o.moves, gains: all, alone, bothGain: all[a]! > 0 && all[b]! > 0, paretoEfficient: !dominated(o.u) }];
    });

  return {
    status: 'ok',
    report: {
      pair: [a, b],
      disagreement: byPair(d),
      outcomes: outcomes.length,
      frontier: V.map(point),
      gainsFromTrade,
      nash: nb.status === 'ok' ? { ...point(nb.point), product: nb.product } : null,
      bestPureDeal: bestPure,
      kalaiSmorodinsky: ks.status === 'ok' ? { ...point(ks.point), ideal: byPair(ks.ideal) } : null,
      rubinstein: {
        first,
        patience: { [a]: A.patience, [b]: B.patience },
        surplusShare: swap ? { [b]: share.first, [a]: share.second } : { [a]: share.first, [b]: share.second },
        agreement: gainsFromTrade ? point(rbPoint) : null,
        agreementShare:
          gainsFromTrade && maxGain[0] > 0 && maxGain[1] > 0 ? { [a]: (rbPoint.u[0] - d[0]) / maxGain[0], [b]: (rbPoint.u[1] - d[1]) / maxGain[1] } : null,
      },
      namedDeals,
      method: `one-round move pairs enumerated from ${opts.state ? 'the given state' : 'the status quo'}${restricted(opts) ? ' (moves legal under the given holdings and postures)' : ''}; convex hull (lotteries) by monotone chain; Nash product maximised exactly per frontier edge; Kalai–Smorodinsky by ray–frontier intersection; Rubinstein by the stationary SPE conditions (bisection) and the (1 − δ₂)/(1 − δ₁δ₂) share`,
      exact: true,
    },
  };
}

const restricted = (opts: BargainingOptions) => opts.holdings !== undefined || opts.postures !== undefined;

/**
 * The actor's moves open at x⁰: preconditions only by default; the round's legal moves when
 * holdings or postures are given (the same test the round machine applies to a commitment).
 */
function openMoves(s: Scenario, actor: ActorId, x0: ArrayLike<number>, opts: BargainingOptions): Move[] {
  if (!restricted(opts)) return legalMovesAt(s, actor, x0);
  const dims = dimensionIndex(s);
  const holdings = opts.holdings ?? initialHoldings(s);
  const posture = opts.postures?.[actor] ?? 'engaged';
  return s.moves.filter((m) => m.actor === actor && checkMove(s, dims, x0, holdings, posture, actor, m.id).ok);
}

/** An exchange's effect on every actor: the state after the moves and each actor's utility change. */
export function exchangeEffect(s: Scenario, moves: readonly MoveId[]) {
  const dims = dimensionIndex(s);
  const x0 = initialState(s);
  const byId = new Map(s.moves.map((m, i) => [m.id, { m, i }]));
  const unknown = moves.filter((m) => !byId.has(m));
  if (unknown.length) return { status: 'invalid' as const, problem: `unknown move(s): ${unknown.join(', ')}` };
  const ms = moves
    .map((m) => byId.get(m)!)
    .sort((p, q) => p.i - q.i)
    .map((x) => x.m);
  const x = applyMoves(dims, x0, ms, s.interactions);
  const gains: Record<ActorId, number> = {};
  const before: Record<ActorId, number> = {};
  for (const actor of s.actors) {
    before[actor.id] = utility(actor, dims, x0);
    gains[actor.id] = utility(actor, dims, x) - before[actor.id]!;
  }
  return { status: 'ok' as const, state: stateToRecord(s, x), before, gains };
}
