/**
 * Autosave: the workspace (scenarios, variants, the run's event list, view preferences) lives in
 * IndexedDB and is written as it changes, so a reload restores everything, entered moves included.
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

export async function loadSaved<T>(key: string): Promise<T | undefined> {
  try {
    return (await (await open()).get(STORE, key)) as T | undefined;
  } catch {
    return undefined;
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

export async function clearSaved(key: string): Promise<void> {
  try {
    await (await open()).delete(STORE, key);
  } catch {
    /* nothing saved */
  }
}
