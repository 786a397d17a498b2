import { Inject, Injectable, Logger } from '@nestjs/common';
import { type PubSubEngine } from 'graphql-subscriptions';
import { InjectConfig } from '../../config/app-config';
import { type AppConfig } from '../../config/config.schema';
import { PUB_SUB } from './pubsub';
import { type RealtimeChannel, type RealtimeEvents } from './realtime.events';

/**
 * Publishes and listens to live events, through Redis when several API processes run (REDIS_URL)
 * or in this process. Publish after the transaction commits; a failed publish is logged, never
 * fails the mutation that caused it.
 */
@Injectable()
export class RealtimeService {
  private readonly logger = new Logger('Realtime');

  constructor(
    @Inject(PUB_SUB) private readonly pubSub: PubSubEngine,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  async publish<C extends RealtimeChannel>(
    channel: C,
    payload: RealtimeEvents[C],
    scope?: string,
  ): Promise<void> {
    try {
      await this.pubSub.publish(this.trigger(channel, scope), payload);
    } catch (error) {
      this.logger.warn(`Live event ${channel} not published: ${(error as Error).message}`);
    }
  }

  /** The events of a channel (of one scope, e.g. a proposal id) from now on. */
  listen<C extends RealtimeChannel>(channel: C, scope?: string): AsyncIterator<RealtimeEvents[C]> {
    return this.pubSub.asyncIterableIterator<RealtimeEvents[C]>(this.trigger(channel, scope));
  }

  private trigger(channel: RealtimeChannel, scope: string | undefined): string {
    return `${this.config.redisKeyPrefix}live:${channel}${scope ? `:${scope}` : ''}`;
  }
}
