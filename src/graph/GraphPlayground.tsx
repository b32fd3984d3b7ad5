/**
 * A playground for the coalition graph and the charts on the Belarus scenario with a scripted
 * four-frame run (see demoData.ts). Meant to be mounted by the app at `#/graph-demo`; it needs
 * nothing from the app but HiGHS, which it configures through src/app/highs.
 */
import { createMemo, createResource, createSignal, Show } from 'solid-js';
import '../app/highs';
import { builtinDoc, parseScenario } from '../../models/scenario/index';
import type { Scenario } from '../../models/domain/types';
import { dimensionSeries, utilitySeries } from '../../models/graph/series';
import { CoalitionGraph } from './CoalitionGraph';
import { LineChart } from '../ui/LineChart';
import { demoRun } from './demoData';

const MARKUP_NAME = '<img src=x onerror=alert(1)>';

async function load(markup: boolean): Promise<{ scenario: Scenario; run: Awaited<ReturnType<typeof demoRun>> }> {
  const r = await parseScenario(builtinDoc('belarus'));
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('; '));
  let scenario = r.scenario;
  if (markup) scenario = { ...scenario, actors: scenario.actors.map((a) => (a.id === 'poland' ? { ...a, name: MARKUP_NAME, short: MARKUP_NAME } : a)) };
  return { scenario, run: await demoRun(scenario) };
}

export function GraphPlayground(props: { largeText?: boolean }) {
  const params = typeof location === 'undefined' ? new URLSearchParams() : new URLSearchParams(location.hash.split('?')[1] ?? '');
  const [largeText, setLargeText] = createSignal(props.largeText ?? params.has('large'));
  const [markup, setMarkup] = createSignal(params.has('markup'));
  const [frame, setFrame] = createSignal(Number(params.get('frame') ?? 0) || 0);
  // An object source: createResource skips fetching while its source is falsy (markup off).
  const [data] = createResource(() => ({ markup: markup() }), (src) => load(src.markup));
  const utilities = createMemo(() => (data() ? utilitySeries(data()!.scenario, data()!.run.states) : []));
  const dimensions = createMemo(() => (data() ? dimensionSeries(data()!.scenario, data()!.run.states) : []));

  return (
    <div class="graph-playground" style={{ padding: '1em', 'max-width': '1500px', margin: '0 auto' }}>
      <div style={{ display: 'flex', gap: '1em', 'align-items': 'center', 'flex-wrap': 'wrap', 'margin-bottom': '0.6em' }}>
        <strong>Graph playground (Belarus, scripted run)</strong>
        <label>
          <input type="checkbox" checked={largeText()} onChange={(e) => setLargeText(e.currentTarget.checked)} /> Large text
        </label>
        <label>
          <input type="checkbox" checked={markup()} onChange={(e) => setMarkup(e.currentTarget.checked)} /> Name Poland with markup
        </label>
      </div>
      <Show when={!data.error} fallback={<p role="alert">Could not build the demo: {String(data.error?.message ?? data.error)}</p>}>
        <Show when={data()} fallback={<p>Checking minimums…</p>}>
          {(d) => (
            <>
              <CoalitionGraph
                title={`Coalition graph: ${d().scenario.title}`}
                frames={d().run.frames}
                frame={frame()}
                onFrame={setFrame}
                largeText={largeText()}
                fileStem="belarus-graph"
              />
              <div style={{ display: 'grid', 'grid-template-columns': largeText() ? '1fr' : 'repeat(auto-fit, minmax(520px, 1fr))', gap: '1em' }}>
                <LineChart
                  title="Utilities over rounds"
                  series={utilities()}
                  xLabels={d().run.labels}
                  xTitle="Round"
                  yTitle="Utility"
                  selected={frame()}
                  largeText={largeText()}
                />
                <LineChart
                  title="World state over rounds (scaled 0–1; values in natural units)"
                  series={dimensions()}
                  xLabels={d().run.labels}
                  xTitle="Round"
                  yTitle="Scaled position"
                  yDomain={[0, 1]}
                  selected={frame()}
                  largeText={largeText()}
                />
              </div>
            </>
          )}
        </Show>
      </Show>
    </div>
  );
}

export default GraphPlayground;
