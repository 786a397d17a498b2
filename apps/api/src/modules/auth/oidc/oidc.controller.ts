import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { DomainErrorCode } from '@passerelle/domain';
import { type CookieOptions, type Request, type Response } from 'express';
import { Public } from '../../../common/auth/auth.decorators';
import { RateLimiter } from '../../../common/rate-limit/rate-limiter';
import { InjectConfig } from '../../../config/app-config';
import { type AppConfig } from '../../../config/config.schema';
import { SessionCookies } from '../session-cookies';
import {
  OIDC_ATTEMPT_TTL_MS,
  OIDC_PATH,
  OIDC_STATE_COOKIE,
  type OidcStep,
  OidcService,
} from './oidc.service';

/**
 * The two browser steps of an OpenID Connect sign-in (plain HTTP redirects, public):
 * `start` sends the browser to the provider, `callback` comes back from it, signs in and
 * sends the browser on to the page it came from. Every failure lands on
 * `/connexion?erreur=<code>`.
 */
@Public({ ignoreInvalidToken: true })
@Controller(OIDC_PATH.slice(1))
export class OidcController {
  constructor(
    private readonly oidc: OidcService,
    private readonly sessionCookies: SessionCookies,
    private readonly limiter: RateLimiter,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  @Get('start')
  async start(
    @Query('next') next: unknown,
    @Query('terms') terms: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    // Each start stores an attempt: counted per IP address, refused with a redirect (a browser
    // navigation), not an error answer.
    const limit = await this.limiter.consume('oidcSignIn', {
      account: null,
      ip: req.ip ?? req.socket?.remoteAddress ?? 'unknown',
    });
    if (!limit.isAllowed) {
      this.redirect(res, { redirectTo: `/connexion?erreur=${DomainErrorCode.RATE_LIMITED}` });
      return;
    }
    const step = await this.oidc.start({ next, terms, origin: originOf(req), request: req });
    if (step.stateCookie) {
      res.cookie(OIDC_STATE_COOKIE, step.stateCookie, {
        ...this.stateCookieOptions(),
        maxAge: OIDC_ATTEMPT_TTL_MS,
      });
    }
    this.redirect(res, step);
  }

  @Get('callback')
  async callback(
    @Query('code') code: unknown,
    @Query('state') state: unknown,
    @Query('error') error: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const stateCookie: unknown = (req.cookies as Record<string, unknown> | undefined)?.[
      OIDC_STATE_COOKIE
    ];
    const step = await this.oidc.callback({
      code,
      state,
      error,
      stateCookie,
      origin: originOf(req),
      request: req,
    });
    res.clearCookie(OIDC_STATE_COOKIE, this.stateCookieOptions());
    if (step.session) this.sessionCookies.set(res, step.session);
    this.redirect(res, step);
  }

  /** SameSite=Lax: sent on the provider's top-level redirect back, never on cross-site posts. */
  private stateCookieOptions(): CookieOptions {
    return { httpOnly: true, secure: this.config.cookieSecure, sameSite: 'lax', path: OIDC_PATH };
  }

  private redirect(res: Response, step: Pick<OidcStep, 'redirectTo'>): void {
    res.setHeader('Cache-Control', 'no-store');
    // The callback URL carries a code and a state: never leak it to the next page's links.
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.redirect(302, step.redirectTo);
  }
}

function originOf(req: Request): string {
  return `${req.protocol}://${req.get('host') ?? 'localhost'}`;
}
