// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { fireEvent, screen } from '@solidjs/testing-library';
import { createSignal } from 'solid-js';
import { NumberField, Slider } from '../../src/ui/fields';
import { useAppPerTest } from './appState';

// Each test has a workspace of its own (with the built-in scenario), given through the app context.
const { app, renderInApp } = useAppPerTest();
const workspace = () => app().workspace;

/** A NumberField bound to one actor's capability, reading its value back from the store. */
function renderCapability(actor: number) {
  const { ws } = workspace();
  const name = () => ws.scenarioDoc.actors[actor]!.name;
  renderInApp(() => <NumberField path={['actors', actor, 'capability']} value={ws.scenarioDoc.actors[actor]!.capability} label={`Capability of ${name()}`} />);
  return screen.getByRole('textbox', { name: `Capability of ${name()}` }) as HTMLInputElement;
}

function type(input: HTMLInputElement, text: string) {
  input.value = text;
  fireEvent.change(input);
}

describe('NumberField with the workspace store', () => {
  it('shows the current value of its path', () => {
    const input = renderCapability(0);
    expect(input.value).toBe(String(workspace().ws.scenarioDoc.actors[0]!.capability));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('keeps text that is not a number and names the problem next to the field', () => {
    const input = renderCapability(0);
    type(input, 'abc');
    expect(workspace().ws.scenarioDoc.actors[0]!.capability).toBe('abc');
    const alert = screen.getByRole('alert');
    expect(alert.id).toBe(input.getAttribute('aria-describedby'));
    expect(alert.textContent).toContain('expected a number');
    expect(alert.textContent).toContain('"abc"');
    expect(input.value).toBe('abc');
  });

  it('clears the problem and stores a number once the value is valid again', () => {
    const input = renderCapability(0);
    type(input, 'abc');
    expect(screen.queryByRole('alert')).not.toBeNull();
    type(input, ' 0.42 ');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(workspace().ws.scenarioDoc.actors[0]!.capability).toBe(0.42);
    expect(workspace().problems()).toEqual([]);
  });

  it('names an out-of-range value (capability is above 0 and at most 1)', () => {
    const input = renderCapability(0);
    type(input, '1.5');
    expect(workspace().ws.scenarioDoc.actors[0]!.capability).toBe(1.5);
    expect(screen.getByRole('alert').textContent).toMatch(/above 0 and at most 1.*1\.5/);
    type(input, '0');
    expect(screen.getByRole('alert').textContent).toMatch(/above 0 and at most 1/);
  });

  it('treats an empty field as a problem, not as zero', () => {
    const input = renderCapability(0);
    type(input, '');
    expect(workspace().ws.scenarioDoc.actors[0]!.capability).toBe('');
    expect(screen.getByRole('alert')).toBeTruthy();
  });

  it('shows a problem only next to the field whose path it concerns', () => {
    const first = renderCapability(0);
    const second = renderCapability(1);
    type(second, 'x');
    const alert = screen.getByRole('alert');
    expect(alert.id).toBe(second.getAttribute('aria-describedby'));
    expect(alert.id).not.toBe(first.getAttribute('aria-describedby'));
    expect(document.getElementById(first.getAttribute('aria-describedby')!)).toBeNull();
  });
});

describe('Slider', () => {
  it('places a NaN value at the minimum and prints the raw value', () => {
    renderInApp(() => <Slider label="Weight" value={NaN} min={0.2} max={1} step={0.1} onInput={() => {}} />);
    const range = screen.getByRole('slider', { name: 'Weight' }) as HTMLInputElement;
    expect(range.value).toBe('0.2');
    expect(range.getAttribute('aria-valuetext')).toBe('NaN');
    expect(document.querySelector('output')!.textContent).toBe('NaN');
  });

  it('shows a finite value with two decimals, or the display text when given', () => {
    const [display, setDisplay] = createSignal<string | undefined>(undefined);
    renderInApp(() => <Slider label="Weight" value={0.5} min={0} max={1} step={0.05} display={display()} onInput={() => {}} />);
    const range = screen.getByRole('slider', { name: 'Weight' }) as HTMLInputElement;
    expect(range.value).toBe('0.5');
    expect(document.querySelector('output')!.textContent).toBe('0.50');
    setDisplay('50 %');
    expect(document.querySelector('output')!.textContent).toBe('50 %');
    expect(range.getAttribute('aria-valuetext')).toBe('50 %');
  });

  it('calls onInput with a number when moved', () => {
    const got: unknown[] = [];
    renderInApp(() => <Slider label="Weight" value={0.5} min={0} max={1} step={0.1} onInput={(v) => got.push(v)} />);
    const range = screen.getByRole('slider', { name: 'Weight' }) as HTMLInputElement;
    range.value = '0.7';
    fireEvent.input(range);
    expect(got).toEqual([0.7]);
  });

  it('shows the problems at its path', () => {
    workspace().editDoc(['actors', 2, 'capability'], 'lots');
    renderInApp(() => <Slider label="Capability" value={NaN} min={0} max={1} step={0.05} path={['actors', 2, 'capability']} onInput={() => {}} />);
    expect(screen.getByRole('alert').textContent).toContain('"lots"');
  });
});
