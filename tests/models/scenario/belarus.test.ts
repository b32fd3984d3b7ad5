import { describe, expect, it } from 'vitest';
import { isFeasible } from '../../../models/domain/polytope';
import { parsedBuiltin } from '../../fixtures/builtins';
import { applyVariants, dimensionIndex, formatNatural, initialState } from '../../../models/domain/index';

describe('the Belarus 2025–26 scenario', () => {
  it('has the ten actors the design names', async () => {
    const s = await parsedBuiltin('belarus');
    expect(s.actors.map((a) => a.id)).toEqual(['regime', 'russia', 'ukraine', 'poland', 'lithuania', 'latvia', 'eu', 'us', 'china', 'opposition']);
  });

  it('has the dimensions the design asks for', async () => {
    const s = await parsedBuiltin('belarus');
    for (const d of [
      'sovereignty',
      'russian_military',
      'western_alignment',
      'democracy',
      'prisoners',
      'potash',
      'sanctions',
      'transit',
      'border',
      'escalation',
      'chinese_stake',
    ])
      expect(s.dimensions.map((x) => x.id)).toContain(d);
  });

  it('carries the seed facts', async () => {
    const s = await parsedBuiltin('belarus');
    const fact = (id: string) => s.facts.find((f) => f.id === id)?.value;
    expect(fact('released_13_dec_2025')).toBe(123);
    expect(fact('pl_by_crossings_open')).toBe(4);
    expect(fact('nezhinsky_capacity')).toBe(2);
    expect(fact('buffer_zone_length')).toBe(78);
    expect(fact('cdb_loan')).toBe(1.4);
    expect(fact('klaipeda_closed_since')).toBe(2022);
    expect([fact('potash_exports_pre_2021_low'), fact('potash_exports_pre_2021_high')]).toEqual([10, 12]);
    expect([fact('potash_exports_now_low'), fact('potash_exports_now_high')]).toEqual([8, 9]);
  });

  it('opens before the December release, with Klaipeda closed and potash at 8–9 Mt', async () => {
    const s = await parsedBuiltin('belarus');
    const x = initialState(s);
    const dims = dimensionIndex(s);
    const dim = (id: string) => s.dimensions.find((d) => d.id === id)!;
    expect(formatNatural(dim('prisoners'), x[dims.get('prisoners')!]!)).toBe('1,230 prisoners');
    expect(formatNatural(dim('potash'), x[dims.get('potash')!]!)).toBe('8.5 Mt/yr');
    expect(x[dims.get('transit')!]).toBe(0);
    const release = s.moves.find((m) => m.id === 'release_123')!;
    expect(release.uses).toBe(123);
    const after = x[dims.get('prisoners')!]! + (release.effects.find((e) => e.dimension === 'prisoners') as { delta: number }).delta;
    expect(formatNatural(dim('prisoners'), after)).toBe('1,107 prisoners');
  });

  it("every actor's minimum is feasible on its own, in every variant", async () => {
    const s = await parsedBuiltin('belarus');
    for (const v of [[], ...s.variants.map((x) => [x.id])]) {
      const applied = applyVariants(s, v);
      expect(applied.ok).toBe(true);
      if (!applied.ok) continue;
      const dims = dimensionIndex(applied.value.scenario);
      for (const a of applied.value.scenario.actors) expect(await isFeasible(a.minimum, dims), `${a.id} under [${v}]`).toBe(true);
    }
  });

  it('has the assets and moves the design names, each owned by the right actor', async () => {
    const s = await parsedBuiltin('belarus');
    const owner = (asset: string) => s.assets.find((a) => a.id === asset)?.owner;
    expect(owner('political_prisoners')).toBe('regime');
    expect(owner('us_potash_sanctions')).toBe('us');
    expect(owner('klaipeda_transit')).toBe('lithuania');
    expect(owner('polish_crossings')).toBe('poland');
    expect(owner('oreshnik')).toBe('russia');
    expect(s.assets.find((a) => a.id === 'oreshnik')!.coOwners).toContain('regime');
    expect(owner('nezhinsky_credit')).toBe('china');
    expect(owner('energy_subsidies')).toBe('russia');
    for (const m of [
      'release_123',
      'ease_potash_partial',
      'refuse_transit',
      'deploy_oreshnik',
      'host_oreshnik',
      'extend_buffer_zone',
      'paris_call',
      'nezhinsky_credit',
      'tighten_bank_restrictions',
      'extend_eu_sanctions',
      'troop_surge',
      'raise_energy_subsidy',
      'endorse_humanitarian_track',
    ])
      expect(s.moves.map((x) => x.id)).toContain(m);
  });

  it('names its readings and variants', async () => {
    const s = await parsedBuiltin('belarus');
    expect(s.variants.map((v) => v.id)).toEqual([
      'russia-limit',
      'us-buffer',
      'klaipeda-reopens',
      'us-transactional',
      'grey-russia-limit',
      'ukraine-change-of-power',
      'grey',
      'golden',
    ]);
  });

  it('every number traces to a seed file or says it is an assumption', async () => {
    const s = await parsedBuiltin('belarus');
    const notes = [
      ...s.dimensions.map((d) => d.source),
      ...s.facts.map((f) => f.source),
      ...s.actors.map((a) => a.source),
      ...s.actors.flatMap((a) => a.minimum.map((c) => c.source)),
      ...s.assets.map((a) => a.source),
      ...s.moves.map((m) => m.source),
      ...s.interactions.map((i) => i.source),
      ...s.variants.map((v) => v.source),
    ];
    for (const n of notes) expect(n).toMatch(/^(seed:(000_fc051cb1ba4df906|003_148a42c688826826)|assumption:)/);
  });
});
