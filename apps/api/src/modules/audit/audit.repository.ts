import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../common/prisma/prisma.service';
import { type Prisma } from '../../generated/prisma/client';

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
}
