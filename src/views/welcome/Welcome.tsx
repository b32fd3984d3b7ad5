/**
 * The first screen: what Coreplay is, in a few plain sentences, and three ways to start. Shown on
 * a first visit (nothing saved yet) and from the header's "About" at any time. Starting from it
 * never drops work: opening another scenario goes through the app's own replace, which asks
 * first and keeps the current workspace under Recent workspaces.
 */
import { For, createSignal } from 'solid-js';
import { BUILTINS, DEFAULT_BUILTIN } from '../../../models/scenario/index';
import { useWorkspace } from '../../state/context';
import type { Tab } from '../../state/workspace';
import { openGlossary } from '../../ui/Glossary';
import './welcome.css';

const TEACHING = Object.entries(BUILTINS).filter(([k]) => k !== DEFAULT_BUILTIN);

export function Welcome(props: {
  /** Open a built-in scenario in place of the workspace; false when the person kept their workspace. */
  openBuiltin: (name: string) => Promise<boolean>;
  /** Go to a tab (the first screen closes). */
  go: (tab: Tab) => void;
  onClose: () => void;
}) {
  const w = useWorkspace();
  const [game, setGame] = createSignal(TEACHING.some(([k]) => k === 'chicken') ? 'chicken' : (TEACHING[0]?.[0] ?? DEFAULT_BUILTIN));
  const start = async (name: string, tab: Tab) => {
    if (w.ws.source !== name && !(await props.openBuiltin(name))) return;
    props.go(tab);
  };
  return (
    <section class="welcome" aria-labelledby="welcome-title" data-testid="welcome">
      <div class="welcome-head">
        <h2 id="welcome-title" tabIndex={-1}>
          Welcome to Coreplay
        </h2>
        <button type="button" class="welcome-close" onClick={() => props.onClose()}>
          Close
        </button>
      </div>
      <p class="welcome-lead">
        Coreplay is a negotiation game for a class. Teams each play one actor — a government, an alliance, a movement — and make secret moves and offers, round
        by round.
      </p>
      <p>
        After every round it shows what game theory says about the position: where everyone’s bottom lines meet, which deals would hold, and what rational
        actors would have done. It runs in this browser tab, without an account, and keeps your work in this browser.
      </p>
      <ul class="welcome-starts">
        <li>
          <h3>Play Belarus in class</h3>
          <p>The bargaining over Belarus in 2025–2026: ten actors trading political prisoners, potash sanctions relief and transit.</p>
          <button type="button" class="primary" data-start="belarus" onClick={() => void start(DEFAULT_BUILTIN, 'play')}>
            Play Belarus
          </button>
        </li>
        <li>
          <h3>Try a teaching game</h3>
          <p>A classic two-player game, small enough to see every equilibrium at a glance.</p>
          <div class="welcome-pick">
            <label>
              <span class="visually-hidden">Teaching game</span>
              <select aria-label="Teaching game" value={game()} onChange={(e) => setGame(e.currentTarget.value)}>
                <For each={TEACHING}>{([k, b]) => <option value={k}>{b.title}</option>}</For>
              </select>
            </label>
            <button type="button" class="primary" data-start="teaching" onClick={() => void start(game(), 'play')}>
              Play it
            </button>
          </div>
        </li>
        <li>
          <h3>Explore the analysis</h3>
          <p>The common core, equilibria, bargaining solutions and a forecast for the scenario that is open now.</p>
          <button type="button" class="primary" data-start="analyse" onClick={() => props.go('analyse')}>
            Open Analyse
          </button>
        </li>
      </ul>
      <p class="welcome-foot">
        New to the terms?{' '}
        <button type="button" class="linkish" aria-haspopup="dialog" onClick={() => openGlossary()}>
          Read the glossary
        </button>{' '}
        — every term in Analyse also has a “?” that opens it at that entry.
      </p>
    </section>
  );
}
