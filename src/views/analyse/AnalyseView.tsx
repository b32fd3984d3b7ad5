/**
 * Analyse: the common core of the scenario under the chosen variants and under each reading,
 * and the coalition graph of the compatible sets. Recomputed live in the worker on every edit.
 */
import { For, Show, Suspense, createSignal, lazy } from 'solid-js';
import { useWorkspace } from '../../state/context';
import type { LiveAnalysis } from '../../state/analysis';
import { CommonCoreCard } from './CommonCoreCard';
import { coreFrame } from './coreFrame';
import { RoundGameCard } from './RoundGameCard';
import { BargainingCard, CoopResult } from './AnalysisCards';
import { createLiveSpatial, SpatialCard } from './SpatialCard';
import { SensitivityCard } from './SensitivityCard';
import { writeNfg } from '../../../models/analysis/io/nfg';
import { buildRoundGame } from '../../../models/domain/roundGame';
import { initialHoldings } from '../../../models/domain/legality';
import { applyVariants, initialState } from '../../../models/domain/index';
import { download } from '../../app/files';

const KIND_LABEL: Record<string, string> = {
  commonCore: 'common core',
  roundGame: 'round game',
  bargaining: 'bargaining',
  coop: 'TU cooperative game',
  sensitivity: 'sensitivity',
  forecast: 'forecast',
  spatial: 'spatial forecast',
};

const CoalitionGraph = lazy(() => import('../../graph/CoalitionGraph'));

export function AnalyseView(props: { live: LiveAnalysis }) {
  const w = useWorkspace();
  const [frame, setFrame] = createSignal(0);
  const spatial = createLiveSpatial(
    props.live.client,
    () => w.scenario(),
    () => w.ws.variants,
  );
  const variants = () => (w.scenario()?.variants ?? []).filter((v) => v.kind === 'variant');
  return (
    <div class="analyse-view">
      <Show
        when={w.scenario()}
        fallback={
          <p role="alert" class="no">
            The scenario has problems; fix them in Edit.
          </p>
        }
      >
        {(s) => (
          <>
            <fieldset class="variant-picker">
              <legend>Variants applied before the analysis</legend>
              <For each={variants()} fallback={<p class="muted">This scenario has no variants.</p>}>
                {(v) => (
                  <label class="check" title={v.description}>
                    <input
                      type="checkbox"
                      checked={w.ws.variants.includes(v.id)}
                      onChange={(e) => w.setWs('variants', (ids) => (e.currentTarget.checked ? [...ids, v.id] : ids.filter((x) => x !== v.id)))}
                    />{' '}
                    {v.label}
                  </label>
                )}
              </For>
            </fieldset>
            <fieldset class="variant-picker pair-picker">
              <legend>Pair for bargaining and mixed equilibria</legend>
              <For each={[0, 1] as const}>
                {(k) => (
                  <label>
                    {k === 0 ? 'First ' : ' and '}
                    <select
                      aria-label={k === 0 ? 'First actor of the pair' : 'Second actor of the pair'}
                      value={w.ws.pair[k]}
                      onChange={(e) => {
                        const v = e.currentTarget.value;
                        const other = w.ws.pair[1 - k]!;
                        if (v !== other) w.setWs('pair', k, v);
                      }}
                    >
                      <For each={s().actors}>{(a) => <option value={a.id}>{a.short}</option>}</For>
                    </select>
                  </label>
                )}
              </For>
            </fieldset>
            <p class="muted progress" aria-live="polite" data-testid="analysis-progress">
              {props.live.slow().length
                ? `Analysing: ${props.live
                    .slow()
                    .map(([k, ms]) => `${KIND_LABEL[k] ?? k} ${(ms / 1000).toFixed(1)} s`)
                    .join(', ')}…`
                : props.live.busy()
                  ? 'Analysing…'
                  : props.live.result()?.status === 'ok'
                    ? 'Analysed in the worker.'
                    : ''}
            </p>
            <For each={Object.entries(props.live.failed()).filter(([, m]) => m)}>
              {([k, m]) => (
                <p role="alert" class="no">
                  The {KIND_LABEL[k] ?? k} analysis did not finish: {m}
                </p>
              )}
            </For>
            <Show when={props.live.result()}>
              {(r) => (
                <Show
                  when={r().status === 'ok' ? r() : undefined}
                  fallback={
                    <p role="alert" class="no">
                      {r().status === 'invalid' ? (r() as { problem: string }).problem : ''}
                    </p>
                  }
                >
                  {(ok) => {
                    const res = ok() as Extract<ReturnType<typeof ok>, { status: 'ok' }>;
                    return (
                      <>
                        <h2>Common core</h2>
                        <div class="grid2">
                          <For each={res.readings}>{(rd) => <CommonCoreCard scenario={s()} reading={rd} />}</For>
                        </div>
                        <SensitivityCard
                          scenario={s()}
                          readings={(() => {
                            const x = props.live.sensitivity();
                            return x?.status === 'ok' ? x.report.readings : undefined;
                          })()}
                          updating={props.live.sensitivityBusy()}
                          problem={(() => {
                            const x = props.live.sensitivity();
                            return x && x.status !== 'ok' ? x.problem : props.live.failed().sensitivity;
                          })()}
                        />
                        <Show when={props.live.roundGame()?.status === 'ok' ? props.live.roundGame() : undefined}>
                          {(rg) => (
                            <RoundGameCard
                              scenario={s()}
                              report={(rg() as Extract<ReturnType<typeof rg>, { status: 'ok' }>).report}
                              onExport={() => {
                                const v = applyVariants(s(), [...w.ws.variants]);
                                if (!v.ok) return;
                                const sc = v.value.scenario;
                                const game = buildRoundGame(
                                  sc,
                                  initialState(sc),
                                  initialHoldings(sc),
                                  Object.fromEntries(sc.actors.map((a) => [a.id, 'engaged' as const])),
                                  { maxProfiles: 5000 },
                                );
                                download(`${sc.id}-round-game.nfg`, writeNfg(game.game), 'text/plain');
                              }}
                            />
                          )}
                        </Show>
                        <div class="grid2">
                          <Show when={props.live.bargaining()?.status === 'ok' ? props.live.bargaining() : undefined}>
                            {(b) => <BargainingCard scenario={s()} report={(b() as Extract<ReturnType<typeof b>, { status: 'ok' }>).report} />}
                          </Show>
                          <CoopResult scenario={s()} result={props.live.coop()} failed={props.live.failed().coop} />
                        </div>
                        <SpatialCard
                          scenario={s()}
                          analysis={spatial.analysis()}
                          updating={spatial.updating()}
                          problem={spatial.problem()}
                          largeText={w.ws.prefs.largeText}
                        />
                        <Suspense fallback={<p>Loading the graph…</p>}>
                          <CoalitionGraph
                            frames={[coreFrame(s(), res.readings[0]!, 'Status quo')]}
                            frame={frame()}
                            onFrame={setFrame}
                            title={`Coalition graph — ${s().title}`}
                            largeText={w.ws.prefs.largeText}
                          />
                        </Suspense>
                      </>
                    );
                  }}
                </Show>
              )}
            </Show>
          </>
        )}
      </Show>
    </div>
  );
}
