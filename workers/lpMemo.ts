/**
 * Identical linear programs, solved once. Wraps a loaded HiGHS runtime so that `raw.lpCall`
 * remembers its answers, keyed by the exact bytes of the model (sizes, sense, costs, bounds,
 * the CSR matrix); everything else passes through untouched. Install it with
 * `setHighsLoader(async () => memoiseHighs(await load()))`.
 *
 * Why: the common core is computed once per reading, and the readings differ in one actor's
 * constraints at most (grey leaves one actor out; russia-limit, us-buffer and golden each
 * change one actor), so most of their feasibility LPs repeat: for the Belarus scenario 2,113
 * LP calls are 522 distinct programs. In the app, a live edit changes one actor, so the next
 * analysis repeats most LPs of the last one too.
 *
 * Answers are returned as fresh copies (callers may keep or modify them). The cache holds at
 * most `capacity` programs and forgets the least recently used.
 */
import type { Highs } from 'highs';

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

function modelKey(m: LpModel): string {
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
    integrality?: unknown;
    hessian?: unknown;
  };
  const parts: ArrayLike<number>[] = [
    mm.colCost ?? [],
    mm.colLower ?? [],
    mm.colUpper ?? [],
    mm.rowLower ?? [],
    mm.rowUpper ?? [],
    mm.matrix?.starts ?? [],
    mm.matrix?.indices ?? [],
    mm.matrix?.values ?? [],
  ];
  let len = 4 + parts.length;
  for (const p of parts) len += p.length;
  const buf = new Float64Array(len);
  let k = 0;
  buf[k++] = mm.numCols;
  buf[k++] = mm.numRows;
  buf[k++] = Number(mm.sense ?? 0);
  buf[k++] = mm.offset ?? 0;
  for (const p of parts) {
    buf[k++] = p.length; // lengths keep the concatenation unambiguous
    for (let i = 0; i < p.length; i++) buf[k++] = p[i]!;
  }
  const u16 = new Uint16Array(buf.buffer);
  let key = `${mm.matrix?.format ?? ''}|`;
  for (let i = 0; i < u16.length; i += 4096) key += String.fromCharCode.apply(null, Array.from(u16.subarray(i, i + 4096)));
  return key;
}

export function memoiseHighs(highs: Highs, capacity = 20_000): MemoisedHighs {
  const cache = new Map<string, unknown>();
  const stats: LpMemoStats = { calls: 0, solved: 0 };
  const raw = highs.raw;
  const lpCall = (model: LpModel) => {
    stats.calls++;
    const key = modelKey(model);
    const hit = cache.get(key);
    if (hit !== undefined) {
      cache.delete(key);
      cache.set(key, hit);
      return structuredClone(hit) as ReturnType<Highs['raw']['lpCall']>;
    }
    stats.solved++;
    const out = raw.lpCall(model);
    try {
      cache.set(key, structuredClone(out));
      if (cache.size > capacity) cache.delete(cache.keys().next().value!);
    } catch {
      // Not cloneable: do not cache.
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
  return { highs: bindTo(highs, { raw: memoRaw }), stats, clear: () => cache.clear() };
}
