/**
 * One team's secret move. Beside the choice the team sees what it is playing for: its goals
 * (where it wants each dimension it cares about, in natural units), its minimum (met or not
 * today), the deals it owes this round, and for every move what that move would do on its own
 * to the team's utility and to the dimensions it cares about. Illegal moves stay listed,
 * disabled, with the reason. Nothing here shows another actor's choice.
 */
import { For, Show, createMemo, createSignal, onMount } from 'solid-js';
import { actorBrief, dealsOwed, movePreview, type MovePreview } from '../../../models/analysis/briefing';
import { checkMove, HOLD, postureWord } from '../../../models/domain/legality';
import { dimensionIndex } from '../../../models/domain/space';
import type { Scenario } from '../../../models/domain/types';
import type { RoundContext } from '../../../models/machines/index';
import { GoalTable } from './GoalTable';
import './reading.css';
import { shortName } from '../../../models/domain/names';

const signed = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(3)}`;

export function MoveEntry(props: { scenario: Scenario; context: RoundContext; actor: string; team: string; onCommit: (move: string) => void }) {
  const [choice, setChoice] = createSignal(HOLD);
  const dims = dimensionIndex(props.scenario);
  const a = () => props.scenario.actors.find((x) => x.id === props.actor)!;
  const moves = () => props.scenario.moves.filter((m) => m.actor === props.actor);
  const name = (id: string) => shortName(props.scenario, id);
  const label = (id: string) => (id === HOLD ? 'Hold' : (props.scenario.moves.find((m) => m.id === id)?.label ?? id));
  const legality = (id: string) =>
    checkMove(props.scenario, dims, props.context.world, props.context.holdings, props.context.postures[props.actor] ?? 'engaged', props.actor, id);
  const brief = createMemo(() => actorBrief(props.scenario, props.actor, props.context.world));
  const owed = createMemo(() => dealsOwed(props.context.due, props.actor));
  const owedTo = (move: string) => owed().filter((d) => d.mine === move);
  const preview = createMemo(() => new Map(moves().map((m) => [m.id, movePreview(props.scenario, props.actor, props.context.world, m)])));
  const now = createMemo(() => movePreview(props.scenario, props.actor, props.context.world, null));
  const metNow = () => now().acceptableBefore;
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
        Posture: <strong>{postureWord(props.context.postures[props.actor] ?? 'engaged')}</strong>. Your utility now:{' '}
        <strong>{now().utilityBefore.toFixed(3)}</strong> (1 is your ideal).{' '}
        {metNow() ? 'Today’s position meets your minimum.' : 'Today’s position does not meet your minimum.'} Your choice stays secret until every move is in.
      </p>
      <Show when={owed().length}>
        <section class="owed" aria-labelledby="owed-title" data-testid="deals-owed">
          <h3 id="owed-title">Deals you owe this round</h3>
          <ul>
            <For each={owed()}>
              {(d) => (
                <li>
                  You promised <strong>{label(d.mine)}</strong>; in return{' '}
                  {Object.entries(d.theirs)
                    .map(([x, m]) => `${name(x)} promised ${label(m)}`)
                    .join(', ')}{' '}
                  (deal of round {d.round}). Breaking it is seen by everyone.
                </li>
              )}
            </For>
          </ul>
        </section>
      </Show>
      <div class="move-entry-grid">
        <fieldset>
          <legend>Choose one move</legend>
          <p class="small muted">Each move shows what it would do on its own, if everyone else held; the others’ moves add their own effects.</p>
          <label class="move-option">
            <input ref={first} type="radio" name="move" value={HOLD} checked={choice() === HOLD} onChange={() => setChoice(HOLD)} /> <strong>Hold</strong>
            <span class="muted"> — do nothing this round: nothing changes from your side</span>
          </label>
          <For each={moves()}>
            {(m) => {
              const l = () => legality(m.id);
              const p = () => preview().get(m.id)!;
              return (
                <label class="move-option" classList={{ illegal: !l().ok, owed: owedTo(m.id).length > 0 }} data-move={m.id}>
                  <input type="radio" name="move" value={m.id} disabled={!l().ok} checked={choice() === m.id} onChange={() => setChoice(m.id)} />{' '}
                  <strong>{m.label}</strong> <span class={`tone tone-${m.tone}`}>{m.tone}</span>
                  <Show when={owedTo(m.id).length}>
                    {' '}
                    <span class="owed-badge">
                      promised to{' '}
                      {owedTo(m.id)
                        .flatMap((d) => Object.keys(d.theirs).map(name))
                        .join(', ')}
                    </span>
                  </Show>
                  <Show when={m.description}>
                    <span class="move-desc small muted">{m.description}</span>
                  </Show>
                  <MoveImpact preview={p()} />
                  <Show when={!l().ok}>
                    <span class="why-not small">{(l() as { reason: string }).reason}</span>
                  </Show>
                </label>
              );
            }}
          </For>
        </fieldset>
        <aside class="goals" aria-labelledby="goals-title" data-testid="own-goals">
          <h3 id="goals-title">What {a().short} wants</h3>
          <p class="small">{a().description}</p>
          <div class="table-scroll">
            <GoalTable goals={brief().goals} />
          </div>
          <h3>Your minimum</h3>
          <p class="small muted">Outcomes outside these conditions are unacceptable to you.</p>
          <ul class="minimum small" data-testid="own-minimum">
            <For each={brief().minimum} fallback={<li>No conditions: every outcome is acceptable.</li>}>
              {(c) => (
                <li classList={{ unmet: !c.met }}>
                  <span class={c.met ? 'yes' : 'no'}>{c.met ? '✓ met' : '✗ unmet'}</span> {c.label} <span class="muted formula">({c.formula})</span>
                </li>
              )}
            </For>
          </ul>
        </aside>
      </div>
      <button type="submit" class="primary big" data-testid="commit-move">
        Commit secretly
      </button>
    </form>
  );
}

/** A move's own effect on the team: its utility, its minimum, and each dimension it moves. */
function MoveImpact(props: { preview: MovePreview }) {
  const p = () => props.preview;
  return (
    <span class="impact small" data-testid="move-impact">
      <span class="impact-utility">
        Your utility {p().utilityBefore.toFixed(3)} → {p().utilityAfter.toFixed(3)}{' '}
        <span class={p().change > 5e-4 ? 'yes' : p().change < -5e-4 ? 'no' : 'muted'}>({signed(p().change)})</span>
        <Show when={p().acceptableBefore && !p().acceptableAfter}>
          <span class="no"> — breaks your minimum</span>
        </Show>
        <Show when={!p().acceptableBefore && p().acceptableAfter}>
          <span class="yes"> — meets your minimum again</span>
        </Show>
      </span>
      <span class="impact-dims">
        <For each={p().changes}>
          {(c) => (
            <span class={`impact-dim ${c.forActor}`} data-dimension={c.dimension}>
              {c.label}: {c.before} → {c.after}{' '}
              <span class="muted">
                {c.forActor === 'closer' ? '(towards your goal)' : c.forActor === 'further' ? '(away from your goal)' : '(you give it no weight)'}
              </span>
            </span>
          )}
        </For>
      </span>
    </span>
  );
}
