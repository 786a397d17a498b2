import { EventEmitter } from 'node:events';
import { Logger } from '@nestjs/common';
import { type PubSubRedisOptions, RedisPubSub } from 'graphql-redis-subscriptions';
import { PubSub, type PubSubEngine } from 'graphql-subscriptions';
import { Redis } from 'ioredis';

/** Injection token of the PubSubEngine chosen by the configuration (REDIS_URL). */
export const PUB_SUB = Symbol('PUB_SUB');

/** A PubSub and how to close it on shutdown. */
export interface RealtimeTransport {
  pubSub: PubSubEngine;
  close(): Promise<void>;
}

/**
 * In-process PubSub (one API instance), or Redis pub/sub shared by every instance: a publisher
 * and a subscriber connection (a Redis connection in subscriber mode can do nothing else).
 */
export function createRealtimeTransport(redisUrl: string | null): RealtimeTransport {
  if (!redisUrl) return { pubSub: localPubSub(), close: () => Promise.resolve() };
  const logger = new Logger('Realtime');
  const connect = (role: string, options: { commandTimeout?: number }) => {
    const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1, ...options });
    // Reconnects quietly; the 'error' listener keeps ioredis from printing unhandled errors.
    redis.on('error', (error: Error) => {
      logger.warn(`Redis unavailable for live updates (${role}): ${error.message}`);
    });
    return redis;
  };
  // A publish must not hold a mutation's answer for long when Redis is away.
  const publisher = connect('publisher', { commandTimeout: 500 });
  const subscriber = connect('subscriber', {});
  return {
    // The library types its own nested ioredis 5; it only calls publish, (un)subscribe and
    // on('message'), which ioredis 6 (the project's, as for rate limits) keeps unchanged.
    pubSub: new RedisPubSub({
      publisher: publisher as unknown as PubSubRedisOptions['publisher'],
      subscriber: subscriber as unknown as PubSubRedisOptions['subscriber'],
    }),
    close: async () => {
      await Promise.all([quit(publisher), quit(subscriber)]);
    },
  };
}

/** An in-process PubSub: any number of subscribers per trigger (a popular proposal, moderators). */
export function localPubSub(): PubSub {
  const eventEmitter = new EventEmitter();
  eventEmitter.setMaxListeners(0);
  return new PubSub({ eventEmitter });
}

async function quit(redis: Redis): Promise<void> {
  if (redis.status === 'end') return;
  // Not connected: stop reconnecting at once (QUIT would wait for a connection).
  if (redis.status !== 'ready') return redis.disconnect();
  try {
    await redis.quit();
  } catch {
    redis.disconnect();
  }
}
