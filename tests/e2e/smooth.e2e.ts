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

/** Console warnings (Cytoscape reports invalid styles this way), besides the errors openPage records. */
function recordWarnings(page: Page): string[] {
  const warnings: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'warning') warnings.push(m.text());
  });
  return warnings;
}

async function playBotRound(page: Page, round: number) {
  await page.locator('[data-testid=start-round]').click();
  await page.locator('[data-testid=resolve-round]').click();
  await page.locator('[data-testid=debrief-table]').waitFor({ state: 'attached' });
  const runGraph = page.locator('.run-charts .cg');
  await runGraph.scrollIntoViewIfNeeded();
  await runGraph.locator('.cg-frame', { hasText: `Round ${round} (` }).waitFor();
  await runGraph.locator('.cg-canvas:not(.cg-placing)').waitFor();
}

/** Analyse's coalition graph once every analysis is in (the cards above it stop growing) and it has been still for a second. */
async function stillAnalyseGraph(page: Page) {
  await page.locator('#tab-analyse').click();
  await page.locator('[data-testid=coop]').waitFor({ timeout: 60_000 });
  await page.locator('[data-testid=spatial-method]').waitFor({ timeout: 60_000 });
  await expect.poll(() => page.locator('[data-testid=sensitivity-status]').textContent(), { timeout: 60_000 }).toBe('');
  // Scrolled to once the cards above it are all in: a graph pushed off screen by them waits to be
  // scrolled to before it is laid out.
  const graph = page.locator('.cg').first();
  await graph.scrollIntoViewIfNeeded();
  await graph.locator('.cg-canvas:not(.cg-placing)').waitFor();
  const canvasBox = graph.locator('.cg-canvas');
  let stamp = '';
  await expect
    .poll(
      async () => {
        const now = `${await canvasBox.getAttribute('data-painted-at')} ${JSON.stringify(await canvasBox.boundingBox())}`;
        const still = now === stamp;
        stamp = now;
        return still;
      },
      { interval: 1000, timeout: 30_000 },
    )
    .toBe(true);
  return graph;
}

describe('a run without console warnings', () => {
  it('a four-round bot run on Belarus, then the Analyse and Edit graphs, log no warnings', async () => {
    const { page, consoleErrors } = await openPage(browser);
    const warnings = recordWarnings(page);
    await page.locator('#tab-play').click();
    await page.locator('[data-testid=start-run]').waitFor();
    // Every actor played by a bot: the run needs no hand-over.
    for (const id of ['regime', 'us']) await page.locator(`[data-controller=${id}]`).selectOption('best-response');
    await page.getByLabel('Rounds').fill('4');
    await page.getByLabel('Rounds').press('Tab');
    await page.locator('[data-testid=start-run]').click();
    for (let round = 1; round <= 4; round++) {
      await playBotRound(page, round);
      // After the fourth round the same button ends the run.
      await page.locator('[data-testid=next-round]').click();
    }
    await page.locator('[data-testid=run-ended]').waitFor();
    // The drawing settles (the last round's animation and outlines) before counting.
    await page.locator('.run-charts .cg-frame', { hasText: 'Round 4 (5 of 5)' }).waitFor();
    await page.waitForTimeout(1000);
    // Scrubbing back through the rounds draws each of them again.
    await page.locator('.run-charts .cg-canvas').focus();
    for (let k = 0; k < 4; k++) await page.keyboard.press('ArrowLeft');
    await page.locator('.run-charts .cg-frame', { hasText: '(1 of 5)' }).waitFor();
    await page.locator('.run-charts .cg-check input').check();
    await page.waitForTimeout(800);
    await screenshot(page, 'smooth-run-graph');

    await page.locator('#tab-analyse').click();
    const analyse = page.locator('.analyse-view .cg').first();
    await analyse.waitFor({ timeout: 60_000 });
    await analyse.scrollIntoViewIfNeeded();
    await analyse.locator('.cg-canvas[data-painted]').waitFor({ timeout: 90_000 });
    await analyse.locator('.cg-canvas:not(.cg-placing)').waitFor({ timeout: 90_000 });
    await page.waitForTimeout(500);

    await page.locator('#tab-edit').click();
    await page.locator('[data-edit-actor=russia]').click();
    const live = page.locator('.live-panel .cg');
    await live.locator('.cg-canvas[data-painted]').waitFor({ timeout: 60_000 });
    await live.locator('.cg-canvas:not(.cg-placing)').waitFor();
    const input = page.getByLabel('Capability', { exact: true });
    await input.fill('0.4');
    await page.waitForTimeout(800);
    await screenshot(page, 'smooth-edit-graph');

    expect(warnings).toEqual([]);
    expect(consoleErrors).toEqual([]);
    // Four rounds, each analysed and drawn, take a while on a busy two-core machine.
  }, 300_000);

  it('the graph is one canvas: the outlines are drawn on its node layer, and a change to the box around it draws nothing again', async () => {
    const { page, consoleErrors } = await openPage(browser);
    const graph = await stillAnalyseGraph(page);
    const shown = await graph
      .locator('.cg-canvas canvas')
      .evaluateAll((cs) =>
        cs.filter((c) => getComputedStyle(c).display !== 'none' && c.getBoundingClientRect().width > 0).map((c) => c.dataset.id ?? c.className),
      );
    expect(shown).toEqual(['layer2-node']);
    // The maximal compatible sets are outlined (the legend lists them), and their faint fills are
    // on the node layer: a good part of it is covered at low opacity, which nodes, boxes and
    // links are not.
    expect(await graph.locator('.cg-outline-key').count()).toBeGreaterThan(0);
    const faint = await graph.locator('canvas[data-id=layer2-node]').evaluate((c: HTMLCanvasElement) => {
      const { data } = c.getContext('2d')!.getImageData(0, 0, c.width, c.height);
      let n = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i]! >= 8 && data[i]! <= 60) n++;
      return n / (c.width * c.height);
    });
    expect(faint).toBeGreaterThan(0.05);
    // Cytoscape redraws everything after any change to its own element's attributes; the box's
    // attributes change every round (its label, class and paint stamps) and must not.
    await page.evaluate(() => {
      const w = window as unknown as { __nodeLayerClears: number };
      w.__nodeLayerClears = 0;
      const proto = CanvasRenderingContext2D.prototype;
      const clear = proto.clearRect;
      proto.clearRect = function (this: CanvasRenderingContext2D, ...a: Parameters<typeof clear>) {
        if (this.canvas.dataset.id === 'layer2-node') w.__nodeLayerClears++;
        return clear.apply(this, a);
      };
    });
    await graph.locator('.cg-canvas').evaluate((box) => {
      box.setAttribute('aria-label', `${box.getAttribute('aria-label')} `);
      box.dataset.paintedAt = '0';
      box.classList.add('changed');
    });
    await page.waitForTimeout(600);
    expect(await page.evaluate(() => (window as unknown as { __nodeLayerClears: number }).__nodeLayerClears)).toBe(0);
    expect(consoleErrors).toEqual([]);
  });

  it('a node is drawn while it is dragged, and stays where it is let go', async () => {
    const { page, consoleErrors } = await openPage(browser);
    const graph = await stillAnalyseGraph(page);
    const layer = (id: string) => graph.locator(`canvas[data-id=${id}]`);
    // Only the node layer shows while nobody drags (directDraw.ts).
    expect(await layer('layer0-selectbox').evaluate((c) => getComputedStyle(c).display)).toBe('none');
    expect(await layer('layer1-drag').evaluate((c) => getComputedStyle(c).display)).toBe('none');
    /** Pixels drawn on a layer within `r` CSS pixels of (x, y), page coordinates. */
    const inked = (id: string, x: number, y: number, r = 4) =>
      layer(id).evaluate(
        (c: HTMLCanvasElement, [px, py, pr]) => {
          const box = c.getBoundingClientRect();
          const k = c.width / box.width;
          const data = c
            .getContext('2d')!
            .getImageData(Math.round((px - box.left - pr) * k), Math.round((py - box.top - pr) * k), Math.round(2 * pr * k), Math.round(2 * pr * k)).data;
          let n = 0;
          for (let i = 3; i < data.length; i += 4) if (data[i]! > 200) n++;
          return n;
        },
        [x, y, r] as const,
      );
    // A node: the first spot of the node layer, scanning the middle band, solidly drawn over a
    // disc larger than a line (a node, not a link or a label); then the middle of that solid
    // blob, across and down (a node's centre), if the blob is a node's size; in page coordinates.
    const findNode = () =>
      layer('layer2-node').evaluate((c: HTMLCanvasElement) => {
        const box = c.getBoundingClientRect();
        const k = c.width / box.width;
        const { data, width } = c.getContext('2d')!.getImageData(0, 0, c.width, c.height);
        const solid = (x: number, y: number) => data[(Math.round(y) * width + Math.round(x)) * 4 + 3]! > 200;
        const r = Math.round(5 * k);
        for (let y = 40 * k; y < c.height - 40 * k; y += 3)
          for (let x = 40 * k; x < c.width - 40 * k; x += 3) {
            let n = 0;
            for (let dy = -r; dy <= r; dy++) for (let dx = -r; dx <= r; dx++) if (solid(x + dx, y + dy)) n++;
            if (n < 0.95 * (2 * r + 1) ** 2) continue;
            let [x1, x2] = [x, x];
            while (solid(x1 - 1, y)) x1--;
            while (solid(x2 + 1, y)) x2++;
            const cx = (x1 + x2) / 2;
            let [y1, y2] = [y, y];
            while (solid(cx, y1 - 1)) y1--;
            while (solid(cx, y2 + 1)) y2++;
            // Smaller solid spots are not nodes (an outline's number is 16 px high).
            if (x2 - x1 < 18 * k || y2 - y1 < 18 * k) continue;
            return [box.left + cx / k, box.top + (y1 + y2) / 2 / k] as [number, number];
          }
        return undefined;
      });
    const dragLayerShown = async () => (await layer('layer1-drag').evaluate((c) => getComputedStyle(c).display)) !== 'none';
    // Pressed and moved: held. A graph still settling on a busy machine can move the node between
    // finding it and pressing it; then it is found again (three tries).
    let x = 0;
    let y = 0;
    for (let attempt = 0; attempt < 3; attempt++) {
      const at = await findNode();
      expect(at, 'a node on the canvas').toBeDefined();
      [x, y] = at!;
      await page.mouse.move(x, y);
      await page.mouse.down();
      await page.mouse.move(x + 40, y + 30, { steps: 5 });
      await page.waitForTimeout(300);
      if (await dragLayerShown()) break;
      await page.mouse.up();
      await page.waitForTimeout(1000);
    }
    // Held: the drag layer shows, with the node on it.
    expect(await dragLayerShown()).toBe(true);
    expect(await inked('layer1-drag', x + 40, y + 30, 5)).toBeGreaterThan(50);
    await page.mouse.up();
    await page.waitForTimeout(300);
    // Let go: back on the node layer where it was dropped, and the drag layer hidden again.
    expect(await layer('layer1-drag').evaluate((c) => getComputedStyle(c).display)).toBe('none');
    expect(await inked('layer2-node', x + 40, y + 30, 5)).toBeGreaterThan(50);
    expect(consoleErrors).toEqual([]);
  });
});
