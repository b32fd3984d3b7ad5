/**
 * The class screen (1920×1080, large type): the round and its phase, the timer, who has moved
 * (never what) while the moves are secret, the moves from the reveal on, the deals, the
 * coalition graph round by round (ProjectorGraph.tsx) and the join code. It joins with the projector key from the link's #fragment and sees no messages.
 */
import { For, Show, onCleanup } from 'solid-js';
import { connectRoom } from '../../state/room';
import { ConnectionBadge, Countdown, MovesBoard, QrCode, names, phaseName } from './common';
import { ProjectorGraph } from './ProjectorGraph';
import { injectWords } from '../../../models/domain/round';
import { joinUrl } from './TeacherConsole';

export function Projector(props: { code: string; projectorKey: string }) {
  const room = connectRoom(props.code, { role: 'projector', key: props.projectorKey });
  onCleanup(() => room.dispose());
  const st = () => room.state();
  const run = () => room.run();
  return (
    <div class="room projector" data-testid="projector">
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
          <ProjectorGraph scenario={run()!.scenario} rounds={room.history()?.rounds ?? []} height={470} />
        </div>
      </Show>
      <footer class="projector-foot">
        <ConnectionBadge room={room} />
      </footer>
    </div>
  );
}
