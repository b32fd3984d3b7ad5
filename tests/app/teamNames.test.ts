/** Team names at set-up: each given, each its own (compared without case or surrounding spaces). */
import { describe, expect, it } from 'vitest';
import { teamNameProblems } from '../../src/state/play';

describe('teamNameProblems', () => {
  it('accepts distinct names and ignores actors played by bots', () => {
    expect(teamNameProblems({ regime: 'Team A', us: 'Team B', russia: null })).toEqual({});
  });

  it('refuses a name given twice, at the second actor, naming the first', () => {
    expect(teamNameProblems({ regime: 'Team A', us: ' team a ' })).toEqual({
      us: '“team a” already plays regime: on one screen each team needs a name of its own (in a room, one team may play several actors).',
    });
  });

  it('lets a room give one team several actors, but not an empty name', () => {
    expect(teamNameProblems({ regime: 'Team A', us: 'Team A' }, true)).toEqual({});
    expect(teamNameProblems({ regime: 'Team A', us: '' }, true)).toEqual({ us: 'Give the team a name.' });
  });

  it('refuses an empty name', () => {
    expect(teamNameProblems({ regime: '  ', us: 'Team B' })).toEqual({ regime: 'Give the team a name.' });
  });
});
