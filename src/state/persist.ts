/**
 * Autosave: the workspace (scenarios, variants, the run's event list, view preferences) lives in
 * IndexedDB and is written as it changes, so a reload restores everything, entered moves included.
 * What is read back is checked like any other input (workspaceRecord.ts) before it is used; a
 * record refused is set aside under a key of its own, never deleted.
 */
import { openDB, type IDBPDatabase } from 'idb';

const DB = 'coreplay';
const STORE = 'workspace';
let db: Promise<IDBPDatabase> | undefined;

function open(): Promise<IDBPDatabase> {
  db ??= openDB(DB, 1, {
    upgrade(d) {
      d.createObjectStore(STORE);
    },
  });
  return db;
}

export type Saved = { status: 'none' } | { status: 'found'; value: unknown } | { status: 'unreadable'; message: string };

/** What is stored under the key, as stored (unchecked). */
export async function loadSaved(key: string): Promise<Saved> {
  try {
    const value: unknown = await (await open()).get(STORE, key);
    return value === undefined ? { status: 'none' } : { status: 'found', value };
  } catch (e) {
    return { status: 'unreadable', message: `Could not read this browser's storage: ${(e as Error).message}` };
  }
}

export async function save(key: string, value: unknown): Promise<{ ok: true } | { ok: false; message: string }> {
  try {
    await (await open()).put(STORE, JSON.parse(JSON.stringify(value)), key);
    return { ok: true };
  } catch (e) {
    return { ok: false, message: `Could not save to this browser's storage: ${(e as Error).message}` };
  }
}

/**
 * Keep a record that was refused under a key of its own (`<key> refused <ISO time>`), so the
 * autosave of the fresh workspace does not overwrite it; returns that key.
 */
export async function setAside(key: string, value: unknown, at = new Date()): Promise<{ ok: true; key: string } | { ok: false; message: string }> {
  const aside = `${key} refused ${at.toISOString()}`;
  try {
    await (await open()).put(STORE, value, aside);
    return { ok: true, key: aside };
  } catch (e) {
    return { ok: false, message: `Could not keep it aside in this browser's storage: ${(e as Error).message}` };
  }
}
