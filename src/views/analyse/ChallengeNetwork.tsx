/**
 * The spatial model's challenge network, one turn at a time: the actors on a circle, an arrow from
 * each challenger to the actor it challenged, drawn solid and thick where the challenge's bargain
 * was adopted (the target gave way, or the challenger took its side of it) and dashed where
 * neither did. A turn slider (and the arrow keys on it) steps through the turns; choosing an actor
 * (click, or Tab then Enter) shows why it moved — or did not — in that turn.
 *
 * Everything drawn is also written out below the picture: each challenge with the challenger's
 * estimate of its chance and its expected gain, and what each actor adopted.
 */
import { createMemo, createSignal, For, Show } from 'solid-js';
import { SERIES_PALETTE } from '../../../models/graph/series';
import type { SpatialReport, SpatialTurnNetwork } from '../../../models/analysis/spatial/index';
import type { Scenario } from '../../../models/domain/types';

const SIZE = 360;
const R_LAYOUT = 130;
const R_NODE = 17;

interface Placed {
  readonly id: string;
  readonly label: string;
  readonly colour: string;
  readonly x: number;
  readonly y: number;
}

/** Where the arrow from a to b starts and ends: on the rims of the two nodes, bent a little so a pair's two arrows do not overlap. */
function arrowPath(a: Placed, b: Placed): string {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len = Math.hypot(dx, dy) || 1;
  const ux = dx / len;
  const uy = dy / len;
  const sx = a.x + ux * R_NODE;
  const sy = a.y + uy * R_NODE;
  const ex = b.x - ux * (R_NODE + 4);
  const ey = b.y - uy * (R_NODE + 4);
  // Bend to the left of the direction of travel, so i→j and j→i are two distinct curves.
  const mx = (sx + ex) / 2 - uy * 18;
  const my = (sy + ey) / 2 + ux * 18;
  return `M ${sx.toFixed(1)} ${sy.toFixed(1)} Q ${mx.toFixed(1)} ${my.toFixed(1)} ${ex.toFixed(1)} ${ey.toFixed(1)}`;
}

export function ChallengeNetwork(props: { scenario: Scenario; report: SpatialReport }) {
  const turns = () => props.report.network.length;
  const [turnIndex, setTurnIndex] = createSignal(0);
  const [chosen, setChosen] = createSignal<string | undefined>();
  const t = () => Math.min(turnIndex(), Math.max(0, turns() - 1));
  const net = createMemo<SpatialTurnNetwork | undefined>(() => props.report.network[t()]);
  const name = (id: string) => {
    const a = props.scenario.actors.find((x) => x.id === id);
    return a?.short || a?.name || id;
  };
  const placed = createMemo<Placed[]>(() => {
    const ids = props.report.actors.map((a) => a.actor);
    const n = ids.length;
    return ids.map((id, i) => {
      const angle = -Math.PI / 2 + (2 * Math.PI * i) / Math.max(1, n);
      const actor = props.scenario.actors.find((x) => x.id === id);
      return {
        id,
        label: name(id),
        colour: actor?.colour ?? SERIES_PALETTE[i % SERIES_PALETTE.length]!,
        x: SIZE / 2 + R_LAYOUT * Math.cos(angle),
        y: SIZE / 2 + R_LAYOUT * Math.sin(angle),
      };
    });
  });
  const at = (id: string) => placed().find((p) => p.id === id);
  const adoptedCount = () => net()?.challenges.filter((c) => c.targetGaveWay || c.initiatorAdopted).length ?? 0;
  const summary = () => {
    const n = net();
    if (!n) return 'No turn ran.';
    return `Turn ${n.turn}: ${n.challenges.length} challenge${n.challenges.length === 1 ? '' : 's'}, ${adoptedCount()} of them adopted.`;
  };
  const why = (id: string) => {
    const n = net();
    if (!n) return '';
    const a = n.adopted.find((x) => x.actor === id);
    const made = n.challenges.find((c) => c.from === id);
    const received = n.challenges.filter((c) => c.to === id);
    const parts: string[] = [];
    parts.push(
      made
        ? `${name(id)} challenged ${name(made.to)} (chance ${made.probability.toFixed(3)}, expected gain ${made.expectedUtility.toFixed(4)}).`
        : `${name(id)} made no challenge.`,
    );
    parts.push(received.length ? `It was challenged by ${received.map((c) => name(c.from)).join(', ')}.` : 'Nobody challenged it.');
    if (a) {
      if (a.kind === 'status quo')
        parts.push(
          `It kept its position: the status quo won the vote over its ${a.options} option${a.options === 1 ? '' : 's'} (probability ${a.support.toFixed(3)}).`,
        );
      else if (a.kind === 'own challenge')
        parts.push(
          `It moved by its own challenge's bargain with ${name(a.counterpart!)}, which won the vote over its ${a.options} options (probability ${a.support.toFixed(3)}).`,
        );
      else parts.push(`It gave way to ${name(a.counterpart!)}: that bargain won the vote over its ${a.options} options (probability ${a.support.toFixed(3)}).`);
    }
    return parts.join(' ');
  };
  return (
    <section class="challenge-network" aria-labelledby="challenge-network-title" data-testid="challenge-network">
      <h3 id="challenge-network-title">Who challenged whom, turn by turn</h3>
      <Show when={turns() > 0} fallback={<p class="small muted">The model ran no turn, so nobody challenged anybody.</p>}>
        <div class="small">
          <label>
            Turn{' '}
            <input
              type="range"
              min={1}
              max={turns()}
              step={1}
              value={t() + 1}
              aria-label="Turn of the challenge network"
              aria-valuetext={`Turn ${t() + 1} of ${turns()}`}
              data-testid="challenge-turn"
              onInput={(e) => setTurnIndex(Number(e.currentTarget.value) - 1)}
            />{' '}
            <output data-testid="challenge-turn-label">
              {t() + 1} of {turns()}
            </output>
          </label>{' '}
          <button type="button" disabled={t() === 0} onClick={() => setTurnIndex(Math.max(0, t() - 1))}>
            Previous turn
          </button>{' '}
          <button type="button" disabled={t() >= turns() - 1} onClick={() => setTurnIndex(Math.min(turns() - 1, t() + 1))}>
            Next turn
          </button>
        </div>
        <p class="small" aria-live="polite" data-testid="challenge-summary">
          {summary()}
        </p>
        <svg
          viewBox={`0 0 ${SIZE} ${SIZE}`}
          width={SIZE}
          height={SIZE}
          role="group"
          aria-label={`Challenge network. ${summary()} Each actor is a button; the challenges are listed below.`}
          data-testid="challenge-svg"
        >
          <defs>
            <marker id="cn-arrow-adopted" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
              <path d="M 0 0 L 10 5 L 0 10 z" fill="#b3261e" />
            </marker>
            <marker id="cn-arrow" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse">
              <path d="M 0 0 L 10 5 L 0 10 z" fill="#777777" />
            </marker>
          </defs>
          <For each={net()?.challenges ?? []}>
            {(c) => {
              const a = at(c.from);
              const b = at(c.to);
              const adopted = c.targetGaveWay || c.initiatorAdopted;
              const involved = () => !chosen() || chosen() === c.from || chosen() === c.to;
              return (
                <Show when={a && b}>
                  <path
                    d={arrowPath(a!, b!)}
                    fill="none"
                    stroke={adopted ? '#b3261e' : '#777777'}
                    stroke-width={adopted ? 3 : 1.5}
                    stroke-dasharray={adopted ? undefined : '5 4'}
                    opacity={involved() ? 1 : 0.15}
                    marker-end={adopted ? 'url(#cn-arrow-adopted)' : 'url(#cn-arrow)'}
                    data-from={c.from}
                    data-to={c.to}
                    data-adopted={adopted ? 'true' : 'false'}
                  >
                    <title>{c.text}</title>
                  </path>
                </Show>
              );
            }}
          </For>
          <For each={placed()}>
            {(p) => {
              const moved = () => net()?.adopted.find((x) => x.actor === p.id)?.kind !== 'status quo';
              const pick = () => setChosen(chosen() === p.id ? undefined : p.id);
              return (
                <g
                  role="button"
                  tabindex="0"
                  aria-pressed={chosen() === p.id}
                  aria-label={`${p.label}: ${moved() ? 'moved' : 'kept its position'} in turn ${t() + 1}`}
                  data-actor={p.id}
                  onClick={pick}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter' || e.key === ' ') {
                      e.preventDefault();
                      pick();
                    }
                  }}
                >
                  <circle
                    cx={p.x}
                    cy={p.y}
                    r={R_NODE}
                    fill={p.colour}
                    stroke={chosen() === p.id ? '#000000' : '#ffffff'}
                    stroke-width={chosen() === p.id ? 3 : 2}
                  />
                  <text x={p.x} y={p.y + R_NODE + 13} text-anchor="middle" font-size="12" fill="currentColor">
                    {p.label}
                    {moved() ? ' •' : ''}
                  </text>
                </g>
              );
            }}
          </For>
        </svg>
        <p class="small muted">
          Solid red arrow: the challenge's bargain was adopted (the target gave way, or the challenger took its side). Dashed grey: neither adopted it. A dot
          after a name: the actor moved this turn.
        </p>
        <Show when={chosen()}>
          {(id) => (
            <p class="small" data-testid="challenge-why" aria-live="polite">
              <strong>
                Why did {name(id())} move in turn {t() + 1}?
              </strong>{' '}
              {why(id())}
            </p>
          )}
        </Show>
        <details>
          <summary>The challenges of turn {t() + 1} in words</summary>
          <ul class="small" data-testid="challenge-list">
            <For each={net()?.challenges ?? []}>
              {(c) => (
                <li data-from={c.from} data-to={c.to}>
                  {c.text}
                </li>
              )}
            </For>
          </ul>
        </details>
      </Show>
    </section>
  );
}
