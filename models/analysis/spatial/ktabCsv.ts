/**
 * KTAB's CSV formats (KTAB SMP user guide, "Data input using a CSV file"; the example files):
 *
 * Scenario file
 *   line 1   name, description, number of actors, number of dimensions
 *   line 2   Actor, Description, Influence, then for each dimension "<dim> Position", "<dim> Salience"
 *   then     one row per actor: name, description, influence, then position and salience per dimension
 * Fields may be quoted ("a, b" with "" for a quote), padded with spaces, and every line may end
 * with a comma (KTAB writes one). Positions lie in [0, 100], saliences are ≥ 0 and sum to at most
 * 100 per actor, influence is ≥ 0. The header's column names are kept ("Power" for "Influence",
 * "Pstn1"/"Sal1" in the 3-dimensional example), so writing what was read gives the same data back.
 *
 * Position log (KTAB's *_posLog.csv): one line per actor, its name and then its position at each
 * turn (turn 0 = the input), each printed as %5.1f after a comma: `XJ, 30.0, 55.0`. With several
 * dimensions there is one line per actor and dimension, labelled `actor (dimension)`.
 *
 * Every refusal names the line and, where there is one, the column: "line 5, column 3
 * (Influence): expected a number, got "lots"".
 */
import type { SmpInput } from './types';

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string };

/** Split one CSV line into trimmed fields (quotes honoured); null when a quote is left open. */
export function splitCsvLine(line: string): string[] | null {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  let wasQuoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"') {
        if (line[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field.trim() === '') {
      quoted = true;
      wasQuoted = true;
      field = '';
    } else if (ch === ',') {
      out.push(wasQuoted ? field : field.trim());
      field = '';
      wasQuoted = false;
    } else if (!wasQuoted) field += ch;
    else if (ch.trim() !== '') return null; // text after a closing quote
  }
  if (quoted) return null;
  out.push(wasQuoted ? field : field.trim());
  return out;
}

/** The fields of a line without the empty ones KTAB's trailing commas leave at the end. */
function fieldsOf(line: string): string[] | null {
  const f = splitCsvLine(line);
  if (!f) return null;
  while (f.length > 0 && f[f.length - 1] === '') f.pop();
  return f;
}

function lines(text: string): string[] {
  const ls = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  while (ls.length > 0 && ls[ls.length - 1]!.trim() === '') ls.pop();
  return ls;
}

/** A number in a CSV field (plain decimal or exponent notation), or null. */
function numberIn(field: string): number | null {
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(field)) return null;
  const v = Number(field);
  return Number.isFinite(v) ? v : null;
}

const POSITION_SUFFIX = /\s+position$/i;

export function readKtabScenario(text: string): Parsed<SmpInput> {
  const ls = lines(text);
  if (ls.length === 0) return { ok: false, problem: 'the file is empty (expected a title line, a header line and one line per actor)' };
  const title = fieldsOf(ls[0]!);
  if (!title) return { ok: false, problem: 'line 1: a quote is not closed' };
  if (title.length < 4)
    return {
      ok: false,
      problem: `line 1: expected the scenario's name, description, number of actors and number of dimensions, found ${title.length} field(s)`,
    };
  const nActors = numberIn(title[2]!);
  if (nActors === null || !Number.isInteger(nActors) || nActors < 1)
    return { ok: false, problem: `line 1, column 3 (number of actors): expected a whole number ≥ 1, got "${title[2]}"` };
  const nDims = numberIn(title[3]!);
  if (nDims === null || !Number.isInteger(nDims) || nDims < 1)
    return { ok: false, problem: `line 1, column 4 (number of dimensions): expected a whole number ≥ 1, got "${title[3]}"` };
  if (ls.length < 2)
    return { ok: false, problem: 'line 2: the header line is missing (Actor, Description, Influence, then a position and a salience per dimension)' };
  const header = fieldsOf(ls[1]!);
  if (!header) return { ok: false, problem: 'line 2: a quote is not closed' };
  const width = 3 + 2 * nDims;
  if (header.length !== width)
    return {
      ok: false,
      problem: `line 2: expected ${width} columns (Actor, Description, Influence, then a position and a salience for each of the ${nDims} dimension(s) line 1 declares), found ${header.length}`,
    };
  for (let c = 0; c < width; c++) if (header[c] === '') return { ok: false, problem: `line 2, column ${c + 1}: the column has no name` };
  const dimensions = Array.from({ length: nDims }, (_, d) => {
    const positionHeader = header[3 + 2 * d]!;
    const salienceHeader = header[4 + 2 * d]!;
    return { name: positionHeader.replace(POSITION_SUFFIX, '') || positionHeader, positionHeader, salienceHeader };
  });
  const actors: SmpInput['actors'][number][] = [];
  for (let l = 2; l < ls.length; l++) {
    const at = `line ${l + 1}`;
    const f = fieldsOf(ls[l]!);
    if (!f) return { ok: false, problem: `${at}: a quote is not closed` };
    if (f.length === 0) continue;
    if (f.length < width) return { ok: false, problem: `${at}: expected ${width} columns, found ${f.length} (missing "${header[f.length]}")` };
    if (f.length > width) return { ok: false, problem: `${at}, column ${width + 1}: unexpected value "${f[width]}" after the last dimension's salience` };
    if (f[0] === '') return { ok: false, problem: `${at}, column 1 (${header[0]}): the actor has no name` };
    const num = (c: number): number | string => {
      const v = numberIn(f[c]!);
      return v === null ? `${at}, column ${c + 1} (${header[c]}): expected a number, got "${f[c]}"` : v;
    };
    const influence = num(2);
    if (typeof influence === 'string') return { ok: false, problem: influence };
    if (influence < 0) return { ok: false, problem: `${at}, column 3 (${header[2]}): influence must be ≥ 0, got ${f[2]}` };
    const position: number[] = [];
    const salience: number[] = [];
    let total = 0;
    for (let d = 0; d < nDims; d++) {
      const x = num(3 + 2 * d);
      if (typeof x === 'string') return { ok: false, problem: x };
      if (x < 0 || x > 100)
        return { ok: false, problem: `${at}, column ${4 + 2 * d} (${header[3 + 2 * d]}): a position must lie in [0, 100], got ${f[3 + 2 * d]}` };
      const sv = num(4 + 2 * d);
      if (typeof sv === 'string') return { ok: false, problem: sv };
      if (sv < 0 || sv > 100)
        return { ok: false, problem: `${at}, column ${5 + 2 * d} (${header[4 + 2 * d]}): a salience must lie in [0, 100], got ${f[4 + 2 * d]}` };
      position.push(x);
      salience.push(sv);
      total += sv;
    }
    if (total > 100 + 1e-9) return { ok: false, problem: `${at}: the saliences sum to ${+total.toFixed(6)}, more than 100` };
    if (actors.some((a) => a.name === f[0]))
      return { ok: false, problem: `${at}, column 1 (${header[0]}): the actor "${f[0]}" is already named on an earlier line` };
    actors.push({ name: f[0]!, description: f[1]!, influence, position, salience });
  }
  if (actors.length !== nActors)
    return {
      ok: false,
      problem: `line 1, column 3 (number of actors): the title line declares ${nActors} actor(s), but the file has ${actors.length} actor line(s)`,
    };
  return { ok: true, value: { title: title[0]!, description: title[1]!, dimensions, actors, influenceHeader: header[2]! } };
}

/** A field as CSV: quoted when it holds a comma, a quote, a line break or edge spaces. */
function csvField(s: string): string {
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Shortest text that reads back as the same double. */
function num(v: number): string {
  return Object.is(v, -0) ? '0' : String(v);
}

export function writeKtabScenario(input: SmpInput): string {
  const D = input.dimensions.length;
  const out = [
    `${csvField(input.title)},${csvField(input.description)},${input.actors.length},${D},`,
    [
      'Actor',
      'Description',
      csvField(input.influenceHeader ?? 'Influence'),
      ...input.dimensions.flatMap((d) => [csvField(d.positionHeader ?? `${d.name} Position`), csvField(d.salienceHeader ?? `${d.name} Salience`)]),
    ].join(',') + ',',
    ...input.actors.map(
      (a) => [csvField(a.name), csvField(a.description), num(a.influence), ...a.position.flatMap((x, d) => [num(x), num(a.salience[d]!)])].join(',') + ',',
    ),
  ];
  return `${out.join('\n')}\n`;
}

export interface PositionLogRow {
  readonly label: string;
  readonly values: readonly number[];
}

/** %5.1f as C prints it (an exact tie rounds to even, as glibc does). */
export function ktabNumber(v: number): string {
  let s = v.toFixed(1);
  // An exact tie is v = t/20 with t odd; it is a double only when 5 divides t (x.25, x.75).
  const t = Math.round(v * 20);
  if (t % 2 !== 0 && t % 5 === 0 && t / 20 === v) {
    // toFixed rounds the tie up, C to the even neighbour
    const down = Math.floor(t / 2);
    s = ((down % 2 === 0 ? down : down + 1) / 10).toFixed(1);
  }
  if (s === '-0.0') s = '0.0';
  return s.padStart(5);
}

export function writePositionLog(rows: readonly PositionLogRow[]): string {
  return rows.map((r) => `${r.label},${r.values.map(ktabNumber).join(',')}`).join('\n') + '\n';
}

export function readPositionLog(text: string): Parsed<PositionLogRow[]> {
  const rows: PositionLogRow[] = [];
  const ls = lines(text);
  for (let l = 0; l < ls.length; l++) {
    const f = fieldsOf(ls[l]!);
    if (!f) return { ok: false, problem: `line ${l + 1}: a quote is not closed` };
    if (f.length === 0) continue;
    if (f[0] === '') return { ok: false, problem: `line ${l + 1}, column 1: the actor has no name` };
    if (f.length < 2) return { ok: false, problem: `line ${l + 1}: expected the actor's name and then its position at each turn, found only "${f[0]}"` };
    const values: number[] = [];
    for (let c = 1; c < f.length; c++) {
      const v = numberIn(f[c]!);
      if (v === null) return { ok: false, problem: `line ${l + 1}, column ${c + 1}: expected a position, got "${f[c]}"` };
      values.push(v);
    }
    if (rows.length > 0 && values.length !== rows[0]!.values.length)
      return { ok: false, problem: `line ${l + 1}: ${values.length} turn(s), but line 1 has ${rows[0]!.values.length}` };
    rows.push({ label: f[0]!, values });
  }
  if (rows.length === 0) return { ok: false, problem: 'the file is empty (expected one line per actor)' };
  return { ok: true, value: rows };
}

/** The position log of a run: positions[t][i][d] (0–100) for the named actors and dimensions. */
export function positionLogRows(
  actors: readonly string[],
  dimensions: readonly string[],
  positions: readonly (readonly (readonly number[])[])[],
): PositionLogRow[] {
  const rows: PositionLogRow[] = [];
  actors.forEach((name, i) =>
    dimensions.forEach((dim, d) => rows.push({ label: dimensions.length === 1 ? name : `${name} (${dim})`, values: positions.map((p) => p[i]![d]!) })),
  );
  return rows;
}
