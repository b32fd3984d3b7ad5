// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@solidjs/testing-library';
import { createSignal } from 'solid-js';
import { MoveEntry } from '../../src/views/play/MoveEntry';
import { RoundTimer } from '../../src/views/play/Timer';
import { parsedBuiltin } from '../fixtures/builtins';
import { initialContext, type RoundContext } from '../../models/machines/index';
import type { Scenario } from '../../models/domain/types';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

let scenario: Scenario;
let start: RoundContext;
beforeAll(async () => {
  scenario = await parsedBuiltin('belarus');
  start = initialContext({ scenario, seed: 1, roundLimit: 6 });
});

const regimeMoves = () => scenario.moves.filter((m) => m.actor === 'regime');
const radio = (name: RegExp | string) => screen.getByRole('radio', { name }) as HTMLInputElement;

describe('MoveEntry', () => {
  it('offers hold and every move of the actor, and nothing of the other actors', () => {
    render(() => <MoveEntry scenario={scenario} context={start} actor="regime" team="Team A" onCommit={() => {}} />);
    const form = screen.getByRole('form', { name: /Team A: your move for Lukashenka regime/ });
    const radios = within(form).getAllByRole('radio') as HTMLInputElement[];
    expect(radios.map((r) => r.value)).toEqual(['hold', ...regimeMoves().map((m) => m.id)]);
    expect(radios.every((r) => !r.disabled)).toBe(true);
    const russian = scenario.moves.find((m) => m.actor === 'russia')!;
    expect(screen.queryByText(russian.label)).toBeNull();
  });

  it('starts on hold, with the focus on it, and commits hold when nothing else is chosen', () => {
    const commits: string[] = [];
    render(() => <MoveEntry scenario={scenario} context={start} actor="regime" team="Team A" onCommit={(m) => commits.push(m)} />);
    const hold = radio(/Hold/);
    expect(hold.checked).toBe(true);
    expect(document.activeElement).toBe(hold);
    fireEvent.click(screen.getByRole('button', { name: 'Commit secretly' }));
    expect(commits).toEqual(['hold']);
  });

  it('commits the chosen move', () => {
    const commits: string[] = [];
    render(() => <MoveEntry scenario={scenario} context={start} actor="regime" team="Team A" onCommit={(m) => commits.push(m)} />);
    const move = regimeMoves()[1]!;
    fireEvent.click(radio(new RegExp(move.label)));
    expect(radio(new RegExp(move.label)).checked).toBe(true);
    expect(radio(/Hold/).checked).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Commit secretly' }));
    expect(commits).toEqual([move.id]);
  });

  it("lists each move's effects by dimension label", () => {
    render(() => <MoveEntry scenario={scenario} context={start} actor="regime" team="Team A" onCommit={() => {}} />);
    for (const m of regimeMoves()) {
      const option = radio(new RegExp(m.label)).closest('label')!;
      for (const e of m.effects) expect(option.textContent).toContain(scenario.dimensions.find((d) => d.id === e.dimension)!.label);
    }
  });

  it('disables the moves an exhausted asset no longer allows, with the reason', () => {
    // 100 prisoners left: releasing 50 is possible, releasing 123 or 300 is not.
    const context: RoundContext = { ...start, holdings: { ...start.holdings, political_prisoners: { held: true, quantity: 100 } } };
    render(() => <MoveEntry scenario={scenario} context={context} actor="regime" team="Team A" onCommit={() => {}} />);
    expect(radio(/Release 50 political/).disabled).toBe(false);
    for (const label of [/Release 123 political/, /Release 300 political/]) {
      const r = radio(label);
      expect(r.disabled).toBe(true);
      expect(r.closest('label')!.textContent).toMatch(/Political prisoners: \d+ needed, 100 left/);
    }
  });

  it('shows the posture and disables every move a walked-away actor cannot play', () => {
    const context: RoundContext = { ...start, postures: { ...start.postures, regime: 'walkedAway' } };
    render(() => <MoveEntry scenario={scenario} context={context} actor="regime" team="Team A" onCommit={() => {}} />);
    expect(screen.getByText('walked away', { selector: 'strong' })).toBeTruthy();
    const moves = (screen.getAllByRole('radio') as HTMLInputElement[]).filter((r) => r.value !== 'hold');
    expect(moves.length).toBeGreaterThan(0);
    expect(moves.every((r) => r.disabled)).toBe(true);
    expect(radio(/Hold/).disabled).toBe(false);
  });
});

describe('RoundTimer', () => {
  it('counts down to its deadline and says when time is up', () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    const endsAt = Date.now() + 62_000;
    render(() => <RoundTimer endsAt={endsAt} label="Moves" />);
    const timer = screen.getByRole('timer');
    expect(timer.textContent).toBe('Moves: 1:02');
    expect(timer.getAttribute('aria-label')).toBe('Moves: 1:02 left');
    vi.advanceTimersByTime(3000);
    expect(timer.textContent).toBe('Moves: 0:59');
    vi.advanceTimersByTime(59_000);
    expect(timer.textContent).toBe('Moves: Time is up');
    vi.advanceTimersByTime(5000);
    expect(timer.getAttribute('aria-label')).toBe('Moves: 0:00 left');
  });

  it('shows the time left to a deadline set earlier (as after a reload), and follows a new deadline', () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    const [endsAt, setEndsAt] = createSignal(Date.now() + 20_000);
    render(() => <RoundTimer endsAt={endsAt()} label="Offers" />);
    expect(screen.getByRole('timer').textContent).toBe('Offers: 0:20');
    vi.advanceTimersByTime(10_000);
    expect(screen.getByRole('timer').textContent).toBe('Offers: 0:10');
    setEndsAt(Date.now() + 30_000);
    vi.advanceTimersByTime(250);
    expect(screen.getByRole('timer').textContent).toBe('Offers: 0:30');
  });

  it('shows nothing without a deadline', () => {
    render(() => <RoundTimer endsAt={undefined} label="Moves" />);
    expect(screen.queryByRole('timer')).toBeNull();
  });

  it('stops its interval when removed', () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    const endsAt = Date.now() + 30_000;
    const { unmount } = render(() => <RoundTimer endsAt={endsAt} label="Moves" />);
    expect(vi.getTimerCount()).toBe(1);
    unmount();
    expect(vi.getTimerCount()).toBe(0);
  });
});
