import { createHash } from 'node:crypto';
import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  Get,
  Headers,
  Inject,
  Controller,
  Req,
  Res,
  UseFilters,
} from '@nestjs/common';
import {
  combineRateLimitDecisions,
  DomainError,
  DomainErrorCode,
  errorMessage,
  fixedWindow,
  pickLanguage,
  rateLimitDecision,
  rateLimitRules,
} from '@passerelle/domain';
import { type Request, type Response } from 'express';
import { CurrentUser } from '../../common/auth/auth.decorators';
import { RATE_LIMIT_STORE, type RateLimitStore } from '../../common/rate-limit/rate-limit.store';
import { InjectConfig } from '../../config/app-config';
import { type AppConfig } from '../../config/config.schema';
import { type Actor } from '@passerelle/domain';
import { PrivacyService } from './privacy.service';

const STATUS_OF: Partial<Record<DomainErrorCode, number>> = {
  [DomainErrorCode.SIGN_IN_REQUIRED]: 401,
  [DomainErrorCode.SESSION_EXPIRED]: 401,
  [DomainErrorCode.NOT_ALLOWED]: 403,
  [DomainErrorCode.RATE_LIMITED]: 429,
};

/** Domain errors of this route (the guard's included) as JSON `{ code, message }`. */
@Catch()
class PrivacyHttpErrors implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const res = http.getResponse<Response>();
    const req = http.getRequest<Request>();
    const lang = pickLanguage(req.headers['accept-language']);
    res.setHeader('Cache-Control', 'no-store');
    if (exception instanceof DomainError) {
      const status = STATUS_OF[exception.code] ?? 400;
      if (exception.params?.['retryAfterSeconds'] !== undefined) {
        res.setHeader('Retry-After', String(exception.params['retryAfterSeconds']));
      }
      res
        .status(status)
        .json({ code: exception.code, message: errorMessage(exception.code, lang) });
      return;
    }
    res.status(500).json({ code: 'INTERNAL_SERVER_ERROR' });
  }
}

/**
 * `GET /api/me/export`: the signed-in account's data as one JSON file (GDPR right of access and
 * portability). Authenticated by the global guard (session cookie or Bearer token), rate-limited
 * per account and per IP, never cached.
 */
@Controller('api/me')
@UseFilters(PrivacyHttpErrors)
export class PrivacyExportController {
  constructor(
    private readonly privacy: PrivacyService,
    @Inject(RATE_LIMIT_STORE) private readonly store: RateLimitStore,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  @Get('export')
  async download(
    @CurrentUser() actor: Actor,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const lang = pickLanguage(acceptLanguage);
    if (!actor) throw new DomainError(DomainErrorCode.SIGN_IN_REQUIRED, undefined, lang);
    await this.limit(actor.id, req.ip ?? req.socket?.remoteAddress ?? 'unknown', lang);
    const file = await this.privacy.exportMyData(actor, req, lang);
    res.status(200);
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="${file.fileName}"`);
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.end(file.body);
  }

  /** The exportMyData rate limit (the GraphQL interceptor only applies to resolvers). */
  private async limit(userId: string, ip: string, lang: ReturnType<typeof pickLanguage>) {
    const now = Date.now();
    const subjects = { account: userId, ip };
    const counted = rateLimitRules('exportMyData', this.config.rateLimitFactor).map((rule) => ({
      rule,
      window: fixedWindow(rule.windowSeconds, now),
    }));
    const digest = (value: string) =>
      createHash('sha256').update(value).digest('base64url').slice(0, 22);
    const counts = await this.store.hit(
      counted.map(({ rule, window }) => ({
        key: `${this.config.redisKeyPrefix}rate-limit:exportMyData:${rule.scope}:${digest(subjects[rule.scope])}:${window.index}`,
        ttlMs: window.endsAt - now + 5_000,
      })),
    );
    const decision = combineRateLimitDecisions(
      counted.map(({ rule, window }, index) =>
        rateLimitDecision(rule, counts[index] ?? 0, window.endsAt, now),
      ),
    );
    if (!decision.isAllowed) {
      throw new DomainError(DomainErrorCode.RATE_LIMITED, undefined, lang, {
        retryAfterSeconds: decision.retryAfterSeconds,
      });
    }
  }
}
