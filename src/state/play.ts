/**
 * The class run in the Play tab: the run (scenario, seed, seats, events) lives in the workspace
 * store, so it autosaves with everything else and a reload replays it to the same snapshot,
 * moves already entered included. The timer's deadline is kept with the run for the same
 * reason: a reload keeps counting down instead of starting the time again. Every action is one event: checked, applied, appended. Bots
 * act as soon as it is their turn (their events are appended like anyone's). One per page, made
 * at the composition root and reached through the app context (src/state/context.tsx).
 */
import { createMemo, createSignal } from 'solid-js';
import { unwrap } from 'solid-js/store';
import { applyVariants, type Scenario } from '../../models/domain/index';
import {
  apply,
  checkRun,
  deadlineFor,
  newSession,
  parseRunHeader,
  phaseOf,
  playBots,
  type BotStrategy,
  type Replay,
  type Run,
  type RunEvent,
  type Seat,
  type Session,
} from '../../models/machines/index';
import { formatProblem, parseScenarioStructure, refusal, within, type Refusal } from '../../models/scenario/index';
import type { Notify } from './notices';
import { fingerprint, type Workspace } from './workspace';

/** The teacher's set-up for a class run (the Play tab's set-up form). */
export interface PlaySetup {
  teams: Record<string, string | null>;
  bots: Record<string, BotStrategy>;
  roundLimit: number;
  timerSeconds: number;
  seed: number;
}

/**
 * What is wrong with the team names, by actor: each must be given, and on one screen no two
 * actors may be played by teams of the same name (the hand-over screen names the team). A room
 * may give one team several actors, so there only an empty name is refused (`room`).
 */
export function teamNameProblems(teams: Readonly<Record<string, string | null>>, room = false): Record<string, string> {
  const out: Record<string, string> = {};
  const seen = new Map<string, string>();
  for (const [actor, raw] of Object.entries(teams)) {
    if (raw === null) continue;
    const name = raw.trim();
    if (!name) {
      out[actor] = 'Give the team a name.';
      continue;
    }
    const key = name.toLocaleLowerCase();
    const first = seen.get(key);
    if (first === undefined || room) seen.set(key, actor);
    else out[actor] = `“${name}” already plays ${first}: on one screen each team needs a name of its own (in a room, one team may play several actors).`;
  }
  return out;
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

/** The session a checked replay ends in, with the events standing for the undos that may follow. */
function sessionFromReplay(scenario: Scenario, run: Run, r: Replay): Session {
  return { scenario, run, snapshot: r.final, standing: r.standing };
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
    const deadline = deadlineFor(s.run.timerSeconds ?? 0, s.run.deadline, s.snapshot, Date.now());
    const { deadline: _previous, ...rest } = s.run;
    const next: Session = { ...s, run: deadline ? { ...rest, deadline } : rest };
    setSession(next);
    w.setWs('run', next.run);
  };

  /** Whether the workspace's scenario (or its variants) differs from the one the run is played on: edits apply to the next run. */
  // Each side's fingerprint is taken only when its document changes, not on every move of the run.
  const docPrint = createMemo(() => {
    w.docRevision();
    return fingerprint(unwrap(w.ws.scenarioDoc));
  });
  const runDoc = createMemo(() => session()?.run.scenario);
  const runPrint = createMemo(() => {
    const doc = runDoc();
    return doc === undefined ? undefined : fingerprint(doc);
  });
  const scenarioEdited = createMemo(() => {
    const s = session();
    if (!s) return false;
    return docPrint() !== runPrint() || w.ws.variants.join('\n') !== s.run.variants.join('\n');
  });

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

  const start = (scenario: Scenario, doc: unknown, variants: string[], setup: PlaySetup): boolean => {
    const names = Object.entries(teamNameProblems(setup.teams));
    if (names.length) {
      notify(
        'error',
        'The run could not be started: check the team names.',
        names.map(([a, m]) => `${a}: ${m}`),
      );
      return false;
    }
    const seats: Record<string, Seat> = {};
    for (const a of scenario.actors) {
      const team = setup.teams[a.id]?.trim();
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
    if (!sc.ok) {
      notify('error', 'The run could not be started.', sc.problems.map(formatProblem));
      return false;
    }
    const made = newSession(sc.scenario, run);
    if (!made.ok) {
      notify('error', made.problem);
      return false;
    }
    store(made.session);
    return true;
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
    // A file's timer starts afresh: its deadline was for another day.
    const { deadline: _old, ...run } = r.session.run;
    store({ ...r.session, run });
    notify('info', `Imported the run “${r.session.run.title}” (${r.session.run.events.length} events).`);
  };

  const end = () => {
    setSession(undefined);
    w.setWs('run', null);
  };

  return { session, phase, dispatch, start, adopt, importRun, end, timerSeconds, scenarioEdited };
}

export type Play = ReturnType<typeof createPlay>;
