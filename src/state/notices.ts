/** Messages for the banner: errors that must not pass silently, and short confirmations. */
import { createSignal } from 'solid-js';

export interface Notice {
  id: number;
  kind: 'error' | 'info';
  title: string;
  lines: string[];
}

/** The banner's messages; one per page, made at the composition root and reached through the app context. */
export function createNotices() {
  const [notices, setNotices] = createSignal<Notice[]>([]);
  let next = 1;

  /** Show a message (replacing one with the same title); at most 20 lines are kept. */
  const notify = (kind: Notice['kind'], title: string, lines: string[] = []): number => {
    const id = next++;
    setNotices((n) => [...n.filter((x) => x.title !== title), { id, kind, title, lines: lines.slice(0, 20) }]);
    return id;
  };

  const dismiss = (id: number): void => {
    setNotices((n) => n.filter((x) => x.id !== id));
  };

  return { notices, notify, dismiss };
}

export type Notices = ReturnType<typeof createNotices>;
export type Notify = Notices['notify'];
