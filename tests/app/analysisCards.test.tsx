// @vitest-environment jsdom
/**
 * The Analyse view's newer cards on real results (computed here as the worker would): the reading
 * label, the opening state against each minimum, each maximal set's utilities at its own centre
 * and its free dimensions, shared features; the sensitivity card; the TU cooperative game's labels;
 * the "assumed" badge; and the run's graph frames following the state of play.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@solidjs/testing-library';
import { CommonCoreCard, statusQuoWords } from '../../src/views/analyse/CommonCoreCard';
import { SensitivityCard, intervalWords } from '../../src/views/analyse/SensitivityCard';
import { CoopCard, CoopResult } from '../../src/views/analyse/AnalysisCards';
import { probabilityText } from '../../src/views/analyse/RoundGameCard';
import { AssumedBadge } from '../../src/views/edit/Assumed';
import { runFrames } from '../../src/views/play/runFrames';
import type { OutlinedFrame } from '../../src/graph/outlines';
import { coreFrame } from '../../src/views/analyse/coreFrame';
import { parsedBuiltin } from '../fixtures/builtins';
import { initialContext, resolveRound } from '../../models/machines/index';
import { analyseCommonCore, analyseCoop, analyseSensitivity, type ReadingReport, type SensitivityReading } from '../../workers/api';
import type { CoopReport } from '../../models/analysis/coop/index';
import type { Scenario } from '../../models/domain/types';

afterEach(cleanup);

let scenario: Scenario;
let readings: ReadingReport[];
let sensitivity: SensitivityReading[];
let coop: CoopReport;
beforeAll(async () => {
  scenario = await parsedBuiltin('belarus');
  const core = await analyseCommonCore(scenario, []);
  if (core.status !== 'ok') throw new Error(core.problem);
  readings = core.readings;
  const sens = await analyseSensitivity(scenario, []);
  if (sens.status !== 'ok') throw new Error(sens.problem);
  sensitivity = sens.report.readings;
  const c = await analyseCoop(scenario, []);
  if (c.status !== 'ok') throw new Error(c.problem);
  coop = c.report;
}, 60_000);

const short = (id: string) => scenario.actors.find((a) => a.id === id)!.short;

describe('CommonCoreCard: labels, the opening state, maximal sets, shared features', () => {
  it('titles every card with its reading label, never an id', () => {
    for (const r of readings) {
      render(() => <CommonCoreCard scenario={scenario} reading={r} />);
      expect(screen.getByTestId('reading-label').textContent).toBe(r.label);
      for (const v of r.variants) expect(screen.getByTestId('reading-label').textContent).not.toContain(v);
      cleanup();
    }
    expect(readings[0]!.label).toBe('As encoded');
  });

  it('says per actor whether the opening state meets its minimum, with the tightest condition and its slack', () => {
    const r = readings[0]!;
    render(() => <CommonCoreCard scenario={scenario} reading={r} />);
    const items = within(screen.getByTestId('status-quo')).getAllByRole('listitem', { hidden: true });
    expect(items).toHaveLength(r.statusQuo.length);
    r.statusQuo.forEach((st, i) => {
      const t = items[i]!.textContent!;
      expect(t.startsWith(`${short(st.actor)}: ${st.meets ? 'met' : 'unmet'}`)).toBe(true);
      if (st.meets && st.tightest) expect(t).toContain(`slack ${st.tightest.slack.toFixed(2)}`);
      if (!st.meets) expect(t).toContain(`fails by ${(-st.unmet[0]!.slack).toFixed(2)}`);
    });
    expect(r.statusQuo.some((x) => !x.meets)).toBe(true);
    const summary = screen.getByText(/The opening state meets the minimum of/).textContent!;
    expect(summary).toContain(`${r.statusQuo.filter((x) => x.meets).length} of ${r.statusQuo.length}`);
    expect(statusQuoWords({ actor: 'x', meets: true, tightest: null, unmet: [] }, (id) => id)).toBe('x: met (no conditions)');
  });

  it("lists each maximal set with its members' utilities at its own centre and its free dimensions", () => {
    const r = readings.find((x) => !x.nonEmpty && x.maximalSets.some((m) => m.free.length))!;
    expect(r).toBeTruthy();
    render(() => <CommonCoreCard scenario={scenario} reading={r} />);
    const items = within(screen.getByTestId('maximal-sets')).getAllByRole('listitem');
    expect(items).toHaveLength(r.maximalSets.length);
    r.maximalSets.forEach((m, i) => {
      const t = items[i]!.textContent!;
      for (const a of m.actors) expect(t).toContain(`${short(a)} ${m.utilityAtCentre[a]!.toFixed(2)}`);
      if (m.free.length) expect(t).toContain(`free (any value): ${m.free.map((d) => scenario.dimensions.find((x) => x.id === d)!.label).join(', ')}`);
      else expect(t).not.toContain('free');
    });
  });

  it('lists compatible pairs that share a feature, with the feature in words', () => {
    const r = readings.find((x) => x.sharedFeatures.length)!;
    expect(r).toBeTruthy();
    render(() => <CommonCoreCard scenario={scenario} reading={r} />);
    const items = within(screen.getByTestId('shared-features'))
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(items).toHaveLength(r.sharedFeatures.length);
    expect(items).toContain('Regime and Ukraine: no second front');
  });
});

describe('SensitivityCard', () => {
  it('groups the bounds by reading and gives the interval of each result in words, naming every actor of a shared bound', () => {
    render(() => <SensitivityCard scenario={scenario} readings={sensitivity} updating={false} />);
    const card = screen.getByTestId('sensitivity');
    const groups = card.querySelectorAll('details.sens-reading');
    expect(groups).toHaveLength(sensitivity.length);
    sensitivity.forEach((rd, i) => expect(groups[i]!.querySelector('summary')!.textContent).toContain(rd.label));
    expect((groups[0] as HTMLDetailsElement).open).toBe(true);
    expect(screen.getByTestId('sensitivity-status').textContent).toBe('');
    // Russia's control floor under the default reading: the interval of the opposition's exit.
    const control = sensitivity[0]!.bounds.find((b) => b.constraint === 'military-orientation-under-its-control')!;
    const moving = control.claims.find((c) => c.from !== null || c.to !== null)!;
    const line = intervalWords(moving, control, short);
    expect(line).toMatch(/while Russia: military orientation under its control is [>≥<≤] 0\.\d+/);
    expect(card.textContent).toContain(line);
    // The neighbours' shared reading names all of them.
    const shared = sensitivity.flatMap((r) => r.bounds).find((b) => b.actors.length > 1 && b.claims.some((c) => c.from !== null || c.to !== null))!;
    expect(card.textContent).toContain(`${shared.actors.map(short).join(', ')}: `);
  });

  it('says "updating…" while a request runs and keeps the last answer; shows a problem', () => {
    render(() => <SensitivityCard scenario={scenario} readings={sensitivity} updating={true} problem="the analysis took over 15 s" />);
    expect(screen.getByTestId('sensitivity-status').textContent).toBe('updating…');
    expect(screen.getByRole('alert').textContent).toContain('the analysis took over 15 s');
    expect(screen.getByTestId('sensitivity').querySelectorAll('details.sens-reading')).toHaveLength(sensitivity.length);
  });
});

describe('CoopCard', () => {
  it('is titled and labelled as transferable utility, with the assumption in plain words, and never says "common core"', () => {
    render(() => <CoopCard scenario={scenario} report={coop} />);
    const card = screen.getByTestId('coop');
    expect(screen.getByRole('heading', { level: 2 }).textContent).toContain('transferable utility (TU)');
    expect(screen.getByTestId('tu-assumption').textContent).toContain('utility transfers one for one between actors');
    expect(card.textContent).toContain('The TU core is');
    expect(card.querySelector('h2')!.textContent).not.toMatch(/common core/i);
  });
});

describe('AssumedBadge', () => {
  it('marks a source note that is an assumption, with the note as text for screen readers; nothing otherwise', () => {
    render(() => (
      <p>
        <AssumedBadge source="seed:a.md §1; position assumption: judgement" />
        <AssumedBadge source="seed:a.md §1" />
      </p>
    ));
    const badges = screen.getAllByTestId('assumed');
    expect(badges).toHaveLength(1);
    expect(badges[0]!.getAttribute('title')).toBe('seed:a.md §1; position assumption: judgement');
    expect(badges[0]!.querySelector('.visually-hidden')!.textContent).toBe('Assumed: seed:a.md §1; position assumption: judgement');
  });
});

describe('graph frames', () => {
  it('the Analyse frame outlines every maximal compatible set and lists them all in words', () => {
    const r = readings.find((x) => x.maximalCompatibleSets.length > 3) ?? readings.find((x) => !x.nonEmpty)!;
    const f = coreFrame(scenario, r, 'Status quo');
    const sets = r.maximalCompatibleSets.filter((m) => m.length >= 2);
    expect(f.outlines).toHaveLength(sets.length);
    expect(f.summary.filter((l) => l.startsWith('Compatible set '))).toHaveLength(sets.length);
    // No compound nodes: overlapping sets are outlines only.
    expect(f.elements.some((e) => e.data.kind === 'coalition')).toBe(false);
  });

  it('the run frames follow the state of play: content/wants-change boxes, every "could gain together" group outlined', () => {
    const c0 = initialContext({ scenario, seed: 1, roundLimit: 6 });
    const r1 = resolveRound({ ...c0, committed: { regime: { move: 'release_123', by: 'team' }, us: { move: 'lift_potash_sanctions', by: 'team' } } });
    const frames = runFrames(scenario, r1.history!, readings[0]!);
    expect(frames.map((f) => f.label)).toEqual(['Start', 'Round 1']);
    for (const f of frames) {
      // The boxes are a partition of the actors.
      const boxed = f.groups!.flatMap((g) => g.members);
      expect([...boxed].sort()).toEqual(scenario.actors.map((a) => a.id).sort());
      expect(f.elements.filter((e) => e.data.kind === 'coalition').length).toBe(f.groups!.length);
      expect(f.outlines!.length).toBeGreaterThan(0);
      for (const o of f.outlines!) {
        expect(o.label.startsWith('Could gain together: ')).toBe(true);
        expect(f.summary.some((l) => l.startsWith(o.label))).toBe(true);
      }
    }
    const words = (k: number) => JSON.stringify([frames[k]!.groups, frames[k]!.outlines]);
    expect(words(1)).not.toBe(words(0));
  });

  it('the run frames can be made a part at a time: the first ones ahead, the rest from the cache', () => {
    const c0 = initialContext({ scenario, seed: 1, roundLimit: 6 });
    const r1 = resolveRound({ ...c0, committed: { regime: { move: 'release_123', by: 'team' }, us: { move: 'lift_potash_sanctions', by: 'team' } } });
    const history = r1.history!;
    const cache = new Map<string, OutlinedFrame>();
    // The frames before the newest (here the opening's), a task ahead of the rest.
    const ahead = runFrames(scenario, history, readings[0]!, cache, history.length);
    expect(ahead.map((f) => f.label)).toEqual(['Start']);
    expect(cache.size).toBe(1);
    const all = runFrames(scenario, history, readings[0]!, cache);
    expect(all.map((f) => f.label)).toEqual(['Start', 'Round 1']);
    // The opening's frame is the one made ahead, not made again; and the same as made in one go.
    expect(all[0]).toBe(ahead[0]);
    expect(cache.size).toBe(2);
    expect(JSON.stringify(all)).toBe(JSON.stringify(runFrames(scenario, history, readings[0]!)));
    expect(runFrames(scenario, history, readings[0]!, cache, 0)).toEqual([]);
  });
});

describe('terminal answers and readable numbers', () => {
  it('a too-large common core is shown in words, not as "empty"', () => {
    const r: ReadingReport = {
      ...readings[0]!,
      status: 'too-large',
      message: 'too large: 31 actors; the common-core search takes at most 30',
      nonEmpty: false,
      maximalCompatibleSets: [],
      minimalExitSets: [],
      maximalSets: [],
      exact: false,
    };
    render(() => <CommonCoreCard scenario={scenario} reading={r} />);
    expect(screen.getByTestId('core-too-large').textContent).toContain('31 actors; the common-core search takes at most 30');
    expect(screen.queryByTestId('core-status')).toBeNull();
  });
  it('mixed-equilibrium probabilities are small fractions or short decimals', () => {
    expect(probabilityText('1801439850948199/4503599627370496')).toBe('0.4');
    expect(probabilityText('6004799503160661/18014398509481984')).toBe('0.3333');
    expect(probabilityText('2/5')).toBe('2/5');
    expect(probabilityText('4/6')).toBe('2/3');
    expect(probabilityText('3/3')).toBe('1');
    expect(probabilityText('0.25')).toBe('0.25');
  });
});

describe('the cooperative-game slot', () => {
  it('shows a too-large answer from the worker in words, not "being computed…"', () => {
    render(() => (
      <CoopResult scenario={scenario} result={{ status: 'invalid', kind: 'coop', problem: '15 players: the exact derivation stops at 14 (2^14 coalitions)' }} />
    ));
    expect(screen.getByTestId('coop-terminal').textContent).toContain('15 players: the exact derivation stops at 14');
    expect(screen.queryByText(/being computed/)).toBeNull();
  });
  it('shows a failure or time-out in words, and "being computed…" only without an answer', () => {
    render(() => <CoopResult scenario={scenario} result={{ status: 'error', kind: 'coop', problem: 'HiGHS failed' }} />);
    expect(screen.getByTestId('coop-terminal').textContent).toContain('HiGHS failed');
    cleanup();
    render(() => <CoopResult scenario={scenario} result={undefined} failed="timed out after 20 s" />);
    expect(screen.getByTestId('coop-terminal').textContent).toContain('timed out after 20 s');
    cleanup();
    render(() => <CoopResult scenario={scenario} result={undefined} />);
    expect(screen.getByText(/being computed/)).toBeTruthy();
  });
  it('shows the card for an ok answer', () => {
    render(() => <CoopResult scenario={scenario} result={{ status: 'ok', report: coop } as never} />);
    expect(screen.getByTestId('coop')).toBeTruthy();
  });
});
