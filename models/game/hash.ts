/**
 * FNV-1a (Fowler–Noll–Vo, 32-bit) over the UTF-16 code units of a text: a stable fingerprint,
 * the same in every runtime. Not a cryptographic hash; used for seeds and input fingerprints.
 */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}
