/**
 * The domain model: an issue space of named dimensions scaled to [0, 1], actors with ideal
 * points, saliences and minimums (linear constraints, so each minimum is a convex polytope),
 * assets, moves with effects and preconditions, and scenario variants.
 *
 * These are the shapes of a *parsed* scenario: `parseScenario` (models/scenario) builds them
 * from untrusted JSON and freezes them. Everything is plain data so that it crosses a worker
 * boundary and round-trips through JSON unchanged.
 */

/** A position on one dimension, scaled to [0, 1]. */
export type Coord = number & { readonly __brand?: 'Coord' };
/** A utility value (1 = the actor's ideal point, lower is worse; may go below 0). */
export type Utility = number & { readonly __brand?: 'Utility' };

export type DimensionId = string;
export type ActorId = string;
export type AssetId = string;
export type MoveId = string;

/**
 * A provenance note. Either `seed:<file> …` naming the source text a figure comes from, or
 * `assumption: …` for a modelling choice the texts do not fix.
 */
export type SourceNote = string;

/** A linear map from the [0, 1] scale to a natural unit (value = at0 + x·(at1 − at0)). */
export interface NaturalUnit {
  readonly name: string;
  readonly at0: number;
  readonly at1: number;
}

export interface Dimension {
  readonly id: DimensionId;
  readonly label: string;
  readonly description: string;
  /** What 0 and 1 mean on this dimension. */
  readonly low: string;
  readonly high: string;
  readonly unit?: NaturalUnit;
  readonly source: SourceNote;
}

/** A named figure from the source texts, kept for briefings and for checking the encoding. */
export interface Fact {
  readonly id: string;
  readonly label: string;
  readonly value: number;
  readonly unit: string;
  readonly source: SourceNote;
}

/** Σ coeffs[d]·x[d]  op  rhs, over scaled coordinates. */
export interface LinearConstraint {
  readonly id: string;
  readonly label: string;
  readonly coeffs: Readonly<Record<DimensionId, number>>;
  readonly op: '<=' | '>=';
  readonly rhs: number;
  /** Features of the common core this condition expresses, e.g. "non-aggressive", "democratic". */
  readonly tags?: readonly string[];
  readonly source: SourceNote;
}

export interface Actor {
  readonly id: ActorId;
  readonly name: string;
  readonly short: string;
  readonly description: string;
  readonly ideal: Readonly<Record<DimensionId, number>>;
  /** Weights per dimension, non-negative, summing to 1. */
  readonly salience: Readonly<Record<DimensionId, number>>;
  /** The outcomes the actor can accept: all constraints hold. */
  readonly minimum: readonly LinearConstraint[];
  /**
   * Assets the actor values as bargaining chips: holding them is worth something because they
   * can be traded, so using one up without a return is a loss. Each names the dimension that
   * measures the stock (prisoners held, sanctions in force, transit refused) and which end of it
   * is "held"; the actor's ideal on that dimension is the held end and its salience there is the
   * holding value, so the utility counts what is spent.
   */
  readonly leverage?: readonly Leverage[];
  /** Relative power, in (0, 1]. */
  readonly capability: number;
  /** Discount factor per round, in (0, 1). */
  readonly patience: number;
  readonly colour?: string;
  readonly source: SourceNote;
}

export interface Leverage {
  readonly asset: AssetId;
  readonly dimension: DimensionId;
  /** Which end of the dimension is the stock held: 'high' (prisoners held) or 'low' (transit refused). */
  readonly held: 'high' | 'low';
  readonly source: SourceNote;
}

export interface Asset {
  readonly id: AssetId;
  readonly name: string;
  readonly owner: ActorId;
  /** Other actors whose moves may also use this asset (e.g. a deployment both host and guest decide). */
  readonly coOwners?: readonly ActorId[];
  readonly description: string;
  /** A countable stock, where it has one (e.g. prisoners held). */
  readonly quantity?: number;
  readonly source: SourceNote;
}

/** Change a dimension by `delta` (scaled units) or set it to `set`; results are clamped to [0, 1]. */
export type Effect = { readonly dimension: DimensionId; readonly delta: number } | { readonly dimension: DimensionId; readonly set: number };

export interface Precondition {
  readonly dimension: DimensionId;
  readonly op: '<=' | '>=';
  readonly value: number;
}

export type Tone = 'cooperative' | 'neutral' | 'hostile';
export type Posture = 'engaged' | 'hedging' | 'hardline' | 'walkedAway';
export const POSTURES: readonly Posture[] = ['engaged', 'hedging', 'hardline', 'walkedAway'];

export interface Move {
  readonly id: MoveId;
  readonly actor: ActorId;
  readonly label: string;
  readonly description: string;
  /** The asset this move uses; the mover must own or co-own it, and still hold it. */
  readonly asset?: AssetId;
  /** Using the move gives up the asset (it cannot be used again). */
  readonly consumes?: boolean;
  /** Units of the asset's quantity used up (e.g. 123 prisoners released). */
  readonly uses?: number;
  readonly effects: readonly Effect[];
  readonly preconditions?: readonly Precondition[];
  /** How the others read it: cooperative moves invite engagement, hostile ones a hard line. */
  readonly tone: Tone;
  /** The actors the move is aimed at (for posture changes and the coalition graph). */
  readonly targets?: readonly ActorId[];
  /** The postures in which the move is legal (default: every posture but walkedAway). */
  readonly postures?: readonly Posture[];
  readonly source: SourceNote;
}

/** Effects that apply only when all the listed moves are played in the same round. */
export interface Interaction {
  readonly id: string;
  readonly when: readonly MoveId[];
  readonly effects: readonly Effect[];
  readonly source: SourceNote;
}

export type VariantOp =
  | { readonly op: 'addConstraint'; readonly actor: ActorId; readonly constraint: LinearConstraint }
  | { readonly op: 'removeConstraint'; readonly actor: ActorId; readonly constraint: string }
  | { readonly op: 'setIdeal'; readonly actor: ActorId; readonly dimension: DimensionId; readonly value: number }
  | { readonly op: 'setSalience'; readonly actor: ActorId; readonly salience: Readonly<Record<DimensionId, number>> }
  | { readonly op: 'setCapability'; readonly actor: ActorId; readonly value: number }
  | { readonly op: 'setPatience'; readonly actor: ActorId; readonly value: number }
  | { readonly op: 'setState'; readonly dimension: DimensionId; readonly value: number }
  /** Leave the actor out of the common-core computation (its minimum is not counted). */
  | { readonly op: 'excludeFromCore'; readonly actor: ActorId };

/**
 * A variant changes the scenario ("Klaipeda reopens"); a reading is a variant that states how
 * the common core is read (the texts' "golden" democratic and "grey" authoritarian cores,
 * Russia's "reliability" as control or as a limit on its military function).
 */
export interface Variant {
  readonly id: string;
  readonly label: string;
  readonly kind: 'variant' | 'reading';
  readonly description: string;
  readonly ops: readonly VariantOp[];
  readonly source: SourceNote;
}

export interface ScenarioSource {
  readonly id: string;
  readonly title: string;
}

export interface Scenario {
  readonly format: 'coreplay-scenario';
  readonly version: number;
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly sources: readonly ScenarioSource[];
  readonly dimensions: readonly Dimension[];
  readonly facts: readonly Fact[];
  readonly actors: readonly Actor[];
  readonly assets: readonly Asset[];
  readonly moves: readonly Move[];
  readonly interactions: readonly Interaction[];
  /** The status quo: the world state when the scenario opens. */
  readonly initialState: Readonly<Record<DimensionId, number>>;
  readonly variants: readonly Variant[];
  /**
   * The two actors at the heart of the scenario: the pair whose bargaining is shown first and
   * the seats a new run gives to teams. Absent: the first actors.
   */
  readonly defaultPair?: readonly [ActorId, ActorId];
  /** Events a teacher can inject with one click during a run. */
  readonly injects?: readonly Inject[];
}

/** An event injected into a run (by the teacher, or from the scenario's presets): effects on the world and posture changes. */
export interface Inject {
  readonly id: string;
  readonly label: string;
  readonly effects?: readonly Effect[];
  readonly postures?: Readonly<Record<ActorId, Posture>>;
}

/** "I do `give` if you do `get`": a bilateral conditional offer. */
export interface Offer {
  readonly id: string;
  readonly from: ActorId;
  readonly to: ActorId;
  readonly give: readonly MoveId[];
  readonly get: readonly MoveId[];
}

/** A world state as a dense vector in scenario dimension order. */
export type WorldState = Float64Array;
