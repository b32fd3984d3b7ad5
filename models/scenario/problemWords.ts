/**
 * A problem in a scenario worded for the person who edits it: the place named from the
 * scenario itself (actor names, dimension labels, the ordinal of a condition) instead of its
 * machine path — `Russia › Minimum › 2nd condition › Bound: expected a number, got "x"` for
 * `actors[1].minimum[1].rhs`. The machine path stays in the problem for whoever needs it.
 *
 * The document may be any draft, valid or not, so every lookup is defensive: a part that cannot
 * be named from the scenario is named by its position.
 */
import type { PathKey, Problem } from './problems';

/** `1st`, `2nd`, `3rd`, `4th`, `11th`, `12th`, `21st` … */
export function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  const suffix = ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n}${suffix}`;
}

/** The keys of a path written in the one path style (`actors[3].ideal["gain-a"]`); undefined when it is not one. */
export function parsePath(path: string): PathKey[] | undefined {
  const keys: PathKey[] = [];
  const re = /(?:^|\.)([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/y;
  let at = 0;
  while (at < path.length) {
    re.lastIndex = at;
    const m = re.exec(path);
    if (!m) return undefined;
    if (m[1] !== undefined) keys.push(m[1]);
    else if (m[2] !== undefined) keys.push(Number(m[2]));
    else keys.push(JSON.parse(m[3]!) as string);
    at = re.lastIndex;
  }
  return keys;
}

type Rec = Record<string, unknown>;
const rec = (x: unknown): Rec | undefined => (x && typeof x === 'object' && !Array.isArray(x) ? (x as Rec) : undefined);
const at = (x: unknown, k: PathKey): unknown => (x && typeof x === 'object' ? (x as Record<PathKey, unknown>)[k] : undefined);
const words = (x: unknown): string | undefined => (typeof x === 'string' && x.trim() ? x.trim() : undefined);

/** Field names as the editor labels them. */
const FIELD: Record<string, string> = {
  id: 'Id',
  name: 'Name',
  short: 'Short name',
  title: 'Title',
  label: 'Label',
  description: 'Description',
  source: 'Source note',
  capability: 'Capability',
  patience: 'Patience',
  colour: 'Colour',
  ideal: 'Ideal point',
  salience: 'Salience',
  minimum: 'Minimum',
  leverage: 'Leverage',
  coeffs: 'Terms',
  op: 'Direction',
  rhs: 'Bound',
  tags: 'Tags',
  low: 'Low end',
  high: 'High end',
  unit: 'Natural unit',
  at0: 'Value at 0',
  at1: 'Value at 1',
  value: 'Value',
  owner: 'Owner',
  coOwners: 'Co-owners',
  quantity: 'Quantity',
  actor: 'Actor',
  asset: 'Asset',
  consumes: 'Used up',
  uses: 'Uses',
  effects: 'Effects',
  preconditions: 'Preconditions',
  tone: 'Tone',
  targets: 'Targets',
  postures: 'Postures',
  delta: 'Change',
  set: 'Value set',
  dimension: 'Dimension',
  held: 'Held end',
  when: 'Moves together',
  kind: 'Kind',
  ops: 'Changes',
  constraint: 'Condition',
  format: 'Format',
  version: 'Format version',
  sources: 'Sources',
  dimensions: 'Dimensions',
  facts: 'Facts',
  actors: 'Actors',
  assets: 'Assets',
  moves: 'Moves',
  interactions: 'Interactions',
  initialState: 'Opening state',
  variants: 'Variants and readings',
  defaultPair: 'Default pair',
  injects: 'Events to inject',
};

/** A list's item by what it is called in the scenario, else by its position. */
const ITEM: Record<string, (item: unknown, i: number) => string> = {
  actors: (a, i) => words(at(a, 'name')) ?? words(at(a, 'short')) ?? words(at(a, 'id')) ?? `${ordinal(i + 1)} actor`,
  dimensions: (d, i) => `Dimension “${words(at(d, 'label')) ?? words(at(d, 'id')) ?? ordinal(i + 1)}”`,
  assets: (a, i) => `Asset “${words(at(a, 'name')) ?? words(at(a, 'id')) ?? ordinal(i + 1)}”`,
  facts: (f, i) => `Fact “${words(at(f, 'label')) ?? words(at(f, 'id')) ?? ordinal(i + 1)}”`,
  sources: (s, i) => `Source “${words(at(s, 'title')) ?? words(at(s, 'id')) ?? ordinal(i + 1)}”`,
  variants: (x, i) => `${at(x, 'kind') === 'reading' ? 'Reading' : 'Variant'} “${words(at(x, 'label')) ?? words(at(x, 'id')) ?? ordinal(i + 1)}”`,
  injects: (x, i) => `Event “${words(at(x, 'label')) ?? words(at(x, 'id')) ?? ordinal(i + 1)}”`,
  interactions: (_x, i) => `${ordinal(i + 1)} interaction`,
  minimum: (_x, i) => `${ordinal(i + 1)} condition`,
  leverage: (_x, i) => `${ordinal(i + 1)} leverage entry`,
  preconditions: (_x, i) => `${ordinal(i + 1)} precondition`,
  ops: (_x, i) => `${ordinal(i + 1)} change`,
  tags: (_x, i) => `${ordinal(i + 1)} tag`,
  targets: (_x, i) => `${ordinal(i + 1)} target`,
  coOwners: (_x, i) => `${ordinal(i + 1)} co-owner`,
  postures: (_x, i) => `${ordinal(i + 1)} posture`,
  when: (_x, i) => `${ordinal(i + 1)} move`,
  defaultPair: (_x, i) => `${ordinal(i + 1)} actor`,
};

/** Keys whose own keys are dimension ids. */
const BY_DIMENSION = new Set(['ideal', 'salience', 'coeffs', 'initialState']);

/**
 * The place a path points to, as the editor names it, from the outside in:
 * `['Russia', 'Minimum', '2nd condition', 'Bound']`. The empty path is the scenario as a whole.
 */
export function placeOf(doc: unknown, path: string): string[] {
  const keys = parsePath(path);
  if (!keys) return [path];
  if (!keys.length) return ['The scenario'];
  const root = rec(doc);
  const dims = Array.isArray(root?.dimensions) ? (root.dimensions as unknown[]) : [];
  const actors = Array.isArray(root?.actors) ? (root.actors as unknown[]) : [];
  const dimLabel = (id: unknown) => {
    const d = dims.find((x) => at(x, 'id') === id);
    return words(at(d, 'label')) ?? String(id);
  };
  const actorName = (id: unknown) => {
    const a = actors.find((x) => at(x, 'id') === id);
    return words(at(a, 'name')) ?? words(at(a, 'short')) ?? String(id);
  };

  const out: string[] = [];
  let node: unknown = doc;
  let parentKey: PathKey | undefined;
  for (let n = 0; n < keys.length; n++) {
    const k = keys[n]!;
    const item = at(node, k);
    if (typeof k === 'number' && typeof parentKey === 'string') {
      // A list's item: the list's own name is dropped where the item's name says it (actors, moves …).
      if (parentKey === 'moves') {
        const owner = at(item, 'actor');
        const label = words(at(item, 'label')) ?? words(at(item, 'id')) ?? ordinal(k + 1);
        if (owner !== undefined) out.push(actorName(owner));
        out.push(`Move “${label}”`);
      } else if (parentKey === 'effects') {
        const d = at(item, 'dimension');
        out.push(typeof d === 'string' && dims.some((x) => at(x, 'id') === d) ? `Effect on ${dimLabel(d)}` : `${ordinal(k + 1)} effect`);
      } else out.push((ITEM[parentKey] ?? ((_x: unknown, i: number) => `${ordinal(i + 1)} item`))(item, k));
    } else if (typeof k === 'string' && typeof parentKey === 'string' && BY_DIMENSION.has(parentKey)) out.push(dimLabel(k));
    else if (typeof k === 'string' && parentKey === 'postures') out.push(actorName(k));
    else if (typeof k === 'string') {
      // A list followed by an index is named by its item ("Move “…”", "Effect on …"), except the
      // minimum, whose conditions are named by their ordinal within it.
      const next = keys[n + 1];
      if (typeof next !== 'number' || k === 'minimum') out.push(FIELD[k] ?? k);
    } else out.push(`${ordinal(k + 1)} item`);
    parentKey = k;
    node = item;
  }
  return out;
}

/** `Russia › Minimum › 2nd condition › Bound: expected a number, got "x"`. */
export function problemInWords(doc: unknown, p: Problem): string {
  return `${placeOf(doc, p.path).join(' › ')}: ${p.message}`;
}
