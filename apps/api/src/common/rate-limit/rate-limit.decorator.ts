import { SetMetadata } from '@nestjs/common';
import { type RateLimitAction } from '@passerelle/domain';

export const RATE_LIMIT_KEY = 'rateLimitAction';

/**
 * Counts each call of a resolver or HTTP route (on a method, or a controller for all its routes)
 * against the action's limits (libs/domain rate-limits.ts), per
 * account and per IP address; over a limit the call answers RATE_LIMITED with retryAfterSeconds.
 */
export const RateLimit = (action: RateLimitAction) => SetMetadata(RATE_LIMIT_KEY, action);
