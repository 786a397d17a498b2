import { createHash } from 'node:crypto';
import {
  type CallHandler,
  type ExecutionContext,
  Inject,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import {
  combineRateLimitDecisions,
  DomainError,
  DomainErrorCode,
  fixedWindow,
  normaliseEmail,
  type RateLimitAction,
  type RateLimitRule,
  rateLimitDecision,
  rateLimitRules,
} from '@passerelle/domain';
import { type Observable } from 'rxjs';
import { InjectConfig } from '../../config/app-config';
import { type AppConfig } from '../../config/config.schema';
import { AuthEventsService } from '../../modules/audit/auth-events.service';
import { type ApiRequest, type GraphQLContext } from '../graphql/graphql-context';
import { RATE_LIMIT_KEY } from './rate-limit.decorator';
import { RATE_LIMIT_STORE, type RateLimitStore } from './rate-limit.store';

/** Counters outlive their window by this much, so clocks a little apart agree on a count. */
const TTL_SLACK_MS = 5_000;

/** A short, stable digest: counters are keyed without storing e-mail addresses in clear. */
const digest = (value: string) =>
  createHash('sha256').update(value).digest('base64url').slice(0, 22);

/**
 * Applies @RateLimit(action) on GraphQL resolvers. Runs after the auth guard, so the signed-in
 * account is known; signIn is keyed on the normalised e-mail of its input instead.
 */
@Injectable()
export class RateLimitInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    @Inject(RATE_LIMIT_STORE) private readonly store: RateLimitStore,
    @InjectConfig() private readonly config: AppConfig,
    private readonly authEvents: AuthEventsService,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const action = this.reflector.get<RateLimitAction | undefined>(
      RATE_LIMIT_KEY,
      context.getHandler(),
    );
    if (!action || context.getType<string>() !== 'graphql') return next.handle();
    const gql = GqlExecutionContext.create(context);
    const { req, lang } = gql.getContext<GraphQLContext>();
    const subjects = {
      account: accountOf(action, req, gql.getArgs<Record<string, unknown>>()),
      ip: req.ip ?? req.socket?.remoteAddress ?? 'unknown',
    };
    const now = Date.now();
    const counted = rateLimitRules(action, this.config.rateLimitFactor)
      .filter((rule) => subjects[rule.scope] !== null)
      .map((rule) => ({ rule, window: fixedWindow(rule.windowSeconds, now) }));
    const counts = await this.store.hit(
      counted.map(({ rule, window }) => ({
        key: this.keyOf(action, rule, String(subjects[rule.scope]), window.index),
        ttlMs: window.endsAt - now + TTL_SLACK_MS,
      })),
    );
    const decisions = counted.map(({ rule, window }, index) =>
      rateLimitDecision(rule, counts[index] ?? 0, window.endsAt, now),
    );
    const decision = combineRateLimitDecisions(decisions);
    if (!decision.isAllowed && action === 'signIn') {
      const input = gql.getArgs<{ input?: { email?: unknown } }>().input;
      await this.authEvents.recordThrottledSignIn(
        typeof input?.email === 'string' ? input.email : null,
        req,
        counted.filter((_, index) => !decisions[index]?.isAllowed).map(({ rule }) => rule.scope),
      );
    }
    if (!decision.isAllowed) {
      throw new DomainError(DomainErrorCode.RATE_LIMITED, undefined, lang, {
        retryAfterSeconds: decision.retryAfterSeconds,
      });
    }
    return next.handle();
  }

  private keyOf(action: RateLimitAction, rule: RateLimitRule, subject: string, index: number) {
    return `${this.config.redisKeyPrefix}rate-limit:${action}:${rule.scope}:${digest(subject)}:${index}`;
  }
}

/**
 * The account a call counts against: the e-mail given to signIn or requestPasswordReset, the
 * signed-in user otherwise.
 */
function accountOf(
  action: RateLimitAction,
  req: ApiRequest,
  args: Record<string, unknown>,
): string | null {
  if (action === 'signIn') {
    const input = args['input'] as { email?: unknown } | undefined;
    return typeof input?.email === 'string' ? `email:${normaliseEmail(input.email)}` : null;
  }
  if (action === 'requestPasswordReset') {
    const email = args['email'];
    return typeof email === 'string' ? `email:${normaliseEmail(email)}` : null;
  }
  return req.user ? `user:${req.user.id}` : null;
}
