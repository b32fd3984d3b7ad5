/** The common core sends the chosen variants' reading on its own before the other readings. */
import { describe, expect, it } from 'vitest';
import { parsedBuiltin } from '../fixtures/builtins';
import { analyseCommonCore, type CommonCoreAnalysis } from '../../workers/api';

describe('the first reading first', () => {
  it('onFirst gets the first reading alone, marked partial, before the whole answer', async () => {
    const scenario = await parsedBuiltin('belarus');
    const early: CommonCoreAnalysis[] = [];
    const whole = await analyseCommonCore(scenario, [], undefined, undefined, (f) => early.push(f));
    if (whole.status !== 'ok') throw new Error(whole.problem);
    expect(whole.readings.length).toBeGreaterThan(1);
    expect(whole.partial).toBeUndefined();
    expect(early).toHaveLength(1);
    const first = early[0]!;
    if (first.status !== 'ok') throw new Error(first.problem);
    expect(first.partial).toBe(true);
    expect(first.readings).toEqual([whole.readings[0]]);
    expect(first.inputHash).toBe(whole.inputHash);
  });
});
