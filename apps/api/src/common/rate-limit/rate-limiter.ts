import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  combineRateLimitDecisions,
  DomainError,
  DomainErrorCode,
  fixedWindow,
  type Language,
  type RateLimitAction,
  type RateLimitScope,
  rateLimitDecision,
  rateLimitRules,
} from '@passerelle/domain';
import { InjectConfig } from '../../config/app-config';
import { type AppConfig } from '../../config/config.schema';
import { RATE_LIMIT_STORE, type RateLimitStore } from './rate-limit.store';

/** Counters outlive their window by this much, so clocks a little apart agree on a count. */
const TTL_SLACK_MS = 5_000;

/** A short, stable digest: counters are keyed without storing e-mail addresses in clear. */
const digest = (value: string) =>
  createHash('sha256').update(value).digest('base64url').slice(0, 22);

/** Who a call counts against; a null subject skips the rules of its scope. */
export type RateLimitSubjects = Record<RateLimitScope, string | null>;

export interface RateLimitOutcome {
  isAllowed: boolean;
  retryAfterSeconds: number;
  /** The scopes whose limit refused the call. */
  refusedScopes: RateLimitScope[];
}

/**
 * Counts calls against the limits of libs/domain rate-limits.ts, in the shared store (Redis with
 * REDIS_URL, else this process's memory). Used by the @RateLimit() interceptor for resolvers and
 * HTTP routes, and directly where a refusal must not be an error answer (a browser redirect).
 */
@Injectable()
export class RateLimiter {
  constructor(
    @Inject(RATE_LIMIT_STORE) private readonly store: RateLimitStore,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  /** Counts one call and says whether it is within every limit. */
  async consume(action: RateLimitAction, subjects: RateLimitSubjects): Promise<RateLimitOutcome> {
    const now = Date.now();
    const counted = rateLimitRules(action, this.config.rateLimitFactor)
      .filter((rule) => subjects[rule.scope] !== null)
      .map((rule) => ({ rule, window: fixedWindow(rule.windowSeconds, now) }));
    const counts = await this.store.hit(
      counted.map(({ rule, window }) => ({
        key: `${this.config.redisKeyPrefix}rate-limit:${action}:${rule.scope}:${digest(String(subjects[rule.scope]))}:${window.index}`,
        ttlMs: window.endsAt - now + TTL_SLACK_MS,
      })),
    );
    const decisions = counted.map(({ rule, window }, index) =>
      rateLimitDecision(rule, counts[index] ?? 0, window.endsAt, now),
    );
    const decision = combineRateLimitDecisions(decisions);
    return {
      isAllowed: decision.isAllowed,
      retryAfterSeconds: decision.isAllowed ? 0 : decision.retryAfterSeconds,
      refusedScopes: counted
        .filter((_, index) => !decisions[index]?.isAllowed)
        .map(({ rule }) => rule.scope),
    };
  }

  /** The RATE_LIMITED error of a refused outcome (with retryAfterSeconds), in `lang`. */
  static refusal(outcome: RateLimitOutcome, lang: Language): DomainError {
    return new DomainError(DomainErrorCode.RATE_LIMITED, undefined, lang, {
      retryAfterSeconds: outcome.retryAfterSeconds,
    });
  }
}
