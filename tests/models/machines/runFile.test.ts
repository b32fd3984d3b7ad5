import { describe, expect, it } from 'vitest';
import { checkRun, december2025Run, parseRunHeader, type Run } from '../../../models/machines/index';
import { builtinDoc, formatProblem } from '../../../models/scenario/index';
import { belarus } from './fixtures';

type Doc = Record<string, any>;
const run = (): Doc => december2025Run(builtinDoc('belarus')) as unknown as Doc;
const EVENT_TYPES = 'START_ROUND, COMMIT_MOVE, CLOSE_ROUND, OFFER, ANSWER, COUNTER, END_OFFERS, NEXT_ROUND, INJECT, UNDO_ROUND or UNDO_INJECT';

/** Every problem of a run file, worded as the app shows it (one line each). */
async function problems(doc: unknown): Promise<string[]> {
  const h = parseRunHeader(doc);
  if (!h.ok) return h.problems.map(formatProblem);
  const r = checkRun(h.run, await belarus());
  return r.ok ? [] : r.problems.map(formatProblem);
}

const withEvents = (...events: unknown[]): Doc => ({ ...run(), events });

describe('run files are refused with path-precise problems, worded like scenario files', () => {
  it.each([
    ['a seed out of range', { ...run(), seed: -1 }, ['seed: expected a seed ≥ 0, got -1']],
    [
      'a missing field',
      (() => {
        const d = run();
        delete d.roundLimit;
        return d;
      })(),
      ['roundLimit: required, but missing'],
    ],
    ['a key the format does not have', { ...run(), colour: 'red' }, ['colour: unknown key (not part of the run format)']],
    [
      'a seat of an unknown kind',
      { ...run(), seats: { regime: { kind: 'robot' } } },
      ['seats.regime.kind: expected a seat { kind: "team" | "bot", … }, got "robot"'],
    ],
    [
      'a bot without a known strategy, on a seat whose id needs brackets',
      { ...run(), seats: { 'a-b': { kind: 'bot', strategy: 'luck' } } },
      ['seats["a-b"].strategy: expected a bot strategy (best-response, equilibrium, tit-for-tat, random), got "luck"'],
    ],
    [
      'several header problems at once',
      { ...run(), seed: 1.5, roundLimit: 0 },
      ['seed: expected an integer seed, got 1.5', 'roundLimit: expected at least 1 round, got 0'],
    ],
    ['not a run at all', [1, 2], ['expected a run object, got an array']],
    [
      'a seat for an actor the scenario does not have',
      { ...run(), seats: { atlantis: { kind: 'team', team: 'A' } } },
      ['seats.atlantis: unknown actor "atlantis"'],
    ],
    [
      'an event without a required field',
      withEvents({ type: 'START_ROUND' }, { type: 'COMMIT_MOVE', actor: 'regime' }),
      ['events[1].move: required, but missing'],
    ],
    [
      'an event with a key the format does not have',
      withEvents({ type: 'START_ROUND', colour: 'red' }),
      ['events[0].colour: unknown key (not part of the run format)'],
    ],
    ['an event of an unknown type', withEvents({ type: 'DANCE' }), [`events[0].type: expected an event type: ${EVENT_TYPES}, got "DANCE"`]],
    ['an event that is not an object', withEvents(5), [`events[0]: expected an event type: ${EVENT_TYPES}, got 5`]],
    [
      'a malformed offer',
      withEvents(
        { type: 'START_ROUND' },
        { type: 'CLOSE_ROUND' },
        { type: 'OFFER', offer: { id: 'o1', from: 5, to: 'regime', give: 'ease_potash_partial', get: 'release_50' } },
      ),
      ['events[2].offer.from: expected a string id, got 5'],
    ],
    [
      'an event in the wrong phase',
      withEvents({ type: 'END_OFFERS' }),
      ['events[0]: END_OFFERS is rejected: ending the offers is not possible during the brief phase (only during offers)'],
    ],
    [
      'a move before the round is open',
      withEvents({ type: 'COMMIT_MOVE', actor: 'regime', move: 'release_50' }),
      ['events[0]: COMMIT_MOVE is rejected: the round is not open yet: no moves can be entered during the brief phase'],
    ],
    ['an undo with no round to undo', withEvents({ type: 'UNDO_ROUND' }), ['events[0]: UNDO_ROUND is rejected: there is no round to undo']],
    [
      'an offer the domain refuses',
      withEvents(
        { type: 'START_ROUND' },
        { type: 'CLOSE_ROUND' },
        { type: 'OFFER', offer: { id: 'o1', from: 'us', to: 'us', give: 'ease_potash_partial', get: 'release_50' } },
      ),
      ['events[2]: OFFER is rejected: an offer needs two different actors'],
    ],
    [
      'a tampered move, the first bad event named',
      (() => {
        const d = run();
        d.events[8] = { ...d.events[8], move: 'release_300', actor: 'us' };
        return d;
      })(),
      ['events[8]: COMMIT_MOVE is rejected: "Release 300 political prisoners" is regime\'s move, not us\'s'],
    ],
  ] as [string, unknown, string[]][])('%s', async (_, doc, expected) => {
    expect(await problems(doc)).toEqual(expected);
  });

  it('JSON text that does not parse', async () => {
    expect(await problems('{')).toEqual([expect.stringMatching(/^not valid JSON: /)]);
  });

  it('the failure also carries the problems on one line, for callers that show or throw one message', () => {
    expect(parseRunHeader({ ...run(), seed: 1.5, roundLimit: 0 })).toEqual({
      ok: false,
      problems: [
        { path: 'seed', message: 'expected an integer seed, got 1.5' },
        { path: 'roundLimit', message: 'expected at least 1 round, got 0' },
      ],
      problem: 'seed: expected an integer seed, got 1.5 (and 1 more)',
    });
  });

  it('the December 2025 run itself has no problem', async () => {
    expect(await problems(run() as unknown as Run)).toEqual([]);
  });
});
