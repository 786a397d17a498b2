import { Injectable } from '@nestjs/common';
import {
  type CoAuthorStatus,
  commentRecipients,
  type EmailFrequency,
  excerpt,
  type NotificationPreference,
} from '@passerelle/domain';
import { byKey } from '../../common/dataloader/loader-registry';
import { PrismaService } from '../../common/prisma/prisma.service';
import { findCoAuthorStatuses } from '../proposals/coauthor-statuses';
import {
  type Notification as NotificationRow,
  type NotificationKind,
  Prisma,
  type Proposal as ProposalRow,
} from '../../generated/prisma/client';
import { type KeysetCursor } from '../votes/page';

export type NotificationRecord = NotificationRow;
export type { NotificationKind };

/** A client or an open transaction: notifications are written in the transaction of the event. */
export type NotificationWriter = Pick<PrismaService, 'notification'> | Prisma.TransactionClient;

/** What to tell whom. `payload` holds ids, titles and the moderator's reason as they were. */
export interface NewNotification {
  userId: string;
  kind: NotificationKind;
  payload: Prisma.InputJsonObject;
}

/** A notification claimed for e-mail, with its reader's address. */
export interface ClaimedNotification {
  id: string;
  userId: string;
  email: string;
  kind: NotificationKind;
  payload: Prisma.JsonValue;
  createdAt: Date;
}

/** Characters of a comment quoted in its notification. */
const COMMENT_EXCERPT_LENGTH = 200;

/** In-app notifications, their e-mail preferences and the claims of the e-mail jobs. */
@Injectable()
export class NotificationsRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * Appends notifications; pass the transaction of the event so the event and the notice commit
   * together. The same user is told once per call even if listed twice (e.g. author and voter).
   */
  async notify(
    notifications: readonly NewNotification[],
    writer: NotificationWriter = this.prisma,
  ): Promise<void> {
    const seen = new Set<string>();
    const data = notifications.filter((notification) => {
      const key = `${notification.userId}:${notification.kind}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    if (data.length > 0) await writer.notification.createMany({ data });
  }

  /**
   * Tells of a new comment that everyone can see (call it in the transaction that makes it
   * visible: creation without hold, or approval): the parent comment's author (COMMENT_REPLY),
   * the proposal's author and followers (PROPOSAL_COMMENTED), never the commenter, once each.
   */
  async notifyComment(commentId: string, tx: Prisma.TransactionClient): Promise<void> {
    const comment = await tx.comment.findUnique({
      where: { id: commentId },
      select: {
        id: true,
        authorId: true,
        body: true,
        hiddenAt: true,
        awaitingReview: true,
        deletedAt: true,
        author: { select: { displayName: true } },
        parent: { select: { authorId: true } },
        proposal: {
          select: {
            id: true,
            title: true,
            authorId: true,
            follows: { select: { userId: true } },
          },
        },
      },
    });
    if (!comment || comment.hiddenAt || comment.awaitingReview || comment.deletedAt) return;
    const recipients = commentRecipients({
      commenterId: comment.authorId,
      proposalAuthorId: comment.proposal.authorId,
      followerIds: comment.proposal.follows.map((follow) => follow.userId),
      parentAuthorId: comment.parent?.authorId ?? null,
    });
    const payload = {
      proposalId: comment.proposal.id,
      commentId: comment.id,
      title: comment.proposal.title,
      authorName: comment.author.displayName,
      excerpt: excerpt(comment.body, COMMENT_EXCERPT_LENGTH),
    };
    await this.notify(
      recipients.map((recipient) => ({ ...recipient, payload })),
      tx,
    );
  }

  /** The account's stored e-mail choices (kinds without a row use the default). */
  findPreferences(userId: string): Promise<NotificationPreference[]> {
    return this.prisma.notificationPreference.findMany({
      where: { userId },
      select: { kind: true, frequency: true },
    });
  }

  /** Stores these choices (one row per kind) in one transaction. */
  async savePreferences(
    userId: string,
    preferences: readonly NotificationPreference[],
  ): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      for (const preference of preferences) {
        await tx.notificationPreference.upsert({
          where: { userId_kind: { userId, kind: preference.kind } },
          create: { userId, kind: preference.kind, frequency: preference.frequency },
          update: { frequency: preference.frequency },
        });
      }
    });
  }

  /** Sets one kind (or, with null, every kind) to a frequency; false when the account is gone. */
  async setFrequency(
    userId: string,
    kinds: readonly NotificationKind[],
    frequency: EmailFrequency,
  ): Promise<boolean> {
    const user = await this.prisma.user.findUnique({ where: { id: userId }, select: { id: true } });
    if (!user) return false;
    await this.savePreferences(
      userId,
      kinds.map((kind) => ({ kind, frequency })),
    );
    return true;
  }

  /**
   * Claims, in one statement, the pending notifications (not e-mailed, created in the window)
   * of verified accounts whose choice for their kind is `frequency` (no row counts as
   * DAILY_DIGEST), marking them e-mailed. Rows locked by a concurrent claim are skipped and a
   * row is claimed once: two runs at the same time never send the same notification.
   */
  claimPending(
    frequency: Exclude<EmailFrequency, 'NONE'>,
    window: { since: Date; now: Date },
    limit: number,
    userId: string | null = null,
  ): Promise<ClaimedNotification[]> {
    const { since, now } = window;
    return this.prisma.$queryRaw<ClaimedNotification[]>`
      WITH due AS (
        SELECT n.id FROM notifications n
        JOIN users u ON u.id = n."userId"
        WHERE ${this.pending(frequency, since, now)}
          ${userId ? Prisma.sql`AND n."userId" = ${userId}::uuid` : Prisma.empty}
        ORDER BY n."createdAt", n.id
        LIMIT ${limit}
        FOR UPDATE OF n SKIP LOCKED
      )
      UPDATE notifications n SET "emailedAt" = ${now}
      FROM due, users u
      WHERE n.id = due.id AND u.id = n."userId" AND n."emailedAt" IS NULL
      RETURNING n.id::text AS id, n."userId"::text AS "userId", u.email, n.kind::text AS kind,
        n.payload, n."createdAt"`;
  }

  /** Accounts with notifications waiting for the digest in the window (verified addresses). */
  async findPendingUserIds(
    frequency: Exclude<EmailFrequency, 'NONE'>,
    window: { since: Date; now: Date },
  ): Promise<string[]> {
    const rows = await this.prisma.$queryRaw<{ userId: string }[]>`
      SELECT DISTINCT n."userId"::text AS "userId" FROM notifications n
      JOIN users u ON u.id = n."userId"
      WHERE ${this.pending(frequency, window.since, window.now)}`;
    return rows.map((row) => row.userId);
  }

  /** Not e-mailed yet, created in the window, verified address, the kind's choice is `frequency`. */
  private pending(frequency: EmailFrequency, since: Date, now: Date): Prisma.Sql {
    return Prisma.sql`n."emailedAt" IS NULL
      AND n."createdAt" > ${since} AND n."createdAt" <= ${now}
      AND u."emailVerifiedAt" IS NOT NULL
      AND COALESCE(
        (SELECT p.frequency FROM notification_preferences p
          WHERE p."userId" = n."userId" AND p.kind = n.kind),
        'DAILY_DIGEST'::"EmailFrequency"
      ) = ${frequency}::"EmailFrequency"`;
  }

  /** A page of an account's notifications, newest first, strictly after the keyset position. */
  findPage(
    userId: string,
    unreadOnly: boolean,
    after: KeysetCursor | null,
    take: number,
  ): Promise<NotificationRecord[]> {
    const keyset: Prisma.NotificationWhereInput = after
      ? { OR: [{ createdAt: { lt: after.at } }, { createdAt: after.at, id: { lt: after.id } }] }
      : {};
    return this.prisma.notification.findMany({
      where: { AND: [this.where(userId, unreadOnly), keyset] },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take,
    });
  }

  count(userId: string, unreadOnly: boolean): Promise<number> {
    return this.prisma.notification.count({ where: this.where(userId, unreadOnly) });
  }

  /** How many of these ids are notifications of this account. */
  countOwned(userId: string, ids: readonly string[]): Promise<number> {
    return this.prisma.notification.count({ where: { userId, id: { in: [...ids] } } });
  }

  /** Marks the account's unread notifications (these ids, or all) read; returns how many. */
  async markRead(userId: string, ids: readonly string[] | null, at: Date): Promise<number> {
    const marked = await this.prisma.notification.updateMany({
      where: { userId, readAt: null, ...(ids ? { id: { in: [...ids] } } : {}) },
      data: { readAt: at },
    });
    return marked.count;
  }

  /** The proposals notifications are about (DataLoader batch, in key order). */
  async findProposals(ids: readonly string[]): Promise<(ProposalRow | null)[]> {
    const rows = await this.prisma.proposal.findMany({ where: { id: { in: [...ids] } } });
    return byKey(ids, rows, (row) => row.id);
  }

  /** One account's invitation or co-authorship on each proposal (null: none), in key order. */
  findCoAuthorStatuses(
    userId: string,
    proposalIds: readonly string[],
  ): Promise<(CoAuthorStatus | null)[]> {
    return findCoAuthorStatuses(this.prisma, userId, proposalIds);
  }

  /** The notifications of these accounts created after `since`, oldest first (live feed). */
  findRecent(userIds: readonly string[], since: Date, take: number): Promise<NotificationRecord[]> {
    return this.prisma.notification.findMany({
      where: { userId: { in: [...userIds] }, createdAt: { gt: since } },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      take,
    });
  }

  private where(userId: string, unreadOnly: boolean): Prisma.NotificationWhereInput {
    return { userId, ...(unreadOnly ? { readAt: null } : {}) };
  }
}
