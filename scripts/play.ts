/**
 * `npm run --silent play -- [--rounds N] [--seed N] [--december] [--csv FILE] [--json FILE] [--frames FILE]`
 * Plays a multi-round Belarus run: two teams (Minsk and Washington) whose moves are scripted,
 * and bots for every other actor, one of each strategy; prints a round-by-round summary.
 * With --december it replays the scripted December 2025 run instead. --frames writes, for the
 * opening and each round's end, the coalitions the run's graph draws there (models/graph
 * `positionCoalitions`): `[{ "round": 0, "coalitions": [["regime", "us"], …] }, …]`.
 */
import { writeFileSync } from 'node:fs';
import { formatNatural, initialState, type Scenario } from '../models/domain/index';
import {
  apply,
  checkRun,
  december2025Run,
  exportRun,
  historyCsv,
  newSession,
  phaseOf,
  playBots,
  type RoundRecord,
  type Run,
  type RunEvent,
  type Seat,
  type Session,
} from '../models/machines/index';
import { initialHoldings } from '../models/domain/legality';
import { brokenPairs, positionCoalitions } from '../models/graph/index';
import { builtinDoc, parseScenario } from '../models/scenario/index';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? (args[i + 1] ?? dflt) : dflt;
};
const rounds = Number(opt('--rounds', '4'));
const seed = Number(opt('--seed', '2026'));

const doc = builtinDoc('belarus');
const parsed = await parseScenario(doc);
if (!parsed.ok) throw new Error('the Belarus scenario must parse');
const s: Scenario = parsed.scenario;

function summary(r: RoundRecord): string {
  const lines = [`Round ${r.round}`];
  for (const inj of r.injects) lines.push(`  inject: ${inj.label}`);
  for (const a of s.actors) {
    const x = r.actors[a.id]!;
    const move = x.move === 'hold' ? 'holds' : s.moves.find((m) => m.id === x.move)!.label;
    const d = x.after - x.before;
    lines.push(
      `  ${a.short.padEnd(12)} ${x.by.padEnd(7)} ${move.padEnd(38)} ${x.before.toFixed(3)} → ${x.after.toFixed(3)} (${d >= 0 ? '+' : '−'}${Math.abs(d).toFixed(3)})` +
        `${x.acceptableAfter ? '' : ' [minimum unmet]'} ${x.postureBefore === x.postureAfter ? x.postureAfter : `${x.postureBefore}→${x.postureAfter}`}`,
    );
    if (x.reason && x.by === 'bot') lines.push(`  ${''.padEnd(12)} why: ${x.reason}`);
  }
  for (const d of r.dealsMade)
    lines.push(
      `  deal: ${d.parties.join(' & ')} promise ${Object.entries(d.promises)
        .map(([k, v]) => `${k}: ${v}`)
        .join(', ')} next round`,
    );
  for (const d of r.dealsDue) lines.push(`  deal due: ${d.parties.join(' & ')} — ${d.brokenBy.length ? `broken by ${d.brokenBy.join(', ')}` : 'kept'}`);
  if (r.interactions.length) lines.push(`  together: ${r.interactions.join(', ')}`);
  const changed = s.dimensions.map((dim, i) => [dim, r.worldBefore[i]!, r.worldAfter[i]!] as const).filter(([, b, a]) => Math.abs(a - b) > 1e-9);
  lines.push(`  world: ${changed.map(([dim, b, a]) => `${dim.label} ${formatNatural(dim, b)} → ${formatNatural(dim, a)}`).join('; ') || 'unchanged'}`);
  return lines.join('\n');
}

let run: Run;
if (args.includes('--december')) {
  run = december2025Run(doc);
} else {
  const strategies = ['best-response', 'equilibrium', 'tit-for-tat', 'random'] as const;
  const seats: Record<string, Seat> = { regime: { kind: 'team', team: 'Minsk' }, us: { kind: 'team', team: 'Washington' } };
  s.actors.filter((a) => !seats[a.id]).forEach((a, i) => (seats[a.id] = { kind: 'bot', strategy: strategies[i % strategies.length]! }));
  // The teams' scripted play: the December exchange, a deal for more, then whatever is legal.
  const script: Record<number, { regime: string; us: string }> = {
    1: { regime: 'release_123', us: 'ease_potash_partial' },
    2: { regime: 'host_oreshnik', us: 'envoy_visit' },
    3: { regime: 'release_300', us: 'ease_potash_partial' },
    4: { regime: 'assure_no_second_front', us: 'press_allies_on_sanctions' },
  };
  const made = newSession(s, {
    format: 'coreplay-run',
    version: 1,
    title: `Belarus class run (seed ${seed})`,
    scenario: doc,
    variants: [],
    seed,
    roundLimit: rounds,
    seats,
  });
  if (!made.ok) throw new Error(made.problem);
  let x: Session = made.session;
  const send = (e: RunEvent, quiet = false) => {
    const r = apply(x, e);
    if (r.ok) x = r.session;
    else if (!quiet) console.log(`  (${e.type} refused: ${r.problem})`);
    return r.ok;
  };
  for (let r = 1; r <= rounds; r++) {
    if (r === 3)
      send({ type: 'INJECT', inject: { id: 'eu-extends', label: 'The EU extends its potash sanctions', effects: [{ dimension: 'sanctions', delta: 0.05 }] } });
    send({ type: 'START_ROUND' });
    const plan = script[r] ?? { regime: 'hold', us: 'hold' };
    for (const [actor, move] of Object.entries(plan))
      if (!send({ type: 'COMMIT_MOVE', actor, move, by: 'team' }, true))
        send({ type: 'COMMIT_MOVE', actor, move: 'hold', by: 'team', reason: `${move} was not legal` });
    x = playBots(x);
    if (phaseOf(x.snapshot) === 'moves') send({ type: 'CLOSE_ROUND' });
    if (r === 2 && r < rounds) {
      send({ type: 'OFFER', offer: { id: `r${r}-us`, from: 'us', to: 'regime', give: 'ease_potash_partial', get: 'release_300' } });
      send({ type: 'ANSWER', offerId: `r${r}-us`, by: 'regime', answer: 'accept' });
      send({ type: 'OFFER', offer: { id: `r${r}-eu`, from: 'us', to: 'lithuania', give: 'press_allies_on_sanctions', get: 'reopen_klaipeda' } });
      x = playBots(x);
    }
    send({ type: 'END_OFFERS' });
    send({ type: 'NEXT_ROUND' });
  }
  run = x.run;
}

const checked = checkRun(run, s);
if (!checked.ok) {
  console.error(checked.problem);
  process.exit(1);
}
const end = checked.replay.final;
console.log(`${run.title}: ${end.context.history.length} rounds, ${run.events.length} events, final phase ${phaseOf(end)}`);
console.log(
  `seats: ${Object.entries(run.seats)
    .map(([a, seat]) => `${a}=${seat.kind === 'team' ? `team ${seat.team}` : `bot ${seat.strategy}`}`)
    .join(', ')}\n`,
);
for (const r of end.context.history) console.log(summary(r) + '\n');
const csv = opt('--csv', '');
if (csv) writeFileSync(csv, historyCsv(s, end.context.history));
const json = opt('--json', '');
if (json) writeFileSync(json, exportRun(run));
const framesFile = opt('--frames', '');
if (framesFile) {
  // The opening, then the position each round leaves behind (world, assets, postures, broken deals).
  const frames = [
    {
      round: 0,
      coalitions: positionCoalitions({
        scenario: s,
        state: Array.from(initialState(s)),
        holdings: initialHoldings(s),
        postures: Object.fromEntries(s.actors.map((a) => [a.id, 'engaged' as const])),
      }).map((c) => [...c.members]),
    },
  ];
  for (const snap of checked.replay.snapshots) {
    const c = snap.context;
    const last = c.history[c.history.length - 1];
    if (phaseOf(snap) !== 'debrief' || !last || frames.some((f) => f.round === last.round)) continue;
    frames.push({
      round: last.round,
      coalitions: positionCoalitions({ scenario: s, state: c.world, holdings: c.holdings, postures: c.postures, broken: brokenPairs(last.dealsDue) }).map(
        (k) => [...k.members],
      ),
    });
  }
  writeFileSync(framesFile, JSON.stringify(frames, null, 1));
}
