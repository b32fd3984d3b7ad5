/**
 * What the analysis views show is the current scenario's answer, or says that it is not: the
 * cards follow a built-in picked in the header, a variant ticked and a file imported ("updating…"
 * meanwhile); a scenario with a problem marks the last answer stale; a common core too large to
 * compute says so everywhere; the first analysis is the prebuilt one for an unedited built-in;
 * Compare names its sides by their labels and the two runs share one round slider.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, openPage, screenshot } from './browser';
import { builtinDoc } from '../../models/scenario/index';
import { ANALYSIS_MEASURE } from '../../src/state/measures';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const fileOf = (name: string, text: string) => ({ name, mimeType: 'application/json', buffer: Buffer.from(text) });

/** Replacing the workspace may ask first: say yes when it does, until the header shows the new title. */
async function openedAs(page: Page, title: string) {
  const yes = page.locator('[data-testid=confirm-yes]');
  await expect
    .poll(
      async () => {
        if (await yes.isVisible()) await yes.click();
        return page.locator('.scenario-title').textContent();
      },
      { timeout: 60_000 },
    )
    .toBe(title);
}

/** Belarus with extra actors (copies of its own, without their assets) and no variants, so one reading. */
function manyActors(n: number): string {
  const doc = builtinDoc('belarus') as { id: string; title: string; actors: { id: string; name: string; short: string }[]; variants: unknown[] };
  const base = doc.actors.length;
  for (let k = base; k < n; k++)
    doc.actors.push({ ...structuredClone(doc.actors[k % base]!), id: `extra${k}`, name: `Extra ${k}`, short: `X${k}`, leverage: [] } as never);
  doc.variants = [];
  doc.id = `belarus-${n}`;
  doc.title = `Belarus with ${n} actors`;
  return JSON.stringify(doc);
}

const coreSlot = (page: Page) => page.locator('[data-testid=core-slot]');
const currentCore = (page: Page) => page.locator('[data-testid=core-slot][data-freshness=current]');

describe('the analysis follows the scenario on screen', () => {
  it('picking another built-in on Analyse: the cards and the pair follow it', async () => {
    const { page, consoleErrors } = await openPage(browser);
    await page.locator('#tab-analyse').click();
    await currentCore(page).locator('[data-reading=baseline] [data-testid=core-status]').waitFor();
    await page.getByLabel('Built-in scenario').selectOption('chicken');
    await openedAs(page, 'Chicken');
    // Until Chicken's answer is in, nothing of Belarus is drawn as current.
    const belarusCards = page.locator('[data-testid=core-slot][data-freshness=current] [data-testid=status-quo] li[data-actor=regime]');
    expect(await belarusCards.count()).toBe(0);
    await currentCore(page).locator('[data-testid=status-quo] li[data-actor=row]').waitFor({ state: 'attached', timeout: 60_000 });
    expect(await currentCore(page).locator('[data-testid=core-card] p').first().textContent()).toContain('Common core of 2 actors');
    const picked = await page.locator('.pair-picker select').evaluateAll((xs) => xs.map((x) => (x as HTMLSelectElement).selectedOptions[0]?.textContent));
    expect(picked).toEqual(['Row', 'Column']);
    // Every card is Chicken's once it is current: the round game and bargaining name Row and Column.
    await page.locator('[data-testid=bargaining-slot][data-freshness=current] [data-testid=bargaining]').waitFor({ timeout: 60_000 });
    expect(await page.locator('[data-testid=bargaining] h2').textContent()).toBe('Bargaining: Row and Column');
    await page.locator('[data-testid=round-game-slot][data-freshness=current]').waitFor({ timeout: 60_000 });
    expect(await page.locator('[data-testid=round-game-slot]').textContent()).not.toContain('Regime');
    await page.locator('[data-testid=coop-slot][data-freshness=current]').waitFor({ timeout: 60_000 });
    expect(await page.locator('[data-testid=coop-slot]').textContent()).not.toContain('Regime');
    await expect.poll(() => page.locator('[data-testid=sensitivity-status]').textContent(), { timeout: 60_000 }).toBe('');
    expect(await page.locator('[data-testid=sensitivity]').textContent()).not.toContain('Regime');
    await screenshot(page, 'fresh-analyse-chicken');
    expect(consoleErrors).toEqual([]);
  });

  it('ticking a variant: the cards say "updating…", then show the variant', async () => {
    const { page, consoleErrors } = await openPage(browser);
    await page.locator('#tab-analyse').click();
    await currentCore(page).locator('[data-reading=baseline] [data-testid=reading-label]').waitFor();
    expect(await currentCore(page).locator('[data-testid=reading-label]').first().textContent()).toBe('As encoded');
    // Record what the common core's place says from the tick on.
    await coreSlot(page).evaluate((el) => {
      const seen: string[] = [];
      (window as unknown as { __seen: string[] }).__seen = seen;
      new MutationObserver(() => seen.push(`${el.getAttribute('data-freshness')}: ${el.querySelector('[data-testid=freshness]')?.textContent ?? ''}`)).observe(
        el,
        {
          attributes: true,
          childList: true,
          subtree: true,
        },
      );
    });
    await page.getByLabel('Klaipeda reopens').check();
    await currentCore(page).locator('[data-reading=klaipeda-reopens] [data-testid=reading-label]').waitFor({ timeout: 60_000 });
    expect(await currentCore(page).locator('[data-testid=reading-label]').first().textContent()).toBe('Klaipeda reopens');
    expect(await coreSlot(page).locator('[data-testid=freshness]').count()).toBe(0);
    // Before the variant's answer, the held one was marked as updating.
    const seen = await page.evaluate(() => (window as unknown as { __seen: string[] }).__seen);
    expect(seen).toContain('updating: Common core: updating…');
    expect(consoleErrors).toEqual([]);
  });

  it('importing a 16-actor file: the common core is of 16 actors', async () => {
    const { page, consoleErrors } = await openPage(browser);
    await page.locator('#tab-analyse').click();
    await currentCore(page).locator('[data-reading=baseline] [data-testid=core-status]').waitFor();
    await page.locator('[data-testid=import-file]').setInputFiles(fileOf('sixteen.json', manyActors(16)));
    await openedAs(page, 'Belarus with 16 actors');
    await currentCore(page).locator('[data-testid=core-card]').first().waitFor({ timeout: 90_000 });
    expect(await currentCore(page).locator('[data-testid=core-card] p').first().textContent()).toContain('Common core of 16 actors');
    expect(consoleErrors).toEqual([]);
  });

  it('a scenario with a problem: the live panel and the cards mark the last answer stale', async () => {
    const { page, consoleErrors } = await openPage(browser);
    await page.locator('#tab-edit').click();
    await page.locator('[data-testid=live-core]').waitFor();
    expect(await page.locator('[data-testid=live-freshness]').textContent()).not.toContain('stale');
    await page.locator('[data-edit-actor=russia]').click();
    const bound = page.getByLabel('Russia: military orientation under its control: bound');
    await bound.fill('x');
    await bound.press('Enter');
    await expect
      .poll(() => page.locator('[data-testid=live-freshness]').textContent())
      .toMatch(/^stale: the scenario has a problem — Russia › Minimum › .* condition › Bound: expected a number/);
    // The last answer is still there, under the stale mark.
    expect(await page.locator('[data-testid=live-core]').textContent()).toBe('empty');
    await page.locator('#tab-analyse').click();
    await coreSlot(page).locator('[data-testid=core-card]').first().waitFor();
    expect(await coreSlot(page).getAttribute('data-freshness')).toBe('stale');
    expect(await coreSlot(page).locator('[data-testid=freshness]').textContent()).toMatch(/^Common core: stale: the scenario has a problem — /);
    // Every analysis's place says so, whether or not it holds an answer.
    const slots = await page.locator('.live-slot').evaluateAll((xs) => xs.map((x) => x.getAttribute('data-freshness')));
    expect(slots.length).toBeGreaterThan(1);
    expect(new Set(slots)).toEqual(new Set(['stale']));
    await screenshot(page, 'fresh-analyse-stale');
    expect(consoleErrors).toEqual([]);
  });

  it('a common core too large to compute is called too large, never empty', async () => {
    const { page, consoleErrors } = await openPage(browser);
    await page.locator('#tab-edit').click();
    await page.locator('[data-testid=live-core]').waitFor();
    await page.locator('[data-testid=import-file]').setInputFiles(fileOf('big.json', manyActors(32)));
    await openedAs(page, 'Belarus with 32 actors');
    await expect.poll(() => page.locator('[data-testid=live-core]').textContent(), { timeout: 60_000 }).toBe('too large to compute');
    expect(await page.locator('[data-testid=live-too-large]').textContent()).toContain('32 actors');
    // The graph in words says so too.
    await page.locator('#tab-analyse').click();
    await currentCore(page).locator('[data-testid=core-too-large]').first().waitFor({ timeout: 60_000 });
    const words = await page.locator('.analyse-view .cg-words li').allTextContents();
    expect(words[0]).toMatch(/^Common core not computed — too large/);
    expect(words).not.toContain('No groups at this position.');
    await page.locator('#tab-compare').click();
    await page.locator('[data-testid=compare-core] td', { hasText: 'too large' }).first().waitFor({ timeout: 60_000 });
    const row = await page.locator('[data-testid=compare-core] tbody tr').first().locator('td').allTextContents();
    expect(row.every((c) => c.startsWith('too large to compute'))).toBe(true);
    expect(row.join(' ')).not.toContain('empty');
    expect(consoleErrors).toEqual([]);
  });
});

describe('the first analysis', () => {
  it('an unedited built-in shows its prebuilt analysis first, also after a reload; an edit never does', async () => {
    const { page, consoleErrors } = await openPage(browser);
    await page.locator('#tab-edit').click();
    await page.locator('[data-testid=live-core]').waitFor();
    expect(await page.locator('[data-testid=live-exits]').textContent()).toContain('{Regime, Russia}');
    const measures = () =>
      page.evaluate(
        (name) =>
          (performance.getEntriesByName(name) as PerformanceMeasure[]).map((e) => ({
            at: e.startTime + e.duration,
            ...(e.detail as { source: string; partial?: boolean; workerMs?: number }),
          })),
        ANALYSIS_MEASURE,
      );
    const first = (await measures())[0]!;
    expect(first.source).toBe('prebuilt');
    // Then the worker confirms it.
    await expect.poll(async () => (await measures()).some((m) => m.source === 'worker' && m.partial === false), { timeout: 60_000 }).toBe(true);
    await page.locator('.save-state.saved').waitFor();
    await page.reload();
    await page.locator('[data-testid=live-core]').waitFor();
    expect((await measures())[0]!.source).toBe('prebuilt');
    // An edit: the answer for it comes from the worker, never from the build.
    await page.locator('[data-edit-actor=russia]').click();
    const before = (await measures()).length;
    const bound = page.getByLabel('Russia: military orientation under its control: bound');
    await bound.fill('0.3');
    await bound.press('Enter');
    await expect.poll(async () => (await measures()).length, { timeout: 60_000 }).toBeGreaterThan(before);
    expect((await measures()).slice(before).every((m) => m.source === 'worker')).toBe(true);
    expect(consoleErrors).toEqual([]);
  });
});

describe('Compare', () => {
  it('names its sides by their labels', async () => {
    const { page, consoleErrors } = await openPage(browser);
    await page.locator('#tab-compare').click();
    await page.locator('[data-testid=compare-state]').waitFor();
    for (const t of ['compare-state', 'compare-utilities', 'compare-core', 'compare-equilibria'])
      expect((await page.locator(`[data-testid=${t}] thead th`).allTextContents()).slice(1, 3)).toEqual(['As encoded', 'Klaipeda reopens']);
    expect(consoleErrors).toEqual([]);
  });

  it("names each run's variants and moves both graphs with one round slider", async () => {
    const { page, consoleErrors } = await openPage(browser);
    await page.locator('#tab-compare').click();
    const { december2025Run } = await import('../../models/machines/examples/december2025');
    const run = december2025Run(builtinDoc('belarus'));
    const klaipeda = { ...run, title: 'December, Klaipeda open', variants: ['klaipeda-reopens'] };
    await page.locator('[data-testid=compare-run-left]').setInputFiles(fileOf('december.json', JSON.stringify(run)));
    await page.locator('[data-testid=compare-run-right]').setInputFiles(fileOf('klaipeda.json', JSON.stringify(klaipeda)));
    await page.locator('[data-testid=compare-runs-world]').waitFor();
    expect((await page.locator('[data-testid=compare-runs-world] thead th').allTextContents()).slice(1)).toEqual([
      `${run.title} — as encoded`,
      'December, Klaipeda open — Klaipeda reopens',
    ]);
    const runs = page.locator('section[aria-labelledby=cmp-runs]');
    // The graphs draw once scrolled to.
    await runs.locator('.cg').nth(1).scrollIntoViewIfNeeded();
    await runs.locator('.cg .cg-canvas[data-painted]').nth(1).waitFor({ timeout: 60_000 });
    expect(await runs.locator('input[type=range]').count()).toBe(1);
    await page.locator('[data-testid=compare-runs-round]').evaluate((el: HTMLInputElement) => {
      el.value = '1';
      el.dispatchEvent(new Event('input', { bubbles: true }));
    });
    for (const k of [0, 1]) await expect.poll(() => runs.locator('.cg-canvas').nth(k).getAttribute('aria-label')).toContain('Round 1 (');
    expect(await runs.locator('.cg h2').first().textContent()).toBe(`Left: ${run.title} — as encoded`);
    await runs.locator('.cg').first().scrollIntoViewIfNeeded();
    await screenshot(page, 'fresh-compare-runs');
    expect(consoleErrors).toEqual([]);
  });
});
