/**
 * Token buckets: each socket's message rate, and failed joins per connection and per address
 * (so that guessing join codes, keys or tokens is slow). Time comes from the injected clock.
 */

export interface BucketSpec {
  /** Tokens when full (the burst allowed). */
  readonly capacity: number;
  /** Tokens added per second. */
  readonly perSecond: number;
}

export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    readonly spec: BucketSpec,
    now: number,
  ) {
    this.tokens = spec.capacity;
    this.last = now;
  }

  private refill(now: number): void {
    if (now > this.last) {
      this.tokens = Math.min(this.spec.capacity, this.tokens + ((now - this.last) / 1000) * this.spec.perSecond);
      this.last = now;
    }
  }

  /** Takes `cost` tokens if there are enough: 0 when taken, else the milliseconds until they would be. */
  take(now: number, cost = 1): number {
    this.refill(now);
    if (this.tokens >= cost) {
      this.tokens -= cost;
      return 0;
    }
    return Math.ceil(((cost - this.tokens) / this.spec.perSecond) * 1000);
  }

  /** Milliseconds until `cost` tokens are there (0: now), without taking any. */
  wait(now: number, cost = 1): number {
    this.refill(now);
    return this.tokens >= cost ? 0 : Math.ceil(((cost - this.tokens) / this.spec.perSecond) * 1000);
  }

  full(now: number): boolean {
    this.refill(now);
    return this.tokens >= this.spec.capacity;
  }
}

/** Buckets by key (an address), bounded in number: full buckets are dropped by `prune`. */
export class KeyedBuckets {
  private readonly map = new Map<string, TokenBucket>();
  private lastPrune = -Infinity;

  constructor(
    readonly spec: BucketSpec,
    readonly maxKeys = 50_000,
  ) {}

  get(key: string, now: number): TokenBucket {
    let b = this.map.get(key);
    if (!b) {
      // A full sweep at most once a second, so that a stream of new addresses cannot make every lookup a sweep.
      if (this.map.size >= this.maxKeys && now - this.lastPrune >= 1000) this.prune(now);
      // Still full of strangers: forget the oldest (a fresh bucket is full, so this only ever relaxes a limit for an old key).
      if (this.map.size >= this.maxKeys) this.map.delete(this.map.keys().next().value!);
      b = new TokenBucket(this.spec, now);
      this.map.set(key, b);
    }
    return b;
  }

  prune(now: number): void {
    this.lastPrune = now;
    for (const [k, b] of this.map) if (b.full(now)) this.map.delete(k);
  }

  get size(): number {
    return this.map.size;
  }
}
