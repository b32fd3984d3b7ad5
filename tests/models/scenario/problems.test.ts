import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { formatProblem, issueMessage, issueProblem, joinPath, pathString, refusal, within } from '../../../models/scenario/problems';
import * as fromParse from '../../../models/scenario/parse';
import * as problems from '../../../models/scenario/problems';

describe('one path style', () => {
  it.each([
    [['actors', 3, 'minimum', 1, 'rhs'], 'actors[3].minimum[1].rhs'],
    [['seats', 'regime'], 'seats.regime'],
    [['events', 4, 'offer', 'from'], 'events[4].offer.from'],
    [['seats', 'a-b'], 'seats["a-b"]'],
    [['initialState', '1st'], 'initialState["1st"]'],
    [[2], '[2]'],
    [[], ''],
  ] as [(string | number)[], string][])('%j → %s', (keys, path) => {
    expect(pathString(keys)).toBe(path);
  });

  it('extends a path, and places a part’s problem inside the whole', () => {
    expect(joinPath('actors[0].ideal', ['gain-a'])).toBe('actors[0].ideal["gain-a"]');
    expect(joinPath('', ['seats', 'x'])).toBe('seats.x');
    expect(within(['scenario'], { path: 'actors[3].minimum[1].rhs', message: 'm' })).toEqual({ path: 'scenario.actors[3].minimum[1].rhs', message: 'm' });
    expect(within(['scenario'], { path: '', message: 'not valid JSON' })).toEqual({ path: 'scenario', message: 'not valid JSON' });
    expect(within(['events', 2], { path: '[0]', message: 'm' })).toEqual({ path: 'events[2][0]', message: 'm' });
  });

  it('formats a problem as path: message, or the message alone for the input as a whole', () => {
    expect(formatProblem({ path: 'seats.regime', message: 'unknown actor "regime"' })).toBe('seats.regime: unknown actor "regime"');
    expect(formatProblem({ path: '', message: 'not valid JSON: …' })).toBe('not valid JSON: …');
  });
});

describe('valibot issues in Coreplay’s words', () => {
  const Schema = v.strictObject({
    seed: v.pipe(v.number('expected a number'), v.minValue(0, 'expected a seed ≥ 0')),
    seats: v.record(v.string(), v.strictObject({ team: v.string('expected a string') })),
  });
  const issues = (x: unknown) => {
    const r = v.safeParse(Schema, x, { abortPipeEarly: true });
    return r.success ? [] : r.issues;
  };

  it('names the format an unknown key is not part of', () => {
    const [i] = issues({ seed: 1, seats: {}, colour: 'red' });
    expect(issueMessage(i!)).toBe('unknown key (not part of the scenario format)');
    expect(issueMessage(i!, 'run')).toBe('unknown key (not part of the run format)');
    expect(issueProblem(i!, 'run')).toEqual({ path: 'colour', message: 'unknown key (not part of the run format)' });
  });

  it('says what was expected and what was found, at the path below where the value sits', () => {
    expect(issues({ seed: -1, seats: {} }).map((i) => formatProblem(issueProblem(i, 'run')))).toEqual(['seed: expected a seed ≥ 0, got -1']);
    expect(issues({ seats: { 'a-b': {} } }).map((i) => formatProblem(issueProblem(i, 'run', ['header'])))).toEqual([
      'header.seed: required, but missing',
      'header.seats["a-b"].team: required, but missing',
    ]);
    expect(issues({ seed: 1, seats: { x: 5 } }).map((i) => formatProblem(issueProblem(i, 'scenario')))).toEqual(['seats.x: expected an object, got 5']);
  });
});

describe('a refusal', () => {
  it('carries every problem and the same on one line', () => {
    expect(refusal([{ path: 'seed', message: 'a' }])).toEqual({ ok: false, problems: [{ path: 'seed', message: 'a' }], problem: 'seed: a' });
    expect(
      refusal([
        { path: '', message: 'a' },
        { path: 'x', message: 'b' },
        { path: 'y', message: 'c' },
      ]).problem,
    ).toBe('a (and 2 more)');
  });

  it('names at least one problem', () => {
    expect(() => refusal([])).toThrow();
  });
});

it('the scenario parser re-exports the wording it used to define', () => {
  expect(fromParse.formatProblem).toBe(problems.formatProblem);
  expect(fromParse.pathString).toBe(problems.pathString);
  expect(fromParse.issueMessage).toBe(problems.issueMessage);
});
