/**
 * The rules a teacher relies on during a class run: a timer that survives a reload and runs in
 * the offers too; injects undone on their own and kept by a round's undo; no "+0" inject from an
 * empty amount; team names of their own; offers only for actors a team plays; a notice that edits
 * apply to the next run; and the focus following the run, keyboard only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, openPage, screenshot } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const phase = (page: Page) => page.locator('[data-testid=phase]').textContent();

async function enterMove(page: Page, team: string, move = 'hold') {
  await page.getByRole('button', { name: `I am ${team} — show my options` }).click();
  await page.locator('[data-testid=move-entry]').waitFor();
  if (move === 'hold') await page.getByRole('radio', { name: /Hold/ }).check();
  else await page.locator(`[data-move=${move}] input`).check();
  await page.locator('[data-testid=commit-move]').click();
}

/** Seconds left on the timer ("Time for moves: 0:57"). */
/**
 * The timer shows a minute set no earlier than `from` (a Date.now()), less only the time that has
 * passed since: a busy machine may take seconds between the click and the reading.
 */
async function expectFreshMinute(page: Page, from: number) {
  const shown = await timerSeconds(page);
  const passed = (Date.now() - from) / 1000;
  expect(shown).toBeLessThanOrEqual(60);
  expect(shown).toBeGreaterThanOrEqual(60 - Math.ceil(passed) - 1);
}

async function timerSeconds(page: Page): Promise<number> {
  const text = (await page.locator('[data-testid=timer]').textContent()) ?? '';
  const m = /(\d+):(\d\d)$/.exec(text);
  if (!m) throw new Error(`no time on the timer: "${text}"`);
  return Number(m[1]) * 60 + Number(m[2]);
}

async function openTeacherControls(page: Page) {
  const details = page.locator('details.teacher');
  if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await details.locator('summary').click();
}

/** The id (or test id) of the focused element, as a keyboard user would find it. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return 'body';
    return el.id
      ? `#${el.id}`
      : el.dataset.testid
        ? `[data-testid=${el.dataset.testid}]`
        : el.dataset.offer
          ? `offer ${el.dataset.offer}`
          : el.tagName.toLowerCase();
  });

/** Press Tab until the element matching `selector` has the focus; returns the presses it took. */
async function tabTo(page: Page, selector: string, max = 12): Promise<number> {
  for (let i = 1; i <= max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return i;
  }
  throw new Error(`${selector} not reached in ${max} Tabs (focus on ${await focused(page)})`);
}

describe('a class run a teacher can trust', () => {
  it('keeps the round timer through a reload, and times the offers too', async () => {
    const { page, consoleErrors } = await openPage(browser);
    await page.locator('[data-testid=start-run]').waitFor();
    const minutes = page.getByLabel('Timer per round (minutes, 0 = none)');
    await minutes.fill('1');
    await minutes.press('Tab');
    await page.locator('[data-testid=start-run]').click();
    const movesFrom = Date.now();
    await page.locator('[data-testid=start-round]').click();
    await page.locator('[data-testid=handover]').waitFor();
    expect(await page.locator('[data-testid=timer]').textContent()).toMatch(/^Time for moves: \d:\d\d$/);
    await expectFreshMinute(page, movesFrom);
    await page.waitForTimeout(3200);
    const before = await timerSeconds(page);
    expect(before).toBeLessThanOrEqual(57);
    await page.locator('.save-state.saved').waitFor();
    await page.waitForTimeout(300);
    await page.reload();
    await page.locator('[data-testid=handover]').waitFor();
    // The deadline came back with the run: the count goes on, it does not start again.
    const after = await timerSeconds(page);
    expect(after).toBeLessThanOrEqual(before);
    expect(after).toBeGreaterThan(0);
    await screenshot(page, 'rules-timer-after-reload');

    await enterMove(page, 'Team A');
    const offersFrom = Date.now();
    await enterMove(page, 'Team B');
    await page.locator('[data-testid=reveal]').waitFor();
    expect(await phase(page)).toBe('reveal and offers');
    expect(await page.locator('[data-testid=timer]').textContent()).toMatch(/^Time for offers: \d:\d\d$/);
    await expectFreshMinute(page, offersFrom);
    await page.waitForTimeout(1200);
    expect(await timerSeconds(page)).toBeLessThan(60);
    await page.locator('[data-testid=resolve-round]').click();
    await page.locator('#debrief-title').waitFor();
    expect(await page.locator('[data-testid=timer]').count()).toBe(0);
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });

  it('undoes an inject on its own, keeps injects when a round is undone, and refuses an empty amount', async () => {
    const { page, consoleErrors } = await openPage(browser);
    await page.locator('[data-testid=start-run]').click();
    await openTeacherControls(page);
    const undoInject = page.locator('[data-testid=undo-inject]');
    expect(await undoInject.isDisabled()).toBe(true);
    await page.locator('[data-inject=eu-extends-potash-sanctions]').click();
    const preset = (await page.locator('[data-inject=eu-extends-potash-sanctions]').textContent())!.trim();
    expect(await undoInject.textContent()).toBe(`Undo the last inject (“${preset}”)`);
    await page.locator('[data-testid=start-round]').click();
    expect(await phase(page)).toBe('moves (secret)');

    // An empty amount is refused at the field, not applied as "+0".
    await page.getByPlaceholder('e.g. Sanctions on Belavia').fill('Storm over Minsk');
    const amount = page.locator('[data-testid=inject-amount]');
    await amount.fill('');
    await page.locator('[data-testid=inject-custom]').click();
    const problem = page.locator('[data-testid=inject-amount-problem]');
    await problem.waitFor();
    expect(await problem.textContent()).toMatch(/^Enter how much the event moves .+: a number between −1 and 1, other than 0\.$/);
    expect(await amount.getAttribute('aria-invalid')).toBe('true');
    expect(await focused(page)).toBe('[data-testid=inject-amount]');
    expect(await undoInject.textContent()).toBe(`Undo the last inject (“${preset}”)`);
    await screenshot(page, 'rules-inject-empty-amount');

    await amount.fill('0.1');
    await page.locator('[data-testid=inject-custom]').click();
    expect(await problem.count()).toBe(0);
    expect(await undoInject.textContent()).toBe('Undo the last inject (“Storm over Minsk”)');

    // Undoing the round goes back to its briefing and keeps the inject made during it.
    await page.getByRole('button', { name: 'Undo the last round (keeps its injects)' }).click();
    expect(await phase(page)).toBe('briefing');
    expect(await undoInject.textContent()).toBe('Undo the last inject (“Storm over Minsk”)');
    // Each inject is then undone on its own, newest first.
    await undoInject.click();
    expect(await undoInject.textContent()).toBe(`Undo the last inject (“${preset}”)`);
    expect(await phase(page)).toBe('briefing');
    await undoInject.click();
    expect(await undoInject.isDisabled()).toBe(true);
    // Nothing left to undo: the focus stays in the teacher's controls, not on the page.
    expect(await focused(page)).toBe('summary');
    await screenshot(page, 'rules-undo');
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });

  it('refuses two teams of the same name at the field, and offers only for the actors teams play', async () => {
    const { page, consoleErrors } = await openPage(browser);
    await page.locator('[data-testid=start-run]').waitFor();
    const usName = page.locator('[data-team-name=us]');
    await usName.fill('team a');
    const problem = page.locator('[data-testid=team-name-problem-us]');
    await problem.waitFor();
    expect(await problem.textContent()).toBe(
      '“team a” already plays regime: on one screen each team needs a name of its own (in a room, one team may play several actors).',
    );
    expect(await usName.getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'rules-duplicate-team');
    await page.locator('[data-testid=start-run]').click();
    expect(await page.locator('[data-testid=phase]').count()).toBe(0);
    expect(await focused(page)).not.toBe('body');
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.teamName)).toBe('us');

    await usName.fill('Team B');
    expect(await problem.count()).toBe(0);
    await page.locator('[data-testid=start-run]').click();
    await page.locator('[data-testid=start-round]').click();
    await enterMove(page, 'Team A');
    await enterMove(page, 'Team B');
    await page.locator('[data-testid=reveal]').waitFor();
    // Only Minsk and Washington are played by teams: the offers speak for them alone.
    const from = await page
      .getByLabel('Offer from')
      .locator('option')
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(from.sort()).toEqual(['regime', 'us']);
    // The same offer twice is still refused.
    await page.getByLabel('Offer from').selectOption('us');
    await page.getByLabel('Move offered').selectOption('ease_potash_partial');
    await page.getByLabel('Offer to').selectOption('regime');
    await page.getByLabel('Move asked for').selectOption('release_300');
    await page.locator('[data-testid=make-offer]').click();
    await page.locator('[data-testid=make-offer]').click();
    await page.locator('[data-notice=error]', { hasText: 'is already open this round' }).waitFor();
    expect(await page.locator('[data-testid=offer-list] li').count()).toBe(1);
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });

  it('says on Play that an edit to the scenario applies to the next run', async () => {
    const { page, consoleErrors } = await openPage(browser);
    await page.locator('[data-testid=start-run]').click();
    expect(await page.locator('[data-testid=scenario-edited]').count()).toBe(0);
    await page.getByRole('tab', { name: 'Edit' }).click();
    const name = page.getByLabel('Name', { exact: true }).first();
    await name.fill('The regime (edited)');
    await name.press('Tab');
    await page.getByRole('tab', { name: 'Play' }).click();
    const notice = page.locator('[data-testid=scenario-edited]');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('the edits apply to the next run; this run keeps the scenario it started with');
    await screenshot(page, 'rules-edited-notice');
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });

  it('moves the focus to the new content after each step of a round, keyboard only', async () => {
    const { page, consoleErrors } = await openPage(browser);
    const startRun = page.locator('[data-testid=start-run]');
    await startRun.waitFor();
    await startRun.focus();
    await page.keyboard.press('Enter');
    await page.locator('#brief-title').waitFor();
    await expect.poll(() => focused(page), { timeout: 2000 }).toBe('#brief-title');
    expect(await tabTo(page, '[data-testid=start-round]')).toBeLessThanOrEqual(4);
    await page.keyboard.press('Enter');
    // Moves: the hand-over screen holds the focus, then the move entry.
    await page.locator('[data-testid=handover]').waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('I am Team A — show my options');
    for (const team of ['Team A', 'Team B']) {
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(`I am ${team} — show my options`);
      await page.keyboard.press('Enter');
      await page.locator('[data-testid=move-entry]').waitFor();
      expect(await tabTo(page, '[data-testid=commit-move]')).toBe(1);
      await page.keyboard.press('Enter');
      await page.waitForTimeout(100);
    }
    // The reveal: its heading.
    await page.locator('[data-testid=reveal]').waitFor();
    await expect.poll(() => focused(page), { timeout: 2000 }).toBe('#reveal-title');
    // An offer, made from the keyboard: the focus goes to it in the list.
    expect(await tabTo(page, '[data-testid=make-offer]')).toBeLessThanOrEqual(6);
    await page.keyboard.press('Enter');
    await page.locator('[data-testid=offer-list] li').waitFor();
    expect(await focused(page)).toBe('offer r1-o1');
    // Its answer is the next stop; answered, the focus stays on the offer.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toMatch(/ accepts$/);
    await page.keyboard.press('Enter');
    expect(await page.locator('[data-testid=offer-list] li').textContent()).toContain('accepted');
    expect(await focused(page)).toBe('offer r1-o1');
    expect(await tabTo(page, '[data-testid=resolve-round]')).toBeLessThanOrEqual(3);
    await page.keyboard.press('Enter');
    await page.locator('#debrief-title').waitFor();
    await page.waitForTimeout(100);
    await expect.poll(() => focused(page), { timeout: 2000 }).toBe('#debrief-title');
    await screenshot(page, 'rules-focus-debrief');
    expect(await tabTo(page, '[data-testid=next-round]', 80)).toBeGreaterThan(0);
    await page.keyboard.press('Enter');
    await page.locator('[data-testid=start-round]').waitFor();
    await expect.poll(() => focused(page), { timeout: 2000 }).toBe('#brief-title');
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });
});
