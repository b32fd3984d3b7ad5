/**
 * `npm run --silent solve -- [--method M] FILE.nfg`: solve a Gambit strategic-form game and print
 * one line per answer in Gambit's output format (`NE,` then each player's mixed strategy).
 *
 * Methods:
 *   enumpure   all pure Nash equilibria (default; any number of players), exact
 *   enummixed  all extreme Nash equilibria of a 2-player game, exact rationals
 *   lcp        the equilibria of a 2-player game reachable by Lemke–Howson paths from the
 *              artificial equilibrium and from every equilibrium found (like gambit-lcp),
 *              exact rationals
 *   logit      one equilibrium by following the logit QRE path (any number of players),
 *              approximate; its regret goes to stderr; a game with a payoff beyond the range
 *              of a double is refused
 *   ce         a correlated equilibrium maximising total payoff (LP): `CE,` then the
 *              probability of every profile in file order
 *   dominance  iterated elimination of strictly dominated strategies (pure and mixed
 *              dominators); prints the reduced game as .nfg
 *   pareto     the Pareto-optimal pure profiles, as `PO,` lines
 *
 * A bad file exits with status 1 and one line `solve: FILE:LINE:COLUMN: message`; so does a method
 * that cannot answer (after printing nothing, or the equilibria found before it stopped). Every
 * `NE` line is an equilibrium: the exact methods check each one in rationals, and an approximate
 * answer is printed only when its regret is within tolerance (and finite).
 * The file is read into one Buffer and parsed in place (no text copy), so the 70 MB file of a
 * 9-player, 5-strategy game fits easily.
 *
 * Start-up: `npm run solve` and the `coreplay-solve` bin run a build of this file made once
 * (scripts/build-cli.mjs, scripts/bin/), not this TypeScript; the methods other than enumpure
 * are imported when chosen, so the default method evaluates neither them nor HiGHS.
 */
import { readFileSync } from 'node:fs';
import { parseNfg } from '../models/analysis/io/nfg';
import { formatDecimalLine, formatExactLine, formatPureLine, formatDecimal } from '../models/analysis/io/gambitOutput';
import { enumeratePure } from '../models/analysis/nash/enumPure';
import type { NormalFormGame } from '../models/game/types';

const METHODS = ['enumpure', 'enummixed', 'lcp', 'logit', 'ce', 'dominance', 'pareto'] as const;
type Method = (typeof METHODS)[number];

const USAGE = `usage: solve [--method ${METHODS.join('|')}] FILE.nfg`;

function die(message: string, code = 1): never {
  process.stderr.write(`solve: ${message}\n`);
  process.exit(code);
}

/** Buffered stdout: one write per 64 KiB instead of one per line. */
class Out {
  private parts: string[] = [];
  private size = 0;
  line(s: string) {
    this.parts.push(s, '\n');
    this.size += s.length + 1;
    if (this.size > 65536) this.flush();
  }
  flush() {
    if (this.parts.length) process.stdout.write(this.parts.join(''));
    this.parts = [];
    this.size = 0;
  }
}

function parseArgs(argv: string[]): { method: Method; file: string } {
  let method: Method = 'enumpure';
  let file: string | undefined;
  for (let k = 0; k < argv.length; k++) {
    const a = argv[k]!;
    if (a === '-h' || a === '--help') {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    } else if (a === '--method' || a === '-m') {
      const m = argv[++k];
      if (!m || !(METHODS as readonly string[]).includes(m)) die(`unknown method '${m ?? ''}'; ${USAGE}`, 2);
      method = m as Method;
    } else if (a.startsWith('--method=')) {
      const m = a.slice('--method='.length);
      if (!(METHODS as readonly string[]).includes(m)) die(`unknown method '${m}'; ${USAGE}`, 2);
      method = m as Method;
    } else if (a.startsWith('-') && a !== '-') die(`unknown option '${a}'; ${USAGE}`, 2);
    else if (file === undefined) file = a;
    else die(`more than one file given; ${USAGE}`, 2);
  }
  if (file === undefined) die(USAGE, 2);
  return { method, file };
}

/** An approximate answer's numbers must be finite (a NaN regret or probability is no answer). */
function finite(values: readonly (readonly number[])[], regret: number): boolean {
  return Number.isFinite(regret) && values.every((v) => v.every(Number.isFinite));
}

function needTwoPlayers(game: NormalFormGame, method: string) {
  if (game.players.length !== 2) die(`--method ${method} needs a 2-player game (this one has ${game.players.length}); try --method logit`);
}

async function main() {
  const { method, file } = parseArgs(process.argv.slice(2));
  let bytes: Uint8Array;
  try {
    bytes = file === '-' ? readFileSync(0) : readFileSync(file);
  } catch (e) {
    die(`${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
  }
  const parsed = parseNfg(bytes);
  if (!parsed.ok) die(`${file}:${parsed.line}:${parsed.column}: ${parsed.message}`);
  const game = parsed.game;
  const out = new Out();
  switch (method) {
    case 'enumpure': {
      const r = enumeratePure(game, { onEquilibrium: (e) => out.line(formatPureLine(game.shape, e.profile)), maxKept: 0 });
      out.flush();
      if (r.status !== 'ok') die(r.message ?? r.status);
      break;
    }
    case 'enummixed': {
      needTwoPlayers(game, method);
      const { enumerateMixed2 } = await import('../models/analysis/nash/vertexEnumeration');
      const r = enumerateMixed2(game);
      for (const e of r.equilibria) out.line(formatExactLine(e.exact!));
      out.flush();
      if (r.status !== 'ok') die(r.message ?? r.status);
      break;
    }
    case 'lcp': {
      needTwoPlayers(game, method);
      const { lemkeHowsonAll } = await import('../models/analysis/nash/lemkeHowson');
      const r = lemkeHowsonAll(game, { onEquilibrium: (e) => out.line(formatExactLine(e.exact!)) });
      out.flush();
      if (r.status !== 'ok') die(r.message ?? r.status);
      break;
    }
    case 'logit': {
      const { approximateMixed } = await import('../models/analysis/nash/approximate');
      const r = approximateMixed(game);
      const e = r.equilibria[0];
      if (r.status === 'not-applicable') die(`${r.message}; the exact methods (enumpure, enummixed, lcp) can solve it`);
      if (r.status !== 'ok' || !e || !finite(e.strategies, e.regret)) die(r.message ?? `no equilibrium found (${r.status})`);
      out.line(formatDecimalLine(e.strategies));
      out.flush();
      process.stderr.write(`regret ${formatDecimal(e.regret, 3)} (approximate)\n`);
      break;
    }
    case 'ce': {
      const { correlatedEquilibrium } = await import('../models/analysis/nash/correlated');
      const r = await correlatedEquilibrium(game);
      if (r.status === 'not-applicable') die(`${r.message}; the exact methods (enumpure, enummixed, lcp) can solve it`);
      if (r.status !== 'ok') die(r.message ?? r.status);
      if (!finite([Array.from(r.distribution)], r.regret)) die('the linear program gave a distribution that is not finite');
      out.line(formatDecimalLine([Array.from(r.distribution)], 'CE'));
      out.flush();
      process.stderr.write(`total payoff ${formatDecimal(r.totalPayoff)}, regret ${formatDecimal(r.regret, 3)}\n`);
      break;
    }
    case 'dominance': {
      const { iteratedDominance } = await import('../models/analysis/nash/dominance');
      const { writeNfg } = await import('../models/analysis/io/nfg');
      const r = await iteratedDominance(game, { mixed: true });
      if (r.status !== 'ok') die(r.message ?? r.status);
      process.stdout.write(writeNfg(r.game));
      break;
    }
    case 'pareto': {
      const { paretoPure } = await import('../models/analysis/nash/pareto');
      const r = paretoPure(game);
      if (r.status !== 'ok') die(r.message ?? r.status);
      for (const p of r.profiles) out.line(formatPureLine(game.shape, p.profile, 'PO'));
      out.flush();
      break;
    }
  }
}

// No top-level await: the build is CommonJS (see scripts/build-cli.mjs).
main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
