/**
 * Recent workspaces: whenever the workspace is replaced (a built-in picked, a file imported, a
 * link opened, another recent one reopened), the one replaced is kept here first, so a person
 * can reopen it. Each is a record of its own in the persist layer's store (`recent <ISO time>`);
 * the newest RECENT_CAP are kept. What is read back is checked with readWorkspaceRecord like
 * the autosaved workspace; one that does not check out is listed with its problems, not opened.
 */
import { describe as describeValue, formatProblem, within } from '../../models/scenario/index';
import type { Session } from '../../models/machines/index';
import type { KeyStore } from './persist';
import { describeWork, type WorkspaceData } from './workspace';
import { readWorkspaceRecord } from './workspaceRecord';

export const RECENT_PREFIX = 'recent ';
export const RECENT_CAP = 12;

/** One kept workspace, as listed. */
export type RecentItem = {
  key: string;
  /** When it was kept (ISO time). */
  keptAt: string;
  /** Why it was kept ("replaced by “Chicken”"). */
  reason: string;
} & ({ ok: true; title: string; holds: string; data: WorkspaceData; session: Session | null } | { ok: false; title: string; problems: string[] });

/** Keep a workspace in the list (the oldest beyond the cap go); returns its key. */
export async function keepRecent(
  store: KeyStore,
  data: WorkspaceData,
  reason: string,
  now: Date,
): Promise<{ ok: true; key: string } | { ok: false; message: string }> {
  const listed = await store.list(RECENT_PREFIX);
  if (!listed.ok) return listed;
  // A counter after the time keeps two kept within the same millisecond distinct and in order.
  const stamp = `${RECENT_PREFIX}${now.toISOString()} `;
  const same = listed.items.filter((i) => i.key.startsWith(stamp)).map((i) => Number(i.key.slice(stamp.length)) || 0);
  const key = `${stamp}${String(same.length ? Math.max(...same) + 1 : 0).padStart(3, '0')}`;
  const put = await store.put(key, { keptAt: now.toISOString(), reason, workspace: data });
  if (!put.ok) return put;
  const keys = [...listed.items.map((i) => i.key), key].sort();
  for (const old of keys.slice(0, Math.max(0, keys.length - RECENT_CAP))) await store.remove(old);
  return { ok: true, key };
}

/** One stored entry, checked: its own shape, then its workspace as a saved workspace. */
export function readRecent(key: string, value: unknown): RecentItem {
  const keptAt = key.slice(RECENT_PREFIX.length, RECENT_PREFIX.length + 24);
  if (!value || typeof value !== 'object' || Array.isArray(value))
    return { key, keptAt, reason: '', ok: false, title: 'Unreadable entry', problems: [`expected a kept workspace, got ${describeValue(value)}`] };
  const e = value as { keptAt?: unknown; reason?: unknown; workspace?: unknown };
  const base = {
    key,
    keptAt: typeof e.keptAt === 'string' ? e.keptAt : keptAt,
    reason: typeof e.reason === 'string' ? e.reason : '',
  };
  const r = readWorkspaceRecord(e.workspace);
  if (!r.ok) {
    const doc = (e.workspace as { scenarioDoc?: { title?: unknown } } | undefined)?.scenarioDoc;
    const title = typeof doc?.title === 'string' ? doc.title : 'Unreadable workspace';
    return { ...base, ok: false, title, problems: r.problems.map((p) => formatProblem(within(['workspace'], p))) };
  }
  return { ...base, ok: true, title: String(r.data.scenarioDoc.title ?? 'Untitled scenario'), holds: describeWork(r.data), data: r.data, session: r.session };
}

/** Every kept workspace, newest first, each checked. */
export async function listRecent(store: KeyStore): Promise<{ ok: true; items: RecentItem[] } | { ok: false; message: string }> {
  const listed = await store.list(RECENT_PREFIX);
  if (!listed.ok) return listed;
  return { ok: true, items: listed.items.map((i) => readRecent(i.key, i.value)).reverse() };
}
