import { Injectable } from '@nestjs/common';
import { type CommentStance, PUBLIC_PROPOSAL_STATUSES } from '@passerelle/domain';
import { groupByKey } from '../../common/dataloader/loader-registry';
import { PrismaService } from '../../common/prisma/prisma.service';
import {
  type Comment as CommentRow,
  type ConsultationPhase,
  Prisma,
  type Proposal as ProposalRow,
} from '../../generated/prisma/client';
import { NotificationsRepository } from '../notifications/notifications.repository';
import { holdOrTrustAuthor, type HoldRule } from '../users/author-trust';
import { type UserRecord } from '../users/users.repository';
import { type KeysetCursor } from '../votes/page';

export type CommentRecord = CommentRow;

/**
 * A page of a proposal's top-level comments read with everything its fields read through
 * DataLoaders (replies down to `replyDepth` levels, authors, the viewer's upvotes), by one
 * statement: the resolver primes the loaders with it (issue 9, the proposal page).
 */
export interface CommentThread {
  /** The page's top-level comments, oldest first, one more than asked when there is a next page. */
  topLevel: CommentRecord[];
  /** Top-level comments in all (every page). */
  total: number;
  /** The replies of each comment whose replies were read (every one of them, maybe empty), oldest first. */
  replies: Map<string, CommentRecord[]>;
  /** The authors of every comment read. */
  authors: UserRecord[];
  /** Whether the viewer upvoted each comment read; null without a viewer. */
  upvotedByViewer: Map<string, boolean> | null;
}

/** Timestamp columns of a users row as to_jsonb writes them (text, UTC without zone). */
const USER_DATE_COLUMNS = [
  'createdAt',
  'updatedAt',
  'suspendedAt',
  'suspendedUntil',
  'trustedAt',
  'emailVerifiedAt',
  'deletedAt',
  'termsAcceptedAt',
] as const;

function userFromJson(json: Record<string, unknown>): UserRecord {
  const user: Record<string, unknown> = { ...json };
  for (const key of USER_DATE_COLUMNS) {
    const value = user[key];
    if (typeof value === 'string') user[key] = new Date(`${value}Z`);
  }
  return user as UserRecord;
}

type ThreadRow = Omit<CommentRecord, 'id'> & {
  id: string | null;
  threadTotal: number;
  threadDepth: number | null;
  threadAuthor: Record<string, unknown> | null;
  threadUpvoted?: boolean;
};

export interface NewComment {
  proposalId: string;
  authorId: string;
  parentId: string | null;
  body: string;
  bodyHtml: string;
  stance: CommentStance;
}

@Injectable()
export class CommentsRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly notifications: NotificationsRepository,
  ) {}

  findById(id: string): Promise<CommentRecord | null> {
    return this.prisma.comment.findUnique({ where: { id } });
  }

  findProposalWithPhases(
    id: string,
  ): Promise<
    (ProposalRow & { consultation: { phases: ConsultationPhase[]; settings: unknown } }) | null
  > {
    return this.prisma.proposal.findUnique({
      where: { id },
      include: { consultation: { select: { phases: true, settings: true } } },
    });
  }

  /**
   * Writes a comment with its first revision, counts it on the proposal (atomic increment) and
   * makes its author follow the proposal, in one transaction. In the same transaction, `holdFor`
   * decides from the author's trust whether it waits for a moderator (hidden, awaiting review,
   * and counted like any hidden comment); otherwise the author becomes trusted if not yet and
   * the parent's author, the proposal's author and its followers are notified.
   */
  create(comment: NewComment, now: Date, holdFor: HoldRule = () => false): Promise<CommentRecord> {
    return this.prisma.$transaction(async (tx) => {
      const hold = await holdOrTrustAuthor(tx, comment.authorId, holdFor, now);
      const created = await tx.comment.create({ data: { ...comment, createdAt: now, ...hold } });
      await tx.commentRevision.create({
        data: {
          commentId: created.id,
          body: comment.body,
          editorId: comment.authorId,
          createdAt: now,
        },
      });
      await tx.$executeRaw`UPDATE proposals SET "commentsCount" = "commentsCount" + 1 WHERE id = ${comment.proposalId}::uuid`;
      await tx.proposalFollow.createMany({
        data: [{ proposalId: comment.proposalId, userId: comment.authorId }],
        skipDuplicates: true,
      });
      // Held comments are told of when a moderator approves them (moderation repository).
      if (!hold.awaitingReview) await this.notifications.notifyComment(created.id, tx);
      return created;
    });
  }

  /** A new text (and stance) with its revision; null when the comment was deleted meanwhile. */
  edit(
    id: string,
    editorId: string,
    change: { body: string; bodyHtml: string; stance?: CommentStance | null },
    now: Date,
  ): Promise<CommentRecord | null> {
    return this.prisma.$transaction(async (tx) => {
      const updated = await tx.comment.updateMany({
        where: { id, deletedAt: null },
        data: {
          body: change.body,
          bodyHtml: change.bodyHtml,
          ...(change.stance ? { stance: change.stance } : {}),
          editedAt: now,
        },
      });
      if (updated.count === 0) return null;
      await tx.commentRevision.create({
        data: { commentId: id, body: change.body, editorId, createdAt: now },
      });
      return tx.comment.findUnique({ where: { id } });
    });
  }

  /** Soft deletion; the proposal's count goes down once. Null when it was already deleted. */
  softDelete(id: string, deletedById: string, now: Date): Promise<CommentRecord | null> {
    return this.prisma.$transaction(async (tx) => {
      const deleted = await tx.comment.updateMany({
        where: { id, deletedAt: null },
        data: { deletedAt: now, deletedById },
      });
      if (deleted.count === 0) return null;
      const comment = await tx.comment.findUniqueOrThrow({ where: { id } });
      await tx.$executeRaw`UPDATE proposals SET "commentsCount" = "commentsCount" - 1 WHERE id = ${comment.proposalId}::uuid`;
      return comment;
    });
  }

  /** Adds the upvote unless present, and counts it in the same statement. */
  async upvote(commentId: string, userId: string): Promise<void> {
    await this.prisma.$executeRaw`WITH added AS (
        INSERT INTO comment_upvotes ("commentId", "userId") VALUES (${commentId}::uuid, ${userId}::uuid)
        ON CONFLICT DO NOTHING RETURNING 1
      )
      UPDATE comments SET upvotes = upvotes + (SELECT count(*) FROM added)::int WHERE id = ${commentId}::uuid`;
  }

  /** Removes the upvote if present, and uncounts it in the same statement. */
  async removeUpvote(commentId: string, userId: string): Promise<void> {
    await this.prisma.$executeRaw`WITH removed AS (
        DELETE FROM comment_upvotes WHERE "commentId" = ${commentId}::uuid AND "userId" = ${userId}::uuid
        RETURNING 1
      )
      UPDATE comments SET upvotes = upvotes - (SELECT count(*) FROM removed)::int WHERE id = ${commentId}::uuid`;
  }

  /**
   * A page of a proposal's top-level comments (oldest first, keyset after `after`, one more than
   * `take` to tell whether a next page exists), their count, the replies of the page's
   * comments down to `replyDepth` levels (0 to 2; replies ordered as `findReplies` orders them),
   * every author, and for a viewer their upvotes, in one statement. Like the separate reads, it
   * filters nothing: hidden and deleted comments are masked field by field by the resolver.
   */
  async findThread(
    proposalId: string,
    after: KeysetCursor | null,
    take: number,
    replyDepth: number,
    viewerId: string | null,
  ): Promise<CommentThread> {
    const keyset = after
      ? Prisma.sql`AND (c."createdAt", c."id") > (${after.at.toISOString()}::timestamp, ${after.id}::uuid)`
      : Prisma.empty;
    const levels = [
      Prisma.sql`"level0" AS (
        SELECT c.* FROM "comments" c
        WHERE c."proposalId" = ${proposalId}::uuid AND c."parentId" IS NULL ${keyset}
        ORDER BY c."createdAt", c."id" LIMIT ${take + 1})`,
    ];
    // Replies only of the comments on the page (the extra row only tells there is a next page).
    if (replyDepth >= 1) {
      levels.push(Prisma.sql`"level1" AS (
        SELECT c.* FROM "comments" c WHERE c."parentId" IN (
          SELECT l."id" FROM "level0" l ORDER BY l."createdAt", l."id" LIMIT ${take}))`);
    }
    if (replyDepth >= 2) {
      levels.push(Prisma.sql`"level2" AS (
        SELECT c.* FROM "comments" c WHERE c."parentId" IN (SELECT l."id" FROM "level1" l))`);
    }
    const thread = Prisma.join(
      levels.map((_, depth) =>
        Prisma.raw(`SELECT ${depth} AS "threadDepth", * FROM "level${depth}"`),
      ),
      ' UNION ALL ',
    );
    const upvoted = viewerId
      ? Prisma.sql`, EXISTS (SELECT 1 FROM "comment_upvotes" cu
          WHERE cu."commentId" = t."id" AND cu."userId" = ${viewerId}::uuid) AS "threadUpvoted"`
      : Prisma.empty;
    const rows = await this.prisma.$queryRaw<ThreadRow[]>`
      WITH ${Prisma.join(levels, ', ')}, "thread" AS (${thread})
      SELECT t.*, n."threadTotal",
        (SELECT to_jsonb(u) - 'passwordHash' FROM "users" u WHERE u."id" = t."authorId") AS "threadAuthor"
        ${upvoted}
      FROM (SELECT count(*)::int AS "threadTotal" FROM "comments"
        WHERE "proposalId" = ${proposalId}::uuid AND "parentId" IS NULL) n
      LEFT JOIN "thread" t ON true
      ORDER BY t."createdAt", t."id"`;
    return splitThread(rows, take, replyDepth, viewerId !== null);
  }

  /** The replies of each comment, oldest first, in key order. */
  async findReplies(parentIds: readonly string[]): Promise<CommentRecord[][]> {
    const rows = await this.prisma.comment.findMany({
      where: { parentId: { in: [...parentIds] } },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    });
    return groupByKey(parentIds, rows, (row) => row.parentId as string);
  }

  /** Which of these comments the viewer upvoted, in key order. */
  async findUpvotedBy(userId: string, commentIds: readonly string[]): Promise<boolean[]> {
    const rows = await this.prisma.commentUpvote.findMany({
      where: { userId, commentId: { in: [...commentIds] } },
      select: { commentId: true },
    });
    const upvoted = new Set(rows.map((row) => row.commentId));
    return commentIds.map((id) => upvoted.has(id));
  }

  /** A page of a participant's live comments on public proposals, newest first. */
  findByAuthor(
    authorId: string,
    after: KeysetCursor | null,
    take: number,
  ): Promise<CommentRecord[]> {
    const keyset: Prisma.CommentWhereInput = after
      ? {
          OR: [{ createdAt: { lt: after.at } }, { createdAt: after.at, id: { lt: after.id } }],
        }
      : {};
    return this.prisma.comment.findMany({
      where: { AND: [this.authorWhere(authorId), keyset] },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take,
    });
  }

  countByAuthor(authorId: string): Promise<number> {
    return this.prisma.comment.count({ where: this.authorWhere(authorId) });
  }

  private authorWhere(authorId: string): Prisma.CommentWhereInput {
    return {
      authorId,
      deletedAt: null,
      proposal: { status: { in: [...PUBLIC_PROPOSAL_STATUSES] } },
    };
  }
}

/** Sorts the rows of `findThread` (all levels, oldest first) into the page and its replies. */
function splitThread(
  rows: ThreadRow[],
  take: number,
  replyDepth: number,
  hasViewer: boolean,
): CommentThread {
  const topLevel: CommentRecord[] = [];
  const replies = new Map<string, CommentRecord[]>();
  const authors = new Map<string, UserRecord>();
  const upvotedByViewer = hasViewer ? new Map<string, boolean>() : null;
  const comments: { comment: CommentRecord; depth: number }[] = [];
  let total = 0;
  for (const row of rows) {
    const { threadTotal, threadDepth, threadAuthor, threadUpvoted, ...columns } = row;
    total = threadTotal;
    if (columns.id === null) continue; // no comment: the count's row alone
    const comment = columns as CommentRecord;
    comments.push({ comment, depth: threadDepth as number });
    // Every comment whose replies were read gets its list, empty when it has none.
    if (threadDepth === 0) {
      topLevel.push(comment);
      if (replyDepth >= 1 && topLevel.length <= take) replies.set(comment.id, []);
    } else if ((threadDepth as number) < replyDepth) {
      replies.set(comment.id, []);
    }
    if (threadAuthor && !authors.has(comment.authorId)) {
      authors.set(comment.authorId, userFromJson(threadAuthor));
    }
    upvotedByViewer?.set(comment.id, threadUpvoted === true);
  }
  // A reply may be older than its parent (imported data): fill the lists once all exist.
  for (const { comment, depth } of comments) {
    if (depth > 0) replies.get(comment.parentId as string)?.push(comment);
  }
  return { topLevel, total, replies, authors: [...authors.values()], upvotedByViewer };
}
