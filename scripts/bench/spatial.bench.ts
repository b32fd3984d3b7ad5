/**
 * The spatial bargaining model (models/analysis/spatial) with KTAB's default parameters:
 * - the Belarus scenario (10 actors, 12 dimensions), converted and run to its stop;
 * - a 40-actor, one-dimensional KTAB-style scenario file (made here from a fixed seed), read from
 *   its CSV text and run to its stop;
 * - KTAB's two SOE scenarios (26 and 34 actors).
 * Prints medians over BENCH_RUNS runs (default 7), the first (cold) run apart.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { KTAB_DEFAULTS, readKtabScenario, runSmp, spatialBargaining, writeKtabScenario, type SmpInput } from '../../models/analysis/spatial/index';
import { mulberry32 } from '../../models/game/random';
import { builtinDoc, parseScenario } from '../../models/scenario/index';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function timeIt(label: string, f: () => string): void {
  const t0 = performance.now();
  const note = f();
  const first = performance.now() - t0;
  const xs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    f();
    xs.push(performance.now() - t);
  }
  console.log(`${label.padEnd(44)} median ${`${median(xs).toFixed(1)} ms`.padStart(10)}   first run ${`${first.toFixed(1)} ms`.padStart(10)}   ${note}`);
}

/** 40 actors on one dimension, KTAB-style: influence 1–100, position 0–100, salience 10–100. */
export function fortyActorCsv(seed = 40): string {
  const r = mulberry32(seed);
  const round1 = (x: number) => Math.round(x * 10) / 10;
  const input: SmpInput = {
    title: 'Forty actors',
    description: 'a generated one-dimensional benchmark',
    dimensions: [{ name: 'Policy' }],
    actors: Array.from({ length: 40 }, (_, i) => ({
      name: `A${String(i + 1).padStart(2, '0')}`,
      description: 'generated',
      influence: round1(1 + 99 * r()),
      position: [round1(100 * r())],
      salience: [round1(10 + 90 * r())],
    })),
  };
  return writeKtabScenario(input);
}

export async function main() {
  const parsed = await parseScenario(builtinDoc('belarus'));
  if (!parsed.ok) throw new Error('the Belarus scenario must parse');
  const belarus = parsed.scenario;
  timeIt(`Belarus (${belarus.actors.length} actors × ${belarus.dimensions.length} dimensions)`, () => {
    const r = spatialBargaining(belarus, KTAB_DEFAULTS);
    if (r.status !== 'ok') throw new Error(r.problem);
    return `${r.report.turns} turns, ${r.report.stop}`;
  });
  const forty = fortyActorCsv();
  timeIt('40 actors × 1 dimension (CSV read + run)', () => {
    const input = readKtabScenario(forty);
    if (!input.ok) throw new Error(input.problem);
    const r = runSmp(input.value, KTAB_DEFAULTS);
    if (r.status !== 'ok') throw new Error(r.problem);
    return `${r.run.turns.length} turns, ${r.run.stop}`;
  });
  for (const f of ['SOE-Policy.csv', 'SOE-Competitive.csv']) {
    const text = readFileSync(join(root, 'tests/fixtures/ktab', f), 'utf8');
    timeIt(`KTAB ${f}`, () => {
      const input = readKtabScenario(text);
      if (!input.ok) throw new Error(input.problem);
      const r = runSmp(input.value, KTAB_DEFAULTS);
      if (r.status !== 'ok') throw new Error(r.problem);
      return `${input.value.actors.length} actors, ${r.run.turns.length} turns, ${r.run.stop}`;
    });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
