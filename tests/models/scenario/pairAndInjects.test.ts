import { describe, expect, it } from 'vitest';
import { defaultPair } from '../../../models/domain/space';
import { builtinDoc, formatProblem, parseScenario } from '../../../models/scenario/index';

type Doc = Record<string, any>;
const teaching = (): Doc => builtinDoc('prisoners-dilemma') as Doc;

async function parse(doc: unknown) {
  const r = await parseScenario(doc);
  return r.ok ? { ok: true as const, scenario: r.scenario } : { ok: false as const, problems: r.problems.map(formatProblem) };
}

describe('the default pair and preset injects are scenario data', () => {
  it('Belarus names its pair and its injects; a scenario without them falls back to its first two actors and no injects', async () => {
    const b = await parse(builtinDoc('belarus'));
    if (!b.ok) throw new Error(b.problems.join('; '));
    expect(defaultPair(b.scenario)).toEqual(['regime', 'us']);
    expect(b.scenario.injects?.map((i) => i.id)).toContain('eu-extends-potash-sanctions');
    const t = await parse(teaching());
    if (!t.ok) throw new Error(t.problems.join('; '));
    expect(defaultPair(t.scenario)).toEqual([t.scenario.actors[0]!.id, t.scenario.actors[1]!.id]);
    expect(t.scenario.injects).toBeUndefined();
  });

  it('a teaching game may name its own pair and injects', async () => {
    const d = teaching();
    const [a, b] = d.actors.map((x: { id: string }) => x.id);
    d.defaultPair = [b, a];
    d.injects = [{ id: 'shock', label: 'A shock', effects: [{ dimension: d.dimensions[0].id, delta: 0.1 }], postures: { [a]: 'hardline' } }];
    const r = await parse(d);
    if (!r.ok) throw new Error(r.problems.join('; '));
    expect(defaultPair(r.scenario)).toEqual([b, a]);
    expect(r.scenario.injects?.[0]?.label).toBe('A shock');
  });

  it('refuses a pair or an inject that names what the scenario does not have', async () => {
    const d = teaching();
    d.defaultPair = [d.actors[0].id, 'nobody'];
    d.injects = [
      { id: 'x', label: 'X', effects: [{ dimension: 'nowhere', delta: 0.1 }], postures: { ghost: 'engaged' } },
      { id: 'x', label: 'again' },
    ];
    const r = await parse(d);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toEqual([
      'defaultPair[1]: unknown actor "nobody"',
      'injects[1].id: duplicate id "x" (also at injects[0])',
      'injects[0].effects[0].dimension: unknown dimension "nowhere"',
      'injects[0].postures.ghost: unknown actor "ghost"',
    ]);
  });

  it('refuses a pair of one actor twice and an inject with a posture that is not one', async () => {
    const d = teaching();
    d.defaultPair = [d.actors[0].id, d.actors[0].id];
    d.injects = [{ id: 'x', label: 'X', postures: { [d.actors[0].id]: 'furious' } }];
    const r = await parse(d);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toEqual([
      'defaultPair: expected two different actors, got Array',
      `injects[0].postures.${d.actors[0].id}: expected a posture (engaged, hedging, hardline, walkedAway), got "furious"`,
    ]);
  });
});
