/**
 * The cooperative analysis of a scenario: derive the TU game (characteristic.ts), then report
 * the core (empty or not, an allocation), the least core when the core is empty, the Shapley
 * value and the nucleolus, all keyed by actor.
 */
import type { ActorId, MoveId, Scenario } from '../../domain/types';
import { characteristicFunction, type CharacteristicOptions } from './characteristic';
import { core, leastCore } from './core';
import { isSuperadditive } from './game';
import { nucleolus } from './nucleolus';
import { shapley } from './shapley';

export interface CoopReport {
  players: ActorId[];
  /** v(N) and the moves of a plan that reaches it. */
  grandCoalition: { worth: number; plan: MoveId[] };
  /** Each actor's worth alone, v({i}), and the move that reaches it. */
  standalone: Record<ActorId, { worth: number; plan: MoveId[] }>;
  superadditive: boolean;
  coreEmpty: boolean;
  /** A core allocation (a vertex of the core), or null when the core is empty. */
  coreAllocation: Record<ActorId, number> | null;
  /** The least core: ε* (> 0 exactly when the core is empty) and an allocation in it. */
  leastCore: { epsilon: number | null; allocation: Record<ActorId, number> };
  shapley: Record<ActorId, number>;
  /** Over the imputations; the prenucleolus when no imputation exists (`nucleolusOver` says which). */
  nucleolus: Record<ActorId, number> | null;
  nucleolusOver: 'imputations' | 'preimputations' | null;
  nucleolusStages: number;
  derivation: string;
  /** True when the characteristic function is exact (every coalition's search finished). */
  exact: boolean;
  openCoalitions: number;
  searchNodes: number;
  /** Joint profiles a plain enumeration would have scored. */
  profilesCovered: number;
  lps: number;
  method: string;
}

export type CoopResult = { status: 'ok'; report: CoopReport } | { status: 'invalid' | 'error'; problem: string };

const keyed = (players: readonly ActorId[], xs: readonly number[]) => Object.fromEntries(players.map((p, i) => [p, xs[i]!]));

export async function coopAnalysis(s: Scenario, opts: CharacteristicOptions = {}): Promise<CoopResult> {
  const g = characteristicFunction(s, opts);
  if (g.status !== 'ok') return g;
  const { players, v } = g.game;
  const full = v.length - 1;
  const c = await core(v);
  if (c.status !== 'ok') return { status: c.status, problem: c.problem };
  const lc = await leastCore(v);
  if (lc.status !== 'ok') return { status: lc.status, problem: lc.problem };
  const sh = shapley(v);
  if (sh.status !== 'ok') return { status: sh.status, problem: sh.problem };
  let nu = await nucleolus(v, { over: 'imputations' });
  if (nu.status === 'no-imputations') nu = await nucleolus(v, { over: 'preimputations' });
  if (nu.status !== 'ok') return { status: nu.status === 'invalid' ? 'invalid' : 'error', problem: nu.problem };
  return {
    status: 'ok',
    report: {
      players,
      grandCoalition: { worth: v[full]!, plan: g.game.plans[full]! },
      standalone: Object.fromEntries(players.map((p, i) => [p, { worth: v[1 << i]!, plan: g.game.plans[1 << i]! }])),
      superadditive: isSuperadditive(v).ok,
      coreEmpty: c.empty,
      coreAllocation: c.empty ? null : keyed(players, c.allocation),
      leastCore: { epsilon: lc.epsilon, allocation: keyed(players, lc.allocation) },
      shapley: keyed(players, sh.value),
      nucleolus: keyed(players, nu.allocation),
      nucleolusOver: nu.over,
      nucleolusStages: nu.stages.length,
      derivation: g.game.derivation,
      exact: g.game.exact,
      openCoalitions: g.game.openCoalitions.length,
      searchNodes: g.game.nodes,
      profilesCovered: g.game.profiles,
      lps: c.lps + lc.lps + nu.lps,
      method:
        'characteristic function by exact branch and bound over the members\' moves; core and least core by LP (HiGHS); Shapley value by the exact subset formula; nucleolus by sequential LPs with dual-based fixing (Maschler–Peleg–Shapley / Kopelowitz; Guajardo & Jörnsten 2015)',
    },
  };
}
