/**
 * The first screen: what Coreplay is, in a few plain sentences, and three ways to start. Shown on
 * a first visit (nothing saved yet) and from the header's "About" at any time. Starting from it
 * never drops work: opening another scenario goes through the app's own replace, which asks
 * first and keeps the current workspace under Recent workspaces. The analysis card glances at the
 * open scenario's common core. Its twin in index.html (firstScreenHtml.ts, the same words) is what
 * a first visit sees before the app's code is in.
 */
import { For, Show, createSignal } from 'solid-js';
import { DEFAULT_BUILTIN } from '../../../models/scenario/index';
import { useWorkspace } from '../../state/context';
import { freshnessWords, type LiveAnalysis } from '../../state/analysis';
import { FIRST_ANALYSIS_ELEMENT } from '../../state/firstScreen';
import type { Tab } from '../../state/workspace';
import { openGlossary } from '../../ui/Glossary';
import { FIRST_TEACHING_GAME, TEACHING_GAMES, WELCOME_WORDS as W, coreGlance } from './words';
import './welcome.css';
import { shortName } from '../../../models/domain/names';

export function Welcome(props: {
  /** Open a built-in scenario in place of the workspace; false when the person kept their workspace. */
  openBuiltin: (name: string) => Promise<boolean>;
  /** Go to a tab (the first screen closes). */
  go: (tab: Tab) => void;
  onClose: () => void;
  /** The live analysis: the glance at the open scenario's common core. */
  live: LiveAnalysis;
}) {
  const w = useWorkspace();
  const [game, setGame] = createSignal(FIRST_TEACHING_GAME);
  const start = async (name: string, tab: Tab) => {
    if (w.ws.source !== name && !(await props.openBuiltin(name))) return;
    props.go(tab);
  };
  const glance = () => {
    const a = props.live.core().answer;
    const reading = a?.value.status === 'ok' ? a.value.readings[0] : undefined;
    if (!a || !reading) return undefined;
    const name = (id: string) => shortName(a.scenario, id);
    return coreGlance(a.scenario.title, reading, name);
  };
  const fresh = () => freshnessWords(props.live.core(), props.live.problem());
  return (
    <section class="welcome" aria-labelledby="welcome-title" data-testid="welcome">
      <div class="welcome-head">
        <h2 id="welcome-title" tabIndex={-1}>
          {W.title}
        </h2>
        <button type="button" class="welcome-close" onClick={() => props.onClose()}>
          {W.close}
        </button>
      </div>
      <p class="welcome-lead">{W.lead}</p>
      <p>{W.about}</p>
      <ul class="welcome-starts">
        <li>
          <h3>{W.belarus.heading}</h3>
          <p>{W.belarus.text}</p>
          <button type="button" class="primary" data-start="belarus" onClick={() => void start(DEFAULT_BUILTIN, 'play')}>
            {W.belarus.button}
          </button>
        </li>
        <li>
          <h3>{W.teaching.heading}</h3>
          <p>{W.teaching.text}</p>
          <div class="welcome-pick">
            <label>
              <span class="visually-hidden">{W.teaching.label}</span>
              <select aria-label={W.teaching.label} value={game()} onChange={(e) => setGame(e.currentTarget.value)}>
                <For each={TEACHING_GAMES}>{(t) => <option value={t.value}>{t.title}</option>}</For>
              </select>
            </label>
            <button type="button" class="primary" data-start="teaching" onClick={() => void start(game(), 'play')}>
              {W.teaching.button}
            </button>
          </div>
        </li>
        <li>
          <h3>{W.analyse.heading}</h3>
          <p>{W.analyse.text}</p>
          <Show when={glance()}>
            {(g) => (
              <p class="welcome-glance" data-testid="welcome-glance" ref={(el) => el.setAttribute('elementtiming', FIRST_ANALYSIS_ELEMENT)}>
                <For each={g()}>{(x) => (x.strong ? <strong class={x.strong}>{x.text}</strong> : x.text)}</For>
                <Show when={fresh()}>{(f) => <span class="muted small"> ({f()})</span>}</Show>
              </p>
            )}
          </Show>
          <button type="button" class="primary" data-start="analyse" onClick={() => props.go('analyse')}>
            {W.analyse.button}
          </button>
        </li>
      </ul>
      <p class="welcome-foot">
        {W.footBefore}{' '}
        <button type="button" class="linkish" aria-haspopup="dialog" onClick={() => openGlossary()}>
          {W.footLink}
        </button>{' '}
        {W.footAfter}
      </p>
    </section>
  );
}
