import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../common/prisma/prisma.service';
import { type AuditLogEntry as AuditLogRow, type Prisma } from '../../generated/prisma/client';

export type AuditLogRecord = AuditLogRow;

/** Filters of the audit log, already validated. */
export interface AuditLogFilter {
  action?: string | null;
  actorId?: string | null;
  targetType?: string | null;
  targetId?: string | null;
}

/** A client or an open transaction: audit entries are written in the transaction of the action. */
export type AuditWriter = Pick<PrismaService, 'auditLogEntry'> | Prisma.TransactionClient;

/** What happened, to what, by whom and why. `actorId` null means the platform itself. */
export interface AuditEntry {
  actorId: string | null;
  action: string;
  targetType: string;
  targetId: string;
  reason?: string | null;
  metadata?: Prisma.InputJsonValue;
}

/**
 * The audit log is append-only: this repository only inserts and reads, and a database trigger
 * refuses any UPDATE, DELETE or TRUNCATE of its table (see the moderation_reports migration).
 */
@Injectable()
export class AuditRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Appends one entry; pass the transaction of the action so both commit or neither does. */
  append(entry: AuditEntry, writer: AuditWriter = this.prisma): Promise<unknown> {
    return writer.auditLogEntry.create({
      data: {
        actorId: entry.actorId,
        action: entry.action,
        targetType: entry.targetType,
        targetId: entry.targetId,
        reason: entry.reason ?? null,
        metadata: entry.metadata ?? {},
      },
    });
  }

  /** Entries newest first, strictly after the keyset position (createdAt, id). */
  findPage(
    filter: AuditLogFilter,
    after: { at: Date; id: string } | null,
    take: number,
  ): Promise<AuditLogRecord[]> {
    const keyset: Prisma.AuditLogEntryWhereInput = after
      ? { OR: [{ createdAt: { lt: after.at } }, { createdAt: after.at, id: { lt: after.id } }] }
      : {};
    return this.prisma.auditLogEntry.findMany({
      where: { AND: [this.where(filter), keyset] },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take,
    });
  }

  count(filter: AuditLogFilter): Promise<number> {
    return this.prisma.auditLogEntry.count({ where: this.where(filter) });
  }

  private where(filter: AuditLogFilter): Prisma.AuditLogEntryWhereInput {
    return {
      ...(filter.action ? { action: filter.action } : {}),
      ...(filter.actorId ? { actorId: filter.actorId } : {}),
      ...(filter.targetType ? { targetType: filter.targetType } : {}),
      ...(filter.targetId ? { targetId: filter.targetId } : {}),
    };
  }
}
