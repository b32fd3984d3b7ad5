/**
 * Keeps the teacher's controls folded away, so a projected screen does not show them, until the
 * teacher opens them; once opened or closed, they stay as the teacher left them while the page
 * is open (a reload folds them again).
 */
import { type JSX, createSignal, onCleanup, onMount } from 'solid-js';

const [open, setOpen] = createSignal(false);

export function TeacherFold(props: { children: JSX.Element }) {
  let box: HTMLDivElement | undefined;
  onMount(() => {
    const details = box?.querySelector('details');
    if (!details) return;
    details.open = open();
    const remember = () => setOpen(details.open);
    details.addEventListener('toggle', remember);
    onCleanup(() => details.removeEventListener('toggle', remember));
  });
  return (
    <div class="teacher-fold" ref={box} data-testid="teacher-controls">
      {props.children}
    </div>
  );
}
