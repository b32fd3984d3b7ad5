/**
 * The teacher's controls, always at hand during a run: close the round now (the rest hold),
 * inject an event — one of the scenario's presets or one's own change to a dimension — and the
 * two undos: the last inject on its own, or the last round (which keeps the injects made in it;
 * only an inject's own undo takes an inject back).
 */
import { For, Show, createSignal } from 'solid-js';
import type { Scenario } from '../../../models/domain/types';
import { checkUndo, lastInject, type Inject } from '../../../models/machines/index';
import { useNotices, usePlay } from '../../state/context';

export function TeacherBar(props: { scenario: Scenario }) {
  const p = usePlay();
  const { notify } = useNotices();
  const phase = () => p.phase();
  const presets = () => props.scenario.injects ?? [];
  const [dim, setDim] = createSignal(props.scenario.dimensions[0]?.id ?? '');
  // The amount as typed: an empty or unreadable field is refused, never read as 0.
  const [delta, setDelta] = createSignal('0.05');
  const [deltaProblem, setDeltaProblem] = createSignal<string | null>(null);
  const [text, setText] = createSignal('');
  let deltaInput: HTMLInputElement | undefined;
  const inject = (i: Inject) => {
    if (p.dispatch({ type: 'INJECT', inject: i })) notify('info', `Injected: ${i.label}`);
  };
  const canInject = () => phase() !== 'ended';
  const standing = () => p.session()?.standing ?? null;
  const undoInject = () => checkUndo(standing(), 'UNDO_INJECT');
  const undoRound = () => checkUndo(standing(), 'UNDO_ROUND');
  const why = (c: { ok: boolean; reason?: string }) => (c.ok ? undefined : c.reason);
  const dimLabel = () => props.scenario.dimensions.find((d) => d.id === dim())?.label ?? dim();
  /** The amount typed, or why it cannot be used. */
  const amount = (): { ok: true; value: number } | { ok: false; problem: string } => {
    const raw = delta().trim();
    if (!raw) return { ok: false, problem: `Enter how much the event moves ${dimLabel()}: a number between −1 and 1, other than 0.` };
    const d = Number(raw);
    if (!Number.isFinite(d) || Math.abs(d) > 1) return { ok: false, problem: `The change must be a number between −1 and 1, got “${raw}”.` };
    if (d === 0) return { ok: false, problem: 'A change of 0 does nothing: enter a number between −1 and 1, other than 0.' };
    return { ok: true, value: d };
  };
  return (
    <details class="card teacher" open>
      <summary>
        <strong>Teacher controls</strong>
      </summary>
      <div class="row">
        <Show when={phase() === 'moves' || phase() === 'offers'}>
          <button type="button" data-testid="close-round" onClick={() => p.dispatch({ type: 'CLOSE_ROUND' })}>
            {phase() === 'moves' ? 'Close the round now (the rest hold)' : 'Close the round now'}
          </button>
        </Show>
        <button
          type="button"
          data-testid="undo-inject"
          disabled={!undoInject().ok}
          title={why(undoInject())}
          onClick={(e) => {
            const button = e.currentTarget;
            const i = lastInject(standing());
            if (!i || !p.dispatch({ type: 'UNDO_INJECT' })) return;
            notify('info', `Undone: the inject “${i.label}”`);
            // With nothing left to undo the button is disabled: keep the focus in the controls.
            queueMicrotask(() => {
              if (button.disabled) button.closest('details')?.querySelector('summary')?.focus();
            });
          }}
        >
          {lastInject(standing()) ? `Undo the last inject (“${lastInject(standing())!.label}”)` : 'Undo the last inject'}
        </button>
        <button type="button" data-testid="undo-round" disabled={!undoRound().ok} title={why(undoRound())} onClick={() => p.dispatch({ type: 'UNDO_ROUND' })}>
          Undo the last round (keeps its injects)
        </button>
      </div>
      <p class="muted small">An inject is undone only by its own undo: undoing a round applies the round's injects again to its briefing.</p>
      <Show when={canInject()}>
        <div class="row injects" role="group" aria-label="Inject an event">
          <span>Inject:</span>
          <For each={presets()}>
            {(i) => (
              <button type="button" data-inject={i.id} onClick={() => inject(i)}>
                {i.label}
              </button>
            )}
          </For>
        </div>
        <form
          class="row"
          aria-label="Inject your own event"
          onSubmit={(e) => {
            e.preventDefault();
            const a = amount();
            if (!a.ok) {
              setDeltaProblem(a.problem);
              deltaInput?.focus();
              return;
            }
            setDeltaProblem(null);
            const d = a.value;
            inject({
              id: `custom-${Date.now().toString(36)}`,
              label: text().trim() || `${dimLabel()} ${d >= 0 ? '+' : ''}${d}`,
              effects: [{ dimension: dim(), delta: d }],
            });
          }}
        >
          <label>
            Event <input type="text" value={text()} placeholder="e.g. Sanctions on Belavia" onInput={(e) => setText(e.currentTarget.value)} />
          </label>
          <label>
            moves{' '}
            <select value={dim()} onChange={(e) => setDim(e.currentTarget.value)}>
              <For each={props.scenario.dimensions}>{(d) => <option value={d.id}>{d.label}</option>}</For>
            </select>
          </label>
          <label>
            by{' '}
            <input
              ref={deltaInput}
              type="number"
              step="0.01"
              min="-1"
              max="1"
              value={delta()}
              style={{ width: '5em' }}
              data-testid="inject-amount"
              aria-invalid={deltaProblem() ? 'true' : undefined}
              aria-describedby={deltaProblem() ? 'inject-amount-problem' : undefined}
              onInput={(e) => {
                setDelta(e.currentTarget.value);
                setDeltaProblem(null);
              }}
            />
          </label>
          <button type="submit" data-testid="inject-custom">
            Inject
          </button>
          <Show when={deltaProblem()}>
            {(m) => (
              <span id="inject-amount-problem" class="field-problems" role="alert" data-testid="inject-amount-problem">
                {m()}
              </span>
            )}
          </Show>
        </form>
      </Show>
    </details>
  );
}
