/**
 * The analyses on the Belarus scenario, in this process (the first run pays for JIT and the
 * HiGHS wasm tier-up, so it is printed apart), and the whole `analyse` CLI as a process.
 * Prints medians over BENCH_RUNS runs (default 7).
 *
 * - common core, all readings, computed from nothing each run (kept answers forgotten), with a
 *   fresh LP memo per run (as the CLI and the worker start);
 * - the same without the LP memo (every LP solved); and again with the answers kept (as after an
 *   edit that leaves every minimum as it was);
 * - the distinct LPs of the common core after changes to a minimum, by HiGHS's one-shot
 *   `lpCall` and on the persistent model solveLpWith uses (lpCallOf);
 * - the cooperative game (characteristic function + core, least core, Shapley, nucleolus);
 * - bargaining regime–us; the spatial forecast;
 * - `npm run --silent analyse -- builtin:belarus` (what a user types), `node` on the bundle
 *   alone with and without --liftoff-only, and npm's and node's own start-up, so each share
 *   of the CLI's time shows separately.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import highsLoader from 'highs';
import { lpCallOf, setHighsLoader } from '../../models/game/lp';
import { characteristicFunction } from '../../models/analysis/coop/index';
import { commonCoreAnswers } from '../../models/analysis/commonCore/index';
import { builtinDoc, parseScenario } from '../../models/scenario/index';
import { analyseBargaining, analyseCommonCore, analyseCoop, analyseForecast } from '../../workers/api';
import { memoiseHighs } from '../../workers/lpMemo';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => `${x.toFixed(1)} ms`;

/** The first run (cold) apart, then `warmup` runs not counted (JIT and wasm tier-up), then RUNS measured. */
async function timeIt(label: string, f: () => unknown, note = '', warmup = 0): Promise<void> {
  const t0 = performance.now();
  await f();
  const first = performance.now() - t0;
  for (let i = 0; i < warmup; i++) await f();
  const xs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await f();
    xs.push(performance.now() - t);
  }
  console.log(`${label.padEnd(44)} median ${ms(median(xs)).padStart(10)}   first run ${ms(first).padStart(10)}${note ? `   ${note}` : ''}`);
}

export async function main() {
  const parsed = await parseScenario(builtinDoc('belarus'));
  if (!parsed.ok) throw new Error('the Belarus scenario must parse');
  const s = parsed.scenario;
  const plain = await highsLoader();

  let stats = { calls: 0, solved: 0 };
  await timeIt(
    'common core, all readings (LP memo)',
    async () => {
      const memo = memoiseHighs(plain);
      setHighsLoader(async () => memo.highs);
      await analyseCommonCore(s, [], undefined, commonCoreAnswers());
      stats = memo.stats;
    },
    '(after 10 runs to warm up)',
    10,
  );
  console.log(`${''.padEnd(44)} ${stats.calls} LP calls, ${stats.solved} distinct programs solved`);
  setHighsLoader(async () => plain);
  await timeIt('common core, all readings (no memo)', () => analyseCommonCore(s, [], undefined, commonCoreAnswers()));
  const kept = commonCoreAnswers();
  await analyseCommonCore(s, [], undefined, kept);
  await timeIt('common core again, answers kept', () => analyseCommonCore(s, [], undefined, kept), '(as after an edit that leaves every minimum as it was)');
  // The distinct programs the common core solves after five changes to one of Russia's minimums
  // (fresh polytopes), each solved by HiGHS's one-shot lpCall (a native instance built and
  // destroyed per program) and on the persistent model solveLpWith uses.
  const programs: Parameters<typeof plain.raw.lpCall>[0][] = [];
  const recorder = { ...plain, raw: { ...plain.raw, lpCall: (m: (typeof programs)[number]) => (programs.push(m), plain.raw.lpCall(m)) } } as typeof plain;
  setHighsLoader(async () => memoiseHighs(recorder).highs);
  const withBound = (v: number) => ({
    ...s,
    actors: s.actors.map((a) => (a.id === 'russia' ? { ...a, minimum: a.minimum.map((c, i) => (i === 0 ? { ...c, rhs: v } : c)) } : a)),
  });
  const edits = commonCoreAnswers();
  for (let k = 0; k < 5; k++) await analyseCommonCore(withBound(0.2137 + 0.01 * k), [], undefined, edits);
  setHighsLoader(async () => plain);
  const persistent = lpCallOf(plain);
  await timeIt(`LPs: ${programs.length} programs, one-shot lpCall`, () => programs.forEach((m) => plain.raw.lpCall(m)));
  await timeIt(`LPs: the same, persistent model`, () => programs.forEach((m) => persistent(m)));
  const g = characteristicFunction(s);
  await timeIt(
    'coop: characteristic function only',
    () => characteristicFunction(s),
    g.status === 'ok' ? `${g.game.nodes} nodes for ${g.game.profiles} profiles` : '',
  );
  await timeIt('coop: whole analysis', () => analyseCoop(s, []));
  await timeIt('bargaining regime–us', () => analyseBargaining(s, [], ['regime', 'us']));
  await timeIt('forecast', () => analyseForecast(s, []));

  // The CLI as a user runs it. Build once first so every timed run pays the same (20 ms) build.
  execFileSync('npm', ['run', '--silent', 'analyse', '--', 'builtin:belarus'], { cwd: root, stdio: 'ignore' });
  const proc = (cmd: string, args: string[]) => {
    const xs: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      const r = spawnSync(cmd, args, { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
      if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed`);
      xs.push(performance.now() - t0);
    }
    return xs;
  };
  const npmRuns = proc('npm', ['run', '--silent', 'analyse', '--', 'builtin:belarus']);
  console.log(`${'CLI: npm run --silent analyse -- builtin:belarus'.padEnd(44)} median ${ms(median(npmRuns)).padStart(10)}   min ${ms(Math.min(...npmRuns))}`);
  const nodeRuns = proc('node', ['--liftoff-only', '.build/cli/analyse.mjs', 'builtin:belarus']);
  console.log(`${'CLI: node --liftoff-only <bundle> (no npm)'.padEnd(44)} median ${ms(median(nodeRuns)).padStart(10)}   min ${ms(Math.min(...nodeRuns))}`);
  const tieredRuns = proc('node', ['.build/cli/analyse.mjs', 'builtin:belarus']);
  console.log(`${'CLI: node <bundle>, default wasm tiering'.padEnd(44)} median ${ms(median(tieredRuns)).padStart(10)}   min ${ms(Math.min(...tieredRuns))}`);
  const npmBare = proc('npm', ['run', '--silent', 'env', '--', 'true']);
  console.log(`${'npm run --silent (npm start-up alone)'.padEnd(44)} median ${ms(median(npmBare)).padStart(10)}`);
  const bare = proc('node', ['-e', '0']);
  console.log(`${'node -e 0 (process start-up alone)'.padEnd(44)} median ${ms(median(bare)).padStart(10)}`);
}
