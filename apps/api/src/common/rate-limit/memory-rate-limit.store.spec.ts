import { MemoryRateLimitStore } from './memory-rate-limit.store';

describe('MemoryRateLimitStore', () => {
  it('counts hits per key until the counter expires', async () => {
    let now = 1_000;
    const store = new MemoryRateLimitStore(() => now);
    expect(await store.hit([{ key: 'a', ttlMs: 500 }])).toEqual([1]);
    expect(
      await store.hit([
        { key: 'a', ttlMs: 500 },
        { key: 'b', ttlMs: 500 },
      ]),
    ).toEqual([2, 1]);
    now = 1_499;
    expect(await store.hit([{ key: 'a', ttlMs: 500 }])).toEqual([3]);
    now = 1_500;
    expect(await store.hit([{ key: 'a', ttlMs: 500 }])).toEqual([1]);
  });

  it('drops expired counters at most once a minute', async () => {
    let now = 0;
    const store = new MemoryRateLimitStore(() => now);
    await store.hit([
      { key: 'short', ttlMs: 10 },
      { key: 'long', ttlMs: 120_000 },
    ]);
    now = 30_000;
    await store.hit([{ key: 'other', ttlMs: 10 }]);
    expect(store.size).toBe(3); // swept at 0, next sweep at 60 s
    now = 61_000;
    await store.hit([]);
    expect(store.size).toBe(1); // only "long" is still running
  });
});
