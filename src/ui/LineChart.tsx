/**
 * A small SVG line chart with no dependencies: series over rounds, axes with labels, a legend
 * whose entries toggle series, and a read-out of every series at one round on hover or with
 * the arrow keys (the chart is focusable). A data table sits in a <details> for screen readers
 * and for copying. All text goes through Solid's text bindings.
 *
 * Used for "utilities over rounds" and "world-state dimensions over rounds" (series from
 * models/graph/series.ts; dimension series format their values in natural units).
 */
import { createMemo, createSignal, createUniqueId, For, Show } from 'solid-js';
import type { ChartSeries } from '../../models/graph/series';

export interface LineChartProps {
  title: string;
  series: readonly ChartSeries[];
  /** One label per round (the x axis). */
  xLabels: readonly string[];
  xTitle?: string;
  yTitle?: string;
  /** Default: [min(0, data), max(1, data)]. */
  yDomain?: readonly [number, number];
  /** Format for series without their own (default: two decimals). */
  format?: (v: number) => string;
  /** Highlight this round (e.g. the graph's current frame). */
  selected?: number;
  largeText?: boolean;
}

const W = 760;

function niceTicks(lo: number, hi: number, n = 5): number[] {
  const span = hi - lo || 1;
  const raw = span / n;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step - 1e-9) * step; v <= hi + 1e-9; v += step) out.push(+v.toFixed(10));
  return out;
}

export function LineChart(props: LineChartProps) {
  const uid = createUniqueId();
  const [hidden, setHidden] = createSignal<ReadonlySet<string>>(new Set());
  const [focus, setFocus] = createSignal<number | undefined>();

  const large = () => !!props.largeText;
  const font = () => (large() ? 19 : 13);
  const H = () => (large() ? 400 : 320);
  const m = () => ({ l: large() ? 64 : 52, r: 18, t: 14, b: large() ? 62 : 50 });
  const n = () => props.xLabels.length;
  const visible = createMemo(() => props.series.filter((s) => !hidden().has(s.id)));

  const domain = createMemo<[number, number]>(() => {
    if (props.yDomain) return [props.yDomain[0], props.yDomain[1]];
    let lo = 0;
    let hi = 1;
    for (const s of props.series) for (const v of s.values) if (v !== null && Number.isFinite(v)) (lo = Math.min(lo, v)), (hi = Math.max(hi, v));
    return [lo, hi];
  });
  const x = (i: number) => {
    const { l, r } = m();
    return n() <= 1 ? (l + W - r) / 2 : l + (i * (W - l - r)) / (n() - 1);
  };
  const y = (v: number) => {
    const [lo, hi] = domain();
    const { t, b } = m();
    return t + (1 - (v - lo) / (hi - lo || 1)) * (H() - t - b);
  };
  const fmt = (s: ChartSeries, v: number | null | undefined) =>
    v === null || v === undefined || !Number.isFinite(v) ? '—' : (s.format ?? props.format ?? ((u: number) => u.toFixed(2)))(v);
  const path = (s: ChartSeries) => {
    let d = '';
    let pen = false;
    s.values.forEach((v, i) => {
      if (v === null || !Number.isFinite(v)) return void (pen = false);
      d += `${pen ? 'L' : 'M'}${x(i).toFixed(1)},${y(v).toFixed(1)}`;
      pen = true;
    });
    return d;
  };
  const readout = createMemo(() => {
    const i = focus();
    if (i === undefined) return [];
    return visible()
      .map((s) => ({ s, v: s.values[i] ?? null }))
      .sort((a, b) => (b.v ?? -Infinity) - (a.v ?? -Infinity));
  });
  const tickEvery = () => Math.max(1, Math.ceil(n() / (large() ? 6 : 10)));

  function onKey(e: KeyboardEvent) {
    const last = n() - 1;
    if (last < 0) return;
    const i = focus() ?? props.selected ?? 0;
    if (e.key === 'ArrowRight') setFocus(Math.min(i + 1, last));
    else if (e.key === 'ArrowLeft') setFocus(Math.max(i - 1, 0));
    else if (e.key === 'Home') setFocus(0);
    else if (e.key === 'End') setFocus(last);
    else if (e.key === 'Escape') setFocus(undefined);
    else return;
    e.preventDefault();
  }
  function onMove(e: MouseEvent) {
    const svg = e.currentTarget as SVGSVGElement;
    const rect = svg.getBoundingClientRect();
    const px = ((e.clientX - rect.left) / rect.width) * W;
    let best = 0;
    for (let i = 1; i < n(); i++) if (Math.abs(x(i) - px) < Math.abs(x(best) - px)) best = i;
    if (n() > 0) setFocus(best);
  }
  const toggle = (id: string) =>
    setHidden((h) => {
      const next = new Set(h);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <figure class="line-chart" style={{ margin: '0 0 1em', 'font-size': large() ? '1.15em' : '1em' }}>
      <figcaption id={`${uid}-t`} style={{ 'font-weight': 600, margin: '0 0 0.3em' }}>
        {props.title}
      </figcaption>
      <div style={{ position: 'relative' }}>
        <svg
          viewBox={`0 0 ${W} ${H()}`}
          width="100%"
          role="img"
          aria-labelledby={`${uid}-t ${uid}-d`}
          tabindex="0"
          onKeyDown={onKey}
          onMouseMove={onMove}
          onMouseLeave={() => setFocus(undefined)}
          onBlur={() => setFocus(undefined)}
          style={{
            display: 'block',
            'max-width': '100%',
            background: '#fff',
            border: '1px solid var(--line, #d5dae1)',
            'border-radius': '6px',
            'font-family': 'inherit',
          }}
        >
          <title>{props.title}</title>
          <desc id={`${uid}-d`}>
            {`${props.series.length} series over ${n()} rounds. Focus the chart and use the left and right arrow keys to read the values at each round; the data table follows the chart.`}
          </desc>
          {/* y grid and ticks */}
          <For each={niceTicks(domain()[0], domain()[1])}>
            {(v) => (
              <g>
                <line x1={m().l} x2={W - m().r} y1={y(v)} y2={y(v)} stroke={v === 0 ? '#888' : '#e3e6ea'} stroke-width={1} />
                <text x={m().l - 8} y={y(v) + font() * 0.35} text-anchor="end" font-size={String(font())} fill="#444">
                  {+v.toFixed(3)}
                </text>
              </g>
            )}
          </For>
          {/* x ticks */}
          <For each={props.xLabels}>
            {(label, i) => (
              <Show when={i() % tickEvery() === 0 || i() === n() - 1}>
                <text
                  x={x(i())}
                  y={H() - m().b + font() + 6}
                  text-anchor={n() > 1 && i() === 0 ? 'start' : n() > 1 && i() === n() - 1 ? 'end' : 'middle'}
                  font-size={String(font())}
                  fill="#444"
                >
                  {label}
                </text>
              </Show>
            )}
          </For>
          <Show when={props.xTitle}>
            <text x={(m().l + W - m().r) / 2} y={H() - 8} text-anchor="middle" font-size={String(font())} fill="#222" font-weight="600">
              {props.xTitle}
            </text>
          </Show>
          <Show when={props.yTitle}>
            <text
              transform={`translate(${font() + 2},${(m().t + H() - m().b) / 2}) rotate(-90)`}
              text-anchor="middle"
              font-size={String(font())}
              fill="#222"
              font-weight="600"
            >
              {props.yTitle}
            </text>
          </Show>
          <Show when={props.selected !== undefined && props.selected! >= 0 && props.selected! < n()}>
            <rect x={x(props.selected!) - 10} y={m().t} width={20} height={H() - m().t - m().b} fill="#ff9f1c" opacity={0.15} />
          </Show>
          {/* series */}
          <For each={visible()}>
            {(s) => (
              <g>
                <path d={path(s)} fill="none" stroke={s.colour} stroke-width={large() ? 4 : 2.5} stroke-linejoin="round" stroke-linecap="round" />
                <For each={s.values}>
                  {(v, i) => (
                    <Show when={v !== null && Number.isFinite(v)}>
                      <circle
                        cx={x(i())}
                        cy={y(v!)}
                        r={focus() === i() ? (large() ? 7 : 5.5) : large() ? 4.5 : 3.2}
                        fill={s.colour}
                        stroke="#fff"
                        stroke-width={1.5}
                      >
                        <title>{`${s.label}, ${props.xLabels[i()] ?? ''}: ${fmt(s, v)}`}</title>
                      </circle>
                    </Show>
                  )}
                </For>
              </g>
            )}
          </For>
          <Show when={focus() !== undefined}>
            <line x1={x(focus()!)} x2={x(focus()!)} y1={m().t} y2={H() - m().b} stroke="#222" stroke-dasharray="4 3" stroke-width={1.2} />
          </Show>
        </svg>
        <Show when={focus() !== undefined}>
          <div
            role="status"
            style={{
              position: 'absolute',
              top: '0.4em',
              [x(focus()!) > W / 2 ? 'left' : 'right']: '0.5em',
              background: 'rgba(255,255,255,0.96)',
              border: '1px solid #999',
              'border-radius': '6px',
              padding: '0.35em 0.6em',
              'font-size': '0.88em',
              'pointer-events': 'none',
              'max-width': '60%',
              'box-shadow': '0 2px 6px rgba(0,0,0,0.15)',
            }}
          >
            <div style={{ 'font-weight': 600 }}>{props.xLabels[focus()!] ?? ''}</div>
            <For each={readout()}>
              {(r) => (
                <div style={{ display: 'flex', gap: '0.5em', 'align-items': 'center' }}>
                  <span
                    aria-hidden="true"
                    style={{ width: '0.8em', height: '0.8em', background: r.s.colour, display: 'inline-block', 'border-radius': '2px', flex: 'none' }}
                  />
                  <span style={{ flex: 1 }}>{r.s.label}</span>
                  <span style={{ 'font-variant-numeric': 'tabular-nums', 'white-space': 'nowrap' }}>{fmt(r.s, r.v)}</span>
                </div>
              )}
            </For>
          </div>
        </Show>
      </div>
      <ul
        aria-label={`${props.title}: series (press to show or hide)`}
        style={{ display: 'flex', 'flex-wrap': 'wrap', gap: '0.3em 0.5em', 'list-style': 'none', padding: 0, margin: '0.4em 0 0' }}
      >
        <For each={props.series}>
          {(s) => (
            <li>
              <button
                type="button"
                aria-pressed={!hidden().has(s.id)}
                onClick={() => toggle(s.id)}
                style={{ display: 'inline-flex', 'align-items': 'center', gap: '0.4em', opacity: hidden().has(s.id) ? 0.5 : 1, padding: '0.15em 0.55em' }}
              >
                <span aria-hidden="true" style={{ width: '1.4em', height: '0.3em', background: s.colour, display: 'inline-block', 'border-radius': '2px' }} />
                {s.label}
              </button>
            </li>
          )}
        </For>
      </ul>
      <details style={{ 'margin-top': '0.4em' }}>
        <summary style={{ cursor: 'pointer' }}>Data table</summary>
        <div style={{ overflow: 'auto' }}>
          <table>
            <caption class="visually-hidden">{props.title}</caption>
            <thead>
              <tr>
                <th scope="col">{props.xTitle ?? 'Round'}</th>
                <For each={props.series}>{(s) => <th scope="col">{s.label}</th>}</For>
              </tr>
            </thead>
            <tbody>
              <For each={props.xLabels}>
                {(label, i) => (
                  <tr>
                    <th scope="row">{label}</th>
                    <For each={props.series}>{(s) => <td class="num">{fmt(s, s.values[i()])}</td>}</For>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}

export default LineChart;
