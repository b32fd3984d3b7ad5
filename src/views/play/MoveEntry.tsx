/**
 * One team's secret move: every move of the actor with its effects, the illegal ones disabled
 * with the reason, and `hold`. Nothing here shows another actor's choice.
 */
import { For, Show, createSignal, onMount } from 'solid-js';
import { checkMove, HOLD } from '../../../models/domain/legality';
import { dimensionIndex } from '../../../models/domain/space';
import type { Scenario } from '../../../models/domain/types';
import { postureWord } from '../../../models/domain/legality';
import type { RoundContext } from '../../../models/machines/index';

export function MoveEntry(props: { scenario: Scenario; context: RoundContext; actor: string; team: string; onCommit: (move: string) => void }) {
  const [choice, setChoice] = createSignal(HOLD);
  const dims = dimensionIndex(props.scenario);
  const a = () => props.scenario.actors.find((x) => x.id === props.actor)!;
  const moves = () => props.scenario.moves.filter((m) => m.actor === props.actor);
  const legality = (id: string) =>
    checkMove(props.scenario, dims, props.context.world, props.context.holdings, props.context.postures[props.actor] ?? 'engaged', props.actor, id);
  const dimLabel = (id: string) => props.scenario.dimensions.find((d) => d.id === id)?.label ?? id;
  let first: HTMLInputElement | undefined;
  onMount(() => first?.focus());
  return (
    <form
      class="card move-entry"
      aria-labelledby="move-entry-title"
      data-testid="move-entry"
      onSubmit={(e) => {
        e.preventDefault();
        props.onCommit(choice());
      }}
    >
      <h2 id="move-entry-title">
        {props.team}: your move for {a().name}
      </h2>
      <p class="muted">
        Posture: <strong>{postureWord(props.context.postures[props.actor] ?? 'engaged')}</strong>. Your choice stays secret until every move is in.
      </p>
      <fieldset>
        <legend>Choose one move</legend>
        <label class="move-option">
          <input ref={first} type="radio" name="move" value={HOLD} checked={choice() === HOLD} onChange={() => setChoice(HOLD)} /> <strong>Hold</strong>
          <span class="muted"> — do nothing this round</span>
        </label>
        <For each={moves()}>
          {(m) => {
            const l = () => legality(m.id);
            return (
              <label class="move-option" classList={{ illegal: !l().ok }} data-move={m.id}>
                <input type="radio" name="move" value={m.id} disabled={!l().ok} checked={choice() === m.id} onChange={() => setChoice(m.id)} />{' '}
                <strong>{m.label}</strong> <span class={`tone tone-${m.tone}`}>{m.tone}</span>
                <span class="move-effects muted small">
                  {' '}
                  {m.effects
                    .map((e) => `${dimLabel(e.dimension)} ${'delta' in e ? (e.delta >= 0 ? '+' : '−') + Math.abs(e.delta).toFixed(2) : `→ ${e.set}`}`)
                    .join(', ')}
                </span>
                <Show when={!l().ok}>
                  <span class="why-not small">{(l() as { reason: string }).reason}</span>
                </Show>
              </label>
            );
          }}
        </For>
      </fieldset>
      <button type="submit" class="primary big" data-testid="commit-move">
        Commit secretly
      </button>
    </form>
  );
}
