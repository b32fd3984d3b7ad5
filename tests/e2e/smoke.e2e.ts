import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, openPage, screenshot } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('first load of the production build', () => {
  it('opens with no console errors and lists the ten Belarus actors', async () => {
    const { page, consoleErrors, foreignRequests } = await openPage(browser);
    const items = page.locator('[data-actor]');
    await items.first().waitFor();
    const ids = await items.evaluateAll((els) => [...new Set(els.map((e) => e.getAttribute('data-actor')))]);
    expect(ids).toEqual(['regime', 'russia', 'ukraine', 'poland', 'lithuania', 'latvia', 'eu', 'us', 'china', 'opposition']);
    await screenshot(page, 'first-load');
    expect(consoleErrors).toEqual([]);
    expect(foreignRequests).toEqual([]);
  });
});
