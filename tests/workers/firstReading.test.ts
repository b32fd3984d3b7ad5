/** The common core sends the chosen variants' reading on its own before the other readings. */
import { describe, expect, it } from 'vitest';
import { builtinDoc, parseScenario } from '../../models/scenario/index';
import { analyseCommonCore, type CommonCoreAnalysis } from '../../workers/api';

describe('the first reading first', () => {
  it('onFirst gets the first reading alone, marked partial, before the whole answer', async () => {
    const parsed = await parseScenario(builtinDoc('belarus'));
    if (!parsed.ok) throw new Error('the Belarus scenario must parse');
    const early: CommonCoreAnalysis[] = [];
    const whole = await analyseCommonCore(parsed.scenario, [], undefined, undefined, (f) => early.push(f));
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
