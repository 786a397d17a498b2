import { Injectable } from '@nestjs/common';
import { type CommentStance, PUBLIC_PROPOSAL_STATUSES } from '@passerelle/domain';
import { groupByKey } from '../../common/dataloader/loader-registry';
import { PrismaService } from '../../common/prisma/prisma.service';
import {
  type Comment as CommentRow,
  type ConsultationPhase,
  type Prisma,
  type Proposal as ProposalRow,
} from '../../generated/prisma/client';
import { NotificationsRepository } from '../notifications/notifications.repository';
import { holdOrTrustAuthor, type HoldRule } from '../users/author-trust';
import { type KeysetCursor } from '../votes/page';

export type CommentRecord = CommentRow;

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

  /** A page of a proposal's top-level comments, oldest first. */
  findTopLevel(
    proposalId: string,
    after: KeysetCursor | null,
    take: number,
  ): Promise<CommentRecord[]> {
    const keyset: Prisma.CommentWhereInput = after
      ? {
          OR: [{ createdAt: { gt: after.at } }, { createdAt: after.at, id: { gt: after.id } }],
        }
      : {};
    return this.prisma.comment.findMany({
      where: { AND: [{ proposalId, parentId: null }, keyset] },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      take,
    });
  }

  countTopLevel(proposalId: string): Promise<number> {
    return this.prisma.comment.count({ where: { proposalId, parentId: null } });
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
