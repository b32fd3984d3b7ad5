/**
 * A saved workspace read back from IndexedDB is checked like any other input: what is wrong is
 * named by its path in the record; a draft with text in a number field is still a draft.
 */
import { describe, expect, it } from 'vitest';
import { readWorkspaceRecord } from '../../src/state/workspaceRecord';
import { freshWorkspace } from '../../src/state/workspace';
import { december2025Run } from '../../models/machines/index';
import { builtinDoc } from '../../models/scenario/index';

const record = () => JSON.parse(JSON.stringify(freshWorkspace())) as Record<string, any>;
const refused = (input: unknown) => {
  const r = readWorkspaceRecord(input);
  if (r.ok) throw new Error('expected a refusal');
  return r.problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message));
};

describe('readWorkspaceRecord', () => {
  it('takes a saved workspace as it was saved', () => {
    const saved = record();
    saved.prefs = { largeText: true, tab: 'edit' };
    saved.variants = ['klaipeda-reopens'];
    const r = readWorkspaceRecord(saved);
    if (!r.ok) throw new Error(r.problem);
    expect(r.data).toEqual(saved);
    expect(r.session).toBeNull();
  });

  it('keeps a draft with text being typed into a number, so Edit can show the problem', () => {
    const saved = record();
    saved.scenarioDoc.actors[0].capability = 'abc';
    saved.scenarioDoc.actors[3].minimum[1].rhs = '';
    const r = readWorkspaceRecord(saved);
    if (!r.ok) throw new Error(r.problem);
    expect(r.data.scenarioDoc.actors[0]!.capability).toBe('abc');
  });

  it('fills the fields an older record lacks from a fresh workspace', () => {
    const saved = record();
    delete saved.pair;
    delete saved.compare;
    const r = readWorkspaceRecord(saved);
    if (!r.ok) throw new Error(r.problem);
    expect(r.data.pair).toEqual(freshWorkspace().pair);
    expect(r.data.compare).toEqual(freshWorkspace().compare);
  });

  it('refuses what is not a workspace at all', () => {
    expect(refused('hello')).toEqual(['expected a saved workspace, got "hello"']);
    expect(refused([1])).toEqual(['expected a saved workspace, got an array']);
    expect(refused(null)).toEqual(['expected a saved workspace, got null']);
  });

  it('refuses another version', () => {
    expect(refused({ ...record(), version: 2 })).toEqual(['version: expected version 1, got 2']);
  });

  it('names a record of the wrong shape by path', () => {
    const saved = record();
    saved.prefs.tab = 'settings';
    saved.extra = true;
    delete saved.scenarioDoc;
    expect(refused(saved)).toEqual([
      'scenarioDoc: required, but missing',
      'prefs.tab: expected a tab (play, edit, analyse, compare), got "settings"',
      'extra: unknown key (not part of a saved workspace)',
    ]);
  });

  it('names a malformed scenario by its path in the record', () => {
    const saved = record();
    saved.scenarioDoc.actors[2].minimum = 'x';
    saved.scenarioDoc.moves[0].effects[0] = 7;
    saved.scenarioDoc.dimensions[1].label = 3;
    expect(refused(saved)).toEqual([
      'scenarioDoc.dimensions[1].label: expected a string, got 3',
      'scenarioDoc.actors[2].minimum: expected an array, got "x"',
      expect.stringMatching(/^scenarioDoc\.moves\[0\]\.effects\[0\]: /),
    ]);
  });

  it('loads the saved run, every event replayed, and gives its session', () => {
    const saved = record();
    saved.run = december2025Run(builtinDoc('belarus'));
    const r = readWorkspaceRecord(saved);
    if (!r.ok) throw new Error(r.problem);
    expect(r.session?.run.events).toHaveLength(saved.run.events.length);
    expect(r.data.run).toEqual(saved.run);
  });

  it('refuses a malformed run, naming it by its path in the record', () => {
    const saved = record();
    const run = december2025Run(builtinDoc('belarus'));
    saved.run = { ...run, events: run.events.map((e, i) => (i === 1 ? { ...e, move: 'lift_potash_sanctions' } : e)) };
    const problems = refused(saved);
    expect(problems).toHaveLength(1);
    // The rest of the wording is the run check's (tests/models/machines).
    expect(problems[0]).toMatch(/^run\./);
    saved.run = { ...run, seed: -1 };
    expect(refused(saved)[0]).toMatch(/^run\.seed: /);
  });
});
