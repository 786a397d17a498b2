import { type RateLimitHit, type RateLimitStore } from './rate-limit.store';

const SWEEP_EVERY_MS = 60_000;

/**
 * Counters in this process's memory (one API instance, development, tests). Expired counters
 * are dropped when touched and by a sweep at most once a minute, so memory stays bounded.
 */
export class MemoryRateLimitStore implements RateLimitStore {
  private readonly counters = new Map<string, { count: number; expiresAt: number }>();
  private nextSweepAt = 0;

  constructor(private readonly clock: () => number = Date.now) {}

  hit(hits: readonly RateLimitHit[]): Promise<number[]> {
    const now = this.clock();
    this.sweep(now);
    return Promise.resolve(
      hits.map(({ key, ttlMs }) => {
        const counter = this.counters.get(key);
        if (counter && counter.expiresAt > now) return ++counter.count;
        this.counters.set(key, { count: 1, expiresAt: now + ttlMs });
        return 1;
      }),
    );
  }

  /** How many counters are held (expired ones included until swept). */
  get size(): number {
    return this.counters.size;
  }

  private sweep(now: number): void {
    if (now < this.nextSweepAt) return;
    this.nextSweepAt = now + SWEEP_EVERY_MS;
    for (const [key, counter] of this.counters) {
      if (counter.expiresAt <= now) this.counters.delete(key);
    }
  }
}
