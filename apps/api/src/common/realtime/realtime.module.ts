import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG } from '../../config/app-config';
import { type AppConfig } from '../../config/config.schema';
import { createRealtimeTransport, PUB_SUB, type RealtimeTransport } from './pubsub';
import { RealtimeService } from './realtime.service';
import { SubscriptionServer } from './subscription-server';

const TRANSPORT = Symbol('REALTIME_TRANSPORT');

/**
 * Live updates: the PubSub chosen by REDIS_URL (Redis pub/sub shared by every API process, else
 * this process), the service modules publish and listen through, and the WebSocket server.
 */
@Global()
@Module({
  providers: [
    {
      provide: TRANSPORT,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): RealtimeTransport =>
        createRealtimeTransport(config.redisUrl),
    },
    {
      provide: PUB_SUB,
      inject: [TRANSPORT],
      useFactory: (transport: RealtimeTransport) => transport.pubSub,
    },
    RealtimeService,
    SubscriptionServer,
  ],
  exports: [RealtimeService],
})
export class RealtimeModule implements OnApplicationShutdown {
  constructor(@Inject(TRANSPORT) private readonly transport: RealtimeTransport) {}

  /** After the WebSocket and HTTP servers closed: nothing listens any more. */
  async onApplicationShutdown(): Promise<void> {
    await this.transport.close();
  }
}
