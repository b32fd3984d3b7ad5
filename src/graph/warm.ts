/**
 * Readies the coalition graph while the page is idle, so that the first graph a teacher opens —
 * the debrief's run graph, the Analyse tab's graph — does not also pay for the browser compiling
 * Cytoscape's styling and drawing code (on a slow laptop that first draw alone runs past 100 ms,
 * later draws take a few). A tiny graph in an off-screen box is drawn in small steps, one idle
 * slot each, and then removed; the layout worker is started with a tiny layout of its own.
 */
import cytoscape from 'cytoscape';
import { graphStylesheet } from './style';
import { warmLayoutWorker } from './layoutClient';

const idle = () =>
  new Promise<void>((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout: 1000 });
    else setTimeout(resolve, 30);
  });
const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

let started: Promise<void> | undefined;

export function warmGraphs(largeText = false): Promise<void> {
  started ??= run(largeText).catch(() => undefined);
  return started;
}

async function run(largeText: boolean): Promise<void> {
  void warmLayoutWorker();
  const host = document.createElement('div');
  host.setAttribute('aria-hidden', 'true');
  host.style.cssText = 'position:fixed;left:-2000px;top:0;width:240px;height:160px;pointer-events:none;';
  document.body.append(host);
  await idle();
  const cy = cytoscape({ style: graphStylesheet({ largeText, showCompatible: false }), elements: [], minZoom: 0.15, maxZoom: 4 });
  try {
    const actor = (id: string, x: number, parent?: string) => ({
      group: 'nodes' as const,
      data: { id, size: 40, shape: 'ellipse', colour: '#cfe3ff', border: '#1b5fad', display: `${id}\nu 0.50`, ...(parent ? { parent } : {}) },
      classes: 'actor posture-engaged',
      position: { x, y: 0 },
    });
    // Each step compiles a little more of the styling and drawing code, in its own idle slot.
    await idle();
    cy.add(actor('a', 0));
    cy.mount(host);
    await frame();
    await idle();
    cy.add([{ group: 'nodes', data: { id: 'g', label: 'Compatible set' }, classes: 'coalition' }]);
    cy.add(actor('b', 90, 'g'));
    cy.getElementById('a').move({ parent: 'g' });
    await frame();
    await idle();
    cy.add([
      { group: 'edges', data: { id: 'e1', kind: 'alignment', source: 'a', target: 'b', weight: 0.9, caption: '' }, classes: 'alignment' },
      { group: 'edges', data: { id: 'e2', kind: 'incompatible', source: 'b', target: 'a', weight: 1, caption: '' }, classes: 'compat incompatible' },
    ]);
    await frame();
    await idle();
    cy.add(actor('c', 180));
    cy.add([
      { group: 'edges', data: { id: 'e3', kind: 'deal', source: 'a', target: 'c', weight: 1, caption: 'deal' }, classes: 'deal' },
      { group: 'edges', data: { id: 'e4', kind: 'threat', source: 'c', target: 'b', weight: 1, caption: 'threat' }, classes: 'threat' },
    ]);
    cy.getElementById('c').addClass('unacceptable');
    await frame();
    await idle();
    cy.nodes().forEach((n) => void n.boundingBox({ includeLabels: true, includeOverlays: false }));
    cy.getElementById('c').animate({ position: { x: 150, y: 40 } }, { duration: 60 });
    cy.animate({ zoom: 1.1, pan: { x: 10, y: 10 } }, { duration: 60 });
    await new Promise((r) => setTimeout(r, 120));
    await frame();
  } finally {
    cy.destroy();
    host.remove();
  }
}
