/**
 * A Vite plugin serving `virtual:coreplay-prebuilt`: the built-in scenarios' common cores and their
 * parsed documents, computed at build time by scripts/prebuilt-analyses.ts (loaded with tsx only
 * when first needed, so loading the config stays cheap). It also writes index.html's static first
 * screen (src/state/firstScreen.ts): the welcome with the opening built-in's prebuilt common core,
 * the rules that show it on a first visit only, and the small script that decides and starts the
 * app's code (on a first visit, once the static screen is drawn) — whose hash joins the page's
 * Content-Security-Policy, so no other inline script can run. The built page's stylesheet is
 * written inline, so the first frame waits for no file.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Plugin } from 'vite';
import type { Prebuilt } from './prebuilt-analyses';
import { FIRST_SCREEN_STYLE, firstVisitScript } from '../src/state/firstScreen.ts';

const ID = 'virtual:coreplay-prebuilt';
const RESOLVED = `\0${ID}`;

export function prebuiltAnalyses(): Plugin {
  let root = process.cwd();
  let computed: Promise<Prebuilt> | undefined;
  /** The analyses, run once for both the module and index.html. */
  const compute = () =>
    (computed ??= (async () => {
      const { tsImport } = await import('tsx/esm/api');
      const file = join(root, 'scripts/prebuilt-analyses.ts');
      const mod = (await tsImport(pathToFileURL(file).href, import.meta.url)) as typeof import('./prebuilt-analyses');
      return mod.prebuilt();
    })());
  return {
    name: 'coreplay-prebuilt-analyses',
    configResolved(c) {
      root = c.root;
    },
    resolveId: (id) => (id === ID ? RESOLVED : undefined),
    async load(id) {
      if (id !== RESOLVED) return undefined;
      const { table, structures } = await compute();
      // JSON.parse of a string literal is quicker for the engine than the same object as a literal.
      // The parsed documents stay text until one is asked for (src/state/prebuilt.ts).
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(table))});\nexport const structures = ${JSON.stringify(structures)};`;
    },
    transformIndexHtml: {
      // After Vite has written its own tags (the built page's script, preload and stylesheet); the built page only.
      order: 'post',
      async handler(html, ctx) {
        // The dev server's page stays as written: it injects the styles by script, so a static
        // screen would show unstyled until then.
        if (!ctx.bundle) return html;
        const { firstScreen } = await compute();
        // The app's stylesheet goes inline (nothing to fetch before the first frame), and the app's
        // script and preload are started by the head's script instead.
        const tag = (re: RegExp) => {
          const found = [...html.matchAll(re)];
          for (const m of found) html = html.replace(m[0], '');
          return found.map((m) => m[1]!);
        };
        const entries = tag(/\s*<script type="module" crossorigin src="([^"]+)"><\/script>/g);
        const preload = tag(/\s*<link rel="modulepreload" crossorigin href="([^"]+)">/g);
        const styles = tag(/\s*<link rel="stylesheet" crossorigin href="([^"]+)">/g);
        if (entries.length !== 1) throw new Error(`index.html: expected the app's one script, found ${entries.length}`);
        const app = { entry: entries[0]!, preload };
        let head = '';
        for (const href of styles) {
          const file = ctx.bundle[href.replace(/^\//, '')];
          if (file?.type !== 'asset') throw new Error(`index.html: the stylesheet ${href} is not in the build`);
          head += `\n    <style>${String(file.source).replaceAll('</style', '<\\/style')}</style>`;
        }
        const script = firstVisitScript(app);
        const hash = createHash('sha256').update(script).digest('base64');
        const csp = "script-src 'self'";
        const root = '<div id="root"></div>';
        if (!html.includes(csp) || !html.includes(root) || !html.includes('</head>')) {
          throw new Error(`index.html: the first screen needs "${csp}" in its CSP, ${root} and a </head>`);
        }
        return html
          .replace(csp, `${csp} 'sha256-${hash}'`)
          .replace(/\s*<\/head>/, `\n    <style>${FIRST_SCREEN_STYLE}</style>${head}\n    <script>${script}</script>\n  </head>`)
          .replace(
            root,
            `${firstScreen}\n    ${root}\n    <noscript><p class="loading">Coreplay needs JavaScript: turn it on for this page and reload.</p></noscript>`,
          );
      },
    },
  };
}
