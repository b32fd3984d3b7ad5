/**
 * Non-cooperative solvers against Gambit and lrsnash (issue 5). Prints medians of several runs
 * beside the reference figures:
 *
 * - pure enumeration of random 8-player × 4-strategy and 9-player × 5-strategy games (integer
 *   payoffs 0–999, seeded), as a whole process on the .nfg file (node start, reading, parsing,
 *   enumerating, printing) and the enumeration alone in profiles per second;
 * - all extreme equilibria of random 12×12 (three games) and 20×20 bimatrix games (integer
 *   payoffs 0–999), whole process, beside lrsnash on the same game when it is installed, runs
 *   alternating between the two (lrsnash on 20×20 once, limited to 60 s).
 *
 * The CLI is timed as the README documents it, `npm run --silent solve -- FILE.nfg` (npm's own
 * start-up included), and as its bin run by node, `node scripts/bin/coreplay-solve.cjs FILE.nfg`
 * (what `coreplay-solve` runs once linked), runs alternating. The build of the CLI
 * (scripts/build-cli.mjs) is brought up to date first, so that no timed run pays for it. Files go
 * to a temporary directory, removed afterwards. BENCH_RUNS sets the number of runs (default 5;
 * at least 15 for the quick 12×12 games, at most BENCH_RUNS_20 = 3 for the 20×20 one).
 * Last, the Lemke–Howson walk (`--method lcp`) on the 20×20 game: how many of the extreme
 * equilibria it finds, beside the paths from the artificial equilibrium alone.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseNfg } from '../../models/analysis/io/nfg';
import { mulberry32 } from '../../models/game/random';
import { enumeratePure } from '../../models/analysis/nash/enumPure';
import { lemkeHowson, lemkeHowsonAll } from '../../models/analysis/nash/lemkeHowson';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const s = (ms: number) => `${(ms / 1000).toFixed(ms < 10_000 ? 3 : 1)} s`;

/** A random n-player game with k strategies each, payoff form, written in chunks. */
function writeRandomNfg(file: string, n: number, k: number, seed: number): number {
  const rand = mulberry32(seed);
  const fd = openSync(file, 'w');
  const players = Array.from({ length: n }, (_, i) => `"P${i + 1}"`).join(' ');
  writeSync(fd, `NFG 1 R "random ${n} players x ${k} strategies, seed ${seed}" { ${players} } { ${Array(n).fill(k).join(' ')} }\n\n`);
  const total = k ** n;
  let chunk: string[] = [];
  for (let q = 0; q < total; q++) {
    const row: number[] = [];
    for (let i = 0; i < n; i++) row.push(Math.floor(rand() * 1000));
    chunk.push(row.join(' '));
    if (chunk.length === 20_000) {
      writeSync(fd, chunk.join('\n') + '\n');
      chunk = [];
    }
  }
  writeSync(fd, chunk.join('\n') + '\n');
  closeSync(fd);
  return total;
}

/** A random m×n bimatrix game, as .nfg and in lrsnash's input format. */
function writeRandomBimatrix(dir: string, m: number, n: number, seed: number): { nfg: string; lrs: string } {
  const rand = mulberry32(seed);
  const A = Array.from({ length: m }, () => Array.from({ length: n }, () => Math.floor(rand() * 1000)));
  const B = Array.from({ length: m }, () => Array.from({ length: n }, () => Math.floor(rand() * 1000)));
  const nfg = join(dir, `bimatrix-${m}x${n}.nfg`);
  const lrs = join(dir, `bimatrix-${m}x${n}.lrs`);
  const payoffs: string[] = [];
  for (let j = 0; j < n; j++) for (let i = 0; i < m; i++) payoffs.push(`${A[i]![j]} ${B[i]![j]}`);
  writeFileSync(nfg, `NFG 1 R "random ${m}x${n} bimatrix, seed ${seed}" { "1" "2" } { ${m} ${n} }\n\n${payoffs.join('\n')}\n`);
  const rows = (M: number[][]) => M.map((r) => r.join(' ')).join('\n');
  writeFileSync(lrs, `${m} ${n}\n\n${rows(A)}\n\n${rows(B)}\n`);
  return { nfg, lrs };
}

function time(cmd: string, args: string[], timeoutMs?: number): { ms: number; stdout: string; timedOut: boolean; status: number | null } {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 28, ...(timeoutMs ? { timeout: timeoutMs } : {}) });
  const ms = performance.now() - t0;
  if (r.error && (r.error as NodeJS.ErrnoException).code !== 'ETIMEDOUT') throw r.error;
  const timedOut = (r.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT' || r.signal !== null;
  return { ms, stdout: r.stdout ?? '', timedOut, status: r.status };
}

function hasLrsnash(): boolean {
  const r = spawnSync('lrsnash', ['-h'], { stdio: 'ignore' });
  return !r.error;
}

/** The CLI as documented (npm run) and its bin run by node. */
const npmSolve = (args: string[]) => time('npm', ['run', '--silent', 'solve', '--', ...args]);
const binSolve = (args: string[]) => time(process.execPath, [join(root, 'scripts/bin/coreplay-solve.cjs'), ...args]);

export async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'nash-bench-'));
  try {
    const built = spawnSync(process.execPath, [join(root, 'scripts/bin/coreplay-solve.cjs'), '--help'], { cwd: root, encoding: 'utf8' });
    if (built.status !== 0) throw new Error(`the CLI did not build: ${built.stderr}`);
    console.log(
      `CLI built (.build/cli); ${RUNS} runs per figure (medians); "npm run" = npm run --silent solve --, "bin" = node scripts/bin/coreplay-solve.cjs`,
    );

    // ---- pure enumeration ----
    const pure = [
      { n: 8, k: 4, seed: 8, gambit: 0.58, target: 0.19 },
      { n: 9, k: 5, seed: 9, gambit: 22.6, target: 2.26 },
    ];
    console.log('\npure equilibria (enumpure), whole process on the .nfg file:');
    for (const c of pure) {
      const file = join(dir, `random-${c.n}x${c.k}.nfg`);
      const profiles = writeRandomNfg(file, c.n, c.k, c.seed);
      const size = readFileSync(file).length;
      const viaNpm: number[] = [];
      const viaBin: number[] = [];
      let lines = 0;
      for (let r = 0; r < RUNS; r++) {
        for (const [runs, run] of [
          [viaNpm, npmSolve],
          [viaBin, binSolve],
        ] as const) {
          const t = run([file]);
          if (t.status !== 0) throw new Error(`solve failed on ${file}`);
          runs.push(t.ms);
          lines = t.stdout.split('\n').filter(Boolean).length;
        }
      }
      // in-process: parsing and enumeration separately
      const bytes = readFileSync(file);
      const parseMs: number[] = [];
      const enumMs: number[] = [];
      for (let r = 0; r < RUNS; r++) {
        const t0 = performance.now();
        const g = parseNfg(bytes);
        const t1 = performance.now();
        if (!g.ok) throw new Error(g.message);
        const e = enumeratePure(g.game, { maxKept: 0 });
        enumMs.push(performance.now() - t1);
        parseMs.push(t1 - t0);
        if (e.found !== lines) throw new Error('in-process and CLI disagree');
      }
      const verdict = (ms: number) => (ms / 1000 <= c.target ? 'meets' : 'MISSES');
      console.log(
        `  ${c.n} players × ${c.k} strategies (${profiles.toLocaleString('en')} profiles, ${(size / 1e6).toFixed(1)} MB, ${lines} equilibri${lines === 1 ? 'um' : 'a'}): ` +
          `npm run ${s(median(viaNpm))}, bin ${s(median(viaBin))} — target ≤ ${c.target} s (gambit-enumpure ${c.gambit} s / 3): ` +
          `${verdict(median(viaNpm))} by npm run, ${verdict(median(viaBin))} by the bin`,
      );
      console.log(
        `    in process: parse ${s(median(parseMs))} (${((size / median(parseMs)) * 1e-3).toFixed(0)} MB/s), ` +
          `enumeration ${s(median(enumMs))} = ${((profiles / median(enumMs)) * 1e-3).toFixed(1)} M profiles/s`,
      );
    }

    // ---- all extreme equilibria of bimatrix games ----
    // Ours and lrsnash alternate run by run, so that load from other processes hits both alike.
    const lrs = hasLrsnash();
    if (!lrs) console.log('\n(lrsnash not installed: only its reference figures are shown)');
    const mixed = [
      ...[12, 13, 14].map((seed) => ({ m: 12, n: 12, seed, ref: '0.1–0.25 s', runs: Math.max(RUNS, 15), limit: 600_000 })),
      { m: 20, n: 20, seed: 20, ref: '148 s', runs: Math.min(RUNS, Number(process.env.BENCH_RUNS_20 ?? 3)), limit: 60_000 },
    ];
    console.log('\nall extreme equilibria (enummixed), whole process, payoffs 0–999:');
    const counts = new Map<string, number>();
    for (const c of mixed) {
      if (c.runs < 1) continue;
      const { nfg, lrs: lrsFile } = writeRandomBimatrix(dir, c.m, c.n, c.seed);
      const viaNpm: number[] = [];
      const viaBin: number[] = [];
      const theirs: number[] = [];
      let count = 0;
      let lrsCount = -1;
      let stopped = false;
      for (let r = 0; r < c.runs; r++) {
        for (const [runs, run] of [
          [viaNpm, npmSolve],
          [viaBin, binSolve],
        ] as const) {
          const t = run(['--method', 'enummixed', nfg]);
          if (t.status !== 0) throw new Error(`solve failed on ${nfg}`);
          runs.push(t.ms);
          count = t.stdout.split('\n').filter(Boolean).length;
        }
        if (lrs && !stopped && (c.limit >= 600_000 || r === 0)) {
          const l = time('lrsnash', [lrsFile], c.limit);
          if (l.timedOut) stopped = true;
          else {
            theirs.push(l.ms);
            const m = /Number of equilibria found: (\d+)/.exec(l.stdout);
            lrsCount = m ? Number(m[1]) : -1;
          }
        }
      }
      const cmp = (ms: number) => (ms <= median(theirs) ? 'not slower' : 'SLOWER');
      const lrsText = !lrs
        ? `lrsnash reference ${c.ref}`
        : stopped
          ? `lrsnash stopped after ${c.limit / 1000} s (reference ${c.ref})`
          : `lrsnash ${s(median(theirs))} for ${lrsCount} (reference ${c.ref}): npm run ${cmp(median(viaNpm))}, bin ${cmp(median(viaBin))}`;
      counts.set(`${c.m}×${c.n} seed ${c.seed}`, count);
      console.log(
        `  ${c.m}×${c.n} seed ${c.seed}: npm run ${s(median(viaNpm))}, bin ${s(median(viaBin))} for ${count} equilibria (medians of ${c.runs}); ${lrsText}`,
      );
    }

    // ---- the Lemke–Howson walk ----
    const rand = mulberry32(20);
    const A = Array.from({ length: 20 }, () => Array.from({ length: 20 }, () => Math.floor(rand() * 1000)));
    const B = Array.from({ length: 20 }, () => Array.from({ length: 20 }, () => Math.floor(rand() * 1000)));
    const text = `NFG 1 R "" { "1" "2" } { 20 20 }\n${Array.from({ length: 400 }, (_, q) => `${A[q % 20]![Math.floor(q / 20)]} ${B[q % 20]![Math.floor(q / 20)]}`).join('\n')}\n`;
    const parsed = parseNfg(text);
    if (!parsed.ok) throw new Error(parsed.message);
    const game = parsed.game;
    const fromArtificial = new Set<string>();
    for (let k = 0; k < 40; k++)
      fromArtificial.add(
        lemkeHowson(game, { label: k })
          .equilibria.map((e) => JSON.stringify(e.strategies))
          .join(),
      );
    const t0 = performance.now();
    const walk = lemkeHowsonAll(game);
    const walkMs = performance.now() - t0;
    const extreme = counts.get('20×20 seed 20');
    console.log(
      `\nLemke–Howson (lcp) on the 20×20 game, seed 20: the walk finds ${walk.equilibria.length} equilibria in ${s(walkMs)} (in process), ` +
        `the paths from the artificial equilibrium alone ${fromArtificial.size}${extreme === undefined ? '' : `; ${extreme} extreme equilibria in all`}`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
