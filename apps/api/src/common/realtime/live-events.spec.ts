import { PubSub } from 'graphql-subscriptions';
import { type GraphQLContext } from '../graphql/graphql-context';
import { eachEvent, liveEvents } from './live-events';

describe('liveEvents', () => {
  it('maps events in order and skips those mapped to null', async () => {
    const pubSub = new PubSub<{ t: number }>();
    const events = liveEvents(pubSub.asyncIterableIterator<number>('t'), (n) =>
      Promise.resolve(n % 2 === 0 ? null : n * 10),
    );
    const first = events.next();
    for (const n of [1, 2, 3]) await pubSub.publish('t', n);
    expect(await first).toEqual({ done: false, value: 10 });
    expect(await events.next()).toEqual({ done: false, value: 30 });
  });

  it('ends a pending next() at once when the subscriber leaves', async () => {
    const pubSub = new PubSub<{ t: number }>();
    const events = liveEvents(pubSub.asyncIterableIterator<number>('t'), (n) => Promise.resolve(n));
    const pending = events.next();
    await events.return?.();
    expect(await pending).toEqual({ done: true, value: undefined });
    await pubSub.publish('t', 1);
    expect(await events.next()).toEqual({ done: true, value: undefined });
  });

  it('gives each event fresh DataLoaders', () => {
    const context = { loaders: null } as unknown as GraphQLContext;
    expect(eachEvent('value', {}, context)).toBe('value');
    const first = context.loaders;
    eachEvent('again', {}, context);
    expect(context.loaders).not.toBe(first);
  });
});
