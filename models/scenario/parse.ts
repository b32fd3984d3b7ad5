/**
 * `parseScenario(unknown)` → a valid, deeply frozen scenario, or the list of problems, each
 * naming its path: `actors[3].minimum[1].rhs: expected a number, got "x"`.
 *
 * Stages: size limits (before any deep work), JSON text, format version and migrations, the
 * structural schema, cross-references and sums, and last the feasibility of each actor's
 * minimum on its own (a linear program each, through HiGHS — hence async). Nothing is
 * repaired: bad input gets a message.
 */
import * as v from 'valibot';
import { isFeasible } from '../domain/polytope';
import { dimensionIndex } from '../domain/space';
import type { Scenario } from '../domain/types';
import { LIMITS } from './limits';
import { describe, migrate } from './migrations';
import { formatProblem, issueProblem, pathString, type Problem } from './problems';
import { ScenarioSchema } from './schema';

/** The wording of problems lives in ./problems (shared with run files and links); re-exported for older importers. */
export { formatProblem, issueMessage, pathString, type Problem } from './problems';

export type ParseResult = { ok: true; scenario: Scenario; notes: string[] } | { ok: false; problems: Problem[] };

const MAX_NODES = 200_000;
const MAX_DEPTH = 32;

/** Counts nodes without recursion so that hostile nesting cannot overflow the stack. */
function sizeProblem(input: unknown): Problem | undefined {
  const stack: [unknown, number][] = [[input, 0]];
  let nodes = 0;
  while (stack.length) {
    const [x, depth] = stack.pop()!;
    if (++nodes > MAX_NODES) return { path: '', message: `scenario too large: more than ${MAX_NODES.toLocaleString('en-GB')} values` };
    if (depth > MAX_DEPTH) return { path: '', message: `scenario nested too deeply: more than ${MAX_DEPTH} levels` };
    if (x && typeof x === 'object') for (const y of Object.values(x)) stack.push([y, depth + 1]);
    if (typeof x === 'string' && x.length > LIMITS.textChars) return { path: '', message: `scenario too large: a text of ${x.length} characters` };
  }
  return undefined;
}

/** Structure, references and sums: everything but feasibility. Synchronous, for instant feedback. */
export function parseScenarioStructure(input: unknown): { ok: true; doc: Scenario; notes: string[] } | { ok: false; problems: Problem[] } {
  let doc: unknown = input;
  if (typeof input === 'string') {
    if (input.length > LIMITS.textChars)
      return {
        ok: false,
        problems: [
          {
            path: '',
            message: `scenario too large: ${input.length.toLocaleString('en-GB')} characters (the limit is ${LIMITS.textChars.toLocaleString('en-GB')})`,
          },
        ],
      };
    try {
      doc = JSON.parse(input);
    } catch (e) {
      return { ok: false, problems: [{ path: '', message: `not valid JSON: ${(e as Error).message}` }] };
    }
  }
  const big = sizeProblem(doc);
  if (big) return { ok: false, problems: [big] };
  if (!doc || typeof doc !== 'object' || Array.isArray(doc))
    return { ok: false, problems: [{ path: '', message: `expected a scenario object, got ${describe(doc)}` }] };
  const notes: string[] = [];
  const m = migrate(doc as Record<string, unknown>);
  if (!m.ok) return { ok: false, problems: [{ path: m.path, message: m.message }] };
  if (m.migratedFrom !== undefined) notes.push(`migrated from format version ${m.migratedFrom}`);
  const r = v.safeParse(ScenarioSchema, m.doc, { abortEarly: false, abortPipeEarly: true });
  // Bounds are checked even while another part has a structural problem, so that every field
  // a person has typed into says what is wrong with it at once.
  const bounds = boundProblems(m.doc);
  if (!r.success) return { ok: false, problems: dedupe([...r.issues.map((i) => issueProblem(i, 'scenario')), ...bounds]) };
  const s = r.output as Scenario;
  const problems = [...checkReferences(s), ...bounds];
  if (problems.length) return { ok: false, problems };
  return { ok: true, doc: s, notes };
}

function dedupe(ps: Problem[]): Problem[] {
  const seen = new Set<string>();
  return ps.filter((p) => {
    const k = formatProblem(p);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * Bounds outside what their terms can reach, in every condition that is otherwise well formed.
 * Every dimension lies in [0, 1], so the terms reach from the sum of the negative coefficients
 * to the sum of the positive ones; a bound outside that is a slip (1e9, −5), not a condition.
 */
function boundProblems(doc: Record<string, unknown>): Problem[] {
  const out: Problem[] = [];
  const check = (c: unknown, path: string) => {
    if (!c || typeof c !== 'object') return;
    const { coeffs, op, rhs } = c as { coeffs?: unknown; op?: unknown; rhs?: unknown };
    if (!coeffs || typeof coeffs !== 'object' || (op !== '<=' && op !== '>=') || typeof rhs !== 'number' || !Number.isFinite(rhs)) return;
    const cs = Object.values(coeffs);
    if (!cs.length || !cs.every((x) => typeof x === 'number' && Number.isFinite(x)) || !cs.some((x) => x !== 0)) return;
    const lo = (cs as number[]).reduce((x, y) => x + Math.min(0, y), 0);
    const hi = (cs as number[]).reduce((x, y) => x + Math.max(0, y), 0);
    if (rhs >= lo - 1e-9 && rhs <= hi + 1e-9) return;
    const never = op === '>=' ? rhs > hi : rhs < lo;
    out.push({
      path: `${path}.rhs`,
      message: `expected a bound from ${+lo.toFixed(6)} to ${+hi.toFixed(6)} (what the terms can reach), got ${rhs}, which ${never ? 'no outcome can meet' : 'every outcome meets'}`,
    });
  };
  const list = (x: unknown): unknown[] => (Array.isArray(x) ? x : []);
  list(doc.actors).forEach((a, i) => {
    list((a as { minimum?: unknown } | null)?.minimum).forEach((c, j) => check(c, `actors[${i}].minimum[${j}]`));
  });
  list(doc.variants).forEach((vr, i) => {
    list((vr as { ops?: unknown } | null)?.ops).forEach((op, j) => {
      if ((op as { op?: unknown } | null)?.op === 'addConstraint') check((op as { constraint?: unknown }).constraint, `variants[${i}].ops[${j}].constraint`);
    });
  });
  return out;
}

function checkReferences(s: Scenario): Problem[] {
  const out: Problem[] = [];
  const dims = new Set(s.dimensions.map((d) => d.id));
  const actors = new Set(s.actors.map((a) => a.id));
  const sources = new Set(s.sources.map((x) => x.id));
  const assets = new Map(s.assets.map((a) => [a.id, a]));
  const moves = new Map(s.moves.map((m) => [m.id, m]));
  const dup = (list: readonly { id: string }[], where: string) => {
    const first = new Map<string, number>();
    list.forEach((x, i) => {
      const j = first.get(x.id);
      if (j !== undefined) out.push({ path: `${where}[${i}].id`, message: `duplicate id "${x.id}" (also at ${where}[${j}])` });
      else first.set(x.id, i);
    });
  };
  dup(s.sources, 'sources');
  dup(s.dimensions, 'dimensions');
  dup(s.facts, 'facts');
  dup(s.actors, 'actors');
  dup(s.assets, 'assets');
  dup(s.moves, 'moves');
  dup(s.interactions, 'interactions');
  dup(s.variants, 'variants');
  const src = (note: string, path: string) => {
    const mm = /^seed:([^\s,;]+)/.exec(note);
    if (mm && !sources.has(mm[1]!)) out.push({ path, message: `names source "${mm[1]}", which is not in sources` });
  };
  const dimKeys = (rec: Readonly<Record<string, number>>, path: string) => {
    for (const k of Object.keys(rec))
      if (!dims.has(k)) out.push({ path: `${path}${pathString([k]).startsWith('[') ? '' : '.'}${pathString([k])}`, message: `unknown dimension "${k}"` });
  };
  const dimRef = (d: string, path: string) => {
    if (!dims.has(d)) out.push({ path, message: `unknown dimension "${d}"` });
  };
  const actorRef = (a: string, path: string) => {
    if (!actors.has(a)) out.push({ path, message: `unknown actor "${a}"` });
  };
  s.dimensions.forEach((d, i) => {
    src(d.source, `dimensions[${i}].source`);
    if (d.unit && d.unit.at0 === d.unit.at1) out.push({ path: `dimensions[${i}].unit`, message: 'expected at0 and at1 to differ' });
  });
  s.facts.forEach((f, i) => src(f.source, `facts[${i}].source`));
  const constraint = (c: Scenario['actors'][number]['minimum'][number], path: string) => {
    dimKeys(c.coeffs, `${path}.coeffs`);
    if (!Object.values(c.coeffs).some((x) => x !== 0)) out.push({ path: `${path}.coeffs`, message: 'expected at least one non-zero coefficient' });
    src(c.source, `${path}.source`);
  };
  s.actors.forEach((a, i) => {
    const p = `actors[${i}]`;
    dimKeys(a.ideal, `${p}.ideal`);
    dimKeys(a.salience, `${p}.salience`);
    for (const d of s.dimensions) if (!(d.id in a.ideal)) out.push({ path: `${p}.ideal`, message: `missing dimension "${d.id}"` });
    const sum = Object.values(a.salience).reduce((x, y) => x + y, 0);
    if (Math.abs(sum - 1) > 1e-6) out.push({ path: `${p}.salience`, message: `saliences sum to ${+sum.toFixed(6)}; expected them to sum to 1` });
    dup(a.minimum, `${p}.minimum`);
    a.minimum.forEach((c, j) => constraint(c, `${p}.minimum[${j}]`));
    a.leverage?.forEach((l, j) => {
      const lp = `${p}.leverage[${j}]`;
      const asset = assets.get(l.asset);
      if (!asset) out.push({ path: `${lp}.asset`, message: `unknown asset "${l.asset}"` });
      else if (asset.owner !== a.id && !asset.coOwners?.includes(a.id))
        out.push({ path: `${lp}.asset`, message: `asset "${l.asset}" belongs to "${asset.owner}", not to "${a.id}"` });
      if (!dims.has(l.dimension)) out.push({ path: `${lp}.dimension`, message: `unknown dimension "${l.dimension}"` });
      else {
        // The holding value is the actor's weight on the dimension, with its ideal at the held end.
        const end = l.held === 'high' ? 1 : 0;
        if (a.ideal[l.dimension] !== undefined && a.ideal[l.dimension] !== end)
          out.push({ path: `${lp}.held`, message: `a stock held "${l.held}" needs the actor's ideal ${l.dimension} at ${end}, not ${a.ideal[l.dimension]}` });
        if (!((a.salience[l.dimension] ?? 0) > 0))
          out.push({ path: `${lp}.dimension`, message: `the actor gives ${l.dimension} no weight, so holding it would be worth nothing` });
      }
      src(l.source, `${lp}.source`);
    });
    src(a.source, `${p}.source`);
  });
  s.assets.forEach((a, i) => {
    actorRef(a.owner, `assets[${i}].owner`);
    a.coOwners?.forEach((o, j) => actorRef(o, `assets[${i}].coOwners[${j}]`));
    src(a.source, `assets[${i}].source`);
  });
  s.moves.forEach((m, i) => {
    const p = `moves[${i}]`;
    actorRef(m.actor, `${p}.actor`);
    if (m.asset !== undefined) {
      const a = assets.get(m.asset);
      if (!a) out.push({ path: `${p}.asset`, message: `unknown asset "${m.asset}"` });
      else if (a.owner !== m.actor && !a.coOwners?.includes(m.actor))
        out.push({ path: `${p}.asset`, message: `asset "${m.asset}" belongs to "${a.owner}", not to "${m.actor}"` });
    }
    if (m.uses !== undefined && (m.asset === undefined || assets.get(m.asset)?.quantity === undefined))
      out.push({ path: `${p}.uses`, message: 'expected an asset with a quantity to use up' });
    m.effects.forEach((e, j) => dimRef(e.dimension, `${p}.effects[${j}].dimension`));
    m.preconditions?.forEach((c, j) => dimRef(c.dimension, `${p}.preconditions[${j}].dimension`));
    m.targets?.forEach((t, j) => actorRef(t, `${p}.targets[${j}]`));
    src(m.source, `${p}.source`);
  });
  s.interactions.forEach((it, i) => {
    it.when.forEach((id, j) => {
      if (!moves.has(id)) out.push({ path: `interactions[${i}].when[${j}]`, message: `unknown move "${id}"` });
    });
    it.effects.forEach((e, j) => dimRef(e.dimension, `interactions[${i}].effects[${j}].dimension`));
    src(it.source, `interactions[${i}].source`);
  });
  s.defaultPair?.forEach((a, j) => actorRef(a, `defaultPair[${j}]`));
  dup(s.injects ?? [], 'injects');
  s.injects?.forEach((inj, i) => {
    inj.effects?.forEach((e, j) => dimRef(e.dimension, `injects[${i}].effects[${j}].dimension`));
    for (const a of Object.keys(inj.postures ?? {})) actorRef(a, `injects[${i}].postures${pathString([a]).startsWith('[') ? '' : '.'}${pathString([a])}`);
  });
  dimKeys(s.initialState, 'initialState');
  for (const d of s.dimensions) if (!(d.id in s.initialState)) out.push({ path: 'initialState', message: `missing dimension "${d.id}"` });
  s.variants.forEach((vr, i) => {
    vr.ops.forEach((op, j) => {
      const p = `variants[${i}].ops[${j}]`;
      if ('actor' in op) actorRef(op.actor, `${p}.actor`);
      if ('dimension' in op) dimRef(op.dimension, `${p}.dimension`);
      if (op.op === 'addConstraint') constraint(op.constraint, `${p}.constraint`);
      if (op.op === 'setSalience') {
        dimKeys(op.salience, `${p}.salience`);
        const sum = Object.values(op.salience).reduce((x, y) => x + y, 0);
        if (Math.abs(sum - 1) > 1e-6) out.push({ path: `${p}.salience`, message: `saliences sum to ${+sum.toFixed(6)}; expected them to sum to 1` });
      }
      if (op.op === 'removeConstraint') {
        const a = s.actors.find((x) => x.id === op.actor);
        if (a && !a.minimum.some((c) => c.id === op.constraint))
          out.push({ path: `${p}.constraint`, message: `actor "${op.actor}" has no constraint "${op.constraint}"` });
      }
    });
    src(vr.source, `variants[${i}].source`);
  });
  return out;
}

export function deepFreeze<T>(x: T): T {
  if (x && typeof x === 'object' && !Object.isFrozen(x)) {
    Object.freeze(x);
    for (const y of Object.values(x)) deepFreeze(y);
  }
  return x;
}

/** The whole check: structure, references, and the feasibility of each minimum. Never throws. */
export async function parseScenario(input: unknown): Promise<ParseResult> {
  let st: ReturnType<typeof parseScenarioStructure>;
  try {
    st = parseScenarioStructure(input);
  } catch (e) {
    return { ok: false, problems: [{ path: '', message: `could not read the scenario: ${(e as Error).message}` }] };
  }
  if (!st.ok) return st;
  const s = st.doc;
  const dims = dimensionIndex(s);
  const problems: Problem[] = [];
  for (let i = 0; i < s.actors.length; i++) {
    const a = s.actors[i]!;
    if (!(await isFeasible(a.minimum, dims)))
      problems.push({ path: `actors[${i}].minimum`, message: `no outcome satisfies all of "${a.id}"'s minimum constraints (the set is empty)` });
  }
  if (problems.length) return { ok: false, problems };
  return { ok: true, scenario: deepFreeze(s), notes: st.notes };
}

/** The scenario as JSON text, the format `parseScenario` reads. */
export function exportScenario(s: Scenario): string {
  return JSON.stringify(s, null, 2);
}
