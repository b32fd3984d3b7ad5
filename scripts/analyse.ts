/**
 * `npm run --silent analyse -- SCENARIO [--variant NAME]... [--pair A,B] [--first A] [--timings]`
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
 * Speed (figures: `npm run bench -- analysis`):
 * - `npm run analyse` and the `coreplay-analyse` bin run a build of this file made once
 *   (scripts/build-cli.mjs, scripts/bin/), so no TypeScript is compiled and nothing is bundled
 *   when it starts;
 * - the launcher sets V8's --liftoff-only before HiGHS's WebAssembly is compiled: its optimising
 *   tier-up costs more CPU than the few hundred small LPs of an analysis can win back (the LPs
 *   run slower while it compiles than in baseline code throughout);
 * - repeated identical LPs (the readings share most of them) are solved once (workers/lpMemo.ts);
 *   `lpCalls` in the output says how many were asked for and how many solved;
 * - one thread: sharing the work with a worker thread was tried and measured no faster on a
 *   two-core machine (its start-up, a second HiGHS and the LPs it cannot share with the main
 *   thread's memo cost as much as the overlap won);
 * - what is left is mostly the common core's own LPs and search (models/analysis/commonCore) and
 *   node's and npm's start-up. --timings prints the phases on stderr.
 */
import { readFileSync } from 'node:fs';
import highsLoader from 'highs';
import { setHighsLoader } from '../models/game/lp';
import { BUILTINS, builtinDoc, formatProblem, parseScenario } from '../models/scenario/index';
import { defaultPair } from '../models/domain/space';
import { describeInterval } from '../models/analysis/commonCore/index';
import { analyseBargaining, analyseCommonCore, analyseCoop, analyseSensitivity, analyseSpatial } from '../workers/api';
import { memoiseHighs } from '../workers/lpMemo';

/** When this module started running and when HiGHS was ready (ms since the process started), for --timings. */
const T0 = performance.now();
const memo = memoiseHighs(await highsLoader());
setHighsLoader(async () => memo.highs);
const tHighs = performance.now();

await main();

async function main() {
  const args = process.argv.slice(2);
  const variants: string[] = [];
  let source: string | undefined;
  let pairArg: string | undefined;
  let first: string | undefined;
  let timings = false;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--variant') variants.push(args[++i] ?? '');
    else if (args[i] === '--timings') timings = true;
    else if (args[i] === '--pair') pairArg = args[++i];
    else if (args[i] === '--first') first = args[++i];
    else source = args[i];
  }
  if (!source) {
    console.error(
      `usage: analyse SCENARIO [--variant NAME]... [--pair A,B] [--first A] [--timings]  (SCENARIO: a file or builtin:${Object.keys(BUILTINS).join('|builtin:')})`,
    );
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
  /** Phase times on stderr: ms since the process started (node's own start-up included). */
  const lap = (what: string) => timings && console.error(`${what.padEnd(34)} ${performance.now().toFixed(0).padStart(6)} ms`);
  if (timings) console.error(`${'bundle loaded'.padEnd(34)} ${T0.toFixed(0).padStart(6)} ms\n${'HiGHS loaded'.padEnd(34)} ${tHighs.toFixed(0).padStart(6)} ms`);
  lap('scenario parsed');
  const r = await analyseCommonCore(scenario, variants, clock);
  if (r.status !== 'ok') {
    console.error(r.problem);
    process.exit(1);
  }
  lap('common core, all readings');
  const coop = await analyseCoop(scenario, variants, {}, clock);
  lap('coop');
  const ids = scenario.actors.map((a) => a.id);
  const pair = (pairArg ? pairArg.split(',') : (defaultPair(scenario) ?? [])) as [string, string];
  if (pair.length !== 2) {
    console.error(`--pair needs two actors separated by a comma (known: ${ids.join(', ')})`);
    process.exit(2);
  }
  const bargaining = analyseBargaining(scenario, variants, pair, first ? { first } : {}, clock);
  const forecast = analyseSpatial(scenario, variants, clock);
  lap('bargaining and spatial forecast');
  const sensitivity = await analyseSensitivity(scenario, variants, clock);
  lap('sensitivity');
  for (const x of [coop, bargaining, forecast, sensitivity])
    if (x.status !== 'ok') {
      console.error(`${x.kind}: ${x.problem}`);
      process.exit(1);
    }
  if (coop.status !== 'ok' || bargaining.status !== 'ok' || forecast.status !== 'ok' || sensitivity.status !== 'ok') process.exit(1);

  /** Six decimals are plenty for utilities on a [0, 1] scale. */
  const round = (x: number) => Math.round(x * 1e6) / 1e6;
  const roundAll = <T>(v: T): T =>
    (typeof v === 'number'
      ? round(v)
      : Array.isArray(v)
        ? v.map(roundAll)
        : v && typeof v === 'object'
          ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, roundAll(x)]))
          : v) as T;

  const [base, ...rest] = r.readings;
  const core = (x: NonNullable<typeof base>) => {
    // The core's most robust point: constrained dimensions at the centre, the free ones as the range they may take.
    const whole = x.nonEmpty ? x.maximalSets.find((m) => m.actors.length === x.actors.length) : undefined;
    return {
      label: x.label,
      nonEmpty: x.nonEmpty,
      chebyshevCentre: whole ? { ...whole.centre, ...Object.fromEntries(whole.free.map((d) => [d, [0, 1]])) } : null,
      radius: x.radius,
      binding: x.binding.map((b) => ({ actor: b.actor, constraint: b.constraint, label: b.label })),
      maximalCompatibleSets: x.maximalCompatibleSets,
      minimalExitSets: x.minimalExitSets,
      maximalSets: roundAll(
        x.maximalSets.map((m) => ({ actors: m.actors, utilityAtCentre: m.utilityAtCentre, centre: m.centre, free: m.free, radius: m.radius })),
      ),
      sharedFeatures: x.sharedFeatures,
      excluded: x.excluded,
      statusQuo: roundAll(x.statusQuo.map((a) => ({ actor: a.actor, meets: a.meets, tightest: a.tightest, unmet: a.unmet.map((u) => u.constraint) }))),
      linearPrograms: x.lps,
    };
  };
  const readingKey = (ids: readonly string[]) => ids.filter((v) => !variants.includes(v)).join('+') || 'baseline';
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
        statusQuo: core(base!).statusQuo,
        readings: Object.fromEntries(rest.map((x) => [readingKey(x.variants), core(x)])),
        sensitivity: Object.fromEntries(
          sensitivity.report.readings.map((rd) => [
            readingKey(rd.variants),
            {
              label: rd.label,
              bounds: roundAll(
                rd.bounds.map((bd) => ({
                  actors: bd.actors,
                  constraint: bd.constraint,
                  label: bd.label,
                  op: bd.op,
                  rhs: bd.rhs,
                  results: bd.claims.map((cl) => ({
                    claim: cl.claim,
                    label: cl.label,
                    holds: cl.holds,
                    from: cl.from,
                    to: cl.to,
                    text: `${cl.holds ? '' : 'not: '}${cl.label} ${describeInterval(cl)}`,
                  })),
                })),
              ),
            },
          ]),
        ),
        coop: roundAll({
          label: 'TU core (transferable-utility cooperative game)',
          assumption: 'Utility transfers one for one between actors, as if side payments were possible; the common core makes no such assumption.',
          players: c.players,
          coreEmpty: c.coreEmpty,
          coreAllocation: c.coreAllocation,
          leastCore: {
            epsilon: c.leastCore.epsilon,
            allocation: c.leastCore.allocation,
            note: 'ε ≤ 0: the core is non-empty and this is its most stable allocation',
          },
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
          rubinstein: {
            first: b.rubinstein.first,
            patience: b.rubinstein.patience,
            surplusShare: b.rubinstein.surplusShare,
            agreement: point(b.rubinstein.agreement),
            agreementShare: b.rubinstein.agreementShare,
          },
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
          parameters: forecast.report.parameters,
          turns: forecast.report.turns,
          stop: forecast.report.stop,
          dimensions: Object.fromEntries(
            forecast.report.dimensions.map((d) => [d.dimension, { statusQuo: d.statusQuo, outcome: d.outcome, expected: d.expected }]),
          ),
          finalPositions: Object.fromEntries(forecast.report.actors.map((a) => [a.actor, a.final])),
          inputHash: forecast.inputHash,
        }),
        lpCalls: { requested: memo.stats.calls, solved: memo.stats.solved },
      },
      null,
      2,
    ),
  );
  lap('output written');
}
