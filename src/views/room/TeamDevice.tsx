/**
 * A team's own device (phone first): claim a seat, then the actor's briefing, its legal moves
 * with what each does to the team's own utility, the secret commit, the offers to and from the
 * team, the deals it owes, and private messages to the other teams. The seat's token stays in
 * localStorage under the join code, so a reload or a phone back from sleep rejoins its seat.
 */
import { For, Show, createMemo, createSignal, onCleanup } from 'solid-js';
import { checkMove, HOLD, postureWord } from '../../../models/domain/legality';
import { applyMoves } from '../../../models/domain/moves';
import { dimensionIndex } from '../../../models/domain/space';
import type { Scenario } from '../../../models/domain/types';
import { utility } from '../../../models/domain/utility';
import type { Projection } from '../../../server/protocol';
import { connectRoom, deviceSecret, type RoomConnection } from '../../state/room';
import { ConnectionBadge, Countdown, ErrorLine, MovesBoard, WorldTable, names, phaseName } from './common';

export function TeamDevice(props: { code: string }) {
  const room = connectRoom(props.code, { role: 'team' });
  onCleanup(() => room.dispose());
  const [hadToken] = createSignal(!!deviceSecret(props.code));
  return (
    <div class="room team-device" data-testid="team-device">
      <header class="room-head">
        <span class="code">Room {props.code}</span>
        <Show when={room.seat()}>{(s) => <strong data-testid="my-team">{s().team}</strong>}</Show>
        <ConnectionBadge room={room} />
      </header>
      <ErrorLine room={room} />
      <Show when={room.closed()}>
        {(c) => (
          <p class="card closed" role="status" data-testid="room-closed">
            {c().message}
          </p>
        )}
      </Show>
      <Show when={!room.closed()}>
        <Show
          when={room.seat()}
          fallback={
            <Show when={!hadToken() || room.error()} fallback={<p class="muted">Joining your seat…</p>}>
              <Claim room={room} />
            </Show>
          }
        >
          {(seat) => (
            <Show
              when={seat().status === 'active' && room.run() && room.state()}
              fallback={
                <p class="card" data-testid="pending">
                  Waiting for the teacher to admit this device to <strong>{seat().team}</strong>…
                </p>
              }
            >
              <Playing room={room} scenario={room.run()!.scenario} />
            </Show>
          )}
        </Show>
      </Show>
    </div>
  );
}

/** A new device: which team it plays for. The room's teams are not public before joining, so the team name is typed. */
function Claim(props: { room: RoomConnection }) {
  const [team, setTeam] = createSignal('');
  const [name, setName] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  return (
    <form
      class="card claim"
      onSubmit={async (e) => {
        e.preventDefault();
        if (!team().trim()) return;
        setBusy(true);
        await props.room.claim(team().trim(), name().trim() || undefined);
        setBusy(false);
      }}
    >
      <h2>Join your team</h2>
      <label>
        Team name (as the teacher gave it)
        <input type="text" data-testid="claim-team" value={team()} onInput={(e) => setTeam(e.currentTarget.value)} autocomplete="off" />
      </label>
      <label>
        Your name (optional)
        <input type="text" value={name()} maxLength={40} onInput={(e) => setName(e.currentTarget.value)} />
      </label>
      <button type="submit" class="primary big" disabled={busy() || !props.room.connected()} data-testid="claim-seat">
        Join
      </button>
    </form>
  );
}

function Playing(props: { room: RoomConnection; scenario: Scenario }) {
  const s = () => props.scenario;
  const st = () => props.room.state()!;
  const n = createMemo(() => names(s()));
  const dims = createMemo(() => dimensionIndex(s()));
  const mine = () => st().actors;
  const myUtility = (actor: string, world: readonly number[]) => {
    const a = s().actors.find((x) => x.id === actor);
    return a ? utility(a, dims(), world) : 0;
  };
  return (
    <>
      <section class="card phase-card">
        <h2>
          Round {Math.min(st().round, st().roundLimit)} of {st().roundLimit}: <span data-testid="phase">{phaseName(st().phase)}</span>
        </h2>
        <Countdown room={props.room} />
      </section>
      <For each={mine()}>
        {(actor) => {
          const a = () => s().actors.find((x) => x.id === actor)!;
          return (
            <section class="card" data-testid={`actor-${actor}`}>
              <h2>{a().name}</h2>
              <p class="muted small">{a().description}</p>
              <p>
                Posture: <strong>{postureWord(st().postures[actor] ?? 'engaged')}</strong> · Your utility now:{' '}
                <strong data-testid="my-utility">{myUtility(actor, st().world).toFixed(3)}</strong>
              </p>
              <Show when={st().phase === 'moves'}>
                <MovePicker room={props.room} scenario={s()} actor={actor} several={mine().length > 1} />
              </Show>
              <Show when={st().phase !== 'moves' && st().committed[actor]}>
                {(c) => (
                  <p>
                    Your move this round: <strong>{n().move(c().move)}</strong>
                  </p>
                )}
              </Show>
            </section>
          );
        }}
      </For>
      <Dues scenario={s()} state={st()} />
      <Show when={st().phase === 'offers' || st().phase === 'debrief'}>
        <section class="card">
          <h2>The moves</h2>
          <MovesBoard scenario={s()} state={st()} showMoves />
        </section>
      </Show>
      <Show when={st().phase === 'offers'}>
        <TeamOffers room={props.room} scenario={s()} />
      </Show>
      <Show when={st().phase === 'debrief'}>
        <LastRound room={props.room} scenario={s()} />
      </Show>
      <Messages room={props.room} />
      <details class="card">
        <summary>The world now</summary>
        <WorldTable scenario={s()} world={st().world} />
      </details>
    </>
  );
}

function MovePicker(props: { room: RoomConnection; scenario: Scenario; actor: string; several: boolean }) {
  const st = () => props.room.state()!;
  const dims = dimensionIndex(props.scenario);
  const a = props.scenario.actors.find((x) => x.id === props.actor)!;
  const [choice, setChoice] = createSignal(HOLD);
  const [busy, setBusy] = createSignal(false);
  const committed = () => st().committed[props.actor];
  const options = () => [
    { id: HOLD, label: 'Hold', detail: 'do nothing this round' },
    ...props.scenario.moves.filter((m) => m.actor === props.actor).map((m) => ({ id: m.id, label: m.label, detail: '' })),
  ];
  const legality = (id: string) => checkMove(props.scenario, dims, st().world, st().holdings, st().postures[props.actor] ?? 'engaged', props.actor, id);
  /** What the move alone (the others holding) does to this actor's utility. */
  const delta = (id: string) => {
    if (id === HOLD) return 0;
    const m = props.scenario.moves.find((x) => x.id === id);
    if (!m) return 0;
    return utility(a, dims, applyMoves(dims, st().world, [m])) - utility(a, dims, st().world);
  };
  return (
    <Show
      when={!committed()}
      fallback={
        <p class="committed" data-testid="committed">
          Committed secretly: <strong>{names(props.scenario).move(committed()!.move)}</strong>. Waiting for the others…
        </p>
      }
    >
      <form
        class="move-picker"
        data-testid="move-picker"
        onSubmit={async (e) => {
          e.preventDefault();
          setBusy(true);
          await props.room.send('team:commit', { move: choice(), ...(props.several ? { actor: props.actor } : {}) });
          setBusy(false);
        }}
      >
        <fieldset>
          <legend>Your move (secret until every move is in). The number is the change to your utility if the others hold.</legend>
          <For each={options()}>
            {(o) => {
              const l = () => legality(o.id);
              const d = () => delta(o.id);
              return (
                <label class="move-option" classList={{ illegal: !l().ok }} data-move={o.id}>
                  <input
                    type="radio"
                    name={`move-${props.actor}`}
                    value={o.id}
                    disabled={!l().ok}
                    checked={choice() === o.id}
                    onChange={() => setChoice(o.id)}
                  />
                  <span class="label">{o.label}</span>
                  <span class="delta" classList={{ up: d() > 1e-9, down: d() < -1e-9 }}>
                    {d() > 1e-9 ? '+' : d() < -1e-9 ? '−' : '±'}
                    {Math.abs(d()).toFixed(3)}
                  </span>
                  <Show when={!l().ok}>
                    <span class="why-not small">{(l() as { reason: string }).reason}</span>
                  </Show>
                </label>
              );
            }}
          </For>
        </fieldset>
        <button type="submit" class="primary big" disabled={busy()} data-testid="commit-move">
          Commit secretly
        </button>
      </form>
    </Show>
  );
}

function Dues(props: { scenario: Scenario; state: Projection }) {
  const n = () => names(props.scenario);
  const mine = (d: { parties: readonly string[] }) => d.parties.some((p) => props.state.actors.includes(p));
  const due = () => props.state.due.filter(mine);
  const made = () => props.state.deals.filter(mine);
  return (
    <Show when={due().length || made().length}>
      <section class="card deals" data-testid="deals">
        <h2>Deals</h2>
        <For each={due()}>
          {(d) => (
            <p>
              Due this round:{' '}
              {Object.entries(d.promises)
                .map(([actor, move]) => `${n().actor(actor)} plays ${n().move(move)}`)
                .join('; ')}
            </p>
          )}
        </For>
        <For each={made()}>
          {(d) => (
            <p>
              Agreed, due next round:{' '}
              {Object.entries(d.promises)
                .map(([actor, move]) => `${n().actor(actor)} plays ${n().move(move)}`)
                .join('; ')}
            </p>
          )}
        </For>
      </section>
    </Show>
  );
}

function TeamOffers(props: { room: RoomConnection; scenario: Scenario }) {
  const st = () => props.room.state()!;
  const n = () => names(props.scenario);
  const mine = () => st().actors;
  const others = () => props.scenario.actors.filter((a) => !mine().includes(a.id));
  const movesOf = (id: string) => props.scenario.moves.filter((m) => m.actor === id);
  const [from, setFrom] = createSignal(mine()[0] ?? '');
  const [to, setTo] = createSignal(others()[0]?.id ?? '');
  const [give, setGive] = createSignal('');
  const [get, setGet] = createSignal('');
  const [counterOf, setCounterOf] = createSignal<string | null>(null);
  const lastRound = () => st().round >= st().roundLimit;
  const relevant = () => st().offers.filter((o) => mine().includes(o.from) || mine().includes(o.to));
  const submit = async (e: Event) => {
    e.preventDefault();
    const g = give() || movesOf(from())[0]?.id;
    const t = get() || movesOf(to())[0]?.id;
    if (!g || !t) return;
    const c = counterOf();
    const a = c
      ? await props.room.send('team:counter', { offerId: c, give: g, get: t })
      : await props.room.send('team:offer', { from: from(), to: to(), give: g, get: t });
    if (a.ok) setCounterOf(null);
  };
  return (
    <section class="card offers" data-testid="team-offers">
      <h2>Offers</h2>
      <Show when={!lastRound()} fallback={<p>The last round: no offers.</p>}>
        <form class="offer-form" onSubmit={submit} aria-label={counterOf() ? 'Counter-offer' : 'New offer'}>
          <p class="muted small">“I play this next round if you play that.”</p>
          <Show when={mine().length > 1 && !counterOf()}>
            <label>
              As
              <select value={from()} onChange={(e) => setFrom(e.currentTarget.value)}>
                <For each={mine()}>{(a) => <option value={a}>{n().actor(a)}</option>}</For>
              </select>
            </label>
          </Show>
          <label>
            To
            <select
              data-testid="offer-to"
              value={to()}
              disabled={!!counterOf()}
              onChange={(e) => {
                setTo(e.currentTarget.value);
                setGet('');
              }}
            >
              <For each={others()}>{(a) => <option value={a.id}>{a.short}</option>}</For>
            </select>
          </label>
          <label>
            I play
            <select data-testid="offer-give" value={give()} onChange={(e) => setGive(e.currentTarget.value)}>
              <For each={movesOf(from())}>{(m) => <option value={m.id}>{m.label}</option>}</For>
            </select>
          </label>
          <label>
            if they play
            <select data-testid="offer-get" value={get()} onChange={(e) => setGet(e.currentTarget.value)}>
              <For each={movesOf(to())}>{(m) => <option value={m.id}>{m.label}</option>}</For>
            </select>
          </label>
          <div class="row">
            <button type="submit" class="primary" data-testid="send-offer">
              {counterOf() ? 'Send the counter-offer' : 'Send the offer'}
            </button>
            <Show when={counterOf()}>
              <button type="button" onClick={() => setCounterOf(null)}>
                Cancel
              </button>
            </Show>
          </div>
        </form>
      </Show>
      <ul class="offer-list" data-testid="offer-list">
        <For each={relevant()} fallback={<li class="muted">No offers to or from you yet.</li>}>
          {(o) => (
            <li data-offer={o.id} data-status={o.status}>
              <strong>{n().actor(o.from)}</strong> plays {n().move(o.give)} if <strong>{n().actor(o.to)}</strong> plays {n().move(o.get)} —{' '}
              <span class="status">{o.status}</span>
              <Show when={o.status === 'open' && mine().includes(o.to)}>
                <span class="row">
                  <button
                    type="button"
                    class="primary"
                    data-testid="accept-offer"
                    onClick={() => void props.room.send('team:answer', { offerId: o.id, answer: 'accept' })}
                  >
                    Accept
                  </button>
                  <button type="button" onClick={() => void props.room.send('team:answer', { offerId: o.id, answer: 'reject' })}>
                    Reject
                  </button>
                  <button
                    type="button"
                    onClick={() => {
                      setCounterOf(o.id);
                      setFrom(o.to);
                      setTo(o.from);
                      setGive('');
                      setGet('');
                    }}
                  >
                    Counter
                  </button>
                </span>
              </Show>
            </li>
          )}
        </For>
      </ul>
    </section>
  );
}

function LastRound(props: { room: RoomConnection; scenario: Scenario }) {
  const rec = () => {
    const h = props.room.history()?.rounds ?? [];
    return h[h.length - 1];
  };
  const n = () => names(props.scenario);
  return (
    <Show when={rec()}>
      {(r) => (
        <section class="card" data-testid="last-round">
          <h2>Round {r().round}: how you did</h2>
          <For each={props.room.state()!.actors}>
            {(a) => {
              const x = () => r().actors[a];
              return (
                <Show when={x()}>
                  <p>
                    {n().actor(a)}: {x()!.before.toFixed(3)} → <strong>{x()!.after.toFixed(3)}</strong> ({x()!.after >= x()!.before ? '+' : '−'}
                    {Math.abs(x()!.after - x()!.before).toFixed(3)})
                  </p>
                </Show>
              );
            }}
          </For>
          <Show when={r().dealsDue.length}>
            <For each={r().dealsDue}>
              {(d) => <p>{d.brokenBy.length ? `Deal broken by ${d.brokenBy.map(n().actor).join(', ')}` : 'Deal kept by both sides'}</p>}
            </For>
          </Show>
        </section>
      )}
    </Show>
  );
}

/** Private messages between teams: the two teams and the teacher see them, the projector never. */
export function Messages(props: { room: RoomConnection }) {
  const st = () => props.room.state()!;
  const others = () => st().teams.filter((t) => t.team !== st().team);
  const [to, setTo] = createSignal('');
  const [text, setText] = createSignal('');
  const target = () => to() || others()[0]?.team || '';
  return (
    <section class="card messages" data-testid="messages">
      <h2>Private messages</h2>
      <ul class="message-list">
        <For each={st().messages} fallback={<li class="muted">No messages yet.</li>}>
          {(m) => (
            <li classList={{ mine: m.from === st().team }} data-message={m.id}>
              <span class="small muted">
                {m.from} → {m.to}
              </span>
              <p class="text">{m.text}</p>
            </li>
          )}
        </For>
      </ul>
      <Show when={st().role === 'team' && others().length}>
        <form
          class="message-form"
          onSubmit={async (e) => {
            e.preventDefault();
            if (!text().trim()) return;
            const a = await props.room.send('team:message', { to: target(), text: text() });
            if (a.ok) setText('');
          }}
        >
          <label>
            To
            <select data-testid="message-to" value={target()} onChange={(e) => setTo(e.currentTarget.value)}>
              <For each={others()}>{(t) => <option value={t.team}>{t.team}</option>}</For>
            </select>
          </label>
          <textarea aria-label="Message" data-testid="message-text" rows={2} maxLength={1000} value={text()} onInput={(e) => setText(e.currentTarget.value)} />
          <button type="submit" data-testid="send-message">
            Send
          </button>
        </form>
      </Show>
    </section>
  );
}
