/**
 * Analyse: the common core of the scenario under the chosen variants and under each reading,
 * and the coalition graph of the compatible sets. Recomputed live in the worker on every edit.
 */
import { For, Show, Suspense, createSignal, lazy } from 'solid-js';
import { workspace } from '../../state/workspace';
import type { LiveAnalysis } from '../../state/analysis';
import { CommonCoreCard } from './CommonCoreCard';
import { coreFrame } from './coreFrame';

const CoalitionGraph = lazy(() => import('../../graph/CoalitionGraph'));

export function AnalyseView(props: { live: LiveAnalysis }) {
  const w = workspace();
  const [frame, setFrame] = createSignal(0);
  const variants = () => (w.scenario()?.variants ?? []).filter((v) => v.kind === 'variant');
  const title = (ids: string[]) => {
    const s = w.scenario();
    const names = ids.map((id) => s?.variants.find((v) => v.id === id)?.label ?? id);
    return names.length ? names.join(' + ') : 'As encoded';
  };
  return (
    <div class="analyse-view">
      <Show when={w.scenario()} fallback={<p role="alert" class="no">The scenario has problems; fix them in Edit.</p>}>
        {(s) => (
          <>
            <fieldset class="variant-picker">
              <legend>Variants applied before the analysis</legend>
              <For each={variants()} fallback={<p class="muted">This scenario has no variants.</p>}>
                {(v) => (
                  <label class="check" title={v.description}>
                    <input type="checkbox" checked={w.ws.variants.includes(v.id)}
                      onChange={(e) => w.setWs('variants', (ids) => (e.currentTarget.checked ? [...ids, v.id] : ids.filter((x) => x !== v.id)))} />{' '}
                    {v.label}
                  </label>
                )}
              </For>
            </fieldset>
            <p class="muted" aria-live="polite">
              {props.live.busy() ? 'Analysing…' : props.live.result()?.status === 'ok' ? `Analysed in the worker.` : ''}
            </p>
            <Show when={props.live.result()}>
              {(r) => (
                <Show when={r().status === 'ok' ? r() : undefined} fallback={<p role="alert" class="no">{r().status === 'invalid' ? (r() as { problem: string }).problem : ''}</p>}>
                  {(ok) => {
                    const res = ok() as Extract<ReturnType<typeof ok>, { status: 'ok' }>;
                    return (
                      <>
                        <h2>Common core</h2>
                        <div class="grid2">
                          <For each={res.readings}>{(rd) => <CommonCoreCard scenario={s()} reading={rd} title={title(rd.variants)} />}</For>
                        </div>
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
