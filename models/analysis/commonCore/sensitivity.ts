/**
 * How far each assumed bound can move before a structural result of the common core changes.
 *
 * A structural result is a statement about which sets of actors have compatible minimums: "the
 * core is empty", "Russia alone is an exit (leaving it out opens the core)", "Kyiv and Minsk are
 * compatible". Each depends on the feasibility of a few sets S of actors.
 *
 * Take one condition c of actor j, a·x ≤ r (or ≥ r), and move its bound r. A set S without j
 * does not depend on r. For a set S with j, let P be the polytope of S's other conditions (and
 * the box [0, 1]^d). S is feasible exactly when some x in P has a·x ≤ r, i.e. when
 *   r ≥ t_S = min { a·x : x ∈ P }        (for ≥: r ≤ t_S = max { a·x : x ∈ P }),
 * and never when P is empty. So each set flips at one threshold, one linear program away, and a
 * result built from such sets keeps its truth value between consecutive thresholds. Walking out
 * from the current bound over the sorted thresholds of the sets a result reads gives the exact
 * interval over which it still holds.
 *
 * Only conditions whose source marks them as an assumption are moved (a bound a seed states is
 * a fact, not a parameter). Conditions that several actors share (the same id, coefficients and
 * bound, e.g. the neighbours' common reading of the core) are one parameter and move together:
 * the threshold argument holds unchanged with every copy left out of P. The interval is reported
 * on the scale the bound can take: the range of a·x over the box (for a single coordinate,
 * [0, 1]); a threshold at an end of the scale is no change.
 */
import { solveLp, type LpRow } from '../../game/lp';
import { constraintRow, constraintVector } from '../../domain/polytope';
import { dimensionIndex } from '../../domain/space';
import type { ActorId, LinearConstraint, Scenario } from '../../domain/types';

/** A structural result: true or false as a function of which sets of actors are compatible. */
export interface StructuralClaim {
  readonly id: string;
  /** Plain words, e.g. "the common core is empty". */
  readonly label: string;
  /** The sets of actors the claim reads. */
  readonly sets: readonly (readonly ActorId[])[];
  /** The claim's value given each set's compatibility, in the order of `sets`. */
  readonly holds: (compatible: readonly boolean[]) => boolean;
}

export interface ClaimInterval {
  readonly claim: string;
  readonly label: string;
  /** The claim's value at the bound as it stands. */
  readonly holds: boolean;
  /** The bound's values over which the claim keeps that value: [from, to], null where it reaches the end of the scale. */
  readonly from: number | null;
  readonly to: number | null;
  /** Whether each end is included (a set that becomes compatible exactly at a threshold is compatible there). */
  readonly fromIncluded: boolean;
  readonly toIncluded: boolean;
}

export interface BoundSensitivity {
  /** The actors holding this condition (several when they share it). */
  readonly actors: readonly ActorId[];
  readonly constraint: string;
  readonly label: string;
  readonly op: '<=' | '>=';
  readonly rhs: number;
  /** The range the bound can take: a·x over the box. */
  readonly scale: readonly [number, number];
  readonly claims: readonly ClaimInterval[];
}

/** Whether a condition's bound is an assumption (its source says so) rather than a figure from a source. */
export function isAssumed(c: LinearConstraint): boolean {
  return /assumption:/.test(c.source);
}

const key = (set: readonly ActorId[]) => [...set].sort().join('|');

/**
 * The claims every reading reports: whether its core is empty, each actor whose exit alone would
 * open the core, and each given pair's compatibility.
 */
export function standardClaims(
  actors: readonly ActorId[],
  pairs: readonly (readonly [ActorId, ActorId])[] = [],
  names: (id: ActorId) => string = (id) => id,
): StructuralClaim[] {
  const all = [...actors];
  const claims: StructuralClaim[] = [{ id: 'core-empty', label: 'the common core is empty', sets: [all], holds: ([c]) => !c }];
  for (const a of actors)
    claims.push({
      id: `exit:${a}`,
      label: `${names(a)} alone is an exit (leaving it out opens the core)`,
      sets: [all, all.filter((x) => x !== a)],
      holds: ([whole, without]) => !whole && !!without,
    });
  for (const [a, b] of pairs) claims.push({ id: `pair:${a}|${b}`, label: `${names(a)} and ${names(b)} are compatible`, sets: [[a, b]], holds: ([c]) => !!c });
  return claims;
}

/**
 * For each assumed condition of the given actors, the interval of its bound over which each claim
 * keeps its present value. `s` is the scenario with the reading's variants applied.
 */
export async function boundSensitivity(s: Scenario, actors: readonly ActorId[], claims: readonly StructuralClaim[]): Promise<BoundSensitivity[]> {
  const dims = dimensionIndex(s);
  const n = dims.size;
  const byId = new Map(s.actors.map((a) => [a.id, a]));
  const rowsOf = (set: readonly ActorId[]): LpRow[] => set.flatMap((id) => (byId.get(id)?.minimum ?? []).map((c) => constraintRow(c, dims)));
  // Feasibility of each set as it stands (one LP per distinct set).
  const feasibleNow = new Map<string, boolean>();
  const box = { colLo: new Array(n).fill(0), colHi: new Array(n).fill(1) };
  const feasible = async (set: readonly ActorId[]) => {
    const k = key(set);
    let f = feasibleNow.get(k);
    if (f === undefined) {
      f = (await solveLp({ sense: 'min', cost: new Array(n).fill(0), ...box, rows: rowsOf(set) })).status === 'optimal';
      feasibleNow.set(k, f);
    }
    return f;
  };
  for (const cl of claims) for (const set of cl.sets) await feasible(set);

  // Assumed conditions of the given actors, grouped: one parameter per shared condition.
  const groups = new Map<string, { actors: ActorId[]; c: LinearConstraint; copies: Set<LinearConstraint> }>();
  for (const id of actors)
    for (const c of byId.get(id)?.minimum ?? []) {
      if (!isAssumed(c)) continue;
      const k = JSON.stringify([c.id, c.op, c.rhs, Object.entries(c.coeffs).sort()]);
      const g = groups.get(k) ?? { actors: [], c, copies: new Set() };
      g.actors.push(id);
      g.copies.add(c);
      groups.set(k, g);
    }
  const out: BoundSensitivity[] = [];
  for (const { actors: holders, c, copies } of groups.values()) {
    const inSet = (set: readonly ActorId[]) => holders.some((h) => set.includes(h));
    const rowsWithout = (set: readonly ActorId[]): LpRow[] =>
      set.flatMap((id) => (byId.get(id)?.minimum ?? []).filter((k) => !copies.has(k)).map((k) => constraintRow(k, dims)));
    const a = constraintVector(c, dims);
    let lo = 0;
    let hi = 0;
    for (const v of a) v < 0 ? (lo += v) : (hi += v);
    // Each set holding the condition: the bound where it flips (null: never feasible).
    const thresholds = new Map<string, number | null>();
    for (const cl of claims)
      for (const set of cl.sets) {
        if (!inSet(set) || thresholds.has(key(set))) continue;
        const r = await solveLp({ sense: c.op === '<=' ? 'min' : 'max', cost: [...a], ...box, rows: rowsWithout(set) });
        thresholds.set(key(set), r.status === 'optimal' ? r.objective : null);
      }
    const compatibleAt = (set: readonly ActorId[], r: number) => {
      if (!inSet(set)) return feasibleNow.get(key(set))!;
      const t = thresholds.get(key(set));
      if (t === null || t === undefined) return false;
      return c.op === '<=' ? r >= t - 1e-9 : r <= t + 1e-9;
    };
    const cuts = [...new Set([...thresholds.values()].filter((t): t is number => t !== null && t > lo + 1e-9 && t < hi - 1e-9))].sort((p, q) => p - q);
    const value = (cl: StructuralClaim, r: number) => cl.holds(cl.sets.map((set) => compatibleAt(set, r)));
    // The value is constant between thresholds; at a threshold it may take either side's value.
    // Walk out from the bound: at each threshold, test the threshold itself, then just past it.
    const gap = (t: number, next: number | undefined) => (next === undefined ? 1e-7 : Math.min(1e-7, Math.abs(next - t) / 2));
    const claimsOut: ClaimInterval[] = claims
      .filter((cl) => cl.sets.some(inSet))
      .map((cl) => {
        const now = value(cl, c.rhs);
        let from: number | null = null;
        let fromIncluded = true;
        const down = cuts.filter((t) => t <= c.rhs + 1e-12).reverse();
        for (let i = 0; i < down.length; i++) {
          const t = down[i]!;
          if (value(cl, t) !== now) {
            [from, fromIncluded] = [t, false];
            break;
          }
          if (value(cl, t - gap(t, down[i + 1])) !== now) {
            [from, fromIncluded] = [t, true];
            break;
          }
        }
        let to: number | null = null;
        let toIncluded = true;
        const up = cuts.filter((t) => t >= c.rhs - 1e-12);
        for (let i = 0; i < up.length; i++) {
          const t = up[i]!;
          if (value(cl, t) !== now) {
            [to, toIncluded] = [t, false];
            break;
          }
          if (value(cl, t + gap(t, up[i + 1])) !== now) {
            [to, toIncluded] = [t, true];
            break;
          }
        }
        return { claim: cl.id, label: cl.label, holds: now, from, to, fromIncluded, toIncluded };
      });
    out.push({ actors: holders, constraint: c.id, label: c.label, op: c.op, rhs: c.rhs, scale: [lo, hi], claims: claimsOut });
  }
  return out;
}

/** "holds while the bound is ≥ 0.5" style wording of an interval, for reports. */
export function describeInterval(ci: ClaimInterval, digits = 3): string {
  const f = (x: number) => +x.toFixed(digits);
  if (ci.from === null && ci.to === null) return 'for every value of the bound';
  if (ci.from === null) return `while the bound is ${ci.toIncluded ? '≤' : '<'} ${f(ci.to!)}`;
  if (ci.to === null) return `while the bound is ${ci.fromIncluded ? '≥' : '>'} ${f(ci.from)}`;
  return `while the bound is in ${ci.fromIncluded ? '[' : '('}${f(ci.from)}, ${f(ci.to)}${ci.toIncluded ? ']' : ')'}`;
}
