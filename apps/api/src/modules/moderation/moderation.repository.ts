import { Injectable } from '@nestjs/common';
import { isPubliclyVisible, type ReportReason, type ReportTargetType } from '@passerelle/domain';
import { groupByKey } from '../../common/dataloader/loader-registry';
import { PrismaService } from '../../common/prisma/prisma.service';
import { Prisma, type Report as ReportRow } from '../../generated/prisma/client';
import { type AuditEntry, AuditRepository } from '../audit/audit.repository';
import {
  type NewNotification,
  NotificationsRepository,
} from '../notifications/notifications.repository';
import { type AuthorHistory } from './models/moderation-user.model';
import { type ModerationQueueOrder } from './models/moderation.model';

export type ReportRecord = ReportRow;

/** The content a report or a decision is about: who wrote it, and the consultation's settings. */
export interface ModerationTarget {
  targetType: ReportTargetType;
  targetId: string;
  ownerId: string;
  hiddenAt: Date | null;
  /** Held by pre-moderation until a moderator approves or rejects it. */
  awaitingReview: boolean;
  /** Public status (proposals), not deleted (comments). */
  isLive: boolean;
  consultationSettings: unknown;
  /** The consultation of the proposal (or of the comment's proposal); null for an account. */
  consultationId: string | null;
  /** The proposal (itself, or the one a comment or amendment is on) and its title, for notices. */
  proposalId: string | null;
  title: string | null;
}

/** One row of the queue: a target with open reports or hidden. */
export interface QueueRow {
  targetType: ReportTargetType;
  targetId: string;
  openReportsCount: number;
  hiddenAt: Date | null;
  awaitingReview: boolean;
  /** The author of the content, or the reported account. */
  authorId: string;
  firstReportedAt: Date | null;
  lastReportedAt: Date | null;
  sortAt: Date;
}

export interface QueueQuery {
  targetType?: ReportTargetType | null;
  reason?: ReportReason | null;
  consultationId?: string | null;
  /** A local moderator's queue: only the items of these consultations (no account reports). */
  consultationIds?: readonly string[] | null;
  awaitingReview?: boolean | null;
  orderBy: ModerationQueueOrder;
  after: { key: number | string; id: string } | null;
  take: number;
}

/** What a moderator decides, applied in one transaction with its audit entry. */
export interface Decision {
  targetType: ReportTargetType;
  targetId: string;
  /** Hidden after the decision (HIDE), visible (RESTORE, DISMISS_REPORTS) or unchanged. */
  visibility: 'HIDE' | 'SHOW' | 'KEEP';
  /** Ends a pre-moderation hold (approval or rejection). */
  endsReview: boolean;
  /** An approval trusts the author: their next contributions are published at once. */
  trustAuthorId: string | null;
  status: 'ACTIONED' | 'DISMISSED';
  moderatorId: string;
  audit: AuditEntry;
  notifications: NewNotification[];
  at: Date;
}

/** The history of each account (DataLoader batch). */
type HistoryRow = AuthorHistory & { id: string };

type ContentType = Exclude<ReportTargetType, 'USER'>;

const TABLE: Record<ContentType, Prisma.Sql> = {
  PROPOSAL: Prisma.sql`proposals`,
  COMMENT: Prisma.sql`comments`,
  AMENDMENT: Prisma.sql`amendments`,
};

/** Pre-moderation holds proposals and comments only: amendments are never awaiting review. */
const AWAITING_REVIEW: Record<ContentType, Prisma.Sql> = {
  PROPOSAL: Prisma.sql`"awaitingReview"`,
  COMMENT: Prisma.sql`"awaitingReview"`,
  AMENDMENT: Prisma.sql`false`,
};

/** What a comment's or an amendment's target reads of the proposal it is on. */
const PROPOSAL_OF_CONTENT = {
  select: {
    id: true,
    title: true,
    status: true,
    consultationId: true,
    consultation: { select: { settings: true } },
  },
} as const;

/** A comment or an amendment as a moderation target: its proposal names the consultation. */
function onProposal(
  targetType: 'COMMENT' | 'AMENDMENT',
  targetId: string,
  content: {
    authorId: string;
    hiddenAt: Date | null;
    proposal: {
      id: string;
      title: string;
      consultationId: string;
      consultation: { settings: unknown };
    };
  },
  state: { awaitingReview: boolean; isLive: boolean },
): ModerationTarget {
  return {
    targetType,
    targetId,
    ownerId: content.authorId,
    hiddenAt: content.hiddenAt,
    ...state,
    consultationSettings: content.proposal.consultation.settings,
    consultationId: content.proposal.consultationId,
    proposalId: content.proposal.id,
    title: content.proposal.title,
  };
}

@Injectable()
export class ModerationRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditRepository,
    private readonly notifications: NotificationsRepository,
  ) {}

  async findTarget(type: ReportTargetType, id: string): Promise<ModerationTarget | null> {
    if (type === 'PROPOSAL') {
      const proposal = await this.prisma.proposal.findUnique({
        where: { id },
        include: { consultation: { select: { settings: true } } },
      });
      return proposal
        ? {
            targetType: type,
            targetId: id,
            ownerId: proposal.authorId,
            hiddenAt: proposal.hiddenAt,
            awaitingReview: proposal.awaitingReview,
            isLive: isPubliclyVisible(proposal.status),
            consultationSettings: proposal.consultation.settings,
            consultationId: proposal.consultationId,
            proposalId: proposal.id,
            title: proposal.title,
          }
        : null;
    }
    if (type === 'COMMENT') {
      const comment = await this.prisma.comment.findUnique({
        where: { id },
        include: { proposal: PROPOSAL_OF_CONTENT },
      });
      return comment
        ? onProposal(type, id, comment, {
            awaitingReview: comment.awaitingReview,
            isLive: comment.deletedAt === null,
          })
        : null;
    }
    if (type === 'AMENDMENT') {
      const amendment = await this.prisma.amendment.findUnique({
        where: { id },
        include: { proposal: PROPOSAL_OF_CONTENT },
      });
      return amendment
        ? onProposal(type, id, amendment, {
            awaitingReview: false,
            // Its texts are gone once its author erased their contributions.
            isLive: amendment.erasedAt === null && isPubliclyVisible(amendment.proposal.status),
          })
        : null;
    }
    const user = await this.prisma.user.findUnique({ where: { id }, select: { id: true } });
    return user
      ? {
          targetType: type,
          targetId: id,
          ownerId: id,
          hiddenAt: null,
          awaitingReview: false,
          isLive: true,
          consultationSettings: null,
          consultationId: null,
          proposalId: null,
          title: null,
        }
      : null;
  }

  /**
   * Writes an open report (its openKey is unique while open: a second open report by the same
   * reporter fails with P2002), counts it on the content with an atomic increment and, when the
   * count reaches the threshold, hides the content and appends an AUTO_HIDE audit entry, all in
   * one transaction. The increment locks the content's row, so concurrent reports are counted
   * one after the other and exactly one of them reaches the threshold.
   */
  report(
    report: {
      targetType: ReportTargetType;
      targetId: string;
      reporterId: string;
      reason: ReportReason;
      details: string | null;
      openKey: string;
    },
    threshold: number,
    now: Date,
  ): Promise<ReportRecord> {
    return this.prisma.$transaction(async (tx) => {
      const created = await tx.report.create({ data: { ...report, createdAt: now } });
      if (report.targetType === 'USER') return created;
      const table = TABLE[report.targetType];
      const [counted] = await tx.$queryRaw<{ openReportsCount: number; hiddenAt: Date | null }[]>`
        UPDATE ${table} SET "openReportsCount" = "openReportsCount" + 1
        WHERE id = ${report.targetId}::uuid
        RETURNING "openReportsCount", "hiddenAt"`;
      if (counted && counted.hiddenAt === null && counted.openReportsCount >= threshold) {
        await tx.$executeRaw`UPDATE ${table} SET "hiddenAt" = ${now}
          WHERE id = ${report.targetId}::uuid AND "hiddenAt" IS NULL`;
        await this.audit.append(
          {
            actorId: null,
            action: 'AUTO_HIDE',
            targetType: report.targetType,
            targetId: report.targetId,
            reason: null,
            metadata: { openReportsCount: counted.openReportsCount, threshold },
          },
          tx,
        );
      }
      return created;
    });
  }

  /**
   * Applies a decision: locks the content row, resolves every open report of the target, sets or
   * clears hiddenAt (and ends a pre-moderation hold), resets the open report count, trusts the
   * author of approved content, appends the audit entry and tells the author, in one transaction.
   */
  decide(decision: Decision): Promise<number> {
    return this.prisma.$transaction(async (tx) => {
      const { targetType, targetId } = decision;
      if (targetType !== 'USER') {
        await tx.$queryRaw`SELECT id FROM ${TABLE[targetType]} WHERE id = ${targetId}::uuid FOR UPDATE`;
      }
      const resolved = await tx.report.updateMany({
        where: { targetType, targetId, status: 'OPEN' },
        data: {
          status: decision.status,
          openKey: null,
          resolvedAt: decision.at,
          resolvedById: decision.moderatorId,
        },
      });
      if (targetType !== 'USER') {
        const hiddenAt = {
          HIDE: Prisma.sql`COALESCE("hiddenAt", ${decision.at})`,
          SHOW: Prisma.sql`NULL`,
          KEEP: Prisma.sql`"hiddenAt"`,
        }[decision.visibility];
        const awaitingReview =
          targetType === 'AMENDMENT'
            ? Prisma.empty
            : decision.endsReview
              ? Prisma.sql`, "awaitingReview" = false`
              : Prisma.sql`, "awaitingReview" = "awaitingReview"`;
        await tx.$executeRaw`UPDATE ${TABLE[targetType]}
          SET "openReportsCount" = 0, "hiddenAt" = ${hiddenAt} ${awaitingReview}
          WHERE id = ${targetId}::uuid`;
      }
      if (decision.trustAuthorId) {
        await tx.user.updateMany({
          where: { id: decision.trustAuthorId, trustedAt: null },
          data: { trustedAt: decision.at },
        });
      }
      await this.audit.append(
        {
          ...decision.audit,
          metadata: { resolvedReports: resolved.count, status: decision.status },
        },
        tx,
      );
      await this.notifications.notify(decision.notifications, tx);
      // An approved comment becomes public now: its readers hear of it now.
      if (targetType === 'COMMENT' && decision.endsReview && decision.visibility === 'SHOW') {
        await this.notifications.notifyComment(targetId, tx);
      }
      return resolved.count;
    });
  }

  /** One queue item's current state. */
  async findItem(targetType: ReportTargetType, targetId: string): Promise<QueueRow | null> {
    const rows = await this.prisma.$queryRaw<QueueRow[]>`
      SELECT * FROM (${this.items()}) i
      WHERE i."targetType" = ${targetType} AND i."targetId" = ${targetId}::uuid`;
    if (rows[0]) return rows[0];
    // No longer in the queue (e.g. reports dismissed): its state all the same.
    const state =
      targetType === 'USER'
        ? undefined
        : (
            await this.prisma.$queryRaw<
              { hiddenAt: Date | null; awaitingReview: boolean; authorId: string }[]
            >`SELECT "hiddenAt", ${AWAITING_REVIEW[targetType]} AS "awaitingReview", "authorId"
              FROM ${TABLE[targetType]} WHERE id = ${targetId}::uuid`
          )[0];
    return {
      targetType,
      targetId,
      openReportsCount: 0,
      hiddenAt: state?.hiddenAt ?? null,
      awaitingReview: state?.awaitingReview ?? false,
      authorId: state?.authorId ?? targetId,
      firstReportedAt: null,
      lastReportedAt: null,
      sortAt: new Date(0),
    };
  }

  findQueue(query: QueueQuery): Promise<QueueRow[]> {
    const direction = query.orderBy === 'OLDEST' ? Prisma.sql`ASC` : Prisma.sql`DESC`;
    const key =
      query.orderBy === 'MOST_REPORTED' ? Prisma.sql`i."openReportsCount"` : Prisma.sql`i."sortAt"`;
    let keyset = Prisma.empty;
    if (query.after) {
      const value =
        query.orderBy === 'MOST_REPORTED'
          ? Prisma.sql`${Number(query.after.key)}::int`
          : Prisma.sql`${String(query.after.key)}::timestamp`;
      const beyond = query.orderBy === 'OLDEST' ? Prisma.sql`>` : Prisma.sql`<`;
      keyset = Prisma.sql`AND (${key}, i."targetId") ${beyond} (${value}, ${query.after.id}::uuid)`;
    }
    return this.prisma.$queryRaw<QueueRow[]>`
      SELECT i.* FROM (${this.items()}) i
      WHERE ${this.filters(query)} ${keyset}
      ORDER BY ${key} ${direction}, i."targetId" ${direction}
      LIMIT ${query.take}`;
  }

  async countQueue(query: QueueQuery): Promise<number> {
    const rows = await this.prisma.$queryRaw<{ count: number }[]>`
      SELECT count(*)::int AS "count" FROM (${this.items()}) i WHERE ${this.filters(query)}`;
    return rows[0]?.count ?? 0;
  }

  /** Every report of each target, oldest first (DataLoader batch, keys "TYPE:id"). */
  async findReportsByTargets(keys: readonly string[]): Promise<ReportRecord[][]> {
    const ids = [...new Set(keys.map((key) => key.split(':')[1]))];
    const rows = await this.prisma.report.findMany({
      where: { targetId: { in: ids } },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    });
    return groupByKey(keys, rows, (row) => `${row.targetType}:${row.targetId}`);
  }

  /**
   * What moderators know of each account (DataLoader batch, in key order): its contributions,
   * those hidden (not those awaiting review), reports against it or its content, its
   * suspensions and its sign-up date. One statement for the whole batch.
   */
  async findHistories(userIds: readonly string[]): Promise<(AuthorHistory | null)[]> {
    const ids = Prisma.join(userIds.map((id) => Prisma.sql`${id}::uuid`));
    const rows = await this.prisma.$queryRaw<HistoryRow[]>`
      SELECT u.id::text AS id, u."createdAt" AS "memberSince",
        (SELECT count(*) FROM proposals p WHERE p."authorId" = u.id)::int AS "proposalsCount",
        (SELECT count(*) FROM comments c WHERE c."authorId" = u.id AND c."deletedAt" IS NULL)::int
          AS "commentsCount",
        ((SELECT count(*) FROM proposals p WHERE p."authorId" = u.id AND p."hiddenAt" IS NOT NULL
            AND NOT p."awaitingReview")
          + (SELECT count(*) FROM comments c WHERE c."authorId" = u.id AND c."hiddenAt" IS NOT NULL
            AND NOT c."awaitingReview")
          + (SELECT count(*) FROM amendments a WHERE a."authorId" = u.id
            AND a."hiddenAt" IS NOT NULL))::int AS "hiddenContentCount",
        (SELECT count(*) FROM reports r
          WHERE (r."targetType" = 'USER' AND r."targetId" = u.id)
            OR (r."targetType" = 'PROPOSAL'
              AND r."targetId" IN (SELECT p.id FROM proposals p WHERE p."authorId" = u.id))
            OR (r."targetType" = 'COMMENT'
              AND r."targetId" IN (SELECT c.id FROM comments c WHERE c."authorId" = u.id))
            OR (r."targetType" = 'AMENDMENT'
              AND r."targetId" IN (SELECT a.id FROM amendments a WHERE a."authorId" = u.id))
        )::int AS "reportsAgainstCount",
        (SELECT count(*) FROM audit_log_entries a
          WHERE a.action = 'SUSPEND_USER' AND a."targetType" = 'USER' AND a."targetId" = u.id::text
        )::int AS "suspensionsCount"
      FROM users u WHERE u.id IN (${ids})`;
    const byId = new Map(rows.map(({ id, ...history }) => [id, history]));
    return userIds.map((id) => byId.get(id) ?? null);
  }

  /**
   * Targets with open reports, or hidden, with their consultation, their first open report (any
   * report when none is open) and their last report. Each table's condition is the predicate of
   * its partial index (moderation_queue_indexes migration): only those rows are read.
   */
  private items(): Prisma.Sql {
    return Prisma.sql`
      SELECT t.*, f."firstReportedAt", f."lastReportedAt",
        COALESCE(f."firstReportedAt", t."hiddenAt") AS "sortAt"
      FROM (
        SELECT 'PROPOSAL' AS "targetType", p.id AS "targetId", p."openReportsCount", p."hiddenAt",
          p."awaitingReview", p."authorId", p."consultationId"
        FROM proposals p WHERE p."openReportsCount" > 0 OR p."hiddenAt" IS NOT NULL
        UNION ALL
        SELECT 'COMMENT', c.id, c."openReportsCount", c."hiddenAt", c."awaitingReview",
          c."authorId", cp."consultationId"
        FROM comments c JOIN proposals cp ON cp.id = c."proposalId"
        WHERE c."openReportsCount" > 0 OR c."hiddenAt" IS NOT NULL
        UNION ALL
        SELECT 'AMENDMENT', a.id, a."openReportsCount", a."hiddenAt", false, a."authorId",
          ap."consultationId"
        FROM amendments a JOIN proposals ap ON ap.id = a."proposalId"
        WHERE a."openReportsCount" > 0 OR a."hiddenAt" IS NOT NULL
        UNION ALL
        SELECT 'USER', r."targetId", count(*)::int, NULL::timestamp, false, r."targetId",
          NULL::uuid
        FROM reports r WHERE r."targetType" = 'USER' AND r.status = 'OPEN'
        GROUP BY r."targetId"
      ) t
      LEFT JOIN LATERAL (
        SELECT COALESCE(min(r."createdAt") FILTER (WHERE r.status = 'OPEN'), min(r."createdAt"))
            AS "firstReportedAt",
          max(r."createdAt") AS "lastReportedAt"
        FROM reports r
        WHERE r."targetType" = t."targetType"::"ReportTargetType" AND r."targetId" = t."targetId"
      ) f ON true`;
  }

  private filters(query: QueueQuery): Prisma.Sql {
    const where: Prisma.Sql[] = [Prisma.sql`true`];
    if (query.targetType) where.push(Prisma.sql`i."targetType" = ${query.targetType}`);
    if (typeof query.awaitingReview === 'boolean') {
      where.push(Prisma.sql`i."awaitingReview" = ${query.awaitingReview}`);
    }
    if (query.consultationId) {
      where.push(Prisma.sql`i."consultationId" = ${query.consultationId}::uuid`);
    }
    if (query.consultationIds) {
      const ids = query.consultationIds.map((id) => Prisma.sql`${id}::uuid`);
      where.push(
        ids.length > 0
          ? Prisma.sql`i."consultationId" IN (${Prisma.join(ids)})`
          : Prisma.sql`false`,
      );
    }
    if (query.reason) {
      where.push(Prisma.sql`EXISTS (SELECT 1 FROM reports r
        WHERE r."targetType" = i."targetType"::"ReportTargetType" AND r."targetId" = i."targetId"
          AND r.reason::text = ${query.reason})`);
    }
    return Prisma.join(where, ' AND ');
  }
}
