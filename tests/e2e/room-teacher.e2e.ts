/**
 * The teacher's controls of a room, end to end in Chromium (one browser context per device): the
 * console brought back on another browser with the teacher's key (a link, or the key pasted), the
 * projector's coalition graph, the timer (set, pause, resume) on the team devices and the
 * projector, undoing a round, removing a device (its page says so; its token no longer works),
 * moving a device to another team, and ending the room (every client says so; the export is the
 * run file).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { io as connectClient, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ack, ClientAcks, ClientEventName, CreateAck, CreateRequest } from '../../server/protocol';
import { createServer, type RoomServer } from '../../server/server';
import { SqliteStore } from '../../server/sqliteStore';
import { launch, screenshot } from './browser';
import { phaseIs, text, until } from './waits';

const distDir = resolve(process.env.COREPLAY_DIST ?? 'dist');
const dataDir = mkdtempSync(join(tmpdir(), 'coreplay-room-teacher-e2e-'));
let browser: Browser;
let server: RoomServer;
let store: SqliteStore;
let url = '';
const contexts: BrowserContext[] = [];
const sockets: Socket[] = [];
const errors: string[] = [];

async function open(path: string, label: string, viewport = { width: 1366, height: 900 }): Promise<Page> {
  const context = await browser.newContext({ viewport, acceptDownloads: true });
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(`${label}: uncaught: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/WebSocket|socket\.io/i.test(m.text())) errors.push(`${label}: ${m.text()}`);
  });
  await page.goto(new URL(path, url).href);
  return page;
}

async function call<E extends ClientEventName>(s: Socket, event: E, payload: unknown): Promise<ClientAcks[E]> {
  return (await s.timeout(15_000).emitWithAck(event, payload)) as ClientAcks[E];
}
async function nodeClient(): Promise<Socket> {
  const s = connectClient(url, { transports: ['websocket'], reconnection: false, forceNew: true });
  sockets.push(s);
  await new Promise<void>((res, rej) => {
    s.once('connect', () => res());
    s.once('connect_error', rej);
  });
  return s;
}

/** Belarus: Minsk (Team A), Washington (Team B), the EU (Team C); random bots for the rest. */
async function openRoomFromNode(): Promise<CreateAck> {
  const bots = ['russia', 'ukraine', 'poland', 'lithuania', 'latvia', 'china', 'opposition'];
  const setup: CreateRequest = {
    scenario: { builtin: 'belarus' },
    seed: 3,
    roundLimit: 3,
    seats: {
      regime: { kind: 'team', team: 'Team A' },
      us: { kind: 'team', team: 'Team B' },
      eu: { kind: 'team', team: 'Team C' },
      ...Object.fromEntries(bots.map((a) => [a, { kind: 'bot', strategy: 'random' }])),
    },
    admission: 'open',
  };
  const s = await nodeClient();
  const a = await call(s, 'room:create', setup);
  if (!a.ok) throw new Error(a.error.message);
  s.disconnect();
  return a;
}

async function commit(page: Page, move: string) {
  await page.locator('[data-testid=move-picker]').waitFor();
  await page.locator(`[data-move=${move}] input`).check();
  await page.locator('[data-testid=commit-move]').click();
  await until(
    async () => (await page.locator('[data-testid=committed], .room-error').count()) > 0 || (await text(page, '[data-testid=phase]')) !== 'Secret moves',
    `the commit of ${move}`,
  );
  if (await page.locator('.room-error').count()) throw new Error(`commit ${move} refused: ${await text(page, '.room-error')}`);
}

async function claim(page: Page, team: string) {
  await page.locator('[data-testid=claim-team]').fill(team);
  await page.locator('[data-testid=claim-seat]').click();
  await until(async () => (await text(page, '[data-testid=my-team]')) === team, `${team} seated`);
}

/** Seconds shown by the timer of a page ("1:59 (paused)" → 119). */
async function timerSeconds(page: Page): Promise<{ s: number; paused: boolean }> {
  const t = await text(page, '[data-testid=room-timer]');
  const m = /^(\d+):(\d\d)/.exec(t);
  if (!m) throw new Error(`no timer shown (“${t}”)`);
  return { s: Number(m[1]) * 60 + Number(m[2]), paused: t.includes('(paused)') };
}

beforeAll(async () => {
  browser = await launch();
  store = new SqliteStore({ dataDir });
  server = await createServer({ store, distDir, sweepIntervalMs: 0, log: () => {} });
  url = (await server.listen(0, '127.0.0.1')).url;
});
afterAll(async () => {
  for (const s of sockets) s.disconnect();
  for (const c of contexts) await c.close().catch(() => {});
  await browser?.close();
  await server?.close();
  await store?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("the teacher's console", () => {
  it('comes back on another browser with the teacher key, and runs the timer, undo, removal, reassignment and the end of the room', async () => {
    const made = await openRoomFromNode();
    const code = made.code;

    // ---- The teacher's link (key in the fragment) opens the whole console in a browser that never saw the room.
    const teacher = await open(`/#teach/${code}/${encodeURIComponent(made.teacherKey)}`, 'teacher');
    await teacher.locator('[data-testid=teacher-console]').waitFor();
    await phaseIs(teacher, 'Briefing');
    // The key leaves the address bar (the console may be on the projector) …
    expect(new URL(teacher.url()).hash).toBe(`#teach/${code}`);
    // … and the projector's link comes back from the server, derived from the teacher key.
    await until(async () => (await teacher.locator('[data-testid=projector-key]').count()) === 1, 'the projector key');
    expect(await text(teacher, '[data-testid=projector-key]')).toBe(made.projectorKey);
    // A reload keeps the console: the key is now kept in this browser.
    await teacher.reload();
    await phaseIs(teacher, 'Briefing');
    expect(await text(teacher, '[data-testid=teacher-key]')).toBe(made.teacherKey);

    // ---- Another browser opens #teach/CODE with no key: it asks for it; a wrong key is refused, the right one pasted opens the console.
    const second = await open(`/#teach/${code}`, 'second console');
    await second.locator('[data-testid=teacher-key-form]').waitFor();
    expect(await second.locator('[data-testid=teacher-console]').count()).toBe(0);
    await second.locator('[data-testid=teacher-key-input]').fill('not-the-key');
    await second.locator('[data-testid=teacher-key-submit]').click();
    await until(async () => /wrong teacher key/.test(await text(second, '[data-testid=teacher-key-form]')), 'the wrong key refused');
    expect(await second.locator('[data-testid=teacher-console]').count()).toBe(0);
    const shownKey = await text(teacher, '[data-testid=teacher-key]');
    await second.locator('[data-testid=teacher-key-input]').fill(shownKey);
    await second.locator('[data-testid=teacher-key-submit]').click();
    await second.locator('[data-testid=teacher-console]').waitFor();
    await phaseIs(second, 'Briefing');
    expect(await text(second, '[data-testid=projector-key]')).toBe(made.projectorKey);
    expect(await second.locator('[data-team]').count()).toBe(3);

    // ---- The projector and three team devices.
    const projectorHref = (await second.locator('[data-testid=projector-link]').getAttribute('href'))!;
    const projector = await open(projectorHref, 'projector', { width: 1920, height: 1080 });
    await phaseIs(projector, 'Briefing');
    const teamA = await open(`/#room/${code}`, 'team A', { width: 390, height: 844 });
    const teamB = await open(`/#room/${code}`, 'team B');
    const teamC = await open(`/#room/${code}`, 'team C');
    await claim(teamA, 'Team A');
    await claim(teamB, 'Team B');
    await claim(teamC, 'Team C');
    await until(async () => (await teacher.locator('[data-device]').count()) === 3, 'three devices on the console');

    // ---- The round opens from the second console; the first follows.
    await second.locator('[data-testid=start-round]').click();
    for (const page of [teacher, teamA, teamB, teamC, projector]) await phaseIs(page, 'Secret moves');

    // ---- Timer: 2 minutes, shown on the team devices and the projector, then paused and resumed.
    await teacher.locator('.timer-controls input[type=number]').fill('2');
    await teacher.locator('[data-testid=timer-set]').click();
    for (const page of [teamA, projector, teacher]) {
      await until(async () => (await page.locator('[data-testid=room-timer]').count()) === 1, 'the timer shown');
      const t = await timerSeconds(page);
      expect(t.s).toBeGreaterThan(100);
      expect(t.s).toBeLessThanOrEqual(120);
      expect(t.paused).toBe(false);
    }
    await teacher.locator('[data-testid=timer-pause]').click();
    for (const page of [teamA, projector]) await until(async () => (await timerSeconds(page)).paused, 'the timer paused');
    const pausedAt = await timerSeconds(teamA);
    await new Promise((r) => setTimeout(r, 2200));
    expect(await timerSeconds(teamA)).toEqual(pausedAt);
    expect((await timerSeconds(projector)).s).toBe(pausedAt.s);
    await screenshot(projector, 'room-teacher-projector-timer-paused');
    await teacher.locator('[data-testid=timer-resume]').click();
    for (const page of [teamA, projector]) await until(async () => !(await timerSeconds(page)).paused, 'the timer running again');
    await until(async () => (await timerSeconds(teamA)).s < pausedAt.s, 'the timer counting down again');

    // ---- Round 1 plays out to the debrief; the projector draws the round in the coalition graph.
    await commit(teamA, 'release_123');
    await commit(teamB, 'envoy_visit');
    await commit(teamC, 'paris_call');
    for (const page of [teacher, teamA, projector]) await phaseIs(page, 'Reveal and offers');
    await teacher.locator('[data-testid=end-offers]').click();
    for (const page of [teacher, teamA, teamB, teamC, projector]) await phaseIs(page, 'Debrief');
    await teamA.locator('[data-testid=last-round]').waitFor();
    // The graph has the opening frame and round 1, drawn on the projector's canvas.
    await until(
      async () => (await projector.locator('[data-testid=projector-graph] .cg-canvas[data-painted]').count()) === 1,
      'the coalition graph drawn on the projector',
      120_000,
    );
    await until(async () => /Round 1/.test(await text(projector, '[data-testid=projector-graph]')), 'round 1 in the graph');
    const box = await projector.locator('[data-testid=projector-graph] .cg-canvas').boundingBox();
    expect(box!.width).toBeGreaterThan(700);
    expect(box!.height).toBeGreaterThanOrEqual(450);
    // The class screen does not scroll: the canvas and its timeline are within 1080 pixels.
    const timeline = await projector.locator('[data-testid=projector-graph] button', { hasText: 'Play' }).first().boundingBox();
    expect(box!.y + box!.height).toBeLessThanOrEqual(1080);
    expect(timeline!.y + timeline!.height).toBeLessThanOrEqual(1080);
    expect(await projector.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1920);
    await new Promise((r) => setTimeout(r, 1500));
    await screenshot(projector, 'room-teacher-projector-graph');

    // ---- Undo the round: every screen is back at round 1's briefing, the debrief and the moves gone.
    await teacher.locator('[data-testid=undo-round]').click();
    for (const page of [teacher, second, teamA, teamB, teamC, projector]) await phaseIs(page, 'Briefing');
    expect(await teamA.locator('[data-testid=last-round]').count()).toBe(0);
    expect(await text(teacher, '.round-card h2')).toMatch(/^Round 1 of 3/);
    expect(await projector.locator('[data-actor=regime] .move').count()).toBe(0);
    // ---- An inject, taken back on its own from the console.
    const undoInject = teacher.locator('[data-testid=undo-inject]');
    expect(await undoInject.isDisabled()).toBe(true);
    await teacher.locator('[data-inject=eu-extends-potash-sanctions]').click();
    await until(async () => (await undoInject.textContent()) === 'Undo the last inject (“EU extends potash sanctions”)', 'the inject offered for undoing');
    await until(async () => !(await undoInject.isDisabled()), 'the undo button enabled');
    await undoInject.click();
    await until(async () => (await undoInject.textContent()) === 'Undo the last inject' && (await undoInject.isDisabled()), 'the inject undone');
    await teacher.locator('[data-testid=start-round]').click();
    await phaseIs(teamA, 'Secret moves');
    await teamA.locator('[data-testid=move-picker]').waitFor();
    expect(await teamA.locator('[data-testid=committed]').count()).toBe(0);

    // ---- Remove Team C's device: its page says so, and its token no longer joins.
    const seatOf = (page: Page) =>
      page.evaluate((c) => JSON.parse(localStorage.getItem(`coreplay-room-device:${c}`) ?? 'null') as { token: string; deviceId: string } | null, code);
    const { token, deviceId: deviceC } = (await seatOf(teamC))!;
    expect(token).toBeTruthy();
    await teacher.locator(`[data-device="${deviceC}"] button`, { hasText: 'Remove' }).click();
    await teamC.locator('[data-testid=room-closed]').waitFor();
    expect(await text(teamC, '[data-testid=room-closed]')).toMatch(/removed this device/);
    await until(async () => (await teacher.locator(`[data-device="${deviceC}"]`).count()) === 0, 'the device gone from the console');
    const probe = await nodeClient();
    const again = (await call(probe, 'room:join', { role: 'device', code, token })) as Ack;
    expect(again.ok ? 'joined' : again.error.code).toBe('kicked');

    // ---- Move Team B's device to Team C: it now plays the EU.
    const deviceB = (await seatOf(teamB))!.deviceId;
    await teacher.locator(`[data-device="${deviceB}"] select`).selectOption('Team C');
    await until(async () => (await text(teamB, '[data-testid=my-team]')) === 'Team C', 'the device moved to Team C');
    await teamB.locator('[data-testid=actor-eu]').waitFor();
    expect(await teamB.locator('[data-testid=actor-us]').count()).toBe(0);
    await commit(teamB, 'paris_call');
    await until(async () => (await projector.locator('[data-actor=eu].done').count()) === 1, 'the EU has moved, on the projector');

    // ---- End the room: the export is the run file; every client says the room closed.
    teacher.once('dialog', (d) => void d.accept());
    const download = teacher.waitForEvent('download');
    await teacher.locator('[data-testid=end-room]').click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`coreplay-room-${code}-run.json`);
    const run = JSON.parse(readFileSync((await file.path())!, 'utf8')) as { format: string; seed: number; events: { type: string; by?: string }[] };
    expect(run.format).toBe('coreplay-run');
    expect(run.seed).toBe(3);
    expect(run.events.map((e) => e.type)).toEqual(expect.arrayContaining(['START_ROUND', 'COMMIT_MOVE', 'END_OFFERS', 'UNDO_ROUND']));
    expect(run.events.filter((e) => e.type === 'START_ROUND')).toHaveLength(2);
    for (const page of [teacher, second, teamA, teamB, projector]) {
      await page.locator('[data-testid=room-closed]').waitFor();
      expect(await text(page, '[data-testid=room-closed]')).toMatch(/ended the room/);
    }
    expect(await text(teamA, '[data-testid=connection]')).toBe('closed');
    await screenshot(teamA, 'room-teacher-team-closed');
    const late = (await call(probe, 'room:join', { role: 'teacher', code, key: made.teacherKey })) as Ack;
    expect(late.ok ? 'joined' : late.error.code).toBe('room_closed');

    expect(errors).toEqual([]);
  }, 600_000);
});
