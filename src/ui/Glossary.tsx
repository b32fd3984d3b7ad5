/**
 * The glossary, opened at an entry from any term that carries a "?" (see `Term`), or whole from
 * the first screen. One modal dialog per page: it keeps the focus inside while open, closes on
 * Escape, and gives the focus back to the "?" that opened it.
 */
import { For, createEffect, createSignal, type JSX } from 'solid-js';
import { GLOSSARY, glossaryEntry } from './glossaryEntries';

/** The entry the glossary is open at ('' for the top), or null while it is closed. */
const [openAt, setOpenAt] = createSignal<string | null>(null);

export function openGlossary(id = ''): void {
  // Setting the same entry twice must still reopen and scroll, so clear first.
  setOpenAt(null);
  setOpenAt(id);
}

/**
 * A term of the analysis with a small "?" that opens the glossary at its entry. The "?" is drawn
 * by the stylesheet, so the term's text reads the same to anything that reads the text.
 */
export function Term(props: { id: string; children?: JSX.Element }) {
  const entry = glossaryEntry(props.id);
  return (
    <span class="term">
      {props.children ?? entry?.term}
      <button
        type="button"
        class="term-help"
        data-term={props.id}
        aria-haspopup="dialog"
        aria-label={`What is “${entry?.term ?? props.id}”? Open the glossary`}
        title={entry ? `${entry.term}: open the glossary` : undefined}
        onClick={() => openGlossary(props.id)}
      />
    </span>
  );
}

/**
 * Where the focus goes back on close: the "?" that opened the glossary or, when the card around
 * it was redrawn meanwhile (a new answer arrived), the same term's "?" in the same reading. A card
 * caught in the middle of its redraw has none for a moment: then the next frames look again (for
 * up to about a second), unless the focus has gone somewhere else meanwhile.
 */
function focusBack(opener: HTMLElement | null, reading: string | undefined, frames = 60): void {
  if (!opener) return;
  if (opener.isConnected) {
    opener.focus();
    return;
  }
  const term = opener.dataset.term;
  if (!term) return;
  const same = [...document.querySelectorAll<HTMLElement>(`button.term-help[data-term="${CSS.escape(term)}"]`)];
  const back = same.find((b) => b.closest<HTMLElement>('[data-reading]')?.dataset.reading === reading) ?? same[0];
  if (back) back.focus();
  else if (frames > 0)
    requestAnimationFrame(() => {
      const lost = document.activeElement === null || document.activeElement === document.body;
      if (lost) focusBack(opener, reading, frames - 1);
    });
}

export function GlossaryDialog() {
  let dialog: HTMLDialogElement | undefined;
  let opener: HTMLElement | null = null;
  // Read when the glossary opens, since the card around the opener may be gone by the time it closes.
  let openerReading: string | undefined;
  createEffect(() => {
    const id = openAt();
    if (id === null || !dialog) return;
    if (!dialog.open) {
      opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      openerReading = opener?.closest<HTMLElement>('[data-reading]')?.dataset.reading;
      dialog.showModal();
    }
    const target = (id && dialog.querySelector<HTMLElement>(`#glossary-${CSS.escape(id)}`)) || dialog.querySelector<HTMLElement>('h2');
    target?.scrollIntoView({ block: 'start' });
    target?.focus();
  });
  return (
    <dialog
      ref={dialog}
      class="glossary"
      aria-labelledby="glossary-title"
      onClose={() => {
        setOpenAt(null);
        focusBack(opener, openerReading);
        opener = null;
      }}
      data-testid="glossary"
    >
      <div class="glossary-head">
        <h2 id="glossary-title" tabIndex={-1}>
          Glossary
        </h2>
        <button type="button" class="glossary-close" onClick={() => dialog?.close()}>
          Close
        </button>
      </div>
      <dl>
        <For each={GLOSSARY}>
          {(e) => (
            <>
              <dt id={`glossary-${e.id}`} tabIndex={-1} classList={{ current: openAt() === e.id }}>
                {e.term}
              </dt>
              <dd>{e.text}</dd>
            </>
          )}
        </For>
      </dl>
    </dialog>
  );
}
