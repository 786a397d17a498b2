import {
  type CallHandler,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import {
  type Language,
  normaliseEmail,
  pickLanguage,
  type RateLimitAction,
} from '@passerelle/domain';
import { type Observable } from 'rxjs';
import { AuthEventsService } from '../../modules/audit/auth-events.service';
import { type ApiRequest, type GraphQLContext } from '../graphql/graphql-context';
import { RATE_LIMIT_KEY } from './rate-limit.decorator';
import { RateLimiter } from './rate-limiter';

/**
 * Applies @RateLimit(action) on GraphQL resolvers and HTTP routes (on the handler or its
 * class). Runs after the auth guard, so the signed-in account is known; signIn is keyed on the
 * normalised e-mail of its input instead. A refusal is RATE_LIMITED with retryAfterSeconds.
 */
@Injectable()
export class RateLimitInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly limiter: RateLimiter,
    private readonly authEvents: AuthEventsService,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const action = this.reflector.getAllAndOverride<RateLimitAction | undefined>(RATE_LIMIT_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    const call = action ? callOf(context) : null;
    if (!action || !call) return next.handle();
    const { req, lang, args } = call;
    const outcome = await this.limiter.consume(action, {
      account: accountOf(action, req, args),
      ip: req.ip ?? req.socket?.remoteAddress ?? 'unknown',
    });
    if (!outcome.isAllowed && action === 'signIn') {
      const input = args['input'] as { email?: unknown } | undefined;
      await this.authEvents.recordThrottledSignIn(
        typeof input?.email === 'string' ? input.email : null,
        req,
        outcome.refusedScopes,
      );
    }
    if (!outcome.isAllowed) throw RateLimiter.refusal(outcome, lang);
    return next.handle();
  }
}

/** The request, language and arguments of a resolver call or an HTTP route (null otherwise). */
function callOf(
  context: ExecutionContext,
): { req: ApiRequest; lang: Language; args: Record<string, unknown> } | null {
  const type = context.getType<string>();
  if (type === 'graphql') {
    const gql = GqlExecutionContext.create(context);
    const { req, lang } = gql.getContext<GraphQLContext>();
    return { req, lang, args: gql.getArgs<Record<string, unknown>>() };
  }
  if (type === 'http') {
    const req = context.switchToHttp().getRequest<ApiRequest>();
    return { req, lang: pickLanguage(req.headers['accept-language']), args: {} };
  }
  return null;
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
