import { LoaderRegistry } from '../dataloader/loader-registry';
import { type GraphQLContext } from '../graphql/graphql-context';

const DONE: IteratorReturnResult<undefined> = { done: true, value: undefined };

/**
 * Maps each event of `source` for one subscriber, skipping those mapped to null (what the
 * subscriber may not read). Unlike an async generator, `return()` (the client unsubscribes)
 * ends a pending `next()` at once and reaches the source, even while waiting for an event; the
 * PubSub iterators alone would leave a `next()` called before they subscribed pending forever.
 * `onEnd` runs once when the subscriber leaves.
 */
export function liveEvents<T, R>(
  source: AsyncIterator<T>,
  map: (event: T) => Promise<R | null>,
  onEnd?: () => void,
): AsyncIterableIterator<R> {
  let isDone = false;
  let stop: () => void = () => undefined;
  const stopped = new Promise<typeof DONE>((resolve) => {
    stop = () => resolve(DONE);
  });
  const end = async (): Promise<typeof DONE> => {
    if (isDone) return DONE;
    isDone = true;
    stop();
    onEnd?.();
    await source.return?.();
    return DONE;
  };
  const iterator: AsyncIterableIterator<R> = {
    async next(): Promise<IteratorResult<R>> {
      while (!isDone) {
        const event = await Promise.race([source.next(), stopped]);
        if (event.done || isDone) return DONE;
        const mapped = await map(event.value);
        if (mapped !== null && !isDone) return { done: false, value: mapped };
      }
      return DONE;
    },
    return: end,
    async throw(error?: unknown): Promise<IteratorResult<R>> {
      await end();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return iterator;
}

/**
 * One read per event, shared by every subscriber of this process that receives it: an event
 * reaches all the subscribers of a proposal at once, and each would otherwise query the same
 * rows. Keyed by the event object itself (the PubSub hands the same object to every listener of
 * a trigger), so the next event always reads afresh; an event delivered as separate objects is
 * simply read once per object. Callers still check what each subscriber may read.
 */
export function readOncePerEvent<E extends object, V>(
  read: (event: E) => Promise<V>,
): (event: E) => Promise<V> {
  const reads = new WeakMap<E, Promise<V>>();
  return (event) => {
    let result = reads.get(event);
    if (!result) {
      result = read(event);
      reads.set(event, result);
    }
    return result;
  };
}

/**
 * `resolve` of every @Subscription: the value is already mapped; each event gets fresh
 * DataLoaders, since the context lives as long as the subscription and caches would go stale.
 */
export function eachEvent<T>(value: T, _args: unknown, context: GraphQLContext): T {
  context.loaders = new LoaderRegistry();
  return value;
}
