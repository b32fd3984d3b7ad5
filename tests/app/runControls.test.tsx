// @vitest-environment jsdom
/**
 * The Play tab's offers and teacher's controls read the class run and the notices from the app
 * context: rendered inside a provider, their clicks become the run's events.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { fireEvent, screen, within } from '@solidjs/testing-library';
import { Offers } from '../../src/views/play/Offers';
import { TeacherBar } from '../../src/views/play/TeacherBar';
import { defaultSetup } from '../../src/views/play/Setup';
import { builtinDoc } from '../../models/scenario/index';
import { parsedBuiltin } from '../fixtures/builtins';
import type { Scenario } from '../../models/domain/types';
import { useAppPerTest } from './appState';

const { app, renderInApp } = useAppPerTest();

let scenario: Scenario;
beforeAll(async () => {
  scenario = await parsedBuiltin('belarus');
});

/** A class run of Belarus (teams for the regime and the US, bots for the rest). */
function startRun() {
  const setup = defaultSetup(scenario);
  app().play.start(scenario, builtinDoc('belarus'), [], setup);
  const s = app().play.session();
  if (!s) throw new Error('the run did not start');
  return s;
}
const events = () =>
  app()
    .play.session()!
    .run.events.map((e) => e.type);

describe('TeacherBar', () => {
  it('injects a preset event into the run and says so in the banner', () => {
    startRun();
    renderInApp(() => <TeacherBar scenario={scenario} />);
    const preset = scenario.injects![0]!;
    fireEvent.click(screen.getByRole('button', { name: preset.label }));
    expect(events()).toEqual(['INJECT']);
    expect(
      app()
        .notices.notices()
        .map((n) => n.title),
    ).toContain(`Injected: ${preset.label}`);
  });

  it('undoes the last round once one was started', () => {
    startRun();
    renderInApp(() => <TeacherBar scenario={scenario} />);
    const undo = screen.getByRole('button', { name: 'Undo the last round (keeps its injects)' }) as HTMLButtonElement;
    expect(undo.disabled).toBe(true);
    app().play.dispatch({ type: 'START_ROUND' });
    expect(undo.disabled).toBe(false);
    fireEvent.click(undo);
    expect(app().play.phase()).toBe('brief');
  });

  it('undoes the last inject on its own, and keeps it when the round is undone', () => {
    startRun();
    renderInApp(() => <TeacherBar scenario={scenario} />);
    const preset = scenario.injects![0]!;
    app().play.dispatch({ type: 'START_ROUND' });
    fireEvent.click(screen.getByRole('button', { name: preset.label }));
    fireEvent.click(screen.getByRole('button', { name: 'Undo the last round (keeps its injects)' }));
    expect(app().play.phase()).toBe('brief');
    const undoInject = screen.getByRole('button', { name: `Undo the last inject (“${preset.label}”)` }) as HTMLButtonElement;
    fireEvent.click(undoInject);
    expect(app().play.session()!.snapshot.context.injects).toEqual([]);
    expect(undoInject.disabled).toBe(true);
    expect(undoInject.textContent).toBe('Undo the last inject');
  });

  it('refuses an inject whose amount is empty, at the field', () => {
    startRun();
    renderInApp(() => <TeacherBar scenario={scenario} />);
    const amount = screen.getByTestId('inject-amount') as HTMLInputElement;
    fireEvent.input(amount, { target: { value: '' } });
    fireEvent.click(screen.getByTestId('inject-custom'));
    expect(events()).toEqual([]);
    expect(screen.getByTestId('inject-amount-problem').textContent).toMatch(/^Enter how much the event moves /);
    expect(amount.getAttribute('aria-invalid')).toBe('true');
  });
});

describe('Offers', () => {
  it('makes an offer from one team to the other, which the other accepts', () => {
    startRun();
    const p = app().play;
    p.dispatch({ type: 'START_ROUND' });
    p.dispatch({ type: 'COMMIT_MOVE', actor: 'regime', move: 'hold', by: 'team' });
    p.dispatch({ type: 'COMMIT_MOVE', actor: 'us', move: 'hold', by: 'team' });
    expect(p.phase()).toBe('offers');
    renderInApp(() => <Offers scenario={scenario} context={p.session()!.snapshot.context} />);
    fireEvent.change(screen.getByLabelText('Offer from'), { target: { value: 'us' } });
    fireEvent.change(screen.getByLabelText('Move offered'), { target: { value: 'ease_potash_partial' } });
    fireEvent.change(screen.getByLabelText('Offer to'), { target: { value: 'regime' } });
    fireEvent.change(screen.getByLabelText('Move asked for'), { target: { value: 'release_300' } });
    fireEvent.click(screen.getByTestId('make-offer'));
    expect(p.session()!.run.events.at(-1)).toEqual({
      type: 'OFFER',
      offer: { id: 'r1-o1', from: 'us', to: 'regime', give: 'ease_potash_partial', get: 'release_300' },
    });
  });

  it('lists the round’s offers with answers for a team they are made to', () => {
    startRun();
    const p = app().play;
    p.dispatch({ type: 'START_ROUND' });
    p.dispatch({ type: 'COMMIT_MOVE', actor: 'regime', move: 'hold', by: 'team' });
    p.dispatch({ type: 'COMMIT_MOVE', actor: 'us', move: 'hold', by: 'team' });
    p.dispatch({ type: 'OFFER', offer: { id: 'r1-o1', from: 'us', to: 'regime', give: 'ease_potash_partial', get: 'release_300' } });
    renderInApp(() => <Offers scenario={scenario} context={p.session()!.snapshot.context} />);
    const list = screen.getByTestId('offer-list');
    expect(within(list).getAllByRole('listitem')).toHaveLength(1);
    fireEvent.click(within(list).getByRole('button', { name: 'Regime accepts' }));
    expect(p.session()!.snapshot.context.offers[0]!.status).toBe('accepted');
  });
});
