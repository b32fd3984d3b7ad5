// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@solidjs/testing-library';
import { CommonCoreCard } from '../../src/views/analyse/CommonCoreCard';
import { RoundGameCard } from '../../src/views/analyse/RoundGameCard';
import { parsedBuiltin } from '../fixtures/builtins';
import { analyseCommonCore, analyseRoundGame, type ReadingReport } from '../../workers/api';
import type { RoundGameReport } from '../../models/analysis/roundGameReport';
import type { Scenario } from '../../models/domain/types';

afterEach(cleanup);

let scenario: Scenario;
let readings: ReadingReport[];
let roundGame: RoundGameReport;
// Real results, computed here as the worker would (HiGHS loads by itself in Node).
beforeAll(async () => {
  scenario = await parsedBuiltin('belarus');
  // Under the "grey" reading (which leaves the opposition out), with the other readings on top:
  // some readings have a common core and some do not.
  const core = await analyseCommonCore(scenario, ['grey']);
  if (core.status !== 'ok') throw new Error(core.problem);
  readings = core.readings;
  const game = await analyseRoundGame(scenario, [], ['regime', 'us']);
  if (game.status !== 'ok') throw new Error(game.problem);
  roundGame = game.report;
});

const short = (id: string) => scenario.actors.find((a) => a.id === id)!.short;
const setText = (ids: string[]) => (ids.length ? `{${ids.map(short).join(', ')}}` : '{} (nobody)');
const empty = () => readings.find((r) => !r.nonEmpty)!;
const nonEmpty = () => readings.find((r) => r.nonEmpty)!;

describe('CommonCoreCard', () => {
  it('the analysis gives both kinds of reading to show', () => {
    expect(readings.some((r) => r.nonEmpty)).toBe(true);
    expect(readings.some((r) => !r.nonEmpty)).toBe(true);
  });

  it('for an empty core: says so, lists the maximal compatible sets and the smallest exits by name', () => {
    const r = empty();
    render(() => <CommonCoreCard scenario={scenario} reading={r} />);
    const card = screen.getByRole('heading', { name: r.label }).closest('section')!;
    expect(card.getAttribute('data-reading')).toBe(r.variants.join('+'));
    expect(screen.getByTestId('core-status').textContent).toBe('empty');
    expect(card.textContent).toContain(`Common core of ${r.actors.length} actors`);
    const sets = within(screen.getByTestId('maximal-sets'))
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    sets.forEach((t, i) => expect(t!.startsWith(setText(r.maximalCompatibleSets[i]!))).toBe(true));
    const exits = within(screen.getByTestId('minimal-exits'))
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(exits).toEqual(r.minimalExitSets.map(setText));
    expect(card.textContent).not.toContain('Most robust point');
    expect(card.textContent).toContain(`${r.lps} linear programs`);
  });

  it('names the actors a reading leaves out of the count', () => {
    const r = readings[0]!;
    expect(r.excluded.length).toBeGreaterThan(0);
    render(() => <CommonCoreCard scenario={scenario} reading={r} title="Grey" />);
    expect(screen.getByText(/not counted:/).textContent).toContain(`not counted: ${r.excluded.map(short).join(', ')}`);
  });

  it('for a core that exists: its most robust point in natural units and every binding constraint', () => {
    const r = nonEmpty();
    render(() => <CommonCoreCard scenario={scenario} reading={r} title="With a core" />);
    expect(screen.getByTestId('core-status').textContent).toBe('exists');
    expect(screen.getByText(/Most robust point/).textContent).toContain(`margin ${r.radius!.toFixed(3)}`);
    const point = within(screen.getByText(/Most robust point/).closest('details')!).getAllByRole('listitem', { hidden: true });
    expect(point).toHaveLength(scenario.dimensions.length);
    scenario.dimensions.forEach((d, i) => expect(point[i]!.textContent).toMatch(new RegExp(`^${d.label}: `)));
    const shaped = screen.getByText(/Shaped by:/).textContent!;
    expect(r.binding.length).toBeGreaterThan(0);
    for (const b of r.binding) expect(shaped).toContain(b.label);
    expect(screen.queryByText(/Maximal compatible sets/)).toBeNull();
    expect(screen.queryByTestId('minimal-exits')).toBeNull();
  });
});

describe('RoundGameCard', () => {
  it('shows the size of the game and one table row per pure equilibrium', () => {
    const r = roundGame;
    render(() => <RoundGameCard scenario={scenario} report={r} onExport={() => {}} />);
    const card = screen.getByTestId('round-game');
    expect(card.textContent).toContain(`${r.players.length} actors with moves`);
    expect(card.textContent).toContain(`${r.profiles.toLocaleString('en-GB')} profiles`);
    expect(screen.getByRole('heading', { name: `Pure Nash equilibria: ${r.pureCount}` })).toBeTruthy();
    expect(r.pure.length).toBeGreaterThan(0);
    const table = screen.getByTestId('pure-equilibria');
    const head = within(table)
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    expect(head).toEqual(['#', ...r.players.map(short), 'Regret', 'Pareto-optimal']);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(r.pure.length);
    r.pure.forEach((e, i) => {
      const cells = [...rows[i]!.children].map((c) => c.textContent);
      expect(cells.at(-1)).toBe(e.pareto ? 'yes' : 'no');
      expect(cells.at(-2)).toBe(e.regret.toFixed(3));
      r.players.forEach((p, j) => {
        const m = e.moves[p]!;
        const label = m === 'hold' ? 'Hold' : scenario.moves.find((x) => x.id === m)!.label;
        expect(cells[j + 1]).toContain(label);
      });
    });
  });

  it('lists each dominated move and the pair equilibria, and exports on request', () => {
    const r = roundGame;
    let exports = 0;
    render(() => <RoundGameCard scenario={scenario} report={r} onExport={() => exports++} />);
    expect(r.dominance.eliminated.length).toBeGreaterThan(0);
    const dominated = within(screen.getByTestId('dominated')).getAllByRole('listitem');
    expect(dominated).toHaveLength(r.dominance.eliminated.length);
    r.dominance.eliminated.forEach((x, i) => expect(dominated[i]!.textContent).toMatch(new RegExp(`^Round ${x.round}: ${short(x.actor)} — `)));
    expect(screen.getByRole('heading', { name: new RegExp(`^${short(r.pair.actors[0])} and ${short(r.pair.actors[1])} alone`) })).toBeTruthy();
    expect(r.pair.equilibria.length).toBeGreaterThan(0);
    expect(within(screen.getByTestId('pair-equilibria')).getAllByRole('listitem')).toHaveLength(r.pair.equilibria.length);
    fireEvent.click(screen.getByRole('button', { name: 'Export the round game (.nfg)' }));
    expect(exports).toBe(1);
  });
});
