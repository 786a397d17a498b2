import { Injectable } from '@nestjs/common';
import { type ActorType, type Role } from '@passerelle/domain';
import { byKey } from '../../common/dataloader/loader-registry';
import { PrismaService } from '../../common/prisma/prisma.service';
import { type User as UserRow } from '../../generated/prisma/client';
import { AuditRepository } from '../audit/audit.repository';

/** An account without its password hash. */
export type UserRecord = Omit<UserRow, 'passwordHash'>;
export type UserWithPassword = UserRow;

const OMIT_PASSWORD = { passwordHash: true } as const;

export interface NewUser {
  email: string;
  passwordHash: string;
  displayName: string;
  actorType: ActorType;
  territoryId: string;
}

@Injectable()
export class UsersRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditRepository,
  ) {}

  findById(id: string): Promise<UserRecord | null> {
    return this.prisma.user.findUnique({ where: { id }, omit: OMIT_PASSWORD });
  }

  async findByIds(ids: readonly string[]): Promise<(UserRecord | null)[]> {
    const rows = await this.prisma.user.findMany({
      where: { id: { in: [...ids] } },
      omit: OMIT_PASSWORD,
    });
    return byKey(ids, rows, (row) => row.id);
  }

  /** For signing in only: the one read that returns the password hash. */
  findByEmailWithPassword(email: string): Promise<UserWithPassword | null> {
    return this.prisma.user.findUnique({ where: { email } });
  }

  /**
   * Gives an account a new role and ends its sessions in one transaction, so the new role
   * applies from its next sign-in (access tokens expire within minutes), and appends a
   * CHANGE_ROLE audit entry (from/to role) in the same transaction. Null when unknown.
   */
  async changeRoleAndEndSessions(
    userId: string,
    role: Role,
    now: Date,
    actorId: string,
  ): Promise<UserRecord | null> {
    return this.prisma.$transaction(async (tx) => {
      const before = await tx.user.findUnique({ where: { id: userId }, select: { role: true } });
      if (!before) return null;
      const updated = await tx.user.updateMany({ where: { id: userId }, data: { role } });
      if (updated.count === 0) return null;
      await tx.refreshToken.updateMany({
        where: { userId, revokedAt: null },
        data: { revokedAt: now },
      });
      await this.audit.append(
        {
          actorId,
          action: 'CHANGE_ROLE',
          targetType: 'USER',
          targetId: userId,
          metadata: { from: before.role, to: role },
        },
        tx,
      );
      return tx.user.findUnique({ where: { id: userId }, omit: OMIT_PASSWORD });
    });
  }

  /** Creates an account; a taken e-mail fails on the unique index (P2002). */
  create(user: NewUser): Promise<UserRecord> {
    return this.prisma.user.create({ data: user, omit: OMIT_PASSWORD });
  }
}
