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
 * - KTAB's source code (its SMP library as published from late 2016 on) computes a contest by
 *   "little coalitions" — the principals' votes, then each third party in turn — weighs the votes
 *   of its elections by capability alone, and leaves the commitments out of the expected gain.
 *   With those choices (ContestCoalition 'Little', ElectionWeight 'Capability') the first turn of
 *   SOE-Competitive is KTAB's to 0.2 points for 30 of 34 actors (see the last test), but from
 *   turn 2 on the runs part: the later source reproduces neither SOE-Policy's first turn nor
 *   SOE-Competitive's second, so the 2016 logs come from a build whose steps differ again (which
 *   bargain a receiver adopts). The final positions stay far from the 3-point goal either way.
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
});
