import { createHash, randomBytes } from 'node:crypto';
import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import {
  type Actor,
  accountTokenError,
  accountTokenExpiresAt,
  type AccountTokenPurpose,
  DomainError,
  DomainErrorCode,
  isAccountTokenShape,
  type Language,
  passwordResetEmail,
  requestPasswordResetInputSchema,
  resetPasswordInputSchema,
  validateInput,
  verificationEmail,
} from '@passerelle/domain';
import { MailService } from '../../common/mail/mail.service';
import { type AuthEventInput, AuthEventsService } from '../audit/auth-events.service';
import { type UserRecord, UsersRepository } from '../users/users.repository';
import { AccountTokensRepository, type AccountTokenRecord } from './account-tokens.repository';
import { PasswordService } from './password.service';

/** Who an account e-mail goes to. */
export interface Recipient {
  id: string;
  email: string;
  displayName: string;
}

/** SHA-256 of an account token: only the hash is stored. */
export function hashAccountToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The web pages the e-mailed links open (French paths, like every page of the site). */
export const ACCOUNT_LINK_PATHS = {
  verifyEmail: '/verifier-email',
  resetPassword: '/reinitialiser-mot-de-passe',
} as const;

/**
 * Accounts by e-mail: verification of the address and password reset, with single-use,
 * expiring tokens. E-mails are written after the transactions that make them due and sent in
 * the background, so a slow or failing SMTP server never fails (or slows) the request.
 */
@Injectable()
export class AccountEmailsService implements OnModuleDestroy {
  private readonly logger = new Logger('AccountEmails');
  private readonly pending = new Set<Promise<void>>();

  constructor(
    private readonly users: UsersRepository,
    private readonly tokens: AccountTokensRepository,
    private readonly passwords: PasswordService,
    private readonly mail: MailService,
    private readonly authEvents: AuthEventsService,
  ) {}

  /** Sends the verification link in the background (sign-up); failures are only logged. */
  sendVerificationLater(user: Recipient, linkBase: string, lang: Language): void {
    this.later(`verification e-mail of ${user.id}`, () =>
      this.sendVerification(user, linkBase, lang),
    );
  }

  /** A new verification link for the signed-in account; nothing to send once verified. */
  async resendVerification(actor: Actor, linkBase: string, lang: Language): Promise<boolean> {
    if (!actor) throw new DomainError(DomainErrorCode.SIGN_IN_REQUIRED, undefined, lang);
    const user = await this.users.findById(actor.id);
    if (!user) throw new DomainError(DomainErrorCode.SESSION_EXPIRED, undefined, lang);
    if (user.emailVerifiedAt) return true;
    await this.sendVerification(user, linkBase, lang);
    return true;
  }

  /** Marks the token's account verified (TOKEN_INVALID / TOKEN_EXPIRED / TOKEN_USED otherwise). */
  async verifyEmail(
    token: string,
    lang: Language,
    now = new Date(),
    request?: AuthEventInput['request'],
  ): Promise<UserRecord> {
    const record = await this.usableToken(token, 'VERIFY_EMAIL', lang, now);
    if (!(await this.tokens.verifyEmail(record.id, record.userId, now))) {
      throw this.lostRace(record, lang, now);
    }
    await this.authEvents.record({ kind: 'EMAIL_VERIFIED', userId: record.userId, request });
    const user = await this.users.findById(record.userId);
    if (!user) throw new DomainError(DomainErrorCode.TOKEN_INVALID, undefined, lang);
    return user;
  }

  /**
   * Always true, whether or not the address has an account (no enumeration). For an account,
   * the token and e-mail are made in the background, so both answers take about as long: one
   * indexed read.
   */
  async requestPasswordReset(email: unknown, linkBase: string, lang: Language): Promise<boolean> {
    const data = validateInput(requestPasswordResetInputSchema, { email }, lang);
    const account = await this.users.findByEmailWithPassword(data.email);
    if (account) {
      const { id, email: address, displayName } = account;
      this.later(`password-reset e-mail of ${id}`, () =>
        this.sendPasswordReset({ id, email: address, displayName }, linkBase, lang),
      );
    }
    return true;
  }

  /**
   * Sets a new password with a reset token (password rules as at sign-up). The token is used
   * atomically: of two concurrent uses, one gets TOKEN_USED. Every session of the account ends.
   */
  async resetPassword(
    input: unknown,
    lang: Language,
    now = new Date(),
    request?: AuthEventInput['request'],
  ): Promise<boolean> {
    const data = validateInput(resetPasswordInputSchema, input, lang);
    const record = await this.usableToken(data.token, 'PASSWORD_RESET', lang, now);
    const passwordHash = await this.passwords.hash(data.password);
    if (!(await this.tokens.resetPassword(record.id, record.userId, passwordHash, now))) {
      throw this.lostRace(record, lang, now);
    }
    await this.authEvents.record({
      kind: 'PASSWORD_RESET',
      userId: record.userId,
      request,
      detail: { sessionsEnded: true },
    });
    return true;
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.allSettled([...this.pending]);
  }

  private async sendVerification(user: Recipient, linkBase: string, lang: Language) {
    const token = await this.issue(user.id, 'VERIFY_EMAIL', (row) => this.tokens.create(row));
    const link = `${linkBase}${ACCOUNT_LINK_PATHS.verifyEmail}?jeton=${token}`;
    await this.mail.send({
      to: user.email,
      userId: user.id,
      category: 'VERIFY_EMAIL',
      ...verificationEmail({ displayName: user.displayName, link, lang }),
    });
  }

  private async sendPasswordReset(user: Recipient, linkBase: string, lang: Language) {
    const now = new Date();
    const token = await this.issue(
      user.id,
      'PASSWORD_RESET',
      (row) => this.tokens.replacePasswordReset(row, now),
      now,
    );
    const link = `${linkBase}${ACCOUNT_LINK_PATHS.resetPassword}?jeton=${token}`;
    await this.mail.send({
      to: user.email,
      userId: user.id,
      category: 'PASSWORD_RESET',
      ...passwordResetEmail({ displayName: user.displayName, link, lang }),
    });
  }

  /** Makes a token (32 random bytes, base64url), stores its hash, returns it in clear. */
  private async issue(
    userId: string,
    purpose: AccountTokenPurpose,
    store: (row: {
      userId: string;
      purpose: AccountTokenPurpose;
      tokenHash: string;
      expiresAt: Date;
    }) => Promise<void>,
    now = new Date(),
  ): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await store({
      userId,
      purpose,
      tokenHash: hashAccountToken(token),
      expiresAt: accountTokenExpiresAt(purpose, now),
    });
    return token;
  }

  /** The stored token, or the domain error saying why it cannot be used. */
  private async usableToken(
    token: string,
    purpose: AccountTokenPurpose,
    lang: Language,
    now: Date,
  ): Promise<AccountTokenRecord> {
    const record = isAccountTokenShape(token)
      ? await this.tokens.findByHash(hashAccountToken(token), purpose)
      : null;
    const error = accountTokenError(record, now, lang);
    if (error || !record) throw error ?? new DomainError(DomainErrorCode.TOKEN_INVALID);
    return record;
  }

  /** The conditional update found the token used (concurrently) or just expired. */
  private lostRace(record: AccountTokenRecord, lang: Language, now: Date): DomainError {
    const isExpired = record.expiresAt.getTime() <= now.getTime();
    return new DomainError(
      isExpired ? DomainErrorCode.TOKEN_EXPIRED : DomainErrorCode.TOKEN_USED,
      undefined,
      lang,
    );
  }

  private later(what: string, task: () => Promise<void>): void {
    const run = task()
      .catch((error: unknown) => {
        this.logger.error(`Could not write the ${what}: ${(error as Error).message}`);
      })
      .finally(() => this.pending.delete(run));
    this.pending.add(run);
  }
}
