import { describe, expect, it, beforeAll } from 'vitest';
import fc from 'fast-check';
import cytoscape from 'cytoscape';
import { graphElements, graphSummary, nodeSize, coalitionParents, type GraphInput, type GraphElement } from '../../../models/graph/index';
import { dimensionSeries, utilitySeries } from '../../../models/graph/series';
import { initialState, type Scenario } from '../../../models/domain/index';
import { parsedBuiltin } from '../../fixtures/builtins';

let belarus: Scenario;
beforeAll(async () => {
  belarus = await parsedBuiltin('belarus');
});

const INCOMPATIBLE = new Set(
  ['regime|opposition', 'russia|poland', 'lithuania|russia', 'latvia|russia', 'opposition|russia'].map((k) => k.split('|').sort().join('|')),
);
const compat = (a: string, b: string) => !INCOMPATIBLE.has([a, b].sort().join('|'));

function input(over: Partial<GraphInput> = {}): GraphInput {
  return {
    scenario: belarus,
    state: initialState(belarus),
    compatible: compat,
    postures: { russia: 'hardline', us: 'engaged' },
    coalitions: [
      { id: 'west', label: 'Coalition A', members: ['ukraine', 'poland', 'lithuania', 'latvia', 'eu', 'us', 'opposition'] },
      { id: 'east', label: 'Coalition B', members: ['russia', 'regime', 'china', 'us'] },
    ],
    deals: [{ from: 'us', to: 'regime', label: 'potash relief for 123 prisoners' }],
    threats: [
      { from: 'russia', to: 'poland', label: 'Oreshnik' },
      { from: 'russia', to: 'poland', label: 'troops' },
    ],
    ...over,
  };
}
const ids = (els: GraphElement[]) => els.map((e) => e.data.id);
const byId = (els: GraphElement[]) => new Map(els.map((e) => [e.data.id, e]));

describe('graphElements', () => {
  it('gives stable, unique, documented ids', () => {
    const els = graphElements(input());
    expect(new Set(ids(els)).size).toBe(els.length);
    expect(ids(els)).toContain('actor:regime');
    expect(ids(els)).toContain('compat:poland|russia');
    expect(ids(els)).not.toContain('compat:russia|poland');
    expect(ids(els)).toContain('coalition:west');
    expect(ids(els)).toContain('deal:us>regime');
    expect(ids(els)).toEqual(expect.arrayContaining(['threat:russia>poland', 'threat:russia>poland#1']));
    // Same input → same ids in the same order; other postures/state → same node and compat ids.
    expect(ids(graphElements(input()))).toEqual(ids(els));
    const other = graphElements(input({ postures: { russia: 'engaged' }, state: new Float64Array(belarus.dimensions.length).fill(0.5) }));
    const nodeAndCompat = (xs: GraphElement[]) => ids(xs).filter((i) => /^(actor|coalition|compat):/.test(i));
    expect(nodeAndCompat(other)).toEqual(nodeAndCompat(els));
  });

  it('marks incompatible pairs and leaves unknown pairs out', () => {
    const m = byId(graphElements(input()));
    expect(m.get('compat:poland|russia')!.data).toMatchObject({ kind: 'incompatible', source: 'actor:poland', target: 'actor:russia' });
    expect(m.get('compat:eu|poland')!.data).toMatchObject({ kind: 'compatible' });
    const none = graphElements(input({ compatible: () => undefined }));
    expect(ids(none).some((i) => i.startsWith('compat:'))).toBe(false);
  });

  it('sizes nodes monotonically in capability', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (a, b) => {
        if (a <= b) expect(nodeSize(a)).toBeLessThanOrEqual(nodeSize(b));
      }),
    );
    const nodes = graphElements(input())
      .filter((e) => e.data.kind === 'actor')
      .map((e) => e.data as { capability: number; size: number });
    const sorted = [...nodes].sort((x, y) => x.capability - y.capability);
    for (let i = 1; i < sorted.length; i++) expect(sorted[i]!.size).toBeGreaterThanOrEqual(sorted[i - 1]!.size);
    expect(nodeSize(1)).toBeGreaterThan(nodeSize(0.15));
  });

  it('colours by posture, borders by the actor colour, defaults to hedging', () => {
    const m = byId(graphElements(input()));
    const ru = m.get('actor:russia')!.data as any;
    const cn = m.get('actor:china')!.data as any;
    expect(ru.posture).toBe('hardline');
    expect(cn.posture).toBe('hedging');
    expect(ru.colour).not.toBe(cn.colour);
    expect(ru.border).toBe('#d62728');
  });

  it('puts each actor in the largest coalition containing it (ties by order) and only valid parents', () => {
    const els = graphElements(input());
    const m = byId(els);
    expect((m.get('actor:us')!.data as any).parent).toBe('coalition:west');
    expect((m.get('actor:china')!.data as any).parent).toBe('coalition:east');
    for (const e of els) {
      const p = (e.data as any).parent;
      if (p !== undefined) expect(m.get(p)?.data.kind).toBe('coalition');
    }
    // Every drawn compound has at least two children; a coalition left with one member is not drawn.
    const small = graphElements(
      input({
        coalitions: [
          { id: 'big', label: 'big', members: ['us', 'eu', 'poland'] },
          { id: 'tiny', label: 'tiny', members: ['us', 'china'] },
        ],
      }),
    );
    expect(ids(small)).not.toContain('coalition:tiny');
    expect((byId(small).get('actor:china')!.data as any).parent).toBeUndefined();
    // Ties: the first listed wins.
    const tie = coalitionParents({
      scenario: belarus,
      coalitions: [
        { id: 'x', label: 'x', members: ['eu', 'us'] },
        { id: 'y', label: 'y', members: ['us', 'china'] },
      ],
    });
    expect(tie.get('us')).toBe('x');
  });

  it('loads into headless Cytoscape without errors or dangling references', () => {
    const els = graphElements(input());
    const cy = cytoscape({ headless: true, elements: els.map((e) => ({ ...e, data: { ...e.data } })) as any });
    expect(cy.nodes('[kind = "actor"]').length).toBe(10);
    expect(cy.getElementById('actor:china').parent().first().id()).toBe('coalition:east');
    expect(cy.edges().length).toBe(els.filter((e) => e.group === 'edges').length);
    // Reapplying another round by id keeps the instance and moves parents.
    cy.json({ elements: graphElements(input({ coalitions: [] })).map((e) => ({ ...e, data: { ...e.data } })) } as any);
    expect(cy.getElementById('actor:china').parent().length).toBe(0);
    expect(cy.nodes('[kind = "coalition"]').length).toBe(0);
    cy.destroy();
  });

  it('skips links to unknown actors and self-links', () => {
    const els = graphElements(input({ deals: [{ from: 'us', to: 'nobody', label: 'x' }], threats: [{ from: 'russia', to: 'russia', label: 'y' }] }));
    expect(ids(els).some((i) => i.startsWith('deal:') || i.startsWith('threat:'))).toBe(false);
  });

  it('keeps markup in names as plain strings', () => {
    const evil = '<img src=x onerror=alert(1)>';
    const scenario = { ...belarus, actors: belarus.actors.map((a) => (a.id === 'poland' ? { ...a, name: evil, short: evil } : a)) } as Scenario;
    const inp = input({
      scenario,
      coalitions: [{ id: 'c', label: evil, members: ['poland', 'lithuania'] }],
      deals: [{ from: 'poland', to: 'eu', label: evil }],
    });
    const m = byId(graphElements(inp));
    expect((m.get('actor:poland')!.data as any).label).toBe(evil);
    expect((m.get('actor:poland')!.data as any).name).toBe(evil);
    expect(m.get('coalition:c')!.data.label).toBe(evil);
    expect(m.get('deal:poland>eu')!.data.label).toBe(evil);
    expect(graphSummary(inp).some((l) => l.includes(evil))).toBe(true);
  });
});

describe('graphSummary', () => {
  it('says incompatible pairs, coalitions, deals and threats in words', () => {
    const lines = graphSummary(input());
    expect(lines).toContain('Russia and Poland: minimums incompatible');
    expect(lines.some((l) => l.startsWith('Coalition A {Ukraine, Poland, Lithuania, Latvia, EU, US, Opposition}: minimums compatible; drawn as a group'))).toBe(
      true,
    );
    expect(lines.find((l) => l.startsWith('Coalition B'))).toMatch(/US drawn in a larger group/);
    expect(lines).toContain('Deal: US with Regime: potash relief for 123 prisoners');
    expect(lines).toContain('Threat: Russia against Poland: Oreshnik');
    expect(lines[0]).toMatch(/^Regime: hedging, capability 0\.50, utility \d\.\d\d, state within its minimum$/);
  });
  it('lists unknown compatibility once', () => {
    const lines = graphSummary(input({ compatible: () => undefined }));
    expect(lines.filter((l) => l.startsWith('Compatibility not yet known')).length).toBe(1);
  });
});

describe('chart series', () => {
  it('gives one utility value per actor per round and natural-unit formats', () => {
    const x0 = initialState(belarus);
    const u = utilitySeries(belarus, [x0, x0]);
    expect(u.length).toBe(10);
    expect(u[0]!.values.length).toBe(2);
    const d = dimensionSeries(belarus, [x0]);
    const prisoners = d.find((s) => s.id === 'prisoners')!;
    expect(prisoners.format!(prisoners.values[0]!)).toMatch(/prisoners$/);
  });
});

describe('edge captions', () => {
  it('captions a move aimed at several actors once', () => {
    const els = graphElements(input({ threats: ['poland', 'lithuania', 'latvia'].map((to) => ({ from: 'russia', to, label: 'Deploy Oreshnik' })) }));
    const threats = els.filter((e) => e.data.kind === 'threat').map((e) => (e.data as any).caption);
    expect(threats).toEqual(['Deploy Oreshnik', '', '']);
  });
});
