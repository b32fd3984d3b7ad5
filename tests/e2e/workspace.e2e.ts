import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { baseUrl, launch, openPage, screenshot } from './browser';
import { builtinDoc } from '../../models/scenario/index';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const fileOf = (name: string, content: string) => ({ name, mimeType: 'application/json', buffer: Buffer.from(content) });

describe('saving, importing and sharing', () => {
  it('an import of a malformed file shows the path-precise problem and changes nothing', async () => {
    const { page, consoleErrors } = await openPage(browser);
    await page.locator('#tab-edit').click();
    const bad = builtinDoc('belarus') as any;
    bad.title = 'Broken Belarus';
    bad.actors[3].minimum[1].rhs = 'x';
    await page.locator('[data-testid=import-file]').setInputFiles(fileOf('broken.json', JSON.stringify(bad)));
    const alert = page.locator('[data-notice=error]');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('actors[3].minimum[1].rhs: expected a number, got "x"');
    expect(await page.locator('.scenario-title').textContent()).toBe('Belarus 2025–2026');
    await screenshot(page, 'import-malformed');
    expect(consoleErrors).toEqual([]);
  });

  it('an actor named like markup renders as text', async () => {
    const { page, consoleErrors } = await openPage(browser);
    let dialogs = 0;
    page.on('dialog', async (d) => {
      dialogs++;
      await d.dismiss();
    });
    const doc = builtinDoc('prisoners-dilemma') as any;
    doc.actors[0].name = '<img src=x onerror=alert(1)>';
    await page.locator('[data-testid=import-file]').setInputFiles(fileOf('xss.json', JSON.stringify(doc)));
    await page.locator('[data-notice=info]').waitFor();
    for (const tab of ['play', 'edit', 'analyse', 'compare']) {
      await page.locator(`#tab-${tab}`).click();
      await page.waitForTimeout(300);
      expect(await page.locator('img[src=x]').count()).toBe(0);
    }
    await page.locator('#tab-edit').click();
    expect(await page.locator('[data-edit-actor=row]').textContent()).toContain('<img src=x onerror=alert(1)>');
    expect(dialogs).toBe(0);
    expect(consoleErrors).toEqual([]);
  });

  it('a reload restores the edits exactly', async () => {
    const { page } = await openPage(browser);
    await page.locator('#tab-edit').click();
    await page.locator('[data-edit-actor=russia]').click();
    const cap = page.getByLabel('Capability', { exact: true });
    await cap.fill('0.42');
    await page.locator('.save-state.saved').waitFor();
    await page.waitForTimeout(300);
    await page.reload();
    await page.locator('#tab-edit[aria-selected=true]').waitFor();
    await page.locator('[data-edit-actor=russia]').click();
    expect(await page.getByLabel('Capability', { exact: true }).inputValue()).toBe('0.42');
  });

  it('a malformed share link loads nothing and says why', async () => {
    const { page, consoleErrors } = await openPage(browser, '/#s=!!!not-a-link');
    const alert = page.locator('[data-notice=error]');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('The shared link is damaged');
    const big = await openPage(browser, '/#s=' + 'A'.repeat(250_000));
    await big.page.locator('[data-notice=error]').waitFor();
    expect(await big.page.locator('[data-notice=error]').textContent()).toContain('too long');
    expect(consoleErrors).toEqual([]);
  });

  it('a share link made by the app opens the same scenario', async () => {
    const { page } = await openPage(browser);
    await page.locator('#tab-edit').click();
    await page.locator('[data-edit-actor=regime]').click();
    await page.getByLabel('Patience (discount factor)').fill('0.55');
    await page.waitForTimeout(200);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseUrl()).origin });
    await page.getByRole('button', { name: 'Share link' }).click();
    await page.locator('[data-notice=info]').waitFor();
    const url = await page.evaluate(() => navigator.clipboard.readText());
    expect(url).toMatch(/#s=[A-Za-z0-9_-]+$/);
    const fresh = await browser.newContext();
    const p2 = await fresh.newPage();
    await p2.goto(url);
    await p2.locator('[data-notice=info]').waitFor();
    await p2.locator('#tab-edit').click();
    await p2.locator('[data-edit-actor=regime]').click();
    expect(await p2.getByLabel('Patience (discount factor)').inputValue()).toBe('0.55');
    await fresh.close();
  });
});
