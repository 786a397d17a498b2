import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { type Language } from '@passerelle/domain';
import { type Response } from 'express';
import { Public } from '../../common/auth/auth.decorators';
import { REFRESH_COOKIE } from '../../common/auth/auth-user';
import { DomainError, DomainErrorCode } from '@passerelle/domain';
import {
  type ApiRequest,
  HttpRequest,
  HttpResponse,
  Lang,
} from '../../common/graphql/graphql-context';
import { RateLimit } from '../../common/rate-limit/rate-limit.decorator';
import { InjectConfig } from '../../config/app-config';
import { type AppConfig } from '../../config/config.schema';
import { type UserRecord } from '../users/users.repository';
import { AuthService, type Session } from './auth.service';
import { ChangePasswordInput } from './dto/change-password.input';
import { SignInInput } from './dto/sign-in.input';
import { SignUpInput } from './dto/sign-up.input';
import { linkBaseOf } from './link-base';
import { AuthPayload } from './models/auth-payload.model';
import { SessionCookies } from './session-cookies';

interface AuthPayloadResult {
  accessToken: string;
  accessTokenExpiresAt: Date;
  user: UserRecord;
}

const toPayload = (session: Session): AuthPayloadResult => ({
  accessToken: session.accessToken,
  accessTokenExpiresAt: session.accessTokenExpiresAt,
  user: session.user,
});

function refreshCookie(req: ApiRequest): string | undefined {
  const value: unknown = (req.cookies as Record<string, unknown> | undefined)?.[REFRESH_COOKIE];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Auth mutations work with a stale access cookie, hence `ignoreInvalidToken`. */
@Resolver()
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly cookies: SessionCookies,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  @RateLimit('signUp')
  @Public({ ignoreInvalidToken: true })
  @Mutation(() => AuthPayload, { description: 'Creates an account and signs it in.' })
  async signUp(
    @Args('input', { type: () => SignUpInput }) input: SignUpInput,
    @Lang() lang: Language,
    @HttpRequest() req: ApiRequest,
    @HttpResponse() res: Response,
  ): Promise<AuthPayloadResult> {
    const session = await this.auth.signUp(input, lang, linkBaseOf(this.config, req), req);
    this.cookies.set(res, session);
    return toPayload(session);
  }

  @RateLimit('signIn')
  @Public({ ignoreInvalidToken: true })
  @Mutation(() => AuthPayload)
  async signIn(
    @Args('input', { type: () => SignInInput }) input: SignInInput,
    @Lang() lang: Language,
    @HttpRequest() req: ApiRequest,
    @HttpResponse() res: Response,
  ): Promise<AuthPayloadResult> {
    const session = await this.auth.signIn(input, lang, req);
    this.cookies.set(res, session);
    return toPayload(session);
  }

  @Public({ ignoreInvalidToken: true })
  @Mutation(() => AuthPayload, {
    description: 'Uses the refresh cookie, rotates it and issues a new access token.',
  })
  async refreshSession(
    @Lang() lang: Language,
    @HttpRequest() req: ApiRequest,
    @HttpResponse() res: Response,
  ): Promise<AuthPayloadResult> {
    try {
      const session = await this.auth.refresh(refreshCookie(req), lang, new Date(), req);
      this.cookies.set(res, session);
      return toPayload(session);
    } catch (error) {
      this.cookies.clear(res);
      throw error;
    }
  }

  @Public({ ignoreInvalidToken: true })
  @Mutation(() => Boolean, {
    description: 'Revokes the refresh token of this device and clears the cookies.',
  })
  async signOut(@HttpRequest() req: ApiRequest, @HttpResponse() res: Response): Promise<boolean> {
    await this.auth.signOut(refreshCookie(req), req.user?.sessionId, new Date(), {
      userId: req.user?.id,
      request: req,
    });
    this.cookies.clear(res);
    return true;
  }

  @RateLimit('changePassword')
  @Mutation(() => AuthPayload, {
    description:
      'Changes the password of the signed-in account (the current one is asked again) and ends its other sessions; this one goes on.',
  })
  async changePassword(
    @Args('input', { type: () => ChangePasswordInput }) input: ChangePasswordInput,
    @Lang() lang: Language,
    @HttpRequest() req: ApiRequest,
  ): Promise<AuthPayloadResult> {
    const user = req.user;
    if (!user) throw new DomainError(DomainErrorCode.SIGN_IN_REQUIRED, undefined, lang);
    return this.auth.changePassword(user, input, lang, req);
  }
}
