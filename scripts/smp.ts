/**
 * `npm run --silent smp -- FILE.csv [--set NAME=VALUE …] [--why ACTOR]`
 * Runs a KTAB scenario file (KTAB's CSV: title line, header, one row per actor) through the
 * spatial bargaining model with KTAB's default parameters (or those --set names, e.g.
 * `--set VotingRule=Binary --set maxTurns=20`) and prints the position log in KTAB's format:
 * one line per actor, its name and then its position at each turn (turn 0 = the input).
 * --why ACTOR adds, on standard error, why that actor moved in each turn.
 * Bad input gets one line naming the line and column, and exit code 1.
 */
import { readFileSync } from 'node:fs';
import { PARAMETER_VALUES, positionLogRows, readKtabScenario, runSmp, smpParameters, whyMoved, writePositionLog } from '../models/analysis/spatial/index';

const USAGE = `usage: npm run --silent smp -- FILE.csv [--set NAME=VALUE …] [--why ACTOR]
parameters (KTAB's names; defaults first): ${Object.entries(PARAMETER_VALUES)
  .map(([k, v]) => `${k}=${v.join('|')}`)
  .join(', ')}, maxTurns=100, quietRatio=0.01`;

function fail(message: string, code = 1): never {
  process.stderr.write(`smp: ${message}\n`);
  process.exit(code);
}

function main(): void {
  const args = process.argv.slice(2);
  if (args.length === 0 || args.includes('--help') || args.includes('-h')) fail(USAGE, args.length === 0 ? 2 : 0);
  let file: string | null = null;
  let why: string | null = null;
  const changes: Record<string, unknown> = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--set') {
      const kv = args[++i];
      const m = kv ? /^([A-Za-z]+)=(.+)$/.exec(kv) : null;
      if (!m) fail(`--set needs NAME=VALUE (got ${kv ?? 'nothing'})\n${USAGE}`, 2);
      changes[m[1]!] = m[1] === 'maxTurns' || m[1] === 'quietRatio' ? Number(m[2]) : m[2];
    } else if (a === '--why') {
      why = args[++i] ?? fail('--why needs an actor name', 2);
    } else if (a.startsWith('--')) fail(`unknown option ${a}\n${USAGE}`, 2);
    else if (file === null) file = a;
    else fail(`one scenario file at a time (got ${file} and ${a})`, 2);
  }
  if (file === null) fail(USAGE, 2);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as { code?: string }).code;
    fail(`cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (e as Error).message}`);
  }
  const params = smpParameters(changes);
  if (!params.ok) fail(params.problem, 2);
  const input = readKtabScenario(text);
  if (!input.ok) fail(`${file}: ${input.problem}`);
  const r = runSmp(input.value, params.value);
  if (r.status !== 'ok') fail(`${file}: ${r.problem}`);
  process.stdout.write(writePositionLog(positionLogRows(r.run.actors, r.run.dimensions, r.run.positions)));
  if (why !== null) {
    const i = r.run.actors.indexOf(why);
    if (i < 0) fail(`--why: no actor named "${why}" (actors: ${r.run.actors.join(', ')})`);
    for (const m of whyMoved(r.run, i)) process.stderr.write(`${m.text}\n`);
  }
}

try {
  main();
} catch (e) {
  fail(`internal error: ${(e as Error).message ?? String(e)}`, 3);
}
