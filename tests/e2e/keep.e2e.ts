/**
 * Nothing a person made is lost: replacing the workspace asks first and keeps the one replaced
 * under Recent workspaces; two tabs of the app never overwrite each other's edits; a move the
 * screen has acknowledged survives a reload made at once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { baseUrl, launch, openPage, screenshot } from './browser';
import { builtinDoc } from '../../models/scenario/index';
import { encodeScenarioLink } from '../../src/state/share';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const fileOf = (name: string, content: string) => ({ name, mimeType: 'application/json', buffer: Buffer.from(content) });
const title = (page: Page) => page.locator('.scenario-title').textContent();
const chicken = builtinDoc('chicken') as { title: string; actors: { id: string }[] };
const BELARUS = 'Belarus 2025–2026';

/** Set an actor's field in Edit and wait until it is saved. */
async function editField(page: Page, actor: string, label: string, value: string) {
  await page.locator('#tab-edit').click();
  await page.locator(`[data-edit-actor=${actor}]`).click();
  await page.getByLabel(label, { exact: true }).fill(value);
  await page.locator('.save-state.saved').waitFor();
}

async function fieldValue(page: Page, actor: string, label: string) {
  await page.locator('#tab-edit').click();
  await page.locator(`[data-edit-actor=${actor}]`).click();
  return page.getByLabel(label, { exact: true }).inputValue();
}

/** Start a class run with the default teams and commit Team A's move (the screen then hands over to Team B). */
async function startRunWithMove(page: Page) {
  await page.locator('#tab-play').click();
  await page.locator('[data-testid=start-run]').click();
  await page.locator('[data-testid=start-round]').click();
  await page.getByRole('button', { name: 'I am Team A — show my options' }).click();
  await page.locator('[data-move=release_123] input').check();
  await page.locator('[data-testid=commit-move]').click();
  await page.getByRole('button', { name: 'I am Team B — show my options' }).waitFor();
}

const recentTitles = async (page: Page) => {
  await page.getByRole('button', { name: 'Recent…' }).click();
  await page.locator('[data-testid=recent] h2').waitFor();
  await page.locator('[data-testid=recent] ul, [data-testid=recent] p.muted:not(.small)').first().waitFor();
  const items = await page.locator('[data-testid=recent-item] > strong').allTextContents();
  return items;
};

describe('replacing the workspace keeps what was there', () => {
  it('picking a built-in over edits asks first; the edited workspace is kept and reopens, keeping the current one in turn', async () => {
    const { page, consoleErrors, cspViolations } = await openPage(browser);
    await editField(page, 'russia', 'Capability', '0.42');
    const picker = page.getByLabel('Built-in scenario');

    // Asked, and declined with Escape: nothing changes.
    await picker.selectOption('chicken');
    const dialog = page.locator('[data-testid=confirm-replace]');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain(`Your workspace “${BELARUS}” holds edits to the scenario.`);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Cancel');
    await screenshot(page, 'keep-confirm-builtin');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await title(page)).toBe(BELARUS);
    expect(await picker.inputValue()).toBe('belarus');
    expect(await fieldValue(page, 'russia', 'Capability')).toBe('0.42');

    // Asked again, and agreed with the keyboard.
    await picker.selectOption('chicken');
    await dialog.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Cancel');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    // The old workspace is kept first, then replaced and saved.
    await expect.poll(() => title(page)).toBe(chicken.title);
    await page.locator('.save-state.saved').waitFor();
    await editField(page, chicken.actors[0]!.id, 'Capability', '0.77');

    // After a reload the edited Belarus is listed, and opening it keeps the edited Chicken.
    await page.reload();
    await page.locator('.save-state.saved').waitFor();
    expect(await title(page)).toBe(chicken.title);
    expect(await recentTitles(page)).toEqual([BELARUS]);
    await screenshot(page, 'keep-recent-list');
    await page.locator('[data-testid=recent-item]').first().getByRole('button', { name: /^Open/ }).click();
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain(`Your workspace “${chicken.title}” holds edits to the scenario.`);
    await page.locator('[data-testid=confirm-yes]').click();
    await page.locator('[data-notice=info]', { hasText: `Opened “${BELARUS}” from Recent workspaces.` }).waitFor();
    expect(await title(page)).toBe(BELARUS);
    expect(await fieldValue(page, 'russia', 'Capability')).toBe('0.42');
    await page.reload();
    await page.locator('.save-state.saved').waitFor();
    expect(await title(page)).toBe(BELARUS);
    expect(await recentTitles(page)).toEqual([chicken.title]);
    await page.locator('[data-testid=recent-item]').first().getByRole('button', { name: /^Open/ }).click();
    await dialog.waitFor();
    await page.locator('[data-testid=confirm-yes]').click();
    await page.locator('[data-notice=info]', { hasText: `Opened “${chicken.title}” from Recent workspaces.` }).waitFor();
    expect(await fieldValue(page, chicken.actors[0]!.id, 'Capability')).toBe('0.77');
    expect(consoleErrors).toEqual([]);
    expect(cspViolations).toEqual([]);
  }, 300_000);

  it('an import over a class run asks first; the run is kept and reopens where it was', async () => {
    const { page, consoleErrors, cspViolations } = await openPage(browser);
    await startRunWithMove(page);
    const doc = builtinDoc('prisoners-dilemma') as { title: string };
    await page.locator('[data-testid=import-file]').setInputFiles(fileOf('pd.json', JSON.stringify(doc)));
    const dialog = page.locator('[data-testid=confirm-replace]');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('holds a class run of 1 round');
    await page.locator('[data-testid=confirm-yes]').click();
    await page.locator('[data-notice=info]', { hasText: 'Imported' }).waitFor();
    expect(await title(page)).toBe(doc.title);
    // The imported scenario has no run: the Play tab offers a new one.
    await page.locator('#tab-play').click();
    await page.locator('[data-testid=start-run]').waitFor();

    await page.reload();
    await page.locator('.save-state.saved').waitFor();
    expect(await title(page)).toBe(doc.title);
    expect(await recentTitles(page)).toEqual([BELARUS]);
    expect(await page.locator('[data-testid=recent-item]').first().textContent()).toContain('Holds a class run of 1 round.');
    // The imported scenario is as it was opened, so nothing is asked.
    await page.locator('[data-testid=recent-item]').first().getByRole('button', { name: /^Open/ }).click();
    await page.locator('[data-notice=info]', { hasText: `Opened “${BELARUS}” from Recent workspaces.` }).waitFor();
    expect(await page.locator('[data-testid=confirm-replace]').count()).toBe(0);
    await page.locator('#tab-play').click();
    expect(await page.locator('[data-testid=phase]').textContent()).toBe('moves (secret)');
    expect(await page.locator('[data-testid=committed-status]').textContent()).toContain('Regime ✓');
    expect(consoleErrors).toEqual([]);
    expect(cspViolations).toEqual([]);
  }, 300_000);

  it('a share link opened over a run asks first: declined, the link is kept; accepted, the run is kept', async () => {
    const { page, consoleErrors, cspViolations } = await openPage(browser);
    await startRunWithMove(page);
    await page.locator('.save-state.saved').waitFor();
    const link = await encodeScenarioLink(JSON.stringify(builtinDoc('chicken')), new URL('/', baseUrl()).href);

    // Opened as a new page load: asked before anything is replaced.
    await page.goto('about:blank');
    await page.goto(link);
    const dialog = page.locator('[data-testid=confirm-replace]');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain(`Open the shared scenario “${chicken.title}”?`);
    await screenshot(page, 'keep-confirm-link');
    await page.getByRole('button', { name: 'Keep my workspace' }).click();
    await page.locator('[data-notice=info]', { hasText: 'Your workspace stays' }).waitFor();
    expect(await title(page)).toBe(BELARUS);
    expect(await page.locator('[data-testid=committed-status]').textContent()).toContain('Regime ✓');
    expect(new URL(page.url()).hash).toBe('');

    // Pasted into the open page: asked again, and accepted; the run is kept.
    await page.evaluate((h) => {
      location.hash = h;
    }, new URL(link).hash);
    await dialog.waitFor();
    await page.locator('[data-testid=confirm-yes]').click();
    await page.locator('[data-notice=info]', { hasText: `Opened the shared scenario “${chicken.title}”.` }).waitFor();
    expect(await title(page)).toBe(chicken.title);
    await page.reload();
    await page.locator('.save-state.saved').waitFor();
    expect(await title(page)).toBe(chicken.title);
    expect(await recentTitles(page)).toEqual([BELARUS, chicken.title]);
    const items = page.locator('[data-testid=recent-item]');
    expect(await items.nth(0).textContent()).toContain('Holds a class run of 1 round.');
    expect(await items.nth(1).textContent()).toContain('not opened over your workspace');
    expect(consoleErrors).toEqual([]);
    expect(cspViolations).toEqual([]);
  }, 300_000);
});

describe('two tabs of the app', () => {
  it('the second tab is read-only until it takes over, and both tabs’ edits survive', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const errors: string[] = [];
    const open = async () => {
      const p = await context.newPage();
      p.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      p.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
      await p.goto(new URL('/', baseUrl()).href);
      return p;
    };
    const a = await open();
    await editField(a, 'russia', 'Capability', '0.42');

    const b = await open();
    await b.locator('[data-testid=other-tab]').waitFor();
    expect(await b.locator('[data-testid=other-tab]').textContent()).toContain('This workspace is open in another tab.');
    expect(await b.locator('.save-state').textContent()).toBe('Read-only');
    expect(await b.locator('main.panel').getAttribute('inert')).not.toBeNull();
    expect(await b.locator('[data-testid=other-tab]').count()).toBe(1);
    expect(await a.locator('[data-testid=other-tab]').count()).toBe(0);
    // The read-only tab shows what the editing tab saves.
    await editField(a, 'regime', 'Patience (discount factor)', '0.55');
    // Read-only: the views can be switched, nothing in them can be used (the first actor, the regime, is shown).
    await b.locator('#tab-edit').click();
    expect(await b.locator('[data-edit-actor=regime]').getAttribute('aria-selected')).toBe('true');
    await expect.poll(() => b.getByLabel('Patience (discount factor)', { exact: true }).inputValue()).toBe('0.55');
    await screenshot(b, 'keep-second-tab');

    // An edit still waiting for the autosave goes with the hand-over.
    await a.locator('[data-edit-actor=ukraine]').click();
    await a.getByLabel('Capability', { exact: true }).fill('0.31');
    await b.locator('[data-testid=use-here]').click();
    await a.locator('[data-testid=other-tab]', { hasText: 'This workspace is now being edited in another tab.' }).waitFor();
    expect(await a.locator('.save-state').textContent()).toBe('Read-only');
    await b.locator('[data-testid=other-tab]').waitFor({ state: 'detached' });
    expect(await fieldValue(b, 'ukraine', 'Capability')).toBe('0.31');
    expect(await fieldValue(b, 'russia', 'Capability')).toBe('0.42');
    await editField(b, 'lithuania', 'Capability', '0.66');

    // And back: the first tab takes over with the second tab's edit.
    await a.locator('[data-testid=use-here]').click();
    await b.locator('[data-testid=other-tab]', { hasText: 'now being edited in another tab' }).waitFor();
    await a.locator('[data-testid=other-tab]').waitFor({ state: 'detached' });
    expect(await fieldValue(a, 'lithuania', 'Capability')).toBe('0.66');
    await editField(a, 'poland', 'Capability', '0.12');

    // Every edit of either tab is in the saved workspace.
    await a.reload();
    await a.locator('.save-state.saved').waitFor();
    for (const [actor, label, value] of [
      ['russia', 'Capability', '0.42'],
      ['regime', 'Patience (discount factor)', '0.55'],
      ['ukraine', 'Capability', '0.31'],
      ['lithuania', 'Capability', '0.66'],
      ['poland', 'Capability', '0.12'],
    ] as const)
      expect(await fieldValue(a, actor, label)).toBe(value);
    expect(await b.locator('[data-testid=other-tab]').count()).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  }, 300_000);
});

describe('a move acknowledged on screen is stored', () => {
  it('a reload made as soon as the screen acknowledges a committed move keeps the move', async () => {
    const { page, consoleErrors, cspViolations } = await openPage(browser);
    await page.locator('[data-testid=start-run]').click();
    await page.locator('[data-testid=start-round]').click();
    await page.getByRole('button', { name: 'I am Team A — show my options' }).click();
    await page.locator('[data-move=release_123] input').check();
    await page.locator('[data-testid=commit-move]').click();
    // The acknowledgement: the screen passes to the next team. Reload at once.
    await page.getByRole('button', { name: 'I am Team B — show my options' }).waitFor();
    await page.reload();
    await page.locator('[data-testid=handover]').waitFor();
    expect(await page.locator('[data-testid=committed-status]').textContent()).toContain('Regime ✓');

    await page.getByRole('button', { name: 'I am Team B — show my options' }).click();
    await page.locator('[data-move=ease_potash_partial] input').check();
    await page.locator('[data-testid=commit-move]').click();
    await page.locator('[data-testid=reveal]').waitFor();
    await page.reload();
    await page.locator('[data-testid=reveal]').waitFor();
    const reveal = await page.locator('[data-testid=reveal]').textContent();
    expect(reveal).toContain('Release 123 political prisoners');
    expect(reveal).toContain('Partly lift US potash sanctions');
    expect(consoleErrors).toEqual([]);
    expect(cspViolations).toEqual([]);
  }, 300_000);

  it('a move acknowledged on screen survives the page being killed right after', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    await page.clock.install();
    await page.goto(new URL('/', baseUrl()).href);
    await page.locator('[data-testid=start-run]').click();
    await page.locator('[data-testid=start-round]').click();
    await page.getByRole('button', { name: 'I am Team A — show my options' }).click();
    await page.locator('[data-move=release_123] input').check();
    // The page's timers stop: the move must be stored without waiting for one (a busy machine, a reload within 150 ms).
    await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1000);
    await page.locator('[data-testid=commit-move]').click();
    await page.getByRole('button', { name: 'I am Team B — show my options' }).waitFor();
    // No unload handler runs: only what was stored by the acknowledgement can come back.
    const cdp = await context.newCDPSession(page);
    const crashed = page.waitForEvent('crash');
    void cdp.send('Page.crash').catch(() => undefined);
    await crashed;
    const again = await context.newPage();
    await again.goto(new URL('/', baseUrl()).href);
    await again.locator('[data-testid=handover]').waitFor();
    expect(await again.locator('[data-testid=committed-status]').textContent()).toContain('Regime ✓');
    await context.close();
  }, 300_000);
});
