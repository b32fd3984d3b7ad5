/**
 * Builds the command-line tools once, so that running one costs node's start-up and its own work
 * rather than a bundling first: esbuild bundles scripts/solve.ts into .build/cli/solve.cjs and
 * scripts/analyse.ts into .build/cli/analyse.mjs (plain JavaScript, packages left to
 * node_modules), and lists the source files they were made from in .build/cli/inputs.json.
 *
 * Run by `npm run build:cli`, by `prepare` (which `npm ci` and `npm install` run for this package,
 * so a fresh clone has the tools after its install line) and by `npm run build`; the launchers in
 * scripts/bin/ run it again when a listed source is newer than the build, or the build is missing.
 *
 * Formats: `solve` is one CommonJS file, which node loads without the start-up of its ES-module
 * loader; esbuild wraps the modules that solve.ts imports on first use (the methods other than
 * enumpure, and HiGHS behind them) so that they are evaluated only then. `analyse` awaits HiGHS at
 * its top level, so it stays an ES module. Each file is written under a temporary name and
 * renamed, so a tool starting during a rebuild runs the old build or the new one, never half.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, '.build/cli');
const tools = [
  { entry: 'scripts/solve.ts', out: 'solve.cjs', format: 'cjs' },
  { entry: 'scripts/analyse.ts', out: 'analyse.mjs', format: 'esm' },
];

function writeAtomically(file, contents) {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, contents);
  renameSync(tmp, file);
}

export async function buildCli() {
  const { build } = await import('esbuild');
  mkdirSync(outDir, { recursive: true });
  const inputs = new Set([relative(root, fileURLToPath(import.meta.url))]);
  for (const t of tools) {
    const result = await build({
      absWorkingDir: root,
      entryPoints: [t.entry],
      bundle: true,
      platform: 'node',
      format: t.format,
      target: 'node20',
      packages: 'external',
      outfile: join(outDir, t.out),
      metafile: true,
      write: false,
      logLevel: 'warning',
    });
    for (const f of result.outputFiles) writeAtomically(f.path, f.contents);
    for (const i of Object.keys(result.metafile.inputs)) inputs.add(i);
  }
  writeAtomically(join(outDir, 'inputs.json'), JSON.stringify([...inputs]));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    await buildCli();
  } catch (e) {
    // From `prepare` (--if-possible), e.g. an install without devDependencies: the launchers try again on first use.
    if (!process.argv.includes('--if-possible')) throw e;
    console.warn(`build-cli: the command-line tools were not built (${e instanceof Error ? e.message : e}); they will be on first use`);
  }
}
