/**
 * `npm run --silent analyse -- SCENARIO [--variant NAME]...`
 * SCENARIO is a file or `builtin:NAME`. Prints one JSON document: the common core under the
 * chosen variants, and under each of the scenario's readings. Bad scenarios exit 1 with the
 * parser's path-precise problems on stderr.
 */
import { readFileSync } from 'node:fs';
import { BUILTINS, builtinDoc, formatProblem, parseScenario } from '../models/scenario/index';
import { analyseCommonCore } from '../workers/api';

const args = process.argv.slice(2);
const variants: string[] = [];
let source: string | undefined;
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--variant') variants.push(args[++i] ?? '');
  else source = args[i];
}
if (!source) {
  console.error(`usage: analyse SCENARIO [--variant NAME]  (SCENARIO: a file or builtin:${Object.keys(BUILTINS).join('|builtin:')})`);
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
const r = await analyseCommonCore(parsed.scenario, variants, () => performance.now());
if (r.status !== 'ok') {
  console.error(r.problem);
  process.exit(1);
}
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
console.log(
  JSON.stringify(
    {
      scenario: parsed.scenario.id,
      variants,
      inputHash: r.inputHash,
      method: base!.method,
      exact: true,
      commonCore: core(base!),
      readings: Object.fromEntries(rest.map((x) => [x.variants.filter((v) => !variants.includes(v)).join('+'), core(x)])),
    },
    null,
    2,
  ),
);
