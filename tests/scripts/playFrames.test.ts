import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

function play(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(process.execPath, ['--import', 'tsx', join(root, 'scripts/play.ts'), ...args], { cwd: root }, (error, stdout, stderr) =>
      done({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('npm run play -- --frames', () => {
  it('writes the coalitions the graph draws at the opening and after each round, and they shift', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'coreplay-frames-')), 'frames.json');
    const r = await play(['--rounds', '4', '--seed', '7', '--frames', file]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const frames = JSON.parse(readFileSync(file, 'utf8')) as { round: number; coalitions: string[][] }[];
    expect(frames.map((f) => f.round)).toEqual([0, 1, 2, 3, 4]);
    for (const f of frames) for (const c of f.coalitions) expect(c.length).toBeGreaterThanOrEqual(1);
    const distinct = new Set(frames.map((f) => JSON.stringify(f.coalitions)));
    expect(distinct.size).toBeGreaterThan(1);
  }, 60_000);
});
