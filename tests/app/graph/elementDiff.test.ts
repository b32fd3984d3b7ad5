import { beforeAll, describe, expect, it } from 'vitest';
import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
import { diffElements, sameValue, toDefinitions, type HeldElement } from '../../../src/graph/elementDiff';
import { applyElements } from '../../../src/graph/placement';
import { graphElements, type GraphElement, type GraphInput } from '../../../models/graph/index';
import { initialState, type Scenario } from '../../../models/domain/index';
import { parsedBuiltin } from '../../fixtures/builtins';

const node = (id: string, data: Record<string, unknown> = {}, classes = 'actor'): ElementDefinition => ({ group: 'nodes', data: { id, ...data }, classes });
const edge = (id: string, source: string, target: string, data: Record<string, unknown> = {}): ElementDefinition => ({
  group: 'edges',
  data: { id, source, target, ...data },
});
/** What a graph holding these definitions holds. */
const heldOf = (els: ElementDefinition[]) =>
  new Map<string, HeldElement>(
    els.map((e) => [
      String(e.data.id),
      {
        group: e.group!,
        ...(e.data.parent ? { parent: String(e.data.parent) } : {}),
        data: e.data,
        classes: String(e.classes ?? '')
          .split(/\s+/)
          .filter(Boolean),
      },
    ]),
  );

describe('diffElements', () => {
  it('finds nothing to do when the frame is what the graph holds', () => {
    const els = [node('g', {}, 'coalition'), node('a', { parent: 'g', u: 0.5 }), node('b', { u: 0.2 }), edge('e', 'a', 'b', { kind: 'deal' })];
    const p = diffElements(
      heldOf(els),
      els.map((e) => ({ ...e, data: { ...e.data } })),
    );
    expect(p).toEqual({ addTopNodes: [], addChildNodes: [], moves: [], removeEdges: [], removeNodes: [], data: [], classes: [], addEdges: [] });
  });

  it('adds new nodes top-level first, then children, and new edges last', () => {
    const p = diffElements(heldOf([node('a')]), [node('a'), node('c', { parent: 'g' }), node('g', {}, 'coalition'), edge('e', 'a', 'c')]);
    expect(p.addTopNodes.map((e) => e.data.id)).toEqual(['g']);
    expect(p.addChildNodes.map((e) => e.data.id)).toEqual(['c']);
    expect(p.addEdges.map((e) => e.data.id)).toEqual(['e']);
    expect(p.data).toEqual([]);
  });

  it('moves a node that changes compound, into one or out of it', () => {
    const held = heldOf([node('g', {}, 'coalition'), node('h', {}, 'coalition'), node('a', { parent: 'g' }), node('b', { parent: 'g' })]);
    const p = diffElements(held, [node('g', {}, 'coalition'), node('h', {}, 'coalition'), node('a', { parent: 'h' }), node('b')]);
    expect(p.moves).toEqual([
      { id: 'a', parent: 'h' },
      { id: 'b', parent: null },
    ]);
  });

  it('removes what the frame no longer has, edges apart from nodes', () => {
    const p = diffElements(heldOf([node('a'), node('b'), edge('e', 'a', 'b')]), [node('a')]);
    expect(p.removeEdges).toEqual(['e']);
    expect(p.removeNodes).toEqual(['b']);
  });

  it('sets only the data fields that differ (lists by value), never the structural ones', () => {
    const held = heldOf([node('a', { u: 0.5, label: 'A', tags: ['x', 'y'] }), node('b'), edge('e', 'a', 'b', { weight: 0.8 })]);
    const p = diffElements(held, [node('a', { u: 0.6, label: 'A', tags: ['x', 'y'] }), node('b'), edge('e', 'b', 'a', { weight: 0.8 })]);
    expect(p.data).toEqual([{ id: 'a', changed: { u: 0.6 } }]);
  });

  it('sets classes only when the list differs, however it is spaced', () => {
    const held = heldOf([node('a', {}, 'actor hardline'), node('b', {}, 'actor')]);
    const p = diffElements(held, [node('a', {}, '  actor   hardline '), node('b', {}, 'actor engaged')]);
    expect(p.classes).toEqual([{ id: 'b', classes: 'actor engaged' }]);
  });
});

describe('sameValue', () => {
  it('compares scalars by identity and lists element by element', () => {
    expect(sameValue(1, 1)).toBe(true);
    expect(sameValue('1', 1)).toBe(false);
    expect(sameValue(['a', 'b'], ['a', 'b'])).toBe(true);
    expect(sameValue(['a', 'b'], ['b', 'a'])).toBe(false);
    expect(sameValue(['a'], ['a', 'b'])).toBe(false);
  });
});

describe('toDefinitions', () => {
  const els: GraphElement[] = [
    { group: 'nodes', data: { id: 'a', members: ['a'] } as never, classes: 'actor' },
    { group: 'nodes', data: { id: 'b' } as never, classes: 'actor' },
    { group: 'edges', data: { id: 'compat:a|b', source: 'a', target: 'b', kind: 'compatible' } as never, classes: 'compatible' },
    { group: 'edges', data: { id: 'deal:a>b', source: 'a', target: 'b', kind: 'deal' } as never, classes: 'deal' },
  ];

  it('leaves compatible pairs out while they are hidden', () => {
    expect(toDefinitions(els, false).map((e) => e.data.id)).toEqual(['a', 'b', 'deal:a>b']);
    expect(toDefinitions(els, true).map((e) => e.data.id)).toEqual(['a', 'b', 'compat:a|b', 'deal:a>b']);
  });

  it('gives fresh copies, lists included, so Cytoscape can keep them', () => {
    const [a] = toDefinitions(els, true);
    (a!.data.members as string[]).push('z');
    expect((els[0]!.data as unknown as { members: string[] }).members).toEqual(['a']);
  });
});

describe('applyElements on a headless Cytoscape', () => {
  let belarus: Scenario;
  beforeAll(async () => {
    belarus = await parsedBuiltin('belarus');
  });
  const frame = (over: Partial<GraphInput>): ElementDefinition[] =>
    toDefinitions(graphElements({ scenario: belarus, state: initialState(belarus), compatible: () => true, ...over }), true);
  /** What the graph holds, by id: parent, data and classes. */
  const contents = (c: Core) =>
    Object.fromEntries(
      c
        .elements()
        .map((x) => [
          x.id(),
          { parent: x.isNode() && x.parent().nonempty() ? x.parent()[0]!.id() : undefined, data: { ...x.data() }, classes: x.classes().join(' ') },
        ]),
    );
  const expected = (els: ElementDefinition[]) =>
    Object.fromEntries(
      els.map((e) => [
        String(e.data.id),
        {
          parent: e.data.parent as string | undefined,
          data: { ...e.data },
          classes: String(e.classes ?? '')
            .split(/\s+/)
            .filter(Boolean)
            .join(' '),
        },
      ]),
    );

  it('turns one round into the next: coalitions regrouped, postures and links changed', () => {
    // Fresh definitions for each application: Cytoscape keeps (and moves) the ones it is given.
    const a = () =>
      frame({
        postures: { russia: 'hardline' },
        coalitions: [
          { id: 'west', label: 'Coalition A', members: ['ukraine', 'poland', 'lithuania', 'latvia', 'eu', 'us', 'opposition'] },
          { id: 'east', label: 'Coalition B', members: ['russia', 'regime', 'china'] },
        ],
        deals: [{ from: 'us', to: 'regime', label: 'potash for prisoners' }],
      });
    const b = () =>
      frame({
        postures: { russia: 'engaged', regime: 'walkedAway' },
        compatible: (x, y) => !(x === 'russia' && y === 'poland') && !(x === 'poland' && y === 'russia'),
        coalitions: [{ id: 'wide', label: 'Coalition A', members: ['regime', 'us', 'eu', 'poland', 'lithuania'] }],
        threats: [{ from: 'russia', to: 'poland', label: 'Oreshnik' }],
      });
    const c = cytoscape({ headless: true, styleEnabled: false });
    for (const f of [a, b, a, a, b]) {
      c.batch(() => applyElements(c, f()));
      expect(contents(c)).toEqual(expected(f()));
    }
    c.destroy();
  });
});
