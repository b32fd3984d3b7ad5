/**
 * The first screen in index.html: the welcome and a glance at the opening built-in's common core,
 * written into the page when the app is built (scripts/prebuilt-plugin.ts), so a first visit
 * sees it as soon as the HTML is drawn — before the app's code is fetched. A small script in the
 * page's head shows it only on a first visit to the plain address: nothing saved in this browser
 * (the flag below) and no share link or room route in the address. The app takes the page over
 * once the workspace is open: the static screen goes in the same frame as the app's own.
 */

/** Set in localStorage once a workspace has been saved in (or read back from) this browser. */
export const SAVED_FLAG = 'coreplay:saved';
export const FIRST_SCREEN_ID = 'first-screen';
/** The class on <html> that shows the static first screen and hides the app's root meanwhile. */
export const FIRST_VISIT_CLASS = 'first-visit';
/** The Element Timing identifier of the glance at the common core (the app benchmark reads it). */
export const FIRST_ANALYSIS_ELEMENT = 'first-analysis';

/**
 * The script in index.html's head, run before anything is drawn (its hash is in the page's CSP).
 * It shows the static screen on a first visit. Given the app's entry (the built page), it also
 * starts the app: at once, or on a first visit right after the static screen's first frame is
 * laid out — run any sooner, the app's code would hold that frame back — and at the latest after
 * `latestMs` (a page opened in the background draws no frames). Waiting further, until the frame
 * is on screen, draws it a little sooner again on a two-core machine but opens the workspace
 * about 150 ms later; this does not.
 */
export function firstVisitScript(app?: { entry: string; preload: readonly string[]; latestMs?: number }): string {
  const show = `if(!location.hash&&localStorage.getItem(${JSON.stringify(SAVED_FLAG)})===null)document.documentElement.classList.add(${JSON.stringify(FIRST_VISIT_CLASS)})`;
  if (!app) return `try{${show}}catch(e){}`;
  const add = (tag: string, attr: string, url: string, more = '') =>
    `e=d.createElement("${tag}");${more}e.crossOrigin="";e.${attr}=${JSON.stringify(url)};d.head.appendChild(e);`;
  const go = `function go(){if(done)return;done=1;var e;${app.preload.map((u) => add('link', 'href', u, 'e.rel="modulepreload";')).join('')}${add('script', 'src', app.entry, 'e.type="module";')}}`;
  return `(function(){var d=document,done=0;${go}try{${show}}catch(e){}if(d.documentElement.classList.contains(${JSON.stringify(FIRST_VISIT_CLASS)})&&!d.hidden){requestAnimationFrame(function(){setTimeout(go)});setTimeout(go,${app.latestMs ?? 1000})}else go()})()`;
}

/** The rules in index.html's head: the static screen only on a first visit, the app's root hidden until it takes over. */
export const FIRST_SCREEN_STYLE = `#${FIRST_SCREEN_ID}{display:none}.${FIRST_VISIT_CLASS} #${FIRST_SCREEN_ID}{display:block}.${FIRST_VISIT_CLASS} #root{display:none}`;

/** Remember that this browser holds a workspace, so the next visit opens straight onto it. */
export function rememberSaved(storage: Pick<Storage, 'setItem'> | undefined = globalThis.localStorage): void {
  try {
    storage?.setItem(SAVED_FLAG, '1');
  } catch {
    // Storage refused (private mode, quota): the next visit shows the static welcome until the workspace opens.
  }
}

/** The app takes the page over: the static first screen goes and the app's root shows. */
export function dropFirstScreen(doc: Document = document): void {
  doc.getElementById(FIRST_SCREEN_ID)?.remove();
  doc.documentElement.classList.remove(FIRST_VISIT_CLASS);
}
