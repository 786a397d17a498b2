import { Injectable } from '@nestjs/common';
import { isSuspended } from '@passerelle/domain';
import { groupByKey } from '../../common/dataloader/loader-registry';
import { PrismaService } from '../../common/prisma/prisma.service';
import { type AuditEntry, AuditRepository } from '../audit/audit.repository';
import { type UserRecord } from '../users/users.repository';
import { type ConsultationRecord } from './consultations.repository';

/** The consultations an account moderates locally, and whether it is suspended now. */
export interface LocalModeration {
  consultationIds: string[];
  isSuspended: boolean;
}

const NO_LOCAL_MODERATION: LocalModeration = { consultationIds: [], isSuspended: false };

/** Local spaces' own moderators (consultation_moderators). */
@Injectable()
export class ConsultationModeratorsRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditRepository,
  ) {}

  /** One primary-key read with the account's consultation_moderators rows. */
  async localModeration(userId: string, now = new Date()): Promise<LocalModeration> {
    const user = await this.prisma.user.findUnique({
      where: { id: userId },
      select: {
        suspendedAt: true,
        suspendedUntil: true,
        deletedAt: true,
        consultationsModerated: { select: { consultationId: true } },
      },
    });
    if (!user || user.deletedAt !== null) return NO_LOCAL_MODERATION;
    return {
      consultationIds: user.consultationsModerated.map((row) => row.consultationId),
      isSuspended: isSuspended(user, now),
    };
  }

  /** Each consultation's local moderators, by date named (DataLoader batch, in key order). */
  async findModeratorsByConsultationIds(ids: readonly string[]): Promise<UserRecord[][]> {
    const rows = await this.prisma.consultationModerator.findMany({
      where: { consultationId: { in: [...ids] }, user: { deletedAt: null } },
      orderBy: [{ createdAt: 'asc' }, { userId: 'asc' }],
      include: { user: { omit: { passwordHash: true } } },
    });
    return groupByKey(ids, rows, (row) => row.consultationId).map((group) =>
      group.map((row) => row.user),
    );
  }

  /** The consultations an account moderates locally, newest first. */
  findModeratedConsultations(userId: string): Promise<ConsultationRecord[]> {
    return this.prisma.consultation.findMany({
      where: { moderators: { some: { userId } } },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    });
  }

  /** An account that exists and is not deleted. */
  async userExists(userId: string): Promise<boolean> {
    const user = await this.prisma.user.findFirst({
      where: { id: userId, deletedAt: null },
      select: { id: true },
    });
    return user !== null;
  }

  /**
   * Names (or withdraws) a local moderator and appends the audit entry, in one transaction; a
   * repeated call changes nothing and writes no entry. Returns whether anything changed.
   */
  setModerator(
    change: { consultationId: string; userId: string; isModerator: boolean },
    audit: AuditEntry,
  ): Promise<boolean> {
    const { consultationId, userId } = change;
    return this.prisma.$transaction(async (tx) => {
      const { count } = change.isModerator
        ? await tx.consultationModerator.createMany({
            data: [{ consultationId, userId }],
            skipDuplicates: true,
          })
        : await tx.consultationModerator.deleteMany({ where: { consultationId, userId } });
      if (count > 0) await this.audit.append(audit, tx);
      return count > 0;
    });
  }
}
