import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../common/prisma/prisma.service';
import { type Prisma } from '../../generated/prisma/client';

/** Reads and replaces an account's password hash (the only reads of it besides signIn's). */
@Injectable()
export class PasswordsRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** The hash of a live account; null when it has none (OpenID Connect only) or is deleted. */
  async findHash(userId: string): Promise<string | null> {
    const row = await this.prisma.user.findFirst({
      where: { id: userId, deletedAt: null },
      select: { passwordHash: true },
    });
    return row?.passwordHash ?? null;
  }

  /**
   * Stores the new hash and ends every other session of the account (its other refresh-token
   * families), in one transaction with `alsoWrite` (the auth event). The session `keep` goes on.
   */
  async replace(
    userId: string,
    passwordHash: string,
    keep: string,
    now: Date,
    alsoWrite: (tx: Prisma.TransactionClient) => Promise<void>,
  ): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      await tx.user.update({ where: { id: userId }, data: { passwordHash } });
      await tx.refreshToken.updateMany({
        where: { userId, revokedAt: null, familyId: { not: keep } },
        data: { revokedAt: now },
      });
      await alsoWrite(tx);
    });
  }
}
