import { Logger } from '@nestjs/common';
import { Redis } from 'ioredis';
import { type RateLimitHit, type RateLimitStore } from './rate-limit.store';

/**
 * Counters in Redis, shared by every API instance: INCR and PEXPIRE of each counter run in one
 * MULTI, so a counter never lives without its expiry. When Redis cannot answer, requests are let
 * through (and logged): a cache outage must not lock everyone out of the platform.
 */
export class RedisRateLimitStore implements RateLimitStore {
  private readonly logger = new Logger('RateLimit');
  private readonly redis: Redis;

  constructor(url: string) {
    this.redis = new Redis(url, {
      maxRetriesPerRequest: 1,
      commandTimeout: 500,
      // Reconnects quietly; the 'error' listener keeps ioredis from printing unhandled errors.
      lazyConnect: false,
    });
    this.redis.on('error', (error: Error) => {
      this.logger.warn(`Redis unavailable for rate limits: ${error.message}`);
    });
  }

  async hit(hits: readonly RateLimitHit[]): Promise<number[]> {
    if (hits.length === 0) return [];
    const transaction = this.redis.multi();
    for (const { key, ttlMs } of hits) transaction.incr(key).pexpire(key, ttlMs);
    try {
      const results = await transaction.exec();
      // exec() answers [error, value] pairs: INCR, PEXPIRE, INCR, PEXPIRE…
      return hits.map((_, index) => {
        const [error, value] = results?.[index * 2] ?? [new Error('no reply'), null];
        if (error) throw error;
        return Number(value);
      });
    } catch (error) {
      this.logger.warn(`Rate limit not applied, Redis failed: ${(error as Error).message}`);
      return hits.map(() => 0);
    }
  }

  /** Closes the connection (on application shutdown). */
  async close(): Promise<void> {
    if (this.redis.status === 'end') return;
    // Not connected: stop reconnecting at once (QUIT would wait for a connection).
    if (this.redis.status !== 'ready') return this.redis.disconnect();
    try {
      await this.redis.quit();
    } catch {
      this.redis.disconnect();
    }
  }
}
