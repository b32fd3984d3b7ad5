import type { Page } from 'playwright-core';

/** The trimmed text of the first element a selector finds ('' when it has none). */
export const text = async (page: Page, sel: string) => ((await page.locator(sel).first().textContent()) ?? '').trim();

/** Polls `f` every 100 ms until it holds (a throw counts as not yet), or fails naming what it waited for. */
export async function until(f: () => Promise<boolean>, what: string, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await f().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Waits for a room screen's phase line to read `p`. */
export const phaseIs = (page: Page, p: string) => until(async () => (await text(page, '[data-testid=phase]')) === p, `phase "${p}"`);

/** A change a person makes in Edit (Russia's capability to 0.42), then until the workspace is saved. */
export async function saveAnEdit(page: Page): Promise<void> {
  await page.locator('#tab-edit').click();
  await page.locator('[data-edit-actor=russia]').click();
  await page.getByLabel('Capability', { exact: true }).fill('0.42');
  await page.locator('.save-state.saved').waitFor();
  await page.waitForTimeout(400);
}
