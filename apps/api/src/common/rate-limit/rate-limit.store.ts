/** One counter to increment: its key and how long it must live (until its window ends). */
export interface RateLimitHit {
  key: string;
  ttlMs: number;
}

/**
 * Where rate-limit counters live: this process's memory, or Redis when several API instances
 * must share them. Counters are fixed windows: the window is part of the key.
 */
export interface RateLimitStore {
  /** Increments each counter (creating it with its TTL) and returns the new counts, in order. */
  hit(hits: readonly RateLimitHit[]): Promise<number[]>;
}

/** Injection token of the RateLimitStore chosen by the configuration (REDIS_URL). */
export const RATE_LIMIT_STORE = Symbol('RATE_LIMIT_STORE');
