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

/** Console warnings (Cytoscape reports invalid styles this way), besides the errors openPage records. */
function recordWarnings(page: Page): string[] {
  const warnings: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'warning') warnings.push(m.text());
  });
  return warnings;
}

async function playBotRound(page: Page, round: number) {
  await page.locator('[data-testid=start-round]').click();
  await page.locator('[data-testid=resolve-round]').click();
  await page.locator('[data-testid=debrief-table]').waitFor({ state: 'attached' });
  const runGraph = page.locator('.run-charts .cg');
  await runGraph.scrollIntoViewIfNeeded();
  await runGraph.locator('.cg-frame', { hasText: `Round ${round} (` }).waitFor();
  await runGraph.locator('.cg-canvas:not(.cg-placing)').waitFor();
}

describe('a run without console warnings', () => {
  it('a four-round bot run on Belarus, then the Analyse and Edit graphs, log no warnings', async () => {
    const { page, consoleErrors } = await openPage(browser);
    const warnings = recordWarnings(page);
    await page.locator('#tab-play').click();
    await page.locator('[data-testid=start-run]').waitFor();
    // Every actor played by a bot: the run needs no hand-over.
    for (const id of ['regime', 'us']) await page.locator(`[data-controller=${id}]`).selectOption('best-response');
    await page.getByLabel('Rounds').fill('4');
    await page.getByLabel('Rounds').press('Tab');
    await page.locator('[data-testid=start-run]').click();
    for (let round = 1; round <= 4; round++) {
      await playBotRound(page, round);
      // After the fourth round the same button ends the run.
      await page.locator('[data-testid=next-round]').click();
    }
    await page.locator('[data-testid=run-ended]').waitFor();
    // The drawing settles (the last round's animation and outlines) before counting.
    await page.locator('.run-charts .cg-frame', { hasText: 'Round 4 (5 of 5)' }).waitFor();
    await page.waitForTimeout(1000);
    // Scrubbing back through the rounds draws each of them again.
    await page.locator('.run-charts .cg-canvas').focus();
    for (let k = 0; k < 4; k++) await page.keyboard.press('ArrowLeft');
    await page.locator('.run-charts .cg-frame', { hasText: '(1 of 5)' }).waitFor();
    await page.locator('.run-charts .cg-check input').check();
    await page.waitForTimeout(800);
    await screenshot(page, 'smooth-run-graph');

    await page.locator('#tab-analyse').click();
    const analyse = page.locator('.analyse-view .cg').first();
    await analyse.waitFor({ timeout: 60_000 });
    await analyse.scrollIntoViewIfNeeded();
    await analyse.locator('.cg-canvas[data-painted]').waitFor({ timeout: 90_000 });
    await analyse.locator('.cg-canvas:not(.cg-placing)').waitFor({ timeout: 90_000 });
    await page.waitForTimeout(500);

    await page.locator('#tab-edit').click();
    await page.locator('[data-edit-actor=russia]').click();
    const live = page.locator('.live-panel .cg');
    await live.locator('.cg-canvas[data-painted]').waitFor({ timeout: 60_000 });
    await live.locator('.cg-canvas:not(.cg-placing)').waitFor();
    const input = page.getByLabel('Capability', { exact: true });
    await input.fill('0.4');
    await page.waitForTimeout(800);
    await screenshot(page, 'smooth-edit-graph');

    expect(warnings).toEqual([]);
    expect(consoleErrors).toEqual([]);
    // Four rounds, each analysed and drawn, take a while on a busy two-core machine.
  }, 300_000);
});
