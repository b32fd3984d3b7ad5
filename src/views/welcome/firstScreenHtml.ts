/**
 * The static first screen written into index.html when the app is built: the app's header and
 * tabs, the welcome (Welcome.tsx's markup and words) with its glance at the opening built-in's
 * common core made at build time, and the app's "Loading your workspace…". Its controls are inert:
 * they work once the app has taken over, a moment later. An end-to-end test (first-screen.e2e.ts)
 * checks that it reads the same as the app's own first screen.
 */
import { FIRST_ANALYSIS_ELEMENT, FIRST_SCREEN_ID } from '../../state/firstScreen';
import { WELCOME_WORDS as W, type Segment } from './words';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export interface FirstScreen {
  /** The opening scenario's title, as the header shows it. */
  title: string;
  /** The teaching games, as Welcome's list offers them, the first one chosen. */
  teaching: { value: string; title: string }[];
  /** The value Welcome chooses first. */
  chosen: string;
  /** The glance at the opening scenario's common core (coreGlance). */
  glance: Segment[];
  /** The tabs, as the app's tab list names them, the first one chosen. */
  tabs: { id: string; label: string }[];
  chosenTab: string;
}

export function firstScreenHtml(f: FirstScreen): string {
  const glance = f.glance.map((g) => (g.strong ? `<strong class="${g.strong}">${esc(g.text)}</strong>` : esc(g.text))).join('');
  const options = f.teaching.map((t) => `<option value="${esc(t.value)}"${t.value === f.chosen ? ' selected' : ''}>${esc(t.title)}</option>`).join('');
  const tabs = f.tabs.map((t) => `<button role="tab" type="button" aria-selected="${t.id === f.chosenTab}" tabindex="-1">${esc(t.label)}</button>`).join('');
  return `<div id="${FIRST_SCREEN_ID}" inert><div class="app">
<header class="topbar"><h1>Coreplay</h1><span class="scenario-title">${esc(f.title)}</span></header>
<section class="welcome">
<div class="welcome-head"><h2>${esc(W.title)}</h2><button type="button" class="welcome-close">${esc(W.close)}</button></div>
<p class="welcome-lead">${esc(W.lead)}</p>
<p>${esc(W.about)}</p>
<ul class="welcome-starts">
<li><h3>${esc(W.belarus.heading)}</h3><p>${esc(W.belarus.text)}</p><button type="button" class="primary">${esc(W.belarus.button)}</button></li>
<li><h3>${esc(W.teaching.heading)}</h3><p>${esc(W.teaching.text)}</p><div class="welcome-pick"><label><span class="visually-hidden">${esc(W.teaching.label)}</span><select aria-label="${esc(W.teaching.label)}">${options}</select></label><button type="button" class="primary">${esc(W.teaching.button)}</button></div></li>
<li><h3>${esc(W.analyse.heading)}</h3><p>${esc(W.analyse.text)}</p><p class="welcome-glance" elementtiming="${FIRST_ANALYSIS_ELEMENT}">${glance}</p><button type="button" class="primary">${esc(W.analyse.button)}</button></li>
</ul>
<p class="welcome-foot">${esc(W.footBefore)} <button type="button" class="linkish">${esc(W.footLink)}</button> ${esc(W.footAfter)}</p>
</section>
<div class="tabs" role="tablist" aria-label="Views">${tabs}</div>
<p class="loading">Loading your workspace…</p>
</div></div>`;
}
