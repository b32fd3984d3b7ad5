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

describe('the analysis moves with the preferences', () => {
  it('Analyse shows each reading of the common core and the coalition graph', async () => {
    const { page, consoleErrors, foreignRequests, cspViolations } = await openPage(browser);
    await page.locator('#tab-analyse').click();
    await page.locator('[data-reading=baseline] [data-testid=core-status]').waitFor();
    expect(await page.locator('[data-reading=baseline] [data-testid=core-status]').textContent()).toBe('empty');
    expect(await page.locator('[data-reading=baseline] [data-testid=minimal-exits]').textContent()).toContain('{Regime, Russia}');
    expect(await page.locator('[data-reading="grey+russia-limit"]').count()).toBe(0);
    // Each card says its reading's label and, per actor, whether the opening state meets its minimum.
    expect(await page.locator('[data-reading=baseline] [data-testid=reading-label]').textContent()).toBe('As encoded');
    expect(await page.locator('[data-reading=russia-limit] [data-testid=reading-label]').textContent()).toBe(
      'Russia: reliability as a limit on its military function',
    );
    expect(await page.locator('[data-reading=baseline] [data-testid=status-quo] li[data-actor=regime]').textContent()).toMatch(
      /^Regime: met — tightest condition “.+”, slack \d\.\d\d$/,
    );
    expect(await page.locator('[data-reading=baseline] [data-testid=status-quo] li[data-actor=opposition]').textContent()).toMatch(
      /^Opposition: unmet — “.+” fails by \d\.\d\d/,
    );
    // The sensitivity card, from its own lane: an interval for Russia's control bound.
    const sens = page.locator('[data-testid=sensitivity]');
    await sens.locator('[data-reading=baseline] li[data-constraint=military-orientation-under-its-control]').waitFor({ timeout: 60_000 });
    expect(await sens.locator('[data-reading=baseline] li[data-constraint=military-orientation-under-its-control]').textContent()).toMatch(
      /while Russia: military orientation under its control is [<>≤≥] 0\.\d+/,
    );
    await expect.poll(() => sens.locator('[data-testid=sensitivity-status]').textContent(), { timeout: 30_000 }).toBe('');
    await sens.scrollIntoViewIfNeeded();
    await screenshot(page, 'analyse-sensitivity');
    // The round game, bargaining for Minsk and Washington, the cooperative game and the forecast.
    await page.locator('[data-testid=pure-equilibria]').waitFor();
    expect(Number(await page.locator('[data-testid=pure-equilibria] tbody tr').count())).toBeGreaterThan(0);
    await page.locator('[data-testid=pair-equilibria] li').first().waitFor();
    await page.locator('[data-testid=bargaining]').waitFor();
    expect(await page.locator('[data-testid=bargaining]').textContent()).toContain('Nash bargaining');
    await page.locator('[data-testid=forecast]').waitFor();
    // The spatial model's forecast, from its own lane: the method, and why the Regime moved.
    const spatial = page.locator('[data-testid=forecast]');
    await spatial.locator('[data-testid=spatial-method]').waitFor({ timeout: 60_000 });
    expect(await spatial.locator('[data-testid=spatial-method]').textContent()).toContain('spatial bargaining model of the SMP family');
    expect(await spatial.locator('[data-testid=spatial-stop]').textContent()).toMatch(/^Stopped after \d+ turns?/);
    await spatial.locator('[data-testid=spatial-why] details[data-actor=regime] summary').click();
    expect(await spatial.locator('[data-testid=spatial-why] details[data-actor=regime] li').first().textContent()).toMatch(
      /^turn \d+: Regime moved .+ (challenge|challenged)/,
    );
    await page.locator('[data-testid=coop]').waitFor({ timeout: 60_000 });
    expect(await page.locator('[data-testid=coop]').textContent()).toMatch(/Shapley value/);
    expect(await page.locator('[data-testid=coop] h2').textContent()).toBe('Cooperative game with transferable utility (TU)');
    const download = page.waitForEvent('download');
    await page.locator('[data-testid=export-nfg]').click();
    const nfg = await (await download).path();
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(nfg!, 'utf8')).toMatch(/^NFG 1 R "/);
    // Another pair: the mixed equilibria follow.
    await page.getByLabel('Second actor of the pair').selectOption('lithuania');
    await page.locator('[data-testid=round-game] h3', { hasText: 'Regime and Lithuania alone' }).waitFor();
    // The graph waits below the fold until it is scrolled to, then draws.
    await page.locator('.cg').first().scrollIntoViewIfNeeded();
    await page.locator('.cg .cg-canvas[data-painted]').first().waitFor();
    // Laid out (the canvas is hidden until the first layout is placed) before the screenshot.
    await page.locator('.cg .cg-canvas:not(.cg-placing)').first().waitFor();
    await page.waitForTimeout(800);
    await screenshot(page, 'analyse');
    expect(consoleErrors).toEqual([]);
    expect(cspViolations).toEqual([]);
    expect(foreignRequests).toEqual([]);
  });

  it('an edit in Edit re-runs the analysis live', async () => {
    const { page, consoleErrors, cspViolations } = await openPage(browser);
    await page.locator('#tab-edit').click();
    await page.locator('[data-testid=live-exits]').waitFor();
    expect(await page.locator('[data-testid=live-exits]').textContent()).toContain('{Regime, Russia}');
    await page.locator('[data-edit-actor=russia]').click();
    // The live coalition graph beside the editor, drawn and described in words.
    const live = page.locator('.live-panel .cg');
    await live.locator('.cg-canvas[data-painted]').waitFor();
    const wordsBefore = await live.locator('.cg-words li').allTextContents();
    expect(wordsBefore.join('\n')).toContain('Russia');
    const paintedBefore = await live.locator('.cg-canvas').getAttribute('data-painted');
    // Russia settles for less military control: its conflict with Ukraine and the neighbours disappears.
    await page.getByLabel('Russia: military orientation under its control: bound').fill('0.3');
    await page.getByLabel('Russia: military orientation under its control: bound').press('Enter');
    await page.waitForFunction(
      () => !document.querySelector('[data-testid=live-exits]')?.textContent?.includes('{Ukraine, Poland, Lithuania, Latvia, Opposition}'),
    );
    const exits = await page.locator('[data-testid=live-exits]').textContent();
    expect(exits).not.toContain('Poland');
    // The graph followed: redrawn, and its coalitions and pairs in words changed with the analysis.
    await expect.poll(() => live.locator('.cg-words li').allTextContents()).not.toEqual(wordsBefore);
    // The canvas is drawn in a task of its own after the frame is applied (the words come with the frame).
    await expect.poll(() => live.locator('.cg-canvas').getAttribute('data-painted')).not.toBe(paintedBefore);
    await page.waitForTimeout(300);
    await screenshot(page, 'edit-live-graph');
    await page.getByLabel('Russia: military orientation under its control: bound').fill('x');
    await page.getByLabel('Russia: military orientation under its control: bound').press('Enter');
    await page.locator('.field-problems').first().waitFor();
    expect(await page.locator('.field-problems').first().textContent()).toContain('expected a number, got "x"');
    // A scenario with a problem keeps the last valid graph up, and the exits still name the actors.
    expect(await live.locator('.cg-canvas').count()).toBe(1);
    expect(await page.locator('[data-testid=live-exits]').textContent()).toContain('{Regime, Russia}');
    await screenshot(page, 'edit');
    expect(consoleErrors).toEqual([]);
    expect(cspViolations).toEqual([]);
  });

  it('Compare shows a scenario and a variant side by side with the differences highlighted', async () => {
    const { page, consoleErrors, cspViolations } = await openPage(browser);
    await page.locator('#tab-compare').click();
    await page.locator('[data-testid=compare-state]').waitFor();
    const differing = await page.locator('[data-testid=compare-state] tr[data-differs=yes] th').allTextContents();
    expect(differing).toEqual(['Potash exports', 'Transit via Lithuania', 'Economic dependence on Russia']);
    // The common core and the opening equilibrium of each side, and both graphs.
    await page
      .locator('[data-testid=compare-core] td', { hasText: /exists|empty/ })
      .first()
      .waitFor();
    expect(await page.locator('[data-testid=compare-core] tr').count()).toBe(5);
    expect(await page.locator('[data-testid=compare-equilibria] tbody tr').count()).toBe(10);
    await page.locator('.cg').nth(1).scrollIntoViewIfNeeded();
    await page.locator('.cg .cg-canvas[data-painted]').nth(1).waitFor();
    expect(await page.locator('.cg').count()).toBe(2);
    await page.locator('.cg .cg-canvas:not(.cg-placing)').nth(1).waitFor();
    await page.waitForTimeout(800);
    await screenshot(page, 'compare');
    expect(consoleErrors).toEqual([]);
    expect(cspViolations).toEqual([]);
  });

  it('Compare shows two runs side by side', async () => {
    const { page, consoleErrors, cspViolations } = await openPage(browser);
    await page.locator('#tab-compare').click();
    const { december2025Run } = await import('../../models/machines/examples/december2025');
    const { builtinDoc } = await import('../../models/scenario/index');
    const run = december2025Run(builtinDoc('belarus'));
    // The same December with the Oreshnik announcement left out.
    const calm = { ...run, title: 'December without Oreshnik', events: run.events.filter((e) => !('move' in e && e.move === 'host_oreshnik')) };
    const file = (name: string, x: unknown) => ({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(x)) });
    await page.locator('[data-testid=compare-run-left]').setInputFiles(file('december.json', run));
    await page.locator('[data-testid=compare-run-right]').setInputFiles(file('calm.json', calm));
    await page.locator('[data-testid=compare-runs-world]').waitFor();
    const diff = await page.locator('[data-testid=compare-runs-world] tr.diff th').allTextContents();
    expect(diff).toContain('Russian military use');
    expect(diff).not.toContain('Political prisoners');
    // Both runs' coalition graphs on one timeline; at the end of the run it shows the last round.
    const runs = page.locator('section[aria-labelledby=cmp-runs]');
    await runs.locator('.cg').nth(1).scrollIntoViewIfNeeded();
    await runs.locator('.cg .cg-canvas[data-painted]').nth(1).waitFor();
    expect(await runs.locator('.cg').count()).toBe(2);
    const rounds = run.events.filter((e) => e.type === 'START_ROUND').length;
    expect(await page.locator('[data-testid=compare-runs-round]').inputValue()).toBe(String(rounds));
    const setRound = (k: number) =>
      page.locator('[data-testid=compare-runs-round]').evaluate((el: HTMLInputElement, v) => {
        el.value = String(v);
        el.dispatchEvent(new Event('input', { bubbles: true }));
      }, k);
    // Round 1 is the same in both runs; the Oreshnik announcement parts them in round 2.
    await setRound(1);
    await expect.poll(() => page.locator('[data-testid=compare-runs-diffs]').textContent()).toContain('No differences after round 1');
    // One slider for both graphs: each graph's canvas names the round it shows.
    expect(await runs.locator('.cg-canvas').first().getAttribute('aria-label')).toContain('Round 1');
    await setRound(2);
    await expect
      .poll(() => page.locator('[data-testid=compare-runs-diffs] li').allTextContents())
      .toContain('Regime: Announce the Oreshnik deployment (left) / holds (right)');
    expect(await runs.locator('.cg-canvas').nth(1).getAttribute('aria-label')).toContain('Round 2');
    await runs.locator('.cg').first().scrollIntoViewIfNeeded();
    await page.waitForTimeout(900);
    await screenshot(page, 'compare-runs');
    expect(consoleErrors).toEqual([]);
    expect(cspViolations).toEqual([]);
  });
});
