/**
 * Edit's live analysis panel: the common core of the scenario being edited (as encoded under the
 * chosen variants), its smallest exits and the coalition graph at the status quo. What it shows
 * is always labelled with its freshness: "updating…" while an edit is being analysed, stale while
 * the scenario has a problem (with the problem), and too large in words when the search was
 * refused.
 */
import { For, Show, Suspense, createMemo, lazy } from 'solid-js';
import { useWorkspace } from '../../state/context';
import { freshnessWords, type LiveAnalysis } from '../../state/analysis';
import type { GraphFrame } from '../../../models/graph/index';
import { coreFrame } from './coreFrame';
import { shortName } from '../../../models/domain/names';

const CoalitionGraph = lazy(() => import('../../graph/CoalitionGraph'));

export function LiveSummary(props: { live: LiveAnalysis }) {
  const w = useWorkspace();
  const answer = () => props.live.core().answer;
  const reading = () => {
    const a = answer();
    return a?.value.status === 'ok' ? a.value.readings[0] : undefined;
  };
  const words = () => freshnessWords(props.live.core(), props.live.problem());
  const name = (id: string) => shortName(answer()?.scenario, id);
  // The graph follows every edit at once (sizes, utilities) and the coalitions when the analysis is back.
  const frames = createMemo<GraphFrame[]>((prev) => {
    const s = w.scenario();
    const rd = reading();
    if (!s) return prev;
    return rd && rd.actors.every((id) => s.actors.some((a) => a.id === id)) ? [coreFrame(s, rd, 'Status quo')] : prev;
  }, []);
  return (
    <div>
      <h2>Live analysis</h2>
      <p aria-live="polite" data-testid="live-freshness" class={props.live.core().freshness === 'stale' ? 'no' : 'muted'}>
        {words() || ' '}
      </p>
      <Show
        when={reading()}
        fallback={
          <p class="muted" data-testid="live-waiting">
            {w.scenario() ? 'Analysing the scenario…' : 'Waiting for a valid scenario…'}
          </p>
        }
      >
        {(x) => (
          <>
            <p>
              Common core:{' '}
              <strong data-testid="live-core" class={x().status === 'too-large' ? 'no' : x().nonEmpty ? 'yes' : 'no'}>
                {x().status === 'too-large' ? 'too large to compute' : x().nonEmpty ? 'exists' : 'empty'}
              </strong>
            </p>
            <Show when={x().status === 'too-large'}>
              <p class="small" data-testid="live-too-large">
                {x().message ?? 'too large'}. Exclude actors from the core or use a smaller scenario.
              </p>
            </Show>
            <Show when={x().status !== 'too-large' && !x().nonEmpty}>
              <p>Smallest exits that would open one:</p>
              <ul data-testid="live-exits">
                <For each={x().minimalExitSets}>{(e) => <li>{`{${e.map(name).join(', ')}}`}</li>}</For>
              </ul>
            </Show>
          </>
        )}
      </Show>
      <Show when={frames().length}>
        <Suspense fallback={<p>Loading the graph…</p>}>
          <CoalitionGraph
            compact
            frames={frames()}
            frame={0}
            onFrame={() => undefined}
            title="Coalitions at the status quo"
            height={360}
            fileStem="coreplay-edit-graph"
          />
        </Suspense>
      </Show>
    </div>
  );
}
