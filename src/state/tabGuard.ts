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

/** A lock asked for: whether it was granted and, when it was, how to let it go. */
interface Claim {
  got: boolean;
  release?: () => void;
}

/**
 * Ask for the lock: `ifAvailable` only if no tab holds it now, `signal` waiting until it is free
 * or the signal aborts. A granted lock is held until `release` is called.
 */
function claimLock(locks: LockManager | undefined, name: string, mode: { ifAvailable: true } | { signal: AbortSignal }): Promise<Claim> {
  return new Promise<Claim>((resolve) => {
    if (!locks) return resolve({ got: true });
    locks
      .request(name, mode, (lock) => {
        if (!lock) {
          resolve({ got: false });
          return undefined;
        }
        return new Promise<void>((r) => resolve({ got: true, release: r }));
      })
      .catch(() => resolve({ got: false }));
  });
}

export function createTabGuard(o: TabGuardOptions) {
  const [role, setRole] = createSignal<Role>(o.locks ? 'checking' : 'editor');
  let release: (() => void) | undefined;
  let disposed = false;
  /** Ask for the lock; true when granted (it is then held until `release`, or let go at once when the guard is gone). */
  const acquire = async (mode: { ifAvailable: true } | { signal: AbortSignal }): Promise<boolean> => {
    const c = await claimLock(o.locks, o.lockName, mode);
    if (!c.got) return false;
    if (disposed) {
      c.release?.();
      return false;
    }
    release = c.release;
    return true;
  };
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
    disposed = true;
    o.channel?.removeEventListener('message', onMessage);
    o.channel?.close();
    release?.();
  };

  return { role, start, takeOver, announceSaved, dispose };
}

export type TabGuard = ReturnType<typeof createTabGuard>;
