import { Logger } from '@nestjs/common';
import { RedisRateLimitStore } from './redis-rate-limit.store';

describe('RedisRateLimitStore', () => {
  beforeAll(() => jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined));
  afterAll(() => jest.restoreAllMocks());

  it('lets calls through (count 0) when Redis cannot be reached', async () => {
    // Port 9 (discard) is closed on test machines: every connection attempt is refused.
    const store = new RedisRateLimitStore('redis://127.0.0.1:9');
    try {
      expect(await store.hit([{ key: 'a', ttlMs: 1000 }])).toEqual([0]);
      expect(await store.hit([])).toEqual([]);
    } finally {
      await store.close();
      // ioredis keeps a 2 s safety timer after disconnecting a client that never connected.
      await new Promise((resolve) => setTimeout(resolve, 2_100));
    }
  }, 15_000);
});
