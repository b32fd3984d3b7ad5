import { describe, expect, it } from 'vitest';
import { builtinDoc, formatProblem, parseScenario } from '../../../models/scenario/index';

type Doc = Record<string, any>;

async function problems(doc: unknown): Promise<string[]> {
  const r = await parseScenario(doc);
  return r.ok ? [] : r.problems.map(formatProblem);
}

/** The prisoner's dilemma with an asset each, to hang leverage on. */
function withAssets(): Doc {
  const d = builtinDoc('prisoners-dilemma') as Doc;
  d.assets = d.actors.map((a: { id: string }) => ({ id: `${a.id}-chips`, name: 'Chips', owner: a.id, description: '', source: 'assumption: test' }));
  return d;
}

describe('leverage entries are checked against the actor, its assets and its ideal', () => {
  it('accepts a stock held at the end the actor values', async () => {
    const d = withAssets();
    const a = d.actors[0];
    const dim = d.dimensions[0].id;
    a.ideal[dim] = 1;
    a.leverage = [{ asset: `${a.id}-chips`, dimension: dim, held: 'high', source: 'assumption: test' }];
    expect(await problems(d)).toEqual([]);
  });

  it('refuses an unknown asset, an asset of another actor, an unknown dimension, and an ideal away from the held end', async () => {
    const d = withAssets();
    const [a, b] = d.actors;
    const dim = d.dimensions[0].id;
    a.ideal[dim] = 0.5;
    a.leverage = [
      { asset: 'nothing', dimension: 'nowhere', held: 'high', source: 'assumption: test' },
      { asset: `${b.id}-chips`, dimension: dim, held: 'high', source: 'assumption: test' },
    ];
    expect(await problems(d)).toEqual([
      'actors[0].leverage[0].asset: unknown asset "nothing"',
      'actors[0].leverage[0].dimension: unknown dimension "nowhere"',
      `actors[0].leverage[1].asset: asset "${b.id}-chips" belongs to "${b.id}", not to "${a.id}"`,
      `actors[0].leverage[1].held: a stock held "high" needs the actor's ideal ${dim} at 1, not 0.5`,
    ]);
  });
});
