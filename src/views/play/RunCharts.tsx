/** The run so far: the coalition graph round by round (with a timeline) and utilities and world state over rounds. */
import { Show, Suspense, createMemo, createSignal, createEffect, lazy, onCleanup } from 'solid-js';
import type { Scenario } from '../../../models/domain/types';
import { dimensionSeries, utilitySeries } from '../../../models/graph/index';
import type { RoundRecord } from '../../../models/machines/index';
import { initialState } from '../../../models/domain/index';
import type { ReadingReport } from '../../../workers/api';
import { runFrames } from './runFrames';
import { LineChart } from '../../ui/LineChart';

const CoalitionGraph = lazy(() => import('../../graph/CoalitionGraph'));

export function RunCharts(props: { scenario: Scenario; history: readonly RoundRecord[]; reading: ReadingReport | undefined; largeText: boolean }) {
  const s = () => props.scenario;
  const states = createMemo(() => [props.history[0]?.worldBefore ?? Array.from(initialState(s())), ...props.history.map((h) => h.worldAfter)]);
  const labels = () => ['Start', ...props.history.map((h) => `Round ${h.round}`)];
  const [frame, setFrame] = createSignal(0);
  createEffect(() => setFrame(props.history.length));
  const frames = createMemo(() => (props.reading ? runFrames(s(), props.history, props.reading) : []));
  // The graph and the two charts are each built in a task of their own after the one that
  // resolved the round, so the debrief appears first and none waits on the others.
  const [stage, setStage] = createSignal(0);
  let timer: ReturnType<typeof setTimeout>;
  const next = () => {
    setStage(stage() + 1);
    if (stage() < 3) timer = setTimeout(next, 0);
  };
  timer = setTimeout(next, 0);
  onCleanup(() => clearTimeout(timer));
  return (
    <section class="run-charts" aria-label="The run so far">
      <Show when={stage() >= 1 && frames().length}>
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
      <Show when={stage() >= 2} fallback={<p class="muted">Drawing the charts…</p>}>
        <div class="grid2">
          <LineChart
            title="Utilities over rounds"
            series={utilitySeries(s(), states())}
            xLabels={labels()}
            xTitle="Round"
            yTitle="Utility"
            selected={frame()}
            largeText={props.largeText}
          />
          <Show when={stage() >= 3}>
            <LineChart
              title="World state over rounds"
              series={dimensionSeries(s(), states())}
              xLabels={labels()}
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
