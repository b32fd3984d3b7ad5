/** Messages for the banner: errors that must not pass silently, and short confirmations. */
import { createSignal } from 'solid-js';

export interface Notice {
  id: number;
  kind: 'error' | 'info';
  title: string;
  lines: string[];
}

const [notices, setNotices] = createSignal<Notice[]>([]);
let next = 1;

export { notices };

export function notify(kind: Notice['kind'], title: string, lines: string[] = []): number {
  const id = next++;
  setNotices((n) => [...n.filter((x) => x.title !== title), { id, kind, title, lines: lines.slice(0, 20) }]);
  return id;
}

export function dismiss(id: number): void {
  setNotices((n) => n.filter((x) => x.id !== id));
}

export function dismissTitled(title: string): void {
  setNotices((n) => n.filter((x) => x.title !== title));
}
