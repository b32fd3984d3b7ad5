/**
 * One editor per workspace. The workspace lives in this browser's storage, shared by every tab
 * of the app, so two tabs editing it would overwrite each other's edits. The tab holding the
 * Web Lock edits and autosaves; any other tab shows the workspace read-only and follows the
 * editor's saves (BroadcastChannel). "Use it here" hands over: the editor saves what it has,
 * becomes read-only and releases the lock; the tab taking over reads the saved workspace back
 * before it edits. Where the browser has no Web Locks, every tab edits, as before.
 */
import { createSignal } from 'solid-js';

/** `checking`: the lock was asked for and has not been granted yet (the page is read-only meanwhile). */
export type Role = 'checking' | 'editor' | 'viewer';

type Message = { type: 'hand-over' } | { type: 'saved' };

export interface TabGuardOptions {
  locks: LockManager | undefined;
  channel: BroadcastChannel | undefined;
  lockName: string;
  /**
   * How long a starting tab waits for a lock that is held before it takes the workspace as open
   * elsewhere: a reloaded page's predecessor may still hold it for a moment.
   */
  settleMs: number;
  /** How long "Use it here" waits for the editing tab to hand over. */
  handOverMs: number;
  /** Save what this tab holds: it is handing over (called after the tab turned read-only). */
  beforeHandOver: () => Promise<void>;
  /** Read the saved workspace back: this tab is about to edit. */
  afterTakeOver: () => Promise<void>;
  /** The editing tab saved: a read-only tab shows what it saved. */
  onPeerSaved: () => void;
  /** This tab handed the workspace over to another. */
  onHandedOver: () => void;
}

export function createTabGuard(o: TabGuardOptions) {
  const [role, setRole] = createSignal<Role>(o.locks ? 'checking' : 'editor');
  let release: (() => void) | undefined;

  /** Ask for the lock; true when granted (it is then held until `release`). */
  const acquire = (mode: { ifAvailable: true } | { signal: AbortSignal }) =>
    new Promise<boolean>((resolve) => {
      const locks = o.locks;
      if (!locks) return resolve(true);
      locks
        .request(o.lockName, mode, (lock) => {
          if (!lock) {
            resolve(false);
            return undefined;
          }
          resolve(true);
          return new Promise<void>((r) => {
            release = r;
          });
        })
        .catch(() => resolve(false));
    });

  /** Find out whether this tab edits: at once when no other tab holds the workspace. */
  const start = async (): Promise<Role> => {
    if (!o.locks) return 'editor';
    const got = (await acquire({ ifAvailable: true })) || (await acquire({ signal: AbortSignal.timeout(o.settleMs) }));
    setRole(got ? 'editor' : 'viewer');
    return role();
  };

  const handOver = async () => {
    // Read-only first, so no edit is made after the save that goes with the workspace.
    setRole('viewer');
    await o.beforeHandOver();
    release?.();
    release = undefined;
    o.onHandedOver();
  };

  /** Take the workspace over from the tab editing it; false when that tab did not hand over in time. */
  const takeOver = async (): Promise<boolean> => {
    if (!o.locks || role() === 'editor') return true;
    setRole('checking');
    const granted = acquire({ signal: AbortSignal.timeout(o.handOverMs) });
    o.channel?.postMessage({ type: 'hand-over' } satisfies Message);
    if (!(await granted)) {
      setRole('viewer');
      return false;
    }
    await o.afterTakeOver();
    setRole('editor');
    return true;
  };

  const onMessage = (e: MessageEvent) => {
    const m = e.data as Partial<Message> | null;
    if (m?.type === 'hand-over' && role() === 'editor') void handOver();
    else if (m?.type === 'saved' && role() === 'viewer') o.onPeerSaved();
  };
  o.channel?.addEventListener('message', onMessage);

  /** Tell read-only tabs that the workspace was saved. */
  const announceSaved = () => {
    if (role() === 'editor') o.channel?.postMessage({ type: 'saved' } satisfies Message);
  };

  const dispose = () => {
    o.channel?.removeEventListener('message', onMessage);
    o.channel?.close();
    release?.();
  };

  return { role, start, takeOver, announceSaved, dispose };
}

export type TabGuard = ReturnType<typeof createTabGuard>;
