import { describe, expect, it } from 'vitest';
import { builtinDoc, parseScenario, parseScenarioStructure, pathString } from '../../../models/scenario/index';
import { ordinal, parsePath, placeOf, problemInWords } from '../../../models/scenario/problemWords';

const belarus = () => builtinDoc('belarus') as any;

describe('ordinals', () => {
  it.each([
    [1, '1st'],
    [2, '2nd'],
    [3, '3rd'],
    [4, '4th'],
    [11, '11th'],
    [12, '12th'],
    [13, '13th'],
    [21, '21st'],
    [22, '22nd'],
    [101, '101st'],
    [111, '111th'],
  ])('%i → %s', (n, s) => expect(ordinal(n)).toBe(s));
});

describe('paths read back into keys', () => {
  it.each([
    ['actors[3].minimum[1].rhs', ['actors', 3, 'minimum', 1, 'rhs']],
    ['actors[0].ideal["gain-a"]', ['actors', 0, 'ideal', 'gain-a']],
    ['seats.regime', ['seats', 'regime']],
    ['[2]', [2]],
    ['', []],
  ] as [string, (string | number)[]][])('%s', (path, keys) => {
    expect(parsePath(path)).toEqual(keys);
    expect(pathString(keys)).toBe(path);
  });

  it('refuses what is not a path', () => {
    expect(parsePath('actors[x]')).toBeUndefined();
    expect(parsePath('actors..name')).toBeUndefined();
  });
});

describe('a problem in the words of the scenario', () => {
  it('names an actor’s condition by the actor’s name and the condition’s ordinal', () => {
    const d = belarus();
    d.actors[1].minimum[1].rhs = 'x';
    const r = parseScenarioStructure(d);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => problemInWords(d, p))).toEqual(['Russia › Minimum › 2nd condition › Bound: expected a number, got "x"']);
    // The machine path is still there.
    expect(r.problems[0]!.path).toBe('actors[1].minimum[1].rhs');
  });

  it('names a move’s effect by its owner, its label and the dimension it moves', () => {
    const d = belarus();
    d.moves[8].effects[0].delta = 'abc';
    const r = parseScenarioStructure(d);
    if (r.ok) throw new Error('expected a problem');
    expect(r.problems).toEqual([{ path: 'moves[8].effects[0].delta', message: 'expected a number, got "abc"' }]);
    expect(problemInWords(d, r.problems[0]!)).toBe('Russia › Move “Deploy Oreshnik” › Effect on Russian military use › Change: expected a number, got "abc"');
  });

  it('names an ideal or a salience by the dimension’s label, and follows the actor’s current name', () => {
    const d = belarus();
    d.actors[3].name = 'Polska';
    expect(placeOf(d, 'actors[3].ideal.prisoners')).toEqual(['Polska', 'Ideal point', 'Political prisoners']);
    expect(placeOf(d, 'actors[3].salience')).toEqual(['Polska', 'Salience']);
  });

  it('falls back on the position where the scenario gives no name', () => {
    const d = belarus();
    d.actors[2].name = '';
    d.actors[2].short = '  ';
    d.actors[2].id = '';
    expect(placeOf(d, 'actors[2].name')).toEqual(['3rd actor', 'Name']);
    expect(placeOf({}, 'actors[0].minimum[3].op')).toEqual(['1st actor', 'Minimum', '4th condition', 'Direction']);
    expect(placeOf(null, 'moves[0].effects[1]')).toEqual(['Move “1st”', '2nd effect']);
  });

  it('names the other parts of a scenario', () => {
    const d = belarus();
    expect(placeOf(d, '')).toEqual(['The scenario']);
    expect(placeOf(d, 'title')).toEqual(['Title']);
    expect(placeOf(d, 'dimensions[4].unit.at1')).toEqual(['Dimension “Political prisoners”', 'Natural unit', 'Value at 1']);
    expect(placeOf(d, 'initialState.potash')).toEqual(['Opening state', 'Potash exports']);
    const vi = d.variants.findIndex((x: any) => x.kind === 'reading');
    expect(placeOf(d, `variants[${vi}].ops[0].value`)).toEqual([`Reading “${d.variants[vi].label}”`, '1st change', 'Value']);
    expect(placeOf(d, 'actors')).toEqual(['Actors']);
  });

  it('keeps a path it cannot read as it is', () => {
    expect(placeOf(belarus(), 'actors[x')).toEqual(['actors[x']);
  });
});

describe('checks a teacher meets at the field', () => {
  it('refuses a blank actor name', () => {
    const d = belarus();
    d.actors[1].name = '   ';
    const r = parseScenarioStructure(d);
    if (r.ok) throw new Error('expected a problem');
    expect(r.problems).toEqual([{ path: 'actors[1].name', message: 'expected a name that is not blank, got "   "' }]);
  });

  it.each([
    [-5, '>=', 'every outcome meets'],
    [1e9, '>=', 'no outcome can meet'],
    [-5, '<=', 'no outcome can meet'],
    [1e9, '<=', 'every outcome meets'],
  ] as const)('flags a bound of %d with %s at the bound, saying what the terms can reach', (rhs, op, verdict) => {
    const d = belarus();
    d.actors[1].minimum[1].rhs = rhs;
    d.actors[1].minimum[1].op = op;
    const r = parseScenarioStructure(d);
    if (r.ok) throw new Error('expected a problem');
    expect(r.problems).toEqual([
      { path: 'actors[1].minimum[1].rhs', message: `expected a bound from 0 to 1 (what the terms can reach), got ${rhs}, which ${verdict}` },
    ]);
  });

  it('takes a bound at the edge of what the terms reach, and reaches below 0 for a negative coefficient', async () => {
    const d = belarus();
    d.actors[1].minimum[1].rhs = 1;
    expect(parseScenarioStructure(d).ok).toBe(true);
    d.actors[1].minimum[1].coeffs = { russian_military: 1, sovereignty: -1 };
    d.actors[1].minimum[1].rhs = -0.5;
    expect(parseScenarioStructure(d).ok).toBe(true);
    d.actors[1].minimum[1].rhs = -1.5;
    const r = parseScenarioStructure(d);
    expect(r.ok ? [] : r.problems.map((p) => p.message)).toEqual([
      'expected a bound from -1 to 1 (what the terms can reach), got -1.5, which every outcome meets',
    ]);
  });

  it('flags a bound beside a structural problem elsewhere, so every typed field speaks at once', () => {
    const d = belarus();
    d.moves[8].effects[0].delta = 'abc';
    d.actors[1].minimum[1].rhs = 1e9;
    d.variants.push({
      id: 'x',
      label: 'X',
      kind: 'variant',
      description: '',
      source: 'assumption: t',
      ops: [
        { op: 'addConstraint', actor: 'russia', constraint: { id: 'c', label: 'c', coeffs: { democracy: -2 }, op: '>=', rhs: 1, source: 'assumption: t' } },
      ],
    });
    const r = parseScenarioStructure(d);
    expect(r.ok ? [] : r.problems.map((p) => p.path)).toEqual([
      'moves[8].effects[0].delta',
      'actors[1].minimum[1].rhs',
      `variants[${d.variants.length - 1}].ops[0].constraint.rhs`,
    ]);
  });

  it('every built-in still passes', async () => {
    for (const name of ['belarus', 'prisoners-dilemma', 'chicken', 'battle-of-the-sexes', 'ultimatum']) {
      const r = await parseScenario(builtinDoc(name));
      expect(r.ok ? name : r.problems).toBe(name);
    }
  });

  it('words an effect that fits neither form by what it holds, not as "Object"', () => {
    const d = belarus();
    d.moves[8].effects[0] = { dimension: 'escalation', delta: 0.1, set: 0.2 };
    const r = parseScenarioStructure(d);
    if (r.ok) throw new Error('expected a problem');
    expect(r.problems).toEqual([
      { path: 'moves[8].effects[0]', message: 'expected an effect {dimension, delta} or {dimension, set}, got {dimension, delta, set}' },
    ]);
  });
});
