import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const fixtures = join(root, 'tests/fixtures/ktab');

function smp(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(process.execPath, ['--import', 'tsx', join(root, 'scripts/smp.ts'), ...args], { cwd: root }, (error, stdout, stderr) =>
      done({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

function file(text: string): string {
  const f = join(mkdtempSync(join(tmpdir(), 'coreplay-smp-')), 'scenario.csv');
  writeFileSync(f, text);
  return f;
}

describe('npm run smp -- FILE.csv', () => {
  it('prints the position log in KTAB’s format: one line per actor, turn 0 = the input', async () => {
    const r = await smp([join(fixtures, 'SOE-Policy.csv')]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(26);
    const ktab = readFileSync(join(fixtures, 'SOE-Policy.csv_posLog.csv'), 'utf8').trimEnd().split('\n');
    lines.forEach((l, i) => {
      expect(l).toMatch(/^[^,]+(,[ \d]{2}\d\.\d)+$/);
      // Same actor, same turn-0 column as KTAB's own log.
      expect(l.split(',').slice(0, 2)).toEqual(ktab[i]!.split(',').slice(0, 2));
    });
    expect(new Set(lines.map((l) => l.split(',').length)).size).toBe(1);
  }, 60_000);

  it('takes parameters by KTAB’s names, and explains an actor’s moves with --why', async () => {
    const r = await smp([join(fixtures, 'SOE-Competitive.csv'), '--set', 'VictoryProbModel=Square', '--set', 'maxTurns=2', '--why', 'SH']);
    expect(r.code).toBe(0);
    expect(r.stdout.trimEnd().split('\n')[0]!.split(',')).toHaveLength(1 + 3);
    expect(r.stderr).toMatch(/^turn 1: SH (moved|stayed)/);
  }, 60_000);

  it.each([
    [
      'T,d,2,1,\nActor,Description,Influence,X Position,X Salience,\nA,a,10,50,50\nB,b,lots,50,50\n',
      'line 4, column 3 (Influence): expected a number, got "lots"',
    ],
    ['T,d,2,1,\nActor,Description,Influence,X Position,X Salience,\nA,a,10,50,50\nB,b,10\n', 'line 4: expected 5 columns, found 3 (missing "X Position")'],
    ['T,d,2,1,\nActor,Description,Influence\n', 'line 2: expected 5 columns'],
    ['T,d,1,1,\nActor,Description,Influence,X Position,X Salience,\nA,"a,10,50,50\n', 'line 3: a quote is not closed'],
  ])(
    'refuses bad input with the line and column, exit 1, no stack trace (%#)',
    async (text, message) => {
      const f = file(text);
      const r = await smp([f]);
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(`smp: ${f}: ${message}`);
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(r.stderr).not.toMatch(/\bat \S+ \(|node:internal/);
    },
    60_000,
  );

  it('a missing file, an unknown parameter and no argument are refused plainly', async () => {
    const missing = await smp([join(root, 'no-such-file.csv')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^smp: cannot read .*no-such-file\.csv: no such file\n$/);
    const bad = await smp([join(fixtures, 'SOE-Policy.csv'), '--set', 'VotingRule=Majority']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('smp: VotingRule must be one of Prop, PropBin, Binary, PropCbc, ASymProsp, Cubic (got Majority)\n');
    const none = await smp([]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^smp: usage: npm run --silent smp -- FILE\.csv/);
  }, 60_000);
});
