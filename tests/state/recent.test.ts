/**
 * The recent-workspaces list: what is kept, how many, in what order, and how each entry is
 * checked when read back (a refused one is listed with its problems, never opened).
 */
import { describe, expect, it } from 'vitest';
import { keepRecent, listRecent, readRecent, RECENT_CAP, RECENT_PREFIX } from '../../src/state/recent';
import type { KeyStore } from '../../src/state/persist';
import { docWorkspace, freshWorkspace } from '../../src/state/workspace';
import { builtinDoc } from '../../models/scenario/index';
import { december2025Run } from '../../models/machines/index';
import type { ScenarioDraft } from '../../src/state/draft';

/** The persist layer's interface over a Map, as IndexedDB would hold it (copies, keys in order). */
function memoryStore(failPut = false) {
  const map = new Map<string, unknown>();
  const store: KeyStore = {
    list: async (prefix) => ({
      ok: true,
      items: [...map.keys()]
        .filter((k) => k.startsWith(prefix))
        .sort()
        .map((key) => ({ key, value: structuredClone(map.get(key)) })),
    }),
    put: async (key, value) => {
      if (failPut) return { ok: false, message: 'Could not save to this browser’s storage: quota exceeded' };
      map.set(key, JSON.parse(JSON.stringify(value)));
      return { ok: true };
    },
    remove: async (key) => {
      map.delete(key);
      return { ok: true };
    },
  };
  return { map, store };
}

const edited = () => {
  const w = freshWorkspace();
  (w.scenarioDoc.actors[0] as { capability: unknown }).capability = 0.42;
  return w;
};

describe('keepRecent and listRecent', () => {
  it('keep a workspace and read it back checked, newest first', async () => {
    const { store } = memoryStore();
    const a = await keepRecent(store, edited(), 'replaced by “Chicken”', new Date('2026-03-01T10:00:00.000Z'));
    const b = await keepRecent(
      store,
      docWorkspace(builtinDoc('chicken') as ScenarioDraft, 'file:c.json'),
      'replaced by a link',
      new Date('2026-03-01T11:00:00.000Z'),
    );
    expect(a).toEqual({ ok: true, key: `${RECENT_PREFIX}2026-03-01T10:00:00.000Z 000` });
    expect(b.ok).toBe(true);
    const l = await listRecent(store);
    if (!l.ok) throw new Error(l.message);
    expect(l.items.map((i) => [i.title, i.reason, i.keptAt])).toEqual([
      ['Chicken', 'replaced by a link', '2026-03-01T11:00:00.000Z'],
      ['Belarus 2025–2026', 'replaced by “Chicken”', '2026-03-01T10:00:00.000Z'],
    ]);
    const old = l.items[1]!;
    if (!old.ok) throw new Error('expected a readable entry');
    expect(old.holds).toBe('edits to the scenario');
    expect((old.data.scenarioDoc.actors[0] as { capability: unknown }).capability).toBe(0.42);
  });

  it('keep a run, which replays when read back', async () => {
    const { store } = memoryStore();
    const w = freshWorkspace();
    w.run = december2025Run(builtinDoc('belarus'));
    await keepRecent(store, w, 'replaced', new Date('2026-03-01T10:00:00.000Z'));
    const l = await listRecent(store);
    if (!l.ok) throw new Error(l.message);
    const item = l.items[0]!;
    if (!item.ok) throw new Error('expected a readable entry');
    expect(item.session?.run.events.length).toBe(w.run.events.length);
    expect(item.holds).toMatch(/^a class run of \d+ rounds?$/);
  });

  it(`keep the newest ${RECENT_CAP}, and distinct keys for two kept in the same millisecond`, async () => {
    const { map, store } = memoryStore();
    const at = new Date('2026-03-01T10:00:00.000Z');
    for (let i = 0; i < RECENT_CAP + 3; i++) await keepRecent(store, edited(), `number ${i}`, at);
    expect(map.size).toBe(RECENT_CAP);
    const l = await listRecent(store);
    if (!l.ok) throw new Error(l.message);
    expect(l.items.map((i) => i.reason)).toEqual(Array.from({ length: RECENT_CAP }, (_, i) => `number ${RECENT_CAP + 2 - i}`));
  });

  it('say so when the storage refuses, and keep nothing', async () => {
    const { map, store } = memoryStore(true);
    expect(await keepRecent(store, edited(), 'x', new Date())).toEqual({ ok: false, message: 'Could not save to this browser’s storage: quota exceeded' });
    expect(map.size).toBe(0);
  });
});

describe('readRecent', () => {
  it('lists an entry that does not check out with its problems, by path', () => {
    const w = JSON.parse(JSON.stringify(freshWorkspace()));
    w.scenarioDoc.actors[2].minimum = 'x';
    const r = readRecent(`${RECENT_PREFIX}2026-03-01T10:00:00.000Z`, { keptAt: '2026-03-01T10:00:00.000Z', reason: 'r', workspace: w });
    expect(r.ok).toBe(false);
    expect(r.title).toBe('Belarus 2025–2026');
    expect((r as { problems: string[] }).problems).toContain('workspace.scenarioDoc.actors[2].minimum: expected an array, got "x"');
  });

  it('refuses what is not an entry at all, and takes the time from the key', () => {
    const r = readRecent(`${RECENT_PREFIX}2026-03-01T10:00:00.000Z`, [1, 2]);
    expect(r).toMatchObject({ ok: false, keptAt: '2026-03-01T10:00:00.000Z', problems: ['expected a kept workspace, got an array'] });
    const run = JSON.parse(JSON.stringify({ ...freshWorkspace(), run: { format: 'coreplay-run' } }));
    const bad = readRecent(`${RECENT_PREFIX}2026-03-01T10:00:00.000Z`, { keptAt: 'x', reason: 'r', workspace: run });
    expect(bad.ok).toBe(false);
    expect((bad as { problems: string[] }).problems.every((p) => p.startsWith('workspace.run'))).toBe(true);
  });
});
