/**
 * The prebuilt common cores (made at build time by scripts/prebuilt-analyses.ts) are the worker's
 * answers for the unedited built-ins, and are found only for them: an edit or a variant misses.
 */
import { describe, expect, it } from 'vitest';
import { BUILTINS, builtinDoc, parseScenarioStructure } from '../../models/scenario/index';
import type { Scenario } from '../../models/domain/types';
import { analyseCommonCore } from '../../workers/api';
import { prebuiltCommonCore, prebuiltStructure } from '../../src/state/prebuilt';
import { createRoot } from 'solid-js';
import { createWorkspace } from '../../src/state/workspace';
import { freshnessWords } from '../../src/state/analysis';

const parsed = (name: string): Scenario => {
  const r = parseScenarioStructure(builtinDoc(name));
  if (!r.ok) throw new Error(`${name} must parse`);
  return JSON.parse(JSON.stringify(r.doc));
};

describe('prebuilt common cores', () => {
  it.each(Object.keys(BUILTINS))('%s: the prebuilt answer is the one computed now', async (name) => {
    const s = parsed(name);
    const pre = prebuiltCommonCore(JSON.stringify(s), []);
    expect(pre).toBeDefined();
    const now = await analyseCommonCore(s, []);
    if (now.status !== 'ok') throw new Error(now.problem);
    expect(pre!.inputHash).toBe(now.inputHash);
    expect(pre!.readings).toEqual(now.readings);
  });

  it('an edited scenario or chosen variants find none', () => {
    const s = parsed('belarus');
    expect(prebuiltCommonCore(JSON.stringify(s), ['klaipeda-reopens'])).toBeUndefined();
    const first = s.actors[0]!;
    const edited = { ...s, actors: [{ ...first, capability: first.capability === 0.5 ? 0.6 : 0.5 }, ...s.actors.slice(1)] };
    expect(prebuiltCommonCore(JSON.stringify(edited), [])).toBeUndefined();
    const retitled = { ...s, title: `${s.title} (copy)` };
    expect(prebuiltCommonCore(JSON.stringify(retitled), [])).toBeUndefined();
  });
});

describe('prebuilt parses of the built-ins', () => {
  it.each(Object.keys(BUILTINS))('%s: the parse made at build time is the parse made now', (name) => {
    const now = parseScenarioStructure(builtinDoc(name));
    expect(prebuiltStructure(name)).toEqual(now);
    // A copy each time: the workspace's scenario is never shared.
    expect(prebuiltStructure(name)!.doc).not.toBe(prebuiltStructure(name)!.doc);
  });

  it('stands for the scenario of a new workspace only until its document changes', () => {
    createRoot((dispose) => {
      const w = createWorkspace();
      expect(w.scenario()).toEqual(parsed(w.ws.source));
      w.editDoc(['actors', 0, 'name'], 'Renamed');
      expect(w.scenario()!.actors[0]!.name).toBe('Renamed');
      w.editDoc(['actors', 0, 'name'], '');
      expect(w.scenario()).toBeUndefined();
      expect(w.problems().length).toBeGreaterThan(0);
      dispose();
    });
  });

  it('is not found for a name that is no built-in', () => {
    expect(prebuiltStructure('no-such')).toBeUndefined();
    expect(prebuiltStructure('toString')).toBeUndefined();
  });
});

describe('freshness in words', () => {
  it('says nothing for a current answer, and what is wrong otherwise', () => {
    expect(freshnessWords({ freshness: 'current' }, undefined)).toBe('');
    expect(freshnessWords({ freshness: 'updating' }, undefined)).toBe('updating…');
    expect(freshnessWords({ freshness: 'stale' }, 'actors[0].name: expected a name')).toBe(
      'stale: the scenario has a problem — actors[0].name: expected a name',
    );
    expect(freshnessWords({ freshness: 'failed', failure: 'the analysis took over 15 s' }, undefined)).toBe('did not finish: the analysis took over 15 s');
  });
});
