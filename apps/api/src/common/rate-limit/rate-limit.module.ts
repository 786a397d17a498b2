import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { APP_CONFIG } from '../../config/app-config';
import { type AppConfig } from '../../config/config.schema';
import { AuditModule } from '../../modules/audit/audit.module';
import { MemoryRateLimitStore } from './memory-rate-limit.store';
import { RateLimitInterceptor } from './rate-limit.interceptor';
import { RateLimiter } from './rate-limiter';
import { RATE_LIMIT_STORE, type RateLimitStore } from './rate-limit.store';
import { RedisRateLimitStore } from './redis-rate-limit.store';

/**
 * Rate limits: the store chosen by REDIS_URL (Redis, else memory), the limiter and the global
 * interceptor of @RateLimit().
 */
@Global()
@Module({
  // Refused sign-ins are recorded as auth events (SIGN_IN_THROTTLED).
  imports: [AuditModule],
  providers: [
    {
      provide: RATE_LIMIT_STORE,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): RateLimitStore =>
        config.redisUrl ? new RedisRateLimitStore(config.redisUrl) : new MemoryRateLimitStore(),
    },
    RateLimiter,
    { provide: APP_INTERCEPTOR, useClass: RateLimitInterceptor },
  ],
  exports: [RATE_LIMIT_STORE, RateLimiter],
})
export class RateLimitModule implements OnApplicationShutdown {
  constructor(@Inject(RATE_LIMIT_STORE) private readonly store: RateLimitStore) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.store instanceof RedisRateLimitStore) await this.store.close();
  }
}
