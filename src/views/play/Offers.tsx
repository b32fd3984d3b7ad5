/**
 * Offers and answers, after the reveal: a form for an offer ("I play A next round if you play
 * B") or a counter-offer, the round's offers with accept / reject / counter for the teams they
 * are made to (bots answer by themselves), and the button that resolves the round. Offers are
 * made only for the actors teams play (the round machine refuses the others too). The focus
 * follows what changed: the new offer, the answered one, the counter-offer's form.
 */
import { For, Show, createSignal } from 'solid-js';
import type { Scenario } from '../../../models/domain/types';
import type { RoundContext } from '../../../models/machines/index';
import { useNotices, usePlay } from '../../state/context';

export function Offers(props: { scenario: Scenario; context: RoundContext }) {
  const p = usePlay();
  const { notify } = useNotices();
  const seats = () => p.session()!.run.seats;
  const actors = () => props.scenario.actors;
  const teamIds = () =>
    actors()
      .filter((a) => seats()[a.id]?.kind === 'team')
      .map((a) => a.id);
  const [from, setFrom] = createSignal(teamIds()[0] ?? '');
  // Another team first: its answer is then given on this screen.
  const [to, setTo] = createSignal(teamIds().find((a) => a !== from()) ?? actors().find((a) => a.id !== from())!.id);
  const movesOf = (id: string) => props.scenario.moves.filter((m) => m.actor === id);
  const [give, setGive] = createSignal('');
  const [get, setGet] = createSignal('');
  const [counterOf, setCounterOf] = createSignal<string | null>(null);
  const name = (id: string) => actors().find((a) => a.id === id)?.short ?? id;
  const label = (id: string) => props.scenario.moves.find((m) => m.id === id)?.label ?? id;
  const lastRound = () => props.context.round >= props.context.roundLimit;
  const nextId = () => `r${props.context.round}-o${props.context.offers.length + 1}`;
  let list: HTMLUListElement | undefined;
  let giveSelect: HTMLSelectElement | undefined;
  /** Move the focus to an offer of the list (after it was made or answered), once it is drawn. */
  const focusOffer = (id: string) =>
    queueMicrotask(() => [...(list?.querySelectorAll<HTMLElement>('[data-offer]') ?? [])].find((el) => el.dataset.offer === id)?.focus());
  const submit = (e: Event) => {
    e.preventDefault();
    const g = give() || movesOf(from())[0]?.id;
    const t = get() || movesOf(to())[0]?.id;
    if (!g || !t) return notify('error', 'Both sides of an offer need a move.');
    const offer = { id: nextId(), from: from(), to: to(), give: g, get: t };
    const ok = counterOf() ? p.dispatch({ type: 'COUNTER', offerId: counterOf()!, by: from(), offer }) : p.dispatch({ type: 'OFFER', offer });
    if (ok) {
      setCounterOf(null);
      focusOffer(offer.id);
    }
  };
  const answer = (id: string, by: string, a: 'accept' | 'reject') => {
    if (p.dispatch({ type: 'ANSWER', offerId: id, by, answer: a })) focusOffer(id);
  };
  return (
    <section class="card offers" aria-labelledby="offers-title">
      <h2 id="offers-title">Offers and answers</h2>
      <p class="muted">
        An offer says “I play this next round if you play that”. Accepted offers are deals that bind only the two sides; next round shows who kept them.
      </p>
      <Show when={!lastRound()} fallback={<p>This is the last round: no deal could fall due, so there are no offers.</p>}>
        <Show when={teamIds().length} fallback={<p>Bots play every actor: offers are made by teams, so there are none this run.</p>}>
          <form class="row offer-form" onSubmit={submit} aria-label={counterOf() ? 'Counter-offer' : 'New offer'}>
            <label>
              From{' '}
              <select
                aria-label="Offer from"
                value={from()}
                onChange={(e) => {
                  setFrom(e.currentTarget.value);
                  setGive('');
                }}
                disabled={!!counterOf()}
              >
                <For each={actors().filter((a) => teamIds().includes(a.id))}>{(a) => <option value={a.id}>{a.short}</option>}</For>
              </select>
            </label>
            <label>
              plays{' '}
              <select ref={giveSelect} value={give() || movesOf(from())[0]?.id} onChange={(e) => setGive(e.currentTarget.value)} aria-label="Move offered">
                <For each={movesOf(from())}>{(m) => <option value={m.id}>{m.label}</option>}</For>
              </select>
            </label>
            <label>
              if{' '}
              <select
                aria-label="Offer to"
                value={to()}
                onChange={(e) => {
                  setTo(e.currentTarget.value);
                  setGet('');
                }}
                disabled={!!counterOf()}
              >
                <For each={actors().filter((a) => a.id !== from())}>{(a) => <option value={a.id}>{a.short}</option>}</For>
              </select>
            </label>
            <label>
              plays{' '}
              <select value={get() || movesOf(to())[0]?.id} onChange={(e) => setGet(e.currentTarget.value)} aria-label="Move asked for">
                <For each={movesOf(to())}>{(m) => <option value={m.id}>{m.label}</option>}</For>
              </select>
            </label>
            <button type="submit" data-testid="make-offer">
              {counterOf() ? 'Send the counter-offer' : 'Make the offer'}
            </button>
            <Show when={counterOf()}>
              <button type="button" onClick={() => setCounterOf(null)}>
                Cancel
              </button>
            </Show>
          </form>
          <p class="muted small">An offer is made for an actor a team plays; bots only answer.</p>
        </Show>
      </Show>
      <ul class="offer-list" data-testid="offer-list" ref={list}>
        <For each={props.context.offers}>
          {(o) => (
            <li class={`offer ${o.status}`} data-offer={o.id} tabindex="-1">
              <strong>{name(o.from)}</strong> plays “{label(o.give)}” if <strong>{name(o.to)}</strong> plays “{label(o.get)}” — <em>{o.status}</em>
              <Show when={o.status === 'open' && seats()[o.to]?.kind === 'team'}>
                {' '}
                <button type="button" onClick={() => answer(o.id, o.to, 'accept')}>
                  {name(o.to)} accepts
                </button>{' '}
                <button type="button" onClick={() => answer(o.id, o.to, 'reject')}>
                  rejects
                </button>{' '}
                <button
                  type="button"
                  onClick={() => {
                    setCounterOf(o.id);
                    setFrom(o.to);
                    setTo(o.from);
                    setGive(o.get);
                    setGet(o.give);
                    queueMicrotask(() => giveSelect?.focus());
                  }}
                >
                  counters…
                </button>
              </Show>
            </li>
          )}
        </For>
      </ul>
      <button type="button" class="primary big" data-testid="resolve-round" onClick={() => p.dispatch({ type: 'END_OFFERS' })}>
        Resolve the round
      </button>
    </section>
  );
}
