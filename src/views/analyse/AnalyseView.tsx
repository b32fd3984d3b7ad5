/**
 * Analyse: the common core of the scenario under the chosen variants and under each reading,
 * and the coalition graph of the compatible sets. Recomputed live in the worker on every edit.
 */
import { For, Show, Suspense, createMemo, createSignal, lazy, type JSX } from 'solid-js';
import { useWorkspace } from '../../state/context';
import { freshnessWords, type Answer, type LiveAnalysis, type Slot } from '../../state/analysis';
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
import { Term } from '../../ui/Glossary';

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
  const sameScenario = useSameScenario();
  const [frame, setFrame] = createSignal(0);
  const spatial = createLiveSpatial(
    props.live.client,
    () => w.scenario(),
    () => w.ws.variants,
  );
  const variants = () => (w.scenario()?.variants ?? []).filter((v) => v.kind === 'variant');
  // The graph draws the common core's first reading with the scenario it was computed for.
  const graphFrames = createMemo(() => {
    const a = sameScenario(props.live.core().answer);
    const rd = a?.value.status === 'ok' ? a.value.readings[0] : undefined;
    if (!a || !rd) return undefined;
    const note = freshnessWords(props.live.core(), props.live.problem());
    return { frames: [coreFrame(a.scenario, rd, 'Status quo')], title: `Coalition graph — ${a.scenario.title}${note ? ` (${note})` : ''}` };
  });
  const sensitivity = () => sameScenario(props.live.sensitivity().answer);
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
                      {/* Each option says whether it is chosen: a select's value set before its new options exist would fall back to the first. */}
                      <For each={s().actors}>
                        {(a) => (
                          <option value={a.id} selected={a.id === w.ws.pair[k]}>
                            {a.short}
                          </option>
                        )}
                      </For>
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
                  : props.live.core().freshness === 'current' && props.live.core().answer?.source === 'worker'
                    ? 'Analysed in the worker.'
                    : ''}
            </p>
          </>
        )}
      </Show>
      <LiveSlot slot={props.live.core()} problem={props.live.problem()} label="Common core" testid="core-slot">
        {(a) => (
          <Show
            when={a.value.status === 'ok' ? a.value : undefined}
            fallback={
              <p role="alert" class="no">
                {a.value.status === 'invalid' ? a.value.problem : ''}
              </p>
            }
          >
            {(ok) => (
              <>
                <h2>
                  <Term id="common-core">Common core</Term>
                </h2>
                <div class="grid2">
                  <For each={ok().readings}>{(rd) => <CommonCoreCard scenario={a.scenario} reading={rd} />}</For>
                  <Show when={ok().partial}>
                    <p class="card muted" data-testid="readings-pending">
                      The other <Term id="reading">readings</Term>: updating…
                    </p>
                  </Show>
                </div>
              </>
            )}
          </Show>
        )}
      </LiveSlot>
      <Show when={sensitivity()?.scenario ?? w.scenario()}>
        {(sc) => (
          <SensitivityCard
            scenario={sc()}
            readings={(() => {
              const x = sensitivity()?.value;
              return x?.status === 'ok' ? x.report.readings : undefined;
            })()}
            updating={props.live.sensitivity().freshness === 'updating'}
            status={props.live.sensitivity().freshness === 'failed' ? undefined : freshnessWords(props.live.sensitivity(), props.live.problem())}
            problem={(() => {
              const sl = props.live.sensitivity();
              if (sl.freshness === 'failed') return sl.failure;
              const x = sensitivity()?.value;
              return x && x.status !== 'ok' ? x.problem : undefined;
            })()}
          />
        )}
      </Show>
      <LiveSlot slot={props.live.roundGame()} problem={props.live.problem()} label="The opening round game" testid="round-game-slot">
        {(a) => (
          <Show
            when={a.value.status === 'ok' ? a.value.report : undefined}
            fallback={
              <p role="alert" class="no">
                The round game was not computed — {a.value.status === 'invalid' ? a.value.problem : ''}.
              </p>
            }
          >
            {(report) => (
              <RoundGameCard
                scenario={a.scenario}
                report={report()}
                onExport={() => {
                  const v = applyVariants(a.scenario, a.variants);
                  if (!v.ok) return;
                  const sc = v.value.scenario;
                  const game = buildRoundGame(sc, initialState(sc), initialHoldings(sc), Object.fromEntries(sc.actors.map((x) => [x.id, 'engaged' as const])), {
                    maxProfiles: 5000,
                  });
                  download(`${sc.id}-round-game.nfg`, writeNfg(game.game), 'text/plain');
                }}
              />
            )}
          </Show>
        )}
      </LiveSlot>
      <div class="grid2">
        <LiveSlot slot={props.live.bargaining()} problem={props.live.problem()} label="Bargaining" testid="bargaining-slot">
          {(a) => (
            <Show
              when={a.value.status === 'ok' ? a.value.report : undefined}
              fallback={
                <p role="alert" class="card no">
                  Bargaining was not computed — {a.value.status === 'invalid' ? a.value.problem : ''}.
                </p>
              }
            >
              {(report) => <BargainingCard scenario={a.scenario} report={report()} />}
            </Show>
          )}
        </LiveSlot>
        <LiveSlot slot={props.live.coop()} problem={props.live.problem()} label="The TU cooperative game" testid="coop-slot">
          {(a) => <CoopResult scenario={a.scenario} result={a.value} />}
        </LiveSlot>
      </div>
      <Show when={w.scenario()}>
        {(s) => (
          <SpatialCard
            scenario={s()}
            analysis={spatial.analysis()}
            updating={spatial.updating()}
            problem={spatial.problem()}
            largeText={w.ws.prefs.largeText}
          />
        )}
      </Show>
      <Show when={graphFrames()}>
        {(g) => (
          <Suspense fallback={<p>Loading the graph…</p>}>
            <CoalitionGraph frames={g().frames} frame={frame()} onFrame={setFrame} title={g().title} largeText={w.ws.prefs.largeText} />
          </Suspense>
        )}
      </Show>
    </div>
  );
}

/**
 * One analysis's place on the page: the answer held (drawn with the scenario it was computed
 * for), dimmed and labelled whenever it is not the current input's — "updating…", stale while
 * the scenario has a problem, or why it did not finish. An answer for another scenario
 * altogether is not drawn at all while the current one's is computed.
 */
function LiveSlot<T>(props: { slot: Slot<T>; problem: string | undefined; label: string; testid: string; children: (a: Answer<T>) => JSX.Element }) {
  const sameScenario = useSameScenario();
  const words = () => freshnessWords(props.slot, props.problem);
  const shown = () => sameScenario(props.slot.answer);
  return (
    <div
      class="live-slot"
      data-testid={props.testid}
      data-freshness={props.slot.freshness}
      aria-busy={props.slot.freshness === 'updating'}
      style={props.slot.freshness === 'current' ? undefined : { opacity: 0.6 }}
    >
      <Show when={words()}>
        <p class="muted small" role="status" data-testid="freshness">
          {props.label}: {words()}
        </p>
      </Show>
      <Show when={shown()} keyed>
        {(a) => props.children(a)}
      </Show>
    </div>
  );
}

/**
 * The answer, unless it was computed for another scenario altogether than the one open (a
 * built-in picked or a file imported since): that one is not drawn while the new one's is
 * computed. While the scenario has a problem, the last answer is kept (marked stale).
 */
function useSameScenario() {
  const w = useWorkspace();
  return <T,>(a: Answer<T> | undefined): Answer<T> | undefined => {
    const s = w.scenario();
    return a && (!s || a.scenario.id === s.id) ? a : undefined;
  };
}
