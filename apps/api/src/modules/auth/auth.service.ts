import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  DomainError,
  DomainErrorCode,
  errorMessage,
  type Language,
  signInInputSchema,
  signUpInputSchema,
  validateInput,
} from '@passerelle/domain';
import { AccessTokenService } from '../../common/auth/access-token.service';
import { unknownReference } from '../../common/graphql/ids';
import { isUniqueViolation } from '../../common/prisma/prisma-errors';
import { InjectConfig } from '../../config/app-config';
import { type AppConfig } from '../../config/config.schema';
import { TerritoriesRepository } from '../territories/territories.repository';
import { type UserRecord, UsersRepository } from '../users/users.repository';
import { AccountEmailsService } from './account-emails.service';
import { PasswordService } from './password.service';
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
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  /**
   * Creates the account and signs it in; the verification e-mail (links based on `linkBase`)
   * is sent afterwards, in the background: failing to send it never fails the sign-up.
   */
  async signUp(input: unknown, lang: Language, linkBase: string): Promise<Session> {
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
    this.accountEmails.sendVerificationLater(user, linkBase, lang);
    return session;
  }

  /** Unknown e-mail and wrong password get the same answer, in about the same time. */
  async signIn(input: unknown, lang: Language): Promise<Session> {
    const data = validateInput(signInInputSchema, input, lang);
    const account = await this.users.findByEmailWithPassword(data.email);
    // An account without a password (OpenID Connect only) is checked against the dummy hash too,
    // so that its answer takes the same time as a wrong password.
    const isValid = account?.passwordHash
      ? await this.passwords.verify(account.passwordHash, data.password)
      : await this.passwords.verifyAgainstDummy(data.password);
    if (!account?.passwordHash || !isValid)
      throw new DomainError(DomainErrorCode.INVALID_CREDENTIALS, undefined, lang);
    const { passwordHash: _passwordHash, ...user } = account;
    return this.startSession(user, randomUUID());
  }

  /**
   * Rotates a refresh token. A token used twice means it was stolen (or replayed): the whole
   * family is revoked, and every device of that session must sign in again.
   */
  async refresh(
    refreshToken: string | undefined,
    lang: Language,
    now = new Date(),
  ): Promise<Session> {
    const expired = () => new DomainError(DomainErrorCode.SESSION_EXPIRED, undefined, lang);
    if (!refreshToken) throw expired();
    const current = await this.refreshTokens.findByHash(hashRefreshToken(refreshToken));
    if (!current) throw expired();
    if (current.rotatedAt || current.revokedAt) {
      await this.refreshTokens.revokeFamily(current.familyId, now);
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
      throw expired();
    }
    const access = await this.accessTokens.sign({ id: user.id, role: user.role }, now);
    return {
      user,
      accessToken: access.token,
      accessTokenExpiresAt: access.expiresAt,
      refreshToken: next.token,
      refreshTokenExpiresAt: next.expiresAt,
    };
  }

  /** Ends the session of this device: its refresh-token family is revoked. */
  async signOut(refreshToken: string | undefined, now = new Date()): Promise<void> {
    if (!refreshToken) return;
    const current = await this.refreshTokens.findByHash(hashRefreshToken(refreshToken));
    if (current) await this.refreshTokens.revokeFamily(current.familyId, now);
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
    const access = await this.accessTokens.sign({ id: user.id, role: user.role }, now);
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
