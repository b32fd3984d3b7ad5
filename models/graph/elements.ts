/**
 * The coalition graph as data: scenario + world state + postures + analysis → Cytoscape element
 * JSON (plain objects `{ group, data, classes }`, the shape `cy.json({ elements })` and `cy.add`
 * read). No cytoscape import and no DOM: the component in src/graph owns the `cy` instance and
 * applies these arrays by id, so ids must be stable from round to round:
 *
 *   actor:<actorId>                    one node per actor
 *   coalition:<coalitionId>            one compound node per drawn coalition
 *   compat:<a>|<b>                     minimums compatible or not (a < b in code-unit order)
 *   align:<a>|<b>                      ideal points close (a < b)
 *   deal:<from>><to>[#n]               an agreement this round (n counts repeats of the pair)
 *   threat:<from>><to>[#n]             a hostile move aimed at `to` this round
 *
 * Labels and names are kept as the plain strings they are; nothing here builds markup. A name
 * such as `<img src=x onerror=alert(1)>` is data like any other, and whoever renders it must
 * render it as text (Cytoscape labels are canvas text; the component's HTML uses text bindings).
 *
 * Compound nodes: Cytoscape gives a node one parent, but maximal compatible sets overlap. Rule:
 * each actor is drawn inside the *largest* coalition that contains it (ties: the one listed
 * first). A coalition is drawn as a compound node only if at least two of its members end up
 * inside it; every coalition, drawn or not, is still listed by `graphSummary` and carried in the
 * compound's data (`members`, all of them) so legends can list the full sets.
 */
import { utility, isAcceptable } from '../domain/utility';
import { dimensionIndex } from '../domain/space';
import type { Actor, ActorId, Posture, Scenario } from '../domain/types';

export interface GraphCoalition {
  readonly id: string;
  readonly label: string;
  readonly members: readonly ActorId[];
}

export interface GraphLink {
  readonly from: ActorId;
  readonly to: ActorId;
  readonly label: string;
}

export interface GraphInput {
  readonly scenario: Scenario;
  /** The world state, in scenario dimension order. */
  readonly state: ArrayLike<number>;
  /** Each actor's posture this round; missing actors are 'hedging'. */
  readonly postures?: Readonly<Record<ActorId, Posture>>;
  /** Pairwise compatibility of minimums, precomputed by the analysis; undefined = not known (no edge). */
  readonly compatible: (a: ActorId, b: ActorId) => boolean | undefined;
  /** E.g. the largest few maximal compatible sets: drawn as compound nodes (see the rule above). */
  readonly coalitions?: readonly GraphCoalition[];
  /** Agreements reached this round. */
  readonly deals?: readonly GraphLink[];
  /** Hostile moves aimed at someone this round. */
  readonly threats?: readonly GraphLink[];
  /** Draw an alignment edge when alignment (1 − mean-salience-weighted L1 distance of ideals) is at least this. Default 0.75. */
  readonly alignmentThreshold?: number;
}

export type EdgeKind = 'compatible' | 'incompatible' | 'alignment' | 'deal' | 'threat';

export interface ActorNodeData {
  readonly id: string;
  readonly kind: 'actor';
  readonly actor: ActorId;
  /** The short name (what the canvas shows). */
  readonly label: string;
  readonly name: string;
  readonly capability: number;
  /** Node diameter in model pixels, increasing in capability (area ∝ capability, with a floor). */
  readonly size: number;
  /** Fill: the posture colour. */
  readonly colour: string;
  /** Border: the actor's own colour. */
  readonly border: string;
  /** Node shape, so posture is not told by colour alone. */
  readonly shape: string;
  readonly posture: Posture;
  /** Utility at this round's state. */
  readonly utility: number;
  /** Is this round's state inside the actor's minimum? */
  readonly acceptable: boolean;
  /** The canvas label: short name, then utility (✗ when the state is outside the minimum). */
  readonly display: string;
  readonly parent?: string;
}

export interface CoalitionNodeData {
  readonly id: string;
  readonly kind: 'coalition';
  readonly coalition: string;
  readonly label: string;
  /** Every member of the set, drawn inside or not. */
  readonly members: readonly ActorId[];
  /** The members drawn inside this compound. */
  readonly drawn: readonly ActorId[];
}

export interface EdgeData {
  readonly id: string;
  readonly kind: EdgeKind;
  readonly source: string;
  readonly target: string;
  readonly label: string;
  /**
   * What the canvas writes on the edge: a deal's or threat's label, once per mover and label
   * (one hostile move aimed at six actors is captioned on its first edge only); '' otherwise.
   */
  readonly caption: string;
  /** In [0, 1]: alignment for alignment edges, 1 otherwise. */
  readonly weight: number;
}

export interface GraphNodeElement {
  readonly group: 'nodes';
  readonly data: ActorNodeData | CoalitionNodeData;
  readonly classes: string;
}
export interface GraphEdgeElement {
  readonly group: 'edges';
  readonly data: EdgeData;
  readonly classes: string;
}
export type GraphElement = GraphNodeElement | GraphEdgeElement;

/**
 * Posture fills, chosen to stay apart for the common colour-vision deficiencies (after the
 * Okabe–Ito palette) and on a washed-out projector; each posture also has its own shape.
 */
export const POSTURE_STYLE: Readonly<Record<Posture, { colour: string; shape: string; label: string }>> = {
  engaged: { colour: '#009e73', shape: 'ellipse', label: 'Engaged' },
  hedging: { colour: '#f0c000', shape: 'round-diamond', label: 'Hedging' },
  hardline: { colour: '#d55e00', shape: 'round-rectangle', label: 'Hard line' },
  walkedAway: { colour: '#9a9a9a', shape: 'round-octagon', label: 'Walked away' },
};

export const EDGE_STYLE: Readonly<Record<EdgeKind, { colour: string; label: string; description: string }>> = {
  incompatible: { colour: '#c0392b', label: 'Minimums incompatible', description: 'no outcome meets both actors’ minimums' },
  compatible: { colour: '#7f8c8d', label: 'Minimums compatible', description: 'some outcome meets both actors’ minimums' },
  alignment: { colour: '#0072b2', label: 'Aligned ideals', description: 'ideal points close; thicker = closer' },
  deal: { colour: '#1e7b34', label: 'Deal this round', description: 'an agreement reached this round' },
  threat: { colour: '#8e1b5e', label: 'Threat this round', description: 'a hostile move aimed at the other actor' },
};

export const DEFAULT_ALIGNMENT_THRESHOLD = 0.75;

export const actorNodeId = (a: ActorId): string => `actor:${a}`;
export const coalitionNodeId = (c: string): string => `coalition:${c}`;
const sortedPair = (a: ActorId, b: ActorId): [ActorId, ActorId] => (a < b ? [a, b] : [b, a]);
export const pairKey = (a: ActorId, b: ActorId): string => sortedPair(a, b).join('|');

/** Diameter from capability: 36 px floor plus a part with area proportional to capability; 140 px at capability 1. */
export function nodeSize(capability: number): number {
  const c = Number.isFinite(capability) ? Math.min(Math.max(capability, 0), 1) : 0;
  return Math.round((36 + 104 * Math.sqrt(c)) * 10) / 10;
}

/**
 * Alignment of two actors' ideals: 1 − Σ_d ½(s_a,d + s_b,d)·|ideal_a,d − ideal_b,d|. Using the mean
 * salience makes it symmetric; like the utility it is 1 for identical ideals and ≥ 0 in the box.
 */
export function alignment(scenario: Pick<Scenario, 'dimensions'>, a: Actor, b: Actor): number {
  let d = 0;
  for (const dim of scenario.dimensions) {
    const s = ((a.salience[dim.id] ?? 0) + (b.salience[dim.id] ?? 0)) / 2;
    if (s) d += s * Math.abs((a.ideal[dim.id] ?? 0) - (b.ideal[dim.id] ?? 0));
  }
  return 1 - d;
}

/** Which drawn coalition each actor sits in: the largest containing it, ties by list order. */
export function coalitionParents(input: Pick<GraphInput, 'scenario' | 'coalitions'>): Map<ActorId, string> {
  const known = new Set(input.scenario.actors.map((a) => a.id));
  const sets = (input.coalitions ?? []).map((c, order) => ({ c, order, members: [...new Set(c.members)].filter((m) => known.has(m)) }));
  const ranked = [...sets].sort((x, y) => y.members.length - x.members.length || x.order - y.order);
  const home = new Map<ActorId, string>();
  for (const { c, members } of ranked) for (const m of members) if (!home.has(m)) home.set(m, c.id);
  // Drop coalitions that keep fewer than two members; their actors go unparented.
  const count = new Map<string, number>();
  for (const id of home.values()) count.set(id, (count.get(id) ?? 0) + 1);
  for (const [m, id] of home) if ((count.get(id) ?? 0) < 2) home.delete(m);
  return home;
}

function links(kind: 'deal' | 'threat', list: readonly GraphLink[] | undefined, known: Set<ActorId>): GraphEdgeElement[] {
  const out: GraphEdgeElement[] = [];
  const seen = new Map<string, number>();
  const captioned = new Set<string>();
  for (const l of list ?? []) {
    if (!known.has(l.from) || !known.has(l.to) || l.from === l.to) continue;
    const base = `${kind}:${l.from}>${l.to}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    const label = String(l.label);
    const captionKey = JSON.stringify([l.from, label]);
    const caption = captioned.has(captionKey) ? '' : label;
    captioned.add(captionKey);
    out.push({
      group: 'edges',
      data: { id: n ? `${base}#${n}` : base, kind, source: actorNodeId(l.from), target: actorNodeId(l.to), label, caption, weight: 1 },
      classes: kind,
    });
  }
  return out;
}

export function graphElements(input: GraphInput): GraphElement[] {
  const { scenario } = input;
  const dims = dimensionIndex(scenario);
  const known = new Set(scenario.actors.map((a) => a.id));
  const home = coalitionParents(input);
  const out: GraphElement[] = [];

  // Compound parents first, so a consumer adding elements in order never meets a missing parent.
  const drawnIds = new Set(home.values());
  for (const c of input.coalitions ?? []) {
    if (!drawnIds.has(c.id)) continue;
    const members = [...new Set(c.members)].filter((m) => known.has(m));
    const drawn = members.filter((m) => home.get(m) === c.id);
    out.push({
      group: 'nodes',
      data: { id: coalitionNodeId(c.id), kind: 'coalition', coalition: c.id, label: String(c.label), members, drawn },
      classes: 'coalition',
    });
  }

  for (const a of scenario.actors) {
    const posture = input.postures?.[a.id] ?? 'hedging';
    const ps = POSTURE_STYLE[posture] ?? POSTURE_STYLE.hedging;
    const u = utility(a, dims, input.state);
    const acceptable = isAcceptable(a, dims, input.state);
    const parent = home.get(a.id);
    const data: ActorNodeData = {
      id: actorNodeId(a.id),
      kind: 'actor',
      actor: a.id,
      label: String(a.short),
      name: String(a.name),
      capability: a.capability,
      size: nodeSize(a.capability),
      colour: ps.colour,
      border: a.colour ?? '#333333',
      shape: ps.shape,
      posture,
      utility: u,
      acceptable,
      display: `${a.short}\n${acceptable ? '' : '✗ '}u ${u.toFixed(2)}`,
      ...(parent !== undefined ? { parent: coalitionNodeId(parent) } : {}),
    };
    out.push({ group: 'nodes', data, classes: `actor posture-${posture}${acceptable ? '' : ' unacceptable'}` });
  }

  const threshold = input.alignmentThreshold ?? DEFAULT_ALIGNMENT_THRESHOLD;
  const actors = scenario.actors;
  for (let i = 0; i < actors.length; i++) {
    for (let j = i + 1; j < actors.length; j++) {
      const [p, q] = sortedPair(actors[i]!.id, actors[j]!.id);
      const key = `${p}|${q}`;
      const ok = input.compatible(p, q);
      if (ok !== undefined) {
        const kind: EdgeKind = ok ? 'compatible' : 'incompatible';
        out.push({
          group: 'edges',
          data: {
            id: `compat:${key}`,
            kind,
            source: actorNodeId(p),
            target: actorNodeId(q),
            label: ok ? 'compatible' : 'incompatible',
            caption: '',
            weight: 1,
          },
          classes: `compat ${kind}`,
        });
      }
      const al = alignment(scenario, actors[i]!, actors[j]!);
      if (al >= threshold) {
        out.push({
          group: 'edges',
          data: {
            id: `align:${key}`,
            kind: 'alignment',
            source: actorNodeId(p),
            target: actorNodeId(q),
            label: `aligned ${al.toFixed(2)}`,
            caption: '',
            weight: al,
          },
          classes: 'alignment',
        });
      }
    }
  }
  out.push(...links('deal', input.deals, known), ...links('threat', input.threats, known));
  return out;
}

/**
 * The graph in words, for screen readers and the text view: actors, coalitions (all of them,
 * with which members are drawn elsewhere), deals, threats, incompatible then compatible pairs,
 * and the closest alignments.
 */
export function graphSummary(input: GraphInput): string[] {
  const { scenario } = input;
  const dims = dimensionIndex(scenario);
  const byId = new Map(scenario.actors.map((a) => [a.id, a]));
  const name = (id: ActorId) => byId.get(id)?.short ?? id;
  const home = coalitionParents(input);
  const lines: string[] = [];

  for (const a of scenario.actors) {
    const posture = input.postures?.[a.id] ?? 'hedging';
    const u = utility(a, dims, input.state);
    const ok = isAcceptable(a, dims, input.state);
    lines.push(
      `${a.short}: ${POSTURE_STYLE[posture]?.label.toLowerCase() ?? posture}, capability ${a.capability.toFixed(2)}, utility ${u.toFixed(2)}, ${ok ? 'state within its minimum' : 'state outside its minimum'}`,
    );
  }

  for (const c of input.coalitions ?? []) {
    const members = [...new Set(c.members)].filter((m) => byId.has(m));
    const elsewhere = members.filter((m) => home.get(m) !== c.id);
    const drawn = members.length - elsewhere.length >= 2;
    let note = drawn ? 'drawn as a group' : 'not drawn as a group';
    if (drawn && elsewhere.length)
      note += `; ${elsewhere.map(name).join(', ')} drawn ${elsewhere.length === 1 ? 'in a larger group' : 'in larger groups'} or alone`;
    lines.push(`${c.label} {${members.map(name).join(', ')}}: minimums compatible; ${note}`);
  }

  for (const d of input.deals ?? []) if (byId.has(d.from) && byId.has(d.to)) lines.push(`Deal: ${name(d.from)} with ${name(d.to)}: ${d.label}`);
  for (const t of input.threats ?? [])
    if (byId.has(t.from) && byId.has(t.to) && t.from !== t.to) lines.push(`Threat: ${name(t.from)} against ${name(t.to)}: ${t.label}`);

  const actors = scenario.actors;
  const incompatible: string[] = [];
  const compatible: string[] = [];
  const unknown: string[] = [];
  const aligned: { text: string; al: number }[] = [];
  const threshold = input.alignmentThreshold ?? DEFAULT_ALIGNMENT_THRESHOLD;
  for (let i = 0; i < actors.length; i++) {
    for (let j = i + 1; j < actors.length; j++) {
      const a = actors[i]!;
      const b = actors[j]!;
      const pair = `${a.short} and ${b.short}`;
      const ok = input.compatible(...sortedPair(a.id, b.id));
      (ok === undefined ? unknown : ok ? compatible : incompatible).push(pair);
      const al = alignment(scenario, a, b);
      if (al >= threshold) aligned.push({ text: `${pair}: ideals aligned (${al.toFixed(2)})`, al });
    }
  }
  for (const p of incompatible) lines.push(`${p}: minimums incompatible`);
  for (const p of compatible) lines.push(`${p}: minimums compatible`);
  if (unknown.length) lines.push(`Compatibility not yet known: ${unknown.join('; ')}`);
  aligned.sort((x, y) => y.al - x.al);
  for (const a of aligned) lines.push(a.text);
  return lines;
}
