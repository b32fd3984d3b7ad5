/**
 * Identical linear programs, solved once. Wraps a loaded HiGHS runtime so that `raw.lpCall`
 * remembers its answers, keyed by the exact bytes of the model (sizes, sense, costs, bounds,
 * the CSR matrix); everything else passes through untouched. Install it with
 * `setHighsLoader(async () => memoiseHighs(await load()).highs)`.
 *
 * Why: the common core is computed once per reading, and the readings differ in one actor's
 * constraints at most (grey leaves one actor out; russia-limit, us-buffer and golden each
 * change one actor), so many of their LPs repeat; the common core's own memo and witnesses
 * (models/analysis/commonCore) settle most feasibility questions before they become LPs, and this
 * memo catches what repeats beyond them (`npm run bench -- analysis` prints the calls and the
 * distinct programs). In the app, a live edit changes one actor, so the next analysis repeats
 * LPs of the last one too (Chebyshev centres, the cooperative game's programs).
 *
 * Answers are returned as fresh copies (callers may keep or modify them). The cache holds at
 * most `capacity` programs (default 5,000, a few kB each for Belarus-sized programs) and
 * forgets the least recently used. Lookups hash the exact bits of
 * every number of the model and then compare the model itself, so a hash collision can never
 * return another program's answer.
 */
import type { Highs } from 'highs';
import { lpCallOf } from '../models/game/lp';

export interface LpMemoStats {
  calls: number;
  solved: number;
}

export interface MemoisedHighs {
  highs: Highs;
  stats: LpMemoStats;
  clear(): void;
}

type LpModel = Parameters<Highs['raw']['lpCall']>[0];

/** The parts of a model that decide its answer, as numbers and number arrays. */
function modelParts(m: LpModel): { head: number[]; arrays: ArrayLike<number>[]; format: string } {
  const mm = m as unknown as {
    numCols: number;
    numRows: number;
    sense?: unknown;
    offset?: number;
    colCost?: ArrayLike<number>;
    colLower?: ArrayLike<number>;
    colUpper?: ArrayLike<number>;
    rowLower?: ArrayLike<number>;
    rowUpper?: ArrayLike<number>;
    matrix?: { format?: string; starts?: ArrayLike<number>; indices?: ArrayLike<number>; values?: ArrayLike<number> };
  };
  const none: number[] = [];
  return {
    head: [mm.numCols, mm.numRows, Number(mm.sense ?? 0), mm.offset ?? 0],
    arrays: [
      mm.colCost ?? none,
      mm.colLower ?? none,
      mm.colUpper ?? none,
      mm.rowLower ?? none,
      mm.rowUpper ?? none,
      mm.matrix?.starts ?? none,
      mm.matrix?.indices ?? none,
      mm.matrix?.values ?? none,
    ],
    format: mm.matrix?.format ?? '',
  };
}

const f64 = new Float64Array(1);
const i32 = new Int32Array(f64.buffer);

/** Two independent 32-bit hashes over the exact bits of every number (a bucket key; hits are verified). */
function hashParts(parts: ReturnType<typeof modelParts>): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  const mix = (x: number) => {
    f64[0] = x;
    const a = i32[0]!;
    const b = i32[1]!;
    h1 = Math.imul(h1 ^ a, 0x01000193);
    h1 = Math.imul(h1 ^ b, 0x01000193);
    h2 = Math.imul(h2 ^ b, 0x5bd1e995) + a;
    h2 = (h2 ^ (h2 >>> 15)) | 0;
  };
  for (const x of parts.head) mix(x);
  for (const arr of parts.arrays) {
    mix(arr.length);
    for (let i = 0; i < arr.length; i++) mix(arr[i]!);
  }
  return `${parts.format}|${h1 >>> 0}|${h2 >>> 0}`;
}

function sameParts(p: ReturnType<typeof modelParts>, q: ReturnType<typeof modelParts>): boolean {
  if (p.format !== q.format) return false;
  for (let i = 0; i < p.head.length; i++) if (!Object.is(p.head[i], q.head[i])) return false;
  for (let k = 0; k < p.arrays.length; k++) {
    const a = p.arrays[k]!;
    const b = q.arrays[k]!;
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  }
  return true;
}

/** A deep copy of plain data (objects, arrays, typed arrays), so callers never share an answer. */
function copy<T>(x: T): T {
  if (ArrayBuffer.isView(x)) return (x as unknown as Float64Array).slice() as unknown as T;
  if (Array.isArray(x)) return x.map(copy) as unknown as T;
  if (x && typeof x === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(x)) out[k] = copy(v);
    return out as T;
  }
  return x;
}

function frozenParts(p: ReturnType<typeof modelParts>): ReturnType<typeof modelParts> {
  return { head: [...p.head], arrays: p.arrays.map((a) => Float64Array.from(a)), format: p.format };
}

export function memoiseHighs(highs: Highs, capacity = 5_000): MemoisedHighs {
  type Entry = { parts: ReturnType<typeof modelParts>; out: ReturnType<Highs['raw']['lpCall']> };
  const cache = new Map<string, Entry[]>();
  let size = 0;
  const stats: LpMemoStats = { calls: 0, solved: 0 };
  const raw = highs.raw;
  // Programs not seen before are solved as `solveLpWith` would solve them on `highs` itself (one
  // persistent native model for a plain runtime; see lpCallOf).
  const solve = lpCallOf(highs);
  const lpCall = (model: LpModel) => {
    stats.calls++;
    const parts = modelParts(model);
    const key = hashParts(parts);
    const bucket = cache.get(key);
    const hit = bucket?.find((e) => sameParts(e.parts, parts));
    if (hit) {
      // Most recently used last.
      cache.delete(key);
      cache.set(key, bucket!);
      return copy(hit.out);
    }
    stats.solved++;
    const out = solve(model);
    if (bucket) bucket.push({ parts: frozenParts(parts), out: copy(out) });
    else cache.set(key, [{ parts: frozenParts(parts), out: copy(out) }]);
    if (++size > capacity) {
      const oldest = cache.keys().next().value!;
      size -= cache.get(oldest)!.length;
      cache.delete(oldest);
    }
    return out;
  };
  // A view of `target` with some properties replaced. The proxy's own target is an empty
  // object, because HiGHS freezes its runtime objects (a proxy over a frozen object must
  // return the original values).
  const bindTo = <T extends object>(target: T, override: Partial<Record<PropertyKey, unknown>>): T =>
    new Proxy({} as T, {
      get(_, p) {
        if (Object.prototype.hasOwnProperty.call(override, p)) return override[p as keyof typeof override];
        const v = Reflect.get(target, p, target);
        return typeof v === 'function' ? v.bind(target) : v;
      },
      has: (_, p) => p in target,
    });
  const memoRaw = bindTo(raw, { lpCall });
  return {
    highs: bindTo(highs, { raw: memoRaw }),
    stats,
    clear: () => {
      cache.clear();
      size = 0;
    },
  };
}
