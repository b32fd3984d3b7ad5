/**
 * The class screen (large type, scaled with the screen so that a 1280×800 projector up to a
 * 1920×1080 screen shows it all unscrolled, the coalition graph taking the height left): the round and its phase, the timer, who has moved
 * (never what) while the moves are secret, the moves from the reveal on, the deals, the
 * coalition graph round by round (ProjectorGraph.tsx) and the join code. It joins with the projector key from the link's #fragment and sees no messages.
 */
import { For, Show, createEffect, createSignal, on, onCleanup } from 'solid-js';
import { connectRoom } from '../../state/room';
import { ConnectionBadge, Countdown, MovesBoard, QrCode, names, phaseName } from './common';
import { ProjectorGraph } from './ProjectorGraph';
import { injectWords } from '../../../models/domain/round';
import { joinUrl } from './TeacherConsole';

/** The graph's canvas on the class screen: at least this high (a smaller screen scrolls then), at most this. */
const GRAPH_MIN_PX = 240;
const GRAPH_MAX_PX = 760;

export function Projector(props: { code: string; projectorKey: string }) {
  const room = connectRoom(props.code, { role: 'projector', key: props.projectorKey });
  onCleanup(() => room.dispose());
  const st = () => room.state();
  const run = () => room.run();
  // Nobody scrolls a projected screen: the graph takes the height left under it, within limits.
  const [graphHeight, setGraphHeight] = createSignal(470);
  let screen: HTMLDivElement | undefined;
  let graphBox: HTMLDivElement | undefined;
  const fitGraph = () => {
    // Not before the graph is drawn (until then the box holds a line saying it is coming).
    if (!graphBox?.querySelector('.cg-canvas') || !screen) return;
    // Down to the screen's own bottom padding, and a pixel to spare for rounding.
    const spare = window.innerHeight - (Number.parseFloat(getComputedStyle(screen).paddingBottom) || 0) - 1 - graphBox.getBoundingClientRect().bottom;
    const next = Math.round(Math.min(GRAPH_MAX_PX, Math.max(GRAPH_MIN_PX, graphHeight() + spare)));
    if (Math.abs(next - graphHeight()) > 2) setGraphHeight(next);
  };
  let frame = 0;
  const later = () => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(fitGraph);
  };
  // Sizes that move the graph's bottom: the graph's own (it appears once the analysis answers,
  // its legend unfolds), the whole screen's (the header and the board change with the phase),
  // and the window's; each element is watched from when it is put in.
  const ro = typeof ResizeObserver === 'function' ? new ResizeObserver(later) : undefined;
  const watch = (el: HTMLDivElement) => ro?.observe(el);
  createEffect(on([() => st()?.phase, () => st()?.round, () => st()?.deals.length, () => st()?.injects.length], later, { defer: true }));
  window.addEventListener('resize', later);
  onCleanup(() => {
    cancelAnimationFrame(frame);
    ro?.disconnect();
    window.removeEventListener('resize', later);
  });
  return (
    <div
      ref={(el) => {
        screen = el;
        watch(el);
      }}
      class="room projector"
      data-testid="projector"
    >
      <Show when={room.closed()}>
        {(c) => (
          <p class="closed" data-testid="room-closed">
            {c().message}
          </p>
        )}
      </Show>
      <Show when={room.error() && !st()}>
        <p class="room-error">{room.error()!.message}</p>
      </Show>
      <Show when={st() && run()}>
        <header class="projector-head">
          <div>
            <h1>{run()!.title}</h1>
            <p class="projector-phase">
              Round {Math.min(st()!.round, st()!.roundLimit)} of {st()!.roundLimit} · <strong data-testid="phase">{phaseName(st()!.phase)}</strong>
            </p>
          </div>
          <Countdown room={room} big />
          <div class="projector-join">
            <QrCode text={joinUrl(props.code)} label={`QR code to join room ${props.code}`} size={150} />
            <span class="join-code">
              {props.code.slice(0, 4)}-{props.code.slice(4)}
            </span>
          </div>
        </header>
        <Show when={st()!.phase === 'moves'}>
          <p class="projector-note" data-testid="moved-count">
            {Object.values(st()!.hasCommitted).filter(Boolean).length} of {run()!.scenario.actors.length} have moved
          </p>
        </Show>
        <div class="projector-body">
          <div class="projector-board">
            <MovesBoard scenario={run()!.scenario} state={st()!} showMoves={st()!.phase !== 'moves'} />
            <Show when={st()!.deals.length || st()!.due.length}>
              <section class="projector-deals">
                <h2>Deals</h2>
                <For each={[...st()!.due, ...st()!.deals]}>
                  {(d) => (
                    <p>
                      {d.round < st()!.round ? 'Due now' : 'Agreed'}:{' '}
                      {Object.entries(d.promises)
                        .map(([a, m]) => `${names(run()!.scenario).actor(a)} plays ${names(run()!.scenario).move(m)}`)
                        .join(' · ')}
                    </p>
                  )}
                </For>
              </section>
            </Show>
            <Show when={st()!.injects.length}>
              <p class="projector-note">Events: {st()!.injects.map(injectWords).join(' · ')}</p>
            </Show>
          </div>
          <div
            ref={(el) => {
              graphBox = el;
              watch(el);
            }}
            class="projector-graph-box"
          >
            <ProjectorGraph scenario={run()!.scenario} rounds={room.history()?.rounds ?? []} height={graphHeight()} />
          </div>
        </div>
      </Show>
      <footer class="projector-foot">
        <ConnectionBadge room={room} />
      </footer>
    </div>
  );
}
