/** Pieces the room's three screens share: names, the QR code, the countdown, the world table, who has moved, the reveal. */
import { For, Show, createSignal, onCleanup } from 'solid-js';
import { encode } from 'uqr';
import { HOLD, postureWord } from '../../../models/domain/legality';
import { formatNatural } from '../../../models/domain/space';
import type { Scenario } from '../../../models/domain/types';
import type { Projection } from '../../../server/protocol';
import type { RoomConnection } from '../../state/room';
import { clockText } from '../../ui/clock';
import { shortName } from '../../../models/domain/names';

export function phaseName(p: string): string {
  return { brief: 'Briefing', moves: 'Secret moves', offers: 'Reveal and offers', debrief: 'Debrief', ended: 'Ended' }[p] ?? p;
}

export function names(s: Scenario) {
  const actor = (id: string) => shortName(s, id);
  const move = (id: string) => (id === HOLD ? 'Hold' : (s.moves.find((m) => m.id === id)?.label ?? id));
  return { actor, move };
}

/** A QR code drawn as SVG rectangles (uqr encodes it; no markup is parsed). */
export function QrCode(props: { text: string; size?: number; label: string }) {
  const qr = () => encode(props.text, { ecc: 'M', border: 2 });
  const path = () => {
    const d: string[] = [];
    qr().data.forEach((row, y) =>
      row.forEach((on, x) => {
        if (on) d.push(`M${x} ${y}h1v1h-1z`);
      }),
    );
    return d.join('');
  };
  return (
    <svg
      class="qr"
      role="img"
      aria-label={props.label}
      viewBox={`0 0 ${qr().size} ${qr().size}`}
      width={props.size ?? 220}
      height={props.size ?? 220}
      shape-rendering="crispEdges"
    >
      <rect width="100%" height="100%" fill="#fff" />
      <path d={path()} fill="#000" />
    </svg>
  );
}

/** The round's countdown in the server's clock: `endsAt − serverNow`, counted down from when the state arrived. */
export function Countdown(props: { room: RoomConnection; big?: boolean }) {
  const [now, setNow] = createSignal(performance.now());
  const h = setInterval(() => setNow(performance.now()), 500);
  onCleanup(() => clearInterval(h));
  const left = (): number | null => {
    const s = props.room.state();
    if (!s?.timer.seconds) return null;
    if (s.timer.pausedRemainingMs !== null) return s.timer.pausedRemainingMs;
    if (s.timer.endsAt === null) return null;
    // The tick may be older than the state (it runs every 500 ms), so the time since the state never counts below zero.
    return Math.max(0, s.timer.endsAt - s.serverNow - Math.max(0, now() - props.room.stateAt()));
  };
  const text = () => {
    const ms = left();
    if (ms === null) return '';
    const sec = Math.ceil(ms / 1000);
    return sec === 0 ? 'Time is up' : clockText(sec);
  };
  return (
    <Show when={left() !== null}>
      <span class="timer" classList={{ expired: left() === 0, big: !!props.big }} role="timer" data-testid="room-timer">
        {text()}
        <Show when={props.room.state()?.timer.pausedRemainingMs !== null}> (paused)</Show>
      </span>
    </Show>
  );
}

export function WorldTable(props: { scenario: Scenario; world: readonly number[] }) {
  return (
    <table class="world" aria-label="World state">
      <tbody>
        <For each={props.scenario.dimensions}>
          {(d, i) => (
            <tr>
              <th scope="row">{d.label}</th>
              <td class="num">{formatNatural(d, props.world[i()] ?? 0)}</td>
            </tr>
          )}
        </For>
      </tbody>
    </table>
  );
}

/** Every actor, whether it has committed (not what) in the moves phase; from the reveal on, its move. */
export function MovesBoard(props: { scenario: Scenario; state: Projection; showMoves: boolean }) {
  const n = () => names(props.scenario);
  return (
    <ul class="moves-board" data-testid="moves-board">
      <For each={props.scenario.actors}>
        {(a) => {
          const done = () => props.state.hasCommitted[a.id] ?? false;
          const c = () => props.state.committed[a.id];
          return (
            <li data-actor={a.id} classList={{ done: done() }}>
              <strong>{a.short}</strong>{' '}
              <Show when={props.showMoves && c()} fallback={<span class="status">{done() ? '✓ moved' : '… thinking'}</span>}>
                <span class="move" data-move={c()!.move}>
                  {n().move(c()!.move)}
                </span>
              </Show>
              <span class="muted small"> {postureWord(props.state.postures[a.id] ?? 'engaged')}</span>
            </li>
          );
        }}
      </For>
    </ul>
  );
}

export function ConnectionBadge(props: { room: RoomConnection }) {
  return (
    <span class="conn" classList={{ on: props.room.connected() }} data-testid="connection" aria-live="polite">
      {props.room.connected() ? 'connected' : props.room.closed() ? 'closed' : 'reconnecting…'}
    </span>
  );
}

export function ErrorLine(props: { room: RoomConnection }) {
  return (
    <Show when={props.room.error()}>
      {(e) => (
        <p class="room-error" role="alert">
          {e().message}{' '}
          <button type="button" class="dismiss" aria-label="Dismiss" onClick={() => props.room.clearError()}>
            ×
          </button>
        </p>
      )}
    </Show>
  );
}
