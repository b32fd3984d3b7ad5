/**
 * Live analysis: whenever the scenario, the chosen variants or the chosen pair change, the
 * analyses are recomputed through the worker client — the common core, the opening round game,
 * bargaining for the pair, the cooperative game and the sensitivity of the assumed
 * bounds (its own lane, so it never holds up the common core; the spatial forecast has its own
 * lane too, run by its card). Only the latest answer of each kind is kept; a crash or time-out
 * restarts the worker, says so in the banner, and keeps the user's work. Any analysis that runs
 * past SLOW_MS shows its elapsed time.
 *
 * Every answer is kept with the input it answers (the scenario, variants and pair), so a view
 * always knows whether what it holds is current, being updated (the input has changed since), or
 * stale (the scenario now has a problem): it never shows an earlier input's answer as current.
 *
 * The common core comes in up to three steps: a prebuilt answer when the scenario is an unedited
 * built-in (src/state/prebuilt.ts), the chosen variants' reading as soon as the worker has it,
 * then the worker's full answer. Each answer that reaches the screen for the current input is
 * recorded as a User Timing measure, ANALYSIS_MEASURE (from the request to the frame that shows
 * it; `detail.source`, `detail.partial`, and `detail.workerMs`: the time in the worker), which
 * the app benchmark reads with `performance.getEntriesByName`.
 */
import { createEffect, createMemo, createSignal, on, onCleanup, type Accessor } from 'solid-js';
import { unwrap } from 'solid-js/store';
import { createAnalysisClient, type ClientResult, type Progress } from '../../workers/client';
import type { CommonCoreAnalysis, CoopAnalysis, RoundGameAnalysis, SensitivityAnalysis } from '../../workers/api';
import type { BargainingAnalysis } from '../../workers/local';
import type { RequestKind } from '../../workers/size';
import type { Scenario } from '../../models/domain/types';
import type { Workspace } from './workspace';
import { problemInWords } from '../../models/scenario/problemWords';
import type { Notify } from './notices';
import { ANALYSIS_MEASURE } from './measures';
import { prebuiltCommonCore } from './prebuilt';

/** How long an analysis runs before the view shows its elapsed time. */
const SLOW_MS = 300;

/** The analyses the live panel keeps, by kind. */
export interface LiveKinds {
  commonCore: CommonCoreAnalysis;
  roundGame: RoundGameAnalysis;
  bargaining: BargainingAnalysis;
  coop: CoopAnalysis;
  sensitivity: SensitivityAnalysis;
}
export type LiveKind = keyof LiveKinds;

/** The kinds whose answer depends on the chosen pair as well. */
const PAIRED: ReadonlySet<LiveKind> = new Set(['roundGame', 'bargaining']);

/** An answer with the input it answers: views name actors from `scenario`, never from a later one. */
export interface Answer<T> {
  value: T;
  /** The scenario (parsed, a plain copy) the answer was computed for. */
  scenario: Scenario;
  variants: string[];
  pair: [string, string];
  key: string;
  /** 'prebuilt': made when the app was built (an unedited built-in); 'worker': computed now. */
  source: 'prebuilt' | 'worker';
}

/**
 * - current: the answer is for the scenario, variants and pair on screen now;
 * - updating: the input has changed and the answer for it is being computed (the answer held, if any, is an earlier input's);
 * - stale: the scenario has a problem, so nothing can be computed; the answer held is the last valid input's;
 * - failed: the analysis of the current input did not finish (`failure` says why).
 */
export type Freshness = 'current' | 'updating' | 'stale' | 'failed';

export interface Slot<T> {
  answer: Answer<T> | undefined;
  freshness: Freshness;
  failure?: string;
}

/** The words a view shows beside an answer that is not current, or '' when it is. */
export function freshnessWords(slot: Pick<Slot<unknown>, 'freshness' | 'failure'>, problem: string | undefined): string {
  switch (slot.freshness) {
    case 'current':
      return '';
    case 'updating':
      return 'updating…';
    case 'stale':
      return `stale: the scenario has a problem — ${problem ?? 'fix it in Edit'}`;
    case 'failed':
      return `did not finish: ${slot.failure ?? 'unknown failure'}`;
  }
}

/**
 * `extras()` says whether the views on screen need more than the common core (the Analyse tab
 * does); while editing or playing only the common core runs, so the worker answers faster.
 */
export function createLiveAnalysis(w: Workspace, notify: Notify, extras: () => boolean = () => true) {
  const [running, setRunning] = createSignal<Partial<Record<RequestKind, number>>>({});
  const client = createAnalysisClient(() => new Worker(new URL('../../workers/analysis.worker.ts', import.meta.url), { type: 'module' }), {
    onRestart: (why) => {
      if (why !== 'disposed') notify('error', `The analysis restarted: ${why}. Your work is kept; the analysis will run again on the next change.`);
    },
    progressEveryMs: 250,
    onProgress: (p: Progress) =>
      setRunning((r) => {
        const next = { ...r };
        if (p.status === 'done') delete next[p.kind];
        else next[p.kind] = p.elapsedMs;
        return next;
      }),
  });
  // The common core runs as soon as the scenario is read: its worker starts and loads HiGHS
  // meanwhile, while the page reads the saved workspace and checks the scenario.
  client.warm('commonCore');

  // Each parsed scenario is a new object (the workspace re-parses on every edit), so its identity
  // tells one input from another without serialising it.
  const scenarioIds = new WeakMap<Scenario, number>();
  let lastScenarioId = 0;
  const scenarioId = (s: Scenario) => {
    let k = scenarioIds.get(s);
    if (k === undefined) scenarioIds.set(s, (k = ++lastScenarioId));
    return k;
  };
  const keyOf = (kind: LiveKind, s: Scenario, variants: readonly string[], pair: readonly string[]) =>
    `${scenarioId(s)}|${variants.join(',')}${PAIRED.has(kind) ? `|${pair.join(',')}` : ''}`;

  const makeSlot = <K extends LiveKind>() => {
    const [answer, setAnswer] = createSignal<Answer<LiveKinds[K]>>();
    const [failure, setFailure] = createSignal<{ key: string; message: string }>();
    /** The input last asked for, until its answer (or failure) is back. */
    const [pending, setPending] = createSignal<string>();
    return { answer, setAnswer, failure, setFailure, pending, setPending };
  };
  const slots = {
    commonCore: makeSlot<'commonCore'>(),
    roundGame: makeSlot<'roundGame'>(),
    bargaining: makeSlot<'bargaining'>(),
    coop: makeSlot<'coop'>(),
    sensitivity: makeSlot<'sensitivity'>(),
  };

  /** The current input's key for a kind; undefined while the scenario has a problem. */
  const currentKey = (kind: LiveKind) => {
    const s = w.scenario();
    return s ? keyOf(kind, s, w.ws.variants, w.ws.pair) : undefined;
  };

  const slotView = <K extends LiveKind>(kind: K): Accessor<Slot<LiveKinds[K]>> =>
    createMemo<Slot<LiveKinds[K]>>(() => {
      const sl = slots[kind] as unknown as ReturnType<typeof makeSlot<K>>;
      const answer = sl.answer();
      const key = currentKey(kind);
      if (key === undefined) return { answer, freshness: 'stale' };
      const f = sl.failure();
      if (f && f.key === key) return { answer, freshness: 'failed', failure: f.message };
      return { answer, freshness: answer?.key === key ? 'current' : 'updating' };
    });

  /** Record that an answer reached the screen: after the frame that shows it, if it is still current then. */
  const measure = (kind: LiveKind, key: string, t0: number, detail: Record<string, unknown>) => {
    requestAnimationFrame(() => {
      if (slots[kind].answer()?.key !== key || currentKey(kind) !== key) return;
      performance.measure(ANALYSIS_MEASURE, { start: t0, end: performance.now(), detail });
    });
  };

  const ask = <K extends LiveKind>(
    kind: K,
    input: { scenario: Scenario; plain: Scenario; variants: string[]; pair: [string, string] },
    run: () => Promise<ClientResult<LiveKinds[K]>>,
  ) => {
    const sl = slots[kind] as unknown as ReturnType<typeof makeSlot<K>>;
    const key = keyOf(kind, input.scenario, input.variants, input.pair);
    const held = sl.answer();
    const whole = held?.key === key && held.source === 'worker' && !(held.value as { partial?: true }).partial;
    if (whole || sl.pending() === key) return;
    sl.setPending(key);
    sl.setFailure(undefined);
    void run().then((r) => {
      if (r.status === 'stale') return;
      if (sl.pending() === key) sl.setPending(undefined);
      if (r.status === 'ok') sl.setAnswer(() => ({ value: r.value, scenario: input.plain, variants: input.variants, pair: input.pair, key, source: 'worker' }));
      else sl.setFailure({ key, message: r.message });
    });
  };

  createEffect(
    on([() => w.scenario(), () => [...w.ws.variants], () => [...w.ws.pair] as [string, string], extras], ([s, variants, pair, more]) => {
      if (!s) return;
      const text = JSON.stringify(unwrap(s));
      const plain = JSON.parse(text) as Scenario;
      const input = { scenario: s, plain, variants, pair };
      const t0 = performance.now();
      const core = slots.commonCore;
      const key = keyOf('commonCore', s, variants, pair);
      const answer = (value: CommonCoreAnalysis, source: Answer<CommonCoreAnalysis>['source']): Answer<CommonCoreAnalysis> => ({
        value,
        scenario: plain,
        variants,
        pair,
        key,
        source,
      });
      if (core.answer()?.key !== key) {
        const pre = prebuiltCommonCore(text, variants);
        if (pre) {
          core.setAnswer(() => answer(pre, 'prebuilt'));
          measure('commonCore', key, t0, { source: 'prebuilt' });
        }
      }
      ask('commonCore', input, () =>
        client
          .commonCore(plain, variants, (first) => {
            // The first reading alone, unless a whole answer for this input is already shown.
            const held = core.answer();
            if (held?.key === key && !(held.value.status === 'ok' && held.value.partial)) return;
            core.setAnswer(() => answer(first, 'worker'));
            measure('commonCore', key, t0, { source: 'worker', partial: true });
          })
          .then((r) => {
            if (r.status === 'ok')
              measure('commonCore', key, t0, { source: 'worker', partial: false, workerMs: r.value.status === 'ok' ? r.value.ms : undefined });
            return r;
          }),
      );
      if (!more) return;
      ask('bargaining', input, () => client.bargaining(plain, variants, pair));
      ask('roundGame', input, () => client.roundGame(plain, variants, pair));
      ask('coop', input, () => client.coop(plain, variants));
      ask('sensitivity', input, () => client.sensitivity(plain, variants));
    }),
  );
  onCleanup(() => client.dispose());

  const core = slotView('commonCore');
  /** The common-core answer for the current input (possibly its first reading only), else undefined. */
  // A memo: the slot's view is a new object on every change to the workspace, its answer seldom.
  const result = createMemo(() => {
    const c = core();
    return c.freshness === 'current' ? c.answer?.value : undefined;
  });
  /** Whether the common core of the current input is still being computed. */
  const busy = () => {
    const k = currentKey('commonCore');
    return k !== undefined && slots.commonCore.pending() === k;
  };
  /** The scenario's first problem in words, while it has one. */
  const problem = () => {
    const p = w.problems()[0];
    return p ? problemInWords(unwrap(w.ws.scenarioDoc), p) : undefined;
  };
  /** Kinds that have been running for longer than SLOW_MS, with their elapsed time. */
  const slow = () => Object.entries(running()).filter(([, ms]) => (ms ?? 0) >= SLOW_MS) as [RequestKind, number][];
  return {
    core,
    roundGame: slotView('roundGame'),
    bargaining: slotView('bargaining'),
    coop: slotView('coop'),
    sensitivity: slotView('sensitivity'),
    result,
    busy,
    problem,
    slow,
    client,
  };
}

export type LiveAnalysis = ReturnType<typeof createLiveAnalysis>;
