/**
 * A Vite plugin serving `virtual:coreplay-prebuilt`: the built-in scenarios' common cores and their
 * parsed documents, computed at build time by scripts/prebuilt-analyses.ts (loaded with tsx only
 * when the module is first asked for, so loading the config stays cheap).
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Plugin } from 'vite';

const ID = 'virtual:coreplay-prebuilt';
const RESOLVED = `\0${ID}`;

export function prebuiltAnalyses(): Plugin {
  let root = process.cwd();
  return {
    name: 'coreplay-prebuilt-analyses',
    configResolved(c) {
      root = c.root;
    },
    resolveId: (id) => (id === ID ? RESOLVED : undefined),
    async load(id) {
      if (id !== RESOLVED) return undefined;
      const { tsImport } = await import('tsx/esm/api');
      const file = join(root, 'scripts/prebuilt-analyses.ts');
      const mod = (await tsImport(pathToFileURL(file).href, import.meta.url)) as typeof import('./prebuilt-analyses');
      const table = await mod.prebuiltAnalyses();
      // JSON.parse of a string literal is quicker for the engine than the same object as a literal.
      // The parsed documents stay text until one is asked for (src/state/prebuilt.ts).
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(table))});\nexport const structures = ${JSON.stringify(mod.prebuiltStructures())};`;
    },
  };
}
