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
  it('an import of a malformed file shows the problem in the scenario’s words and its path, and changes nothing', async () => {
    const { page, consoleErrors, cspViolations } = await openPage(browser);
    await page.locator('#tab-edit').click();
    const bad = builtinDoc('belarus') as any;
    bad.title = 'Broken Belarus';
    bad.actors[3].minimum[1].rhs = 'x';
    await page.locator('[data-testid=import-file]').setInputFiles(fileOf('broken.json', JSON.stringify(bad)));
    const alert = page.locator('[data-notice=error]', { hasText: 'broken.json' });
    await alert.waitFor();
    // In the scenario's words, with the path kept.
    expect(await alert.textContent()).toContain('Poland › Minimum › 2nd condition › Bound: expected a number, got "x" (actors[3].minimum[1].rhs)');
    expect(await page.locator('.scenario-title').textContent()).toBe('Belarus 2025–2026');
    await screenshot(page, 'import-malformed');
    expect(consoleErrors).toEqual([]);
    expect(cspViolations).toEqual([]);
  });

  it('an actor named like markup renders as text', async () => {
    const { page, consoleErrors, cspViolations } = await openPage(browser);
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
    expect(cspViolations).toEqual([]);
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

  it('says “Opening…”, not “Saved”, until the saved workspace is read back', async () => {
    const { page, consoleErrors } = await openPage(browser);
    await page.getByLabel('Built-in scenario').selectOption('chicken');
    await expect.poll(() => page.locator('.scenario-title').textContent()).toBe('Chicken');
    await page.locator('.save-state.saved').waitFor();
    // Reading the workspace back takes a second and a half (a slow disk, a busy machine).
    await page.addInitScript(() => {
      const get = IDBObjectStore.prototype.get;
      IDBObjectStore.prototype.get = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['get']>) {
        const req = get.apply(this, args);
        const add = req.addEventListener.bind(req);
        req.addEventListener = ((type: string, f: (e: Event) => void, o?: AddEventListenerOptions) =>
          add(type, type === 'success' ? (e: Event) => setTimeout(() => f(e), 1500) : f, o)) as typeof req.addEventListener;
        return req;
      };
    });
    await page.reload();
    await page.locator('.save-state', { hasText: 'Opening…' }).waitFor();
    await page.locator('.save-state.saved').waitFor();
    expect(await page.locator('.scenario-title').textContent()).toBe('Chicken');
    expect(consoleErrors).toEqual([]);
  });

  it('a saved workspace that does not check out is set aside with a notice, and the app starts afresh', async () => {
    const { page, consoleErrors, cspViolations } = await openPage(browser);
    await page.locator('[data-testid=start-run]').waitFor();
    /** Put a record where the app keeps its workspace, or read what is kept there, by key. */
    const stored = (record?: { value: unknown }) =>
      page.evaluate(
        (rec) =>
          new Promise<Record<string, unknown>>((resolve, reject) => {
            const open = indexedDB.open('coreplay', 1);
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const db = open.result;
              const tx = db.transaction('workspace', 'readwrite');
              const store = tx.objectStore('workspace');
              if (rec) store.put(rec.value, 'workspace');
              const out: Record<string, unknown> = {};
              const cursor = store.openCursor();
              cursor.onsuccess = () => {
                const c = cursor.result;
                if (!c) return;
                out[String(c.key)] = c.value;
                c.continue();
              };
              tx.oncomplete = () => {
                db.close();
                resolve(out);
              };
              tx.onerror = () => reject(tx.error);
            };
          }),
        record,
      );
    const { december2025Run } = await import('../../models/machines/examples/december2025');
    const run = december2025Run(builtinDoc('belarus'));
    const broken = builtinDoc('belarus') as any;
    broken.title = 'Broken Belarus';
    broken.actors[2].minimum = 'x';
    const cases: { record: unknown; says: string | RegExp }[] = [
      { record: { version: 1, source: 'belarus', scenarioDoc: broken }, says: 'scenarioDoc.actors[2].minimum: expected an array, got "x"' },
      { record: { version: 2, source: 'belarus', scenarioDoc: builtinDoc('belarus') }, says: 'version: expected version 1, got 2' },
      { record: ['not', 'a', 'workspace'], says: 'expected a saved workspace, got an array' },
      // A run whose second event was tampered with (the problem's wording is the run check's).
      {
        record: {
          version: 1,
          source: 'belarus',
          scenarioDoc: builtinDoc('belarus'),
          run: { ...run, events: run.events.map((e, i) => (i === 1 ? { ...e, move: 'lift_potash_sanctions' } : e)) },
        },
        says: /^run\./,
      },
    ];
    for (const [k, c] of cases.entries()) {
      await stored({ value: c.record });
      await page.reload();
      const notice = page.locator('[data-notice=error]', { hasText: 'The saved workspace could not be restored, so a fresh one was opened.' });
      await notice.waitFor();
      const lines = await notice.locator('li').allTextContents();
      if (typeof c.says === 'string') expect(lines).toContain(c.says);
      else expect(lines.some((l) => c.says instanceof RegExp && c.says.test(l))).toBe(true);
      expect(lines.at(-1)).toMatch(/^The saved record is kept in this browser's storage, as “workspace refused [0-9T:.-]+Z”\.$/);
      if (k === 0) await screenshot(page, 'restore-refused');
      // A fresh workspace: the built-in scenario, no run; the app works.
      expect(await page.locator('.scenario-title').textContent()).toBe('Belarus 2025–2026');
      await page.locator('[data-testid=start-run]').waitFor();
      // Nothing was deleted: the record is still there, and a copy is set aside under its own key.
      const kept = await stored();
      expect(kept['workspace']).toEqual(c.record);
      const aside = Object.keys(kept).filter((key) => key.startsWith('workspace refused '));
      expect(aside).toHaveLength(k + 1);
      expect(aside.map((key) => kept[key])).toContainEqual(c.record);
    }
    // The first edit saves the fresh workspace over the refused one; the copies stay.
    await page.locator('#tab-edit').click();
    await page.locator('[data-edit-actor=russia]').click();
    await page.getByLabel('Capability', { exact: true }).fill('0.42');
    await expect
      .poll(
        async () =>
          ((await stored())['workspace'] as { scenarioDoc?: { actors?: { id: string; capability: unknown }[] } }).scenarioDoc?.actors?.find(
            (a) => a.id === 'russia',
          )?.capability,
      )
      .toBe(0.42);
    expect(Object.keys(await stored()).filter((key) => key.startsWith('workspace refused '))).toHaveLength(cases.length);
    expect(consoleErrors).toEqual([]);
    expect(cspViolations).toEqual([]);
  });

  it('a malformed share link loads nothing and says why', async () => {
    const { page, consoleErrors, cspViolations } = await openPage(browser, '/#s=!!!not-a-link');
    const alert = page.locator('[data-notice=error]', { hasText: 'shared link' });
    await alert.waitFor();
    expect(await alert.locator('strong').textContent()).toBe('The shared link could not be opened. Nothing was loaded.');
    expect(await alert.locator('li').textContent()).toBe('link damaged: it contains characters a scenario link never has');
    const big = await openPage(browser, '/#s=' + 'A'.repeat(250_000));
    await big.page.locator('[data-notice=error]').waitFor();
    expect(await big.page.locator('[data-notice=error] li').textContent()).toBe('link too long: 250,000 characters (the limit is 200,000)');
    expect(consoleErrors).toEqual([]);
    expect(cspViolations).toEqual([]);
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
