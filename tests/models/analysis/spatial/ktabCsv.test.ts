import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ktabNumber,
  positionLogRows,
  readKtabScenario,
  readPositionLog,
  writeKtabScenario,
  writePositionLog,
  type SmpInput,
} from '../../../../models/analysis/spatial/index';

const dir = resolve(import.meta.dirname, '../../../fixtures/ktab');
const text = (f: string) => readFileSync(join(dir, f), 'utf8');
function scenario(f: string): SmpInput {
  const r = readKtabScenario(text(f));
  if (!r.ok) throw new Error(r.problem);
  return r.value;
}

describe('KTAB scenario files', () => {
  it('reads SOE-Policy: title, one dimension, 26 actors', () => {
    const s = scenario('SOE-Policy.csv');
    expect(s.title).toBe('China Policy; scen 0');
    expect(s.description).toMatch(/^Scenario-000; Appetite for reforming/);
    expect(s.dimensions).toEqual([{ name: 'Policy', positionHeader: 'Policy Position', salienceHeader: 'Policy Salience' }]);
    expect(s.influenceHeader).toBe('Influence');
    expect(s.actors).toHaveLength(26);
    expect(s.actors[0]).toEqual({ name: 'XJ', description: 'Xi Jinping', influence: 100, position: [30], salience: [30] });
    expect(s.actors[25]).toEqual({ name: 'ZGB', description: 'Zhang Guobao - former NDRC; still influential', influence: 15, position: [20], salience: [50] });
  });

  it('reads SOE-Competitive (34 actors) and the three-dimensional example with its own column names', () => {
    expect(scenario('SOE-Competitive.csv').actors).toHaveLength(34);
    const s = scenario('dummyData_3Dim.csv');
    expect(s.title).toBe('DummyData_3Dim');
    expect(s.description).toBe('Dummy scenario to test reading format');
    expect(s.influenceHeader).toBe('Power');
    expect(s.dimensions.map((d) => [d.name, d.positionHeader, d.salienceHeader])).toEqual([
      ['Pstn1', 'Pstn1', 'Sal1'],
      ['Pstn2', 'Pstn2', 'Sal2'],
      ['Pstn3', 'Pstn3', 'Sal3'],
    ]);
    expect(s.actors[0]).toEqual({
      name: 'SActor-00',
      description: 'Random Spatial Actor',
      influence: 102.543,
      position: [75.79, 6.37, 70.45],
      salience: [49.53, 5.91, 28.15],
    });
  });

  it.each(['SOE-Policy.csv', 'SOE-Competitive.csv', 'dummyData_3Dim.csv'])('%s: read → write → read is lossless', (f) => {
    const a = scenario(f);
    const b = readKtabScenario(writeKtabScenario(a));
    expect(b).toEqual({ ok: true, value: a });
  });

  it('writes quotes where a field needs them, and reads them back', () => {
    const s: SmpInput = {
      title: 'A, "quoted" title',
      description: ' padded ',
      dimensions: [{ name: 'Tax' }],
      actors: [{ name: 'Party, left', description: 'says "no"', influence: 0.1 + 0.2, position: [1e-7], salience: [33.333333333333336] }],
    };
    const csv = writeKtabScenario(s);
    expect(csv.split('\n').slice(0, 2)).toEqual(['"A, ""quoted"" title"," padded ",1,1,', 'Actor,Description,Influence,Tax Position,Tax Salience,']);
    const back = readKtabScenario(csv);
    expect(back).toEqual({
      ok: true,
      value: { ...s, dimensions: [{ name: 'Tax', positionHeader: 'Tax Position', salienceHeader: 'Tax Salience' }], influenceHeader: 'Influence' },
    });
  });

  const title = 'T,desc,2,1,';
  const header = 'Actor,Description,Influence,X Position,X Salience,';
  it.each([
    ['', 'the file is empty (expected a title line, a header line and one line per actor)'],
    ['x,y', "line 1: expected the scenario's name, description, number of actors and number of dimensions, found 2 field(s)"],
    ['T,d,two,1', 'line 1, column 3 (number of actors): expected a whole number ≥ 1, got "two"'],
    ['T,d,2,0', 'line 1, column 4 (number of dimensions): expected a whole number ≥ 1, got "0"'],
    [title, 'line 2: the header line is missing (Actor, Description, Influence, then a position and a salience per dimension)'],
    [
      `${title}\nActor,Description,Influence,X Position`,
      'line 2: expected 5 columns (Actor, Description, Influence, then a position and a salience for each of the 1 dimension(s) line 1 declares), found 4',
    ],
    [`${title}\n${header}\nA,a,10,50,50\nB,b,lots,50,50`, 'line 4, column 3 (Influence): expected a number, got "lots"'],
    [`${title}\n${header}\nA,a,10,50,50\nB,b,10,50`, 'line 4: expected 5 columns, found 4 (missing "X Salience")'],
    [`${title}\n${header}\nA,a,10,50,50\nB,b,10,150,50`, 'line 4, column 4 (X Position): a position must lie in [0, 100], got 150'],
    [`${title}\n${header}\nA,a,10,50,50\nB,b,-3,50,50`, 'line 4, column 3 (Influence): influence must be ≥ 0, got -3'],
    [`${title}\n${header}\nA,a,10,50,50\nB,b,3,50,50,7`, 'line 4, column 6: unexpected value "7" after the last dimension\'s salience'],
    [`${title}\n${header}\nA,a,10,50,50\nA,b,3,50,50`, 'line 4, column 1 (Actor): the actor "A" is already named on an earlier line'],
    [`${title}\n${header}\nA,a,10,50,50`, 'line 1, column 3 (number of actors): the title line declares 2 actor(s), but the file has 1 actor line(s)'],
    [`${title}\n${header}\nA,"a,10,50,50`, 'line 3: a quote is not closed'],
    ['T,d,1,2,\nA,D,I,P1,S1,P2,S2,\nA,a,1,50,60,50,60', 'line 3: the saliences sum to 120, more than 100'],
  ])('refuses %j: %s', (csv, problem) => {
    expect(readKtabScenario(csv)).toEqual({ ok: false, problem });
  });
});

describe('KTAB position logs', () => {
  it.each(['SOE-Policy.csv_posLog.csv', 'SOE-Competitive.csv_posLog.csv'])("%s: read → write gives KTAB's text back, and read again the same rows", (f) => {
    const r = readPositionLog(text(f));
    if (!r.ok) throw new Error(r.problem);
    expect(writePositionLog(r.value)).toBe(text(f));
    expect(readPositionLog(writePositionLog(r.value))).toEqual(r);
  });

  it('prints %5.1f as C does (an exact tie to even)', () => {
    expect([0, 5, 20.04, 100, 42.25, 42.75, 0.05, 99.96].map(ktabNumber)).toEqual(['  0.0', '  5.0', ' 20.0', '100.0', ' 42.2', ' 42.8', '  0.1', '100.0']);
  });

  it('labels one line per actor, or per actor and dimension when there are several', () => {
    const p = [[[1, 2]], [[3, 4]]];
    expect(positionLogRows(['A'], ['x', 'y'], p)).toEqual([
      { label: 'A (x)', values: [1, 3] },
      { label: 'A (y)', values: [2, 4] },
    ]);
    expect(writePositionLog(positionLogRows(['A'], ['x'], [[[1]], [[35.55]]]))).toBe('A,  1.0, 35.5\n');
  });

  it('refuses a malformed log with the line and column', () => {
    expect(readPositionLog('A, 1.0, 2.0\nB, 1.0, x')).toEqual({ ok: false, problem: 'line 2, column 3: expected a position, got "x"' });
    expect(readPositionLog('A, 1.0, 2.0\nB, 1.0')).toEqual({ ok: false, problem: 'line 2: 1 turn(s), but line 1 has 2' });
    expect(readPositionLog('\n')).toEqual({ ok: false, problem: 'the file is empty (expected one line per actor)' });
  });
});
