import { type CachedAnswer, PublicReadCache } from './public-read-cache';

const answer = (text: string): CachedAnswer => ({
  body: Buffer.from(text),
  contentType: 'application/json; charset=utf-8',
});

function cacheAt(options: { ttlMs?: number; maxEntries?: number; maxAnswerBytes?: number } = {}) {
  const clock = { now: 1_000 };
  const cache = new PublicReadCache({ ttlMs: 2_000, ...options, now: () => clock.now });
  return { cache, clock };
}

describe('PublicReadCache', () => {
  it('keeps an answer for its time to live', () => {
    const { cache, clock } = cacheAt();
    expect(cache.keepAnswer('k', cache.generation, answer('a'))).toBe(true);
    clock.now += 1_999;
    expect(cache.answer('k')?.body.toString()).toBe('a');
    clock.now += 1;
    expect(cache.answer('k')).toBeUndefined();
    // Past its time to live it may still stand in while its replacement is computed…
    expect(cache.staleAnswer('k')?.body.toString()).toBe('a');
    clock.now += 1_999;
    expect(cache.staleAnswer('k')?.body.toString()).toBe('a');
    // …for one more time to live at most.
    clock.now += 1;
    expect(cache.staleAnswer('k')).toBeUndefined();
    expect(cache.size().answers).toBe(0);
  });

  it('never stands in with an answer from before an invalidation', () => {
    const { cache, clock } = cacheAt();
    cache.keepAnswer('k', cache.generation, answer('a'));
    clock.now += 2_500;
    cache.invalidate();
    expect(cache.staleAnswer('k')).toBeUndefined();
  });

  it('refuses an answer computed before an invalidation', () => {
    const { cache } = cacheAt();
    const started = cache.generation;
    cache.invalidate();
    expect(cache.keepAnswer('k', started, answer('stale'))).toBe(false);
    expect(cache.answer('k')).toBeUndefined();
  });

  it('empties both stores and tells the other processes on invalidate, not on clear', async () => {
    const { cache } = cacheAt();
    const broadcast = jest.fn();
    cache.onInvalidate(broadcast);
    cache.keepAnswer('k', cache.generation, answer('a'));
    await cache.count('c', () => Promise.resolve(3));
    cache.clear();
    expect(cache.size()).toEqual({ answers: 0, counts: 0 });
    expect(broadcast).not.toHaveBeenCalled();
    cache.invalidate();
    expect(broadcast).toHaveBeenCalledTimes(1);
  });

  it('drops the oldest entry beyond its size, and answers that are too large', () => {
    const { cache } = cacheAt({ maxEntries: 2, maxAnswerBytes: 4 });
    cache.keepAnswer('a', cache.generation, answer('1'));
    cache.keepAnswer('b', cache.generation, answer('2'));
    cache.keepAnswer('c', cache.generation, answer('3'));
    expect(cache.answer('a')).toBeUndefined();
    expect(cache.answer('b')?.body.toString()).toBe('2');
    expect(cache.keepAnswer('d', cache.generation, answer('12345'))).toBe(false);
  });

  it('shares one count between concurrent and later callers of the same key', async () => {
    const { cache } = cacheAt();
    let calls = 0;
    const compute = () => {
      calls += 1;
      return Promise.resolve(42);
    };
    const [a, b] = await Promise.all([cache.count('k', compute), cache.count('k', compute)]);
    expect([a, b, await cache.count('k', compute), calls]).toEqual([42, 42, 42, 1]);
    expect(await cache.count('other', compute)).toBe(42);
    expect(calls).toBe(2);
  });

  it('forgets a failed count and a count that raced a write', async () => {
    const { cache } = cacheAt();
    await expect(cache.count('k', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await cache.count('k', () => Promise.resolve(1))).toBe(1);

    let finish: (value: number) => void = () => undefined;
    const slow = cache.count('race', () => new Promise<number>((resolve) => (finish = resolve)));
    cache.invalidate();
    finish(5);
    expect(await slow).toBe(5);
    expect(await cache.count('race', () => Promise.resolve(6))).toBe(6);
  });

  it('computes every time and keeps nothing when its time to live is 0', async () => {
    const { cache } = cacheAt({ ttlMs: 0 });
    expect(cache.enabled).toBe(false);
    expect(cache.keepAnswer('k', cache.generation, answer('a'))).toBe(false);
    let calls = 0;
    const compute = () => Promise.resolve((calls += 1));
    expect([await cache.count('k', compute), await cache.count('k', compute)]).toEqual([1, 2]);
  });
});
