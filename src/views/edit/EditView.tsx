/**
 * Edit: actors, their ideal points, saliences, minimums, capability and patience, and the
 * moves' effects. Sliders where a value lives in a range; typed fields where an exact number
 * matters. Every change re-runs the analysis (see the live panel); problems show next to the
 * field that has them.
 */
import { For, Show, createMemo, createSignal, type JSX } from 'solid-js';
import { useWorkspace } from '../../state/context';
import type { ScenarioDraft } from '../../state/draft';
import { FieldProblems, NumberField, Slider, TextField } from '../../ui/fields';
import { ordinal, problemInWords } from '../../../models/scenario/problemWords';
import { formatNatural } from '../../../models/domain/space';
import { AssumedBadge } from './Assumed';

type DraftDimension = ScenarioDraft['dimensions'][number];

/** A value in its dimension's natural unit; as it stands while it is not a number. */
function natural(d: DraftDimension, x: unknown): string {
  if (typeof x !== 'number' || !Number.isFinite(x)) return String(x);
  const u = d.unit;
  const unit = u && typeof u.at0 === 'number' && typeof u.at1 === 'number' ? { name: u.name, at0: u.at0, at1: u.at1 } : undefined;
  return formatNatural({ ...d, unit }, x);
}

export function EditView(props: { live?: JSX.Element }) {
  const w = useWorkspace();
  const doc = () => w.ws.scenarioDoc;
  const actors = () => doc().actors;
  const dims = () => doc().dimensions;
  const [selected, setSelected] = createSignal(0);
  const actor = createMemo(() => actors()[Math.min(selected(), actors().length - 1)]);
  const ai = () => Math.min(selected(), actors().length - 1);
  const assetLabel = (id: unknown) => String(doc().assets?.find((x) => x?.id === id)?.name ?? id);
  /** Select an actor; from the keyboard, focus follows the selection (roving tabindex). */
  const choose = (i: number, focus: boolean) => {
    setSelected(i);
    if (focus) document.getElementById(`edit-actor-${i}`)?.focus();
  };
  const onListKey = (e: KeyboardEvent) => {
    const n = actors().length;
    const to =
      e.key === 'ArrowDown'
        ? Math.min(n - 1, ai() + 1)
        : e.key === 'ArrowUp'
          ? Math.max(0, ai() - 1)
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? n - 1
              : undefined;
    if (to === undefined || n === 0) return;
    e.preventDefault();
    choose(to, true);
  };

  return (
    <div class="edit-view">
      <nav class="actor-list" aria-labelledby="edit-actors-title">
        <h2 id="edit-actors-title">Actors</h2>
        {/* The WAI-ARIA listbox pattern: one tab stop (the selected actor), arrows, Home and End move the selection. */}
        <div role="listbox" aria-labelledby="edit-actors-title" aria-orientation="vertical" class="actor-options">
          <For each={actors()}>
            {(a, i) => (
              <div
                role="option"
                id={`edit-actor-${i()}`}
                aria-selected={i() === ai()}
                tabIndex={i() === ai() ? 0 : -1}
                classList={{ selected: i() === ai(), invalid: w.problemsAt(`actors[${i()}]`).length > 0 }}
                data-edit-actor={a.id}
                onClick={() => choose(i(), false)}
                onKeyDown={onListKey}
              >
                {String(a.name ?? a.id) || `${ordinal(i() + 1)} actor (no name)`}
                <Show when={w.problemsAt(`actors[${i()}]`).length}>
                  <span class="badge" aria-hidden="true">
                    !
                  </span>
                  <span class="visually-hidden">(has problems)</span>
                </Show>
              </div>
            )}
          </For>
        </div>
        <p class="problem-count" aria-live="polite">
          {w.problems().length === 0
            ? 'No problems in the scenario.'
            : `${w.problems().length} problem${w.problems().length === 1 ? '' : 's'} in the scenario.`}
        </p>
        <Show when={w.problems().length}>
          <details class="all-problems" open={w.problems().length <= 5}>
            <summary>Show all problems</summary>
            <ul>
              <For each={w.problems()}>
                {(p) => (
                  <li data-testid="problem-in-words" title={w.formatProblem(p)}>
                    {problemInWords(doc(), p)}
                    <Show when={p.path}>
                      <code class="problem-path small muted">{p.path}</code>
                    </Show>
                  </li>
                )}
              </For>
            </ul>
          </details>
        </Show>
      </nav>

      <Show when={actor()}>
        {(a) => (
          <section class="actor-editor" aria-labelledby="actor-editor-title">
            <h2 id="actor-editor-title">
              {String(a().name)}
              <AssumedBadge source={a().source} />
            </h2>
            <p class="muted">{String(a().description ?? '')}</p>
            <div class="row">
              <TextField label="Name" path={['actors', ai(), 'name']} value={a().name} />
            </div>
            <div class="row sliders">
              <Slider
                label="Capability"
                min={0.05}
                max={1}
                step={0.01}
                value={Number(a().capability)}
                path={['actors', ai(), 'capability']}
                onInput={(v) => w.editDoc(['actors', ai(), 'capability'], v)}
              />
              <Slider
                label="Patience (discount factor)"
                min={0.05}
                max={0.99}
                step={0.01}
                value={Number(a().patience)}
                path={['actors', ai(), 'patience']}
                onInput={(v) => w.editDoc(['actors', ai(), 'patience'], v)}
              />
            </div>

            <h3>Preferences</h3>
            <div class="table-scroll">
              <table class="prefs">
                <caption class="visually-hidden">Ideal point and salience per dimension</caption>
                <thead>
                  <tr>
                    <th scope="col">Dimension</th>
                    <th scope="col">Ideal</th>
                    <th scope="col">Salience</th>
                    <th scope="col">Leverage</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={dims()}>
                    {(d) => (
                      <tr>
                        <th scope="row" title={d.description}>
                          {d.label}
                          <AssumedBadge source={d.source} />
                          <div class="muted small">
                            {d.low} → {d.high}
                          </div>
                        </th>
                        <td>
                          <Slider
                            label={`${d.label}: ideal`}
                            hideLabel
                            min={0}
                            max={1}
                            step={0.01}
                            value={Number(a().ideal?.[d.id])}
                            display={natural(d, a().ideal?.[d.id])}
                            path={['actors', ai(), 'ideal', d.id]}
                            onInput={(v) => w.editDoc(['actors', ai(), 'ideal', d.id], v)}
                          />
                        </td>
                        <td>
                          <Slider
                            label={`${d.label}: salience`}
                            hideLabel
                            min={0}
                            max={1}
                            step={0.01}
                            value={Number(a().salience?.[d.id] ?? 0)}
                            display={`${(Number(a().salience?.[d.id] ?? 0) * 100).toFixed(0)}%`}
                            onInput={(v) => w.setSalience(ai(), d.id, v)}
                          />
                        </td>
                        <td class="small" data-testid="leverage-cell">
                          <For each={(a().leverage ?? []).filter((l) => l?.dimension === d.id)}>
                            {(l) => (
                              <div class="leverage" data-asset={String(l.asset)}>
                                Holds {assetLabel(l.asset)} (held end: {l.held === 'low' ? d.low : d.high}); holding value{' '}
                                {(Number(a().salience?.[d.id] ?? 0) * 100).toFixed(0)}%
                                <AssumedBadge source={l.source} />
                              </div>
                            )}
                          </For>
                        </td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </div>
            <FieldProblems path={['actors', ai(), 'salience']} />
            <FieldProblems path={['actors', ai(), 'ideal']} />

            <h3>Minimum: the outcomes {String(a().short ?? a().name)} can accept</h3>
            <Show when={(a().minimum ?? []).length} fallback={<p class="muted">No conditions: every outcome is acceptable.</p>}>
              <div class="table-scroll">
                <table class="minimum">
                  <thead>
                    <tr>
                      <th scope="col">Condition</th>
                      <th scope="col">Terms</th>
                      <th scope="col">Bound</th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={a().minimum}>
                      {(c, j) => (
                        <tr>
                          <td>
                            {String(c.label)}
                            <AssumedBadge source={c.source} />
                            <Show when={c.tags?.length}>
                              <div class="tags">
                                <For each={c.tags}>{(t) => <span class="tag">{t}</span>}</For>
                              </div>
                            </Show>
                          </td>
                          <td>
                            {Object.entries(c.coeffs ?? {})
                              .map(([k, v]) => `${Number(v) === 1 ? '' : `${v}·`}${dims().find((d) => d.id === k)?.label ?? k}`)
                              .join(' + ')}{' '}
                            <select
                              aria-label={`${c.label}: direction`}
                              value={c.op}
                              onChange={(e) => w.editDoc(['actors', ai(), 'minimum', j(), 'op'], e.currentTarget.value)}
                            >
                              <option value="<=">≤</option>
                              <option value=">=">≥</option>
                            </select>
                          </td>
                          <td>
                            <NumberField label={`${c.label}: bound`} path={['actors', ai(), 'minimum', j(), 'rhs']} value={c.rhs} />
                          </td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </div>
            </Show>
            <FieldProblems path={['actors', ai(), 'minimum']} />

            <h3>Moves</h3>
            <MovesEditor actorId={String(a().id)} />
          </section>
        )}
      </Show>
      <aside class="live-panel" aria-label="Live analysis">
        {props.live}
      </aside>
    </div>
  );
}

function MovesEditor(props: { actorId: string }) {
  const w = useWorkspace();
  const moves = () => w.ws.scenarioDoc.moves.map((m, i) => ({ m, i })).filter((x) => x.m.actor === props.actorId);
  const dims = () => w.ws.scenarioDoc.dimensions;
  return (
    <Show when={moves().length} fallback={<p class="muted">This actor has no moves of its own (it can always hold).</p>}>
      <ul class="moves">
        <For each={moves()}>
          {({ m, i }) => (
            <li>
              <strong>{String(m.label)}</strong> <span class={`tone tone-${m.tone}`}>{String(m.tone)}</span>
              <AssumedBadge source={m.source} />
              <div class="effects">
                <For each={m.effects}>
                  {(e, k) => (
                    <span class="effect">
                      {dims().find((d) => d.id === e.dimension)?.label ?? String(e.dimension)} {'set' in e ? '=' : 'by'}{' '}
                      <NumberField
                        label={`${m.label}: effect on ${e.dimension}`}
                        path={['moves', i, 'effects', k(), 'set' in e ? 'set' : 'delta']}
                        value={'set' in e ? e.set : e.delta}
                        width="4.5em"
                      />
                      <FieldProblems path={['moves', i, 'effects', k()]} />
                    </span>
                  )}
                </For>
              </div>
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
}
