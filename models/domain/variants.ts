/**
 * Applying a variant or reading to a scenario gives a new scenario (the input is not touched)
 * and the set of actors whose minimums the common core leaves out under that reading.
 */
import type { Actor, ActorId, Scenario, Variant, VariantOp } from './types';

export interface Applied {
  readonly scenario: Scenario;
  readonly excludedFromCore: ReadonlySet<ActorId>;
  readonly applied: readonly string[];
}

export type ApplyResult = { ok: true; value: Applied } | { ok: false; problem: string };

function patchActor(s: Scenario, id: ActorId, f: (a: Actor) => Actor): Scenario {
  return { ...s, actors: s.actors.map((a) => (a.id === id ? f(a) : a)) };
}

function applyOp(s: Scenario, op: VariantOp, excluded: Set<ActorId>): Scenario | string {
  if ('actor' in op && !s.actors.some((a) => a.id === op.actor)) return `unknown actor "${op.actor}"`;
  switch (op.op) {
    case 'addConstraint':
      return patchActor(s, op.actor, (a) => ({
        ...a,
        minimum: [...a.minimum.filter((c) => c.id !== op.constraint.id), op.constraint],
      }));
    case 'removeConstraint': {
      // Variants compose: a condition an earlier variant already removed stays removed (a reading
      // such as grey + Russia-limit repeats Russia-limit's ops). A typo is caught when the
      // scenario is parsed, against the actor's own minimum.
      return patchActor(s, op.actor, (x) => ({ ...x, minimum: x.minimum.filter((c) => c.id !== op.constraint) }));
    }
    case 'setIdeal':
      return patchActor(s, op.actor, (a) => ({ ...a, ideal: { ...a.ideal, [op.dimension]: op.value } }));
    case 'setSalience':
      return patchActor(s, op.actor, (a) => ({ ...a, salience: { ...op.salience } }));
    case 'setCapability':
      return patchActor(s, op.actor, (a) => ({ ...a, capability: op.value }));
    case 'setPatience':
      return patchActor(s, op.actor, (a) => ({ ...a, patience: op.value }));
    case 'setState':
      return { ...s, initialState: { ...s.initialState, [op.dimension]: op.value } };
    case 'excludeFromCore':
      excluded.add(op.actor);
      return s;
  }
}

/** Apply variants in order (e.g. a reading and then a variant). Unknown ids are a problem, not a silent no-op. */
export function applyVariants(scenario: Scenario, ids: readonly string[]): ApplyResult {
  let s = scenario;
  const excluded = new Set<ActorId>();
  for (const id of ids) {
    const v: Variant | undefined = scenario.variants.find((x) => x.id === id);
    if (!v) return { ok: false, problem: `unknown variant "${id}" (known: ${scenario.variants.map((x) => x.id).join(', ') || 'none'})` };
    for (const op of v.ops) {
      const r = applyOp(s, op, excluded);
      if (typeof r === 'string') return { ok: false, problem: `variant "${id}": ${r}` };
      s = r;
    }
  }
  return { ok: true, value: { scenario: s, excludedFromCore: excluded, applied: ids } };
}
