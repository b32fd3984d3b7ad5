/**
 * Seeded randomness for bots: a generator per (run seed, round, actor), so a bot's draw does not
 * depend on the order in which bots are asked, and replays reproduce it. mulberry32 (Tommy
 * Ettinger's 32-bit generator) seeded through FNV-1a over the key.
 */
export function hashKey(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function rngFor(seed: number, ...parts: (string | number)[]): () => number {
  return mulberry32(hashKey(`${seed}|${parts.join('|')}`));
}
