/** Whether a workspace holds something a person made, which replacing it must not lose silently. */
import { describe, expect, it } from 'vitest';
import { describeWork, docWorkspace, fingerprint, freshWorkspace, holdsWork, isEdited } from '../../src/state/workspace';
import { builtinDoc } from '../../models/scenario/index';
import { december2025Run } from '../../models/machines/index';
import type { ScenarioDraft } from '../../src/state/draft';

describe('holdsWork', () => {
  it('a built-in as it ships holds nothing; an edit or a run does', () => {
    const w = freshWorkspace('chicken');
    expect(holdsWork(w)).toBe(false);
    expect(describeWork(w)).toBe('the scenario as opened');
    (w.scenarioDoc.actors[0] as { capability: unknown }).capability = 0.9;
    expect(isEdited(w)).toBe(true);
    const r = freshWorkspace();
    r.run = december2025Run(builtinDoc('belarus'));
    expect(isEdited(r)).toBe(false);
    expect(holdsWork(r)).toBe(true);
    expect(describeWork(r)).toMatch(/^a class run of \d+ rounds?$/);
  });

  it('a file as opened holds nothing, whatever order its keys come back in', () => {
    const doc = builtinDoc('prisoners-dilemma') as Record<string, unknown>;
    const w = docWorkspace(doc as unknown as ScenarioDraft, 'file:pd.json');
    expect(holdsWork(w)).toBe(false);
    const reordered = Object.fromEntries(Object.entries(doc).reverse());
    expect(fingerprint(reordered)).toBe(fingerprint(doc));
    expect(holdsWork({ ...w, scenarioDoc: reordered as unknown as ScenarioDraft })).toBe(false);
    expect(holdsWork({ ...w, scenarioDoc: { ...(doc as object), title: 'Changed' } as unknown as ScenarioDraft })).toBe(true);
  });

  it('a scenario whose origin is unknown counts as edited', () => {
    const w = { ...freshWorkspace(), source: 'file:old.json' };
    expect(isEdited(w)).toBe(true);
  });
});
