/**
 * Autosave: the workspace (scenarios, variants, the run's event list, view preferences) lives in
 * IndexedDB and is written as it changes, so a reload restores everything, entered moves included.
 * What is read back is checked like any other input (workspaceRecord.ts) before it is used; a
 * record refused is set aside under a key of its own, never deleted. Workspaces replaced in the
 * app are kept under keys of their own too (recent.ts).
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

/** Open the database ahead of the first read (a failure is reported by the read). */
export function openStore(): void {
  try {
    open().catch(() => undefined);
  } catch {
    // No IndexedDB here: the read says so.
  }
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
    // Copied before the first await, so what is written is the value as it was when saved.
    const copy: unknown = JSON.parse(JSON.stringify(value));
    const tx = (await open()).transaction(STORE, 'readwrite');
    void tx.store.put(copy, key);
    // Committed at once rather than when the request's answer comes back: a page closed or
    // reloaded right after still gets the write.
    tx.commit();
    await tx.done;
    return { ok: true };
  } catch (e) {
    return { ok: false, message: `Could not save to this browser's storage: ${(e as Error).message}` };
  }
}

/** Every record whose key starts with the prefix, in key order. */
export async function listSaved(prefix: string): Promise<{ ok: true; items: { key: string; value: unknown }[] } | { ok: false; message: string }> {
  try {
    const d = await open();
    const range = IDBKeyRange.bound(prefix, `${prefix}\uffff`);
    const tx = d.transaction(STORE, 'readonly');
    const [keys, values] = await Promise.all([tx.store.getAllKeys(range), tx.store.getAll(range)]);
    return { ok: true, items: keys.map((k, i) => ({ key: String(k), value: values[i] as unknown })) };
  } catch (e) {
    return { ok: false, message: `Could not read this browser's storage: ${(e as Error).message}` };
  }
}

export async function removeSaved(key: string): Promise<{ ok: true } | { ok: false; message: string }> {
  try {
    await (await open()).delete(STORE, key);
    return { ok: true };
  } catch (e) {
    return { ok: false, message: `Could not change this browser's storage: ${(e as Error).message}` };
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

/** The storage the recent-workspaces list is kept in (an interface, so tests can hold it in memory). */
export interface KeyStore {
  list: typeof listSaved;
  put: typeof save;
  remove: typeof removeSaved;
}
export const browserStore: KeyStore = { list: listSaved, put: save, remove: removeSaved };
