import { Injectable } from '@nestjs/common';
import { type ActorType, type Role } from '@passerelle/domain';
import { byKey } from '../../common/dataloader/loader-registry';
import { PrismaService } from '../../common/prisma/prisma.service';
import { type Prisma, type User as UserRow } from '../../generated/prisma/client';
import { AuditRepository } from '../audit/audit.repository';
import { NotificationsRepository } from '../notifications/notifications.repository';

/** An account without its password hash. */
export type UserRecord = Omit<UserRow, 'passwordHash'>;
export type UserWithPassword = UserRow;

const OMIT_PASSWORD = { passwordHash: true } as const;

/** The suspension columns of an account (read on every mutation of a signed-in account). */
export interface SuspensionRecord {
  suspendedAt: Date | null;
  suspendedUntil: Date | null;
}

/** A suspension or reinstatement decided by a moderator. */
export interface SuspensionChange {
  userId: string;
  moderatorId: string;
  reason: string;
  at: Date;
}

export interface NewUser {
  email: string;
  passwordHash: string;
  displayName: string;
  actorType: ActorType;
  territoryId: string;
  /** Consent to the terms at sign-up (TERMS_VERSION). */
  termsAcceptedAt?: Date;
  termsVersion?: string;
}

@Injectable()
export class UsersRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditRepository,
    private readonly notifications: NotificationsRepository,
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
    /** Runs in the same transaction once the role changed (e.g. recording an auth event). */
    inTransaction?: (
      tx: Prisma.TransactionClient,
      change: { from: Role; to: Role },
    ) => Promise<void>,
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
      await inTransaction?.(tx, { from: before.role, to: role });
      return tx.user.findUnique({ where: { id: userId }, omit: OMIT_PASSWORD });
    });
  }

  /** One primary-key read of the suspension columns; null for an unknown account. */
  findSuspension(id: string): Promise<SuspensionRecord | null> {
    return this.prisma.user.findUnique({
      where: { id },
      select: { suspendedAt: true, suspendedUntil: true },
    });
  }

  /**
   * Suspends an account (or updates its running suspension), appends a SUSPEND_USER audit entry
   * and tells the account why and until when, in one transaction.
   */
  suspend(change: SuspensionChange & { until: Date | null }): Promise<UserRecord> {
    return this.prisma.$transaction(async (tx) => {
      const user = await tx.user.update({
        where: { id: change.userId },
        data: {
          suspendedAt: change.at,
          suspendedUntil: change.until,
          suspensionReason: change.reason,
        },
        omit: OMIT_PASSWORD,
      });
      const suspendedUntil = change.until?.toISOString() ?? null;
      await this.audit.append(
        {
          actorId: change.moderatorId,
          action: 'SUSPEND_USER',
          targetType: 'USER',
          targetId: change.userId,
          reason: change.reason,
          metadata: { suspendedUntil },
        },
        tx,
      );
      await this.notifications.notify(
        [
          {
            userId: change.userId,
            kind: 'ACCOUNT_SUSPENDED',
            payload: { reason: change.reason, suspendedUntil },
          },
        ],
        tx,
      );
      return user;
    });
  }

  /**
   * Lifts a running suspension (guarded on the state read: null when it was lifted or ended
   * meanwhile), appends a REINSTATE_USER audit entry and tells the account, in one transaction.
   */
  reinstate(change: SuspensionChange): Promise<UserRecord | null> {
    return this.prisma.$transaction(async (tx) => {
      const lifted = await tx.user.updateMany({
        where: {
          id: change.userId,
          suspendedAt: { not: null },
          OR: [{ suspendedUntil: null }, { suspendedUntil: { gt: change.at } }],
        },
        data: { suspendedAt: null, suspendedUntil: null, suspensionReason: null },
      });
      if (lifted.count === 0) return null;
      await this.audit.append(
        {
          actorId: change.moderatorId,
          action: 'REINSTATE_USER',
          targetType: 'USER',
          targetId: change.userId,
          reason: change.reason,
        },
        tx,
      );
      await this.notifications.notify(
        [{ userId: change.userId, kind: 'ACCOUNT_REINSTATED', payload: { reason: change.reason } }],
        tx,
      );
      return tx.user.findUniqueOrThrow({ where: { id: change.userId }, omit: OMIT_PASSWORD });
    });
  }

  /** Creates an account; a taken e-mail fails on the unique index (P2002). */
  create(user: NewUser): Promise<UserRecord> {
    return this.prisma.user.create({ data: user, omit: OMIT_PASSWORD });
  }
}
