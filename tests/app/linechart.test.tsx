// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@solidjs/testing-library';
import { LineChart } from '../../src/ui/LineChart';
import type { ChartSeries } from '../../models/graph/series';

afterEach(cleanup);

const rounds = ['Start', 'Round 1', 'Round 2'];
const series: ChartSeries[] = [
  { id: 'a', label: 'Alpha', colour: '#0072b2', values: [0.1, 0.5, 0.9] },
  { id: 'b', label: 'Beta', colour: '#d55e00', values: [0.8, null, 0.3] },
  { id: 'c', label: 'Gamma', colour: '#009e73', values: [0.25, 0.75, 0.6], format: (v) => `${Math.round(v * 100)} %` },
];

const chart = () => screen.getByRole('img', { name: /Utilities over rounds/ });
const lines = () => chart().querySelectorAll('path');
const legend = (label: string) => screen.getByRole('button', { name: label });
/** The read-out's rows as [label, value] pairs, in the order shown. */
const readout = () => [...screen.getByRole('status').children].slice(1).map((row) => [row.children[1]!.textContent, row.children[2]!.textContent]);

describe('LineChart', () => {
  it('draws one line per series and describes itself', () => {
    render(() => <LineChart title="Utilities over rounds" series={series} xLabels={rounds} />);
    expect(lines()).toHaveLength(3);
    expect(chart().querySelector('desc')!.textContent).toContain('3 series over 3 rounds');
  });

  it('hides a series when its legend entry is pressed and shows it again on a second press', () => {
    render(() => <LineChart title="Utilities over rounds" series={series} xLabels={rounds} />);
    expect(legend('Beta').getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(legend('Beta'));
    expect(legend('Beta').getAttribute('aria-pressed')).toBe('false');
    expect(lines()).toHaveLength(2);
    expect([...lines()].map((p) => p.getAttribute('stroke'))).not.toContain('#d55e00');
    fireEvent.click(legend('Beta'));
    expect(legend('Beta').getAttribute('aria-pressed')).toBe('true');
    expect(lines()).toHaveLength(3);
  });

  it('reads out every visible series at a round with the arrow keys, highest first', () => {
    render(() => <LineChart title="Utilities over rounds" series={series} xLabels={rounds} />);
    expect(screen.queryByRole('status')).toBeNull();
    fireEvent.keyDown(chart(), { key: 'ArrowRight' });
    const status = screen.getByRole('status');
    expect(status.firstElementChild!.textContent).toBe('Round 1');
    expect(readout()).toEqual([
      ['Gamma', '75 %'],
      ['Alpha', '0.50'],
      ['Beta', '—'],
    ]);
    fireEvent.keyDown(chart(), { key: 'ArrowRight' });
    fireEvent.keyDown(chart(), { key: 'ArrowRight' }); // stops at the last round
    expect(screen.getByRole('status').firstElementChild!.textContent).toBe('Round 2');
    fireEvent.keyDown(chart(), { key: 'Home' });
    expect(screen.getByRole('status').firstElementChild!.textContent).toBe('Start');
    fireEvent.keyDown(chart(), { key: 'ArrowLeft' }); // stops at the first
    expect(screen.getByRole('status').firstElementChild!.textContent).toBe('Start');
    fireEvent.click(legend('Alpha'));
    expect(readout().map(([label]) => label)).toEqual(['Beta', 'Gamma']);
    fireEvent.keyDown(chart(), { key: 'Escape' });
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('starts the keyboard read-out next to the selected round', () => {
    render(() => <LineChart title="Utilities over rounds" series={series} xLabels={rounds} selected={1} />);
    fireEvent.keyDown(chart(), { key: 'ArrowRight' });
    expect(screen.getByRole('status').firstElementChild!.textContent).toBe('Round 2');
  });

  it('holds every value in its data table, formatted per series', () => {
    render(() => <LineChart title="Utilities over rounds" series={series} xLabels={rounds} xTitle="Round" format={(v) => v.toFixed(1)} />);
    const table = screen.getByRole('table', { hidden: true });
    const head = within(table)
      .getAllByRole('columnheader', { hidden: true })
      .map((h) => h.textContent);
    expect(head).toEqual(['Round', 'Alpha', 'Beta', 'Gamma']);
    const rows = within(table)
      .getAllByRole('row', { hidden: true })
      .slice(1)
      .map((r) => [...r.children].map((c) => c.textContent));
    expect(rows).toEqual([
      ['Start', '0.1', '0.8', '25 %'],
      ['Round 1', '0.5', '—', '75 %'],
      ['Round 2', '0.9', '0.3', '60 %'],
    ]);
  });

  it('keeps a hidden series in the data table', () => {
    render(() => <LineChart title="Utilities over rounds" series={series} xLabels={rounds} />);
    fireEvent.click(legend('Alpha'));
    expect(within(screen.getByRole('table', { hidden: true })).getByRole('columnheader', { name: 'Alpha', hidden: true })).toBeTruthy();
  });

  it('renders markup in a title or series label as text', () => {
    const evil = '<img src=x onerror=alert(1)>';
    render(() => <LineChart title={evil} series={[{ ...series[0]!, label: evil }]} xLabels={rounds} xTitle={evil} />);
    expect(document.querySelector('img')).toBeNull();
    expect(document.querySelector('figcaption')!.textContent).toBe(evil);
    expect(screen.getByRole('button', { name: evil })).toBeTruthy();
    fireEvent.keyDown(screen.getByRole('img'), { key: 'End' });
    expect(screen.getByRole('status').textContent).toContain(evil);
    expect(document.querySelector('img')).toBeNull();
  });
});
