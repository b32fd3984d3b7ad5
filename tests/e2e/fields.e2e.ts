import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { SCREENSHOTS, launch, openPage, screenshot } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** The typed field's value is committed as a person commits it: typed, then Enter. */
async function type(page: Page, label: string, text: string) {
  const field = page.getByLabel(label, { exact: true });
  await field.fill(text);
  await field.press('Enter');
  return field;
}

/** The problems listed beside a field (its own, by aria-describedby). */
const fieldProblems = (page: Page, label: string) =>
  page.getByLabel(label, { exact: true }).evaluate((el) => document.getElementById(el.getAttribute('aria-describedby') ?? '')?.textContent ?? '');

describe('every field validates where it is typed', () => {
  it('a move effect "abc", a blank name and out-of-range bounds are flagged at their fields, and listed in words', async () => {
    const { page, consoleErrors, cspViolations } = await openPage(browser);
    await page.locator('#tab-edit').click();
    await page.locator('[data-edit-actor=russia]').click();
    await page.locator('#actor-editor-title', { hasText: 'Russia' }).waitFor();

    // A move effect that is not a number: named at the field, by the value, not as "got Object".
    const effect = await type(page, 'Deploy Oreshnik: effect on russian_military', 'abc');
    await expect.poll(() => fieldProblems(page, 'Deploy Oreshnik: effect on russian_military')).toBe('expected a number, got "abc"');
    expect(await effect.getAttribute('aria-invalid')).toBe('true');

    // A bound no outcome can meet, and one every outcome meets.
    await type(page, 'Russia: military orientation under its control: bound', '1e9');
    await expect
      .poll(() => fieldProblems(page, 'Russia: military orientation under its control: bound'))
      .toBe('expected a bound from 0 to 1 (what the terms can reach), got 1000000000, which no outcome can meet');
    await type(page, 'Russia: no Western drift: bound', '-5');
    await expect
      .poll(() => fieldProblems(page, 'Russia: no Western drift: bound'))
      .toBe('expected a bound from 0 to 1 (what the terms can reach), got -5, which no outcome can meet');

    // A blank name is refused at the name.
    const name = await type(page, 'Name', '');
    await expect.poll(() => fieldProblems(page, 'Name')).toBe('expected a name that is not blank, got ""');
    expect(await name.getAttribute('aria-invalid')).toBe('true');

    // The list of problems reads as the scenario names things, with the machine path still there.
    const listed = page.locator('[data-testid=problem-in-words]');
    await expect.poll(() => listed.count()).toBe(4);
    const words = await listed.evaluateAll((lis) => lis.map((li) => li.firstChild?.textContent ?? ''));
    expect(words).toEqual(
      expect.arrayContaining([
        'Russia › Name: expected a name that is not blank, got ""',
        'Russia › Move “Deploy Oreshnik” › Effect on Russian military use › Change: expected a number, got "abc"',
        'Russia › Minimum › 2nd condition › Bound: expected a bound from 0 to 1 (what the terms can reach), got 1000000000, which no outcome can meet',
        'Russia › Minimum › 1st condition › Bound: expected a bound from 0 to 1 (what the terms can reach), got -5, which no outcome can meet',
      ]),
    );
    const all = (await page.locator('.all-problems').textContent()) ?? '';
    expect(all).not.toContain('Object');
    expect(await listed.locator('code').allTextContents()).toEqual(
      expect.arrayContaining(['actors[1].name', 'moves[8].effects[0].delta', 'actors[1].minimum[1].rhs', 'actors[1].minimum[0].rhs']),
    );
    expect(await page.locator('.problem-count').textContent()).toBe('4 problems in the scenario.');
    await page.waitForTimeout(200);
    await screenshot(page, 'fields-edit-problems');

    // A name typed again clears its problem, and the list follows the actor's name.
    await type(page, 'Name', 'Russian Federation');
    await expect.poll(() => listed.count()).toBe(3);
    expect((await listed.first().textContent()) ?? '').toMatch(/^Russian Federation › /);
    expect(await page.getByLabel('Name', { exact: true }).getAttribute('aria-invalid')).toBeNull();
    expect(consoleErrors).toEqual([]);
    expect(cspViolations).toEqual([]);
  });
});

describe('the actor list in Edit is a listbox', () => {
  it('is reached with one Tab and moved with the arrow keys, Home and End, keyboard only', async () => {
    const { page, consoleErrors } = await openPage(browser);
    await page.locator('#tab-play').waitFor();
    // Keyboard only from here: the tabs by arrow keys, then Tab into the panel.
    await page.locator('#tab-play').focus();
    await page.keyboard.press('ArrowRight');
    await page.locator('#tab-edit[aria-selected=true]').waitFor();
    await page.locator('[role=listbox] [role=option]').first().waitFor();
    await page.keyboard.press('Tab');

    const active = () =>
      page.evaluate(() => {
        const a = document.activeElement as HTMLElement | null;
        return { role: a?.getAttribute('role'), selected: a?.getAttribute('aria-selected'), actor: a?.dataset.editActor };
      });
    const listbox = page.getByRole('listbox', { name: 'Actors' });
    expect(await listbox.count()).toBe(1);
    expect(await active()).toEqual({ role: 'option', selected: 'true', actor: 'regime' });
    // One tab stop: only the selected option is in the tab order.
    expect(await page.locator('[role=option][tabindex="0"]').count()).toBe(1);

    await page.keyboard.press('ArrowDown');
    expect(await active()).toEqual({ role: 'option', selected: 'true', actor: 'russia' });
    await page.locator('#actor-editor-title', { hasText: 'Russia' }).waitFor();
    expect(await page.locator('[role=option][aria-selected=true]').count()).toBe(1);

    await page.keyboard.press('End');
    expect(await active()).toEqual({ role: 'option', selected: 'true', actor: 'opposition' });
    await page.keyboard.press('ArrowDown');
    expect(await active()).toEqual({ role: 'option', selected: 'true', actor: 'opposition' });
    await page.keyboard.press('Home');
    expect(await active()).toEqual({ role: 'option', selected: 'true', actor: 'regime' });
    await page.keyboard.press('ArrowUp');
    expect(await active()).toEqual({ role: 'option', selected: 'true', actor: 'regime' });
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await active()).toEqual({ role: 'option', selected: 'true', actor: 'ukraine' });
    await page.locator('#actor-editor-title', { hasText: 'Ukraine' }).waitFor();

    // Tab leaves the list (it does not walk through every actor) and lands in the editor.
    await page.keyboard.press('Tab');
    expect((await active()).role).not.toBe('option');
    // Shift+Tab comes back to the selected actor.
    await page.keyboard.press('Shift+Tab');
    expect(await active()).toEqual({ role: 'option', selected: 'true', actor: 'ukraine' });
    expect(consoleErrors).toEqual([]);
  });
});

describe('a phone, 390 px wide', () => {
  const PHONE = { width: 390, height: 844 };
  const scrollWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);
  /** The whole page, given time: a long page at phone width takes a while to capture on a busy machine. */
  const shoot = (page: Page, name: string, fullPage = true) => page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage, timeout: 120_000 });

  it('no page scrolls sideways: Play set-up, Edit and Analyse', async () => {
    const { page, consoleErrors } = await openPage(browser, '/', PHONE);
    await page.locator('[data-testid=start-run]').waitFor();
    await page.waitForTimeout(300);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(390);
    await shoot(page, 'fields-phone-setup');

    await page.locator('#tab-edit').click();
    await page.locator('[role=option][data-edit-actor=russia]').click();
    await page.locator('#actor-editor-title', { hasText: 'Russia' }).waitFor();
    await page.waitForTimeout(300);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(390);
    await shoot(page, 'fields-phone-edit');

    await page.locator('#tab-analyse').click();
    await page.locator('[data-reading=baseline] [data-testid=core-status]').waitFor({ timeout: 60_000 });
    await page.locator('[data-testid=bargaining]').waitFor({ timeout: 60_000 });
    await page.waitForTimeout(500);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(390);
    // The top of Analyse as the phone shows it (the whole page is many screens long).
    await shoot(page, 'fields-phone-analyse', false);
    expect(consoleErrors).toEqual([]);
  });
});
