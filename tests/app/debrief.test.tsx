// @vitest-environment jsdom
/**
 * The debrief's first draw: the summary at once; the folded detailed tables and the worker's
 * analysis a task later (the round's resolution and the summary are one task already), unless the
 * tables are open; nothing asked of the worker for a debrief that is gone before then.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@solidjs/testing-library';
import { DebriefView } from '../../src/views/play/Debrief';
import { parsedBuiltin } from '../fixtures/builtins';
import { initialContext, resolveRound, type RoundContext, type RoundRecord } from '../../models/machines/index';
import type { Scenario } from '../../models/domain/types';
import type { AnalysisClient } from '../../workers/client';

afterEach(cleanup);

let scenario: Scenario;
let start: RoundContext;
let record: RoundRecord;
beforeAll(async () => {
  scenario = await parsedBuiltin('belarus');
  start = initialContext({ scenario, seed: 1, roundLimit: 6 });
  const resolved = resolveRound({ ...start, committed: { regime: { move: 'release_123', by: 'team' }, us: { move: 'lift_potash_sanctions', by: 'team' } } });
  record = resolved.history!.at(-1)!;
});

/** A client whose debriefs never answer (the view keeps "Analysing…"), recording what it was asked. */
function fakeClient() {
  const asked: RoundRecord[] = [];
  const debrief = (_s: Scenario, _from: unknown, r: RoundRecord) => {
    asked.push(r);
    return new Promise(() => {});
  };
  const client = { debrief } as unknown as AnalysisClient;
  return { client, asked };
}

const aTaskLater = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('DebriefView', () => {
  it('draws the summary at once, and the folded tables and the worker request a task later', async () => {
    const { client, asked } = fakeClient();
    render(() => <DebriefView scenario={scenario} start={start} record={record} client={client} />);
    expect(screen.getByTestId('debrief-summary').textContent).toContain('The round in short');
    expect(screen.queryByTestId('debrief-table')).toBeNull();
    expect(asked).toEqual([]);
    await aTaskLater();
    const rows = screen.getByTestId('debrief-table').querySelectorAll('tbody tr');
    expect(rows.length).toBe(scenario.actors.length);
    expect(asked).toEqual([record]);
  });

  it('asks nothing of the worker when the debrief is gone before then', async () => {
    const { client, asked } = fakeClient();
    const { unmount } = render(() => <DebriefView scenario={scenario} start={start} record={record} client={client} />);
    unmount();
    await aTaskLater();
    expect(asked).toEqual([]);
  });

  it('builds the tables at once when the class left them open', async () => {
    const first = fakeClient();
    const { unmount } = render(() => <DebriefView scenario={scenario} start={start} record={record} client={first.client} />);
    await aTaskLater();
    const details = screen.getByTestId('debrief-details') as HTMLDetailsElement;
    details.open = true;
    fireEvent(details, new Event('toggle'));
    unmount();
    try {
      render(() => <DebriefView scenario={scenario} start={start} record={record} client={fakeClient().client} />);
      expect(screen.getByTestId('debrief-table').querySelectorAll('tbody tr').length).toBe(scenario.actors.length);
    } finally {
      // The open state lasts for the page's life: fold it again for the other tests.
      const again = screen.getByTestId('debrief-details') as HTMLDetailsElement;
      again.open = false;
      fireEvent(again, new Event('toggle'));
    }
  });
});
