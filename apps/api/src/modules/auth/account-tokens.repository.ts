import { Injectable } from '@nestjs/common';
import { type AccountTokenPurpose } from '@passerelle/domain';
import { PrismaService } from '../../common/prisma/prisma.service';
import { type AccountToken } from '../../generated/prisma/client';

export type AccountTokenRecord = AccountToken;

export interface NewAccountToken {
  userId: string;
  purpose: AccountTokenPurpose;
  tokenHash: string;
  expiresAt: Date;
}

/** The single-use tokens sent by e-mail (account_tokens); only their SHA-256 hash is stored. */
@Injectable()
export class AccountTokensRepository {
  constructor(private readonly prisma: PrismaService) {}

  async create(token: NewAccountToken): Promise<void> {
    await this.prisma.accountToken.create({ data: token });
  }

  /**
   * Stores a new password-reset token and revokes (marks used) the account's older unused ones
   * in one transaction: only the newest link works.
   */
  async replacePasswordReset(token: NewAccountToken, now: Date): Promise<void> {
    await this.prisma.$transaction([
      this.prisma.accountToken.updateMany({
        where: { userId: token.userId, purpose: 'PASSWORD_RESET', usedAt: null },
        data: { usedAt: now },
      }),
      this.prisma.accountToken.create({ data: token }),
    ]);
  }

  findByHash(tokenHash: string, purpose: AccountTokenPurpose): Promise<AccountTokenRecord | null> {
    return this.prisma.accountToken.findFirst({ where: { tokenHash, purpose } });
  }

  /**
   * Uses a verification token and marks its account verified, in one transaction. The
   * conditional update (unused, not expired) lets only one of two concurrent uses succeed:
   * false means the token was used meanwhile or has just expired.
   */
  verifyEmail(tokenId: string, userId: string, now: Date): Promise<boolean> {
    return this.prisma.$transaction(async (tx) => {
      const claimed = await tx.accountToken.updateMany({
        where: { id: tokenId, usedAt: null, expiresAt: { gt: now } },
        data: { usedAt: now },
      });
      if (claimed.count !== 1) return false;
      await tx.user.updateMany({
        where: { id: userId, emailVerifiedAt: null },
        data: { emailVerifiedAt: now },
      });
      return true;
    });
  }

  /**
   * Uses a reset token and sets the account's new password, in one transaction: the account's
   * other unused reset tokens are revoked and every session (refresh token) ends. The reset
   * also proves the address, so an unverified account becomes verified and loses the OpenID
   * Connect identities linked before that proof. False when the token
   * was used meanwhile (two concurrent uses cannot both succeed) or has just expired.
   */
  resetPassword(
    tokenId: string,
    userId: string,
    passwordHash: string,
    now: Date,
  ): Promise<boolean> {
    return this.prisma.$transaction(async (tx) => {
      const claimed = await tx.accountToken.updateMany({
        where: { id: tokenId, usedAt: null, expiresAt: { gt: now } },
        data: { usedAt: now },
      });
      if (claimed.count !== 1) return false;
      await tx.user.update({ where: { id: userId }, data: { passwordHash } });
      const proved = await tx.user.updateMany({
        where: { id: userId, emailVerifiedAt: null },
        data: { emailVerifiedAt: now },
      });
      if (proved.count === 1) {
        // Identity-provider links made while the address was unproven may belong to whoever
        // typed (or claimed) it first: the address's owner, now proven, keeps the account alone.
        await tx.userIdentity.deleteMany({ where: { userId } });
      }
      await tx.accountToken.updateMany({
        where: { userId, purpose: 'PASSWORD_RESET', usedAt: null },
        data: { usedAt: now },
      });
      await tx.refreshToken.updateMany({
        where: { userId, revokedAt: null },
        data: { revokedAt: now },
      });
      return true;
    });
  }
}
