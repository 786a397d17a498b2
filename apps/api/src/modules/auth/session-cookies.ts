import { Injectable } from '@nestjs/common';
import { type CookieOptions, type Response } from 'express';
import { ACCESS_COOKIE, REFRESH_COOKIE } from '../../common/auth/auth-user';
import { GRAPHQL_PATH } from '../../common/graphql/graphql-options';
import { InjectConfig } from '../../config/app-config';
import { type AppConfig } from '../../config/config.schema';
import { type Session } from './auth.service';

/**
 * The session cookies of the web app. Both are httpOnly. The access cookie lives as long as the
 * refresh token, so an expired access token is still sent and answered with SESSION_EXPIRED,
 * which tells the web app to call refreshSession; the refresh cookie only goes to /graphql.
 */
@Injectable()
export class SessionCookies {
  constructor(@InjectConfig() private readonly config: AppConfig) {}

  set(res: Response, session: Session): void {
    const maxAge = session.refreshTokenExpiresAt.getTime() - Date.now();
    res.cookie(ACCESS_COOKIE, session.accessToken, { ...this.accessOptions(), maxAge });
    res.cookie(REFRESH_COOKIE, session.refreshToken, { ...this.refreshOptions(), maxAge });
  }

  clear(res: Response): void {
    res.clearCookie(ACCESS_COOKIE, this.accessOptions());
    res.clearCookie(REFRESH_COOKIE, this.refreshOptions());
  }

  private accessOptions(): CookieOptions {
    return { httpOnly: true, secure: this.config.cookieSecure, sameSite: 'lax', path: '/' };
  }

  private refreshOptions(): CookieOptions {
    return {
      httpOnly: true,
      secure: this.config.cookieSecure,
      sameSite: 'strict',
      path: GRAPHQL_PATH,
    };
  }
}
