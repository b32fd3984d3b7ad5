/**
 * The teacher's console of a room: the join code large with its QR code (for the projector),
 * the projector's link, the seats and devices (admit, move to another team, remove), the round
 * (open, close, end offers, next round, undo), the scenario's injects, the timer, the export of
 * the run (the same run file as the single-screen app) and the end of the room. Every run event
 * carries the `rev` the console saw, so a double click is one event.
 */
import { For, Show, createMemo, createSignal, onCleanup } from 'solid-js';
import type { Inject } from '../../../models/machines/index';
import { download } from '../../app/files';
import { connectRoom, teacherSecret, type RoomConnection } from '../../state/room';
import { Messages } from './TeamDevice';
import { ConnectionBadge, Countdown, ErrorLine, MovesBoard, QrCode, WorldTable, names, phaseName } from './common';

export function joinUrl(code: string): string {
  return `${location.origin}${location.pathname}#room/${code}`;
}
export function projectorUrl(code: string, key: string): string {
  return `${location.origin}${location.pathname}#projector/${code}/${encodeURIComponent(key)}`;
}

export function teacherUrl(code: string, key: string): string {
  return `${location.origin}${location.pathname}#teach/${code}/${encodeURIComponent(key)}`;
}

/**
 * The console needs the teacher's key: kept in this browser by the one that opened the room, or
 * brought to another device by the teacher's link (`#teach/CODE/KEY`) or pasted. A key from a
 * link leaves the address bar at once (the screen may be projected); once the server accepts
 * it, this browser keeps it like the one that opened the room.
 */
export function TeacherConsole(props: { code: string; teacherKey?: string }) {
  const [key, setKey] = createSignal(props.teacherKey || teacherSecret(props.code)?.teacherKey || '');
  if (props.teacherKey) history.replaceState(history.state, '', `${location.pathname}${location.search}#teach/${props.code}`);
  return (
    <Show when={key()} keyed fallback={<KeyForm code={props.code} onKey={setKey} />}>
      {(k) => <Console code={props.code} teacherKey={k} onKey={setKey} />}
    </Show>
  );
}

function KeyForm(props: { code: string; onKey: (key: string) => void; problem?: string }) {
  const [value, setValue] = createSignal('');
  return (
    <form
      class="room card teacher-key-form"
      data-testid="teacher-key-form"
      onSubmit={(e) => {
        e.preventDefault();
        // A key copied out of the teacher's link is accepted too.
        const v = value().trim();
        const fromLink = /#teach\/[^/]*\/([^/\s]+)$/.exec(v)?.[1];
        const k = fromLink ? decodeURIComponent(fromLink) : v;
        if (k) props.onKey(k);
      }}
    >
      <h2>Room {props.code}: the teacher's console</h2>
      <Show when={props.problem}>
        <p class="room-error" role="alert">
          {props.problem}
        </p>
      </Show>
      <p>
        This browser does not hold the teacher's key of this room. Paste the key (or the teacher's link) shown under “Open this console on another device” in
        the console that opened the room.
      </p>
      <label>
        Teacher key{' '}
        <input
          type="text"
          data-testid="teacher-key-input"
          autocomplete="off"
          spellcheck={false}
          value={value()}
          onInput={(e) => setValue(e.currentTarget.value)}
        />
      </label>{' '}
      <button type="submit" class="primary" data-testid="teacher-key-submit">
        Open the console
      </button>
    </form>
  );
}

function Console(props: { code: string; teacherKey: string; onKey: (key: string) => void }) {
  const room = connectRoom(props.code, { role: 'teacher', key: props.teacherKey });
  onCleanup(() => room.dispose());
  const st = () => room.state();
  const run = () => room.run();
  const wrongKey = () => room.error()?.code === 'forbidden' && !st();
  return (
    <Show when={!wrongKey()} fallback={<KeyForm code={props.code} problem={`${room.error()!.message}: check the key and try again.`} onKey={props.onKey} />}>
      <div class="room teacher-console" data-testid="teacher-console">
        <header class="room-head">
          <h1>Coreplay room</h1>
          <Show when={run()}>{(r) => <span>{r().title}</span>}</Show>
          <ConnectionBadge room={room} />
          <a href="./" class="small">
            Back to the app
          </a>
        </header>
        <ErrorLine room={room} />
        <Show when={room.closed()}>
          {(c) => (
            <p class="card closed" role="status" data-testid="room-closed">
              {c().message}
            </p>
          )}
        </Show>
        <div class="console-grid">
          <section class="card join-card">
            <p class="muted">Teams join at {location.host} with the code</p>
            <p class="join-code" data-testid="join-code">
              {props.code.slice(0, 4)}-{props.code.slice(4)}
            </p>
            <Show when={['localhost', '127.0.0.1', '[::1]'].includes(location.hostname)}>
              <p class="room-error small" data-testid="localhost-warning">
                Phones cannot reach “{location.hostname}”: start the server with <code>HOST=0.0.0.0 npm start</code> and open this console at the network
                address it prints, so that the code and the links point there.
              </p>
            </Show>
            <QrCode text={joinUrl(props.code)} label={`QR code of the link to join room ${props.code}`} size={240} />
            <p class="small">
              <a href={joinUrl(props.code)} target="_blank" rel="noopener" data-testid="join-link">
                {joinUrl(props.code)}
              </a>
            </p>
            <Show when={room.projectorKey()} fallback={<p class="small muted">The projector's link is in the console of the browser that opened this room.</p>}>
              {(pk) => (
                <p class="small">
                  Projector:{' '}
                  <a href={projectorUrl(props.code, pk())} target="_blank" rel="noopener" data-testid="projector-link">
                    open the projector view
                  </a>{' '}
                  (the link holds the projector's key; the key is <code data-testid="projector-key">{pk()}</code>)
                </p>
              )}
            </Show>
            <details class="small" data-testid="teacher-elsewhere">
              <summary>Open this console on another device</summary>
              <p>
                This link holds the teacher's key: whoever has it runs the room. Open it on the other device, or paste the key there at{' '}
                <code>#teach/{props.code}</code>.
              </p>
              <p>
                <a href={teacherUrl(props.code, props.teacherKey)} data-testid="teacher-link">
                  the teacher's link
                </a>{' '}
                · key <code data-testid="teacher-key">{props.teacherKey}</code>
              </p>
            </details>
          </section>
          <Show when={st() && run()}>
            <RunControls room={room} />
          </Show>
        </div>
      </div>
    </Show>
  );
}

function RunControls(props: { room: RoomConnection }) {
  const room = props.room;
  const st = () => room.state()!;
  const s = () => room.run()!.scenario;
  const n = createMemo(() => names(s()));
  const [busy, setBusy] = createSignal(false);
  const runEvent = async (event: object) => {
    setBusy(true);
    await room.send('teacher:run', { event, rev: st().rev });
    setBusy(false);
  };
  const inject = (i: Inject) =>
    void runEvent({
      type: 'INJECT',
      inject: { id: i.id, label: i.label, ...(i.effects ? { effects: i.effects } : {}), ...(i.postures ? { postures: i.postures } : {}) },
    });
  const [minutes, setMinutes] = createSignal(Math.round((room.run()!.timerSeconds / 60) * 10) / 10);
  const exportRun = async () => {
    const a = await room.send('teacher:export', {});
    if (!a.ok) return;
    download(`coreplay-room-${room.code}-run.json`, a.runFile, 'application/json');
    download(`coreplay-room-${room.code}-messages.json`, a.messagesFile, 'application/json');
  };
  const end = async () => {
    if (!confirm('End the room for everyone? The run file and the messages are downloaded.')) return;
    const a = await room.send('teacher:end', {});
    if (!a.ok) return;
    download(`coreplay-room-${room.code}-run.json`, a.runFile, 'application/json');
    download(`coreplay-room-${room.code}-messages.json`, a.messagesFile, 'application/json');
  };
  return (
    <>
      <section class="card round-card">
        <h2>
          Round {Math.min(st().round, st().roundLimit)} of {st().roundLimit}: <span data-testid="phase">{phaseName(st().phase)}</span> <Countdown room={room} />
        </h2>
        <div class="row">
          <Show when={st().phase === 'brief'}>
            <button type="button" class="primary big" disabled={busy()} data-testid="start-round" onClick={() => void runEvent({ type: 'START_ROUND' })}>
              Open round {st().round}
            </button>
          </Show>
          <Show when={st().phase === 'moves'}>
            <button type="button" class="primary big" disabled={busy()} data-testid="close-round" onClick={() => void runEvent({ type: 'CLOSE_ROUND' })}>
              Close the round (the rest hold)
            </button>
          </Show>
          <Show when={st().phase === 'offers'}>
            <button type="button" class="primary big" disabled={busy()} data-testid="end-offers" onClick={() => void runEvent({ type: 'END_OFFERS' })}>
              End the offers
            </button>
          </Show>
          <Show when={st().phase === 'debrief'}>
            <button type="button" class="primary big" disabled={busy()} data-testid="next-round" onClick={() => void runEvent({ type: 'NEXT_ROUND' })}>
              {st().round >= st().roundLimit ? 'End the run' : 'Next round'}
            </button>
          </Show>
          <button
            type="button"
            disabled={busy() || (st().round <= 1 && st().phase === 'brief')}
            data-testid="undo-round"
            onClick={() => void runEvent({ type: 'UNDO_ROUND' })}
          >
            Undo the last round
          </button>
          <button type="button" disabled={busy() || !st().undoableInject} data-testid="undo-inject" onClick={() => void runEvent({ type: 'UNDO_INJECT' })}>
            {st().undoableInject ? `Undo the last inject (“${st().undoableInject}”)` : 'Undo the last inject'}
          </button>
        </div>
        <Show when={st().phase !== 'ended' && (s().injects ?? []).length}>
          <div class="row injects" role="group" aria-label="Inject an event">
            <span>Inject:</span>
            <For each={s().injects ?? []}>
              {(i) => (
                <button type="button" data-inject={i.id} disabled={busy()} onClick={() => inject(i)}>
                  {i.label}
                </button>
              )}
            </For>
          </div>
        </Show>
        <div class="row timer-controls">
          <span>Timer:</span>
          <Show
            when={st().timer.pausedRemainingMs !== null}
            fallback={
              <button
                type="button"
                data-testid="timer-pause"
                disabled={st().timer.endsAt === null}
                onClick={() => void room.send('teacher:timer', { action: 'pause' })}
              >
                Pause
              </button>
            }
          >
            <button type="button" data-testid="timer-resume" onClick={() => void room.send('teacher:timer', { action: 'resume' })}>
              Resume
            </button>
          </Show>
          <label>
            minutes per round{' '}
            <input
              type="number"
              min={0}
              max={60}
              step={0.5}
              style={{ width: '5em' }}
              value={minutes()}
              onInput={(e) => setMinutes(Number(e.currentTarget.value))}
            />
          </label>
          <button
            type="button"
            data-testid="timer-set"
            onClick={() => void room.send('teacher:timer', { action: 'set', seconds: Math.max(0, Math.min(3600, Math.round((minutes() || 0) * 60))) })}
          >
            Set
          </button>
        </div>
        <MovesBoard scenario={s()} state={st()} showMoves />
        <Show when={st().offers.length}>
          <h3>Offers this round</h3>
          <ul class="offer-list" data-testid="teacher-offers">
            <For each={st().offers}>
              {(o) => (
                <li data-offer={o.id}>
                  {n().actor(o.from)} plays {n().move(o.give)} if {n().actor(o.to)} plays {n().move(o.get)} — {o.status}
                </li>
              )}
            </For>
          </ul>
        </Show>
        <div class="row">
          <button type="button" data-testid="export-run" onClick={() => void exportRun()}>
            Export the run (JSON)
          </button>
          <button type="button" class="danger" data-testid="end-room" onClick={() => void end()}>
            End the room
          </button>
        </div>
      </section>
      <Seats room={room} />
      <Messages room={room} />
      <details class="card">
        <summary>The world now</summary>
        <WorldTable scenario={s()} world={st().world} />
      </details>
    </>
  );
}

function Seats(props: { room: RoomConnection }) {
  const st = () => props.room.state()!;
  const n = () => names(props.room.run()!.scenario);
  return (
    <section class="card seats" data-testid="seats">
      <h2>Seats</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">Team</th>
            <th scope="col">Plays</th>
            <th scope="col">Devices</th>
          </tr>
        </thead>
        <tbody>
          <For each={st().teams}>
            {(t) => (
              <tr data-team={t.team}>
                <th scope="row">{t.team}</th>
                <td>{t.actors.map(n().actor).join(', ')}</td>
                <td>
                  {t.connected} connected of {t.devices}
                </td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
      <h3>Devices</h3>
      <ul class="device-list">
        <For each={(st().devices ?? []).filter((d) => d.status !== 'kicked')} fallback={<li class="muted">No device has joined yet.</li>}>
          {(d) => (
            <li data-device={d.deviceId} data-status={d.status}>
              <span class="dot" classList={{ on: d.connected }} aria-hidden="true" />
              <span class="visually-hidden">{d.connected ? 'connected' : 'not connected'}</span>
              <strong>{d.name || d.deviceId}</strong> — {d.team} <span class="tag">{d.status}</span>{' '}
              <Show when={d.status === 'pending'}>
                <button type="button" class="primary" data-testid="admit" onClick={() => void props.room.send('teacher:admit', { deviceId: d.deviceId })}>
                  Admit
                </button>
              </Show>
              <select
                aria-label={`Move ${d.name || d.deviceId} to team`}
                value={d.team}
                onChange={(e) => void props.room.send('teacher:assign', { deviceId: d.deviceId, team: e.currentTarget.value })}
              >
                <For each={st().teams}>{(t) => <option value={t.team}>{t.team}</option>}</For>
              </select>{' '}
              <button type="button" onClick={() => void props.room.send('teacher:kick', { deviceId: d.deviceId })}>
                Remove
              </button>
            </li>
          )}
        </For>
      </ul>
    </section>
  );
}
