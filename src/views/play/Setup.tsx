/**
 * The teacher's set-up for a class run: who plays which actor (a team or a bot and its
 * strategy), how many rounds, an optional timer per round, and the seed that makes bots and
 * replays repeatable. Each team needs a name: a name left empty is refused at its field, and so
 * is a name given twice for a run on one screen (a room may give one team several actors). "Open a room" plays the same set-up with the class on its own devices:
 * the room server holds the run, and the teacher's console opens in this tab.
 */
import { For, Show, createMemo, createSignal } from 'solid-js';
import { unwrap } from 'solid-js/store';
import type { Scenario } from '../../../models/domain/types';
import { BOT_STRATEGIES, type BotStrategy } from '../../../models/machines/index';
import { useNotices, useWorkspace } from '../../state/context';
import { teamNameProblems, type PlaySetup } from '../../state/play';
import { createRoom } from '../../state/room';

const BOT_LABELS: Record<BotStrategy, string> = {
  'best-response': 'Bot: best response',
  equilibrium: 'Bot: equilibrium',
  'tit-for-tat': 'Bot: tit for tat',
  random: 'Bot: random (seeded)',
};

export function defaultSetup(s: Scenario): PlaySetup {
  // The scenario's default pair is played by teams; without one, its first actor.
  const humans = s.defaultPair ? [...s.defaultPair] : s.actors.slice(0, 1).map((a) => a.id);
  const teams: Record<string, string | null> = {};
  const bots: Record<string, BotStrategy> = {};
  humans.forEach((id, i) => (teams[id] = `Team ${String.fromCharCode(65 + i)}`));
  for (const a of s.actors) if (!teams[a.id]) bots[a.id] = 'best-response';
  return { teams, bots, roundLimit: 4, timerSeconds: 0, seed: 2025 };
}

export function SetupForm(props: { scenario: Scenario; initial: PlaySetup; onStart: (s: PlaySetup) => void }) {
  const [setup, setSetup] = createSignal<PlaySetup>(structuredClone(props.initial));
  const w = useWorkspace();
  const { notify } = useNotices();
  const [opening, setOpening] = createSignal(false);
  const nameProblems = createMemo(() => teamNameProblems(setup().teams));
  let table: HTMLTableElement | undefined;
  /** Whether the team names can be used; if not, the focus goes to the first field with a problem. */
  const namesOk = (room = false): boolean => {
    const problems = room ? teamNameProblems(setup().teams, true) : nameProblems();
    const bad = props.scenario.actors.find((a) => problems[a.id]);
    if (!bad) return true;
    [...(table?.querySelectorAll<HTMLInputElement>('[data-team-name]') ?? [])].find((el) => el.dataset.teamName === bad.id)?.focus();
    notify('error', 'Check the team names: see the message beside the name.');
    return false;
  };
  /** The class on its own devices: the room server opens a room with this set-up; the teacher's console takes over the tab. */
  const openRoom = async () => {
    if (!namesOk(true)) return;
    const s = setup();
    const seats: Record<string, { kind: 'team'; team: string } | { kind: 'bot'; strategy: BotStrategy }> = {};
    for (const a of props.scenario.actors) {
      const team = s.teams[a.id]?.trim();
      seats[a.id] = team ? { kind: 'team', team } : { kind: 'bot', strategy: s.bots[a.id] ?? 'best-response' };
    }
    if (!Object.values(seats).some((x) => x.kind === 'team')) return notify('error', 'A room needs at least one actor played by a team.');
    setOpening(true);
    const r = await createRoom({
      title: `${props.scenario.title} — class on devices`,
      scenario: { document: JSON.parse(JSON.stringify(unwrap(w.ws.scenarioDoc))) },
      variants: [...w.ws.variants],
      seed: s.seed >>> 0,
      roundLimit: s.roundLimit,
      timerSeconds: s.timerSeconds,
      seats,
    });
    setOpening(false);
    if (!r.ok) return notify('error', r.message);
    location.hash = `#teach/${r.code}`;
  };
  const isTeam = (id: string) => typeof setup().teams[id] === 'string';
  const controllerOf = (id: string) => (isTeam(id) ? 'team' : (setup().bots[id] ?? 'best-response'));
  const setController = (id: string, v: string) =>
    setSetup((s) => {
      const teams = { ...s.teams };
      const bots = { ...s.bots };
      if (v === 'team') {
        const used = new Set(Object.values(teams).flatMap((t) => (t === null ? [] : [t.trim().toLocaleLowerCase()])));
        let k = 0;
        while (used.has(`team ${String.fromCharCode(97 + k)}`)) k++;
        teams[id] = `Team ${String.fromCharCode(65 + k)}`;
        delete bots[id];
      } else {
        delete teams[id];
        bots[id] = v as BotStrategy;
      }
      return { ...s, teams, bots };
    });
  return (
    <form
      class="setup card"
      aria-labelledby="setup-title"
      onSubmit={(e) => {
        e.preventDefault();
        if (namesOk()) props.onStart(setup());
      }}
    >
      <h2 id="setup-title">New class run: {props.scenario.title}</h2>
      <p class="muted">{props.scenario.description}</p>
      <table ref={table}>
        <thead>
          <tr>
            <th scope="col">Actor</th>
            <th scope="col">Played by</th>
            <th scope="col">Team name</th>
          </tr>
        </thead>
        <tbody>
          <For each={props.scenario.actors}>
            {(a) => (
              <tr data-actor={a.id}>
                <th scope="row">{a.name}</th>
                <td>
                  <select
                    aria-label={`${a.name}: played by`}
                    data-controller={a.id}
                    value={controllerOf(a.id)}
                    onChange={(e) => setController(a.id, e.currentTarget.value)}
                  >
                    <option value="team">A team of students</option>
                    <For each={BOT_STRATEGIES}>{(b) => <option value={b}>{BOT_LABELS[b]}</option>}</For>
                  </select>
                </td>
                <td>
                  <input
                    type="text"
                    aria-label={`${a.name}: team name`}
                    data-team-name={a.id}
                    disabled={!isTeam(a.id)}
                    value={setup().teams[a.id] ?? ''}
                    aria-invalid={nameProblems()[a.id] ? 'true' : undefined}
                    aria-describedby={nameProblems()[a.id] ? `team-name-problem-${a.id}` : undefined}
                    onInput={(e) => {
                      const v = e.currentTarget.value;
                      setSetup((s) => ({ ...s, teams: { ...s.teams, [a.id]: v } }));
                    }}
                  />
                  <Show when={nameProblems()[a.id]}>
                    {(m) => (
                      <p class="field-problems" id={`team-name-problem-${a.id}`} role="alert" data-testid={`team-name-problem-${a.id}`}>
                        {m()}
                      </p>
                    )}
                  </Show>
                </td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
      <div class="row">
        <label>
          Rounds{' '}
          <input
            type="number"
            min={1}
            max={20}
            value={setup().roundLimit}
            style={{ width: '4em' }}
            onChange={(e) => setSetup((s) => ({ ...s, roundLimit: Math.min(20, Math.max(1, Math.round(Number(e.currentTarget.value) || 1))) }))}
          />
        </label>
        <label>
          Timer per round (minutes, 0 = none){' '}
          <input
            type="number"
            min={0}
            max={60}
            value={setup().timerSeconds / 60}
            style={{ width: '4em' }}
            onChange={(e) => setSetup((s) => ({ ...s, timerSeconds: Math.min(3600, Math.max(0, Math.round((Number(e.currentTarget.value) || 0) * 60))) }))}
          />
        </label>
        <label>
          Seed{' '}
          <input
            type="number"
            value={setup().seed}
            style={{ width: '7em' }}
            onChange={(e) => setSetup((s) => ({ ...s, seed: Math.abs(Math.round(Number(e.currentTarget.value) || 0)) }))}
          />
        </label>
      </div>
      <div class="row">
        <button type="submit" class="primary big" data-testid="start-run">
          Start the run
        </button>
        <button type="button" class="big" data-testid="open-room" disabled={opening()} onClick={() => void openRoom()}>
          {opening() ? 'Opening a room…' : 'Class on devices: open a room'}
        </button>
      </div>
      <p class="muted small">
        A room lets each team play from its own phone or laptop, with the class screen on the projector. It needs the room server (<code>npm start</code>).
      </p>
    </form>
  );
}
