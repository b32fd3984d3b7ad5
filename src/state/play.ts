/**
 * The class run in the Play tab: the run (scenario, seed, seats, events) lives in the workspace
 * store, so it autosaves with everything else and a reload replays it to the same snapshot,
 * moves already entered included. Every action is one event: checked, applied, appended. Bots
 * act as soon as it is their turn (their events are appended like anyone's). One per page, made
 * at the composition root and reached through the app context (src/state/context.tsx).
 */
import { createMemo, createSignal } from 'solid-js';
import { applyVariants, type Scenario } from '../../models/domain/index';
import {
  apply,
  checkRun,
  newSession,
  parseRunHeader,
  phaseOf,
  playBots,
  type BotStrategy,
  type Replay,
  type RoundSnapshot,
  type Run,
  type RunEvent,
  type Seat,
  type Session,
} from '../../models/machines/index';
import { formatProblem, parseScenarioStructure, refusal, within, type Refusal } from '../../models/scenario/index';
import type { Notify } from './notices';
import type { Workspace } from './workspace';

/** The teacher's set-up for a class run (the Play tab's set-up form). */
export interface PlaySetup {
  teams: Record<string, string | null>;
  bots: Record<string, BotStrategy>;
  roundLimit: number;
  timerSeconds: number;
  seed: number;
}

/** The scenario a run was played on, with its variants applied; its problems have their paths in the run (`scenario.actors[3]…`). */
export function runScenario(run: Run): { ok: true; scenario: Scenario } | Refusal {
  const p = parseScenarioStructure(run.scenario);
  if (!p.ok) return refusal(p.problems.map((x) => within(['scenario'], x)));
  const v = applyVariants(p.doc, [...run.variants]);
  if (!v.ok) return refusal([{ path: 'variants', message: v.problem }]);
  return { ok: true, scenario: v.value.scenario };
}

/**
 * Load a run (saved or imported): header, scenario and every event checked. The events are
 * replayed once, by the check; the session is the replay's end.
 */
export function loadRun(input: unknown): { ok: true; session: Session } | Refusal {
  const h = parseRunHeader(input);
  if (!h.ok) return h;
  const sc = runScenario(h.run);
  if (!sc.ok) return sc;
  const checked = checkRun(h.run, sc.scenario);
  if (!checked.ok) return checked;
  return { ok: true, session: sessionFromReplay(sc.scenario, h.run, checked.replay) };
}

/**
 * The session a checked replay ends in. Its round starts (where undo returns to) follow the
 * events as `step` keeps them: the snapshot before each START_ROUND, the latest dropped by each
 * UNDO_ROUND.
 */
function sessionFromReplay(scenario: Scenario, run: Run, r: Replay): Session {
  const starts: RoundSnapshot[] = [];
  run.events.forEach((e, i) => {
    if (e.type === 'START_ROUND') starts.push(i === 0 ? r.initial : r.snapshots[i - 1]!);
    else if (e.type === 'UNDO_ROUND') starts.pop();
  });
  return { scenario, run, snapshot: r.final, starts };
}

export function createPlay(w: Workspace, notify: Notify) {
  const [session, setSession] = createSignal<Session | undefined>();
  const timerSeconds = () => session()?.run.timerSeconds ?? 0;
  const phase = createMemo(() => {
    const s = session();
    return s ? phaseOf(s.snapshot) : undefined;
  });

  /** Take up a session already loaded from the saved run (on start-up), or none. */
  const adopt = (s: Session | null) => setSession(s ?? undefined);

  const store = (s: Session) => {
    setSession(s);
    w.setWs('run', s.run);
  };

  const dispatch = (e: RunEvent): boolean => {
    const s = session();
    if (!s) return false;
    const r = apply(s, e);
    if (!r.ok) {
      notify('error', `Not possible: ${r.problem}`);
      return false;
    }
    store(playBots(r.session));
    return true;
  };

  const start = (scenario: Scenario, doc: unknown, variants: string[], setup: PlaySetup) => {
    const seats: Record<string, Seat> = {};
    for (const a of scenario.actors) {
      const team = setup.teams[a.id];
      seats[a.id] = team ? { kind: 'team', team } : { kind: 'bot', strategy: setup.bots[a.id] ?? 'best-response' };
    }
    const run: Run = {
      format: 'coreplay-run',
      version: 1,
      title: `${scenario.title} — class run`,
      scenario: doc,
      variants,
      seed: setup.seed >>> 0,
      roundLimit: setup.roundLimit,
      timerSeconds: setup.timerSeconds,
      seats,
      events: [],
    };
    const sc = runScenario(run);
    if (!sc.ok) return notify('error', 'The run could not be started.', sc.problems.map(formatProblem));
    const made = newSession(sc.scenario, run);
    if (!made.ok) return notify('error', made.problem);
    store(made.session);
  };

  const importRun = (text: string, name: string) => {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      return notify('error', `${name} is not valid JSON. Nothing was changed.`, [(e as Error).message]);
    }
    const r = loadRun(json);
    if (!r.ok) return notify('error', `${name} is not a valid run. Nothing was changed.`, r.problems.map(formatProblem));
    store(r.session);
    notify('info', `Imported the run “${r.session.run.title}” (${r.session.run.events.length} events).`);
  };

  const end = () => {
    setSession(undefined);
    w.setWs('run', null);
  };

  return { session, phase, dispatch, start, adopt, importRun, end, timerSeconds };
}

export type Play = ReturnType<typeof createPlay>;
