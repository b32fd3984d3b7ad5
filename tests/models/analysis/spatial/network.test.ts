import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  KTAB_DEFAULTS,
  challengeNetworks,
  describeEdge,
  readKtabScenario,
  runSmp,
  spatialBargaining,
  type SmpActor,
  type SmpInput,
  type SmpRun,
} from '../../../../models/analysis/spatial/index';
import { parsedBuiltin } from '../../../fixtures/builtins';

const actor = (name: string, influence: number, x: number, s = 100): SmpActor => ({ name, description: '', influence, position: [x], salience: [s] });
const oneDim = (actors: SmpActor[]): SmpInput => ({ title: 'case', description: '', dimensions: [{ name: 'D' }], actors });

function run(input: SmpInput): SmpRun {
  const r = runSmp(input, KTAB_DEFAULTS);
  if (r.status !== 'ok') throw new Error(r.problem);
  return r.run;
}

describe('the challenge network of each turn', () => {
  it('has one edge per challenge, with the challenge’s probability and expected gain', () => {
    const r = run(oneDim([actor('A', 100, 20, 60), actor('B', 10, 80, 40), actor('C', 30, 50, 50)]));
    const nets = challengeNetworks(r);
    expect(nets).toHaveLength(r.turns.length);
    for (const [t, net] of nets.entries()) {
      const turn = r.turns[t]!;
      const made = turn.challenges.filter((c) => c !== null);
      expect(net.edges).toHaveLength(made.length);
      for (const e of net.edges) {
        const c = turn.challenges[e.initiator]!;
        expect(c.target).toBe(e.target);
        expect(e.probability).toBe(c.probability);
        expect(e.expectedUtility).toBe(c.expectedUtility);
      }
      expect(net.nodes).toHaveLength(3);
    }
  });

  it('an edge says the target gave way exactly when the target moved to its side of that bargain', () => {
    const r = run(oneDim([actor('A', 100, 20, 60), actor('B', 10, 80, 40), actor('C', 30, 50, 50)]));
    const nets = challengeNetworks(r);
    let gaveWay = 0;
    for (const [t, net] of nets.entries()) {
      for (const e of net.edges) {
        const after = r.positions[t + 1]![e.target]![0]!;
        if (e.targetGaveWay) {
          gaveWay++;
          expect(after).toBeCloseTo(e.targetPosition[0]!, 9);
          expect(net.nodes[e.target]!.adopted).toEqual({ kind: 'challenged', counterpart: e.initiator });
        } else {
          expect(net.nodes[e.target]!.adopted).not.toEqual({ kind: 'challenged', counterpart: e.initiator });
        }
        if (e.initiatorAdopted) expect(net.nodes[e.initiator]!.adopted).toEqual({ kind: 'own challenge', counterpart: e.target });
      }
    }
    // The weak, far actor B is pulled in by somebody's challenge at least once.
    expect(gaveWay).toBeGreaterThan(0);
  });

  it('a lone actor has no edge, and an actor that kept its position adopted the status quo', () => {
    const r = run(oneDim([actor('Solo', 50, 40)]));
    for (const net of challengeNetworks(r)) {
      expect(net.edges).toEqual([]);
      expect(net.nodes[0]!.adopted).toEqual({ kind: 'status quo' });
    }
  });

  it('describes an edge in words, naming both actors and what became of the bargain', () => {
    const text = describeEdge(
      {
        initiator: 0,
        target: 1,
        probability: 0.75,
        expectedUtility: 0.12345,
        resistance: 0.4,
        targetGaveWay: true,
        initiatorAdopted: false,
        initiatorPosition: [30],
        targetPosition: [30],
      },
      (i) => ['XJ', 'IOC'][i]!,
    );
    expect(text).toBe(
      'XJ challenged IOC: XJ put its chance at 0.750 and expected a gain of 0.1235 (IOC resists with probability 0.40); IOC gave way (adopted the bargain); XJ took another option',
    );
  });

  it('the scenario report carries the network per turn on the scenario’s actor ids', async () => {
    const scenario = await parsedBuiltin('belarus');
    const r = spatialBargaining(scenario, KTAB_DEFAULTS);
    if (r.status !== 'ok') throw new Error(r.problem);
    const ids = new Set(scenario.actors.map((a) => a.id));
    expect(r.report.network).toHaveLength(r.report.turns);
    const first = r.report.network[0]!;
    expect(first.challenges.length).toBeGreaterThan(0);
    for (const c of first.challenges) {
      expect(ids.has(c.from) && ids.has(c.to)).toBe(true);
      expect(c.text).toMatch(/ challenged /);
    }
    expect(first.adopted.map((a) => a.actor)).toEqual(scenario.actors.map((a) => a.id));
    // Somebody moved in the first turn, and the network says by whose challenge.
    expect(first.adopted.some((a) => a.kind !== 'status quo' && a.counterpart && ids.has(a.counterpart))).toBe(true);
  });

  it('reads a KTAB file and gives every turn a network (SOE-Policy)', () => {
    const dir = resolve(import.meta.dirname, '../../../fixtures/ktab');
    const input = readKtabScenario(readFileSync(join(dir, 'SOE-Policy.csv'), 'utf8'));
    if (!input.ok) throw new Error(input.problem);
    const r = run(input.value);
    const nets = challengeNetworks(r);
    expect(nets.map((n) => n.turn)).toEqual(r.turns.map((t) => t.turn));
    expect(nets[0]!.edges.length).toBeGreaterThan(0);
  });
});
