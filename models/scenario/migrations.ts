/**
 * Versioned migrations. A scenario file carries `version`; each entry here lifts a document
 * from version k to k + 1. Version 1 is the first format, so the table is empty: the hook is
 * in place so that a later format change never strands saved scenarios.
 */
export const CURRENT_VERSION = 1;

type Json = Record<string, unknown>;
export const MIGRATIONS: Readonly<Record<number, (doc: Json) => Json>> = {};

export type MigrationResult = { ok: true; doc: Json; migratedFrom?: number } | { ok: false; path: string; message: string };

export function migrate(doc: Json): MigrationResult {
  const version = doc['version'];
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    return { ok: false, path: 'version', message: `expected a format version (a whole number from 1), got ${describe(version)}` };
  if (version > CURRENT_VERSION) return { ok: false, path: 'version', message: `version ${version} is newer than this app reads (up to ${CURRENT_VERSION})` };
  let out = doc;
  for (let k = version; k < CURRENT_VERSION; k++) {
    const step = MIGRATIONS[k];
    if (!step) return { ok: false, path: 'version', message: `no migration from version ${k}` };
    out = step(out);
  }
  return version === CURRENT_VERSION ? { ok: true, doc: out } : { ok: true, doc: out, migratedFrom: version };
}

export function describe(x: unknown): string {
  if (x === undefined) return 'nothing';
  if (typeof x === 'number' && !Number.isFinite(x)) return String(x);
  if (typeof x === 'string') return JSON.stringify(x.length > 40 ? x.slice(0, 40) + '…' : x);
  if (Array.isArray(x)) return 'an array';
  if (x === null) return 'null';
  if (typeof x === 'object') return 'an object';
  return String(x);
}
