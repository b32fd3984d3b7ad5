/** The built-in scenarios, by id, as raw documents (parse them with `parseScenario`). */
import { belarus } from './belarus';
import { battleOfTheSexes, chicken, prisonersDilemma, ultimatum } from './teaching';

export const BUILTINS: Readonly<Record<string, { title: string; doc: unknown }>> = {
  belarus: { title: belarus.title, doc: belarus },
  'prisoners-dilemma': { title: prisonersDilemma.title, doc: prisonersDilemma },
  chicken: { title: chicken.title, doc: chicken },
  'battle-of-the-sexes': { title: battleOfTheSexes.title, doc: battleOfTheSexes },
  ultimatum: { title: ultimatum.title, doc: ultimatum },
};

export const DEFAULT_BUILTIN = 'belarus';

/** A deep copy of a built-in document, so callers can edit it freely. */
export function builtinDoc(name: string): unknown | undefined {
  const b = BUILTINS[name];
  return b ? JSON.parse(JSON.stringify(b.doc)) : undefined;
}
