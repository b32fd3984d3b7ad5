/**
 * The spatial forecast of a Coreplay scenario: the scenario converted (fromScenario.ts), run
 * through the model (smp.ts), and read back on the scenario's own [0, 1] dimensions.
 *
 * The forecast outcome on each dimension is the final position most likely to prevail — the
 * position of highest probability in a probabilistic Condorcet election among the final
 * positions — and, beside it, the probability-weighted mean of the final positions. When the
 * actors converge both are the common position.
 */
import type { ActorId, DimensionId, Scenario } from '../../domain/index';
import { whyMoved } from './explain';
import { challengeNetworks, describeEdge } from './network';
import { scenarioToSmp, type StartingPosition } from './fromScenario';
import { KTAB_DEFAULTS, type SmpParameters } from './parameters';
import { runSmp } from './smp';
import type { SmpStop } from './types';

export interface SpatialDimensionForecast {
  readonly dimension: DimensionId;
  readonly label: string;
  readonly statusQuo: number;
  /** The most probable final position (the outcome the model forecasts). */
  readonly outcome: number;
  /** Σ p_i · final_i over the actors' final positions. */
  readonly expected: number;
}

export interface SpatialActorPath {
  readonly actor: ActorId;
  readonly start: StartingPosition['start'];
  readonly startReason: string;
  /** Per dimension, [0, 1]. */
  readonly initial: Readonly<Record<DimensionId, number>>;
  readonly final: Readonly<Record<DimensionId, number>>;
  /** The probability that its final position prevails. */
  readonly finalProbability: number;
  /** One sentence per turn in which it moved: which challenge moved it, with the probability and expected utility behind it. */
  readonly why: readonly string[];
}

export interface SpatialReport {
  readonly label: 'simulation';
  readonly method: string;
  readonly parameters: SmpParameters;
  readonly turns: number;
  readonly stop: SmpStop;
  readonly dimensions: readonly SpatialDimensionForecast[];
  readonly actors: readonly SpatialActorPath[];
  /** positions[t][i][d] on [0, 1] (t = 0: the start). */
  readonly positions: readonly (readonly (readonly number[])[])[];
  /** The challenge network of each turn (turn t at index t − 1). */
  readonly network: readonly SpatialTurnNetwork[];
}

/** One challenge of a turn, on the scenario's actors (see network.ts). */
export interface SpatialChallenge {
  readonly from: ActorId;
  readonly to: ActorId;
  readonly probability: number;
  readonly expectedUtility: number;
  readonly resistance: number;
  /** The target adopted the challenge's bargain. */
  readonly targetGaveWay: boolean;
  /** The initiator adopted its own side of the bargain. */
  readonly initiatorAdopted: boolean;
  readonly text: string;
}

/** Who challenged whom in a turn, and what each actor adopted. */
export interface SpatialTurnNetwork {
  readonly turn: number;
  readonly challenges: readonly SpatialChallenge[];
  /** Per actor (in the report's actor order): what it adopted, the option's support and the queue's size. */
  readonly adopted: readonly {
    readonly actor: ActorId;
    readonly kind: 'status quo' | 'own challenge' | 'challenged';
    readonly counterpart?: ActorId;
    readonly support: number;
    readonly options: number;
  }[];
}

export type SpatialResult = { status: 'ok'; report: SpatialReport } | { status: 'invalid'; problem: string };

export function spatialBargaining(s: Scenario, parameters: SmpParameters = KTAB_DEFAULTS): SpatialResult {
  const conv = scenarioToSmp(s);
  const r = runSmp(conv.input, parameters);
  if (r.status !== 'ok') return r;
  const run = r.run;
  const last = run.positions[run.positions.length - 1]!;
  const first = run.positions[0]!;
  const p = run.finalProbabilities;
  let top = 0;
  p.forEach((v, i) => (v > p[top]! ? (top = i) : 0));
  const rec = (x: readonly number[]) => Object.fromEntries(conv.dimensionIds.map((d, k) => [d, x[k]! / 100]));
  return {
    status: 'ok',
    report: {
      label: 'simulation',
      method: run.method,
      parameters,
      turns: run.turns.length,
      stop: run.stop,
      dimensions: s.dimensions.map((d, k) => ({
        dimension: d.id,
        label: d.label,
        statusQuo: s.initialState[d.id] ?? 0,
        outcome: last[top]![k]! / 100,
        expected: last.reduce((t, x, i) => t + p[i]! * x[k]!, 0) / 100,
      })),
      actors: conv.ids.map((id, i) => ({
        actor: id,
        start: conv.starts[i]!.start,
        startReason: conv.starts[i]!.reason,
        initial: rec(first[i]!),
        final: rec(last[i]!),
        finalProbability: p[i]!,
        why: whyMoved(run, i)
          .filter((m) => m.moved)
          .map((m) => m.text),
      })),
      positions: run.positions.map((t) => t.map((x) => x.map((v) => v / 100))),
      network: challengeNetworks(run).map((t) => ({
        turn: t.turn,
        challenges: t.edges.map((e) => ({
          from: conv.ids[e.initiator]!,
          to: conv.ids[e.target]!,
          probability: e.probability,
          expectedUtility: e.expectedUtility,
          resistance: e.resistance,
          targetGaveWay: e.targetGaveWay,
          initiatorAdopted: e.initiatorAdopted,
          text: describeEdge(e, (i) => run.actors[i]!),
        })),
        adopted: t.nodes.map((nd) => ({
          actor: conv.ids[nd.actor]!,
          kind: nd.adopted.kind,
          ...(nd.adopted.kind === 'status quo' ? {} : { counterpart: conv.ids[nd.adopted.counterpart]! }),
          support: nd.support,
          options: nd.options,
        })),
      })),
    },
  };
}
