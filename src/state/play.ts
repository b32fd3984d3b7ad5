/**
 * The class run in the Play tab: the run (scenario, seed, seats, events) lives in the workspace
 * store, so it autosaves with everything else and a reload replays it to the same snapshot,
 * moves already entered included. Every action is one event: checked, applied, appended. Bots
 * act as soon as it is their turn (their events are appended like anyone's).
 */
import { createMemo, createRoot, createSignal } from 'solid-js';
import { unwrap } from 'solid-js/store';
import { applyVariants, type Scenario } from '../../models/domain/index';
import { apply, botEvents, checkRun, newSession, parseRunHeader, phaseOf, type BotStrategy, type Run, type RunEvent, type Seat, type Session } from '../../models/machines/index';
import { formatProblem, parseScenarioStructure } from '../../models/scenario/index';
import { notify } from './notices';
import { workspace } from './workspace';

/** The teacher's set-up for a class run (the Play tab's set-up form). */
export interface PlaySetup {
  teams: Record<string, string | null>;
  bots: Record<string, BotStrategy>;
  roundLimit: number;
  timerSeconds: number;
  seed: number;
}

/** The scenario a run was played on, with its variants applied. */
export function runScenario(run: Run): { ok: true; scenario: Scenario } | { ok: false; problem: string } {
  const p = parseScenarioStructure(run.scenario);
  if (!p.ok) return { ok: false, problem: `the run's scenario is invalid: ${p.problems.slice(0, 3).map(formatProblem).join('; ')}` };
  const v = applyVariants(p.doc, [...run.variants]);
  if (!v.ok) return { ok: false, problem: `the run's variants: ${v.problem}` };
  return { ok: true, scenario: v.value.scenario };
}

/** Load a run (saved or imported): header, scenario and every event checked. */
export function loadRun(input: unknown): { ok: true; session: Session } | { ok: false; problem: string } {
  const h = parseRunHeader(input);
  if (!h.ok) return h;
  const sc = runScenario(h.run);
  if (!sc.ok) return sc;
  const checked = checkRun(h.run, sc.scenario);
  if (!checked.ok) return checked;
  const made = newSession(sc.scenario, h.run);
  return made.ok ? made : { ok: false, problem: made.problem };
}

function createPlay() {
  const w = workspace();
  const [session, setSession] = createSignal<Session | undefined>();
  const timerSeconds = () => session()?.run.timerSeconds ?? 0;
  const phase = createMemo(() => {
    const s = session();
    return s ? phaseOf(s.snapshot) : undefined;
  });

  /** Rebuild from the saved run (on start-up, after an import). */
  const restore = (): boolean => {
    const run = w.ws.run ? JSON.parse(JSON.stringify(unwrap(w.ws.run))) : null;
    if (!run) {
      setSession(undefined);
      return false;
    }
    const r = loadRun(run);
    if (!r.ok) {
      notify('error', 'The saved run could not be restored. It is kept; start a new run to replace it.', [r.problem]);
      setSession(undefined);
      return false;
    }
    setSession(r.session);
    return true;
  };

  const store = (s: Session) => {
    setSession(s);
    w.setWs('run', s.run as unknown as Record<string, unknown>);
  };

  /** Let the bots act; returns the session after their events. */
  const runBots = (s: Session): Session => {
    let cur = s;
    for (let guard = 0; guard < 4; guard++) {
      const events = botEvents(cur.snapshot, cur.run.seats);
      if (!events.length) break;
      for (const e of events) {
        const r = apply(cur, e);
        if (r.ok) cur = r.session;
      }
    }
    return cur;
  };

  const dispatch = (e: RunEvent): boolean => {
    const s = session();
    if (!s) return false;
    const r = apply(s, e);
    if (!r.ok) {
      notify('error', `Not possible: ${r.problem}`);
      return false;
    }
    store(runBots(r.session));
    return true;
  };

  const start = (scenario: Scenario, doc: unknown, variants: string[], setup: PlaySetup) => {
    const seats: Record<string, Seat> = {};
    for (const a of scenario.actors) {
      const team = setup.teams[a.id];
      seats[a.id] = team ? { kind: 'team', team } : { kind: 'bot', strategy: setup.bots[a.id] ?? 'best-response' };
    }
    const run: Run = { format: 'coreplay-run', version: 1, title: `${scenario.title} — class run`, scenario: doc, variants, seed: setup.seed >>> 0, roundLimit: setup.roundLimit, timerSeconds: setup.timerSeconds, seats, events: [] };
    const sc = runScenario(run);
    if (!sc.ok) return notify('error', sc.problem);
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
    if (!r.ok) return notify('error', `${name} is not a valid run. Nothing was changed.`, [r.problem]);
        store(r.session);
    notify('info', `Imported the run “${r.session.run.title}” (${r.session.run.events.length} events).`);
  };

  const end = () => {
    setSession(undefined);
    w.setWs('run', null);
  };

  return { session, phase, dispatch, start, restore, importRun, end, timerSeconds };
}

export type Play = ReturnType<typeof createPlay>;

let instance: Play | undefined;
export function play(): Play {
  instance ??= createRoot(() => createPlay());
  return instance;
}
