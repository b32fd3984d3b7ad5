/**
 * The spatial model's input and output, on KTAB's scales: positions in [0, 100] on each
 * dimension, saliences in [0, 100] summing to at most 100 per actor, influence ≥ 0.
 */
import type { SmpParameters } from './parameters';

export interface SmpDimension {
  readonly name: string;
  /** The header the dimension's position column had in a KTAB file (kept for a lossless write). */
  readonly positionHeader?: string;
  readonly salienceHeader?: string;
}

export interface SmpActor {
  readonly name: string;
  readonly description: string;
  /** Capability (KTAB "Influence"), ≥ 0. */
  readonly influence: number;
  /** Per dimension, in [0, 100]. */
  readonly position: readonly number[];
  /** Per dimension, in [0, 100], summing to at most 100. */
  readonly salience: readonly number[];
}

export interface SmpInput {
  readonly title: string;
  readonly description: string;
  readonly dimensions: readonly SmpDimension[];
  readonly actors: readonly SmpActor[];
  /** The header of the influence column in a KTAB file ("Influence", "Power"). */
  readonly influenceHeader?: string;
}

/** Actor i's best challenge in a turn, as i saw it. */
export interface SmpChallenge {
  readonly initiator: number;
  readonly target: number;
  /** i's estimate of the probability that its side wins if the target resists. */
  readonly probability: number;
  /** i's expected gain from the challenge (utility summed over all actors' positions, i's view). */
  readonly expectedUtility: number;
  /** The target's total salience: the probability that it resists rather than yields. */
  readonly resistance: number;
}

export interface SmpBargain {
  readonly initiator: number;
  readonly receiver: number;
  /** The probability of the initiator's success the interpolation used. */
  readonly probability: number;
  readonly perspective: 'initiator' | 'receiver' | 'power-weighted';
  /** Positions (0–100) the bargain gives the initiator and the receiver. */
  readonly initiatorPosition: readonly number[];
  readonly receiverPosition: readonly number[];
}

/** Where an actor went in a turn and why: the option that won the vote over its queue. */
export interface SmpAdoption {
  readonly actor: number;
  /** The index of the adopted bargain in the turn's `bargains`, or null for the status quo. */
  readonly bargain: number | null;
  /** The probability the queue's election gave the adopted option. */
  readonly support: number;
  /** Options in the queue: the status quo and every bargain the actor made or received. */
  readonly options: number;
  /** The queue's bargains (indices into `bargains`), in the order they were voted on. */
  readonly queue: readonly number[];
}

export interface SmpTurn {
  readonly turn: number;
  /** Each actor's risk attitude this turn (from the probability of its position). */
  readonly riskAttitudes: readonly number[];
  /** The probability that each actor's position would win an election among all positions (risk neutral). */
  readonly positionProbabilities: readonly number[];
  /** Each actor's best challenge, or null when no challenge promised it a gain. */
  readonly challenges: readonly (SmpChallenge | null)[];
  readonly bargains: readonly SmpBargain[];
  readonly adoptions: readonly SmpAdoption[];
  /** Positions after the turn (0–100). */
  readonly positions: readonly (readonly number[])[];
  /** How far the actors moved in the turn: Σ of salience-weighted distances (0–1 scale). */
  readonly moved: number;
}

export type SmpStop = 'stable' | 'quiet' | 'turn limit';

export interface SmpRun {
  readonly method: string;
  readonly parameters: SmpParameters;
  readonly actors: readonly string[];
  readonly dimensions: readonly string[];
  /** Capability × total salience: the weight of each actor's vote. */
  readonly effectivePower: readonly number[];
  /** positions[t][i][d]: actor i's position on dimension d after turn t (t = 0: the input). */
  readonly positions: readonly (readonly (readonly number[])[])[];
  readonly turns: readonly SmpTurn[];
  readonly stop: SmpStop;
  /** At the end: the probability that each final position wins an election among them (risk neutral). */
  readonly finalProbabilities: readonly number[];
}

export type SmpResult = { status: 'ok'; run: SmpRun } | { status: 'invalid'; problem: string };
