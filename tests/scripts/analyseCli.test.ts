import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

function analyse(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(process.execPath, [join(root, 'scripts/bin/coreplay-analyse.cjs'), ...args], { cwd: root, maxBuffer: 64 << 20 }, (error, stdout, stderr) =>
      done({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('analyse builtin:belarus', () => {
  it('reports the readings with their labels, the status quo, sensitivity, each deal part alone, the TU game by name and the spatial forecast', async () => {
    const r = await analyse(['builtin:belarus']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const d = JSON.parse(r.stdout);
    expect(d.commonCore.label).toBe('As encoded');
    expect(d.readings.grey.label).toBe('Grey (authoritarian) core');
    expect(d.readings.grey.minimalExitSets.filter((e: string[]) => e.length === 1)).toEqual([['russia']]);
    expect(d.readings['grey-russia-limit'].nonEmpty).toBe(true);
    // Free dimensions of the most robust point are ranges, not arbitrary values.
    expect(d.readings['grey-russia-limit'].chebyshevCentre.prisoners).toEqual([0, 1]);
    expect(typeof d.readings['grey-russia-limit'].chebyshevCentre.democracy).toBe('number');
    expect(d.statusQuo.filter((a: { meets: boolean }) => !a.meets).map((a: { actor: string }) => a.actor)).toEqual(['russia', 'opposition']);
    const control = d.sensitivity.grey.bounds.find((b: { constraint: string }) => b.constraint === 'military-orientation-under-its-control');
    expect(control.results.find((x: { claim: string }) => x.claim === 'core-empty').text).toBe('the common core is empty while the bound is > 0.62');
    const dec = d.bargaining.namedDeals.find((x: { id: string }) => x.id === 'december_deal');
    expect(dec.alone.map((p: { actor: string; gains: Record<string, number> }) => [p.actor, p.gains[p.actor]! < 0])).toEqual([
      ['regime', true],
      ['us', true],
    ]);
    expect(d.coop.label).toMatch(/^TU core/);
    expect(d.forecast.label).toBe('simulation');
    expect(d.forecast.parameters).toBeTruthy();
    expect(Object.keys(d.forecast.finalPositions)).toHaveLength(10);
  }, 60_000);
});
