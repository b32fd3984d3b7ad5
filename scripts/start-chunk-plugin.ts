/**
 * One file for the first screen. Left to itself the bundler splits the code the page needs at
 * once into a dozen small chunks (whatever the lazy tabs also use gets a chunk of its own), and
 * a browser fetches at most six files at a time from one host over HTTP/1.1, so the first screen
 * waited for two rounds of requests. This plugin puts every module the entry reaches by static
 * imports into one `start` chunk; the tabs, the graph and the room screens stay lazy and import
 * what they share from it.
 */
import type { Plugin } from 'vite';

export function startChunk(entry = '/src/main.tsx'): { plugin: Plugin; group: { name: string; test: (id: string) => boolean } } {
  const reached = new Set<string>();
  const plugin: Plugin = {
    name: 'coreplay-start-chunk',
    apply: 'build',
    buildEnd() {
      reached.clear();
      const start = [...this.getModuleIds()].find((id) => id.endsWith(entry));
      if (!start) return;
      const todo = [start];
      while (todo.length) {
        const id = todo.pop()!;
        if (reached.has(id)) continue;
        reached.add(id);
        todo.push(...(this.getModuleInfo(id)?.importedIds ?? []));
      }
      // The entry stays in the entry chunk (index.html's script), which imports the start chunk.
      reached.delete(start);
    },
  };
  // A worker is bundled on its own, by its own pass: `reached` is empty there, so it is split as before.
  return { plugin, group: { name: 'start', test: (id) => reached.has(id) } };
}
