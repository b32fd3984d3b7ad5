/** Form fields that show the scenario problems at their own path, next to themselves. */
import { For, Show, createUniqueId, type JSX } from 'solid-js';
import { useWorkspace } from '../state/context';
import type { Path } from '../state/workspace';
import { pathString } from '../../models/scenario/parse';

export function FieldProblems(props: { path: Path; id?: string }) {
  const { problems } = useWorkspace();
  const mine = () => problems().filter((p) => p.path === pathString(props.path as (string | number)[]));
  return (
    <Show when={mine().length}>
      <ul class="field-problems" id={props.id} role="alert">
        <For each={mine()}>{(p) => <li>{p.message}</li>}</For>
      </ul>
    </Show>
  );
}

/** A number typed by hand: anything that is not a finite number is kept as typed, so the schema names it. */
export function NumberField(props: { path: Path; value: unknown; label: string; step?: number; min?: number; max?: number; width?: string }) {
  const { editDoc } = useWorkspace();
  const id = createUniqueId();
  const err = `${id}-err`;
  return (
    <span class="field">
      <label for={id} class="visually-hidden">
        {props.label}
      </label>
      <input
        id={id}
        type="text"
        inputmode="decimal"
        aria-describedby={err}
        style={{ width: props.width ?? '5.5em' }}
        value={String(props.value ?? '')}
        onChange={(e) => {
          const raw = e.currentTarget.value.trim();
          const n = raw === '' ? NaN : Number(raw);
          editDoc(props.path, Number.isFinite(n) ? n : raw);
        }}
      />
      <FieldProblems path={props.path} id={err} />
    </span>
  );
}

export function Slider(props: {
  label: string;
  value: number;
  min: number;
  max: number;
  step: number;
  onInput: (v: number) => void;
  display?: string;
  hideLabel?: boolean;
  path?: Path;
}): JSX.Element {
  const id = createUniqueId();
  return (
    <span class="slider">
      <label for={id} classList={{ 'visually-hidden': !!props.hideLabel }}>
        {props.label}
      </label>
      <input
        id={id}
        type="range"
        min={props.min}
        max={props.max}
        step={props.step}
        value={Number.isFinite(props.value) ? props.value : props.min}
        aria-valuetext={props.display ?? String(props.value)}
        onInput={(e) => props.onInput(Number(e.currentTarget.value))}
      />
      <output for={id}>{props.display ?? (Number.isFinite(props.value) ? props.value.toFixed(2) : String(props.value))}</output>
      <Show when={props.path}>{(p) => <FieldProblems path={p()} />}</Show>
    </span>
  );
}
