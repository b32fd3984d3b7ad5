/**
 * The layer rules (.dependency-cruiser.cjs) over the real import graph, and over a small fixture
 * tree with deliberate upward imports to show the rules fire.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { cruise, type ICruiseResult } from 'dependency-cruiser';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const config = createRequire(import.meta.url)(path.join(root, '.dependency-cruiser.cjs'));

async function violations(baseDir: string, dirs: string[]): Promise<string[]> {
  const r = await cruise(
    dirs,
    { ruleSet: config, validate: true, baseDir, tsPreCompilationDeps: true, doNotFollow: { path: 'node_modules' } },
    {},
    { tsConfig: { fileName: path.join(root, 'tsconfig.json') } },
  );
  const out = r.output as ICruiseResult;
  return out.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`).sort();
}

describe('layers', () => {
  it('nothing in the project imports upward', async () => {
    const dirs = ['models', 'workers', 'src', 'server'].filter((d) => existsSync(path.join(root, d)));
    expect(await violations(root, dirs)).toEqual([]);
  }, 60_000);

  it('an upward import is caught (fixture tree)', async () => {
    expect(await violations(path.join(root, 'tests/fixtures/layers'), ['models', 'src'])).toEqual([
      'layer-models-domain: models/domain/upward.ts → models/analysis/solver.ts',
      'layer-models-game: models/game/base.ts → src/view.ts',
      'layer-models-machines: models/machines/bot.ts → models/analysis/solver.ts',
    ]);
  }, 60_000);
});
