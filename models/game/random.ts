/**
 * Seeded randomness: nothing in models/ calls Math.random(). A generator is made from a seed,
 * and the same seed gives the same sequence everywhere.
 */
import { fnv1a } from './hash';

/** mulberry32 (Tommy Ettinger's 32-bit generator): small, fast, and the same sequence for the same seed everywhere. */
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

/**
 * A generator per key (e.g. run seed, round, actor), so that a bot's draw does not depend on the
 * order in which bots are asked, and replays reproduce it: mulberry32 seeded through FNV-1a over
 * the key.
 */
export function rngFor(seed: number, ...parts: (string | number)[]): () => number {
  return mulberry32(fnv1a(`${seed}|${parts.join('|')}`));
}
