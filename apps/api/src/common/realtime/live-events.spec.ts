import { PubSub } from 'graphql-subscriptions';
import { type GraphQLContext } from '../graphql/graphql-context';
import { eachEvent, liveEvents, readOncePerEvent } from './live-events';

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

describe('readOncePerEvent', () => {
  it('reads once for all the subscribers that receive one published event', async () => {
    const pubSub = new PubSub<{ t: { proposalId: string } }>();
    const read = jest.fn((event: { proposalId: string }) =>
      Promise.resolve(`row ${event.proposalId}`),
    );
    const readOnce = readOncePerEvent(read);
    const subscribers = [1, 2, 3].map(() =>
      liveEvents(pubSub.asyncIterableIterator<{ proposalId: string }>('t'), readOnce),
    );
    const firsts = subscribers.map((events) => events.next());
    await pubSub.publish('t', { proposalId: 'p1' });
    expect(await Promise.all(firsts)).toEqual(
      [1, 2, 3].map(() => ({ done: false, value: 'row p1' })),
    );
    expect(read).toHaveBeenCalledTimes(1);

    // The next event, even about the same proposal, is read afresh.
    const seconds = subscribers.map((events) => events.next());
    await pubSub.publish('t', { proposalId: 'p1' });
    await Promise.all(seconds);
    expect(read).toHaveBeenCalledTimes(2);
  });

  it('hands a failed read to every subscriber of the event', async () => {
    const readOnce = readOncePerEvent(() => Promise.reject(new Error('database down')));
    const event = { proposalId: 'p1' };
    await expect(readOnce(event)).rejects.toThrow('database down');
    await expect(readOnce(event)).rejects.toThrow('database down');
  });
});
