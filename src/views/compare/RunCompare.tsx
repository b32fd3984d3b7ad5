/**
 * Two runs side by side: the current class run (or a run file) against another run file —
 * where the world ended up, each actor's utility round by round, and the moves played, with
 * the differences highlighted.
 */
import { For, Show, createSignal } from 'solid-js';
import { formatNatural } from '../../../models/domain/space';
import { HOLD } from '../../../models/domain/legality';
import type { Session } from '../../../models/machines/index';
import { readFileText } from '../../app/files';
import { notify } from '../../state/notices';
import { loadRun, play } from '../../state/play';

export function RunCompare() {
  const p = play();
  const [left, setLeft] = createSignal<Session | undefined>();
  const [right, setRight] = createSignal<Session | undefined>();
  const leftRun = () => left() ?? p.session();
  const load = async (f: File, set: (s: Session) => void) => {
    const r = await readFileText(f);
    if (!r.ok) return notify('error', r.message);
    let json: unknown;
    try {
      json = JSON.parse(r.text);
    } catch (e) {
      return notify('error', `${f.name} is not valid JSON.`, [(e as Error).message]);
    }
    const s = loadRun(json);
    if (!s.ok) return notify('error', `${f.name} is not a valid run.`, [s.problem]);
    set(s.session);
  };
  const picker = (label: string, set: (s: Session) => void, testid: string) => (
    <label>
      {label}{' '}
      <input type="file" accept=".json,application/json" data-testid={testid} onChange={(e) => {
        const f = e.currentTarget.files?.[0];
        e.currentTarget.value = '';
        if (f) void load(f, set);
      }} />
    </label>
  );
  return (
    <section class="card" aria-labelledby="cmp-runs">
      <h2 id="cmp-runs">Two runs</h2>
      <div class="row">
        {picker('Left run (default: the current class run)', setLeft, 'compare-run-left')}
        {picker('Right run', setRight, 'compare-run-right')}
      </div>
      <Show when={leftRun() && right()} fallback={<p class="muted">Load a run file (exported from Play) to compare it with the current run.</p>}>
        {(() => {
          const a = leftRun()!;
          const b = right()!;
          const ha = a.snapshot.context.history;
          const hb = b.snapshot.context.history;
          const rounds = Math.max(ha.length, hb.length);
          const s = a.scenario;
          const label = (sc: typeof s, id: string | undefined) => (id === undefined ? '—' : id === HOLD ? 'Hold' : (sc.moves.find((m) => m.id === id)?.label ?? id));
          return (
            <>
              <h3>Where the world ended up</h3>
              <table data-testid="compare-runs-world">
                <thead>
                  <tr><th scope="col">Dimension</th><th scope="col" class="num">{a.run.title}</th><th scope="col" class="num">{b.run.title}</th></tr>
                </thead>
                <tbody>
                  <For each={s.dimensions}>
                    {(d, i) => {
                      const x = a.snapshot.context.world[i()]!;
                      const y = b.snapshot.context.world[b.scenario.dimensions.findIndex((e) => e.id === d.id)] ?? NaN;
                      return (
                        <tr classList={{ diff: Math.abs(x - y) > 1e-9 }}>
                          <th scope="row">{d.label}</th>
                          <td class="num">{formatNatural(d, x)}</td>
                          <td class="num">{Number.isFinite(y) ? formatNatural(d, y) : '—'}</td>
                        </tr>
                      );
                    }}
                  </For>
                </tbody>
              </table>
              <h3>Round by round</h3>
              <table data-testid="compare-runs-rounds">
                <thead>
                  <tr><th scope="col">Round</th><th scope="col">Actor</th><th scope="col">Left: move, utility</th><th scope="col">Right: move, utility</th></tr>
                </thead>
                <tbody>
                  <For each={Array.from({ length: rounds }, (_, k) => k)}>
                    {(k) => (
                      <For each={s.actors}>
                        {(act) => {
                          const x = ha[k]?.actors[act.id];
                          const y = hb[k]?.actors[act.id];
                          return (
                            <tr classList={{ diff: x?.move !== y?.move || Math.abs((x?.after ?? 0) - (y?.after ?? 0)) > 1e-9 }}>
                              <td>{k + 1}</td>
                              <th scope="row">{act.short}</th>
                              <td>{label(s, x?.move)} {x ? x.after.toFixed(3) : ''}</td>
                              <td>{label(b.scenario, y?.move)} {y ? y.after.toFixed(3) : ''}</td>
                            </tr>
                          );
                        }}
                      </For>
                    )}
                  </For>
                </tbody>
              </table>
            </>
          );
        })()}
      </Show>
    </section>
  );
}
