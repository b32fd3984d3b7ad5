/** The run so far: the coalition graph round by round (with a timeline) and utilities and world state over rounds. */
import { Show, Suspense, createMemo, createSignal, createEffect, lazy, on, onCleanup } from 'solid-js';
import type { Scenario } from '../../../models/domain/types';
import { dimensionSeries, utilitySeries } from '../../../models/graph/index';
import type { RoundRecord } from '../../../models/machines/index';
import { initialState } from '../../../models/domain/index';
import type { ReadingReport } from '../../../workers/api';
import { runFrames } from './runFrames';
import { LineChart } from '../../ui/LineChart';
import type { OutlinedFrame } from '../../graph/outlines';

const CoalitionGraph = lazy(() => import('../../graph/CoalitionGraph'));

export function RunCharts(props: { scenario: Scenario; history: readonly RoundRecord[]; reading: ReadingReport | undefined; largeText: boolean }) {
  const s = () => props.scenario;
  // The graph and the two charts are each built, and each redrawn after a round, in a task of
  // their own after the one that resolved the round: the debrief appears first and none waits on
  // the others. Each part draws the history it was last given; a move or an offer gives the run a
  // new history list with the same rounds, which redraws nothing.
  const same = { equals: (a: readonly RoundRecord[], b: readonly RoundRecord[]) => a.length === b.length && a.every((h, i) => h === b[i]) };
  const [graphHistory, setGraphHistory] = createSignal(props.history, same);
  const [utilHistory, setUtilHistory] = createSignal(props.history, same);
  const [worldHistory, setWorldHistory] = createSignal(props.history, same);
  const [stage, setStage] = createSignal(0);
  let timer: ReturnType<typeof setTimeout> | undefined;
  // The graph's frames before the newest are made a task ahead of it (on a run's first round,
  // the opening's frame): each frame is a task's work, not two in one.
  const warm = () => {
    const r = props.reading;
    if (r) runFrames(s(), props.history, r, cache(), props.history.length);
  };
  const steps = [warm, () => setGraphHistory(() => props.history), () => setUtilHistory(() => props.history), () => setWorldHistory(() => props.history)];
  /** The stage once each part has had its turn. */
  const GRAPH = 2;
  const UTILITIES = 3;
  const WORLD = 4;
  const run = () => {
    clearTimeout(timer);
    let i = 0;
    const next = () => {
      steps[i]!();
      i += 1;
      if (stage() < i) setStage(i);
      timer = i < steps.length ? setTimeout(next, 0) : undefined;
    };
    timer = setTimeout(next, 0);
  };
  run();
  createEffect(
    on(
      () => props.history,
      () => run(),
      { defer: true },
    ),
  );
  onCleanup(() => clearTimeout(timer));

  const statesOf = (history: readonly RoundRecord[]) => [history[0]?.worldBefore ?? Array.from(initialState(s())), ...history.map((h) => h.worldAfter)];
  const labelsOf = (history: readonly RoundRecord[]) => ['Start', ...history.map((h) => `Round ${h.round}`)];
  const [frame, setFrame] = createSignal(0);
  createEffect(() => setFrame(graphHistory().length));
  // Frames already made are kept while the scenario and the reading stay the same.
  const cache = createMemo(on([s, () => props.reading], () => new Map<string, OutlinedFrame>()));
  // Made once the graph's turn comes (not in the task that resolved the round).
  const frames = createMemo(() => {
    const r = props.reading;
    return stage() >= GRAPH && r ? runFrames(s(), graphHistory(), r, cache()) : [];
  });
  return (
    <section class="run-charts" aria-label="The run so far">
      <Show when={stage() >= GRAPH && frames().length}>
        <Suspense fallback={<p>Loading the graph…</p>}>
          <CoalitionGraph
            frames={frames()}
            frame={frame()}
            onFrame={setFrame}
            title={`Coalitions round by round — ${s().title}`}
            largeText={props.largeText}
            fileStem="coreplay-run-graph"
          />
        </Suspense>
      </Show>
      <Show when={stage() >= UTILITIES} fallback={<p class="muted">Drawing the charts…</p>}>
        <div class="grid2">
          <LineChart
            title="Utilities over rounds"
            series={utilitySeries(s(), statesOf(utilHistory()))}
            xLabels={labelsOf(utilHistory())}
            xTitle="Round"
            yTitle="Utility"
            selected={frame()}
            largeText={props.largeText}
          />
          <Show when={stage() >= WORLD}>
            <LineChart
              title="World state over rounds"
              series={dimensionSeries(s(), statesOf(worldHistory()))}
              xLabels={labelsOf(worldHistory())}
              xTitle="Round"
              yTitle="Scaled position (0–1)"
              yDomain={[0, 1]}
              selected={frame()}
              largeText={props.largeText}
            />
          </Show>
        </div>
      </Show>
    </section>
  );
}
