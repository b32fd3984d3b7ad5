/**
 * One way to word a problem with what Coreplay was given — a scenario file, a run file, a
 * share link: the path to the value at fault, then what is wrong with it,
 * `actors[3].minimum[1].rhs: expected a number, got "x"`.
 *
 * One path style everywhere: a key that is an identifier follows a dot (`seats.regime`), an
 * index or any other key goes in brackets (`events[4].offer.from`, `ideal["gain-a"]`). The empty
 * path is the input as a whole, and its problem is worded by the message alone.
 */
import type * as v from 'valibot';

export interface Problem {
  /** e.g. `actors[3].minimum[1].rhs`; empty for the input as a whole. */
  readonly path: string;
  readonly message: string;
}

export type PathKey = string | number;

/** The inputs with a format of their own: named in "unknown key (not part of the run format)". */
export type InputFormat = 'scenario' | 'run';

export function formatProblem(p: Problem): string {
  return p.path ? `${p.path}: ${p.message}` : p.message;
}

export function pathString(keys: readonly PathKey[]): string {
  return joinPath('', keys);
}

/** `path` extended by more keys in the same style: `joinPath('seats', ['a-b'])` is `seats["a-b"]`. */
export function joinPath(path: string, keys: readonly PathKey[]): string {
  let s = path;
  for (const k of keys) {
    if (typeof k === 'number') s += `[${k}]`;
    else if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(k)) s += s ? `.${k}` : k;
    else s += `[${JSON.stringify(k)}]`;
  }
  return s;
}

/** A problem found in a part of a larger input, its path seen from the whole (a run's `scenario`). */
export function within(keys: readonly PathKey[], p: Problem): Problem {
  const head = pathString(keys);
  const path = !p.path ? head : !head || p.path.startsWith('[') ? head + p.path : `${head}.${p.path}`;
  return { path, message: p.message };
}

/** A valibot issue in Coreplay's words: the schemas' own messages end with what was found. */
export function issueMessage(i: v.BaseIssue<unknown>, format: InputFormat = 'scenario'): string {
  if (i.type === 'strict_object') {
    if (i.expected === 'never') return `unknown key (not part of the ${format} format)`;
    if (i.received === 'undefined') return 'required, but missing';
    return `expected an object, got ${i.received}`;
  }
  return `${i.message}, got ${received(i)}`;
}

/** What was found, as a reader would name it: an object by its keys (`{dimension, delta, set}`), not "Object". */
function received(i: v.BaseIssue<unknown>): string {
  const x = i.input;
  if (i.received === 'Object' && x && typeof x === 'object' && !Array.isArray(x)) {
    const keys = Object.keys(x);
    return keys.length ? `{${keys.slice(0, 8).join(', ')}${keys.length > 8 ? ', …' : ''}}` : 'an empty object';
  }
  return i.received;
}

/**
 * The issue that says what is wrong. When no branch of a union fits, the branches that fail
 * only on a value (not on an unknown or missing key) are the shape the author meant: their
 * value issue (`effects[0].delta: expected a number, got "abc"`) is more use than "no branch fits".
 */
function decisive(i: v.BaseIssue<unknown>): { issue: v.BaseIssue<unknown>; keys: PathKey[] } {
  const keys = (i.path ?? []).map((p) => p.key as PathKey);
  if (i.type !== 'union' || !i.issues?.length) return { issue: i, keys };
  const sub = i.issues.find((s) => s.type !== 'strict_object' && s.type !== 'union');
  // A sub-issue's path starts where the union's value sits.
  return sub ? { issue: sub, keys: [...keys, ...(sub.path ?? []).map((p) => p.key as PathKey)] } : { issue: i, keys };
}

/** A valibot issue as a problem; `at` is where the validated value sits in its input (`['events', 4]`). */
export function issueProblem(issue: v.BaseIssue<unknown>, format: InputFormat, at: readonly PathKey[] = []): Problem {
  const d = decisive(issue);
  return { path: pathString([...at, ...d.keys]), message: issueMessage(d.issue, format) };
}

/**
 * An input refused: every problem found, and `problem`, the same on one line (the first problem,
 * with how many more) for callers that show or throw a single message.
 */
export interface Refusal {
  readonly ok: false;
  readonly problems: readonly Problem[];
  readonly problem: string;
}

export function refusal(problems: readonly Problem[]): Refusal {
  if (!problems[0]) throw new Error('a refusal names at least one problem');
  const first = formatProblem(problems[0]);
  return { ok: false, problems, problem: problems.length > 1 ? `${first} (and ${problems.length - 1} more)` : first };
}
