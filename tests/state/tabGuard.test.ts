/**
 * Two tabs, one workspace: one tab edits, the other is read-only until it takes over; the
 * editing tab saves before it lets go. Web Locks are modelled by a small in-memory lock manager
 * with the same rules (ifAvailable, a queue, abort); the tabs talk over a real BroadcastChannel.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createRoot } from 'solid-js';
import { createTabGuard, type TabGuardOptions } from '../../src/state/tabGuard';

/** One lock name's worth of the Web Locks rules that the guard relies on. */
function fakeLocks() {
  let held = false;
  const queue: (() => void)[] = [];
  const grant = async (cb: (l: Lock | null) => unknown) => {
    held = true;
    try {
      return await cb({ name: 'x', mode: 'exclusive' } as Lock);
    } finally {
      held = false;
      queue.shift()?.();
    }
  };
  const request = (_name: string, options: LockOptions, cb: (l: Lock | null) => unknown) => {
    if (!held) return grant(cb);
    if (options.ifAvailable) return Promise.resolve(cb(null));
    return new Promise((resolve, reject) => {
      const go = () => resolve(grant(cb));
      queue.push(go);
      options.signal?.addEventListener('abort', () => {
        const i = queue.indexOf(go);
        if (i >= 0) queue.splice(i, 1);
        reject(new DOMException('aborted', 'AbortError'));
      });
    });
  };
  return { request } as unknown as LockManager;
}

const channels: BroadcastChannel[] = [];
afterEach(() => {
  for (const c of channels.splice(0)) c.close();
});

function tab(locks: LockManager, log: string[], name: string, over: Partial<TabGuardOptions> = {}) {
  const channel = new BroadcastChannel('coreplay-test');
  channels.push(channel);
  return createRoot(() =>
    createTabGuard({
      locks,
      channel,
      lockName: 'coreplay-workspace',
      settleMs: 50,
      handOverMs: 1000,
      beforeHandOver: async () => {
        log.push(`${name} saves`);
      },
      afterTakeOver: async () => {
        log.push(`${name} reads`);
      },
      onPeerSaved: () => log.push(`${name} follows`),
      onHandedOver: () => log.push(`${name} handed over`),
      ...over,
    }),
  );
}

const until = async (ok: () => boolean) => {
  for (let i = 0; i < 200 && !ok(); i++) await new Promise((r) => setTimeout(r, 5));
};

describe('createTabGuard', () => {
  it('makes the first tab the editor and the second read-only; the second takes over after the first saved', async () => {
    const locks = fakeLocks();
    const log: string[] = [];
    const a = tab(locks, log, 'A');
    const b = tab(locks, log, 'B');
    expect(await a.start()).toBe('editor');
    expect(await b.start()).toBe('viewer');
    a.announceSaved();
    await until(() => log.includes('B follows'));
    expect(log).toEqual(['B follows']);
    expect(await b.takeOver()).toBe(true);
    expect(log).toEqual(['B follows', 'A saves', 'A handed over', 'B reads']);
    expect(a.role()).toBe('viewer');
    expect(b.role()).toBe('editor');
    // And back again.
    expect(await a.takeOver()).toBe(true);
    expect(log.slice(4)).toEqual(['B saves', 'B handed over', 'A reads']);
    expect([a.role(), b.role()]).toEqual(['editor', 'viewer']);
  });

  it('is read-only while the hand-over is saving, so no edit is made after the save', async () => {
    const locks = fakeLocks();
    const roles: string[] = [];
    const log: string[] = [];
    let a: ReturnType<typeof tab> | undefined;
    a = tab(locks, log, 'A', {
      beforeHandOver: async () => {
        roles.push(a!.role());
      },
    });
    const b = tab(locks, log, 'B');
    await a.start();
    await b.start();
    await b.takeOver();
    expect(roles).toEqual(['viewer']);
  });

  it('gives the lock to a tab started while the one before it is still letting go', async () => {
    const locks = fakeLocks();
    const log: string[] = [];
    const old = tab(locks, log, 'old');
    await old.start();
    const fresh = tab(locks, log, 'new', { settleMs: 500 });
    const started = fresh.start();
    old.dispose();
    expect(await started).toBe('editor');
  });

  it('says so when the editing tab does not hand over in time', async () => {
    const locks = fakeLocks();
    const log: string[] = [];
    const a = tab(locks, log, 'A', { beforeHandOver: () => new Promise(() => undefined) });
    const b = tab(locks, log, 'B', { handOverMs: 100 });
    await a.start();
    await b.start();
    expect(await b.takeOver()).toBe(false);
    expect(b.role()).toBe('viewer');
  });

  it('lets every tab edit where the browser has no Web Locks', async () => {
    const g = tab(undefined as unknown as LockManager, [], 'A', { locks: undefined });
    expect(g.role()).toBe('editor');
    expect(await g.start()).toBe('editor');
  });
});

describe('a tab closed while it waits for the lock', () => {
  it('lets the lock go when it is granted after all, so the next tab edits', async () => {
    const locks = fakeLocks();
    const log: string[] = [];
    const old = tab(locks, log, 'old');
    await old.start();
    // Waits for the old tab's lock, and is gone before it gets it.
    const gone = tab(locks, log, 'gone', { settleMs: 500 });
    const waited = gone.start();
    gone.dispose();
    old.dispose();
    expect(await waited).toBe('viewer');
    const next = tab(locks, log, 'next');
    expect(await next.start()).toBe('editor');
  });
});
