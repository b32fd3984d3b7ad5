/**
 * Play as a class reads it: the teacher's controls folded away from the projector, move entry
 * with the team's goals, minimum, each move's effect in natural units and the deals it owes, the
 * debrief's plain summary with the tables one click away, the run's printable summary, and the
 * actors' briefings printed one page an actor.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, openPage, SCREENSHOTS, screenshot } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const phase = (page: Page) => page.locator('[data-testid=phase]').textContent();

/** Pages in a PDF from Chromium: one page object each. */
const pdfPages = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;

/** window.print counts its calls instead of opening a dialog the headless browser cannot show. */
async function stubPrint(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { printed: number };
    w.printed = 0;
    window.print = () => {
      w.printed++;
    };
  });
}
const printed = (page: Page) => page.evaluate(() => (window as unknown as { printed: number }).printed);

async function showOptions(page: Page, team: string) {
  await page.getByRole('button', { name: `I am ${team} — show my options` }).click();
  await page.locator('[data-testid=move-entry]').waitFor();
}

async function commit(page: Page, move: string) {
  await page.locator(`[data-move=${move}] input`).check();
  await page.locator('[data-testid=commit-move]').click();
}

/** No page scrolls sideways. */
const overflowX = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe('play, read by the class', () => {
  it('the set-up prints the briefings, one A4 page an actor, and nothing else', async () => {
    const { page, consoleErrors, cspViolations } = await openPage(browser);
    await page.locator('[data-testid=start-run]').waitFor();
    await stubPrint(page);

    // Briefings from the set-up: nothing on screen, one A4 page an actor on paper.
    await page.locator('[data-testid=print-briefings]').click();
    await page.waitForFunction(() => (window as unknown as { printed: number }).printed === 1);
    const sheets = page.locator('.print-briefings .briefing');
    const actors = await page.locator('.setup tbody tr').count();
    expect(actors).toBe(10);
    expect(await sheets.count()).toBe(actors);
    expect(await page.locator('.print-briefings').isVisible()).toBe(false);
    await page.emulateMedia({ media: 'print' });
    expect(await sheets.first().isVisible()).toBe(true);
    expect(await page.locator('[data-testid=start-run]').isVisible()).toBe(false);
    const regimeSheet = await page.locator('.briefing[data-actor=regime]').innerText();
    for (const part of ['Lukashenka regime', 'Your goals', 'Your minimum', 'What you hold', 'Your moves', 'Release 123 political prisoners', '−123 prisoners'])
      expect(regimeSheet).toContain(part);
    // One sheet as printed (the whole run of sheets is one tall image, slow to take on a busy machine).
    await page.locator('.briefing[data-actor=regime]').screenshot({ path: `${SCREENSHOTS}/reading-briefings-print.png`, timeout: 90_000 });
    const briefingsPdf = await page.pdf({ format: 'A4' });
    expect(pdfPages(briefingsPdf)).toBe(actors);
    await page.emulateMedia({ media: 'screen' });
    await page.evaluate(() => dispatchEvent(new Event('afterprint')));
    await page.locator('.print-briefings').waitFor({ state: 'detached' });
    expect(consoleErrors).toEqual([]);
    expect(cspViolations).toEqual([]);
    await page.context().close();
  });

  it('the teacher controls stay folded; move entry, debrief and run summary read plainly; the summary prints alone', { timeout: 300_000 }, async () => {
    const { page, consoleErrors, cspViolations } = await openPage(browser);
    await page.locator('[data-testid=start-run]').waitFor();
    await stubPrint(page);
    await page.getByLabel('Rounds').fill('2');
    await page.getByLabel('Rounds').press('Tab');
    await page.locator('[data-testid=start-run]').click();
    expect(await phase(page)).toBe('briefing');

    // The teacher's controls are folded away from a projected screen until opened, and stay as left.
    const teacher = page.locator('details.teacher');
    expect(await teacher.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    expect(await page.locator('[data-testid=undo-round]').isVisible()).toBe(false);
    expect(await page.locator('[data-inject]').first().isVisible()).toBe(false);
    await screenshot(page, 'reading-brief-projector');
    await teacher.locator('summary').click();
    expect(await page.locator('[data-testid=undo-round]').isVisible()).toBe(true);
    await page.locator('[data-testid=start-round]').click();
    expect(await page.locator('[data-testid=close-round]').isVisible()).toBe(true);
    await teacher.locator('summary').click();
    expect(await page.locator('[data-testid=close-round]').isVisible()).toBe(false);

    // Move entry: the team's goals, its minimum, and what each move does to it, in natural units.
    await showOptions(page, 'Team A');
    const goals = page.locator('[data-testid=own-goals]');
    expect(await goals.locator('tbody tr').count()).toBe(14);
    expect(await goals.locator('tr[data-goal=prisoners]').innerText()).toMatch(/[\d,]+ prisoners/);
    expect(await page.locator('[data-testid=own-minimum] li').count()).toBe(3);
    const release = page.locator('[data-move=release_123]');
    const impact = await release.locator('[data-testid=move-impact]').innerText();
    expect(impact).toMatch(/Your utility \d\.\d{3} → \d\.\d{3} \(−\d\.\d{3}\)/);
    expect(await release.locator('[data-dimension=prisoners]').innerText()).toMatch(/[\d,]+ prisoners → [\d,]+ prisoners \(away from your goal\)/);
    expect(await page.locator('[data-testid=move-impact]').count()).toBe(8);
    expect(await page.locator('[data-testid=deals-owed]').count()).toBe(0);
    await screenshot(page, 'reading-move-entry');
    await commit(page, 'release_123');
    await showOptions(page, 'Team B');
    expect(await page.locator('[data-testid=own-goals] h3').first().textContent()).toBe('What US wants');
    await commit(page, 'ease_potash_partial');

    // An accepted offer: a deal both sides owe next round.
    await page.locator('[data-testid=reveal]').waitFor();
    await page.getByLabel('Offer from').selectOption('us');
    await page.getByLabel('Move offered').selectOption('ease_potash_partial');
    await page.getByLabel('Offer to').selectOption('regime');
    await page.getByLabel('Move asked for').selectOption('release_300');
    await page.locator('[data-testid=make-offer]').click();
    await page.getByRole('button', { name: 'Regime accepts' }).click();
    await page.locator('[data-testid=resolve-round]').click();

    // The debrief opens with the plain summary; the tables are one click away.
    const summary = page.locator('[data-testid=debrief-summary]');
    await summary.waitFor();
    expect(await phase(page)).toBe('debrief');
    expect(await summary.innerText()).toMatch(/Gained most: .*\(\+0\.\d{3}\)/);
    await summary.locator('li', { hasText: /Theory’s advice|Every actor already played/ }).waitFor();
    expect(await summary.innerText()).toMatch(/pure Nash equilibrium/);
    expect(await page.locator('[data-testid=debrief-table]').isVisible()).toBe(false);
    await page.waitForTimeout(600);
    await screenshot(page, 'reading-debrief-summary');
    await page.locator('[data-testid=debrief-details] > summary').click();
    expect(await page.locator('[data-testid=debrief-table]').isVisible()).toBe(true);
    expect(await page.locator('[data-testid=debrief-table] tbody tr').count()).toBe(10);

    // Round 2: the team sees the deal it owes, and the move it promised is marked.
    await page.locator('[data-testid=next-round]').click();
    await page.locator('[data-testid=start-round]').click();
    await showOptions(page, 'Team A');
    const owed = page.locator('[data-testid=deals-owed]');
    expect(await owed.innerText()).toContain('You promised Release 300 political prisoners');
    expect(await owed.innerText()).toContain('US promised Partly lift US potash sanctions');
    expect(await page.locator('[data-move=release_300]').getAttribute('class')).toContain('owed');
    // On a phone: one column, nothing scrolls sideways.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(200);
    expect(await overflowX(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'reading-move-entry-phone');
    await page.locator('[data-testid=move-entry]').screenshot({ path: `${SCREENSHOTS}/reading-move-entry-phone-card.png` });
    await page.setViewportSize({ width: 1366, height: 900 });
    await commit(page, 'release_50');
    await showOptions(page, 'Team B');
    await commit(page, 'ease_potash_partial');
    await page.locator('[data-testid=resolve-round]').click();
    await summary.waitFor();
    expect(await summary.innerText()).toContain('was broken by Regime');
    // The tables stay open as the class left them.
    expect(await page.locator('[data-testid=debrief-table]').isVisible()).toBe(true);

    // The end of the run: the whole run in short, printable on its own.
    await page.locator('[data-testid=next-round]').click();
    const run = page.locator('[data-testid=run-summary]');
    await run.waitFor();
    expect(await phase(page)).toBe('ended');
    expect(await run.locator('[data-testid=run-ended]').textContent()).toContain('2 rounds played');
    expect(await run.locator('[data-testid=run-scores] tbody tr').count()).toBe(10);
    expect(await run.locator('[data-testid=run-scores] tr[data-actor=regime] td').first().textContent()).toBe('Team A');
    const turning = await run.locator('[data-testid=turning-points] li').allTextContents();
    expect(turning.length).toBeGreaterThan(0);
    expect(turning.join('\n')).toMatch(/Round 2: .*Regime broke the deal (US & Regime|Regime & US)/);
    expect(await run.innerText()).toContain('Deals that fell due: 0 kept, 1 broken.');
    await screenshot(page, 'reading-run-summary');
    await run.locator('[data-testid=print-summary]').click();
    expect(await printed(page)).toBe(1);
    await page.emulateMedia({ media: 'print' });
    expect(await run.isVisible()).toBe(true);
    for (const hidden of ['.run-charts', '.debrief', 'details.teacher', '[data-testid=print-summary]', '[data-testid=print-briefings]'])
      expect(await page.locator(hidden).first().isVisible(), hidden).toBe(false);
    await screenshot(page, 'reading-run-summary-print');
    const summaryPdf = await page.pdf({ format: 'A4' });
    expect(pdfPages(summaryPdf)).toBe(1);
    await page.emulateMedia({ media: 'screen' });
    expect(await page.locator('.run-charts').isVisible()).toBe(true);

    expect(consoleErrors).toEqual([]);
    expect(cspViolations).toEqual([]);
    await page.context().close();
  });
});
