/**
 * loadRun replays a run's events once (the check) and takes the session from that replay: it
 * must be the session that applying the events one by one builds (newSession), undo stack
 * included, and the right session for whatever happens next.
 */
import { describe, expect, it } from 'vitest';
import { loadRun, runScenario } from '../../src/state/play';
import { apply, december2025Run, newSession, snapshotData, type Run, type RunEvent, type Session, type Standing } from '../../models/machines/index';
import { builtinDoc } from '../../models/scenario/index';

const december = () => december2025Run(builtinDoc('belarus'));

/** The session newSession builds by applying every event. */
function applied(run: Run): Session {
  const sc = runScenario(run);
  if (!sc.ok) throw new Error(sc.problem);
  const made = newSession(sc.scenario, run);
  if (!made.ok) throw new Error(made.problem);
  return made.session;
}

/** The events standing, newest first, each with the snapshot before it. */
function standing(s: Session) {
  const out: { event: Standing['event']; before: ReturnType<typeof snapshotData> }[] = [];
  for (let x = s.standing; x; x = x.prev) out.push({ event: x.event, before: snapshotData(x.before) });
  return out;
}

const plain = (s: Session) => ({ run: s.run, snapshot: snapshotData(s.snapshot), standing: standing(s) });

function loaded(run: Run): Session {
  const r = loadRun(JSON.parse(JSON.stringify(run)));
  if (!r.ok) throw new Error(r.problem);
  return r.session;
}

describe('loadRun', () => {
  it('gives the session that applying the events builds', () => {
    const run = december();
    expect(plain(loaded(run))).toEqual(plain(applied(run)));
  });

  it('keeps the events standing that undo returns through, an undone round dropped', () => {
    const base = december();
    // Round 2 is opened, undone, and opened again; then the run goes on as before.
    const second = base.events.findIndex((e, i) => i > 0 && e.type === 'START_ROUND');
    const events: RunEvent[] = [...base.events.slice(0, second + 1), { type: 'UNDO_ROUND' }, ...base.events.slice(second)];
    const run = { ...base, events };
    const s = loaded(run);
    expect(standing(s).filter((x) => x.event.type === 'START_ROUND')).toHaveLength(2);
    expect(plain(s)).toEqual(plain(applied(run)));
    // And undo works from it: back to round 2's briefing, as from the applied session.
    const undone = apply(s, { type: 'UNDO_ROUND' });
    const undoneApplied = apply(applied(run), { type: 'UNDO_ROUND' });
    if (!undone.ok || !undoneApplied.ok) throw new Error('undo refused');
    expect(plain(undone.session)).toEqual(plain(undoneApplied.session));
    expect(snapshotData(undone.session.snapshot).value).toBe('brief');
  });

  it('refuses a tampered run, as the check does', () => {
    const run = december();
    const bad = { ...run, events: run.events.map((e, i) => (i === 1 ? { ...e, move: 'lift_potash_sanctions' } : e)) };
    expect(loadRun(bad).ok).toBe(false);
  });
});
