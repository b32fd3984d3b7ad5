/**
 * The first screen's words, and its glance at the common core, in one place for both of its
 * renderings: the app's Welcome (Welcome.tsx) and the static first screen written into index.html
 * when the app is built (firstScreenHtml.ts). No DOM here: the build runs this in Node.
 */
import type { ReadingReport } from '../../../workers/api';
import { BUILTINS, DEFAULT_BUILTIN } from '../../../models/scenario/index';

/** The teaching games the welcome offers (every built-in but the default), and the one it offers first. */
export const TEACHING_GAMES: readonly { value: string; title: string }[] = Object.entries(BUILTINS)
  .filter(([k]) => k !== DEFAULT_BUILTIN)
  .map(([value, b]) => ({ value, title: b.title }));
export const FIRST_TEACHING_GAME = TEACHING_GAMES.some((t) => t.value === 'chicken') ? 'chicken' : (TEACHING_GAMES[0]?.value ?? DEFAULT_BUILTIN);

export const WELCOME_WORDS = {
  title: 'Welcome to Coreplay',
  close: 'Close',
  lead: 'Coreplay is a negotiation game for a class. Teams each play one actor — a government, an alliance, a movement — and make secret moves and offers, round by round.',
  about:
    'After every round it shows what game theory says about the position: where everyone’s bottom lines meet, which deals would hold, and what rational actors would have done. It runs in this browser tab, without an account, and keeps your work in this browser.',
  belarus: {
    heading: 'Play Belarus in class',
    text: 'The bargaining over Belarus in 2025–2026: ten actors trading political prisoners, potash sanctions relief and transit.',
    button: 'Play Belarus',
  },
  teaching: {
    heading: 'Try a teaching game',
    text: 'A classic two-player game, small enough to see every equilibrium at a glance.',
    label: 'Teaching game',
    button: 'Play it',
  },
  analyse: {
    heading: 'Explore the analysis',
    text: 'The common core, equilibria, bargaining solutions and a forecast for the scenario that is open now.',
    button: 'Open Analyse',
  },
  footBefore: 'New to the terms?',
  footLink: 'Read the glossary',
  footAfter: '— every term in Analyse also has a “?” that opens it at that entry.',
} as const;

/** A run of the glance's words; `strong` marks the verdict, 'yes' or 'no' as the analysis cards colour it. */
export interface Segment {
  text: string;
  strong?: 'yes' | 'no';
}

/** How many smallest exits the glance names before "and N more". */
const EXITS_SHOWN = 3;

/**
 * One sentence or two on a reading's common core, for the first screen: e.g. "Belarus 2025–2026
 * (as encoded): common core **empty**. Smallest exits that would open one: {Regime, Russia},
 * {Russia, Opposition} and {…}."
 */
export function coreGlance(title: string, reading: ReadingReport, name: (id: string) => string): Segment[] {
  const label = reading.label === 'As encoded' ? 'as encoded' : reading.label;
  const head = `${title} (${label}): common core `;
  if (reading.status === 'too-large') return [{ text: head }, { text: 'too large to compute', strong: 'no' }, { text: ' — open Analyse for what can be.' }];
  if (reading.nonEmpty) return [{ text: head }, { text: 'exists', strong: 'yes' }, { text: ': at least one outcome meets every actor’s minimum.' }];
  const exits = reading.minimalExitSets.filter((s) => s.length > 0);
  if (!exits.length) return [{ text: head }, { text: 'empty', strong: 'no' }, { text: '.' }];
  const sets = exits.slice(0, EXITS_SHOWN).map((s) => `{${s.map(name).join(', ')}}`);
  const more = exits.length - sets.length;
  const list = more > 0 ? `${sets.join(', ')} and ${more} more` : sets.length > 1 ? `${sets.slice(0, -1).join(', ')} and ${sets.at(-1)}` : sets[0];
  return [{ text: head }, { text: 'empty', strong: 'no' }, { text: `. Smallest exits that would open one: ${list}.` }];
}
