/** The `solve` command line (scripts/solve.ts), run as a child process on the small fixtures. */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '../../../..');
const fixture = (f: string) => join(root, 'tests/fixtures/nfg', f);

function solve(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', join(root, 'scripts/solve.ts'), ...args], { cwd: root }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe('solve CLI', () => {
  it('prints Gambit NE lines; exits 1 with one line on a bad file', async () => {
    const [pure, mixed, lcp, logit, bad, three] = await Promise.all([
      solve(fixture('bos-outcome.nfg')),
      solve('--method', 'enummixed', fixture('bos-outcome.nfg')),
      solve('--method=lcp', fixture('selten-payoff.nfg')),
      solve('--method', 'logit', fixture('cyclic3.nfg')),
      solve(fixture('truncated.nfg')),
      solve('--method', 'enummixed', fixture('cyclic3.nfg')),
    ]);
    expect(pure).toMatchObject({ code: 0, stdout: 'NE,1,0,1,0\nNE,0,1,0,1\n' });
    expect(mixed.code).toBe(0);
    expect(mixed.stdout.trim().split('\n').sort()).toEqual(['NE,0,1,0,1', 'NE,1,0,1,0', 'NE,3/5,2/5,2/5,3/5']);
    expect(lcp.code).toBe(0);
    expect(lcp.stdout).toBe('NE,1,0,0,1/2,1/2\n');
    expect(logit.code).toBe(0);
    const probs = logit.stdout.trim().replace(/^NE,/, '').split(',').map(Number);
    [1 / 5, 4 / 5, 1 / 3, 2 / 3, 3 / 4, 1 / 4].forEach((p, k) => expect(probs[k]).toBeCloseTo(p, 8));
    expect(logit.stderr).toMatch(/^regret /);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toBe('');
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toMatch(/truncated\.nfg:5:1: expected 8 payoffs/);
    expect(three.code).toBe(1);
    expect(three.stderr).toMatch(/needs a 2-player game/);
  });

  it('answers for the exact payoffs, refuses what it cannot compute, and names files that are not .nfg', async () => {
    const [pure20, lcp20, logit20, logitHuge, mixedHuge, efg, gz] = await Promise.all([
      solve(fixture('twenty-digits.nfg')),
      solve('--method', 'lcp', fixture('twenty-digits.nfg')),
      solve('--method', 'logit', fixture('twenty-digits.nfg')),
      solve('--method', 'logit', fixture('huge-payoff.nfg')),
      solve('--method', 'enummixed', fixture('huge-payoff.nfg')),
      solve(fixture('example.efg')),
      solve(fixture('bos-outcome.nfg.gz')),
    ]);
    // 20-digit payoffs, equal as doubles: no pure equilibrium, one mixed one
    expect(pure20).toMatchObject({ code: 0, stdout: '' });
    expect(lcp20).toMatchObject({ code: 0, stdout: 'NE,1/2,1/2,1/2,1/2\n' });
    expect(logit20.code).toBe(0);
    expect(logit20.stdout).toBe('NE,0.5,0.5,0.5,0.5\n');
    // a payoff of 10^400: the logit method computes in doubles and says so; the exact methods answer
    expect(logitHuge).toMatchObject({ code: 1, stdout: '' });
    expect(logitHuge.stderr).toBe(
      'solve: payoff 1 (player 1 in profile 1) is beyond the range of a double (about ±1.8e308), and the logit method computes in doubles; the exact methods (enumpure, enummixed, lcp) can solve it\n',
    );
    expect(mixedHuge.code).toBe(0);
    expect(mixedHuge.stdout).toBe(`NE,1/2,1/2,1/${10n ** 400n + 1n},${10n ** 400n}/${10n ** 400n + 1n}\n`);
    expect(efg).toMatchObject({ code: 1, stdout: '' });
    expect(efg.stderr).toMatch(/example\.efg:1:1: this is a Gambit extensive-form \(\.efg\) file; only strategic-form \(\.nfg\) files can be solved here/);
    expect(gz).toMatchObject({ code: 1, stdout: '' });
    expect(gz.stderr).toMatch(/bos-outcome\.nfg\.gz:1:1: binary data \(gzip-compressed\), not the text of a Gambit \.nfg file\n$/);
  });
});
