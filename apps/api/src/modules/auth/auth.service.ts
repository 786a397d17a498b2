import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  changePasswordInputSchema,
  DomainError,
  DomainErrorCode,
  errorMessage,
  type Language,
  signInInputSchema,
  signUpInputSchema,
  TERMS_VERSION,
  validateInput,
} from '@passerelle/domain';
import { AccessTokenService } from '../../common/auth/access-token.service';
import { type AuthUser } from '../../common/auth/auth-user';
import { unknownReference } from '../../common/graphql/ids';
import { isUniqueViolation } from '../../common/prisma/prisma-errors';
import { InjectConfig } from '../../config/app-config';
import { type AppConfig } from '../../config/config.schema';
import { type AuthEventInput, AuthEventsService } from '../audit/auth-events.service';
import { TerritoriesRepository } from '../territories/territories.repository';
import { type UserRecord, UsersRepository } from '../users/users.repository';
import { AccountEmailsService } from './account-emails.service';
import { PasswordService } from './password.service';
import { PasswordsRepository } from './passwords.repository';
import { RefreshTokensRepository } from './refresh-tokens.repository';

/** A signed-in session: what the resolver turns into cookies and an AuthPayload. */
export interface Session {
  user: UserRecord;
  accessToken: string;
  accessTokenExpiresAt: Date;
  refreshToken: string;
  refreshTokenExpiresAt: Date;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** SHA-256 of an opaque refresh token: only the hash is stored. */
export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersRepository,
    private readonly territories: TerritoriesRepository,
    private readonly refreshTokens: RefreshTokensRepository,
    private readonly passwords: PasswordService,
    private readonly accessTokens: AccessTokenService,
    private readonly accountEmails: AccountEmailsService,
    private readonly storedPasswords: PasswordsRepository,
    private readonly authEvents: AuthEventsService,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  /**
   * Creates the account and signs it in; the verification e-mail (links based on `linkBase`)
   * is sent afterwards, in the background: failing to send it never fails the sign-up.
   */
  async signUp(
    input: unknown,
    lang: Language,
    linkBase: string,
    request?: AuthEventInput['request'],
  ): Promise<Session> {
    const data = validateInput(signUpInputSchema, input, lang);
    if (!(await this.territories.exists(data.territoryId))) {
      throw unknownReference('territoryId', DomainErrorCode.TERRITORY_NOT_FOUND, lang);
    }
    const passwordHash = await this.passwords.hash(data.password);
    let user: UserRecord;
    try {
      user = await this.users.create({
        email: data.email,
        passwordHash,
        displayName: data.displayName,
        actorType: data.actorType,
        territoryId: data.territoryId,
        termsAcceptedAt: new Date(),
        termsVersion: TERMS_VERSION,
      });
    } catch (error) {
      // The unique index decides, so two simultaneous sign-ups cannot both win.
      if (isUniqueViolation(error, 'email')) {
        throw new DomainError(
          DomainErrorCode.EMAIL_TAKEN,
          [
            {
              field: 'email',
              rule: 'unique',
              message: errorMessage(DomainErrorCode.EMAIL_TAKEN, lang),
            },
          ],
          lang,
        );
      }
      throw error;
    }
    const session = await this.startSession(user, randomUUID());
    await this.authEvents.record({ kind: 'SIGN_UP', userId: user.id, request });
    this.accountEmails.sendVerificationLater(user, linkBase, lang);
    return session;
  }

  /**
   * Unknown e-mail and wrong password get the same answer, in about the same time. Both are
   * recorded (SIGN_IN_FAILED with the reason; the account when known, never the typed e-mail).
   */
  async signIn(
    input: unknown,
    lang: Language,
    request?: AuthEventInput['request'],
  ): Promise<Session> {
    const data = validateInput(signInInputSchema, input, lang);
    const account = await this.users.findByEmailWithPassword(data.email);
    // An account without a password (OpenID Connect only) is checked against the dummy hash too,
    // so that its answer takes the same time as a wrong password.
    const isValid = account?.passwordHash
      ? await this.passwords.verify(account.passwordHash, data.password)
      : await this.passwords.verifyAgainstDummy(data.password);
    if (!account?.passwordHash || !isValid) {
      const reason = !account
        ? 'UNKNOWN_ACCOUNT'
        : !account.passwordHash
          ? 'NO_PASSWORD'
          : 'WRONG_PASSWORD';
      await this.authEvents.record({
        kind: 'SIGN_IN_FAILED',
        userId: account?.id ?? null,
        request,
        detail: { reason },
      });
      throw new DomainError(DomainErrorCode.INVALID_CREDENTIALS, undefined, lang);
    }
    const { passwordHash: _passwordHash, ...user } = account;
    const session = await this.startSession(user, randomUUID());
    await this.authEvents.record({ kind: 'SIGN_IN_SUCCEEDED', userId: user.id, request });
    return session;
  }

  /**
   * Rotates a refresh token. A token used twice means it was stolen (or replayed): the whole
   * family is revoked, and every device of that session must sign in again.
   */
  async refresh(
    refreshToken: string | undefined,
    lang: Language,
    now = new Date(),
    request?: AuthEventInput['request'],
  ): Promise<Session> {
    const expired = () => new DomainError(DomainErrorCode.SESSION_EXPIRED, undefined, lang);
    if (!refreshToken) throw expired();
    const current = await this.refreshTokens.findByHash(hashRefreshToken(refreshToken));
    if (!current) throw expired();
    if (current.rotatedAt || current.revokedAt) {
      await this.refreshTokens.revokeFamily(current.familyId, now);
      await this.authEvents.record({
        kind: 'REFRESH_TOKEN_REUSED',
        userId: current.userId,
        request,
        detail: { token: current.rotatedAt ? 'ROTATED' : 'REVOKED', familyRevoked: true },
      });
      throw expired();
    }
    if (current.expiresAt.getTime() <= now.getTime()) throw expired();
    const user = await this.users.findById(current.userId);
    if (!user) throw expired();

    const next = this.newRefreshToken(now);
    const isRotated = await this.refreshTokens.rotate(
      current.id,
      {
        userId: user.id,
        familyId: current.familyId,
        tokenHash: next.hash,
        expiresAt: next.expiresAt,
      },
      now,
    );
    if (!isRotated) {
      await this.refreshTokens.revokeFamily(current.familyId, now);
      await this.authEvents.record({
        kind: 'REFRESH_TOKEN_REUSED',
        userId: current.userId,
        request,
        detail: { token: 'ROTATED_CONCURRENTLY', familyRevoked: true },
      });
      throw expired();
    }
    const access = await this.accessTokens.sign(
      { id: user.id, role: user.role },
      current.familyId,
      now,
    );
    return {
      user,
      accessToken: access.token,
      accessTokenExpiresAt: access.expiresAt,
      refreshToken: next.token,
      refreshTokenExpiresAt: next.expiresAt,
    };
  }

  /**
   * Ends the session of this device: the refresh-token family of the refresh cookie and the
   * session of the access token (API clients have no refresh cookie) are revoked, so the access
   * token is refused at once.
   */
  async signOut(
    refreshToken: string | undefined,
    sessionId: string | undefined,
    now = new Date(),
    signedIn?: { userId?: string | null; request?: AuthEventInput['request'] },
  ): Promise<void> {
    const families = new Set<string>(sessionId ? [sessionId] : []);
    let userId = signedIn?.userId ?? null;
    if (refreshToken) {
      const current = await this.refreshTokens.findByHash(hashRefreshToken(refreshToken));
      if (current) families.add(current.familyId);
      userId ??= current?.userId ?? null;
    }
    for (const familyId of families) await this.refreshTokens.revokeFamily(familyId, now);
    // Signing out without any session (a stale page) ends nothing: nothing to record.
    if (userId) {
      await this.authEvents.record({ kind: 'SIGNED_OUT', userId, request: signedIn?.request });
    }
  }

  /**
   * Checks the current password, stores the new one and ends every other session of the
   * account; this session goes on (a fresh access token is returned). PASSWORD_INCORRECT when
   * the current password is wrong, or the account has none (OpenID Connect only).
   */
  async changePassword(
    actor: AuthUser,
    input: unknown,
    lang: Language,
    request: AuthEventInput['request'],
    now = new Date(),
  ): Promise<Omit<Session, 'refreshToken' | 'refreshTokenExpiresAt'>> {
    const data = validateInput(changePasswordInputSchema, input, lang);
    const sessionId = actor.sessionId;
    const currentHash = await this.storedPasswords.findHash(actor.id);
    const isValid = currentHash
      ? await this.passwords.verify(currentHash, data.currentPassword)
      : await this.passwords.verifyAgainstDummy(data.currentPassword);
    if (!currentHash || !isValid || !sessionId) {
      throw new DomainError(
        DomainErrorCode.PASSWORD_INCORRECT,
        [
          {
            field: 'currentPassword',
            rule: 'incorrect',
            message: errorMessage(DomainErrorCode.PASSWORD_INCORRECT, lang),
          },
        ],
        lang,
      );
    }
    const passwordHash = await this.passwords.hash(data.newPassword);
    await this.storedPasswords.replace(actor.id, passwordHash, sessionId, now, (tx) =>
      this.authEvents.record({ kind: 'PASSWORD_CHANGED', userId: actor.id, request }, tx),
    );
    const user = await this.users.findById(actor.id);
    if (!user) throw new DomainError(DomainErrorCode.SESSION_EXPIRED, undefined, lang);
    const access = await this.accessTokens.sign({ id: user.id, role: user.role }, sessionId, now);
    return { user, accessToken: access.token, accessTokenExpiresAt: access.expiresAt };
  }

  /** Starts a session for an account that proved who it is elsewhere (OpenID Connect). */
  startSessionFor(user: UserRecord): Promise<Session> {
    return this.startSession(user, randomUUID());
  }

  private async startSession(
    user: UserRecord,
    familyId: string,
    now = new Date(),
  ): Promise<Session> {
    const refresh = this.newRefreshToken(now);
    await this.refreshTokens.create({
      userId: user.id,
      familyId,
      tokenHash: refresh.hash,
      expiresAt: refresh.expiresAt,
    });
    const access = await this.accessTokens.sign({ id: user.id, role: user.role }, familyId, now);
    return {
      user,
      accessToken: access.token,
      accessTokenExpiresAt: access.expiresAt,
      refreshToken: refresh.token,
      refreshTokenExpiresAt: refresh.expiresAt,
    };
  }

  private newRefreshToken(now: Date) {
    const token = randomBytes(32).toString('base64url');
    return {
      token,
      hash: hashRefreshToken(token),
      expiresAt: new Date(now.getTime() + this.config.refreshTokenTtlDays * DAY_MS),
    };
  }
}
