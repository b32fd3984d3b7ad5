/**
 * Runs a command-line tool from its build in .build/cli/ (../build-cli.mjs), building it first when
 * the build is missing or a source it was made from is newer than it, so that a fresh clone works
 * before any build step and an edited solver is picked up. The check costs a few file stats.
 * CommonJS, like the build of `solve`: node loads it without its ES-module loader's start-up.
 */
'use strict';
const { readFileSync, statSync } = require('node:fs');
const { join } = require('node:path');
const { pathToFileURL } = require('node:url');

const root = join(__dirname, '../..');
const outDir = join(root, '.build/cli');

/** Whether the build is missing or older than one of its sources. */
function stale(entry) {
  try {
    const built = statSync(entry).mtimeMs;
    const inputs = JSON.parse(readFileSync(join(outDir, 'inputs.json'), 'utf8'));
    return inputs.some((f) => statSync(join(root, f)).mtimeMs > built);
  } catch {
    return true;
  }
}

/** Run the build `file` (solve.cjs, analyse.mjs): a CommonJS build synchronously, an ES module by import(). */
exports.launch = function launch(file) {
  const entry = join(outDir, file);
  const run = () => (file.endsWith('.cjs') ? require(entry) : import(pathToFileURL(entry).href));
  if (!stale(entry)) return run();
  return import(pathToFileURL(join(root, 'scripts/build-cli.mjs')).href).then((m) => m.buildCli()).then(run);
};
