import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { type Actor, type Language } from '@passerelle/domain';
import { CurrentUser, Public } from '../../common/auth/auth.decorators';
import { type ApiRequest, HttpRequest, Lang } from '../../common/graphql/graphql-context';
import { RateLimit } from '../../common/rate-limit/rate-limit.decorator';
import { InjectConfig } from '../../config/app-config';
import { type AppConfig } from '../../config/config.schema';
import { type Page } from '../votes/page';
import { User } from '../users/models/user.model';
import { type UserRecord } from '../users/users.repository';
import { AccountEmailsService } from './account-emails.service';
import { linkBaseOf } from './link-base';
import { EmailMessageConnection } from './models/email-message.model';
import { type EmailMessageRecord } from './outbox.repository';
import { OutboxService } from './outbox.service';

/** E-mail verification, password reset and the administrators' outbox. */
@Resolver()
export class AccountEmailsResolver {
  constructor(
    private readonly accounts: AccountEmailsService,
    private readonly outboxService: OutboxService,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  @RateLimit('resendVerificationEmail')
  @Mutation(() => Boolean, {
    description: 'Sends a new verification link to my address (rate limited).',
  })
  resendVerificationEmail(
    @CurrentUser() actor: Actor,
    @Lang() lang: Language,
    @HttpRequest() req: ApiRequest,
  ): Promise<boolean> {
    return this.accounts.resendVerification(actor, linkBaseOf(this.config, req), lang);
  }

  @Public({ ignoreInvalidToken: true })
  @Mutation(() => User, {
    description:
      'Marks the token’s account verified and returns it. TOKEN_INVALID / TOKEN_EXPIRED / TOKEN_USED otherwise.',
  })
  verifyEmail(
    @Args('token', { type: () => String }) token: string,
    @Lang() lang: Language,
    @HttpRequest() req: ApiRequest,
  ): Promise<UserRecord> {
    return this.accounts.verifyEmail(token, lang, new Date(), req);
  }

  @RateLimit('requestPasswordReset')
  @Public({ ignoreInvalidToken: true })
  @Mutation(() => Boolean, {
    description:
      'Always true (no account enumeration); sends a reset link when the address has an account (rate limited per address and per IP).',
  })
  requestPasswordReset(
    @Args('email', { type: () => String }) email: string,
    @Lang() lang: Language,
    @HttpRequest() req: ApiRequest,
  ): Promise<boolean> {
    return this.accounts.requestPasswordReset(email, linkBaseOf(this.config, req), lang);
  }

  @Public({ ignoreInvalidToken: true })
  @Mutation(() => Boolean, {
    description:
      'Sets the new password, uses the token and ends every session of the account. TOKEN_* errors; password rules as at sign-up.',
  })
  resetPassword(
    @Args('token', { type: () => String }) token: string,
    @Args('password', { type: () => String }) password: string,
    @Lang() lang: Language,
    @HttpRequest() req: ApiRequest,
  ): Promise<boolean> {
    return this.accounts.resetPassword({ token, password }, lang, new Date(), req);
  }

  @Query(() => EmailMessageConnection, {
    description: 'Administrators: every e-mail written, newest first (the demo outbox).',
  })
  outbox(
    @CurrentUser() actor: Actor,
    @Lang() lang: Language,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) first?: number | null,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
  ): Promise<Page<EmailMessageRecord>> {
    return this.outboxService.list(actor, { first, after }, lang);
  }
}
