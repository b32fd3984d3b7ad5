import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, openPage, screenshot } from './browser';
import { WORKSPACE_OPEN_MARK } from '../../src/state/measures';

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

  it("fetches the app's first code as two files after the static first screen's first frame, and the other tabs' code once the workspace is open", async () => {
    const { page } = await openPage(browser);
    await page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, WORKSPACE_OPEN_MARK);
    /** A built file's chunk name: "/assets/start-B9l1kk5s.js" → "start". */
    const chunk = (url: string) =>
      url
        .split('/')
        .pop()!
        .replace(/-[\w-]{8}\.js$/, '');
    const views = ['CoalitionGraph', 'EditView', 'AnalyseView', 'CompareTab'];
    // index.html's head script asks for the entry and, ahead of it, the one chunk it imports… (the
    // preloads put in after the entry are the app's own, for the other tabs' code it fetches once
    // the workspace is open: on an idle machine that can start before this reads the head)
    const head = await page.evaluate(() => {
      const entry = document.querySelector('script[src]');
      return {
        scripts: [...document.querySelectorAll('script[src]')].map((s) => s.getAttribute('src')!),
        preloads: [...document.querySelectorAll('link[rel=modulepreload]')]
          .filter((l) => !entry || l.compareDocumentPosition(entry) & Node.DOCUMENT_POSITION_FOLLOWING)
          .map((l) => l.getAttribute('href')!),
      };
    });
    expect({ scripts: head.scripts.map(chunk), preloads: head.preloads.map(chunk) }).toEqual({ scripts: ['index'], preloads: ['start'] });
    // …on a first visit, only once the page is parsed and its static first screen's first frame
    // laid out (a script tag would have them asked for while the page is still being read).
    const { parsed, asked } = await page.evaluate(() => ({
      parsed: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domInteractive,
      asked: performance
        .getEntriesByType('resource')
        .filter((e) => /\/(index|start)-[\w-]{8}\.js$/.test(e.name))
        .map((e) => e.startTime),
    }));
    expect(asked).toHaveLength(2);
    for (const t of asked) expect(t).toBeGreaterThan(parsed);
    // The prefetch waits for an idle moment after the workspace is on screen.
    await page.waitForFunction(
      (vs) => vs.every((v) => performance.getEntriesByType('resource').some((e) => e.name.includes(`/${v}-`) && e.name.endsWith('.js'))),
      views,
      { timeout: 20_000 },
    );
    const { at, scripts } = await page.evaluate(
      (name) => ({
        at: performance.getEntriesByName(name)[0]!.startTime,
        scripts: performance
          .getEntriesByType('resource')
          .filter((e) => /\.js$/.test(e.name) && !/worker/.test(e.name))
          .map((e) => ({ url: e.name, at: e.startTime })),
      }),
      WORKSPACE_OPEN_MARK,
    );
    const early = scripts.filter((x) => x.at < at).map((x) => chunk(x.url));
    const late = scripts.filter((x) => x.at >= at).map((x) => chunk(x.url));
    for (const view of views) {
      expect(late, JSON.stringify({ early, late })).toContain(view);
      expect(early).not.toContain(view);
    }
  });

  it('runs under a Content-Security-Policy that allows only its own origin', async () => {
    const { page, cspViolations } = await openPage(browser);
    await page.locator('[data-actor]').first().waitFor();
    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    for (const directive of ["default-src 'self'", "worker-src 'self'", "connect-src 'self'", "img-src 'self' data:"]) expect(policy).toContain(directive);
    // Scripts: this origin's files, and one inline script by its hash (the first screen's, index.html's head).
    expect(policy).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/]{43}=' 'wasm-unsafe-eval';/);
    // The workers, HiGHS and the graph run under it (the other end-to-end tests use them all and
    // check for violations); here, that it is enforced: another origin is refused.
    const refused = await page.evaluate(
      () =>
        new Promise<string[]>((resolve) => {
          const seen: string[] = [];
          document.addEventListener('securitypolicyviolation', (e) => {
            seen.push(e.effectiveDirective);
            if (seen.length === 3) resolve(seen.sort());
          });
          new Image().src = 'https://example.invalid/x.png';
          void fetch('https://example.invalid/x.json').catch(() => undefined);
          // An inline script other than the one the policy names by its hash.
          const s = document.createElement('script');
          s.textContent = 'window.__injected = true';
          document.head.append(s);
        }),
    );
    expect(refused).toEqual(['connect-src', 'img-src', 'script-src-elem']);
    expect(await page.evaluate(() => 'injected' in window || '__injected' in window)).toBe(false);
    expect(cspViolations).toHaveLength(3);
  });
});
