/**
 * The app in headless Chromium, against the production build: first load, a preference slider
 * change to the next painted frame, long main-thread tasks while editing, and the default
 * Belarus analysis time in the worker. Prints medians and p95s, and the machine it ran on (cores
 * and load average at the start and the end): on a busy machine every figure stretches, so
 * compare runs made under similar load. Long tasks are counted twice: by wall time (the page's
 * PerformanceObserver) and by the main thread's own CPU time (a Chromium trace), which other
 * processes on the machine stretch far less.
 *
 * The page reports each common-core answer as a User Timing measure (ANALYSIS_MEASURE in
 * src/state/measures.ts), read here with `performance.getEntriesByName` (the name is passed to
 * the page's functions, which are sent as text); the coalition graph stamps each draw on its
 * canvas box (data-painted, data-painted-at). The first analysis a first visit sees drawn is the
 * welcome's glance at the common core in index.html's static first screen, timed by the browser's
 * Element Timing (its render time). Each first visit is made in a new window once the browser has
 * finished starting it (see `settled`); one more a run is made the moment the window opens.
 */
import { execSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { preview } from 'vite';
import { chromium, type CDPSession, type Page } from 'playwright-core';
import { ANALYSIS_MEASURE, WORKSPACE_OPEN_MARK } from '../../src/state/measures';
import { FIRST_ANALYSIS_ELEMENT } from '../../src/state/firstScreen';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const median = (xs: number[]) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]! : Number.NaN);
const p95 = (xs: number[]) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)]! : Number.NaN);
const ms = (x: number) => (Number.isFinite(x) ? `${x.toFixed(1)} ms` : 'n/a');

/** Trace events of one renderer task: complete events carry wall (dur) and thread (tdur) time in µs. */
interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string; data?: { url?: string; functionName?: string; lineNumber?: number; columnNumber?: number } };
}

/** Where a long task's time went: the graph's code (Cytoscape, the layout), the app's, or the browser's own steps. */
export type TaskSource = 'graph' | 'app' | 'browser';

/** The browser's own steps in a task: style, layout, paint, and handing the frame to the compositor. */
const BROWSER_STEPS = new Set(['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit', 'ParseHTML', 'ParseAuthorStyleSheet']);

/**
 * The page's main-thread tasks that took over 50 ms of the thread's own CPU time, from a Chromium
 * trace. A busy machine stretches every task's wall time (what PerformanceObserver reports) by
 * however long the thread waited for a core; its CPU time is what the page itself costs. Each is
 * put down to what took most of it: script by its file (the graph's chunks, or the app's), or the
 * browser's own rendering steps.
 */
export function cpuLongTasks(events: readonly TraceEvent[]): { ms: number; source: TaskSource; top: string }[] {
  const main = new Set(events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const onMain = events.filter((e) => e.ph === 'X' && main.has(`${e.pid}:${e.tid}`));
  return onMain
    .filter((e) => e.name === 'RunTask' && (e.tdur ?? 0) > 50_000)
    .map((t) => {
      const end = t.ts + (t.dur ?? 0);
      const spent: Record<TaskSource, number> = { graph: 0, app: 0, browser: 0 };
      /** The task's parts, largest first, in words (for BENCH_DETAIL). */
      const parts: [number, string][] = [];
      for (const e of onMain) {
        if (e === t || e.ts < t.ts || e.ts + (e.dur ?? 0) > end) continue;
        const d = e.tdur ?? e.dur ?? 0;
        if (e.name === 'FunctionCall' || e.name === 'EvaluateScript' || e.name === 'v8.evaluateModule') {
          const data = e.args?.data ?? {};
          const url = data.url ?? '';
          spent[/CoalitionGraph|layout/.test(url) ? 'graph' : 'app'] += d;
          parts.push([d, `${data.functionName || 'script'} ${url.split('/').pop()}:${data.lineNumber ?? ''}:${data.columnNumber ?? ''}`]);
        } else if (BROWSER_STEPS.has(e.name)) {
          spent.browser += d;
          parts.push([d, e.name]);
        }
      }
      const source = (Object.keys(spent) as TaskSource[]).reduce((a, b) => (spent[b] > spent[a] ? b : a));
      const top = parts
        .sort((a, b) => b[0] - a[0])
        .slice(0, 3)
        .map(([d, what]) => `${what} ${(d / 1000).toFixed(1)} ms`)
        .join(', ');
      return { ms: (t.tdur ?? 0) / 1000, source, top };
    });
}

/** Keep, from the page's start, the duration of each long main-thread task the page sees (by wall time). */
const watchLongTasks = (page: Page) =>
  page.addInitScript(() => {
    (window as any).__longTasks = [];
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) (window as any).__longTasks.push(e.duration);
    }).observe({ type: 'longtask', buffered: true });
  });

/** Keep, from the page's start, when each element with an `elementtiming` attribute was first drawn. */
const watchDrawn = (page: Page) =>
  page.addInitScript(() => {
    (window as any).__drawn = {};
    new PerformanceObserver((l) => {
      for (const e of l.getEntries() as (PerformanceEntry & { identifier: string; renderTime: number })[])
        (window as any).__drawn[e.identifier] ??= e.renderTime;
    }).observe({ type: 'element', buffered: true });
  });

/** When the page first drew the glance at the common core (Element Timing), from navigation start; NaN for a build without it. */
const glanceDrawn = (page: Page, timeout = 3000) =>
  page
    .waitForFunction((id) => (window as any).__drawn[id] > 0, FIRST_ANALYSIS_ELEMENT, { timeout })
    .then(() => page.evaluate((id) => (window as any).__drawn[id] as number, FIRST_ANALYSIS_ELEMENT))
    .catch(() => Number.NaN);

/**
 * Wait until the browser's processes go quiet. A new window of headless Chromium keeps the
 * browser busy for a second or more (measured here: about 1.5 s of nearly both cores, loading
 * the browser's own user interface for the window), so an address opened in it at once shares
 * the machine with that. A person's browser window is open before they type an address: the
 * figures are taken in a settled window, and the bench says how long settling took. Quiet is
 * under 15 ms of CPU across all the browser's processes in each of three 100 ms spans in a row,
 * or `capMs` (10 s), whichever comes first. Returns the milliseconds waited.
 */
export async function settled(cdp: Pick<CDPSession, 'send'>, capMs = 10_000): Promise<number> {
  const cpuTime = async () => {
    const r = (await cdp.send('SystemInfo.getProcessInfo')) as { processInfo: { cpuTime: number }[] };
    return r.processInfo.reduce((a, p) => a + p.cpuTime, 0);
  };
  const t0 = Date.now();
  let last = await cpuTime();
  let quiet = 0;
  while (quiet < 3 && Date.now() - t0 < capMs) {
    await new Promise((r) => setTimeout(r, 100));
    const now = await cpuTime();
    quiet = (now - last) * 1000 < 15 ? quiet + 1 : 0;
    last = now;
  }
  return Date.now() - t0;
}

/** The machine the figures come from: they scale with its cores and with whatever else it is running. */
function machine(): string {
  const c = cpus();
  return `${c.length} cores (${c[0]?.model.trim() ?? 'unknown CPU'}), load average ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`;
}

export async function main() {
  // COREPLAY_DIST=folder measures a build made beforehand (`vite build --outDir folder`) instead of building dist/.
  const outDir = process.env.COREPLAY_DIST;
  if (!outDir) execSync('npx vite build --logLevel error', { stdio: 'inherit' });
  console.log(`machine at the start: ${machine()}`);
  const server = await preview({ preview: { port: 0, host: '127.0.0.1' }, ...(outDir ? { build: { outDir } } : {}), logLevel: 'error' });
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
  const cdp = await browser.newBrowserCDPSession();
  try {
    const loads: number[] = [];
    const settling: number[] = [];
    const unsettledGlance: number[] = [];
    const slider: number[] = [];
    const longTasks: number[] = [];
    const analysis: number[] = [];
    const toResult: number[] = [];
    const firstAnalysis: number[] = [];
    const firstAt: number[] = [];
    const firstInWorker: number[] = [];
    const openAt: number[] = [];
    const glanceAt: number[] = [];
    const reloadGlanceAt: number[] = [];
    const reloadFirstAt: number[] = [];
    const reloadOpenAt: number[] = [];
    const inWorker: number[] = [];
    const playTasks: number[] = [];
    const playSteps: number[] = [];
    const graphPaint: number[] = [];
    const graphAfterAnalysis: number[] = [];
    const minimumChange: number[] = [];
    const graphScrollTasks: number[] = [];
    const laterRoundTasks: number[] = [];
    const straightTasks: number[] = [];
    const cpu = { edit: [] as number[], play: [] as number[], scroll: [] as number[], later: [] as number[], straight: [] as number[] };
    /** What each list's CPU-long tasks were spent on. */
    const sources = new Map<number[], TaskSource[]>();
    /** Start counting long tasks (the page's observer, and a trace for their CPU time). */
    const reset = async (p: Page) => {
      await p.evaluate(() => ((window as any).__longTasks = []));
      await browser.startTracing(p, { categories: ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline'] });
    };
    /** Stop counting: the long tasks by wall time into `wall`, by CPU time into `cpuOf`. */
    const collect = async (p: Page, wall: number[], cpuOf: number[]) => {
      const trace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents?: TraceEvent[] } | TraceEvent[];
      const found = cpuLongTasks(Array.isArray(trace) ? trace : (trace.traceEvents ?? []));
      cpuOf.push(...found.map((x) => x.ms));
      // BENCH_DETAIL=1: where each of these tasks went, as it is found.
      if (process.env.BENCH_DETAIL) for (const x of found) console.log(`  long task ${ms(x.ms)} (${x.source}): ${x.top}`);
      sources.set(cpuOf, [...(sources.get(cpuOf) ?? []), ...found.map((x) => x.source)]);
      wall.push(...(await p.evaluate(() => (window as any).__longTasks as number[])));
    };
    for (let r = 0; r < RUNS; r++) {
      const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
      const page = await context.newPage();
      // A busy machine can take well over the default 30 s to lazy-load and draw a graph.
      page.setDefaultTimeout(120_000);
      await watchLongTasks(page);
      await watchDrawn(page);
      settling.push(await settled(cdp));
      const t0 = Date.now();
      await page.goto(url);
      await page.locator('[role=tab]').first().waitFor();
      loads.push(Date.now() - t0);
      // The page's load event, or the app's own code fetched if later: on a first visit index.html
      // asks for the app's code only once its static first screen is drawn, after the load event.
      await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => /\/index-[\w-]{8}\.js$/.test(e.name)));
      const nav = await page.evaluate(() => {
        const n = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        const app = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((e) => /\/(index|start)-[\w-]{8}\.js$/.test(e.name));
        return Math.max(n.loadEventEnd, ...app.map((e) => e.responseEnd)) - n.startTime;
      });
      loads[loads.length - 1] = Math.max(nav, 0) || loads[loads.length - 1]!;
      /** Until the worker's first whole answer is on the page (by then the other tabs' code is in too). */
      const workerAnswered = () =>
        page.waitForFunction(
          (name) => (performance.getEntriesByName(name) as PerformanceMeasure[]).some((e) => typeof e.detail?.workerMs === 'number'),
          ANALYSIS_MEASURE,
          { timeout: 30_000 },
        );
      // The first entry is the first answer on screen (a prebuilt one for an unedited built-in); the
      // time in the worker is that of its first whole answer.
      await workerAnswered();
      const [req, at, worker] = await page.evaluate((name) => {
        const es = performance.getEntriesByName(name) as PerformanceMeasure[];
        const first = es[0]!;
        const inWorker = es.map((e) => e.detail?.workerMs).filter((x): x is number => typeof x === 'number');
        return [first.duration, first.startTime + first.duration, inWorker[0]] as number[];
      }, ANALYSIS_MEASURE);
      firstAnalysis.push(req!);
      firstAt.push(at!);
      firstInWorker.push(worker!);
      /** When the first analysis and the workspace read back were on screen, from navigation start. */
      const firstScreen = async () => {
        await page.waitForFunction(([a, o]) => performance.getEntriesByName(a).length > 0 && performance.getEntriesByName(o).length > 0, [
          ANALYSIS_MEASURE,
          WORKSPACE_OPEN_MARK,
        ] as const);
        return page.evaluate(
          ([a, o]) => {
            const first = performance.getEntriesByName(a)[0] as PerformanceMeasure;
            return [first.startTime + first.duration, performance.getEntriesByName(o)[0]!.startTime] as const;
          },
          [ANALYSIS_MEASURE, WORKSPACE_OPEN_MARK] as const,
        );
      };
      openAt.push((await firstScreen())[1]);
      glanceAt.push(await glanceDrawn(page));
      // Reloaded once the page has settled (the other tabs' code is fetched once the workspace is
      // open; a reload in the middle of that waits for it).
      await page.waitForFunction(() =>
        ['CoalitionGraph', 'EditView', 'AnalyseView', 'CompareTab'].every((v) =>
          performance.getEntriesByType('resource').some((e) => e.name.includes(`/${v}-`)),
        ),
      );
      await page.waitForTimeout(1000);
      // The same page reloaded: its files come from the browser's cache and the workspace is read back
      // (nothing was changed, so nothing is saved yet: it is still a first visit's screen).
      await page.reload();
      const [again, open] = await firstScreen();
      reloadGlanceAt.push(await glanceDrawn(page));
      reloadFirstAt.push(again);
      reloadOpenAt.push(open);
      // Then, as after the first load, the worker's whole answer.
      await workerAnswered();
      await page.locator('#tab-edit').click();
      await page.locator('[data-edit-actor=russia]').click();
      await page.waitForTimeout(500);
      await reset(page);
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
      await collect(page, longTasks, cpu.edit);
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
      await reset(page);
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
      await collect(page, longTasks, cpu.edit);
      // Playing: a round with two teams and eight bots, long tasks recorded throughout.
      await page.locator('#tab-play').click();
      await page.locator('[data-testid=start-run]').click();
      await reset(page);
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
      await page.locator('[data-testid=debrief-table]').waitFor({ state: 'attached' });
      await page.waitForTimeout(1000);
      await collect(page, playTasks, cpu.play);
      // The run's graph sits below the debrief and waits to be scrolled to: scroll to it and
      // record the long tasks while it lays out, animates and draws the round.
      await reset(page);
      await page.locator('.run-charts .cg').scrollIntoViewIfNeeded();
      await page.locator('.run-charts .cg-canvas[data-painted]').waitFor();
      await page.waitForTimeout(1000);
      await collect(page, graphScrollTasks, cpu.scroll);
      await reset(page);
      await step(() => page.locator('[data-testid=next-round]').click());
      await page.waitForTimeout(300);
      await collect(page, playTasks, cpu.play);
      // Two more rounds with the run's graph in view, as a class goes on: from resolving the
      // round until the graph has drawn it.
      for (let round = 2; round <= 3; round++) {
        await page.locator('[data-testid=start-round]').click();
        for (const team of ['Team A', 'Team B']) {
          await page.getByRole('button', { name: `I am ${team} — show my options` }).click();
          await page.locator('[data-move] input:not([disabled])').nth(round).check();
          await page.locator('[data-testid=commit-move]').click();
        }
        await reset(page);
        const painted = await page.locator('.run-charts .cg-canvas').getAttribute('data-painted');
        await page.locator('[data-testid=resolve-round]').click();
        await page.locator('[data-testid=debrief-table]').waitFor({ state: 'attached' });
        await page.locator('.run-charts .cg').scrollIntoViewIfNeeded();
        await page.waitForFunction((p) => document.querySelector('.run-charts .cg-canvas')?.getAttribute('data-painted') !== p, painted);
        await page.waitForTimeout(1000);
        await collect(page, laterRoundTasks, cpu.later);
        await page.locator('[data-testid=next-round]').click();
        await page.waitForTimeout(300);
      }
      await context.close();
      // A teacher who opens the app and plays at once: the graph's code loads on first use.
      const straight = await browser.newContext({ viewport: { width: 1366, height: 900 } });
      const p2 = await straight.newPage();
      p2.setDefaultTimeout(120_000);
      await watchLongTasks(p2);
      await settled(cdp);
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
      await reset(p2);
      await p2.locator('[data-testid=resolve-round]').click();
      await p2.locator('[data-testid=debrief-table]').waitFor({ state: 'attached' });
      await p2.locator('.run-charts .cg').scrollIntoViewIfNeeded();
      await p2.locator('.run-charts .cg-canvas[data-painted]').waitFor();
      await p2.waitForTimeout(1000);
      await collect(p2, straightTasks, cpu.straight);
      await straight.close();
      // The same first visit with the address opened the moment the window is made, while the
      // browser is still starting the window: what the figures above leave out.
      await settled(cdp);
      const hasty = await browser.newContext({ viewport: { width: 1366, height: 900 } });
      const p3 = await hasty.newPage();
      await watchDrawn(p3);
      await p3.goto(url);
      unsettledGlance.push(await glanceDrawn(p3, 5000));
      await hasty.close();
    }
    console.log(
      `first load (production build, localhost; the load event or the app's code fetched, whichever is later): median ${ms(median(loads))}, p95 ${ms(p95(loads))} over ${RUNS} loads`,
    );
    console.log(`slider change → painted frame: median ${ms(median(slider))}, p95 ${ms(p95(slider))} over ${slider.length} changes`);
    console.log(
      `first analysis drawn on a first visit (the welcome's glance at the opening scenario's common core, in index.html, made at build time; Element Timing), from navigation start: median ${ms(median(glanceAt))}, p95 ${ms(p95(glanceAt))}; after a reload median ${ms(median(reloadGlanceAt))}, p95 ${ms(p95(reloadGlanceAt))}`,
    );
    console.log(
      `  a new window settled before each first visit (the browser busy starting it) in median ${ms(median(settling))}, p95 ${ms(p95(settling))}; the glance with the address opened in the window at once, while it starts: median ${ms(median(unsettledGlance))}, p95 ${ms(p95(unsettledGlance))}`,
    );
    console.log(
      `first analysis on the page, from navigation start (the worker starts and loads HiGHS while the page reads the scenario): median ${ms(median(firstAt))}, p95 ${ms(p95(firstAt))}`,
    );
    console.log(
      `the workspace on screen (read back from the browser's storage; before that the panel says "Loading your workspace…"), from navigation start: median ${ms(median(openAt))}, p95 ${ms(p95(openAt))}`,
    );
    console.log(
      `after a reload (files from the cache): first analysis on the page median ${ms(median(reloadFirstAt))}, p95 ${ms(p95(reloadFirstAt))}; the workspace on screen median ${ms(median(reloadOpenAt))}, p95 ${ms(p95(reloadOpenAt))}`,
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
    const tasks = (xs: number[], over: string) => `${xs.length} over ${over}${xs.length ? `, longest ${ms(Math.max(...xs))}, median ${ms(median(xs))}` : ''}`;
    const spentOn = (cpuOf: number[]) => {
      const xs = sources.get(cpuOf) ?? [];
      const n = (s: TaskSource) => xs.filter((x) => x === s).length;
      return xs.length ? ` (mostly in the graph's code ${n('graph')}, the app's ${n('app')}, the browser's rendering steps ${n('browser')})` : '';
    };
    const both = (what: string, wall: number[], cpuOf: number[], over: string) =>
      console.log(
        `long main-thread tasks ${what}: ${tasks(wall, over)}; of them over 50 ms of the page's own CPU time: ${tasks(cpuOf, over)}${spentOn(cpuOf)}`,
      );
    both('while editing (slider changes with the live graph)', longTasks, cpu.edit, `${RUNS} runs`);
    both('while playing a round (2 teams, 8 bots, debrief)', playTasks, cpu.play, `${RUNS} rounds`);
    both("while the run's graph, scrolled to, draws the round", graphScrollTasks, cpu.scroll, `${RUNS} rounds`);
    both("in rounds 2 and 3, from resolving the round to the run's graph (in view) drawing it", laterRoundTasks, cpu.later, `${2 * RUNS} rounds`);
    both(
      "when the first round is played straight after load (the graph's code loads then), resolve to graph drawn",
      straightTasks,
      cpu.straight,
      `${RUNS} rounds`,
    );
    console.log(`machine at the end: ${machine()}`);
  } finally {
    await browser.close();
    await server.close();
  }
}
