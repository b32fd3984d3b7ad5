import { describe, expect, it } from 'vitest';
import { HOLD, checkMove, initialHoldings, isPostureAllowed, legalMoves, spendAssets } from '../../../models/domain/legality';
import { isBetrayed, isProvoked, isReassured, observe } from '../../../models/domain/posture';
import { dimensionIndex, stateFromRecord, type Posture } from '../../../models/domain/index';
import { belarus } from '../machines/fixtures';

async function setup() {
  const s = await belarus();
  return { s, dims: dimensionIndex(s), world: stateFromRecord(s, s.initialState), holdings: initialHoldings(s) };
}

describe('posture guards', () => {
  const cases: [string, Posture, boolean][] = [
    ['release_123', 'engaged', true],
    ['release_123', 'hedging', true],
    ['release_123', 'hardline', false],
    ['release_123', 'walkedAway', false],
    ['arrest_wave', 'hardline', true],
    ['arrest_wave', 'walkedAway', false],
    ['lift_potash_sanctions', 'engaged', true],
    ['lift_potash_sanctions', 'hedging', false],
  ];
  it.each(cases)('%s while %s → %s', async (id, posture, ok) => {
    const { s } = await setup();
    expect(isPostureAllowed(s.moves.find((m) => m.id === id)!, posture)).toBe(ok);
  });

  it('hold is legal in every posture, even after walking away', async () => {
    const { s, dims, world, holdings } = await setup();
    for (const p of ['engaged', 'hedging', 'hardline', 'walkedAway'] as Posture[]) expect(legalMoves(s, dims, world, holdings, p, 'regime')[0]).toBe(HOLD);
    expect(legalMoves(s, dims, world, holdings, 'walkedAway', 'regime')).toEqual([HOLD]);
  });
});

describe('illegal moves are rejected with a reason', () => {
  it('wrong posture', async () => {
    const { s, dims, world, holdings } = await setup();
    const r = checkMove(s, dims, world, holdings, 'hardline', 'regime', 'release_123');
    expect(r).toEqual({ ok: false, code: 'wrong-posture', reason: '"Release 123 political prisoners" needs regime engaged or hedging; it is on a hard line' });
  });
  it("another actor's move", async () => {
    const { s, dims, world, holdings } = await setup();
    expect(checkMove(s, dims, world, holdings, 'engaged', 'us', 'release_123')).toMatchObject({ ok: false, code: 'not-own-move' });
  });
  it('an asset already consumed', async () => {
    const { s, dims, world, holdings } = await setup();
    const spent = spendAssets(holdings, [s.moves.find((m) => m.id === 'deploy_oreshnik')!]);
    expect(spent.oreshnik!.held).toBe(false);
    const r = checkMove(s, dims, world, spent, 'engaged', 'regime', 'host_oreshnik');
    expect(r).toEqual({ ok: false, code: 'asset-consumed', reason: 'Oreshnik missile deployment has already been used up' });
  });
  it('not enough of a stock left', async () => {
    const { s, dims, world, holdings } = await setup();
    const low = { ...holdings, political_prisoners: { held: true, quantity: 100 } };
    expect(checkMove(s, dims, world, low, 'engaged', 'regime', 'release_123')).toEqual({
      ok: false,
      code: 'asset-exhausted',
      reason: 'Political prisoners: 123 needed, 100 left',
    });
    expect(checkMove(s, dims, world, low, 'engaged', 'regime', 'release_50').ok).toBe(true);
  });
  it('a co-owner may use a shared asset, others may not', async () => {
    const { s, dims, world, holdings } = await setup();
    expect(checkMove(s, dims, world, holdings, 'engaged', 'regime', 'host_oreshnik').ok).toBe(true);
    expect(checkMove(s, dims, world, holdings, 'engaged', 'russia', 'deploy_oreshnik').ok).toBe(true);
  });
  it('an unmet precondition', async () => {
    const { s, dims, world, holdings } = await setup();
    const w = Float64Array.from(world);
    w[dims.get('border')!] = 0.05;
    expect(checkMove(s, dims, w, holdings, 'engaged', 'poland', 'close_crossing')).toMatchObject({ ok: false, code: 'precondition' });
  });
  it('an unknown move', async () => {
    const { s, dims, world, holdings } = await setup();
    expect(checkMove(s, dims, world, holdings, 'engaged', 'regime', 'nuke')).toMatchObject({ ok: false, code: 'unknown-move' });
  });
  it('spending a stock subtracts the units used', async () => {
    const { s, holdings } = await setup();
    expect(spendAssets(holdings, [s.moves.find((m) => m.id === 'release_123')!]).political_prisoners).toEqual({ held: true, quantity: 1107 });
  });
});

describe('observations', () => {
  it('counts hostile and cooperative moves aimed at the actor, and deals kept or broken', async () => {
    const { s } = await setup();
    const m = (id: string) => s.moves.find((x) => x.id === id)!;
    const o = observe(
      'regime',
      [m('extend_eu_sanctions'), m('tighten_lt_border'), m('ease_potash_partial'), m('release_123')],
      [
        { parties: ['regime', 'us'], brokenBy: [] },
        { parties: ['regime', 'eu'], brokenBy: ['eu'] },
        { parties: ['regime', 'lithuania'], brokenBy: ['regime'] },
      ],
    );
    expect(o).toEqual({ hostile: 2, cooperative: 1, kept: 1, broken: 1 });
    expect(isBetrayed(o)).toBe(true);
    expect(isProvoked({ ...o, broken: 0 })).toBe(true);
    expect(isReassured({ hostile: 0, cooperative: 0, kept: 1, broken: 0 })).toBe(true);
    expect(isReassured({ hostile: 1, cooperative: 1, kept: 0, broken: 0 })).toBe(false);
  });
});
