/**
 * The layers (README, Contributing): models/game ← models/domain ← models/scenario,
 * models/analysis, models/machines, models/graph ← workers/, server/ ← src/. Nothing imports
 * upward; src/ may import server/protocol.ts alone (the room protocol, pure) and nothing else of server/. Checked by tests/layers.test.ts (and `npx depcruise -c .dependency-cruiser.cjs models workers server src`).
 */
const layer = (from, allowed, comment) => ({
  name: `layer-${from.replace(/[^a-z]+/g, '-')}`,
  comment,
  severity: 'error',
  from: { path: `^${from}/` },
  to: { path: '^(models|workers|server|src)/', pathNot: allowed.map((p) => `^${p}`) },
});

module.exports = {
  forbidden: [
    layer('models/game', ['models/game/'], 'the base layer imports nothing from the rest of the project'),
    layer('models/domain', ['models/game/', 'models/domain/'], 'domain builds on game only'),
    layer('models/scenario', ['models/game/', 'models/domain/', 'models/scenario/'], 'scenarios are data over the domain'),
    layer('models/analysis', ['models/game/', 'models/domain/', 'models/analysis/'], 'the solvers read the domain, not scenarios files, machines or views'),
    layer('models/graph', ['models/game/', 'models/domain/', 'models/graph/'], 'graph elements are data derived from the domain'),
    layer(
      'models/machines',
      ['models/game/', 'models/domain/', 'models/scenario/', 'models/machines/', 'models/analysis/debrief\\.ts$'],
      'machines reach the analyses only through the debrief',
    ),
    layer('workers', ['models/', 'workers/'], 'workers run the models; they know nothing of the views or the server'),
    layer('server', ['models/', 'server/'], 'the room server runs the models; it knows nothing of the views'),
    layer(
      'src',
      ['models/', 'workers/', 'src/', 'server/protocol\\.ts$'],
      'the views may use everything below them, but not the server — except its protocol (pure: valibot and model types), the contract of the room client',
    ),
    {
      name: 'models-are-pure',
      comment: 'models/ imports no DOM, UI or transport library',
      severity: 'error',
      from: { path: '^models/' },
      to: { dependencyTypes: ['npm', 'npm-dev'], path: 'node_modules/(solid-js|@solidjs|cytoscape|cytoscape-fcose|comlink|idb|socket\\.io|better-sqlite3)/' },
    },
    {
      name: 'no-circular-layers',
      comment: 'a cycle between files makes the order of the layers meaningless',
      severity: 'error',
      from: { path: '^models/' },
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: {},
      // tsx/esm/api: an ESM-only package export (server/botWorker.boot.mjs loads the bot worker's TypeScript with it) that this resolver does not follow.
      to: { couldNotResolve: true, pathNot: ['\\?url$', '^virtual:coreplay-', '^tsx/esm/api$'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^(node_modules|dist|\\.build)/' },
  },
};
