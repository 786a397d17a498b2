import { Injectable } from '@nestjs/common';
import {
  type CompetentLevel,
  type Lever,
  type ProposalStatus,
  type ProposalStatusChange,
  PUBLIC_PROPOSAL_STATUSES,
} from '@passerelle/domain';
import { PrismaService } from '../../common/prisma/prisma.service';
import { type Prisma, type Proposal as ProposalRow } from '../../generated/prisma/client';
import { type ProposalOrder } from './dto/proposals.args';
import { type ProposalCursor } from './proposal-cursor';

export type ProposalRecord = ProposalRow;

export interface ProposalFilter {
  consultationId?: string | null;
  themeSlug?: string | null;
}

export interface ProposalPageQuery extends ProposalFilter {
  /** Rows to read: the page size plus one, to know whether another page follows. */
  take: number;
  after: ProposalCursor | null;
  order: ProposalOrder;
}

export interface NewProposal {
  consultationId: string;
  authorId: string;
  organisationId: string | null;
  title: string;
  summary: string;
  body: string;
  themeIds: string[];
  territoryId: string;
  competentLevel: CompetentLevel;
  lever: Lever;
  experiment: string | null;
  measuredImpact: string | null;
  status: ProposalStatus;
  publishedAt: Date | null;
}

/** Only what visitors may see: drafts and withdrawn proposals never appear in public reads. */
function publicWhere(filter: ProposalFilter): Prisma.ProposalWhereInput {
  return {
    status: { in: [...PUBLIC_PROPOSAL_STATUSES] },
    ...(filter.consultationId ? { consultationId: filter.consultationId } : {}),
    ...(filter.themeSlug ? { themes: { some: { theme: { slug: filter.themeSlug } } } } : {}),
  };
}

@Injectable()
export class ProposalsRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * One page in (createdAt, id) order, strictly after the cursor. Keyset pagination: each page
   * costs the same, and rows inserted meanwhile never shift or repeat what was already read.
   */
  findPublicPage(query: ProposalPageQuery): Promise<ProposalRecord[]> {
    const direction = query.order === 'NEWEST' ? 'desc' : 'asc';
    const beyond = query.order === 'NEWEST' ? 'lt' : 'gt';
    const keyset: Prisma.ProposalWhereInput = query.after
      ? {
          OR: [
            { createdAt: { [beyond]: query.after.createdAt } },
            { createdAt: query.after.createdAt, id: { [beyond]: query.after.id } },
          ],
        }
      : {};
    return this.prisma.proposal.findMany({
      where: { AND: [publicWhere(query), keyset] },
      orderBy: [{ createdAt: direction }, { id: direction }],
      take: query.take,
    });
  }

  countPublic(filter: ProposalFilter): Promise<number> {
    return this.prisma.proposal.count({ where: publicWhere(filter) });
  }

  findPublicById(id: string): Promise<ProposalRecord | null> {
    return this.prisma.proposal.findFirst({
      where: { id, status: { in: [...PUBLIC_PROPOSAL_STATUSES] } },
    });
  }

  /** Creates a proposal with its themes, revision 1 and first status change, in one transaction. */
  createWithHistory(proposal: NewProposal, change: ProposalStatusChange): Promise<ProposalRecord> {
    const { themeIds, ...columns } = proposal;
    return this.prisma.$transaction(async (tx) => {
      const created = await tx.proposal.create({
        data: { ...columns, version: 1, createdAt: change.at },
      });
      await tx.proposalTheme.createMany({
        data: themeIds.map((themeId) => ({ proposalId: created.id, themeId })),
      });
      await tx.proposalRevision.create({
        data: {
          proposalId: created.id,
          version: 1,
          title: created.title,
          summary: created.summary,
          body: created.body,
          editorId: proposal.authorId,
          createdAt: change.at,
        },
      });
      await tx.proposalStatusChange.create({
        data: {
          proposalId: created.id,
          fromStatus: change.from,
          toStatus: change.to,
          actorId: change.actorId,
          reason: change.reason,
          createdAt: change.at,
        },
      });
      return created;
    });
  }
}
