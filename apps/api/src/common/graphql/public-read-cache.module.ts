import { randomUUID } from 'node:crypto';
import {
  type BeforeApplicationShutdown,
  Global,
  Injectable,
  Logger,
  type MiddlewareConsumer,
  Module,
  type NestModule,
  type OnModuleInit,
  RequestMethod,
} from '@nestjs/common';
import { APP_CONFIG } from '../../config/app-config';
import { type AppConfig } from '../../config/config.schema';
import { RealtimeService } from '../realtime/realtime.service';
import { GRAPHQL_PATH } from './graphql-options';
import { PublicReadCache } from './public-read-cache';
import { PublicReadCacheMiddleware } from './public-read-cache.middleware';

/**
 * Carries invalidations between API processes over the live-events transport (Redis pub/sub when
 * REDIS_URL is set, else this process only): a mutation served by one process empties the cache
 * of every other one within milliseconds, not after the time to live.
 */
@Injectable()
export class PublicReadCacheSync implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger('PublicReadCache');
  private readonly origin = randomUUID();
  private events: AsyncIterator<{ origin: string }> | null = null;

  constructor(
    private readonly cache: PublicReadCache,
    private readonly realtime: RealtimeService,
  ) {}

  onModuleInit(): void {
    if (!this.cache.enabled) return;
    this.cache.onInvalidate(() => {
      void this.realtime.publish('public-reads-changed', { origin: this.origin });
    });
    const events = this.realtime.listen('public-reads-changed');
    this.events = events;
    void (async () => {
      try {
        for (;;) {
          const next = await events.next();
          if (next.done) return;
          if (next.value.origin !== this.origin) this.cache.clear();
        }
      } catch (error) {
        this.logger.warn(`Cache invalidations from other processes stopped: ${String(error)}`);
      }
    })();
  }

  /** Before the live-events transport closes (RealtimeModule, at application shutdown). */
  async beforeApplicationShutdown(): Promise<void> {
    const events = this.events;
    this.events = null;
    try {
      await events?.return?.();
    } catch {
      // The transport is going away anyway.
    }
  }
}

/**
 * The short-lived memory of public reads (public-read-cache.ts): its middleware in front of
 * Apollo for POST /graphql, and the list services' counts. ANONYMOUS_CACHE_TTL_MS sets its time
 * to live (0 turns it off).
 */
@Global()
@Module({
  providers: [
    {
      provide: PublicReadCache,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => new PublicReadCache({ ttlMs: config.anonymousCacheTtlMs }),
    },
    PublicReadCacheSync,
    PublicReadCacheMiddleware,
  ],
  exports: [PublicReadCache],
})
export class PublicReadCacheModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply(PublicReadCacheMiddleware)
      .forRoutes({ path: GRAPHQL_PATH.slice(1), method: RequestMethod.POST });
  }
}
