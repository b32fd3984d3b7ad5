/**
 * The recent workspaces: every workspace replaced in this browser, newest first, each with what
 * it holds and why it was kept. Opening one keeps the current workspace in the list in its turn.
 * An entry that does not check out is listed with its problems and cannot be opened.
 */
import { For, Match, Show, Switch, createResource } from 'solid-js';
import type { RecentItem } from '../../state/recent';
import './recent.css';

const when = (iso: string) => {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
};

export function RecentList(props: {
  load: () => Promise<{ ok: true; items: RecentItem[] } | { ok: false; message: string }>;
  cap: number;
  disabled: boolean;
  onOpen: (item: Extract<RecentItem, { ok: true }>) => void;
  onClose: () => void;
}) {
  const [list] = createResource(() => props.load());
  return (
    <section class="recent card" aria-labelledby="recent-title" data-testid="recent">
      <div class="recent-head">
        <h2 id="recent-title">Recent workspaces</h2>
        <button type="button" onClick={() => props.onClose()}>
          Close
        </button>
      </div>
      <p class="muted small">Each workspace replaced in this browser is kept here, the {props.cap} most recent of them.</p>
      <Switch>
        <Match when={list.loading}>
          <p>Reading the list…</p>
        </Match>
        <Match when={list()?.ok === false && list()}>{(l) => <p role="alert">{(l() as { message: string }).message}</p>}</Match>
        <Match when={list()?.ok === true && (list() as { items: RecentItem[] }).items}>
          {(items) => (
            <Show when={items().length} fallback={<p class="muted">Nothing has been replaced yet.</p>}>
              <ul class="recent-list">
                <For each={items()}>
                  {(item) => (
                    <li data-testid="recent-item">
                      <strong>{item.title}</strong>
                      <span class="muted small"> — kept {when(item.keptAt)}</span>
                      <Show when={item.reason}>
                        <span class="muted small">, {item.reason}</span>
                      </Show>
                      <Show
                        when={item.ok && item}
                        fallback={
                          <div class="recent-bad">
                            <p>This kept workspace could not be read back, so it cannot be opened:</p>
                            <ul>
                              <For each={(item as { problems: string[] }).problems.slice(0, 5)}>{(p) => <li>{p}</li>}</For>
                            </ul>
                          </div>
                        }
                      >
                        {(ok) => (
                          <div class="recent-row">
                            <span>Holds {ok().holds}.</span>
                            <button
                              type="button"
                              disabled={props.disabled}
                              onClick={() => props.onOpen(ok())}
                              aria-label={`Open “${item.title}”, kept ${when(item.keptAt)}`}
                            >
                              Open
                            </button>
                          </div>
                        )}
                      </Show>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          )}
        </Match>
      </Switch>
    </section>
  );
}
