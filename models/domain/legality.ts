/**
 * Which moves an actor may play: named pure predicates that the round machine's guards call,
 * and that the Play view uses to grey out a move with its reason. A move is legal when
 *  - it exists and belongs to the actor (or is `hold`, always available),
 *  - the actor's posture allows it (`move.postures`, default every posture but walked away),
 *  - the actor owns or co-owns the asset it uses, the asset has not been consumed, and enough
 *    of its quantity is left for the units the move uses,
 *  - its preconditions on the world state hold.
 * The round phase (moves are only taken while the round is open) is checked by the machine.
 */
import { unmetPreconditions } from './moves';
import type { ActorId, Asset, AssetId, DimensionId, Move, MoveId, Posture, Scenario } from './types';

/** The move every actor has: do nothing this round. */
export const HOLD: MoveId = 'hold';

export interface Holding {
  /** False once a move that consumes the asset has been played. */
  readonly held: boolean;
  /** What is left of a countable stock (e.g. prisoners still held). */
  readonly quantity?: number;
}
export type Holdings = Readonly<Record<AssetId, Holding>>;

export type IllegalCode = 'unknown-move' | 'not-own-move' | 'wrong-posture' | 'asset-not-owned' | 'asset-consumed' | 'asset-exhausted' | 'precondition';
export type Legality = { readonly ok: true } | { readonly ok: false; readonly code: IllegalCode; readonly reason: string };

export const DEFAULT_POSTURES: readonly Posture[] = ['engaged', 'hedging', 'hardline'];

const POSTURE_WORDS: Record<Posture, string> = { engaged: 'engaged', hedging: 'hedging', hardline: 'on a hard line', walkedAway: 'walked away' };
export function postureWord(p: Posture): string {
  return POSTURE_WORDS[p];
}

export function initialHoldings(s: Scenario): Holdings {
  const out: Record<AssetId, Holding> = {};
  for (const a of s.assets) out[a.id] = a.quantity === undefined ? { held: true } : { held: true, quantity: a.quantity };
  return out;
}

export function isPostureAllowed(move: Move, posture: Posture): boolean {
  return (move.postures ?? DEFAULT_POSTURES).includes(posture);
}

export function isAssetController(asset: Asset, actor: ActorId): boolean {
  return asset.owner === actor || (asset.coOwners ?? []).includes(actor);
}

export function checkMove(
  s: Scenario,
  dims: ReadonlyMap<DimensionId, number>,
  world: ArrayLike<number>,
  holdings: Holdings,
  posture: Posture,
  actor: ActorId,
  moveId: MoveId,
): Legality {
  if (moveId === HOLD) return { ok: true };
  const move = s.moves.find((m) => m.id === moveId);
  if (!move) return { ok: false, code: 'unknown-move', reason: `there is no move "${moveId}" in this scenario` };
  if (move.actor !== actor) return { ok: false, code: 'not-own-move', reason: `"${move.label}" is ${move.actor}'s move, not ${actor}'s` };
  if (!isPostureAllowed(move, posture)) {
    const allowed = (move.postures ?? DEFAULT_POSTURES).map(postureWord).join(' or ');
    return { ok: false, code: 'wrong-posture', reason: `"${move.label}" needs ${actor} ${allowed}; it is ${postureWord(posture)}` };
  }
  if (move.asset) {
    const asset = s.assets.find((a) => a.id === move.asset);
    if (!asset || !isAssetController(asset, actor))
      return { ok: false, code: 'asset-not-owned', reason: `${actor} does not control ${asset?.name ?? move.asset}` };
    const h = holdings[move.asset];
    if (!h || !h.held) return { ok: false, code: 'asset-consumed', reason: `${asset.name} has already been used up` };
    if (move.uses !== undefined && h.quantity !== undefined && h.quantity < move.uses)
      return { ok: false, code: 'asset-exhausted', reason: `${asset.name}: ${move.uses} needed, ${h.quantity} left` };
  }
  const unmet = unmetPreconditions(move, dims, world);
  if (unmet.length) {
    const p = unmet[0]!;
    return { ok: false, code: 'precondition', reason: `"${move.label}" needs ${p.dimension} ${p.op} ${p.value}` };
  }
  return { ok: true };
}

/** The actor's legal moves in scenario order, `hold` first. */
export function legalMoves(
  s: Scenario,
  dims: ReadonlyMap<DimensionId, number>,
  world: ArrayLike<number>,
  holdings: Holdings,
  posture: Posture,
  actor: ActorId,
): MoveId[] {
  const out = [HOLD];
  for (const m of s.moves) if (m.actor === actor && checkMove(s, dims, world, holdings, posture, actor, m.id).ok) out.push(m.id);
  return out;
}

/**
 * Holdings after a round's moves: consumed assets are gone, used quantities subtracted.
 * Two moves that consume the same asset in one round both take effect; the asset is gone after.
 */
export function spendAssets(holdings: Holdings, moves: readonly Move[]): Holdings {
  const out: Record<AssetId, Holding> = { ...holdings };
  for (const m of moves) {
    if (!m.asset) continue;
    const h = out[m.asset];
    if (!h) continue;
    const quantity = h.quantity === undefined ? undefined : Math.max(0, h.quantity - (m.uses ?? 0));
    out[m.asset] = { held: h.held && !m.consumes, ...(quantity === undefined ? {} : { quantity }) };
  }
  return out;
}
