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
    const { page, consoleErrors, foreignRequests, cspViolations } = await openPage(browser);
    const items = page.locator('[data-actor]');
    await items.first().waitFor();
    const ids = await items.evaluateAll((els) => [...new Set(els.map((e) => e.getAttribute('data-actor')))]);
    expect(ids).toEqual(['regime', 'russia', 'ukraine', 'poland', 'lithuania', 'latvia', 'eu', 'us', 'china', 'opposition']);
    await screenshot(page, 'first-load');
    expect(consoleErrors).toEqual([]);
    expect(foreignRequests).toEqual([]);
    expect(cspViolations).toEqual([]);
  });

  it('runs under a Content-Security-Policy that allows only its own origin', async () => {
    const { page, cspViolations } = await openPage(browser);
    await page.locator('[data-actor]').first().waitFor();
    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    for (const directive of ["default-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", "worker-src 'self'", "connect-src 'self'", "img-src 'self' data:"])
      expect(policy).toContain(directive);
    // The workers, HiGHS and the graph run under it (the other end-to-end tests use them all and
    // check for violations); here, that it is enforced: another origin is refused.
    const refused = await page.evaluate(
      () =>
        new Promise<string[]>((resolve) => {
          const seen: string[] = [];
          document.addEventListener('securitypolicyviolation', (e) => {
            seen.push(e.effectiveDirective);
            if (seen.length === 2) resolve(seen.sort());
          });
          new Image().src = 'https://example.invalid/x.png';
          void fetch('https://example.invalid/x.json').catch(() => undefined);
        }),
    );
    expect(refused).toEqual(['connect-src', 'img-src']);
    expect(cspViolations).toHaveLength(2);
  });
});
