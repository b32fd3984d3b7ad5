/**
 * A saved workspace, read back from storage, is input like any other: it is checked before the
 * app uses it, and a problem is named by its path in the record
 * (`scenarioDoc.actors[2].minimum: expected an array, got "x"`). The scenario is checked as a
 * draft (draft.ts: a number may hold the text being typed, which Edit then shows next to its
 * field); the run must load, every event replayed (loadRun). Fields added to the record after
 * its first version may be missing: they take the fresh workspace's values.
 */
import * as v from 'valibot';
import type { Session } from '../../models/machines/index';
import { describe, issueProblem, refusal, within, type Refusal } from '../../models/scenario/index';
import { ScenarioDraftSchema } from './draft';
import { loadRun } from './play';
import { freshWorkspace, TABS, type WorkspaceData } from './workspace';

const Text = v.string('expected a string');
const Ids = v.array(Text, 'expected a list of ids');

const WorkspaceRecordSchema = v.strictObject({
  version: v.literal(1, 'expected version 1'),
  source: v.optional(Text),
  scenarioDoc: ScenarioDraftSchema,
  variants: v.optional(Ids),
  compare: v.optional(v.strictObject({ left: Ids, right: Ids })),
  pair: v.optional(v.tuple([Text, Text], 'expected two actor ids')),
  run: v.optional(v.nullable(v.unknown())),
  prefs: v.optional(
    v.strictObject({
      largeText: v.boolean('expected true or false'),
      tab: v.picklist(
        TABS.map((t) => t.id),
        `expected a tab (${TABS.map((t) => t.id).join(', ')})`,
      ),
    }),
  ),
  opened: v.optional(Text),
});

/** An issue in Coreplay's words; outside the scenario, an unknown key is not part of a saved workspace. */
function problemOf(i: v.BaseIssue<unknown>) {
  const p = issueProblem(i, 'scenario');
  if (i.path?.[0]?.key === 'scenarioDoc') return p;
  return { ...p, message: p.message.replace('not part of the scenario format', 'not part of a saved workspace') };
}

export type WorkspaceRecord = { ok: true; data: WorkspaceData; session: Session | null } | Refusal;

/** Check a saved workspace; on success, the workspace and the session its run replays to. */
export function readWorkspaceRecord(input: unknown): WorkspaceRecord {
  if (!input || typeof input !== 'object' || Array.isArray(input))
    return refusal([{ path: '', message: `expected a saved workspace, got ${describe(input)}` }]);
  const r = v.safeParse(WorkspaceRecordSchema, input, { abortPipeEarly: true });
  if (!r.success) return refusal(r.issues.map(problemOf));
  const data: WorkspaceData = { ...freshWorkspace(), ...(r.output as Partial<WorkspaceData>) };
  if (!r.output.run) return { ok: true, data: { ...data, run: null }, session: null };
  const run = loadRun(r.output.run);
  if (!run.ok) return refusal(run.problems.map((p) => within(['run'], p)));
  return { ok: true, data: { ...data, run: run.session.run }, session: run.session };
}
