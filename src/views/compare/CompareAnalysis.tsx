/**
 * The analysis half of Compare: for each side, the common core and the opening round game's
 * best pure equilibrium (from the worker, one side after the other so neither answer supersedes
 * the other), and the coalition graph; differences highlighted.
 */
import { For, Show, Suspense, createEffect, createSignal, lazy, on } from 'solid-js';
import { HOLD } from '../../../models/domain/legality';
import type { Scenario } from '../../../models/domain/index';
import type { BestPure } from '../../../models/analysis/roundGameReport';
import type { ReadingReport, RoundGameAnalysis } from '../../../workers/api';
import { baselineReading, createPanelClient } from './panelClient';
import { coreFrame } from '../analyse/coreFrame';
import { useWorkspace } from '../../state/context';
import { sideLabel, type Side } from './CompareView';
import { shortName } from '../../../models/domain/names';

const CoalitionGraph = lazy(() => import('../../graph/CoalitionGraph'));

export function CompareAnalysis(props: { left: Side; right: Side }) {
  const w = useWorkspace();
  const client = createPanelClient();
  const [cores, setCores] = createSignal<{ left?: ReadingReport; right?: ReadingReport }>({});
  /** Per side: the best pure equilibrium, null when there is none, undefined while it is computed. */
  const [eq, setEq] = createSignal<{ left?: BestPure | null; right?: BestPure | null }>({});
  const [busy, setBusy] = createSignal(false);
  let generation = 0;
  createEffect(
    on([() => props.left.scenario, () => props.right.scenario], async ([a, b]) => {
      const g = ++generation;
      if (!a || !b) return;
      setEq({});
      setBusy(true);
      const run = (sc: Scenario) => baselineReading(client, sc);
      const best = async (s: Scenario): Promise<BestPure | null> => {
        const r = await client.roundGame(JSON.parse(JSON.stringify(s)), [], [...w.ws.pair] as [string, string]);
        return r.status === 'ok' && (r.value as RoundGameAnalysis).status === 'ok'
          ? (r.value as Extract<RoundGameAnalysis, { status: 'ok' }>).report.best
          : null;
      };
      const left = await run(a);
      if (g !== generation) return;
      const right = await run(b);
      if (g !== generation) return;
      setCores({ left, right });
      const eqLeft = await best(a);
      if (g !== generation) return;
      const eqRight = await best(b);
      if (g !== generation) return;
      setEq({ left: eqLeft, right: eqRight });
      setBusy(false);
    }),
  );
  const [frameL, setFrameL] = createSignal(0);
  const [frameR, setFrameR] = createSignal(0);
  const name = (id: string) => shortName(props.left.scenario, id);
  const set = (xs: readonly string[][] | undefined) => (xs ?? []).map((m) => `{${m.map(name).join(', ')}}`).join(' ');
  const label = (s: Scenario | undefined, id: string) => (id === HOLD ? 'Hold' : (s?.moves.find((m) => m.id === id)?.label ?? id));
  const title = (s: Side) => sideLabel(s, w.scenario());
  /** A set-valued row: unknown, not empty, when the common core was too large to compute. */
  const sets = (r: ReadingReport | undefined, xs: (r: ReadingReport) => readonly string[][]) =>
    r?.status === 'too-large' ? 'unknown (too large to compute)' : set(r ? xs(r) : undefined);
  return (
    <>
      <section class="card" aria-labelledby="cmp-core">
        <h2 id="cmp-core">Common core</h2>
        <p class="muted" aria-live="polite">
          {busy() ? 'Analysing both sides…' : ''}
        </p>
        <table data-testid="compare-core">
          <thead>
            <tr>
              <th scope="col" />
              <th scope="col">{title(props.left)}</th>
              <th scope="col">{title(props.right)}</th>
            </tr>
          </thead>
          <tbody>
            {(() => {
              const rows: [string, (r?: ReadingReport) => string][] = [
                [
                  'Common core',
                  (r) => (r ? (r.status === 'too-large' ? `too large to compute (${r.message ?? 'too large'})` : r.nonEmpty ? 'exists' : 'empty') : '…'),
                ],
                ['Maximal compatible sets', (r) => sets(r, (x) => x.maximalCompatibleSets)],
                ['Minimal exit sets', (r) => sets(r, (x) => x.minimalExitSets)],
                ['Binding conditions', (r) => (r?.binding ?? []).map((b) => b.label).join('; ')],
              ];
              return (
                <For each={rows}>
                  {([k, f]) => (
                    <tr classList={{ diff: !!cores().left && !!cores().right && f(cores().left) !== f(cores().right) }}>
                      <th scope="row">{k}</th>
                      <td>{f(cores().left)}</td>
                      <td>{f(cores().right)}</td>
                    </tr>
                  )}
                </For>
              );
            })()}
          </tbody>
        </table>
      </section>
      <section class="card" aria-labelledby="cmp-eq">
        <h2 id="cmp-eq">Opening round: pure equilibrium</h2>
        <table data-testid="compare-equilibria">
          <thead>
            <tr>
              <th scope="col">Actor</th>
              <th scope="col">{title(props.left)}</th>
              <th scope="col">{title(props.right)}</th>
            </tr>
          </thead>
          <tbody>
            <For each={props.left.scenario?.actors ?? []}>
              {(a) => {
                // A player outside the round game holds; '…' while computing, '—' without a pure equilibrium.
                const cell = (b: BestPure | null | undefined, s: Scenario | undefined) =>
                  b === undefined ? '…' : b === null ? '—' : label(s, b.moves[a.id] ?? HOLD);
                const l = () => cell(eq().left, props.left.scenario);
                const r = () => cell(eq().right, props.right.scenario);
                return (
                  <tr classList={{ diff: eq().left !== undefined && eq().right !== undefined && l() !== r() }}>
                    <th scope="row">{a.short}</th>
                    <td>{l()}</td>
                    <td>{r()}</td>
                  </tr>
                );
              }}
            </For>
          </tbody>
        </table>
      </section>
      <Show when={cores().left && cores().right && props.left.scenario && props.right.scenario}>
        <div class="grid2">
          <Suspense fallback={<p>Loading the graphs…</p>}>
            <CoalitionGraph
              frames={[coreFrame(props.left.scenario!, cores().left!, title(props.left))]}
              frame={frameL()}
              onFrame={setFrameL}
              title={`Left: ${title(props.left)}`}
              largeText={w.ws.prefs.largeText}
              height={420}
              fileStem="coreplay-compare-left"
              timeline={false}
            />
            <CoalitionGraph
              frames={[coreFrame(props.right.scenario!, cores().right!, title(props.right))]}
              frame={frameR()}
              onFrame={setFrameR}
              title={`Right: ${title(props.right)}`}
              largeText={w.ws.prefs.largeText}
              height={420}
              fileStem="coreplay-compare-right"
              timeline={false}
            />
          </Suspense>
        </div>
      </Show>
    </>
  );
}
