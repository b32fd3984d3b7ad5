/**
 * A set of fixed-width bit strings (bases or label sets of a polytope, `words` × 32 bits each),
 * stored flat in one Uint32Array with open addressing and linear probing. Millions of keys cost
 * about 16·words bytes each, against several times that for strings in a JS Set. The all-zero
 * key marks an empty slot, so it cannot be stored (a basis or a vertex always has some bit set).
 */
export class KeySet {
  private table: Uint32Array;
  private mask: number;
  size = 0;

  constructor(
    readonly words: number,
    capacity = 1024,
  ) {
    let cap = 16;
    while (cap < capacity * 2) cap *= 2;
    this.table = new Uint32Array(cap * words);
    this.mask = cap - 1;
  }

  private hash(key: Uint32Array, off = 0): number {
    let h = 0x811c9dc5;
    for (let w = 0; w < this.words; w++) {
      h = Math.imul(h ^ key[off + w]!, 0x01000193);
      h ^= h >>> 15;
    }
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    return (h ^ (h >>> 16)) >>> 0;
  }

  /**
   * Linear probing from the key's hash: the slot holding the key (≥ 0), or −(slot + 1) for the
   * empty slot where it would go.
   */
  private probe(key: Uint32Array): number {
    const W = this.words;
    const t = this.table;
    for (let slot = this.hash(key) & this.mask; ; slot = (slot + 1) & this.mask) {
      const o = slot * W;
      let empty = true;
      let same = true;
      for (let w = 0; w < W; w++) {
        const v = t[o + w]!;
        if (v !== 0) empty = false;
        if (v !== key[w]) same = false;
      }
      if (empty) return -(slot + 1);
      if (same) return slot;
    }
  }

  /** Whether the key is present. */
  has(key: Uint32Array): boolean {
    return this.probe(key) >= 0;
  }

  /** Insert; true when the key was not present before. */
  add(key: Uint32Array): boolean {
    if ((this.size + 1) * 2 > this.mask + 1) this.grow();
    const slot = this.probe(key);
    if (slot >= 0) return false;
    const o = (-slot - 1) * this.words;
    for (let w = 0; w < this.words; w++) this.table[o + w] = key[w]!;
    this.size++;
    return true;
  }

  private grow(): void {
    const W = this.words;
    const old = this.table;
    const cap = (this.mask + 1) * 2;
    this.table = new Uint32Array(cap * W);
    this.mask = cap - 1;
    const t = this.table;
    for (let o = 0; o < old.length; o += W) {
      let empty = true;
      for (let w = 0; w < W; w++) if (old[o + w] !== 0) empty = false;
      if (empty) continue;
      for (let slot = this.hash(old, o) & this.mask; ; slot = (slot + 1) & this.mask) {
        const p = slot * W;
        let free = true;
        for (let w = 0; w < W; w++) if (t[p + w] !== 0) free = false;
        if (free) {
          for (let w = 0; w < W; w++) t[p + w] = old[o + w]!;
          break;
        }
      }
    }
  }
}
