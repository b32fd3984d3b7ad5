/**
 * The opening round game: its pure Nash equilibria with their regrets and Pareto status,
 * iterated strict dominance, a chosen pair's mixed equilibria (everyone else holding), and the
 * game as a Gambit .nfg file.
 */
import { For, Show } from 'solid-js';
import { HOLD } from '../../../models/domain/legality';
import type { Scenario } from '../../../models/domain/types';
import type { RoundGameReport } from '../../../models/analysis/roundGameReport';
import { Term } from '../../ui/Glossary';
import { shortName } from '../../../models/domain/names';

/**
 * A probability as the solver gave it ("p/q", an integer or a decimal), in words a reader can
 * use: the exact fraction when it is small (denominator up to 1,000, e.g. "2/5"), else a
 * decimal of at most four places without trailing zeros ("0.3333"), never a float's fraction.
 */
export function probabilityText(pr: string): string {
  const m = /^\s*(-?\d+)\s*\/\s*(\d+)\s*$/.exec(pr);
  if (!m) {
    const x = Number(pr);
    return Number.isFinite(x) ? String(Number(x.toFixed(4))) : pr;
  }
  let p = BigInt(m[1]!);
  let q = BigInt(m[2]!);
  if (q === 0n) return pr;
  const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? (a < 0n ? -a : a) : gcd(b, a % b));
  const g = gcd(p, q);
  p /= g;
  q /= g;
  if (q === 1n) return p.toString();
  if (q <= 1000n) return `${p}/${q}`;
  return String(Number((Number(p) / Number(q)).toFixed(4)));
}

export function RoundGameCard(props: { scenario: Scenario; report: RoundGameReport; onExport: () => void }) {
  const s = () => props.scenario;
  const name = (id: string) => shortName(s(), id);
  const label = (id: string) => (id === HOLD ? 'Hold' : (s().moves.find((m) => m.id === id)?.label ?? id));
  const r = () => props.report;
  return (
    <section class="card" aria-labelledby="rg-title" data-testid="round-game">
      <h2 id="rg-title">The opening round game</h2>
      <p>
        {r().players.length} actors with moves (
        {r()
          .moves.map((m) => m.length)
          .join(' × ')}{' '}
        = {r().profiles.toLocaleString('en-GB')} profiles)
        <Show when={r().holding.length}> — {r().holding.map(name).join(', ')} hold</Show>
        <Show when={r().leftOut.length}>; {r().leftOut.length} weaker moves left out to keep the game small</Show>.
      </p>
      <h3>
        Pure <Term id="nash-equilibrium">Nash equilibria</Term>: {r().pureCount}
      </h3>
      <Show when={r().pure.length} fallback={<p>None: from every profile someone gains by moving alone.</p>}>
        <table data-testid="pure-equilibria">
          <thead>
            <tr>
              <th scope="col">#</th>
              <For each={r().players}>{(p) => <th scope="col">{name(p)}</th>}</For>
              <th scope="col" class="num">
                Regret
              </th>
              <th scope="col">Pareto-optimal</th>
            </tr>
          </thead>
          <tbody>
            <For each={r().pure}>
              {(e, i) => (
                <tr>
                  <td>{i() + 1}</td>
                  <For each={r().players}>
                    {(p) => (
                      <td class="small">
                        {label(e.moves[p]!)} <span class="muted">({e.payoffs[p]!.toFixed(3)})</span>
                      </td>
                    )}
                  </For>
                  <td class="num">{e.regret.toFixed(3)}</td>
                  <td class={e.pareto ? 'yes' : 'no'}>{e.pareto ? 'yes' : 'no'}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </Show>
      <p>
        {r().paretoCount.toLocaleString('en-GB')} <Term id="pareto-optimal">Pareto-optimal</Term> profiles.
      </p>
      <h3>
        Strictly <Term id="dominated-move">dominated moves</Term> ({r().dominance.mixed ? 'by pure or mixed strategies' : 'by pure strategies'})
      </h3>
      <Show when={r().dominance.eliminated.length} fallback={<p>No move is strictly dominated.</p>}>
        <ul class="small" data-testid="dominated">
          <For each={r().dominance.eliminated}>
            {(x) => (
              <li>
                Round {x.round}: {name(x.actor)} — “{label(x.move)}” is dominated by {x.by.includes('·') ? x.by : `“${label(x.by)}”`}
              </li>
            )}
          </For>
        </ul>
      </Show>
      <h3>
        {name(r().pair.actors[0])} and {name(r().pair.actors[1])} alone ({r().pair.shape.join(' × ')}): extreme mixed equilibria
      </h3>
      <Show when={r().pair.equilibria.length} fallback={<p>{r().pair.status === 'ok' ? 'None found.' : `Not computed: ${r().pair.status}.`}</p>}>
        <ol data-testid="pair-equilibria">
          <For each={r().pair.equilibria}>
            {(e) => (
              <li>
                <For each={r().pair.actors}>
                  {(p) => (
                    <span>
                      <strong>{name(p)}</strong>:{' '}
                      {Object.entries(e.strategies[p] ?? {})
                        .map(([m, pr]) => (probabilityText(pr) === '1' ? label(m) : `${probabilityText(pr)} ${label(m)}`))
                        .join(', ')}{' '}
                      (u {e.payoffs[p]!.toFixed(3)}).{' '}
                    </span>
                  )}
                </For>
                <span class="muted small">regret {e.regret.toFixed(3)}</span>
              </li>
            )}
          </For>
        </ol>
      </Show>
      <button type="button" data-testid="export-nfg" onClick={() => props.onExport()}>
        Export the round game (.nfg)
      </button>
    </section>
  );
}
