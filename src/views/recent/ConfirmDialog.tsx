/**
 * A question asked in the page before something a person made is replaced: a modal dialog
 * (keyboard: Tab between its buttons, Escape cancels), opened with the focus on the choice
 * that changes nothing, and the focus returned where it was when it closes.
 */
import { For, onCleanup, onMount } from 'solid-js';

export interface Ask {
  title: string;
  lines: string[];
  confirm: string;
  cancel: string;
  onConfirm: () => void;
  onCancel: () => void;
}

export function ConfirmDialog(props: { ask: Ask }) {
  let dialog: HTMLDialogElement | undefined;
  let cancel: HTMLButtonElement | undefined;
  const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : undefined;
  onMount(() => {
    if (typeof dialog?.showModal === 'function') dialog.showModal();
    else dialog?.setAttribute('open', '');
    cancel?.focus();
  });
  onCleanup(() => {
    if (dialog?.open && typeof dialog.close === 'function') dialog.close();
    returnTo?.focus();
  });
  return (
    <dialog
      ref={dialog}
      class="confirm-dialog"
      aria-labelledby="confirm-title"
      aria-describedby="confirm-body"
      data-testid="confirm-replace"
      onCancel={(e) => {
        e.preventDefault();
        props.ask.onCancel();
      }}
    >
      <h2 id="confirm-title">{props.ask.title}</h2>
      <div id="confirm-body">
        <For each={props.ask.lines}>{(l) => <p>{l}</p>}</For>
      </div>
      <div class="confirm-actions">
        <button type="button" class="primary" data-testid="confirm-yes" onClick={() => props.ask.onConfirm()}>
          {props.ask.confirm}
        </button>
        <button ref={cancel} type="button" data-testid="confirm-no" onClick={() => props.ask.onCancel()}>
          {props.ask.cancel}
        </button>
      </div>
    </dialog>
  );
}
