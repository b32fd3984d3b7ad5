/**
 * The structural claims of the seeds, derived from the Belarus scenario's encoded preferences:
 * each is computed here from the minimums, never written into the scenario as an answer.
 */
import { describe, expect, it } from 'vitest';
import { bilateralBargaining } from '../../../models/analysis/bargaining/index';
import { boundSensitivity, commonCore, minimumStatus, standardClaims } from '../../../models/analysis/commonCore/index';
import { applyVariants } from '../../../models/domain/index';
import { parsedBuiltin } from '../../fixtures/builtins';

async function reading(variants: string[]) {
  const s = await parsedBuiltin('belarus');
  const v = applyVariants(s, variants);
  if (!v.ok) throw new Error(v.problem);
  const actors = v.value.scenario.actors.map((a) => a.id).filter((id) => !v.value.excludedFromCore.has(id));
  return { s: v.value.scenario, actors, core: await commonCore(v.value.scenario, actors) };
}

describe('Belarus: the common core under the seeds\u2019 readings', () => {
  it('Russia is the one test: under control the grey core is empty, and Russia is the only actor whose exit alone opens it', async () => {
    const { core } = await reading(['grey']);
    expect(core.nonEmpty).toBe(false);
    const single = core.minimalExitSets.filter((e) => e.length === 1);
    expect(single).toEqual([['russia']]);
    // Every other way out needs a whole group of those who read reliability as a limit.
    for (const e of core.minimalExitSets) if (!e.includes('russia')) expect(e.length).toBeGreaterThanOrEqual(3);
  });

  it('read as a limit on its military function, Russia fits: the grey core exists', async () => {
    const { core } = await reading(['grey-russia-limit']);
    expect(core.nonEmpty).toBe(true);
    expect(core.chebyshevCentre!.democracy).toBeLessThanOrEqual(0.2 + 1e-9);
    const alsoViaBoth = await reading(['grey', 'russia-limit']);
    expect(alsoViaBoth.core.nonEmpty).toBe(true);
    // The combined reading on top of a chosen Russia-limit variant composes (it repeats its ops).
    const onTop = await reading(['russia-limit', 'grey-russia-limit']);
    expect(onTop.core.nonEmpty).toBe(true);
  });

  it('the golden core stays empty, and the regime with Russia is a way out without any Western actor', async () => {
    const { core } = await reading(['golden']);
    expect(core.nonEmpty).toBe(false);
    expect(core.minimalExitSets.some((e) => e.length > 0 && e.every((a) => a === 'regime' || a === 'russia'))).toBe(true);
    expect(core.minimalExitSets).toContainEqual(['regime', 'russia']);
  });

  it('Kyiv and Minsk are compatible and the output names what they share: no second front', async () => {
    const { core } = await reading([]);
    expect(core.pairs['regime|ukraine']).toBe(true);
    const shared = core.sharedFeatures.find((f) => f.actors.includes('regime') && f.actors.includes('ukraine'));
    expect(shared?.tags).toContain('no-second-front');
  });

  it('Ukraine\u2019s stronger position: with a change of power required, the regime must leave too', async () => {
    const { core } = await reading(['grey', 'ukraine-change-of-power']);
    expect(core.nonEmpty).toBe(false);
    expect(core.minimalExitSets.every((e) => e.includes('regime') || e.includes('ukraine'))).toBe(true);
  });

  it('today\u2019s world: only Moscow under the control reading and the democratic forces find their minimum unmet', async () => {
    const s = await parsedBuiltin('belarus');
    const unmet = minimumStatus(s)
      .filter((a) => !a.meets)
      .map((a) => a.actor);
    expect(unmet).toEqual(['russia', 'opposition']);
    const limit = applyVariants(s, ['russia-limit']);
    if (!limit.ok) throw new Error(limit.problem);
    expect(
      minimumStatus(limit.value.scenario)
        .filter((a) => !a.meets)
        .map((a) => a.actor),
    ).toEqual(['opposition']);
  });

  it('how robust: the empty grey core holds while Russia\u2019s control floor stays above the others\u2019 limit', async () => {
    const { s, actors } = await reading(['grey']);
    const sens = await boundSensitivity(s, actors, standardClaims(actors));
    const control = sens.find((b) => b.constraint === 'military-orientation-under-its-control')!;
    const limit = sens.find((b) => b.actors.length > 1 && b.actors.includes('ukraine') && b.actors.includes('poland'))!;
    const empty = (b: typeof control) => b.claims.find((c) => c.claim === 'core-empty')!;
    expect(empty(control)).toMatchObject({ holds: true, from: limit.rhs, fromIncluded: false, to: null });
    expect(empty(limit)).toMatchObject({ holds: true, from: null, to: control.rhs, toIncluded: false });
  });
});

describe('Belarus: a concession costs its giver, a deal is an exchange', () => {
  it('each half of the December 2025 deal alone is a loss for its giver; together both gain', async () => {
    const s = await parsedBuiltin('belarus');
    const b = bilateralBargaining(s, ['regime', 'us']);
    if (b.status !== 'ok') throw new Error(b.problem);
    const dec = b.report.namedDeals.find((d) => d.id === 'december_deal')!;
    const release = dec.alone.find((p) => p.move === 'release_123')!;
    const relief = dec.alone.find((p) => p.move === 'ease_potash_partial')!;
    expect(release.actor).toBe('regime');
    expect(release.gains.regime).toBeLessThan(0);
    expect(relief.actor).toBe('us');
    expect(relief.gains.us).toBeLessThan(0);
    expect(dec.gains.regime).toBeGreaterThan(0);
    expect(dec.gains.us).toBeGreaterThan(0);
    expect(dec.bothGain).toBe(true);
  });

  it('Moscow gains from the deal through the strain on Western unity, not through its own view of sanctions', async () => {
    const s = await parsedBuiltin('belarus');
    const russia = s.actors.find((a) => a.id === 'russia')!;
    expect(russia.salience.sanctions ?? 0).toBe(0);
    expect(russia.salience.engagement ?? 0).toBe(0);
    const b = bilateralBargaining(s, ['regime', 'us']);
    if (b.status !== 'ok') throw new Error(b.problem);
    expect(b.report.namedDeals.find((d) => d.id === 'december_deal')!.gains.russia).toBeGreaterThan(0);
  });

  it('the regime–US frontier is a real trade-off: Nash, Kalai–Smorodinsky and Rubinstein differ, and Rubinstein\u2019s shares and agreement agree', async () => {
    const s = await parsedBuiltin('belarus');
    const b = bilateralBargaining(s, ['regime', 'us']);
    if (b.status !== 'ok') throw new Error(b.problem);
    const r = b.report;
    expect(r.frontier.length).toBeGreaterThanOrEqual(2);
    const at = (p: { utilities: Record<string, number> } | null) => [p!.utilities.regime!, p!.utilities.us!];
    const distinct = new Set([at(r.nash), at(r.kalaiSmorodinsky), at(r.rubinstein.agreement)].map((u) => u.map((x) => x.toFixed(6)).join()));
    expect(distinct.size).toBe(3);
    // The patient first mover (the regime) takes the larger share, in the formula and at the agreement.
    expect(r.rubinstein.surplusShare.regime!).toBeGreaterThan(r.rubinstein.surplusShare.us!);
    expect(r.rubinstein.agreementShare!.regime!).toBeGreaterThan(r.rubinstein.agreementShare!.us!);
  });

  it('the stocks traded in the seeds are declared as leverage: prisoners (regime), transit (Lithuania), sanctions (EU, US)', async () => {
    const s = await parsedBuiltin('belarus');
    const held = s.actors.flatMap((a) => (a.leverage ?? []).map((l) => `${a.id}:${l.dimension}:${l.held}`));
    expect(held).toEqual(['regime:prisoners:high', 'lithuania:transit:low', 'eu:sanctions:high', 'us:sanctions:high']);
  });
});
