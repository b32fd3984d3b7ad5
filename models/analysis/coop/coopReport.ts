/**
 * The cooperative analysis of a scenario: derive the TU game (characteristic.ts), then report
 * the core (empty or not, an allocation), the least core, the Shapley value and the nucleolus,
 * all keyed by actor. The core is non-empty exactly when the least core's ε* ≤ 0 (core.ts),
 * and then the least-core point is a core allocation; so the LPs are the nucleolus sequence,
 * plus one least-core LP when the core is empty.
 */
import type { ActorId, MoveId, Scenario } from '../../domain/types';
import { characteristicFunction, type CharacteristicOptions } from './characteristic';
import { CORE_TOLERANCE, leastCore } from './core';
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
  /** A core allocation (the least-core point: every coalition's surplus is as large as it can be made), or null when the core is empty. */
  coreAllocation: Record<ActorId, number> | null;
  /** The least core: ε* (> 0 exactly when the core is empty; −ε* is then the smallest surplus every coalition gets) and an allocation in it. */
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
  const sh = shapley(v);
  if (sh.status !== 'ok') return { status: sh.status, problem: sh.problem };
  let nu = await nucleolus(v, { over: 'imputations' });
  if (nu.status === 'no-imputations') nu = await nucleolus(v, { over: 'preimputations' });
  if (nu.status !== 'ok') return { status: nu.status === 'invalid' ? 'invalid' : 'error', problem: nu.problem };
  // The nucleolus's first LP minimises the largest excess. When that is ≤ 0 the imputation
  // bounds are implied by the singleton rows, so the LP is the least-core LP and its answer
  // is a point of the least core, hence of the core: no separate LPs needed. Otherwise the
  // least core (defined without imputation bounds) gets its own LP.
  const s1 = nu.stages[0];
  let lc: { epsilon: number | null; allocation: number[]; lps: number };
  if (s1 && (s1.epsilon <= 0 || nu.over === 'preimputations')) lc = { epsilon: s1.epsilon, allocation: [...s1.allocation], lps: 0 };
  else {
    const r = await leastCore(v);
    if (r.status !== 'ok') return { status: r.status, problem: r.problem };
    lc = r;
  }
  const empty = (lc.epsilon ?? 0) > CORE_TOLERANCE * Math.max(1, Math.abs(v[full]!));
  return {
    status: 'ok',
    report: {
      players,
      grandCoalition: { worth: v[full]!, plan: g.game.plans[full]! },
      standalone: Object.fromEntries(players.map((p, i) => [p, { worth: v[1 << i]!, plan: g.game.plans[1 << i]! }])),
      superadditive: isSuperadditive(v).ok,
      coreEmpty: empty,
      coreAllocation: empty ? null : keyed(players, lc.allocation),
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
      lps: lc.lps + nu.lps,
      method:
        "characteristic function by exact branch and bound over the members' moves; core and least core by LP (HiGHS); Shapley value by the exact subset formula; nucleolus by sequential LPs with dual-based fixing (Maschler–Peleg–Shapley / Kopelowitz; Guajardo & Jörnsten 2015)",
    },
  };
}
