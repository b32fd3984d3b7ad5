/**
 * The spatial bargaining forecast (models/analysis/spatial, an SMP-family simulation with KTAB's
 * default parameters): per dimension, every actor's position over the turns with the forecast
 * outcome marked (src/ui/LineChart: legend toggles, keyboard read-out, data table), the method
 * and every parameter by name, how many turns ran and why the run stopped, and per actor "why
 * did it move" — the sentence of each turn in which it moved — and the challenge network of each
 * turn (ChallengeNetwork.tsx).
 *
 * `createLiveSpatial` keeps the card live: on every change of the scenario or the chosen variants
 * it asks the analysis client's own 'spatial' lane (always the worker, so a slider never blocks
 * the page), keeps the last answer on screen and says "updating…" until the new one arrives.
 */
import { createEffect, createMemo, createSignal, For, on, Show } from 'solid-js';
import { unwrap } from 'solid-js/store';
import { LineChart } from '../../ui/LineChart';
import { ChallengeNetwork } from './ChallengeNetwork';
import { parameterList, spatialSeries, stopWords, turnLabels } from './spatialSeries';
import type { AnalysisClient } from '../../../workers/client';
import type { SpatialAnalysis } from '../../../workers/local';
import type { Scenario } from '../../../models/domain/types';
import { formatNatural } from '../../../models/domain/space';
import { Term } from '../../ui/Glossary';
import { shortName } from '../../../models/domain/names';

/** The live spatial analysis of the scenario under the chosen variants, on the client's 'spatial' lane. */
export function createLiveSpatial(client: Pick<AnalysisClient, 'spatial'>, scenario: () => Scenario | undefined, variants: () => readonly string[]) {
  const [analysis, setAnalysis] = createSignal<SpatialAnalysis | undefined>();
  const [updating, setUpdating] = createSignal(false);
  const [problem, setProblem] = createSignal<string | undefined>();
  createEffect(
    on([scenario, () => [...variants()]], ([s, vs]) => {
      if (!s) return;
      const plain = JSON.parse(JSON.stringify(unwrap(s))) as Scenario;
      setUpdating(true);
      void client.spatial(plain, vs).then((r) => {
        if (r.status === 'stale') return;
        setUpdating(false);
        if (r.status === 'ok') {
          setAnalysis(r.value);
          setProblem(undefined);
        } else setProblem(r.message);
      });
    }),
  );
  return { analysis, updating, problem };
}

export type LiveSpatial = ReturnType<typeof createLiveSpatial>;

const p3 = (x: number) => x.toFixed(3);

export function SpatialCard(props: { scenario: Scenario; analysis: SpatialAnalysis | undefined; updating: boolean; problem?: string; largeText?: boolean }) {
  const [dim, setDim] = createSignal(0);
  const name = (id: string) => shortName(props.scenario, id);
  const report = createMemo(() => (props.analysis?.status === 'ok' ? props.analysis.report : undefined));
  const k = () => Math.min(dim(), Math.max(0, (report()?.dimensions.length ?? 1) - 1));
  const fmtDim = (id: string, v: number) => {
    const d = props.scenario.dimensions.find((x) => x.id === id);
    return d ? formatNatural(d, v) : v.toFixed(2);
  };
  return (
    <section class="card spatial-card" aria-labelledby="spatial-title" data-testid="forecast">
      <h2 id="spatial-title">Spatial bargaining forecast (a simulation)</h2>
      <p class="small muted">
        A <Term id="spatial-forecast">spatial forecast</Term>: each turn every actor challenges the one where it expects most gain; the challenged side gives
        way or bargains, and each actor adopts the option its queue's vote favours.{' '}
        <span aria-live="polite" data-testid="spatial-status">
          {props.updating ? 'updating…' : ''}
        </span>
      </p>
      <Show when={props.problem}>
        <p role="alert" class="no">
          The spatial forecast did not finish: {props.problem}
        </p>
      </Show>
      <Show when={props.analysis?.status === 'invalid' ? props.analysis : undefined}>
        {(x) => (
          <p role="alert" class="no">
            {(x() as { problem: string }).problem}
          </p>
        )}
      </Show>
      <Show when={report()} fallback={<p class="muted">{props.updating ? 'Computing…' : ''}</p>}>
        {(r) => {
          const d = () => r().dimensions[k()]!;
          return (
            <>
              <p class="small" data-testid="spatial-method">
                <strong>Method:</strong> {r().method}
              </p>
              <p class="small" data-testid="spatial-stop">
                {stopWords(r().stop, r().turns, r().parameters)}
              </p>
              <label>
                Dimension{' '}
                <select aria-label="Dimension of the spatial forecast" value={k()} onChange={(e) => setDim(Number(e.currentTarget.value))}>
                  <For each={r().dimensions}>{(x, i) => <option value={i()}>{x.label}</option>}</For>
                </select>
              </label>
              <p class="small" data-testid="spatial-outcome">
                {d().label}: forecast outcome <strong>{fmtDim(d().dimension, d().outcome)}</strong> (the most probable final position); probability-weighted
                mean of the final positions {fmtDim(d().dimension, d().expected)}; status quo {fmtDim(d().dimension, d().statusQuo)}.
              </p>
              <LineChart
                title={`${d().label}: positions over turns`}
                series={spatialSeries(props.scenario, r(), k())}
                xLabels={turnLabels(r())}
                xTitle="Turn"
                yTitle="Position"
                yDomain={[0, 1]}
                selected={r().positions.length - 1}
                largeText={props.largeText}
              />
              <details>
                <summary>Forecast on every dimension</summary>
                <table data-testid="spatial-dimensions">
                  <thead>
                    <tr>
                      <th scope="col">Dimension</th>
                      <th scope="col" class="num">
                        Status quo
                      </th>
                      <th scope="col" class="num">
                        Forecast outcome
                      </th>
                      <th scope="col" class="num">
                        Weighted mean
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={r().dimensions}>
                      {(x) => (
                        <tr>
                          <th scope="row">{x.label}</th>
                          <td class="num">{fmtDim(x.dimension, x.statusQuo)}</td>
                          <td class="num">{fmtDim(x.dimension, x.outcome)}</td>
                          <td class="num">{fmtDim(x.dimension, x.expected)}</td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </details>
              <details>
                <summary>Parameters of the model (KTAB's names)</summary>
                <dl class="small" data-testid="spatial-parameters">
                  <For each={parameterList(r().parameters)}>
                    {([n, v]) => (
                      <>
                        <dt>{n}</dt>
                        <dd data-parameter={n}>{v}</dd>
                      </>
                    )}
                  </For>
                </dl>
              </details>
              <ChallengeNetwork scenario={props.scenario} report={r()} />
              <h3>Why did each actor move?</h3>
              <div data-testid="spatial-why">
                <For each={r().actors}>
                  {(a) => (
                    <details data-actor={a.actor}>
                      <summary>
                        Why did {name(a.actor)} move? {a.why.length ? `${a.why.length} turn${a.why.length === 1 ? '' : 's'} moved` : 'it never moved'}; its
                        final position prevails with probability {p3(a.finalProbability)}
                      </summary>
                      <p class="small muted">
                        Starts at its {a.start} position: {a.startReason}.
                      </p>
                      <ul class="small spatial-why-turns">
                        <For each={a.why}>{(t) => <li>{t}</li>}</For>
                      </ul>
                    </details>
                  )}
                </For>
              </div>
            </>
          );
        }}
      </Show>
    </section>
  );
}
