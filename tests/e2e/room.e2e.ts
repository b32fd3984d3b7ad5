/**
 * A class on its own devices, end to end in Chromium: the room server (server/server.ts) serving
 * the production build on 127.0.0.1, one browser context each for the teacher, the projector
 * (1920×1080) and three teams (Team A on a 390 px phone). Two rounds with an offer and a private
 * message; a team device reloads mid-round; the server is closed and reopened on the same data
 * folder and port mid-round; every screen comes back to the same state.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type RoomServer } from '../../server/server';
import { SqliteStore } from '../../server/sqliteStore';
import { launch, screenshot } from './browser';
import { phaseIs, text, until } from './waits';

const distDir = resolve(process.env.COREPLAY_DIST ?? 'dist');
const dataDir = mkdtempSync(join(tmpdir(), 'coreplay-room-e2e-'));
let browser: Browser;
let server: RoomServer;
let store: SqliteStore;
let port = 0;
let url = '';
const contexts: BrowserContext[] = [];
const errors: string[] = [];

/** What of the class screen is on screen: the moves board's cards, the graph's canvas, and whether the page scrolls either way. */
async function projectorFit(page: Page) {
  return page.evaluate(() => {
    const inView = (e: Element) => {
      const r = e.getBoundingClientRect();
      return r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth;
    };
    const cards = [...document.querySelectorAll('.moves-board [data-actor]')];
    const canvas = document.querySelector('.projector .cg-canvas');
    const root = document.scrollingElement!;
    return {
      cards: cards.length,
      cardsOnScreen: cards.filter(inView).length,
      graphOnScreen: !!canvas && inView(canvas) && canvas.getBoundingClientRect().height > 0,
      // The graph reaches down to the screen's bottom (within its padding), or is as tall as it is allowed.
      graphFillsScreen:
        !!canvas &&
        (canvas.getBoundingClientRect().height >= 755 || innerHeight - document.querySelector('.projector-graph-box')!.getBoundingClientRect().bottom <= 40),
      scrolls: root.scrollHeight > innerHeight + 1 || root.scrollWidth > innerWidth + 1,
    };
  });
}

async function startServer(): Promise<void> {
  store = new SqliteStore({ dataDir });
  server = await createServer({ store, distDir, sweepIntervalMs: 0, log: () => {} });
  const at = await server.listen(port, '127.0.0.1');
  port = at.port;
  url = at.url;
}
async function stopServer(): Promise<void> {
  await server.close();
  await store.close();
}

async function open(path: string, viewport = { width: 1366, height: 900 }, label = path): Promise<Page> {
  const context = await browser.newContext({ viewport, acceptDownloads: true });
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(`${label}: uncaught: ${e.message}`));
  page.on('console', (m) => {
    // A refused socket while the server restarts is expected; anything else is an error.
    if (m.type() === 'error' && !/WebSocket|socket\.io|ERR_CONNECTION_REFUSED/i.test(m.text())) errors.push(`${label}: ${m.text()}`);
  });
  await page.goto(new URL(path, url).href);
  return page;
}

async function commit(page: Page, move: string) {
  await page.locator('[data-testid=move-picker]').waitFor();
  await page.locator(`[data-move=${move}] input`).check();
  await page.locator('[data-testid=commit-move]').click();
  // The last move in reveals the round at once: the phase moves on.
  await until(
    async () => (await page.locator('[data-testid=committed], .room-error').count()) > 0 || (await text(page, '[data-testid=phase]')) !== 'Secret moves',
    `the commit of ${move}`,
  );
  if (await page.locator('.room-error').count()) throw new Error(`commit ${move} refused: ${await text(page, '.room-error')}`);
}

beforeAll(async () => {
  browser = await launch();
  await startServer();
});
afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await browser?.close();
  await stopServer().catch(() => {});
  rmSync(dataDir, { recursive: true, force: true });
});

describe('a class on its own devices', () => {
  it('teacher, projector and three teams play two rounds; a reload and a server restart mid-round restore every screen', async () => {
    // ---- The teacher opens a room from the Play set-up: Minsk (Team A), Washington (Team B), the EU (Team C).
    const teacher = await open('/', undefined, 'teacher');
    await teacher.locator('[data-testid=open-room]').waitFor();
    await teacher.locator('[data-controller=eu]').selectOption('team');
    await teacher.locator('[data-testid=open-room]').click();
    await teacher.locator('[data-testid=teacher-console]').waitFor();
    const code = (await text(teacher, '[data-testid=join-code]')).replace('-', '');
    expect(code).toMatch(/^[A-Z0-9]{8}$/);
    expect(teacher.url()).toContain(`#teach/${code}`);
    await teacher.locator('svg.qr').waitFor();
    await phaseIs(teacher, 'Briefing');
    const projectorHref = await teacher.locator('[data-testid=projector-link]').getAttribute('href');
    expect(projectorHref).toContain(`#projector/${code}/`);

    // ---- The projector and three team devices; Team A on a phone.
    const projector = await open(projectorHref!, { width: 1920, height: 1080 }, 'projector');
    await phaseIs(projector, 'Briefing');
    const teamA = await open(`/#room/${code}`, { width: 390, height: 844 }, 'team A');
    const teamB = await open(`/#room/${code}`, undefined, 'team B');
    const teamC = await open(`/#room/${code}`, undefined, 'team C');
    for (const [page, team] of [
      [teamA, 'Team A'],
      [teamB, 'Team B'],
      [teamC, 'Team C'],
    ] as const) {
      await page.locator('[data-testid=claim-team]').fill(team);
      await page.locator('[data-testid=claim-seat]').click();
      await page.locator('[data-testid=pending]').waitFor();
    }
    // The teacher admits the three devices.
    await until(async () => (await teacher.locator('[data-testid=admit]').count()) === 3, 'three pending devices');
    for (let i = 0; i < 3; i++) {
      await teacher.locator('[data-testid=admit]').first().click();
      await until(async () => (await teacher.locator('[data-testid=admit]').count()) === 2 - i, 'an admission');
    }
    for (const page of [teamA, teamB, teamC]) await phaseIs(page, 'Briefing');
    expect(await text(teamA, '[data-testid=my-team]')).toBe('Team A');
    await teamA.locator('[data-testid=actor-regime]').waitFor();
    await teamB.locator('[data-testid=actor-us]').waitFor();
    await teamC.locator('[data-testid=actor-eu]').waitFor();

    // ---- Round 1: secret moves.
    await teacher.locator('[data-testid=start-round]').click();
    for (const page of [teamA, teamB, teamC, projector]) await phaseIs(page, 'Secret moves');
    // Every move shows what it does to the team's own utility; illegal ones are disabled.
    expect(await teamA.locator('[data-move=release_123] .delta').textContent()).toMatch(/^[+−±]\d\.\d{3}$/);
    await teamA.locator('[data-move=release_123] input').check();
    await screenshot(teamA, 'room-team-phone-moves');
    await commit(teamA, 'release_123');
    await commit(teamB, 'envoy_visit');
    // The projector sees who has moved, not what.
    await until(async () => (await projector.locator('[data-actor=regime].done').count()) === 1, 'the projector to see Minsk has moved');
    expect(await projector.locator('[data-actor=regime] .move').count()).toBe(0);
    expect(await projector.content()).not.toContain('Release 123');
    expect(await text(projector, '[data-testid=moved-count]')).toMatch(/^9 of 10 have moved$/);
    // The graph laid out and drawn before the picture (it waits for the projector's own analysis and layout).
    await projector.locator('.cg .cg-canvas[data-painted]:not(.cg-placing)').waitFor({ timeout: 30_000 });
    await screenshot(projector, 'room-projector-moves');
    // Team C sees that Minsk has committed but not the move (its own screen has no board until the reveal).
    expect(await teamC.content()).not.toContain('release_123');

    // Team B's device reloads mid-round: it rejoins its seat and shows its committed move.
    await teamB.reload();
    await phaseIs(teamB, 'Secret moves');
    await teamB.locator('[data-testid=committed]').waitFor();
    expect(await text(teamB, '[data-testid=committed]')).toContain('envoy');
    expect(await text(teamB, '[data-testid=my-team]')).toBe('Team B');

    await screenshot(teacher, 'room-teacher-moves');
    await commit(teamC, 'paris_call');
    // Every move is in: the reveal.
    for (const page of [teamA, teamB, teamC, projector, teacher]) await phaseIs(page, 'Reveal and offers');
    await until(async () => (await projector.locator('[data-actor=regime] .move').getAttribute('data-move')) === 'release_123', 'the reveal on the projector');

    // ---- Offers: Minsk offers Washington a release of 50 for partial potash relief; Washington accepts.
    await teamA.locator('[data-testid=offer-to]').selectOption('us');
    await teamA.locator('[data-testid=offer-give]').selectOption('release_50');
    await teamA.locator('[data-testid=offer-get]').selectOption('ease_potash_partial');
    await teamA.locator('[data-testid=send-offer]').click();
    await teamB.locator('[data-testid=accept-offer]').click();
    await until(async () => (await teamA.locator('[data-offer][data-status=accepted]').count()) === 1, 'the accepted offer on Team A');
    await teamA.locator('[data-testid=deals]').waitFor();
    await projector.locator('.projector-deals').waitFor();

    // ---- A private message from Minsk to Washington: Washington sees it, Team C and the projector do not.
    await teamA.locator('[data-testid=message-to]').selectOption('Team B');
    await teamA.locator('[data-testid=message-text]').fill('We keep our word if you keep yours.');
    await teamA.locator('[data-testid=send-message]').click();
    await until(async () => (await teamB.locator('[data-message]').count()) === 1, 'the message at Team B');
    expect(await text(teamB, '[data-message]')).toContain('We keep our word');
    await until(async () => (await teacher.locator('[data-message]').count()) === 1, 'the message at the teacher');
    expect(await teamC.locator('[data-message]').count()).toBe(0);
    expect(await projector.content()).not.toContain('We keep our word');
    await screenshot(teamA, 'room-team-phone-offers');
    await screenshot(projector, 'room-projector-reveal');
    // The class screen on the projectors schools have: every move and the graph on one screen, nothing scrolled.
    // First as opened (1920×1080, no resize since): the graph already took the height left to it.
    for (const size of [
      { width: 1920, height: 1080 },
      { width: 1280, height: 800 },
      { width: 1366, height: 768 },
    ]) {
      await projector.setViewportSize(size);
      await expect
        .poll(() => projectorFit(projector), { timeout: 5000 })
        .toEqual({ cards: 10, cardsOnScreen: 10, graphOnScreen: true, graphFillsScreen: true, scrolls: false });
      if (size.width === 1280) await screenshot(projector, 'room-projector-1280x800');
    }
    await projector.setViewportSize({ width: 1920, height: 1080 });

    await teacher.locator('[data-testid=end-offers]').click();
    for (const page of [teamA, teamB, teamC, projector]) await phaseIs(page, 'Debrief');
    await teamA.locator('[data-testid=last-round]').waitFor();
    await teacher.locator('[data-testid=next-round]').click();
    for (const page of [teamA, teamB, teamC, projector]) await phaseIs(page, 'Briefing');

    // ---- Round 2: the deal falls due.
    await teacher.locator('[data-testid=start-round]').click();
    for (const page of [teamA, teamB, teamC, projector]) await phaseIs(page, 'Secret moves');
    expect(await text(teamA, '[data-testid=deals]')).toContain('Due this round');
    // The projector's browser is reloaded mid-phase: with no change to come, the graph still takes the screen's height.
    await projector.reload();
    await phaseIs(projector, 'Secret moves');
    await expect
      .poll(() => projectorFit(projector), { timeout: 10_000 })
      .toEqual({ cards: 10, cardsOnScreen: 10, graphOnScreen: true, graphFillsScreen: true, scrolls: false });
    await commit(teamA, 'release_50');

    // ---- The server stops mid-round and comes back on the same data folder and port.
    await stopServer();
    for (const page of [teamA, teamB, teacher, projector])
      await until(async () => (await text(page, '[data-testid=connection]')) === 'reconnecting…', 'the devices to see the server gone');
    await startServer();
    for (const page of [teamA, teamB, teamC, teacher, projector])
      await until(async () => (await text(page, '[data-testid=connection]')) === 'connected', 'the devices to reconnect', 30_000);
    for (const page of [teamA, teamB, teamC, teacher, projector]) await phaseIs(page, 'Secret moves');
    await teamA.locator('[data-testid=committed]').waitFor();
    expect(await text(teamA, '[data-testid=committed]')).toContain('50');
    await teamB.locator('[data-testid=move-picker]').waitFor();
    expect(await projector.locator('[data-actor=regime].done').count()).toBe(1);
    expect(await projector.locator('[data-actor=regime] .move').count()).toBe(0);
    expect(await teacher.locator('[data-message]').count()).toBe(1);
    expect(await teamB.locator('[data-message]').count()).toBe(1);
    await until(async () => (await teacher.locator('[data-device] .dot.on').count()) === 3, 'the teacher to see three connected devices');
    await screenshot(teamA, 'room-team-phone-after-restart');

    await commit(teamB, 'ease_potash_partial');
    await commit(teamC, 'paris_call');
    for (const page of [teamA, teamB, teamC, projector, teacher]) await phaseIs(page, 'Reveal and offers');
    await screenshot(teacher, 'room-teacher-console');
    await screenshot(projector, 'room-projector');
    await teacher.locator('[data-testid=end-offers]').click();
    for (const page of [teamA, teamB, teamC, projector]) await phaseIs(page, 'Debrief');
    await teamA.locator('[data-testid=last-round]').waitFor();
    expect(await text(teamA, '[data-testid=last-round]')).toContain('Deal kept');
    await screenshot(teamA, 'room-team-phone');

    // The phone never scrolls sideways.
    expect(await teamA.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    // The export is the run file of the single-screen app: two rounds of events.
    const download = teacher.waitForEvent('download');
    await teacher.locator('[data-testid=export-run]').click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`coreplay-room-${code}-run.json`);

    expect(errors).toEqual([]);
  }, 240_000);
});
