import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, openPage, SCREENSHOTS } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** Records, from now on, every text the spatial card's status line shows (it may flash by faster than a poll). */
async function watchSpatialStatus(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __spatialStatus: string[] };
    w.__spatialStatus = [];
    const note = () => {
      const el = document.querySelector('[data-testid=spatial-status]');
      const text = el?.textContent ?? '';
      if (el && w.__spatialStatus[w.__spatialStatus.length - 1] !== text) w.__spatialStatus.push(text);
    };
    new MutationObserver(note).observe(document.body, { subtree: true, childList: true, characterData: true });
    note();
  });
}

const seenStatus = (page: Page) => page.evaluate(() => (window as unknown as { __spatialStatus: string[] }).__spatialStatus);

async function spatialForecast(page: Page): Promise<string> {
  const card = page.locator('[data-testid=forecast]');
  await card.locator('[data-testid=spatial-dimensions]').waitFor({ state: 'attached', timeout: 60_000 });
  await expect.poll(() => card.locator('[data-testid=spatial-status]').textContent(), { timeout: 60_000 }).toBe('');
  return (await card.locator('[data-testid=spatial-dimensions] tbody').textContent()) ?? '';
}

describe('the spatial forecast in Analyse', () => {
  it('re-runs live when a preference slider moves in Edit, saying "updating…" while it runs', async () => {
    const { page, consoleErrors, cspViolations } = await openPage(browser);
    await page.locator('#tab-analyse').click();
    const before = await spatialForecast(page);
    expect(before).toMatch(/\d/);
    const whyBefore = await page.locator('[data-testid=spatial-why]').textContent();

    // In Edit, the Regime now cares about nothing but its first dimension and wants its far end.
    await page.locator('#tab-edit').click();
    await page.locator('[data-edit-actor=regime]').click();
    const ideal = page.locator('.actor-editor input[type=range]').first();
    await ideal.focus();
    const idealBefore = await ideal.inputValue();
    await ideal.press(Number(idealBefore) > 0.5 ? 'Home' : 'End');
    expect(await ideal.inputValue()).not.toBe(idealBefore);

    await watchSpatialStatus(page);
    await page.locator('#tab-analyse').click();
    const after = await spatialForecast(page);
    // The card said it was working, then settled on a new forecast.
    expect(await seenStatus(page)).toContain('updating…');
    expect(after).not.toBe(before);
    expect(await page.locator('[data-testid=spatial-why]').textContent()).not.toBe(whyBefore);
    expect(consoleErrors).toEqual([]);
    expect(cspViolations).toEqual([]);
  });

  it('draws the challenge network per turn: a turn slider, adopted challenges highlighted, and why an actor moved', async () => {
    const { page, consoleErrors, cspViolations } = await openPage(browser);
    await page.locator('#tab-analyse').click();
    await spatialForecast(page);
    const net = page.locator('[data-testid=challenge-network]');
    await net.scrollIntoViewIfNeeded();
    const slider = net.locator('[data-testid=challenge-turn]');
    expect(await slider.inputValue()).toBe('1');
    const turns = Number(await slider.getAttribute('max'));
    expect(turns).toBeGreaterThan(1);
    expect(await net.locator('[data-testid=challenge-summary]').textContent()).toMatch(/^Turn 1: \d+ challenges?, \d+ of them adopted\.$/);
    // One arrow per challenge listed in words; at least one adopted (drawn highlighted) in the first turn.
    const arrows = net.locator('svg path[data-from]');
    const listed = net.locator('[data-testid=challenge-list] li');
    expect(await arrows.count()).toBe(await listed.count());
    expect(await arrows.count()).toBeGreaterThan(0);
    expect(await net.locator('svg path[data-adopted=true]').count()).toBeGreaterThan(0);
    expect(await net.locator('svg path[data-adopted=true]').first().getAttribute('stroke-width')).toBe('3');
    expect(await listed.first().textContent()).toMatch(/ challenged .+: .+ put its chance at 0\.\d{3} and expected a gain of /);
    await net.screenshot({ path: `${SCREENSHOTS}/spatial-network-turn1.png` });

    // The keyboard steps the turns.
    const first = await net.locator('[data-testid=challenge-list]').textContent();
    await slider.focus();
    await slider.press('ArrowRight');
    expect(await slider.inputValue()).toBe('2');
    expect(await net.locator('[data-testid=challenge-summary]').textContent()).toMatch(/^Turn 2: /);
    expect(await net.locator('[data-testid=challenge-list]').textContent()).not.toBe(first);

    // An actor, chosen with the keyboard, says why it moved or stayed in that turn.
    const regime = net.locator('svg g[data-actor=regime]');
    await regime.focus();
    await page.keyboard.press('Enter');
    expect(await regime.getAttribute('aria-pressed')).toBe('true');
    expect(await net.locator('[data-testid=challenge-why]').textContent()).toMatch(
      /^Why did Regime move in turn 2\? Regime (challenged .+|made no challenge)\. (It was challenged by .+|Nobody challenged it)\. It (kept its position|moved by|gave way to)/,
    );
    await net.screenshot({ path: `${SCREENSHOTS}/spatial-network-turn2.png` });
    expect(consoleErrors).toEqual([]);
    expect(cspViolations).toEqual([]);
  });
});
