/**
 * The coalition graph on the class screen: the run's opening position and one frame per resolved
 * round (the history the server sends everyone), drawn in projector mode with the legend folded
 * under the canvas, so that the graph and its timeline fit a 1080-pixel-high screen. The compatible pairs
 * come from the common core, computed in this browser's analysis worker like the single-screen
 * app's; until it answers, the screen says so instead of drawing a graph without them.
 */
import { Show, Suspense, createEffect, createMemo, createSignal, lazy, onCleanup } from 'solid-js';
import type { Scenario } from '../../../models/domain/types';
import type { RoundRecord } from '../../../models/machines/index';
import type { ReadingReport } from '../../../workers/api';
import { createAnalysisClient } from '../../../workers/client';
import { runFrames } from '../play/runFrames';

const CoalitionGraph = lazy(() => import('../../graph/CoalitionGraph'));

export function ProjectorGraph(props: { scenario: Scenario; rounds: readonly RoundRecord[]; height: number }) {
  // The class screen does nothing else: the common core may take its time on a slow machine.
  const client = createAnalysisClient(() => new Worker(new URL('../../../workers/analysis.worker.ts', import.meta.url), { type: 'module' }), {
    timeoutMs: 120_000,
  });
  onCleanup(() => client.dispose());
  const [reading, setReading] = createSignal<ReadingReport>();
  const [problem, setProblem] = createSignal<string>();
  // The room's scenario has its variants applied already: its reading "as encoded" is the run's.
  void client.commonCore(JSON.parse(JSON.stringify(props.scenario)) as Scenario, []).then((r) => {
    if (r.status === 'stale') return;
    if (r.status !== 'ok') return setProblem(r.message);
    if (r.value.status !== 'ok') return setProblem(r.value.problem);
    setReading(r.value.readings[0]);
  });
  const frames = createMemo(() => {
    const x = reading();
    return x ? runFrames(props.scenario, props.rounds, x) : [];
  });
  const [frame, setFrame] = createSignal(0);
  // A new round resolved: show it (the class can still scrub back).
  createEffect(() => setFrame(props.rounds.length));
  return (
    <section class="projector-graph" data-testid="projector-graph">
      <Show
        when={frames().length}
        fallback={<p class="muted">{problem() ? `The coalition graph is not available: ${problem()}` : 'Drawing the coalition graph…'}</p>}
      >
        <Suspense fallback={<p class="muted">Drawing the coalition graph…</p>}>
          <CoalitionGraph
            frames={frames()}
            frame={frame()}
            onFrame={setFrame}
            title={`Coalitions round by round — ${props.scenario.title}`}
            largeText
            compact
            height={props.height}
            fileStem="coreplay-room-graph"
          />
        </Suspense>
      </Show>
    </section>
  );
}
