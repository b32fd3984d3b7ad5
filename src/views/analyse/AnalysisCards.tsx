/** Bargaining for the chosen pair, the TU cooperative game (TU core, Shapley value, nucleolus) and the spatial forecast. */
import { For, type JSX, Show } from 'solid-js';
import type { Scenario } from '../../../models/domain/types';
import type { BargainingReport } from '../../../models/analysis/bargaining/index';
import type { CoopReport } from '../../../models/analysis/coop/index';
import type { CoopAnalysis } from '../../../workers/api';
import { Term } from '../../ui/Glossary';
import { shortName } from '../../../models/domain/names';

const f3 = (x: number | null | undefined) => (x === null || x === undefined ? '—' : x.toFixed(3));
const sign = (x: number) => (x >= 0 ? '+' : '−') + Math.abs(x).toFixed(3);

export function BargainingCard(props: { scenario: Scenario; report: BargainingReport }) {
  const s = () => props.scenario;
  const name = (id: string) => shortName(s(), id);
  const label = (id: string) => s().moves.find((m) => m.id === id)?.label ?? id;
  const r = () => props.report;
  const [a, b] = [() => r().pair[0], () => r().pair[1]];
  const deal = (d: { moves: string[]; probability: number }[]) =>
    d
      .map((x) => `${x.probability < 1 ? `${(x.probability * 100).toFixed(0)}%: ` : ''}${x.moves.length ? x.moves.map(label).join(' + ') : 'status quo'}`)
      .join('; ');
  const point = (
    title: JSX.Element,
    p: { utilities: Record<string, number>; gains: Record<string, number>; deal: { moves: string[]; probability: number }[] } | null | undefined,
  ) => (
    <tr>
      <th scope="row">{title}</th>
      <Show
        when={p}
        fallback={
          <td colspan={3} class="muted">
            no gains from trade
          </td>
        }
      >
        {(x) => (
          <>
            <td class="num">
              {f3(x().utilities[a()])} ({sign(x().gains[a()] ?? 0)})
            </td>
            <td class="num">
              {f3(x().utilities[b()])} ({sign(x().gains[b()] ?? 0)})
            </td>
            <td class="small">{deal(x().deal)}</td>
          </>
        )}
      </Show>
    </tr>
  );
  return (
    <section class="card" aria-labelledby="barg-title" data-testid="bargaining">
      <h2 id="barg-title">
        Bargaining: {name(a())} and {name(b())}
      </h2>
      <p class="small muted">
        Outcomes their own moves can reach, lotteries included; disagreement = the <Term id="status-quo">status quo</Term> ({f3(r().disagreement[a()])},{' '}
        {f3(r().disagreement[b()])}).
        <Term id="rubinstein">Rubinstein</Term>: {name(r().rubinstein.first)} proposes first; shares of the surplus{' '}
        {Object.entries(r().rubinstein.surplusShare)
          .map(([k, v]) => `${name(k)} ${(v * 100).toFixed(1)}%`)
          .join(', ')}{' '}
        from patiences{' '}
        {Object.entries(r().rubinstein.patience)
          .map(([k, v]) => `${name(k)} ${v}`)
          .join(', ')}
        .
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">Solution</th>
            <th scope="col" class="num">
              {name(a())}
            </th>
            <th scope="col" class="num">
              {name(b())}
            </th>
            <th scope="col">Deal</th>
          </tr>
        </thead>
        <tbody>
          {point(<Term id="nash-bargaining">Nash bargaining</Term>, r().nash)}
          {point(<Term id="kalai-smorodinsky">Kalai–Smorodinsky</Term>, r().kalaiSmorodinsky)}
          {point(<Term id="rubinstein">Rubinstein</Term>, r().rubinstein.agreement)}
          {point('Best pure deal', r().bestPureDeal)}
        </tbody>
      </table>
      <Show when={r().namedDeals.length}>
        <h3>Named exchanges</h3>
        <ul class="small">
          <For each={r().namedDeals}>
            {(d) => (
              <li>
                {d.moves.map(label).join(' + ')}:{' '}
                {Object.entries(d.gains)
                  .filter(([, g]) => Math.abs(g) > 1e-6)
                  .map(([k, g]) => `${name(k)} ${sign(g)}`)
                  .join(', ')}
                {d.bothGain ? ' — both gain' : ''}
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}

/**
 * The cooperative-game slot: the card when the answer is ok; every terminal answer (too large,
 * failed, invalid, or the worker's failure such as a time-out, passed as `failed`) in words; and
 * "being computed…" only while there is no answer yet.
 */
export function CoopResult(props: { scenario: Scenario; result: CoopAnalysis | undefined; failed?: string }) {
  const ok = () => (props.result?.status === 'ok' ? props.result.report : undefined);
  const problem = () => {
    const r = props.result;
    if (r && r.status !== 'ok') return r.problem;
    return props.failed ? `did not finish: ${props.failed}` : undefined;
  };
  return (
    <Show
      when={ok()}
      fallback={
        <Show when={problem()} fallback={<p class="card muted">The TU cooperative game is being computed…</p>}>
          {(m) => (
            <p class="card no" role="status" data-testid="coop-terminal">
              The TU cooperative game was not computed — {m()}.
            </p>
          )}
        </Show>
      }
    >
      {(r) => <CoopCard scenario={props.scenario} report={r()} />}
    </Show>
  );
}

export function CoopCard(props: { scenario: Scenario; report: CoopReport }) {
  const name = (id: string) => shortName(props.scenario, id);
  const r = () => props.report;
  return (
    <section class="card" aria-labelledby="coop-title" data-testid="coop">
      <h2 id="coop-title">Cooperative game with transferable utility (TU)</h2>
      <p class="small muted" data-testid="tu-assumption">
        Assumes utility transfers one for one between actors (side payments), which the common core does not: this TU core is a different question from the
        common core above.
      </p>
      <p>
        v(N) = {f3(r().grandCoalition.worth)}. The <Term id="tu-core">TU core</Term> is{' '}
        <strong class={r().coreEmpty ? 'no' : 'yes'}>{r().coreEmpty ? 'empty' : 'not empty'}</strong>
        <Show when={r().coreEmpty && r().leastCore.epsilon !== null}> (least core ε = {f3(r().leastCore.epsilon)})</Show>.
        {r().exact ? '' : " (approximate: some coalitions' searches were cut short)"}
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">Actor</th>
            <th scope="col" class="num">
              Alone v({'{i}'})
            </th>
            <th scope="col" class="num">
              {r().coreEmpty ? 'TU least core' : 'TU core allocation'}
            </th>
            <th scope="col" class="num">
              <Term id="shapley-value">Shapley value</Term>
            </th>
            <th scope="col" class="num">
              <Term id="nucleolus">Nucleolus</Term>
            </th>
          </tr>
        </thead>
        <tbody>
          <For each={r().players}>
            {(p) => (
              <tr>
                <th scope="row">{name(p)}</th>
                <td class="num">{f3(r().standalone[p]?.worth)}</td>
                <td class="num">{f3((r().coreAllocation ?? r().leastCore.allocation)[p])}</td>
                <td class="num">{f3(r().shapley[p])}</td>
                <td class="num">{f3(r().nucleolus?.[p])}</td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
      <details>
        <summary>How v(S) is derived (the transferable-utility assumption)</summary>
        <p class="small">{r().derivation}</p>
      </details>
    </section>
  );
}
