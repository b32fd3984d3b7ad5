/**
 * Compare: the scenario under two sets of variants (a baseline and a variant such as
 * "Klaipeda reopens"), side by side — world state, utilities and acceptability, the common core,
 * and both coalition graphs — with every difference highlighted.
 */
import { For, Show, createMemo, type JSX } from 'solid-js';
import { useWorkspace } from '../../state/context';
import { applyVariants, dimensionIndex, formatNatural, initialState, isAcceptable, utility, type Scenario } from '../../../models/domain/index';

export interface Side {
  ids: string[];
  scenario?: Scenario;
  problem?: string;
}

/** A side's name in words: "As encoded", or its variants' and readings' labels joined by " + " (the scenario holds the labels). */
export function sideLabel(side: Pick<Side, 'ids'>, scenario: Scenario | undefined): string {
  if (!side.ids.length) return 'As encoded';
  return side.ids.map((id) => scenario?.variants.find((v) => v.id === id)?.label ?? id).join(' + ');
}

function useSides() {
  const w = useWorkspace();
  const side = (ids: () => string[]) =>
    createMemo<Side>(() => {
      const s = w.scenario();
      if (!s) return { ids: ids(), problem: 'The scenario has problems; fix them in Edit.' };
      const r = applyVariants(s, ids());
      return r.ok ? { ids: ids(), scenario: r.value.scenario } : { ids: ids(), problem: r.problem };
    });
  return { left: side(() => [...w.ws.compare.left]), right: side(() => [...w.ws.compare.right]) };
}

function VariantPicker(props: { side: 'left' | 'right'; label: string }) {
  const w = useWorkspace();
  const variants = () => w.scenario()?.variants ?? [];
  const chosen = () => w.ws.compare[props.side];
  return (
    <fieldset class="variant-picker">
      <legend>{props.label}</legend>
      <Show when={variants().length} fallback={<p class="muted">This scenario has no variants.</p>}>
        <For each={variants()}>
          {(v) => (
            <label class="check" title={v.description}>
              <input
                type="checkbox"
                checked={chosen().includes(v.id)}
                data-variant={`${props.side}:${v.id}`}
                onChange={(e) =>
                  w.setWs('compare', props.side, (ids) => (e.currentTarget.checked ? [...ids.filter((x) => x !== v.id), v.id] : ids.filter((x) => x !== v.id)))
                }
              />{' '}
              {v.label} <span class="muted small">({v.kind})</span>
            </label>
          )}
        </For>
      </Show>
    </fieldset>
  );
}

const fmt = (x: number) => x.toFixed(3);

export function CompareView(props: { extra?: (sides: { left: Side; right: Side }) => JSX.Element }) {
  const { left, right } = useSides();
  const rows = createMemo(() => {
    const a = left().scenario;
    const b = right().scenario;
    if (!a || !b) return undefined;
    const xa = initialState(a);
    const xb = initialState(b);
    const dims = a.dimensions.map((d, i) => ({ d, a: xa[i]!, b: xb[i]!, differs: Math.abs(xa[i]! - xb[i]!) > 1e-9 }));
    const ia = dimensionIndex(a);
    const ib = dimensionIndex(b);
    const actors = a.actors.map((act, k) => {
      const bAct = b.actors[k]!;
      const ua = utility(act, ia, xa);
      const ub = utility(bAct, ib, xb);
      const oka = isAcceptable(act, ia, xa);
      const okb = isAcceptable(bAct, ib, xb);
      return { act, ua, ub, oka, okb, differs: Math.abs(ua - ub) > 1e-9 || oka !== okb };
    });
    return { dims, actors };
  });
  const w = useWorkspace();
  const label = (s: Side) => sideLabel(s, w.scenario());

  return (
    <div class="compare-view">
      <div class="grid2">
        <VariantPicker side="left" label="Left: baseline" />
        <VariantPicker side="right" label="Right: variant" />
      </div>
      <Show when={left().problem ?? right().problem}>
        {(p) => (
          <p role="alert" class="no">
            {p()}
          </p>
        )}
      </Show>
      <Show when={rows()}>
        {(r) => (
          <>
            <section class="card">
              <h2>World state</h2>
              <table data-testid="compare-state">
                <thead>
                  <tr>
                    <th scope="col">Dimension</th>
                    <th scope="col" class="num">
                      {label(left())}
                    </th>
                    <th scope="col" class="num">
                      {label(right())}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  <For each={r().dims}>
                    {(x) => (
                      <tr classList={{ diff: x.differs }} data-differs={x.differs ? 'yes' : 'no'}>
                        <th scope="row">{x.d.label}</th>
                        <td class="num">{formatNatural(x.d, x.a)}</td>
                        <td class="num">{formatNatural(x.d, x.b)}</td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </section>
            <section class="card">
              <h2>Utilities at the status quo</h2>
              <table data-testid="compare-utilities">
                <thead>
                  <tr>
                    <th scope="col">Actor</th>
                    <th scope="col" class="num">
                      {label(left())}
                    </th>
                    <th scope="col" class="num">
                      {label(right())}
                    </th>
                    <th scope="col" class="num">
                      Change
                    </th>
                  </tr>
                </thead>
                <tbody>
                  <For each={r().actors}>
                    {(x) => (
                      <tr classList={{ diff: x.differs }}>
                        <th scope="row">{x.act.name}</th>
                        <td class="num">
                          {fmt(x.ua)} <span class={x.oka ? 'yes' : 'no'}>{x.oka ? 'acceptable' : 'unacceptable'}</span>
                        </td>
                        <td class="num">
                          {fmt(x.ub)} <span class={x.okb ? 'yes' : 'no'}>{x.okb ? 'acceptable' : 'unacceptable'}</span>
                        </td>
                        <td class="num">
                          {x.ub - x.ua >= 0 ? '+' : '−'}
                          {fmt(Math.abs(x.ub - x.ua))}
                        </td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </section>
            {props.extra?.({ left: left(), right: right() })}
          </>
        )}
      </Show>
    </div>
  );
}
