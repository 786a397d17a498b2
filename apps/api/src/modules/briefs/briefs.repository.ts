import { Injectable } from '@nestjs/common';
import { type BriefStatus } from '@passerelle/domain';
import { byKey, groupByKey } from '../../common/dataloader/loader-registry';
import { PrismaService } from '../../common/prisma/prisma.service';
import {
  type Brief as BriefRow,
  type BriefCitation as BriefCitationRow,
  type BriefSection as BriefSectionRow,
  type Comment as CommentRow,
  type Proposal as ProposalRow,
} from '../../generated/prisma/client';

export type BriefRecord = BriefRow;
export type BriefSectionRecord = BriefSectionRow;
/**
 * A citation with the brief holding it (to leave that brief out of `otherBriefs`) and the
 * proposal it is about (the cited proposal, or the cited comment's proposal).
 */
export type BriefCitationRecord = BriefCitationRow & {
  briefId: string;
  sourceProposalId: string | null;
};
export interface BriefRefRecord {
  id: string;
  slug: string;
  title: string;
}

/** What the citation rules need to know about a cited proposal. */
export type CitableProposal = Pick<
  ProposalRow,
  'id' | 'consultationId' | 'status' | 'hiddenAt' | 'title' | 'summary' | 'body'
>;
/** What the citation rules need to know about a cited comment and its proposal. */
export type CitableComment = Pick<CommentRow, 'id' | 'body' | 'deletedAt' | 'hiddenAt'> & {
  proposal: Pick<ProposalRow, 'id' | 'consultationId' | 'status' | 'hiddenAt' | 'title'>;
};

export interface NewBrief {
  slug: string;
  title: string;
  introduction: string;
  introductionHtml: string;
  consultationIds: string[];
  authorId: string;
}

export interface NewSection {
  title: string;
  synthesis: string;
  synthesisHtml: string;
  dissentNote: string;
  citations: { proposalId: string | null; commentId: string | null; quote: string | null }[];
}

/** An edit: undefined keeps a value; `consultationIds` and `sections` replace the lists. */
export interface BriefEdit {
  title?: string;
  introduction?: string;
  introductionHtml?: string;
  consultationIds?: string[];
  sections?: NewSection[];
  status: BriefStatus;
}

/** Thrown inside a write transaction to roll it back when the revision guard matched no row. */
class StaleRevision extends Error {}

@Injectable()
export class BriefsRepository {
  constructor(private readonly prisma: PrismaService) {}

  findById(id: string): Promise<BriefRecord | null> {
    return this.prisma.brief.findUnique({ where: { id } });
  }

  /** Working copies, most recently updated first, optionally of one status. */
  list(status: BriefStatus | null): Promise<BriefRecord[]> {
    return this.prisma.brief.findMany({
      where: status ? { status } : {},
      orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }],
    });
  }

  async findConsultationIds(briefId: string): Promise<string[]> {
    const rows = await this.prisma.briefConsultation.findMany({
      where: { briefId },
      select: { consultationId: true },
    });
    return rows.map((row) => row.consultationId);
  }

  /** The stored citations of a brief, per section in order (to check them again). */
  async findCitationsOfBrief(
    briefId: string,
  ): Promise<{ proposalId: string | null; commentId: string | null; quote: string | null }[][]> {
    const sections = await this.prisma.briefSection.findMany({
      where: { briefId },
      orderBy: { position: 'asc' },
      select: {
        citations: {
          orderBy: { position: 'asc' },
          select: { proposalId: true, commentId: true, quote: true },
        },
      },
    });
    return sections.map((section) => section.citations);
  }

  /** Each section's title, synthesis and number of citations, in order (for the source rules). */
  async findSectionSources(
    briefId: string,
  ): Promise<{ title: string; synthesis: string; citationCount: number }[]> {
    const sections = await this.prisma.briefSection.findMany({
      where: { briefId },
      orderBy: { position: 'asc' },
      select: { title: true, synthesis: true, _count: { select: { citations: true } } },
    });
    return sections.map(({ title, synthesis, _count }) => ({
      title,
      synthesis,
      citationCount: _count.citations,
    }));
  }

  /** The ids among `ids` that name a consultation. */
  async existingConsultationIds(ids: readonly string[]): Promise<Set<string>> {
    const rows = await this.prisma.consultation.findMany({
      where: { id: { in: [...ids] } },
      select: { id: true },
    });
    return new Set(rows.map((row) => row.id));
  }

  async findCitableProposals(ids: readonly string[]): Promise<Map<string, CitableProposal>> {
    const rows = await this.prisma.proposal.findMany({
      where: { id: { in: [...ids] } },
      select: {
        id: true,
        consultationId: true,
        status: true,
        hiddenAt: true,
        title: true,
        summary: true,
        body: true,
      },
    });
    return new Map(rows.map((row) => [row.id, row]));
  }

  async findCitableComments(ids: readonly string[]): Promise<Map<string, CitableComment>> {
    const rows = await this.prisma.comment.findMany({
      where: { id: { in: [...ids] } },
      select: {
        id: true,
        body: true,
        deletedAt: true,
        hiddenAt: true,
        proposal: {
          select: { id: true, consultationId: true, status: true, hiddenAt: true, title: true },
        },
      },
    });
    return new Map(rows.map((row) => [row.id, row]));
  }

  /** Creates a brief (revision 1, DRAFT) with its consultations; a taken slug fails on P2002. */
  create(brief: NewBrief): Promise<BriefRecord> {
    return this.prisma.brief.create({
      data: {
        slug: brief.slug,
        title: brief.title,
        introduction: brief.introduction,
        introductionHtml: brief.introductionHtml,
        createdById: brief.authorId,
        updatedById: brief.authorId,
        consultations: {
          create: brief.consultationIds.map((consultationId) => ({ consultationId })),
        },
      },
    });
  }

  /**
   * Applies an edit in one transaction, only if the brief is still at `expectedRevision` (an
   * atomic guarded UPDATE, so of two concurrent edits from the same revision exactly one wins);
   * consultations and sections with their citations are replaced in the same transaction.
   * Null when the guard failed.
   */
  async update(
    id: string,
    expectedRevision: number,
    edit: BriefEdit,
    editorId: string,
  ): Promise<BriefRecord | null> {
    try {
      return await this.prisma.$transaction(async (tx) => {
        const updated = await tx.brief.updateMany({
          where: { id, revision: expectedRevision },
          data: {
            title: edit.title,
            introduction: edit.introduction,
            introductionHtml: edit.introductionHtml,
            status: edit.status,
            revision: { increment: 1 },
            updatedById: editorId,
            updatedAt: new Date(),
          },
        });
        if (updated.count === 0) throw new StaleRevision();
        if (edit.consultationIds) {
          await tx.briefConsultation.deleteMany({ where: { briefId: id } });
          await tx.briefConsultation.createMany({
            data: edit.consultationIds.map((consultationId) => ({ briefId: id, consultationId })),
          });
        }
        if (edit.sections) {
          await tx.briefSection.deleteMany({ where: { briefId: id } }); // citations cascade
          for (const [position, section] of edit.sections.entries()) {
            await tx.briefSection.create({
              data: {
                briefId: id,
                position,
                title: section.title,
                synthesis: section.synthesis,
                synthesisHtml: section.synthesisHtml,
                dissentNote: section.dissentNote,
                citations: {
                  create: section.citations.map((citation, index) => ({
                    position: index,
                    ...citation,
                  })),
                },
              },
            });
          }
        }
        return tx.brief.findUniqueOrThrow({ where: { id } });
      });
    } catch (error) {
      if (error instanceof StaleRevision) return null;
      throw error;
    }
  }

  /** Moves a brief to `to` if it is still at `expectedRevision` and in `from`; null otherwise. */
  async transition(
    id: string,
    expectedRevision: number,
    from: BriefStatus,
    to: BriefStatus,
    editorId: string,
  ): Promise<BriefRecord | null> {
    try {
      return await this.prisma.$transaction(async (tx) => {
        const updated = await tx.brief.updateMany({
          where: { id, revision: expectedRevision, status: from },
          data: {
            status: to,
            revision: { increment: 1 },
            updatedById: editorId,
            updatedAt: new Date(),
          },
        });
        if (updated.count === 0) throw new StaleRevision();
        return tx.brief.findUniqueOrThrow({ where: { id } });
      });
    } catch (error) {
      if (error instanceof StaleRevision) return null;
      throw error;
    }
  }

  // Batch functions for the DataLoaders, results in key order.

  async findConsultationIdsByBriefIds(briefIds: readonly string[]): Promise<string[][]> {
    const rows = await this.prisma.briefConsultation.findMany({
      where: { briefId: { in: [...briefIds] } },
      orderBy: { consultationId: 'asc' },
    });
    return groupByKey(briefIds, rows, (row) => row.briefId).map((list) =>
      list.map((row) => row.consultationId),
    );
  }

  async findSectionsByBriefIds(briefIds: readonly string[]): Promise<BriefSectionRecord[][]> {
    const rows = await this.prisma.briefSection.findMany({
      where: { briefId: { in: [...briefIds] } },
      orderBy: [{ briefId: 'asc' }, { position: 'asc' }],
    });
    return groupByKey(briefIds, rows, (row) => row.briefId);
  }

  async findCitationsBySectionIds(sectionIds: readonly string[]): Promise<BriefCitationRecord[][]> {
    const rows = await this.prisma.briefCitation.findMany({
      where: { sectionId: { in: [...sectionIds] } },
      orderBy: [{ sectionId: 'asc' }, { position: 'asc' }],
      include: {
        section: { select: { briefId: true } },
        comment: { select: { proposalId: true } },
      },
    });
    const records = rows.map(({ section, comment, ...citation }) => ({
      ...citation,
      briefId: section.briefId,
      sourceProposalId: citation.proposalId ?? comment?.proposalId ?? null,
    }));
    return groupByKey(sectionIds, records, (row) => row.sectionId);
  }

  /** Per proposal: the briefs whose working copy cites it (directly or through a comment). */
  async findCitingBriefsByProposalIds(proposalIds: readonly string[]): Promise<BriefRefRecord[][]> {
    const rows = await this.prisma.$queryRaw<(BriefRefRecord & { proposalId: string })[]>`
      SELECT DISTINCT COALESCE(c."proposalId", co."proposalId") AS "proposalId",
             b.id, b.slug, b.title
      FROM brief_citations c
      JOIN brief_sections s ON s.id = c."sectionId"
      JOIN briefs b ON b.id = s."briefId"
      LEFT JOIN comments co ON co.id = c."commentId"
      WHERE COALESCE(c."proposalId", co."proposalId") = ANY(${[...proposalIds]}::uuid[])
      ORDER BY b.title, b.id`;
    return groupByKey(proposalIds, rows, (row) => row.proposalId).map((list) =>
      list.map(({ id, slug, title }) => ({ id, slug, title })),
    );
  }

  async findProposalsByIds(ids: readonly string[]): Promise<(ProposalRow | null)[]> {
    const rows = await this.prisma.proposal.findMany({ where: { id: { in: [...ids] } } });
    return byKey(ids, rows, (row) => row.id);
  }

  async findCommentsByIds(ids: readonly string[]): Promise<(CommentRow | null)[]> {
    const rows = await this.prisma.comment.findMany({ where: { id: { in: [...ids] } } });
    return byKey(ids, rows, (row) => row.id);
  }
}
