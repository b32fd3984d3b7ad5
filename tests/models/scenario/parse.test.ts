import { describe, expect, it } from 'vitest';
import { BUILTINS, builtinDoc, formatProblem, parseScenario, parseScenarioStructure, exportScenario, LIMITS } from '../../../models/scenario/index';

type Doc = Record<string, any>;
const base = (): Doc => builtinDoc('prisoners-dilemma') as Doc;
const belarus = (): Doc => builtinDoc('belarus') as Doc;

async function problems(doc: unknown): Promise<string[]> {
  const r = await parseScenario(doc);
  if (r.ok) return [];
  return r.problems.map(formatProblem);
}

describe('parseScenario rejects bad input with path-precise messages', () => {
  it('a string where a number belongs', async () => {
    const d = belarus();
    d.actors[3].minimum[1].rhs = 'x';
    expect(await problems(d)).toEqual(['actors[3].minimum[1].rhs: expected a number, got "x"']);
  });

  it('NaN and Infinity', async () => {
    const d = base();
    d.actors[0].capability = NaN;
    d.actors[1].patience = Infinity;
    expect(await problems(d)).toEqual(['actors[0].capability: expected a number, got NaN', 'actors[1].patience: expected a finite number, got Infinity']);
  });

  it('out-of-range values', async () => {
    const d = base();
    d.actors[0].ideal.gain_a = 1.5;
    d.initialState.gain_b = -0.2;
    d.actors[1].patience = 1;
    expect(await problems(d)).toEqual([
      'actors[0].ideal.gain_a: expected a number from 0 to 1, got 1.5',
      'actors[1].patience: expected a number strictly between 0 and 1, got 1',
      'initialState.gain_b: expected a number from 0 to 1, got -0.2',
    ]);
  });

  it('unknown actor, dimension and asset references', async () => {
    const d = belarus();
    d.moves[0].actor = 'atlantis';
    d.moves[1].effects[0].dimension = 'happiness';
    d.moves[2].asset = 'gold';
    d.assets[1].owner = 'nobody';
    expect(await problems(d)).toEqual([
      'assets[1].owner: unknown actor "nobody"',
      'moves[0].actor: unknown actor "atlantis"',
      'moves[0].asset: asset "political_prisoners" belongs to "regime", not to "atlantis"',
      'moves[1].effects[0].dimension: unknown dimension "happiness"',
      'moves[2].asset: unknown asset "gold"',
      'moves[2].uses: expected an asset with a quantity to use up',
    ]);
  });

  it('an unknown key in an ideal point', async () => {
    const d = base();
    d.actors[0].ideal.gain_c = 0.5;
    expect(await problems(d)).toEqual(['actors[0].ideal.gain_c: unknown dimension "gain_c"']);
  });

  it('duplicate ids', async () => {
    const d = belarus();
    d.actors[4].id = 'poland';
    const p = await problems(d);
    expect(p[0]).toBe('actors[4].id: duplicate id "poland" (also at actors[3])');
  });

  it('saliences that do not sum to 1', async () => {
    const d = base();
    d.actors[0].salience = { gain_a: 0.7, gain_b: 0.5 };
    expect(await problems(d)).toEqual(['actors[0].salience: saliences sum to 1.2; expected them to sum to 1']);
  });

  it('a minimum that is empty by itself', async () => {
    const d = belarus();
    d.actors[0].minimum.push({ id: 'impossible', label: 'Regime: both at once', coeffs: { sovereignty: 1 }, op: '<=', rhs: 0.1, source: 'assumption: test' });
    expect(await problems(d)).toEqual([`actors[0].minimum: no outcome satisfies all of "regime"'s minimum constraints (the set is empty)`]);
  });

  it('oversize input', async () => {
    const text = ' '.repeat(LIMITS.textChars + 1);
    expect(await problems(text)).toEqual(['scenario too large: 2,000,001 characters (the limit is 2,000,000)']);
    const d = base();
    d.dimensions = Array.from({ length: LIMITS.dimensions + 1 }, (_, i) => ({ ...d.dimensions[0], id: `d${i}` }));
    expect((await problems(d))[0]).toBe('dimensions: expected at most 64 dimensions, got 65');
    let deep: unknown = 1;
    for (let i = 0; i < 40; i++) deep = [deep];
    expect(await problems({ ...base(), description: deep })).toEqual(['scenario nested too deeply: more than 32 levels']);
  });

  it('not JSON, not an object, wrong or future version', async () => {
    expect(await problems('{"format":')).toEqual([expect.stringMatching(/^not valid JSON: /)]);
    expect(await problems([1, 2])).toEqual(['expected a scenario object, got an array']);
    expect(await problems({ ...base(), version: 7 })).toEqual(['version: version 7 is newer than this app reads (up to 1)']);
    const { version: _drop, ...noVersion } = base();
    expect(await problems(noVersion)).toEqual(['version: expected a format version (a whole number from 1), got nothing']);
  });

  it('unknown keys and a missing field', async () => {
    const d = base();
    d.actors[0].favouriteColour = 'blue';
    delete d.actors[1].patience;
    expect(await problems(d)).toEqual([
      'actors[0].favouriteColour: unknown key (not part of the scenario format)',
      'actors[1].patience: required, but missing',
    ]);
  });

  it('a source note that names no listed source', async () => {
    const d = belarus();
    d.facts[0].source = 'seed:999_unknown';
    expect(await problems(d)).toEqual(['facts[0].source: names source "999_unknown", which is not in sources']);
  });
});

describe('built-in scenarios', () => {
  it.each(Object.keys(BUILTINS))('%s parses, freezes and round-trips', async (name) => {
    const r = await parseScenario(builtinDoc(name));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(Object.isFrozen(r.scenario.actors[0]!.minimum)).toBe(true);
    const again = await parseScenario(exportScenario(r.scenario));
    expect(again.ok && again.scenario).toEqual(r.scenario);
  });

  it('structure-only parsing agrees with the full parse on the built-ins', () => {
    for (const name of Object.keys(BUILTINS)) expect(parseScenarioStructure(builtinDoc(name)).ok).toBe(true);
  });
});
