import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, openPage, screenshot } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function enterMove(page: Page, team: string, move: string) {
  const handover = page.locator('[data-testid=handover]');
  await handover.waitFor();
  expect(await handover.textContent()).toContain(`Pass the screen to ${team}`);
  await page.getByRole('button', { name: `I am ${team} — show my options` }).click();
  await page.locator('[data-testid=move-entry]').waitFor();
  await page.locator(`[data-move=${move}] input`).check();
  await page.locator('[data-testid=commit-move]').click();
}

const phase = (page: Page) => page.locator('[data-testid=phase]').textContent();

/** The teacher's controls and the debrief's tables start folded: open them when they are closed. */
async function unfold(page: Page, selector: 'details.teacher' | '[data-testid=debrief-details]') {
  const details = page.locator(selector);
  if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await details.locator('summary').click();
}

describe('a class round of the Belarus scenario', () => {
  it('two teams and eight bots play a round: secret moves, reveal, an offer, debrief; a reload mid-round restores the run', async () => {
    const { page, consoleErrors, foreignRequests, cspViolations } = await openPage(browser);
    await page.locator('[data-testid=start-run]').waitFor();
    // Teams for Minsk and Washington; a mix of bot strategies for the other eight.
    await page.locator('[data-controller=russia]').selectOption('equilibrium');
    await page.locator('[data-controller=ukraine]').selectOption('tit-for-tat');
    await page.locator('[data-controller=lithuania]').selectOption('random');
    await screenshot(page, 'play-setup');
    await page.locator('[data-testid=start-run]').click();
    expect(await phase(page)).toBe('briefing');
    await unfold(page, 'details.teacher');
    await page.locator('[data-inject=eu-extends-potash-sanctions]').click();
    await page.locator('[data-notice=info]').first().waitFor();
    await screenshot(page, 'play-brief');
    await page.locator('[data-testid=start-round]').click();
    expect(await phase(page)).toBe('moves (secret)');

    // The bots have moved already, but nothing of theirs is on screen.
    await page.locator('[data-testid=handover]').waitFor();
    const status = await page.locator('[data-testid=committed-status]').textContent();
    expect(status).toContain('Russia ✓');
    expect(status).toContain('Regime …');
    await screenshot(page, 'play-handover');
    await page.getByRole('button', { name: 'I am Team A — show my options' }).click();
    await page.locator('[data-testid=move-entry]').waitFor();
    // The Oreshnik announcement is still open to the regime (the asset is unused).
    expect(await page.locator('[data-move=host_oreshnik] input').isDisabled()).toBe(false);
    await screenshot(page, 'play-move-entry');
    await page.locator('[data-move=release_123] input').check();
    await page.locator('[data-testid=commit-move]').click();
    // Team B's hand-over screen shows nothing of Team A's move.
    await page.locator('[data-testid=handover]').waitFor();
    expect(await page.locator('body').textContent()).not.toContain('Release 123 political prisoners');

    // Reload with Team A's move entered: the run comes back at the same point.
    await page.locator('.save-state.saved').waitFor();
    await page.waitForTimeout(300);
    await page.reload();
    await page.locator('[data-testid=handover]').waitFor();
    expect(await phase(page)).toBe('moves (secret)');
    expect(await page.locator('[data-testid=committed-status]').textContent()).toContain('Regime ✓');
    expect(await page.locator('[data-testid=handover]').textContent()).toContain('Team B');

    await enterMove(page, 'Team B', 'ease_potash_partial');
    // All in: the reveal.
    await page.locator('[data-testid=reveal]').waitFor();
    expect(await phase(page)).toBe('reveal and offers');
    const reveal = await page.locator('[data-testid=reveal]').textContent();
    expect(reveal).toContain('Release 123 political prisoners');
    expect(reveal).toContain('Partly lift US potash sanctions');
    await page.waitForTimeout(2200);
    await screenshot(page, 'play-reveal');

    // Washington offers more relief for more releases; Minsk accepts.
    await page.getByLabel('Offer from').selectOption('us');
    await page.getByLabel('Move offered').selectOption('ease_potash_partial');
    await page.getByLabel('Offer to').selectOption('regime');
    await page.getByLabel('Move asked for').selectOption('release_300');
    await page.locator('[data-testid=make-offer]').click();
    await page.getByRole('button', { name: 'Regime accepts' }).click();
    expect(await page.locator('[data-testid=offer-list]').textContent()).toContain('accepted');
    await page.locator('[data-testid=resolve-round]').click();

    // Debrief: the class beside the analysis.
    await unfold(page, '[data-testid=debrief-details]');
    await page.locator('[data-testid=debrief-table]').waitFor();
    expect(await phase(page)).toBe('debrief');
    expect(await page.locator('[data-testid=debrief-table] tbody tr').count()).toBe(10);
    expect(await page.locator('[data-testid=gains] li').count()).toBe(10);
    // The analysis comes from the worker: the best responses and the equilibrium fill in.
    await page.locator('[data-testid=rational-play]', { hasText: /pure Nash equilibri/ }).waitFor();
    expect(await page.locator('[data-testid=debrief-table] [data-testid=best-response]').first().textContent()).not.toBe('…');
    // Bargaining points for the default pair, from the position the round started in.
    const bargaining = page.locator('[data-testid=debrief-bargaining]');
    await bargaining.locator('[data-testid=bargaining-points]').waitFor();
    const pair = [await page.locator('#debrief-pair-a option:checked').textContent(), await page.locator('#debrief-pair-b option:checked').textContent()];
    expect(pair[0]).not.toBe(pair[1]);
    const head = await bargaining.locator('thead').textContent();
    for (const who of pair) expect(head).toContain(`${who} plays`);
    const nash = await bargaining.locator('tr[data-solution="Nash bargaining"]').textContent();
    expect(nash).toMatch(/\d\.\d{3} \(\+\d\.\d{3}\)/);
    expect(nash).toContain('maximises the product of the two gains over holding');
    // Another pair: the points follow the choice.
    await page.locator('#debrief-pair-a').selectOption('regime');
    await page.locator('#debrief-pair-b').selectOption('us');
    await bargaining.locator('thead', { hasText: 'US plays' }).waitFor();
    await bargaining.locator('tr[data-solution="Nash bargaining"]').waitFor();
    await page.locator('.run-charts').waitFor();
    // The run's coalition graph waits off screen; scrolled to, it draws the round just played.
    const runGraph = page.locator('.run-charts .cg');
    await runGraph.waitFor();
    await runGraph.scrollIntoViewIfNeeded();
    await runGraph.locator('.cg-canvas[data-painted]').waitFor();
    await runGraph.locator('.cg-canvas:not(.cg-placing)').waitFor();
    expect(await runGraph.locator('.cg-frame').textContent()).toBe('Round 1 (2 of 2)');
    expect((await runGraph.locator('.cg-words li').allTextContents()).join('\n')).toContain('Regime');
    // The groups follow the state of play: who the state contents (boxes) and every group that could gain together (outlines).
    const groups = runGraph.locator('[data-testid=graph-groups]');
    const groupsRound1 = await groups.locator('li').allTextContents();
    const gainGroups = groupsRound1.filter((g) => g.includes('Could gain together: '));
    expect(gainGroups.length).toBeGreaterThan(0);
    expect(groupsRound1.some((g) => g.includes('Content with the present state: ') || g.includes('Minimum unmet, wants change: '))).toBe(true);
    expect((await runGraph.locator('.cg-words li').allTextContents()).filter((l) => l.startsWith('Could gain together: ')).length).toBe(gainGroups.length);
    await page.waitForTimeout(800);
    await screenshot(page, 'play-debrief');

    // Round 2: the deal falls due; Minsk breaks it, Washington keeps it.
    await page.locator('[data-testid=next-round]').click();
    expect(await phase(page)).toBe('briefing');
    expect(await page.locator('.brief').textContent()).toContain('Deals falling due this round');
    await page.locator('[data-testid=start-round]').click();
    await enterMove(page, 'Team A', 'release_50');
    await enterMove(page, 'Team B', 'ease_potash_partial');
    const canvas = runGraph.locator('.cg-canvas');
    const painted = await canvas.getAttribute('data-painted');
    await page.locator('[data-testid=resolve-round]').click();
    await page.locator('[data-testid=debrief-table]').waitFor();
    expect(await page.locator('.debrief .deals').textContent()).toContain('broken by Regime');
    // The run's graph moves to round 2: its drawing is held while the layout is in the worker
    // and let go by the layout's answer (not by the time limit), then it draws the new round.
    await runGraph.scrollIntoViewIfNeeded();
    await runGraph.locator('.cg-frame', { hasText: 'Round 2 (3 of 3)' }).waitFor();
    // Minsk broke the deal with Washington: the groups after round 2 are not those after round 1.
    expect(await groups.locator('li').allTextContents()).not.toEqual(groupsRound1);
    await page.waitForFunction((p) => document.querySelector('.run-charts .cg-canvas')?.getAttribute('data-painted') !== p, painted);
    expect(Number(await canvas.getAttribute('data-holds'))).toBeGreaterThanOrEqual(1);
    expect(await canvas.getAttribute('data-hold-timeouts')).toBeNull();

    // Undo the round: back to the briefing of round 2.
    await unfold(page, 'details.teacher');
    await page.locator('[data-testid=undo-round]').click();
    expect(await phase(page)).toBe('briefing');
    expect(consoleErrors).toEqual([]);
    expect(cspViolations).toEqual([]);
    expect(foreignRequests).toEqual([]);
  });

  it('a malformed run file is rejected with the first bad event, and the run is untouched', async () => {
    const { page, consoleErrors, cspViolations } = await openPage(browser);
    await page.locator('[data-testid=start-run]').waitFor();
    const { december2025Run } = await import('../../models/machines/examples/december2025');
    const { builtinDoc } = await import('../../models/scenario/index');
    const run = december2025Run(builtinDoc('belarus'));
    const bad = { ...run, events: run.events.map((e, i) => (i === 1 ? { ...e, move: 'lift_potash_sanctions' } : e)) };
    await page
      .locator('[data-testid=import-run]')
      .setInputFiles({ name: 'tampered.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
    const alert = page.locator('[data-notice=error]', { hasText: 'tampered.json' });
    await alert.waitFor();
    expect(await alert.locator('strong').textContent()).toBe('tampered.json is not a valid run. Nothing was changed.');
    expect(await alert.locator('li').textContent()).toBe('events[1]: COMMIT_MOVE is rejected: "Lift US potash sanctions fully" is us\'s move, not regime\'s');
    expect(await page.locator('[data-testid=start-run]').count()).toBe(1);
    await page
      .locator('[data-testid=import-run]')
      .setInputFiles({ name: 'december.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(run)) });
    await page.locator('[data-testid=run-ended]').waitFor();
    await unfold(page, '[data-testid=debrief-details]');
    expect(await page.locator('[data-testid=debrief-table]').textContent()).toContain('Announce the Oreshnik deployment');
    await page.locator('[data-testid=debrief-bargaining] [data-testid=bargaining-points]').waitFor();
    await page.waitForTimeout(800);
    await screenshot(page, 'play-december-2025');
    expect(consoleErrors).toEqual([]);
    expect(cspViolations).toEqual([]);
  });
});
