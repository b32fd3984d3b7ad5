/**
 * Seeded randomness for bots: a generator per (run seed, round, actor), so a bot's draw does not
 * depend on the order in which bots are asked, and replays reproduce it. mulberry32 (Tommy
 * Ettinger's 32-bit generator) seeded through FNV-1a over the key.
 */
import { mulberry32 } from '../analysis/game/random';

export { mulberry32 };

export function hashKey(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export function rngFor(seed: number, ...parts: (string | number)[]): () => number {
  return mulberry32(hashKey(`${seed}|${parts.join('|')}`));
}
