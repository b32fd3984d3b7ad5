/**
 * The model against KTAB's own runs of its two SOE example scenarios (tests/fixtures/ktab:
 * KTAB's position logs from a 2016 build with its default parameters). The figures are printed
 * and the assertions pin what this model achieves — they are not the 3-point goal, which it does
 * not reach (see the summary below and the report of the change that added it).
 *
 * Where the differences come from, as far as the logs show:
 * - The contest of a challenge. Where KTAB's first turn shows which pair struck a bargain, its
 *   bargain point is what this model's formulas give when only the challenger's and the target's
 *   own votes decide the contest (ContestCoalition 'Principals'): SOE-Competitive WQ–SH 22.6
 *   (KTAB 22.7), CNPCL–SH 20.3 (20.3), NAO–PDPA 20.3 (20.3), XJ–FSM 20.1 (20.1); SOE-Policy
 *   XJ–IOC 54.6 (55.0). With every actor voting ('AllActors', the coalition reading of the
 *   papers and this model's default) the same pairs land far off (WQ–SH 23.5).
 * - Who challenges whom, and which bargain each actor adopts. This model's challengers do not
 *   all pick KTAB's targets, and KTAB's strong actors keep positions (LK, FC, SASAC, WY in
 *   SOE-Competitive never move) that the all-actor vote over each queue here lets them trade, so
 *   SOE-Competitive collapses towards the centre instead of keeping its blocs.
 * - KTAB's source code computes a contest by "little coalitions" — the principals' votes, then
 *   each third party in turn — weighs the votes of its elections by capability alone, and leaves
 *   the commitments out of the expected gain. With those choices (ContestCoalition 'Little',
 *   ElectionWeight 'Capability') the first turn of SOE-Competitive is KTAB's to 0.2 points for 30
 *   of 34 actors (see the tests below).
 *
 * KTAB's source history (lsyaseen/KTAB, examples/smp/libsrc and KTAB's kutils model code) was
 * read version by version for the 2016 rules:
 * - Little coalitions. The earlier SMP source (smp.cpp, before bargaining moved to smpbcn.cpp)
 *   lets each third party weigh its three-actor contest against the coalitions built so far
 *   (cumulative), as 'Little' does here; from late 2016 on (smpbcn.cpp at 06542eea) each third
 *   party starts afresh from the principals' votes alone. The afresh rule fits KTAB's logs worse
 *   (turn 1 of SOE-Competitive: 16 actors off instead of 4), so the cumulative rule stays.
 * - Queue choice. Every version read builds each actor's queue as here (the status quo, then the
 *   bargains in the order of their initiators), values each option by the sum of the voter's
 *   utilities for all positions after it, weighs votes by capability and takes the most probable
 *   option of a probabilistic Condorcet election. The earliest model code computes that election
 *   by a Markov iteration instead of conditional probabilities; neither choice, nor BigRAdjust,
 *   BigRRange, risk attitudes from distinct positions only, KTAB's 4-decimal rounding of
 *   bargains, or its 1e-5 floor on a challenge's expected gain, removes the divergences below.
 * - Stopping. The mid-2016 run code stops after at least 2 turns when a turn moves the actors
 *   less than 2 % of the first turn (later 1 %); both fit where KTAB's two runs stop.
 * Started from KTAB's own logged positions, one turn of the model ('Little', 'Capability')
 * reproduces KTAB's next turn for most actors in some turns and few in others (last test): the
 * remaining difference lies in the contest probabilities of some challenges (e.g. SOE-Competitive
 * turn 2: WQ's challenge to IOC has P 0.64 here, about 0.87 by KTAB's bargain point), which no
 * rule variant read or tried reproduces for both scenarios. The final positions stay far from the
 * 3-point goal.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readKtabScenario, readPositionLog, runSmp, smpParameters } from '../../../../models/analysis/spatial/index';

const dir = resolve(import.meta.dirname, '../../../fixtures/ktab');

function compare(name: string, changes: Record<string, unknown> = {}) {
  const input = readKtabScenario(readFileSync(join(dir, `${name}.csv`), 'utf8'));
  const log = readPositionLog(readFileSync(join(dir, `${name}.csv_posLog.csv`), 'utf8'));
  const p = smpParameters(changes);
  if (!input.ok || !log.ok || !p.ok) throw new Error('fixtures must read');
  const r = runSmp(input.value, p.value);
  if (r.status !== 'ok') throw new Error(r.problem);
  const last = r.run.positions[r.run.positions.length - 1]!;
  const rows = log.value.map((row, i) => {
    const ktab = row.values[row.values.length - 1]!;
    const model = last[i]![0]!;
    return { actor: row.label, ktab, model: Math.round(model * 10) / 10, delta: Math.abs(model - ktab) };
  });
  const max = Math.max(...rows.map((x) => x.delta));
  const mean = rows.reduce((t, x) => t + x.delta, 0) / rows.length;
  const within3 = rows.filter((x) => x.delta <= 3).length;
  console.log(
    `${name} ${JSON.stringify(changes)}: ${r.run.turns.length} turns (KTAB ${log.value[0]!.values.length - 1}), final |Δ| max ${max.toFixed(1)}, mean ${mean.toFixed(2)}, ` +
      `${within3}/${rows.length} actors within 3 points\n` +
      rows
        .filter((x) => x.delta > 3)
        .map((x) => `  ${x.actor.padEnd(6)} KTAB ${x.ktab.toFixed(1).padStart(5)}  model ${x.model.toFixed(1).padStart(5)}  |Δ| ${x.delta.toFixed(1)}`)
        .join('\n'),
  );
  return { rows, max, mean, within3, turns: r.run.turns.length };
}

describe('against KTAB’s runs (final positions, 0–100)', () => {
  it('SOE-Policy, KTAB defaults: max |Δ| 13.1, mean 11.6 (achieved bound, not the 3-point goal)', () => {
    const c = compare('SOE-Policy');
    expect(c.rows).toHaveLength(26);
    expect(c.max).toBeLessThan(13.2);
    expect(c.mean).toBeLessThan(11.7);
  });

  it('SOE-Competitive, KTAB defaults: max |Δ| 29.0, mean 13.2 (achieved bound)', () => {
    const c = compare('SOE-Competitive');
    expect(c.rows).toHaveLength(34);
    expect(c.max).toBeLessThan(29.1);
    expect(c.mean).toBeLessThan(13.3);
  });

  it('with the principals’ contest and no commitment, closer on SOE-Policy: max 10.7, mean 4.0; SOE-Competitive max 25.1, mean 13.5', () => {
    const alt = { ContestCoalition: 'Principals', ThirdPartyCommit: 'NoCommit' };
    const a = compare('SOE-Policy', alt);
    expect(a.max).toBeLessThan(10.8);
    expect(a.mean).toBeLessThan(4.1);
    const b = compare('SOE-Competitive', alt);
    expect(b.max).toBeLessThan(25.2);
    expect(b.mean).toBeLessThan(13.6);
  });

  it('the principals’ contest reproduces KTAB’s first-turn bargains where the pairs are identifiable', () => {
    const input = readKtabScenario(readFileSync(join(dir, 'SOE-Competitive.csv'), 'utf8'));
    const p = smpParameters({ ContestCoalition: 'Principals', ThirdPartyCommit: 'NoCommit', maxTurns: 1 });
    if (!input.ok || !p.ok) throw new Error('fixtures must read');
    const r = runSmp(input.value, p.value);
    if (r.status !== 'ok') throw new Error(r.problem);
    const at = (who: string) => r.run.positions[1]![r.run.actors.indexOf(who)]![0]!;
    // KTAB's log, turn 1: WQ 22.7, CNPCL 20.3 (both from their challenges to SH), SH 20.1.
    expect(at('WQ')).toBeCloseTo(22.6, 0);
    expect(at('CNPCL')).toBeCloseTo(20.3, 1);
    expect(Math.abs(at('SH') - 20.1)).toBeLessThan(0.3);
  });

  it('KTAB’s source choices (little coalitions, capability-weighted elections) reproduce KTAB’s first turn of SOE-Competitive', () => {
    const input = readKtabScenario(readFileSync(join(dir, 'SOE-Competitive.csv'), 'utf8'));
    const log = readPositionLog(readFileSync(join(dir, 'SOE-Competitive.csv_posLog.csv'), 'utf8'));
    const p = smpParameters({ ContestCoalition: 'Little', ElectionWeight: 'Capability', maxTurns: 1 });
    if (!input.ok || !log.ok || !p.ok) throw new Error('fixtures must read');
    const r = runSmp(input.value, p.value);
    if (r.status !== 'ok') throw new Error(r.problem);
    const off = log.value
      .map((row, i) => ({ actor: row.label, delta: Math.abs(r.run.positions[1]![i]![0]! - row.values[1]!) }))
      .filter((x) => x.delta > 0.2)
      .map((x) => x.actor);
    // WQ (22.1 for KTAB's 22.7), XS (10.3 for 11.4) and the MEP–FSM bargain (17.5 for 21.9) apart.
    expect(off).toEqual(['WQ', 'XS', 'MEP', 'FSM']);
    // The default choices are far off in the same turn.
    const q = smpParameters({ maxTurns: 1 });
    if (!q.ok) throw new Error(q.problem);
    const d = runSmp(input.value, q.value);
    if (d.status !== 'ok') throw new Error(d.problem);
    expect(Math.max(...log.value.map((row, i) => Math.abs(d.run.positions[1]![i]![0]! - row.values[1]!)))).toBeGreaterThan(30);
  });

  it('one turn from KTAB’s own logged positions: how many actors land on KTAB’s next turn', () => {
    // Each turn is run from KTAB's logged positions (rounded to 0.1 in the log), so an early
    // divergence does not hide the later turns; an actor counts when within 0.25 points.
    const p = smpParameters({ ContestCoalition: 'Little', ElectionWeight: 'Capability', maxTurns: 1 });
    if (!p.ok) throw new Error(p.problem);
    const matched = (name: string): number[] => {
      const input = readKtabScenario(readFileSync(join(dir, `${name}.csv`), 'utf8'));
      const log = readPositionLog(readFileSync(join(dir, `${name}.csv_posLog.csv`), 'utf8'));
      if (!input.ok || !log.ok) throw new Error('fixtures must read');
      const turns = log.value[0]!.values.length - 1;
      return Array.from({ length: turns }, (_, t) => {
        const from = { ...input.value, actors: input.value.actors.map((a, i) => ({ ...a, position: [log.value[i]!.values[t]!] })) };
        const r = runSmp(from, p.value);
        if (r.status !== 'ok') throw new Error(r.problem);
        return log.value.filter((row, i) => Math.abs(r.run.positions[1]![i]![0]! - row.values[t + 1]!) <= 0.25).length;
      });
    };
    const policy = matched('SOE-Policy');
    const competitive = matched('SOE-Competitive');
    console.log(`actors on KTAB's next turn, turn by turn: SOE-Policy ${policy.join(' ')} of 26; SOE-Competitive ${competitive.join(' ')} of 34`);
    // Pinned where the model follows KTAB: SOE-Competitive turns 1 and 3, SOE-Policy's last turns.
    expect(competitive[0]).toBeGreaterThanOrEqual(30);
    expect(competitive[2]).toBeGreaterThanOrEqual(32);
    expect(Math.min(...policy.slice(6))).toBeGreaterThanOrEqual(20);
    // Where it does not yet (SOE-Policy's first turns, SOE-Competitive's turn 2: WQ, NEA, SH …) the printed counts say so.
  });
});
