/**
 * Demo inputs for the graph playground only — not the analysis. Compatibility of minimums is
 * checked directly with the LP feasibility test (`isFeasible`), and the maximal compatible sets
 * by a level-wise search (a set is feasible only if all its subsets are, so candidates of size
 * k+1 are built from feasible sets of size k, Apriori-style). The real numbers will come from
 * models/analysis/commonCore through the worker.
 *
 * The run is scripted after the seeds: the opening position, the 13 December 2025 deal, the
 * Oreshnik week, and a hypothetical round in which Klaipeda reopens with EU relief.
 */
import { applyMoves, dimensionIndex, initialState, moveById, type ActorId, type Move, type Posture, type Scenario, type WorldState } from '../../models/domain/index';
import { isFeasible } from '../../models/scenario/parse';
import { graphFrame, type GraphCoalition, type GraphFrame, type GraphInput, type GraphLink } from '../../models/graph/index';

export interface DemoRun {
  frames: GraphFrame[];
  states: WorldState[];
  labels: string[];
  coalitions: GraphCoalition[];
}

export async function compatibility(scenario: Scenario): Promise<{ compatible: (a: ActorId, b: ActorId) => boolean | undefined; maximal: ActorId[][] }> {
  const dims = dimensionIndex(scenario);
  const actors = scenario.actors;
  const minimum = (set: readonly number[]) => set.flatMap((i) => actors[i]!.minimum);
  const feasible = new Map<string, boolean>();
  let level: number[][] = [];
  for (let i = 0; i < actors.length; i++) if (await isFeasible(minimum([i]), dims)) level.push([i]);
  const all: number[][] = [...level];
  while (level.length) {
    const next: number[][] = [];
    const have = new Set(level.map((s) => s.join(',')));
    for (let p = 0; p < level.length; p++) {
      for (let q = p + 1; q < level.length; q++) {
        const a = level[p]!;
        const b = level[q]!;
        if (a.slice(0, -1).join(',') !== b.slice(0, -1).join(',')) continue;
        const cand = [...a, b[b.length - 1]!].sort((u, v) => u - v);
        // Every subset one smaller must be feasible.
        if (!cand.every((_, k) => have.has(cand.filter((__, j) => j !== k).join(',')))) continue;
        const ok = await isFeasible(minimum(cand), dims);
        if (cand.length === 2) feasible.set(cand.join(','), ok);
        if (ok) next.push(cand);
      }
    }
    all.push(...next);
    level = next;
  }
  const key = (s: readonly number[]) => s.join(',');
  const sets = all.map((s) => new Set(s));
  const maximal = all.filter((s, i) => !sets.some((t, j) => j !== i && t.size > s.length && s.every((x) => t.has(x))));
  maximal.sort((a, b) => b.length - a.length || key(a).localeCompare(key(b)));
  const index = new Map(actors.map((a, i) => [a.id, i]));
  return {
    compatible: (a, b) => {
      const i = index.get(a);
      const j = index.get(b);
      if (i === undefined || j === undefined) return undefined;
      return feasible.get(key([Math.min(i, j), Math.max(i, j)])) ?? false;
    },
    maximal: maximal.map((s) => s.map((i) => actors[i]!.id)),
  };
}

interface ScriptRound {
  label: string;
  moves: string[];
  deals: GraphLink[];
  postures: Record<ActorId, Posture>;
}

const SCRIPT: ScriptRound[] = [
  {
    label: 'Opening: before 13 Dec 2025',
    moves: [],
    deals: [],
    postures: { regime: 'hedging', russia: 'hardline', ukraine: 'hardline', poland: 'hardline', lithuania: 'hardline', latvia: 'hedging', eu: 'hardline', us: 'engaged', china: 'hedging', opposition: 'hedging' },
  },
  {
    label: 'Round 1: 13 Dec, prisoners for potash',
    moves: ['release_123', 'ease_potash_partial', 'lobby_against_relief', 'endorse_humanitarian_track'],
    deals: [{ from: 'us', to: 'regime', label: 'Potash relief for 123 prisoners' }],
    postures: { regime: 'engaged', russia: 'hedging', ukraine: 'hardline', poland: 'hardline', lithuania: 'hedging', latvia: 'hedging', eu: 'hedging', us: 'engaged', china: 'hedging', opposition: 'engaged' },
  },
  {
    label: 'Round 2: the Oreshnik week',
    moves: ['deploy_oreshnik', 'refuse_transit', 'extend_buffer_zone', 'tighten_lt_border'],
    deals: [],
    postures: { regime: 'hedging', russia: 'hardline', ukraine: 'hardline', poland: 'hardline', lithuania: 'hardline', latvia: 'hardline', eu: 'hardline', us: 'hedging', china: 'hedging', opposition: 'hedging' },
  },
  {
    label: 'Round 3 (what if): Klaipeda reopens',
    moves: ['release_300', 'reopen_klaipeda', 'ease_eu_sanctions', 'cut_energy_subsidy'],
    deals: [
      { from: 'lithuania', to: 'regime', label: 'Klaipeda transit for releases' },
      { from: 'eu', to: 'regime', label: 'EU potash relief for 300 prisoners' },
    ],
    postures: { regime: 'engaged', russia: 'walkedAway', ukraine: 'hedging', poland: 'hedging', lithuania: 'engaged', latvia: 'engaged', eu: 'engaged', us: 'engaged', china: 'hedging', opposition: 'engaged' },
  },
];

/** Hostile moves aimed at someone become threat links. */
function threatsOf(moves: readonly Move[]): GraphLink[] {
  return moves.filter((m) => m.tone === 'hostile').flatMap((m) => (m.targets ?? []).map((to) => ({ from: m.actor, to, label: m.label })));
}

export async function demoRun(scenario: Scenario, opts: { coalitions?: number } = {}): Promise<DemoRun> {
  const { compatible, maximal } = await compatibility(scenario);
  const coalitions: GraphCoalition[] = maximal.slice(0, opts.coalitions ?? 3).map((members, i) => ({ id: `max${i + 1}`, label: `Coalition ${i + 1}`, members }));
  const dims = dimensionIndex(scenario);
  const byId = moveById(scenario);
  let state: WorldState = initialState(scenario);
  const frames: GraphFrame[] = [];
  const states: WorldState[] = [];
  const labels: string[] = [];
  SCRIPT.forEach((r, k) => {
    const moves = r.moves.map((id) => byId.get(id)).filter((m): m is Move => !!m);
    if (k > 0) state = applyMoves(dims, state, moves, scenario.interactions);
    const input: GraphInput = { scenario, state, postures: r.postures, compatible, coalitions, deals: r.deals, threats: threatsOf(moves) };
    frames.push(graphFrame(input, r.label));
    states.push(state);
    labels.push(k === 0 ? 'Opening' : `Round ${k}`);
  });
  return { frames, states, labels, coalitions };
}
