/**
 * `npm run --silent analyse -- SCENARIO [--variant NAME]... [--pair A,B] [--first A]`
 * SCENARIO is a file or `builtin:NAME`. Prints one JSON document:
 *
 * - `commonCore` and `readings`: the common core under the chosen variants, and under each of
 *   the scenario's readings;
 * - `coop`: the TU game derived from the outcome model (core, least core, Shapley value,
 *   nucleolus, and the derivation in words);
 * - `bargaining`: Nash, Kalai–Smorodinsky and Rubinstein for a pair (default regime–us when
 *   the scenario has both, else its first two actors), with the moves of each deal;
 * - `forecast`: capability × salience weighted positions per dimension, labelled a heuristic.
 *
 * Bad scenarios exit 1 with the parser's path-precise problems on stderr.
 *
 * Speed: the npm script bundles this file with esbuild (20 ms) and runs the bundle with plain
 * node, which skips tsx's TypeScript loader (about a second of start-up). Repeated identical
 * LPs (the readings share most of them) are solved once (workers/lpMemo.ts).
 */
import { readFileSync } from 'node:fs';
import highsLoader from 'highs';
import { setHighsLoader } from '../models/analysis/lp/highs';
import { BUILTINS, builtinDoc, formatProblem, parseScenario } from '../models/scenario/index';
import { analyseBargaining, analyseCommonCore, analyseCoop, analyseForecast, DEFAULT_PAIR } from '../workers/api';
import { memoiseHighs } from '../workers/lpMemo';

const memo = memoiseHighs(await highsLoader());
setHighsLoader(async () => memo.highs);

const args = process.argv.slice(2);
const variants: string[] = [];
let source: string | undefined;
let pairArg: string | undefined;
let first: string | undefined;
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--variant') variants.push(args[++i] ?? '');
  else if (args[i] === '--pair') pairArg = args[++i];
  else if (args[i] === '--first') first = args[++i];
  else source = args[i];
}
if (!source) {
  console.error(`usage: analyse SCENARIO [--variant NAME]... [--pair A,B] [--first A]  (SCENARIO: a file or builtin:${Object.keys(BUILTINS).join('|builtin:')})`);
  process.exit(2);
}
let input: unknown;
if (source.startsWith('builtin:')) {
  input = builtinDoc(source.slice('builtin:'.length));
  if (input === undefined) {
    console.error(`unknown built-in "${source.slice(8)}" (known: ${Object.keys(BUILTINS).join(', ')})`);
    process.exit(1);
  }
} else {
  try {
    input = readFileSync(source, 'utf8');
  } catch (e) {
    console.error(`cannot read ${source}: ${(e as Error).message}`);
    process.exit(1);
  }
}
const parsed = await parseScenario(input);
if (!parsed.ok) {
  for (const p of parsed.problems) console.error(formatProblem(p));
  process.exit(1);
}
const scenario = parsed.scenario;
const clock = () => performance.now();
const r = await analyseCommonCore(scenario, variants, clock);
if (r.status !== 'ok') {
  console.error(r.problem);
  process.exit(1);
}
const ids = scenario.actors.map((a) => a.id);
const pair = (pairArg ? pairArg.split(',') : DEFAULT_PAIR.every((a) => ids.includes(a)) ? DEFAULT_PAIR : ids.slice(0, 2)) as [string, string];
if (pair.length !== 2) {
  console.error(`--pair needs two actors separated by a comma (known: ${ids.join(', ')})`);
  process.exit(2);
}
const coop = await analyseCoop(scenario, variants, {}, clock);
const bargaining = analyseBargaining(scenario, variants, pair, first ? { first } : {}, clock);
const forecast = analyseForecast(scenario, variants, clock);
for (const x of [coop, bargaining, forecast])
  if (x.status !== 'ok') {
    console.error(`${x.kind}: ${x.problem}`);
    process.exit(1);
  }
if (coop.status !== 'ok' || bargaining.status !== 'ok' || forecast.status !== 'ok') process.exit(1);

/** Six decimals are plenty for utilities on a [0, 1] scale. */
const round = (x: number) => Math.round(x * 1e6) / 1e6;
const roundAll = <T>(v: T): T =>
  (typeof v === 'number' ? round(v) : Array.isArray(v) ? v.map(roundAll) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, roundAll(x)])) : v) as T;

const [base, ...rest] = r.readings;
const core = (x: NonNullable<typeof base>) => ({
  nonEmpty: x.nonEmpty,
  chebyshevCentre: x.chebyshevCentre,
  radius: x.radius,
  binding: x.binding.map((b) => ({ actor: b.actor, constraint: b.constraint, label: b.label })),
  maximalCompatibleSets: x.maximalCompatibleSets,
  minimalExitSets: x.minimalExitSets,
  excluded: x.excluded,
  utilityAtCentre: x.utilityAtCentre,
  linearPrograms: x.lps,
});
const c = coop.report;
const b = bargaining.report;
const deal = (p: { deal: { moves: string[]; probability: number }[] } | null) => p?.deal.map((d) => ({ moves: d.moves, probability: d.probability })) ?? [];
const point = <P extends { utilities: object; gains: object; deal: { moves: string[]; probability: number }[] }>(p: P | null) =>
  p && { utilities: p.utilities, gains: p.gains, deal: deal(p) };

console.log(
  JSON.stringify(
    {
      scenario: scenario.id,
      variants,
      inputHash: r.inputHash,
      method: base!.method,
      exact: true,
      commonCore: core(base!),
      readings: Object.fromEntries(rest.map((x) => [x.variants.filter((v) => !variants.includes(v)).join('+'), core(x)])),
      coop: roundAll({
        players: c.players,
        coreEmpty: c.coreEmpty,
        coreAllocation: c.coreAllocation,
        leastCore: { epsilon: c.leastCore.epsilon, allocation: c.leastCore.allocation, note: 'ε ≤ 0: the core is non-empty and this is its most stable allocation' },
        shapley: c.shapley,
        nucleolus: c.nucleolus,
        nucleolusOver: c.nucleolusOver,
        grandCoalition: c.grandCoalition,
        superadditive: c.superadditive,
        derivation: c.derivation,
        exact: coop.exact,
        searchNodes: c.searchNodes,
        profilesCovered: c.profilesCovered,
        linearPrograms: c.lps,
        method: coop.method,
        inputHash: coop.inputHash,
      }),
      bargaining: roundAll({
        pair: b.pair,
        disagreement: b.disagreement,
        gainsFromTrade: b.gainsFromTrade,
        outcomes: b.outcomes,
        nash: b.nash && { ...point(b.nash), product: b.nash.product },
        kalaiSmorodinsky: b.kalaiSmorodinsky && { ...point(b.kalaiSmorodinsky), ideal: b.kalaiSmorodinsky.ideal },
        rubinstein: { first: b.rubinstein.first, patience: b.rubinstein.patience, surplusShare: b.rubinstein.surplusShare, agreement: point(b.rubinstein.agreement) },
        deal: b.nash ? deal(b.nash) : [],
        bestPureDeal: point(b.bestPureDeal),
        frontier: b.frontier.map((v) => ({ utilities: v.utilities, moves: deal(v) })),
        namedDeals: b.namedDeals,
        exact: bargaining.exact,
        method: bargaining.method,
        inputHash: bargaining.inputHash,
      }),
      forecast: roundAll({
        label: forecast.report.label,
        method: forecast.report.method,
        dimensions: Object.fromEntries(
          forecast.report.dimensions.map((d) => [d.dimension, { statusQuo: d.statusQuo, mean: d.mean, median: d.median, ...(d.natural ? { natural: d.natural } : {}), heaviest: d.heaviest }]),
        ),
        inputHash: forecast.inputHash,
      }),
      lpCalls: { requested: memo.stats.calls, solved: memo.stats.solved },
    },
    null,
    2,
  ),
);
