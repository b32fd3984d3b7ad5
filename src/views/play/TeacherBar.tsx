/**
 * The teacher's controls, always at hand during a run: close the round now (the rest hold),
 * undo the last round, and inject an event — one of the scenario's presets or one's own
 * change to a dimension.
 */
import { For, Show, createSignal } from 'solid-js';
import type { Scenario } from '../../../models/domain/types';
import type { Inject } from '../../../models/machines/index';
import { useNotices, usePlay } from '../../state/context';

export function TeacherBar(props: { scenario: Scenario }) {
  const p = usePlay();
  const { notify } = useNotices();
  const phase = () => p.phase();
  const presets = () => props.scenario.injects ?? [];
  const [dim, setDim] = createSignal(props.scenario.dimensions[0]?.id ?? '');
  const [delta, setDelta] = createSignal(0.05);
  const [text, setText] = createSignal('');
  const inject = (i: Inject) => {
    if (p.dispatch({ type: 'INJECT', inject: i })) notify('info', `Injected: ${i.label}`);
  };
  const canInject = () => phase() !== 'ended';
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
        <button type="button" data-testid="undo-round" disabled={!p.session()?.starts.length} onClick={() => p.dispatch({ type: 'UNDO_ROUND' })}>
          Undo the last round
        </button>
      </div>
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
            const d = Number(delta());
            if (!Number.isFinite(d) || Math.abs(d) > 1) return notify('error', 'The change must be a number between −1 and 1.');
            inject({
              id: `custom-${Date.now().toString(36)}`,
              label: text().trim() || `${dim()} ${d >= 0 ? '+' : ''}${d}`,
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
              type="number"
              step="0.01"
              min="-1"
              max="1"
              value={delta()}
              style={{ width: '5em' }}
              onInput={(e) => setDelta(Number(e.currentTarget.value))}
            />
          </label>
          <button type="submit">Inject</button>
        </form>
      </Show>
    </details>
  );
}
