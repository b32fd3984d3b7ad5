import { describe, expect, it } from 'vitest';
import { expectedBuildLog } from '../../scripts/build-logs';

// The messages as the build prints them (vite 8, rolldown).
const ineffective = {
  code: 'INEFFECTIVE_DYNAMIC_IMPORT',
  message:
    'node_modules/highs/build/highs.mjs is dynamically imported by models/game/lp.ts but also statically imported by workers/analysis.worker.ts, dynamic import will not move module into another chunk.\n',
};
const nodeModule = {
  code: 'PLUGIN_WARNING',
  message:
    'Module "node:module" has been externalized for browser compatibility, imported by "/work/main/node_modules/highs/build/highs.mjs". See https://vite.dev/guide/troubleshooting.html#module-externalized-for-browser-compatibility for more details.',
};

describe('the build messages left out of `npm start` and CI', () => {
  it("are HiGHS's two expected messages", () => {
    expect(expectedBuildLog(ineffective)).toBe(true);
    expect(expectedBuildLog(nodeModule)).toBe(true);
  });

  it('do not include the same messages about another module, or any other message about HiGHS', () => {
    expect(expectedBuildLog({ ...ineffective, message: ineffective.message.replaceAll('highs/build/highs.mjs', 'cytoscape/dist/cytoscape.esm.mjs') })).toBe(
      false,
    );
    expect(expectedBuildLog({ ...nodeModule, message: nodeModule.message.replace('node_modules/highs/', 'node_modules/idb/') })).toBe(false);
    expect(
      expectedBuildLog({
        code: 'CIRCULAR_DEPENDENCY',
        message: 'Circular dependency: node_modules/highs/build/highs.mjs -> node_modules/highs/build/highs.mjs',
      }),
    ).toBe(false);
    expect(expectedBuildLog({ code: 'UNRESOLVED_IMPORT', message: 'Could not resolve "fs" in node_modules/highs/build/highs.mjs' })).toBe(false);
  });
});
