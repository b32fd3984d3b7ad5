import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { SCREENSHOTS, launch, openPage, screenshot } from './browser';
import { saveAnEdit } from './waits';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const welcome = (page: Page) => page.locator('[data-testid=welcome]');

describe('the first screen', () => {
  it('greets a first visit with what Coreplay is and three starts, on a desktop and on a phone', async () => {
    const { page, consoleErrors, cspViolations } = await openPage(browser);
    await welcome(page).waitFor();
    const text = (await welcome(page).textContent()) ?? '';
    expect(text).toContain('Coreplay is a negotiation game for a class');
    expect(
      await welcome(page)
        .locator('[data-start]')
        .evaluateAll((bs) => bs.map((b) => b.getAttribute('data-start'))),
    ).toEqual(['belarus', 'teaching', 'analyse']);
    await page.waitForTimeout(300);
    await screenshot(page, 'welcome-desktop');

    const phone = await openPage(browser, '/', { width: 390, height: 844 });
    await welcome(phone.page).waitFor();
    await phone.page.waitForTimeout(300);
    expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(phone.page, 'welcome-phone');
    await phone.page.screenshot({ path: `${SCREENSHOTS}/welcome-phone-screen.png` });
    expect(consoleErrors).toEqual([]);
    expect(cspViolations).toEqual([]);
    expect(phone.consoleErrors).toEqual([]);
  });

  it('starts a teaching game on a fresh workspace, and explores the analysis', async () => {
    const { page, consoleErrors } = await openPage(browser);
    await welcome(page).waitFor();
    await welcome(page).getByLabel('Teaching game').selectOption('chicken');
    await welcome(page).locator('[data-start=teaching]').click();
    await page.locator('.scenario-title', { hasText: 'Chicken' }).waitFor();
    expect(await welcome(page).count()).toBe(0);
    expect(await page.locator('#tab-play').getAttribute('aria-selected')).toBe('true');
    // Nothing was made here, so nothing was asked.
    expect(await page.locator('[data-testid=confirm-replace]').count()).toBe(0);

    await page.getByRole('button', { name: 'About' }).click();
    // The analysis card glances at the scenario open now.
    await page.locator('[data-testid=welcome-glance]', { hasText: 'Chicken (as encoded): common core exists' }).waitFor();
    await welcome(page).locator('[data-start=analyse]').click();
    await page.locator('#tab-analyse[aria-selected=true]').waitFor();
    expect(await welcome(page).count()).toBe(0);
    expect(await page.locator('.scenario-title').textContent()).toBe('Chicken');
    expect(consoleErrors).toEqual([]);
  });

  it('folds away when a run starts from the Play set-up, so the class screen shows the run', async () => {
    const { page, consoleErrors } = await openPage(browser);
    await welcome(page).waitFor();
    await page.locator('[data-testid=start-run]').click();
    await page.locator('[data-testid=start-round]').waitFor();
    expect(await welcome(page).count()).toBe(0);
    expect(consoleErrors).toEqual([]);
  });

  it('does not show over saved work, is reachable from the header, and never replaces work without asking', async () => {
    const { page, consoleErrors } = await openPage(browser);
    await welcome(page).waitFor();
    await saveAnEdit(page);
    await page.reload();
    await page.locator('#tab-edit[aria-selected=true]').waitFor();
    await page.waitForTimeout(300);
    // A workspace was restored: no first screen over it.
    expect(await welcome(page).count()).toBe(0);

    await page.getByRole('button', { name: 'About' }).click();
    await welcome(page).waitFor();
    await welcome(page).getByLabel('Teaching game').selectOption('prisoners-dilemma');
    await welcome(page).locator('[data-start=teaching]').click();
    const ask = page.locator('[data-testid=confirm-replace]');
    await ask.waitFor();
    await page.locator('[data-testid=confirm-no]').click();
    await ask.waitFor({ state: 'detached' });
    // Kept: the same scenario, with the edit.
    expect(await page.locator('.scenario-title').textContent()).toBe('Belarus 2025–2026');
    await page.locator('#tab-edit').click();
    await page.locator('[data-edit-actor=russia]').click();
    expect(await page.getByLabel('Capability', { exact: true }).inputValue()).toBe('0.42');
    expect(consoleErrors).toEqual([]);
  });
});

describe('the glossary', () => {
  it('opens at the entry of a term in the Analyse cards, and gives the focus back when closed', async () => {
    const { page, consoleErrors } = await openPage(browser);
    await page.locator('#tab-analyse').click();
    await page.locator('[data-reading=baseline] [data-testid=core-status]').waitFor({ timeout: 60_000 });
    const help = page.locator('[data-reading=baseline] button.term-help[data-term=common-core]');
    expect(await help.getAttribute('aria-label')).toBe('What is “Common core”? Open the glossary');
    // The term's text reads as before: the "?" is not part of it.
    expect(await page.locator('[data-reading=baseline] .term').first().textContent()).toBe('Common core');
    await help.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Glossary' });
    await dialog.waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('glossary-common-core');
    expect(await page.locator('#glossary-common-core + dd').textContent()).toContain('every actor can accept');
    await page.waitForTimeout(300);
    // The dialog as it shows on the screen, not the whole (long) page behind it.
    await page.screenshot({ path: `${SCREENSHOTS}/glossary-open.png` });
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    // Back on the same term's "?" — a frame or a few later when a new answer redrew the card meanwhile.
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.term), { timeout: 2000 }).toBe('common-core');

    // Every term in the cards opens an entry that exists.
    await page.locator('[data-testid=bargaining]').waitFor({ timeout: 60_000 });
    const terms = await page.locator('button.term-help').evaluateAll((bs) => [...new Set(bs.map((b) => (b as HTMLElement).dataset.term))]);
    expect(terms.length).toBeGreaterThanOrEqual(8);
    for (const t of terms) expect(await page.locator(`#glossary-${t}`).count()).toBe(1);
    expect(consoleErrors).toEqual([]);
  });
});
