/**
 * The app in headless Chromium, against the production build: first load, a preference slider
 * change to the next painted frame, long main-thread tasks while editing, and the default
 * Belarus analysis time in the worker. Prints medians and p95s.
 *
 * The page reports each common-core answer as a User Timing measure (ANALYSIS_MEASURE in
 * src/state/measures.ts), read here with `performance.getEntriesByName` (the name is passed to
 * the page's functions, which are sent as text); the coalition graph stamps each draw on its
 * canvas box (data-painted, data-painted-at).
 */
import { execSync } from 'node:child_process';
import { preview } from 'vite';
import { chromium } from 'playwright-core';
import { ANALYSIS_MEASURE } from '../../src/state/measures';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)]!;
const ms = (x: number) => `${x.toFixed(1)} ms`;

export async function main() {
  execSync('npx vite build --logLevel error', { stdio: 'inherit' });
  const server = await preview({ preview: { port: 0, host: '127.0.0.1' }, logLevel: 'error' });
  const url = server.resolvedUrls!.local[0]!;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    const loads: number[] = [];
    const slider: number[] = [];
    const longTasks: number[] = [];
    const analysis: number[] = [];
    const toResult: number[] = [];
    const firstAnalysis: number[] = [];
    const firstAt: number[] = [];
    const firstInWorker: number[] = [];
    const inWorker: number[] = [];
    const playTasks: number[] = [];
    const playSteps: number[] = [];
    const graphPaint: number[] = [];
    const graphAfterAnalysis: number[] = [];
    const minimumChange: number[] = [];
    const graphScrollTasks: number[] = [];
    const laterRoundTasks: number[] = [];
    const straightTasks: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
      const page = await context.newPage();
      await page.addInitScript(() => {
        (window as any).__longTasks = [];
        new PerformanceObserver((l) => {
          for (const e of l.getEntries()) (window as any).__longTasks.push(e.duration);
        }).observe({ type: 'longtask', buffered: true });
      });
      const t0 = Date.now();
      await page.goto(url);
      await page.locator('[role=tab]').first().waitFor();
      loads.push(Date.now() - t0);
      const nav = await page.evaluate(() => {
        const n = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        return n.loadEventEnd - n.startTime;
      });
      loads[loads.length - 1] = Math.max(nav, 0) || loads[loads.length - 1]!;
      await page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, ANALYSIS_MEASURE, { timeout: 30_000 });
      const [req, at, worker] = await page.evaluate((name) => {
        const es = performance.getEntriesByName(name) as PerformanceMeasure[];
        const last = es[es.length - 1]!;
        const inWorker = es.map((e) => e.detail?.workerMs).filter((x): x is number => typeof x === 'number');
        return [last.duration, last.startTime + last.duration, inWorker[0]] as number[];
      }, ANALYSIS_MEASURE);
      firstAnalysis.push(req!);
      firstAt.push(at!);
      firstInWorker.push(worker!);
      await page.locator('#tab-edit').click();
      await page.locator('[data-edit-actor=russia]').click();
      await page.waitForTimeout(500);
      await page.evaluate(() => ((window as any).__longTasks = []));
      const input = page.getByLabel('Capability', { exact: true });
      for (let k = 0; k < 10; k++) {
        const dt = await input.evaluate(
          (el: HTMLInputElement, v) => {
            return new Promise<number>((resolve) => {
              const start = performance.now();
              el.value = String(v);
              el.dispatchEvent(new Event('input', { bubbles: true }));
              requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - start)));
            });
          },
          0.3 + k * 0.05,
        );
        slider.push(dt);
      }
      await page.waitForTimeout(300);
      longTasks.push(...(await page.evaluate(() => (window as any).__longTasks as number[])));
      const a = await page.evaluate((name) => performance.getEntriesByName(name).at(-1)?.duration, ANALYSIS_MEASURE);
      if (typeof a === 'number') analysis.push(a);
      // A slider change until the new common-core answer is back on the main thread.
      for (let k = 0; k < 5; k++) {
        const dt = await input.evaluate(
          (el: HTMLInputElement, [v, name]) => {
            // No named functions in here: the page gets this function's text, without tsx's name helper.
            return new Promise<number>((resolve) => {
              const before = performance.getEntriesByName(name).length;
              const start = performance.now();
              el.value = String(v);
              el.dispatchEvent(new Event('input', { bubbles: true }));
              const timer = setInterval(() => {
                if (performance.getEntriesByName(name).length > before) {
                  clearInterval(timer);
                  resolve(performance.now() - start);
                }
              }, 1);
            });
          },
          [0.55 + k * 0.05, ANALYSIS_MEASURE] as const,
        );
        toResult.push(dt);
      }
      const workerMs = () =>
        page.evaluate(
          (n) => (performance.getEntriesByName(n) as PerformanceMeasure[]).map((e) => e.detail?.workerMs).filter((x): x is number => typeof x === 'number'),
          ANALYSIS_MEASURE,
        );
      const analysedAt = () =>
        page.evaluate((n) => {
          const e = performance.getEntriesByName(n).at(-1);
          return e ? e.startTime + e.duration : 0;
        }, ANALYSIS_MEASURE);
      inWorker.push(...(await workerMs()).slice(1));
      // A minimum's bound changed: the readings involving Russia are new polytopes, so this is
      // the common core computed afresh (only LPs already seen are answered from memory).
      const bound = page.getByLabel('Russia: no Western drift: bound');
      for (let k = 0; k < 4; k++) {
        const before = await analysedAt();
        await bound.fill(String(0.21 + k * 0.01));
        await bound.press('Enter');
        await page.waitForFunction(
          ([b, n]) => {
            const e = performance.getEntriesByName(n).at(-1);
            return (e ? e.startTime + e.duration : 0) > b;
          },
          [before, ANALYSIS_MEASURE] as const,
          { timeout: 30_000 },
        );
        minimumChange.push((await workerMs()).at(-1)!);
      }
      // A slider change until the live coalition graph beside the editor is drawn with it, and
      // until it is drawn again with the new analysis (coalitions) from the worker.
      await page.locator('.live-panel .cg-canvas[data-painted]').waitFor({ timeout: 30_000 });
      await page.waitForTimeout(500);
      await page.evaluate(() => ((window as any).__longTasks = []));
      for (let k = 0; k < 10; k++) {
        const [first, full] = await input.evaluate(
          (el: HTMLInputElement, [v, name]) => {
            return new Promise<[number, number]>((resolve) => {
              const canvas = document.querySelector('.live-panel .cg-canvas') as HTMLElement;
              const before = canvas.dataset.painted;
              const analysesBefore = performance.getEntriesByName(name).length;
              const start = performance.now();
              el.value = String(v);
              el.dispatchEvent(new Event('input', { bubbles: true }));
              let first = NaN;
              const timer = setInterval(() => {
                if (Number.isNaN(first) && canvas.dataset.painted !== before) first = Number(canvas.dataset.paintedAt) - start;
                const analyses = performance.getEntriesByName(name);
                const last = analyses[analyses.length - 1];
                const at = last ? last.startTime + last.duration : 0;
                if (!Number.isNaN(first) && analyses.length > analysesBefore && Number(canvas.dataset.paintedAt) >= at) {
                  clearInterval(timer);
                  resolve([first, Number(canvas.dataset.paintedAt) - start]);
                }
              }, 1);
              setTimeout(() => {
                clearInterval(timer);
                resolve([first, NaN]);
              }, 5000);
            });
          },
          [0.32 + k * 0.04, ANALYSIS_MEASURE] as const,
        );
        graphPaint.push(first);
        graphAfterAnalysis.push(full);
        await page.waitForTimeout(150);
      }
      longTasks.push(...(await page.evaluate(() => (window as any).__longTasks as number[])));
      // Playing: a round with two teams and eight bots, long tasks recorded throughout.
      await page.locator('#tab-play').click();
      await page.locator('[data-testid=start-run]').click();
      await page.evaluate(() => ((window as any).__longTasks = []));
      const step = async (f: () => Promise<void>) => {
        const t0 = Date.now();
        await f();
        playSteps.push(Date.now() - t0);
      };
      await step(() => page.locator('[data-testid=start-round]').click());
      for (const [team, move] of [
        ['Team A', 'release_123'],
        ['Team B', 'ease_potash_partial'],
      ]) {
        await page.getByRole('button', { name: `I am ${team} — show my options` }).click();
        await page.locator(`[data-move=${move}] input`).check();
        await step(() => page.locator('[data-testid=commit-move]').click());
      }
      await step(() => page.locator('[data-testid=resolve-round]').click());
      await page.locator('[data-testid=debrief-table]').waitFor();
      await page.waitForTimeout(1000);
      playTasks.push(...(await page.evaluate(() => (window as any).__longTasks as number[])));
      // The run's graph sits below the debrief and waits to be scrolled to: scroll to it and
      // record the long tasks while it lays out, animates and draws the round.
      await page.evaluate(() => ((window as any).__longTasks = []));
      await page.locator('.run-charts .cg').scrollIntoViewIfNeeded();
      await page.locator('.run-charts .cg-canvas[data-painted]').waitFor();
      await page.waitForTimeout(1000);
      graphScrollTasks.push(...(await page.evaluate(() => (window as any).__longTasks as number[])));
      await page.evaluate(() => ((window as any).__longTasks = []));
      await step(() => page.locator('[data-testid=next-round]').click());
      await page.waitForTimeout(300);
      playTasks.push(...(await page.evaluate(() => (window as any).__longTasks as number[])));
      // Two more rounds with the run's graph in view, as a class goes on: from resolving the
      // round until the graph has drawn it.
      for (let round = 2; round <= 3; round++) {
        await page.locator('[data-testid=start-round]').click();
        for (const team of ['Team A', 'Team B']) {
          await page.getByRole('button', { name: `I am ${team} — show my options` }).click();
          await page.locator('[data-move] input:not([disabled])').nth(round).check();
          await page.locator('[data-testid=commit-move]').click();
        }
        await page.evaluate(() => ((window as any).__longTasks = []));
        const painted = await page.locator('.run-charts .cg-canvas').getAttribute('data-painted');
        await page.locator('[data-testid=resolve-round]').click();
        await page.locator('[data-testid=debrief-table]').waitFor();
        await page.locator('.run-charts .cg').scrollIntoViewIfNeeded();
        await page.waitForFunction((p) => document.querySelector('.run-charts .cg-canvas')?.getAttribute('data-painted') !== p, painted);
        await page.waitForTimeout(1000);
        laterRoundTasks.push(...(await page.evaluate(() => (window as any).__longTasks as number[])));
        await page.locator('[data-testid=next-round]').click();
        await page.waitForTimeout(300);
      }
      await context.close();
      // A teacher who opens the app and plays at once: the graph's code loads on first use.
      const straight = await browser.newContext({ viewport: { width: 1366, height: 900 } });
      const p2 = await straight.newPage();
      await p2.addInitScript(() => {
        (window as any).__longTasks = [];
        new PerformanceObserver((l) => {
          for (const e of l.getEntries()) (window as any).__longTasks.push(e.duration);
        }).observe({ type: 'longtask', buffered: true });
      });
      await p2.goto(url);
      await p2.waitForFunction((name) => performance.getEntriesByName(name).length > 0, ANALYSIS_MEASURE, { timeout: 30_000 });
      await p2.waitForTimeout(500);
      await p2.locator('#tab-play').click();
      await p2.locator('[data-testid=start-run]').click();
      await p2.locator('[data-testid=start-round]').click();
      for (const team of ['Team A', 'Team B']) {
        await p2.getByRole('button', { name: `I am ${team} — show my options` }).click();
        await p2.locator('[data-move] input:not([disabled])').first().check();
        await p2.locator('[data-testid=commit-move]').click();
      }
      await p2.evaluate(() => ((window as any).__longTasks = []));
      await p2.locator('[data-testid=resolve-round]').click();
      await p2.locator('[data-testid=debrief-table]').waitFor();
      await p2.locator('.run-charts .cg').scrollIntoViewIfNeeded();
      await p2.locator('.run-charts .cg-canvas[data-painted]').waitFor();
      await p2.waitForTimeout(1000);
      straightTasks.push(...(await p2.evaluate(() => (window as any).__longTasks as number[])));
      await straight.close();
    }
    console.log(`first load (production build, localhost): median ${ms(median(loads))}, p95 ${ms(p95(loads))} over ${RUNS} loads`);
    console.log(`slider change → painted frame: median ${ms(median(slider))}, p95 ${ms(p95(slider))} over ${slider.length} changes`);
    console.log(
      `long main-thread tasks while editing (slider changes with the live graph): ${longTasks.length}${longTasks.length ? `, longest ${ms(Math.max(...longTasks))}` : ''}`,
    );
    console.log(
      `first analysis on the page, from navigation start (the worker starts and loads HiGHS while the page reads the scenario): median ${ms(median(firstAt))}, p95 ${ms(p95(firstAt))}`,
    );
    console.log(
      `  of which from the request to the answer: median ${ms(median(firstAnalysis))}, p95 ${ms(p95(firstAnalysis))}; in the worker (what is left of the HiGHS load, then the first, cold run of the common core of the scenario and its 4 readings): median ${ms(median(firstInWorker))}, p95 ${ms(p95(firstInWorker))}`,
    );
    if (inWorker.length)
      console.log(
        `default Belarus analysis in the worker after a capability change (common core of the scenario and its 4 readings; the polytopes are unchanged, so sets and centres are reused): median ${ms(median(inWorker))}, p95 ${ms(p95(inWorker))} over ${inWorker.length}`,
      );
    console.log(
      `Belarus analysis in the worker after a minimum changes (common core of the scenario and its 4 readings, fresh polytopes): median ${ms(median(minimumChange))}, p95 ${ms(p95(minimumChange))} over ${minimumChange.length}`,
    );
    if (toResult.length)
      console.log(`slider change → new analysis on the main thread: median ${ms(median(toResult))}, p95 ${ms(p95(toResult))} over ${toResult.length} changes`);
    const ok = (xs: number[]) => xs.filter((x) => Number.isFinite(x));
    console.log(
      `slider change → live coalition graph drawn with it: median ${ms(median(ok(graphPaint)))}, p95 ${ms(p95(ok(graphPaint)))} over ${ok(graphPaint).length} of ${graphPaint.length} changes`,
    );
    console.log(
      `slider change → graph drawn again with the new analysis: median ${ms(median(ok(graphAfterAnalysis)))}, p95 ${ms(p95(ok(graphAfterAnalysis)))} over ${ok(graphAfterAnalysis).length} of ${graphAfterAnalysis.length} changes`,
    );
    console.log(
      `long main-thread tasks while playing a round (2 teams, 8 bots, debrief): ${playTasks.length} over ${RUNS} rounds${playTasks.length ? `, longest ${ms(Math.max(...playTasks))}, median ${ms(median(playTasks))}` : ''}`,
    );
    console.log(
      `long main-thread tasks while the run's graph, scrolled to, draws the round: ${graphScrollTasks.length} over ${RUNS} rounds${graphScrollTasks.length ? `, longest ${ms(Math.max(...graphScrollTasks))}, median ${ms(median(graphScrollTasks))}` : ''}`,
    );
    const tasks = (xs: number[], over: string) => `${xs.length} over ${over}${xs.length ? `, longest ${ms(Math.max(...xs))}, median ${ms(median(xs))}` : ''}`;
    console.log(
      `long main-thread tasks in rounds 2 and 3, from resolving the round to the run's graph (in view) drawing it: ${tasks(laterRoundTasks, `${2 * RUNS} rounds`)}`,
    );
    console.log(
      `long main-thread tasks when the first round is played straight after load (the graph's code loads then), resolve to graph drawn: ${tasks(straightTasks, `${RUNS} rounds`)}`,
    );
  } finally {
    await browser.close();
    await server.close();
  }
}
