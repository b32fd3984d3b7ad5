// @vitest-environment jsdom
/**
 * The first screen's glance at a common core, and index.html's static first screen: its words
 * come from the one table the app's Welcome reads, its text is escaped, and the script that shows
 * it decides on the saved-work flag and the address alone.
 */
import { describe, expect, it } from 'vitest';
import type { ReadingReport } from '../../workers/api';
import { coreGlance, WELCOME_WORDS } from '../../src/views/welcome/words';
import { firstScreenHtml } from '../../src/views/welcome/firstScreenHtml';
import { dropFirstScreen, firstVisitScript, rememberSaved } from '../../src/state/firstScreen';

type Added = { rel?: string; type?: string; href?: string; src?: string; crossOrigin?: string };
/** firstVisitScript run against a stand-in page: the address, what is saved, and the timers and frames it waits on. */
function run(hash: string, saved: boolean | 'refused', app?: Parameters<typeof firstVisitScript>[0], hidden = false) {
  const classes = new Set<string>();
  const added: Added[] = [];
  const timers: { at: number; f: () => void }[] = [];
  const frames: (() => void)[] = [];
  const store = {
    getItem: (k: string) => {
      if (saved === 'refused') throw new Error('denied');
      return saved && k === 'coreplay:saved' ? '1' : null;
    },
  };
  const document = {
    hidden,
    documentElement: { classList: { add: (c: string) => classes.add(c), contains: (c: string) => classes.has(c) } },
    createElement: (): Added => ({}),
    head: { appendChild: (e: Added) => added.push(e) },
  };
  new Function('location', 'localStorage', 'document', 'setTimeout', 'requestAnimationFrame', firstVisitScript(app))(
    { hash: hash.replace(/^\//, '') },
    store,
    document,
    (f: () => void, ms = 0) => timers.push({ at: ms, f }),
    (f: () => void) => frames.push(f),
  );
  return {
    shown: classes.has('first-visit'),
    added,
    /** The browser's next frame: its animation-frame callbacks. */
    frame: () => {
      for (const f of frames.splice(0)) f();
    },
    /** Run the timers due by `upTo` ms. */
    flush: (upTo = 0) => {
      for (const t of timers.splice(0)) {
        if (t.at <= upTo) t.f();
        else timers.push(t);
      }
    },
  };
}

const reading = (r: Partial<ReadingReport>): ReadingReport =>
  ({ status: 'ok', nonEmpty: false, minimalExitSets: [], label: 'As encoded', actors: [], ...r }) as unknown as ReadingReport;
const upper = (id: string) => id.toUpperCase();
const words = (segs: { text: string }[]) => segs.map((s) => s.text).join('');

describe('the glance at a common core', () => {
  it('names the verdict, and the smallest exits in words, three at most', () => {
    expect(words(coreGlance('T', reading({ nonEmpty: true }), upper))).toBe(
      'T (as encoded): common core exists: at least one outcome meets every actor’s minimum.',
    );
    expect(coreGlance('T', reading({ nonEmpty: true }), upper)[1]).toEqual({ text: 'exists', strong: 'yes' });
    expect(words(coreGlance('T', reading({ minimalExitSets: [['a']] }), upper))).toBe(
      'T (as encoded): common core empty. Smallest exits that would open one: {A}.',
    );
    expect(words(coreGlance('T', reading({ minimalExitSets: [['a'], ['b', 'c']] }), upper))).toBe(
      'T (as encoded): common core empty. Smallest exits that would open one: {A} and {B, C}.',
    );
    expect(words(coreGlance('T', reading({ minimalExitSets: [['a'], ['b'], ['c'], ['d'], ['e']] }), upper))).toBe(
      'T (as encoded): common core empty. Smallest exits that would open one: {A}, {B}, {C} and 2 more.',
    );
    expect(words(coreGlance('T', reading({ label: 'Russia reads reliability as a limit' }), upper))).toBe(
      'T (Russia reads reliability as a limit): common core empty.',
    );
    expect(coreGlance('T', reading({ status: 'too-large' }), upper)[1]).toEqual({ text: 'too large to compute', strong: 'no' });
  });
});

describe('the static first screen', () => {
  const html = firstScreenHtml({
    title: 'A <b>title</b> & more',
    teaching: [
      { value: 'pd', title: 'Prisoner’s "dilemma"' },
      { value: 'chicken', title: 'Chicken' },
    ],
    chosen: 'chicken',
    glance: [{ text: 'G <i>' }, { text: 'empty', strong: 'no' }],
    tabs: [
      { id: 'play', label: 'Play' },
      { id: 'edit', label: 'Edit' },
    ],
    chosenTab: 'play',
  });
  const doc = new DOMParser().parseFromString(`<!doctype html><body>${html}`, 'text/html');

  it('reads as the welcome’s words, with the scenario’s text escaped', () => {
    const screen = doc.getElementById('first-screen')!;
    expect(screen.hasAttribute('inert')).toBe(true);
    expect(doc.querySelector('.scenario-title')!.textContent).toBe('A <b>title</b> & more');
    expect(doc.querySelector('b')).toBeNull();
    expect(doc.querySelector('.welcome-glance')!.textContent).toBe('G <i>empty');
    expect(doc.querySelector('.welcome-glance strong.no')!.textContent).toBe('empty');
    expect(doc.querySelector('.welcome-glance')!.getAttribute('elementtiming')).toBe('first-analysis');
    expect(doc.querySelector('h2')!.textContent).toBe(WELCOME_WORDS.title);
    expect([...doc.querySelectorAll('.welcome-starts h3')].map((h) => h.textContent)).toEqual([
      WELCOME_WORDS.belarus.heading,
      WELCOME_WORDS.teaching.heading,
      WELCOME_WORDS.analyse.heading,
    ]);
    const select = doc.querySelector('select')!;
    expect([...select.options].map((o) => [o.value, o.textContent])).toEqual([
      ['pd', 'Prisoner’s "dilemma"'],
      ['chicken', 'Chicken'],
    ]);
    expect(select.value).toBe('chicken');
    expect([...doc.querySelectorAll('[role=tab]')].map((t) => t.getAttribute('aria-selected'))).toEqual(['true', 'false']);
  });

  it('goes when the app takes over, and is shown only on a first visit to the plain address', () => {
    doc.documentElement.classList.add('first-visit');
    dropFirstScreen(doc);
    expect(doc.getElementById('first-screen')).toBeNull();
    expect(doc.documentElement.classList.contains('first-visit')).toBe(false);

    // The app marks this browser as holding work once it has saved (or read back) a workspace; storage refusing is not an error.
    const kept = new Map<string, string>();
    rememberSaved({ setItem: (k, v) => kept.set(k, v) });
    expect([...kept]).toEqual([['coreplay:saved', '1']]);
    expect(() =>
      rememberSaved({
        setItem: () => {
          throw new Error('quota');
        },
      }),
    ).not.toThrow();
    expect(run('/', false).shown).toBe(true);
    expect(run('/', true).shown).toBe(false);
    expect(run('/#room/ABCD', false).shown).toBe(false);
    expect(run('/#s=abc', false).shown).toBe(false);
    // Storage refused: the flag cannot be read, so nothing is shown over what may be saved work.
    expect(run('/', 'refused').shown).toBe(false);
  });

  it('starts the app at once, or on a first visit after the static screen’s first frame (at the latest after a second)', () => {
    const app = { entry: '/assets/index-x.js', preload: ['/assets/start-y.js'] };
    const added = (r: ReturnType<typeof run>) => r.added.map((e) => `${e.rel ?? e.type} ${e.href ?? e.src}`);
    const both = ['modulepreload /assets/start-y.js', 'module /assets/index-x.js'];
    // Returning (or a link, or a room): the app's code is asked for at once.
    expect(added(run('/', true, app))).toEqual(both);
    expect(added(run('/#room/ABCD', false, app))).toEqual(both);
    // A first visit: nothing until the first frame, then once only.
    const first = run('/', false, app);
    expect(first.shown).toBe(true);
    expect(added(first)).toEqual([]);
    first.frame();
    expect(added(first)).toEqual([]);
    first.flush();
    expect(added(first)).toEqual(both);
    first.frame();
    first.flush(1000);
    expect(added(first)).toEqual(both);
    // No frame drawn (a background tab): the fallback timer starts it.
    const idle = run('/', false, { ...app, latestMs: 1000 });
    idle.flush(1000);
    expect(added(idle)).toEqual(both);
    // Hidden when opened: at once.
    expect(added(run('/', false, app, true))).toEqual(both);
    // Without the app (the dev server keeps its own script tag), only the decision.
    expect(firstVisitScript()).not.toContain('createElement');
  });
});
