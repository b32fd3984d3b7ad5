/**
 * The round game from a position, analysed for the Analyse view: its pure Nash equilibria (each
 * with regret 0 and whether it is Pareto-optimal), the Pareto-optimal profiles, iterated
 * elimination of strictly dominated strategies (by pure strategies; by mixtures too when asked,
 * which costs one LP per test), and, for a chosen pair of actors with everyone else holding,
 * every extreme mixed equilibrium of their bimatrix game (exact rationals).
 */
import { buildRoundGame, type RoundGame, type RoundGameOptions } from '../domain/roundGame';
import type { Holdings } from '../domain/legality';
import type { ActorId, MoveId, Posture, Scenario } from '../domain/types';
import { enumeratePure, type EnumPureResult } from './nash/enumPure';
import { iteratedDominance } from './nash/dominance';
import { paretoPure } from './nash/pareto';
import { enumerateMixed2 } from './nash/vertexEnumeration';
import { ratToString } from '../game/rational';

export interface PureRow {
  readonly moves: Record<ActorId, MoveId>;
  readonly payoffs: Record<ActorId, number>;
  readonly regret: number;
  readonly pareto: boolean;
}

export interface MixedRow {
  /** Per actor: move → probability (exact text, e.g. "1/3"), moves with probability 0 left out. */
  readonly strategies: Record<ActorId, Record<MoveId, string>>;
  readonly payoffs: Record<ActorId, number>;
  readonly regret: number;
}

/** The round game's pure equilibrium with the highest total utility (the first on ties). */
export interface BestPure {
  readonly profile: readonly number[];
  readonly moves: Readonly<Record<ActorId, MoveId>>;
  readonly payoffs: Readonly<Record<ActorId, number>>;
  /** How many pure equilibria the game has. */
  readonly found: number;
}

export function bestPureEquilibrium(rg: RoundGame): BestPure | null {
  return pickBest(rg, enumeratePure(rg.game));
}

function pickBest(rg: RoundGame, r: EnumPureResult): BestPure | null {
  if (r.status !== 'ok' || r.equilibria.length === 0) return null;
  const total = (p: readonly number[]) => p.reduce((x, y) => x + y, 0);
  let pick = r.equilibria[0]!;
  for (const e of r.equilibria) if (total(e.payoffs) > total(pick.payoffs) + 1e-12) pick = e;
  return {
    profile: pick.profile,
    moves: Object.fromEntries(rg.players.map((p, i) => [p, rg.moves[i]![pick.profile[i]!]!])),
    payoffs: Object.fromEntries(rg.players.map((p, i) => [p, pick.payoffs[i]!])),
    found: r.found,
  };
}

export interface RoundGameReport {
  readonly players: ActorId[];
  readonly moves: MoveId[][];
  readonly profiles: number;
  readonly leftOut: { actor: ActorId; move: MoveId }[];
  readonly holding: ActorId[];
  readonly pure: PureRow[];
  readonly pureCount: number;
  /** The pure equilibrium with the highest total utility. */
  readonly best: BestPure | null;
  readonly paretoCount: number;
  readonly dominance: { status: string; mixed: boolean; eliminated: { actor: ActorId; move: MoveId; round: number; by: string }[] };
  readonly pair: { actors: [ActorId, ActorId]; shape: number[]; status: string; equilibria: MixedRow[] };
  readonly method: string;
  readonly exact: true;
}

export async function roundGameReport(
  s: Scenario,
  world: ArrayLike<number>,
  holdings: Holdings,
  postures: Readonly<Record<ActorId, Posture>>,
  pair: [ActorId, ActorId],
  opts: RoundGameOptions & { mixedDominance?: boolean; maxRows?: number } = {},
): Promise<RoundGameReport> {
  const rg = buildRoundGame(s, world, holdings, postures, opts);
  const g = rg.game;
  const n = rg.players.length;
  const pure = enumeratePure(g);
  const pareto = paretoPure(g);
  const paretoSet = new Set(pareto.profiles.map((p) => p.profile.join(',')));
  const rows = (pure.equilibria ?? []).slice(0, opts.maxRows ?? 20).map((e) => ({
    moves: Object.fromEntries(rg.players.map((p, i) => [p, rg.moves[i]![e.profile[i]!]!])),
    payoffs: Object.fromEntries(rg.players.map((p, i) => [p, e.payoffs[i]!])),
    regret: e.regret,
    pareto: paretoSet.has(e.profile.join(',')),
  }));
  const dom = await iteratedDominance(g, { mixed: !!opts.mixedDominance });
  const eliminated = dom.eliminated.map((x) => ({
    actor: rg.players[x.player]!,
    move: rg.moves[x.player]![x.strategy]!,
    round: x.round,
    by: x.by
      .map((b) => (x.by.length === 1 ? rg.moves[x.player]![b.strategy]! : `${ratToString(b.probability)}·${rg.moves[x.player]![b.strategy]!}`))
      .join(' + '),
  }));
  const pg = buildRoundGame(s, world, holdings, postures, { players: pair });
  const mixed = enumerateMixed2(pg.game);
  const equilibria = mixed.equilibria.slice(0, opts.maxRows ?? 20).map((e) => ({
    strategies: Object.fromEntries(
      pg.players.map((p, i) => [
        p,
        Object.fromEntries(
          e.strategies[i]!.map((pr, k) => [pg.moves[i]![k]!, e.exact ? ratToString(e.exact[i]![k]!) : pr.toFixed(4)] as const).filter(
            ([, t], k) => e.strategies[i]![k]! > 0 && t !== '0',
          ),
        ),
      ]),
    ),
    payoffs: Object.fromEntries(pg.players.map((p, i) => [p, e.payoffs[i]!])),
    regret: e.regret,
  }));
  return {
    players: rg.players.slice(),
    moves: rg.moves.map((m) => m.slice()),
    profiles: g.payoffs.length / Math.max(1, n),
    leftOut: rg.leftOut.map((l) => ({ actor: l.actor, move: l.move })),
    holding: rg.holding.slice(),
    pure: rows,
    pureCount: pure.found,
    best: pickBest(rg, pure),
    paretoCount: pareto.profiles.length,
    dominance: { status: dom.status, mixed: dom.mixed, eliminated },
    pair: { actors: [pg.players[0] ?? pair[0], pg.players[1] ?? pair[1]], shape: pg.game.shape.slice(), status: mixed.status, equilibria },
    method: 'round game from the outcome model; exhaustive pure enumeration, Pareto filter, iterated strict dominance, vertex enumeration for the pair',
    exact: true,
  };
}
