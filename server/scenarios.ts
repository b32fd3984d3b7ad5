/**
 * The scenario a room plays: a built-in by name or a document, parsed with the full check
 * (models/scenario parseScenario: structure, references, feasibility of each minimum) when the
 * room is opened, then its variants applied — as the single-screen app does for a run. A room
 * restored from its log was checked when it was opened: its document is parsed again without
 * the feasibility programs (parseScenarioStructure), like a run loaded in the app.
 */
import { applyVariants, type Scenario } from '../models/domain/index';
import type { Seat } from '../models/machines/index';
import { BUILTINS, builtinDoc, formatProblem, parseScenario, parseScenarioStructure, type ParseResult } from '../models/scenario/index';
import type { RunHeader } from './store';

export type Resolved = { ok: true; doc: unknown; scenario: Scenario } | { ok: false; problem: string };

/** Parsed built-ins, owned by one server (a built-in is parsed once, its feasibility programs run once). */
export class ScenarioCache {
  private readonly builtins = new Map<string, Promise<ParseResult>>();

  async resolve(spec: { builtin: string } | { document: unknown }, variants: readonly string[]): Promise<Resolved> {
    let doc: unknown;
    let parsed: ParseResult;
    if ('builtin' in spec) {
      if (!Object.hasOwn(BUILTINS, spec.builtin))
        return { ok: false, problem: `scenario.builtin: no built-in scenario "${spec.builtin}" (known: ${Object.keys(BUILTINS).join(', ')})` };
      doc = builtinDoc(spec.builtin);
      let p = this.builtins.get(spec.builtin);
      if (!p) this.builtins.set(spec.builtin, (p = parseScenario(doc)));
      parsed = await p;
    } else {
      doc = spec.document;
      parsed = await parseScenario(doc);
    }
    if (!parsed.ok) return { ok: false, problem: `scenario: ${parsed.problems.slice(0, 5).map(formatProblem).join('; ')}` };
    const v = applyVariants(parsed.scenario, variants);
    if (!v.ok) return { ok: false, problem: `variants: ${v.problem}` };
    return { ok: true, doc, scenario: v.value.scenario };
  }
}

/** The scenario of a stored run header (checked when the room was opened). */
export function headerScenario(header: RunHeader): Resolved {
  const p = parseScenarioStructure(header.scenario);
  if (!p.ok) return { ok: false, problem: `scenario: ${p.problems.slice(0, 5).map(formatProblem).join('; ')}` };
  const v = applyVariants(p.doc, [...header.variants]);
  if (!v.ok) return { ok: false, problem: `variants: ${v.problem}` };
  return { ok: true, doc: header.scenario, scenario: v.value.scenario };
}

/** The run's seats from the set-up: every actor of the scenario, best-response bots where none is named. */
export function seatsFor(
  scenario: Scenario,
  given: Readonly<Record<string, Seat>>,
): { ok: true; seats: Record<string, Seat> } | { ok: false; problem: string } {
  const ids = new Set(scenario.actors.map((a) => a.id));
  const unknown = Object.keys(given).filter((a) => !ids.has(a));
  if (unknown.length) return { ok: false, problem: `seats: unknown actor${unknown.length > 1 ? 's' : ''} ${unknown.map((a) => `"${a}"`).join(', ')}` };
  const seats: Record<string, Seat> = {};
  for (const a of scenario.actors) seats[a.id] = given[a.id] ?? { kind: 'bot', strategy: 'best-response' };
  if (!Object.values(seats).some((s) => s.kind === 'team')) return { ok: false, problem: 'seats: expected at least one team seat' };
  return { ok: true, seats };
}
