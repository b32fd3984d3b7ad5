/**
 * What a team needs in front of it to choose a move, in words and natural units: the actor's
 * goals (where it wants each dimension it cares about, and how much it cares), its minimum (each
 * condition, and whether the position meets it), its assets and leverage, its moves, what each
 * move would do on its own (the others holding) to its utility and to the dimensions it cares
 * about, and the deals it owes this round. The same brief prints as the actor's briefing sheet.
 */
import { slack, formatConstraint } from '../domain/polytope';
import { applyMoves } from '../domain/moves';
import { dimensionIndex, formatNatural } from '../domain/space';
import { isAcceptable, utility } from '../domain/utility';
import type { Deal } from '../domain/round';
import type { ActorId, Dimension, Effect, Move, MoveId, Scenario, Tone } from '../domain/types';

export interface GoalLine {
  readonly dimension: string;
  readonly label: string;
  /** The salience (how much of the actor's utility rides on this dimension). */
  readonly weight: number;
  /** The ideal and the present position, in natural units where the dimension has them. */
  readonly ideal: string;
  readonly now: string;
  /** What the ideal means in words on a dimension without a natural unit (the end of the scale it is nearer); empty where the unit says it. */
  readonly idealWords: string;
  /** Set when the dimension measures a stock the actor holds to trade. */
  readonly leverage?: string;
}

export interface ConditionLine {
  readonly id: string;
  /** The condition in words, without the actor's name in front. */
  readonly label: string;
  /** The condition as a formula over the dimensions' labels. */
  readonly formula: string;
  readonly met: boolean;
}

export interface AssetLine {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly quantity?: number;
  /** The actor values holding it as a bargaining chip. */
  readonly leverage: boolean;
  readonly shared: boolean;
}

export interface MoveLine {
  readonly id: MoveId;
  readonly label: string;
  readonly description: string;
  readonly tone: Tone;
  /** Each effect in words and natural units ("Political prisoners held −123 prisoners"). */
  readonly effects: readonly string[];
}

export interface ActorBrief {
  readonly actor: ActorId;
  readonly name: string;
  readonly description: string;
  /** The dimensions the actor cares about, most salient first. */
  readonly goals: readonly GoalLine[];
  readonly minimum: readonly ConditionLine[];
  readonly assets: readonly AssetLine[];
  readonly moves: readonly MoveLine[];
  readonly capability: number;
  readonly patience: number;
}

/** A dimension's change as a team reads it. */
export interface DimensionChange {
  readonly dimension: string;
  readonly label: string;
  readonly before: string;
  readonly after: string;
  /** The end of the scale the change moves towards. */
  readonly towards: string;
  readonly weight: number;
  /** Closer to the actor's ideal, further from it, or a dimension it gives no weight. */
  readonly forActor: 'closer' | 'further' | 'indifferent';
}

export interface MovePreview {
  readonly move: MoveId;
  readonly utilityBefore: number;
  readonly utilityAfter: number;
  readonly change: number;
  readonly acceptableBefore: boolean;
  readonly acceptableAfter: boolean;
  /** Every dimension the move changes, those the actor cares about most first. */
  readonly changes: readonly DimensionChange[];
}

export interface OwedDeal {
  readonly id: string;
  /** The round the deal was made in. */
  readonly round: number;
  readonly mine: MoveId;
  /** What the other parties promised in return. */
  readonly theirs: Readonly<Record<ActorId, MoveId>>;
}

const EPS = 1e-9;

/** "Minsk: no exported instability" → "no exported instability". */
const withoutActor = (label: string) => label.replace(/^[^:]{1,60}:\s*/, '');

/** The size of a change in the dimension's natural unit, signed ("−123 prisoners", "+0.10"). */
export function formatDelta(dim: Dimension, delta: number): string {
  const sign = delta >= 0 ? '+' : '−';
  if (!dim.unit) return `${sign}${Math.abs(delta).toFixed(2)}`;
  const span = Math.abs(dim.unit.at1 - dim.unit.at0);
  const digits = span >= 100 ? 0 : span >= 10 ? 1 : 2;
  const v = Math.abs(delta * (dim.unit.at1 - dim.unit.at0));
  return `${sign}${v.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits })} ${dim.unit.name}`;
}

/** One effect in words: "Political prisoners held −123 prisoners", "Transit → 0 % via Klaipeda". */
export function effectWords(s: Scenario, e: Effect): string {
  const dim = s.dimensions.find((d) => d.id === e.dimension);
  if (!dim) return `${e.dimension} ${'delta' in e ? e.delta : `→ ${e.set}`}`;
  return 'delta' in e ? `${dim.label} ${formatDelta(dim, e.delta)}` : `${dim.label} → ${formatNatural(dim, e.set)}`;
}

/** The actor's brief at the position `world` (scenario dimension order). */
export function actorBrief(s: Scenario, actorId: ActorId, world: ArrayLike<number>): ActorBrief {
  const actor = s.actors.find((a) => a.id === actorId);
  if (!actor) throw new Error(`actorBrief: no actor "${actorId}" in the scenario`);
  const dims = dimensionIndex(s);
  const labels = new Map(s.dimensions.map((d) => [d.id, d.label]));
  const assetName = (id: string) => s.assets.find((x) => x.id === id)?.name ?? id;
  const goals: GoalLine[] = s.dimensions
    .map((d, i) => ({ d, i, weight: actor.salience[d.id] ?? 0 }))
    .filter((g) => g.weight > 0)
    .sort((x, y) => y.weight - x.weight || x.i - y.i)
    .map(({ d, i, weight }) => {
      const ideal = actor.ideal[d.id] ?? 0;
      const lev = actor.leverage?.find((l) => l.dimension === d.id);
      const idealWords = d.unit ? '' : ideal >= 0.75 ? d.high : ideal <= 0.25 ? d.low : `between ${d.low} and ${d.high}`;
      return {
        dimension: d.id,
        label: d.label,
        weight,
        ideal: formatNatural(d, ideal),
        now: formatNatural(d, world[i] ?? 0),
        idealWords,
        ...(lev ? { leverage: assetName(lev.asset) } : {}),
      };
    });
  const minimum = actor.minimum.map((c) => ({
    id: c.id,
    label: withoutActor(c.label),
    formula: formatConstraint(c, labels),
    met: slack(c, dims, world) >= -EPS,
  }));
  const assets = s.assets
    .filter((x) => x.owner === actorId || x.coOwners?.includes(actorId))
    .map((x) => ({
      id: x.id,
      name: x.name,
      description: x.description,
      ...(x.quantity !== undefined ? { quantity: x.quantity } : {}),
      leverage: !!actor.leverage?.some((l) => l.asset === x.id),
      shared: x.owner !== actorId || !!x.coOwners?.length,
    }));
  const moves = s.moves
    .filter((m) => m.actor === actorId)
    .map((m) => ({ id: m.id, label: m.label, description: m.description, tone: m.tone, effects: m.effects.map((e) => effectWords(s, e)) }));
  return {
    actor: actorId,
    name: actor.name,
    description: actor.description,
    goals,
    minimum,
    assets,
    moves,
    capability: actor.capability,
    patience: actor.patience,
  };
}

/**
 * What the move would do if it were the only one played (every other actor holding): the
 * actor's utility before and after, whether its minimum holds, and each dimension it changes.
 * Other moves played in the same round add their own effects; this is the move's own share.
 */
export function movePreview(s: Scenario, actorId: ActorId, world: ArrayLike<number>, move: Move | null): MovePreview {
  const actor = s.actors.find((a) => a.id === actorId);
  if (!actor) throw new Error(`movePreview: no actor "${actorId}" in the scenario`);
  const dims = dimensionIndex(s);
  const after = move ? applyMoves(dims, world, [move], s.interactions) : Float64Array.from(world);
  const before = utility(actor, dims, world);
  const then = utility(actor, dims, after);
  const changes: DimensionChange[] = [];
  s.dimensions.forEach((d, i) => {
    const x0 = world[i] ?? 0;
    const x1 = after[i] ?? 0;
    if (Math.abs(x1 - x0) <= EPS) return;
    const weight = actor.salience[d.id] ?? 0;
    const ideal = actor.ideal[d.id] ?? 0;
    const gap = Math.abs(x1 - ideal) - Math.abs(x0 - ideal);
    changes.push({
      dimension: d.id,
      label: d.label,
      before: formatNatural(d, x0),
      after: formatNatural(d, x1),
      towards: x1 > x0 ? d.high : d.low,
      weight,
      forActor: weight <= 0 || Math.abs(gap) <= EPS ? 'indifferent' : gap < 0 ? 'closer' : 'further',
    });
  });
  changes.sort((x, y) => y.weight - x.weight);
  return {
    move: move?.id ?? 'hold',
    utilityBefore: before,
    utilityAfter: then,
    change: then - before,
    acceptableBefore: isAcceptable(actor, dims, world),
    acceptableAfter: isAcceptable(actor, dims, after),
    changes,
  };
}

/** The deals falling due this round in which the actor promised a move. */
export function dealsOwed(due: readonly Deal[], actorId: ActorId): OwedDeal[] {
  return due
    .filter((d) => d.parties.includes(actorId) && d.promises[actorId] !== undefined)
    .map((d) => ({
      id: d.id,
      round: d.round,
      mine: d.promises[actorId]!,
      theirs: Object.fromEntries(Object.entries(d.promises).filter(([a]) => a !== actorId)),
    }));
}
