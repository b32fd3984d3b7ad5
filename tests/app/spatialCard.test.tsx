// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@solidjs/testing-library';
import { createRoot, createSignal } from 'solid-js';
import { createLiveSpatial, SpatialCard } from '../../src/views/analyse/SpatialCard';
import { OUTCOME_SERIES, parameterList, spatialSeries, stopWords } from '../../src/views/analyse/spatialSeries';
import { parsedBuiltin } from '../fixtures/builtins';
import { analyseSpatial, type SpatialAnalysis } from '../../workers/local';
import type { ClientResult } from '../../workers/client';
import type { Scenario } from '../../models/domain/types';

afterEach(cleanup);

let scenario: Scenario;
let analysis: Extract<SpatialAnalysis, { status: 'ok' }>;
// A real result, computed here as the worker computes it.
beforeAll(async () => {
  scenario = await parsedBuiltin('belarus');
  const r = analyseSpatial(scenario, []);
  if (r.status !== 'ok') throw new Error(r.problem);
  analysis = r;
});

describe('spatialSeries', () => {
  it('one series per actor over every turn, plus the forecast outcome as a level line', () => {
    const r = analysis.report;
    const s = spatialSeries(scenario, r, 0);
    expect(s.map((x) => x.id)).toEqual([...r.actors.map((a) => a.actor), OUTCOME_SERIES]);
    for (const x of s) expect(x.values).toHaveLength(r.positions.length);
    expect(s[0]!.values[0]).toBeCloseTo(r.actors[0]!.initial[r.dimensions[0]!.dimension]!, 9);
    expect(s[0]!.values.at(-1)).toBeCloseTo(r.actors[0]!.final[r.dimensions[0]!.dimension]!, 9);
    expect(new Set(s.at(-1)!.values)).toEqual(new Set([r.dimensions[0]!.outcome]));
  });

  it('names every parameter and says why the run stopped', () => {
    const r = analysis.report;
    expect(parameterList(r.parameters).map(([n]) => n)).toEqual(Object.keys(r.parameters));
    expect(stopWords('turn limit', 100, r.parameters)).toContain('turn limit (100)');
    expect(stopWords(r.stop, r.turns, r.parameters)).toMatch(new RegExp(`^Stopped after ${r.turns} turns?`));
  });
});

describe('SpatialCard', () => {
  it('shows the method, every parameter, the stop, a chart per dimension and why each actor moved', () => {
    const r = analysis.report;
    render(() => <SpatialCard scenario={scenario} analysis={analysis} updating={false} />);
    expect(screen.getByTestId('spatial-method').textContent).toContain(r.method);
    expect(screen.getByTestId('spatial-stop').textContent).toContain(`${r.turns} turn`);
    const params = screen.getByTestId('spatial-parameters');
    for (const [n, v] of Object.entries(r.parameters)) expect(params.querySelector(`[data-parameter=${n}]`)!.textContent).toBe(String(v));
    // The chart of the first dimension: every actor and the outcome in its legend and data table.
    expect(screen.getAllByText(`${r.dimensions[0]!.label}: positions over turns`).length).toBeGreaterThan(0);
    const card = screen.getByTestId('forecast');
    expect(card.textContent).toContain('Forecast outcome');
    // Why did the Regime move: one sentence per turn it moved, naming the challenge.
    const regime = within(screen.getByTestId('spatial-why'))
      .getByText(/Why did Regime move\?/)
      .closest('details')!;
    expect(regime.getAttribute('data-actor')).toBe('regime');
    const items = regime.querySelectorAll('li');
    expect(items.length).toBe(r.actors.find((a) => a.actor === 'regime')!.why.length);
    expect(items.length).toBeGreaterThan(0);
    expect(items[0]!.textContent).toMatch(/^turn \d+: Regime moved .*challenge/);
    expect(screen.getByTestId('spatial-status').textContent).toBe('');
  });

  it('the dimension selector switches the chart and the outcome', () => {
    const r = analysis.report;
    render(() => <SpatialCard scenario={scenario} analysis={analysis} updating={false} />);
    fireEvent.change(screen.getByLabelText('Dimension of the spatial forecast'), { target: { value: '1' } });
    expect(screen.getByTestId('spatial-outcome').textContent).toContain(r.dimensions[1]!.label);
    expect(screen.getAllByText(`${r.dimensions[1]!.label}: positions over turns`).length).toBeGreaterThan(0);
  });

  it('says "updating…" and keeps the last answer while a new one is computed; shows a failure', () => {
    render(() => <SpatialCard scenario={scenario} analysis={analysis} updating={true} problem="the analysis took over 15 s and was stopped" />);
    expect(screen.getByTestId('spatial-status').textContent).toBe('updating…');
    expect(screen.getByTestId('spatial-method').textContent).toContain(analysis.report.method);
    expect(screen.getByRole('alert').textContent).toContain('took over 15 s');
  });
});

describe('createLiveSpatial', () => {
  it('follows the scenario and the variants, says updating while a request is out, and ignores stale answers', async () => {
    const calls: { variants: string[]; resolve: (r: ClientResult<SpatialAnalysis>) => void }[] = [];
    const client = {
      spatial: (_s: Scenario, variants: string[]) => new Promise<ClientResult<SpatialAnalysis>>((resolve) => calls.push({ variants, resolve })),
    };
    const [variants, setVariants] = createSignal<string[]>([]);
    const live = createRoot(() => createLiveSpatial(client, () => scenario, variants));
    await Promise.resolve();
    expect(calls).toHaveLength(1);
    expect(live.updating()).toBe(true);
    setVariants(['grey']);
    expect(calls.map((c) => c.variants)).toEqual([[], ['grey']]);
    calls[0]!.resolve({ status: 'stale' });
    await Promise.resolve();
    expect(live.updating()).toBe(true);
    calls[1]!.resolve({ status: 'ok', value: analysis });
    await new Promise((r) => setTimeout(r, 0));
    expect(live.updating()).toBe(false);
    expect(live.analysis()).toBe(analysis);
  });
});
