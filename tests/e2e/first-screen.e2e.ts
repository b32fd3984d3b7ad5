/**
 * index.html's static first screen: what a first visit sees before the app's code is in (the
 * welcome and the opening built-in's common core, made at build time), the same words as the
 * app's own first screen, replaced by it without a second welcome; never shown over saved work or
 * on a room's screens.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { SCREENSHOTS, baseUrl, launch, screenshot } from './browser';
import { saveAnEdit } from './waits';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** A page whose scripts from /assets/ are held back until `release()`; the page's own errors and CSP refusals are recorded. */
async function heldPage(context: BrowserContext, path: string) {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
  await page.addInitScript(() => {
    (window as unknown as { __csp: string[] }).__csp = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { __csp: string[] }).__csp.push(`${e.effectiveDirective}: ${e.blockedURI}`),
    );
  });
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  await page.route('**/assets/*.js', async (route) => {
    await released;
    await route.continue();
  });
  await page.goto(new URL(path, baseUrl()).href, { waitUntil: 'commit' });
  return { page, errors, release, csp: () => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp) };
}

const staticScreen = (page: Page) => page.locator('#first-screen');

describe('the first screen before the app is in', () => {
  it('shows a first visit the welcome and the opening scenario’s common core at once, then the app takes over with the same words', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const { page, errors, release, csp } = await heldPage(context, '/');
    await staticScreen(page).waitFor();
    // The app's code has not run: its root is empty, and the static screen is what is drawn.
    expect(await page.locator('#root').evaluate((r) => r.childElementCount)).toBe(0);
    expect(await page.evaluate(() => document.documentElement.classList.contains('first-visit'))).toBe(true);
    const glance = page.locator('#first-screen .welcome-glance');
    const glanceText = await glance.innerText();
    expect(glanceText).toBe(
      'Belarus 2025–2026 (as encoded): common core empty. Smallest exits that would open one: {Regime, Russia}, {Russia, Opposition} and {Ukraine, Poland, Lithuania, Latvia, Opposition}.',
    );
    expect(await glance.getAttribute('elementtiming')).toBe('first-analysis');
    // Nothing in it can be used before the app is in: it is inert, so no focus or click is lost when it goes.
    expect(await staticScreen(page).getAttribute('inert')).not.toBeNull();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
    await screenshot(page, 'first-screen-static');
    const before = await page.locator('#first-screen .welcome').innerText();
    const header = await page.locator('#first-screen .scenario-title').innerText();

    release();
    const welcome = page.locator('[data-testid=welcome]');
    await welcome.waitFor();
    // One welcome on the page, the app's own, reading exactly as the static one did.
    expect(await staticScreen(page).count()).toBe(0);
    expect(await page.locator('.welcome').count()).toBe(1);
    expect(await page.evaluate(() => document.documentElement.classList.contains('first-visit'))).toBe(false);
    expect(await welcome.innerText()).toBe(before);
    expect(await page.locator('.scenario-title').innerText()).toBe(header);
    // Its glance is the analysis the page holds, confirmed by the worker (no "updating…" beside it).
    await page.waitForFunction(() =>
      (performance.getEntriesByName('coreplay:analysis') as PerformanceMeasure[]).some((e) => typeof e.detail?.workerMs === 'number'),
    );
    expect(await page.locator('[data-testid=welcome-glance]').innerText()).toBe(glanceText);
    await welcome.locator('[data-start=analyse]').click();
    await page.locator('#tab-analyse[aria-selected=true]').waitFor();
    expect(errors).toEqual([]);
    expect(await csp()).toEqual([]);
    await context.close();
  });

  it('fits a phone, and without JavaScript says it needs it', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const { page, release } = await heldPage(context, '/');
    await staticScreen(page).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: `${SCREENSHOTS}/first-screen-static-phone.png` });
    release();
    await context.close();

    const off = await browser.newContext({ javaScriptEnabled: false });
    const p = await off.newPage();
    await p.goto(baseUrl());
    expect(await p.locator('#first-screen').isVisible()).toBe(false);
    expect(await p.locator('noscript').evaluate((n) => n.textContent)).toContain('Coreplay needs JavaScript');
    await off.close();
  });

  it('is not shown over saved work, nor on a room’s screens or a shared link', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    // A first visit that changes something: the workspace is saved in this browser.
    const page = await context.newPage();
    await page.goto(baseUrl());
    await page.locator('[data-testid=welcome]').waitFor();
    await saveAnEdit(page);
    await page.close();

    for (const path of ['/', '/#room/ABCD', '/#teach']) {
      const held = await heldPage(context, path);
      await held.page.locator('#root').waitFor({ state: 'attached' });
      expect(await held.page.evaluate(() => document.documentElement.classList.contains('first-visit')), path).toBe(false);
      expect(await staticScreen(held.page).isVisible(), path).toBe(false);
      held.release();
      await held.page.close();
    }
    // Back on the app with its code in: the saved edit, and no static screen left in the page.
    const again = await context.newPage();
    await again.goto(baseUrl());
    await again.locator('#tab-edit[aria-selected=true]').waitFor();
    expect(await staticScreen(again).count()).toBe(0);
    await context.close();

    // A shared link on a first visit: the app opens the link, not the static welcome.
    const fresh = await browser.newContext();
    const link = await heldPage(fresh, '/#s=abc');
    await link.page.locator('#root').waitFor({ state: 'attached' });
    expect(await staticScreen(link.page).isVisible()).toBe(false);
    link.release();
    await fresh.close();
  });
});
