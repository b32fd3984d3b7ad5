/** Form fields that show the scenario problems at their own path, next to themselves. */
import { For, Show, createUniqueId, type JSX } from 'solid-js';
import { useWorkspace } from '../state/context';
import type { Path } from '../state/workspace';
import { pathString } from '../../models/scenario/parse';

/** The problems at exactly this path (a field's own), for `aria-invalid` and the list beside the field. */
export function useFieldProblems(path: () => Path) {
  const { problems } = useWorkspace();
  return () => {
    const at = pathString(path() as (string | number)[]);
    return problems().filter((p) => p.path === at);
  };
}

export function FieldProblems(props: { path: Path; id?: string }) {
  const mine = useFieldProblems(() => props.path);
  return (
    <Show when={mine().length}>
      <ul class="field-problems" id={props.id} role="alert">
        <For each={mine()}>{(p) => <li title={p.path}>{p.message}</li>}</For>
      </ul>
    </Show>
  );
}

/** A number typed by hand: anything that is not a finite number is kept as typed, so the schema names it. */
export function NumberField(props: { path: Path; value: unknown; label: string; step?: number; min?: number; max?: number; width?: string }) {
  const { editDoc } = useWorkspace();
  const mine = useFieldProblems(() => props.path);
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
        aria-invalid={mine().length > 0 ? 'true' : undefined}
        data-path={pathString(props.path as (string | number)[])}
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

/** A line of text typed by hand (a name): kept as typed, so a blank one is named at the field. */
export function TextField(props: { path: Path; value: unknown; label: string }) {
  const { editDoc } = useWorkspace();
  const mine = useFieldProblems(() => props.path);
  const id = createUniqueId();
  const err = `${id}-err`;
  return (
    <span class="field text-field">
      <label for={id}>{props.label}</label>{' '}
      <input
        id={id}
        type="text"
        aria-describedby={err}
        aria-invalid={mine().length > 0 ? 'true' : undefined}
        data-path={pathString(props.path as (string | number)[])}
        value={String(props.value ?? '')}
        onChange={(e) => editDoc(props.path, e.currentTarget.value)}
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
