import { Injectable } from '@nestjs/common';
import {
  type ActorType,
  type AmendmentStatus,
  type CommentStance,
  type ProposalStatus,
} from '@passerelle/domain';
import { PrismaService } from '../../common/prisma/prisma.service';
import { Prisma } from '../../generated/prisma/client';

export interface OpenDataConsultation {
  id: string;
  slug: string;
  title: string;
}

export interface CollegeCountRow {
  actorType: ActorType;
  votesFor: number;
  votesAgainst: number;
  votesNeutral: number;
}

/** A public proposal, without anything that identifies a person. */
export interface OpenProposalRow {
  id: string;
  title: string;
  summary: string;
  status: ProposalStatus;
  territoryCode: string;
  territoryName: string;
  themes: string[];
  authorActorType: ActorType;
  organisationName: string | null;
  votesFor: number;
  votesAgainst: number;
  votesNeutral: number;
  colleges: CollegeCountRow[];
  commentsCount: number;
  publishedAt: Date | null;
}

/** A public comment, without its author's identity. */
export interface OpenCommentRow {
  id: string;
  proposalId: string;
  parentId: string | null;
  body: string;
  stance: CommentStance;
  upvotes: number;
  createdAt: Date;
  authorActorType: ActorType;
}

/** An amendment of a public proposal, without its author's or decider's identity. */
export interface OpenAmendmentRow {
  id: string;
  proposalId: string;
  status: AmendmentStatus;
  /** The whole proposed texts, against revision `baseVersion` of the proposal. */
  baseVersion: number;
  title: string;
  summary: string;
  body: string;
  reason: string;
  votesFor: number;
  votesAgainst: number;
  createdAt: Date;
  decidedAt: Date | null;
  decisionReason: string | null;
  authorActorType: ActorType;
}

/** Rows read per query: exports walk the table by keyset batches of this size. */
export const OPEN_DATA_BATCH_SIZE = 500;

/**
 * Read-only queries of the open-data exports. Every query keeps to public content: public
 * statuses, nothing hidden or awaiting review, no deleted comment — and selects no user id,
 * name or e-mail.
 */
@Injectable()
export class OpenDataRepository {
  constructor(private readonly prisma: PrismaService) {}

  findConsultation(slug: string): Promise<OpenDataConsultation | null> {
    return this.prisma.consultation.findUnique({
      where: { slug },
      select: { id: true, slug: true, title: true },
    });
  }

  /** Up to `take` public proposals of a consultation with an id after `afterId`, in id order. */
  proposalBatch(
    consultationId: string,
    statuses: readonly ProposalStatus[],
    afterId: string | null,
    take = OPEN_DATA_BATCH_SIZE,
  ): Promise<OpenProposalRow[]> {
    const after = afterId === null ? Prisma.empty : Prisma.sql`AND p."id" > ${afterId}::uuid`;
    return this.prisma.$queryRaw<OpenProposalRow[]>`
      SELECT p."id"::text AS "id", p."title", p."summary", p."status"::text AS "status",
        t."code" AS "territoryCode", t."name" AS "territoryName",
        COALESCE((SELECT array_agg(th."slug" ORDER BY th."position", th."slug")
          FROM proposal_themes pt JOIN themes th ON th."id" = pt."themeId"
          WHERE pt."proposalId" = p."id"), ARRAY[]::text[]) AS "themes",
        u."actorType"::text AS "authorActorType", o."name" AS "organisationName",
        p."votesFor", p."votesAgainst", p."votesNeutral",
        COALESCE((SELECT json_agg(json_build_object('actorType', c."actorType",
            'votesFor', c."votesFor", 'votesAgainst', c."votesAgainst",
            'votesNeutral', c."votesNeutral"))
          FROM proposal_college_counts c WHERE c."proposalId" = p."id"), '[]'::json) AS "colleges",
        p."commentsCount", p."publishedAt"
      FROM proposals p
      JOIN territories t ON t."id" = p."territoryId"
      JOIN users u ON u."id" = p."authorId"
      LEFT JOIN organisations o ON o."id" = p."organisationId"
      WHERE p."consultationId" = ${consultationId}::uuid
        AND p."status"::text IN (${Prisma.join(statuses)})
        AND p."hiddenAt" IS NULL AND p."awaitingReview" = false
        ${after}
      ORDER BY p."id"
      LIMIT ${take}`;
  }

  /**
   * Up to `take` public comments (not deleted, hidden or awaiting review) of the consultation's
   * public proposals, with an id after `afterId`, in id order.
   */
  commentBatch(
    consultationId: string,
    statuses: readonly ProposalStatus[],
    afterId: string | null,
    take = OPEN_DATA_BATCH_SIZE,
  ): Promise<OpenCommentRow[]> {
    const after = afterId === null ? Prisma.empty : Prisma.sql`AND c."id" > ${afterId}::uuid`;
    return this.prisma.$queryRaw<OpenCommentRow[]>`
      SELECT c."id"::text AS "id", c."proposalId"::text AS "proposalId",
        c."parentId"::text AS "parentId", c."body", c."stance"::text AS "stance", c."upvotes",
        c."createdAt", u."actorType"::text AS "authorActorType"
      FROM comments c
      JOIN proposals p ON p."id" = c."proposalId"
      JOIN users u ON u."id" = c."authorId"
      WHERE p."consultationId" = ${consultationId}::uuid
        AND p."status"::text IN (${Prisma.join(statuses)})
        AND p."hiddenAt" IS NULL AND p."awaitingReview" = false
        AND c."deletedAt" IS NULL AND c."hiddenAt" IS NULL AND c."awaitingReview" = false
        ${after}
      ORDER BY c."id"
      LIMIT ${take}`;
  }

  /**
   * Amendments of public proposals, as the proposal page shows them: neither hidden by
   * moderation, nor withdrawn, nor erased with their author's account.
   */
  amendmentBatch(
    consultationId: string,
    statuses: readonly ProposalStatus[],
    afterId: string | null,
    take = OPEN_DATA_BATCH_SIZE,
  ): Promise<OpenAmendmentRow[]> {
    const after = afterId === null ? Prisma.empty : Prisma.sql`AND a."id" > ${afterId}::uuid`;
    return this.prisma.$queryRaw<OpenAmendmentRow[]>`
      SELECT a."id"::text AS "id", a."proposalId"::text AS "proposalId",
        a."status"::text AS "status", a."baseVersion", a."title", a."summary", a."body",
        a."reason", a."votesFor", a."votesAgainst", a."createdAt", a."decidedAt",
        a."decisionReason", u."actorType"::text AS "authorActorType"
      FROM amendments a
      JOIN proposals p ON p."id" = a."proposalId"
      JOIN users u ON u."id" = a."authorId"
      WHERE p."consultationId" = ${consultationId}::uuid
        AND p."status"::text IN (${Prisma.join(statuses)})
        AND p."hiddenAt" IS NULL AND p."awaitingReview" = false
        AND a."hiddenAt" IS NULL AND a."erasedAt" IS NULL AND a."status" <> 'WITHDRAWN'
        ${after}
      ORDER BY a."id"
      LIMIT ${take}`;
  }
}
