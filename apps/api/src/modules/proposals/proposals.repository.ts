import { Injectable } from '@nestjs/common';
import {
  type CompetentLevel,
  type Lever,
  type ProposalStatus,
  isSuspended,
  type ProposalStatusChange,
  PUBLIC_PROPOSAL_STATUSES,
} from '@passerelle/domain';
import { groupByKey } from '../../common/dataloader/loader-registry';
import { PrismaService } from '../../common/prisma/prisma.service';
import {
  Prisma,
  type Proposal as ProposalRow,
  type ProposalRevision as RevisionRow,
  type ProposalStatusChange as StatusChangeRow,
} from '../../generated/prisma/client';
import { type ConsultationPhaseRecord } from '../consultations/consultations.repository';
import { type ThemeRecord } from '../themes/themes.repository';
import { PROPOSAL_COLUMNS } from './proposal-list.repository';
import {
  type ProposalRelationColumns,
  type ProposalRelations,
  relationColumns,
  splitRelations,
} from './proposal-relations.sql';
import { holdOrTrustAuthor, type HoldRule } from '../users/author-trust';
import { ProposalExperimentsRepository } from './proposal-experiments.repository';

export type ProposalRecord = ProposalRow;
export type ProposalRevisionRecord = RevisionRow;
export type ProposalStatusChangeRecord = StatusChangeRow;

/** The fields an author writes, at submission and at every edit. */
export interface ProposalContent {
  title: string;
  summary: string;
  body: string;
  bodyHtml: string;
  themeIds: string[];
  territoryId: string;
  competentLevel: CompetentLevel;
  lever: Lever;
  experiment: string | null;
  measuredImpact: string | null;
}

export interface NewProposal extends ProposalContent {
  consultationId: string;
  authorId: string;
  organisationId: string | null;
  status: ProposalStatus;
  publishedAt: Date | null;
  scoreTop: number;
  scoreHot: number;
  scoreControversial: number;
  /** Registry experiments cited as evidence, in the author's order. */
  experimentIds?: readonly string[];
}

/** An edit's content; `experimentIds` null or absent leaves the citations as they are. */
export interface ProposalEdit extends ProposalContent {
  experimentIds?: readonly string[] | null;
}

const revisionOf = (content: ProposalContent) => ({
  title: content.title,
  summary: content.summary,
  body: content.body,
  bodyHtml: content.bodyHtml,
  experiment: content.experiment,
  measuredImpact: content.measuredImpact,
});

/** A proposal with what its page's fields read, by `findByIdWithRelations`. */
export interface ProposalWithRelations {
  proposal: ProposalRecord;
  relations: ProposalRelations;
  phases: ConsultationPhaseRecord[];
  /** Newest first, when asked. */
  revisions?: ProposalRevisionRecord[];
  /** Oldest first, when asked. */
  statusChanges?: ProposalStatusChangeRecord[];
  /** For a signed-in viewer: whether they moderate its consultation locally, and are suspended. */
  viewerModeration?: { isLocalModerator: boolean; isSuspended: boolean };
}

const PHASE_DATES = ['startsAt', 'endsAt'];

/** A row as to_jsonb writes it, its `timestamp(3)` columns (UTC, text without zone) as Dates. */
function withJsonDates<T>(json: Record<string, unknown>, dates: readonly string[]): T {
  const row: Record<string, unknown> = { ...json };
  for (const key of dates) {
    const value = row[key];
    if (typeof value === 'string') row[key] = new Date(`${value}Z`);
  }
  return row as T;
}

/** Thrown inside a write transaction to roll it back when a guarded update matched no row. */
export class GuardFailed extends Error {}

/** Keeps a status change in the proposal's history (inside the transaction that makes it). */
function recordStatusChange(
  tx: Prisma.TransactionClient,
  proposalId: string,
  change: ProposalStatusChange,
) {
  return tx.proposalStatusChange.create({
    data: {
      proposalId,
      fromStatus: change.from,
      toStatus: change.to,
      actorId: change.actorId,
      reason: change.reason,
      createdAt: change.at,
    },
  });
}

@Injectable()
export class ProposalsRepository {
  constructor(private readonly prisma: PrismaService) {}

  findPublicById(id: string): Promise<ProposalRecord | null> {
    return this.prisma.proposal.findFirst({
      where: { id, status: { in: [...PUBLIC_PROPOSAL_STATUSES] } },
    });
  }

  /** Any status: callers decide who may see it. */
  findById(id: string): Promise<ProposalRecord | null> {
    return this.prisma.proposal.findUnique({ where: { id } });
  }

  /**
   * A proposal with what its page's fields read through DataLoaders (author, territory, themes,
   * collège counts, consultation and its phases, the viewer's vote), in one statement.
   */
  async findByIdWithRelations(
    id: string,
    viewerId: string | null,
    history: { revisions: boolean; statusChanges: boolean } = {
      revisions: false,
      statusChanges: false,
    },
  ): Promise<ProposalWithRelations | null> {
    // The history only when asked: revisions hold every version's body.
    const revisions = history.revisions
      ? Prisma.sql`, (SELECT coalesce(jsonb_agg(to_jsonb(r) ORDER BY r."version" DESC), '[]'::jsonb)
          FROM "proposal_revisions" r WHERE r."proposalId" = sub."id") AS "relRevisions"`
      : Prisma.empty;
    const statusChanges = history.statusChanges
      ? Prisma.sql`, (SELECT coalesce(jsonb_agg(to_jsonb(s) ORDER BY s."createdAt", s."id"), '[]'::jsonb)
          FROM "proposal_status_changes" s WHERE s."proposalId" = sub."id") AS "relStatusChanges"`
      : Prisma.empty;
    // Local spaces (issue 10): whether the viewer moderates its consultation, in the same statement.
    const viewerModeration = viewerId
      ? Prisma.sql`, (SELECT jsonb_build_object('isLocalModerator', EXISTS (SELECT 1
            FROM "consultation_moderators" cm
            WHERE cm."consultationId" = sub."consultationId" AND cm."userId" = u."id"),
          'suspendedAt', u."suspendedAt", 'suspendedUntil', u."suspendedUntil")
          FROM "users" u WHERE u."id" = ${viewerId}::uuid AND u."deletedAt" IS NULL) AS "relViewerModeration"`
      : Prisma.empty;
    const rows = await this.prisma.$queryRaw<
      (ProposalRecord &
        ProposalRelationColumns & {
          relPhases: Record<string, unknown>[];
          relRevisions?: Record<string, unknown>[];
          relStatusChanges?: Record<string, unknown>[];
          relViewerModeration?: Record<string, unknown> | null;
        })[]
    >`
      SELECT sub.*, ${relationColumns('sub', viewerId)},
        (SELECT coalesce(jsonb_agg(to_jsonb(ph) ORDER BY ph."startsAt", ph."kind"), '[]'::jsonb)
          FROM "consultation_phases" ph WHERE ph."consultationId" = sub."consultationId") AS "relPhases"
        ${revisions} ${statusChanges} ${viewerModeration}
      FROM (SELECT ${PROPOSAL_COLUMNS} FROM "proposals" p WHERE p."id" = ${id}::uuid) sub`;
    if (!rows[0]) return null;
    const { relPhases, relRevisions, relStatusChanges, relViewerModeration, ...row } = rows[0];
    const { rest, relations } = splitRelations(row);
    const moderation = relViewerModeration
      ? withJsonDates<{
          isLocalModerator: boolean;
          suspendedAt: Date | null;
          suspendedUntil: Date | null;
        }>(relViewerModeration, ['suspendedAt', 'suspendedUntil'])
      : null;
    return {
      viewerModeration: moderation
        ? {
            isLocalModerator: moderation.isLocalModerator,
            isSuspended: isSuspended(moderation, new Date()),
          }
        : undefined,
      proposal: rest,
      relations,
      phases: relPhases.map((json) => withJsonDates<ConsultationPhaseRecord>(json, PHASE_DATES)),
      revisions: relRevisions?.map((json) =>
        withJsonDates<ProposalRevisionRecord>(json, ['createdAt']),
      ),
      statusChanges: relStatusChanges?.map((json) =>
        withJsonDates<ProposalStatusChangeRecord>(json, ['createdAt']),
      ),
    };
  }

  /**
   * Creates a proposal with its themes, revision 1 and first status change, in one transaction.
   * In the same transaction, `holdFor` decides from the author's trust whether it waits for a
   * moderator (hidden, awaiting review); otherwise the author becomes trusted if not yet.
   */
  createWithHistory(
    proposal: NewProposal,
    change: ProposalStatusChange,
    holdFor: HoldRule | null = () => false,
  ): Promise<ProposalRecord> {
    const { themeIds, experimentIds = [], ...columns } = proposal;
    return this.prisma.$transaction(async (tx) => {
      // A draft is not public yet: neither held for review nor trusting its author (publishDraft).
      const hold = holdFor
        ? await holdOrTrustAuthor(tx, proposal.authorId, holdFor, change.at)
        : {};
      const created = await tx.proposal.create({
        data: { ...columns, version: 1, createdAt: change.at, ...hold },
      });
      await tx.proposalTheme.createMany({
        data: themeIds.map((themeId) => ({ proposalId: created.id, themeId })),
      });
      if (experimentIds.length > 0) {
        await ProposalExperimentsRepository.replaceCitations(
          tx,
          created.id,
          experimentIds,
          change.at,
        );
      }
      await tx.proposalRevision.create({
        data: {
          proposalId: created.id,
          version: 1,
          ...revisionOf(proposal),
          editorId: proposal.authorId,
          createdAt: change.at,
        },
      });
      await recordStatusChange(tx, created.id, change);
      return created;
    });
  }

  /**
   * Applies an edit in one transaction: the row is updated only if it is still at
   * `expectedVersion` in an editable status (so two concurrent edits cannot both win), its
   * themes are replaced and the new version is kept as a revision. Null when the guard failed.
   */
  async updateWithRevision(
    id: string,
    expectedVersion: number,
    editableStatuses: readonly ProposalStatus[],
    content: ProposalEdit,
    editorId: string,
    at: Date,
  ): Promise<ProposalRecord | null> {
    const { themeIds, experimentIds, ...columns } = content;
    try {
      return await this.prisma.$transaction(async (tx) => {
        const updated = await tx.proposal.updateMany({
          where: { id, version: expectedVersion, status: { in: [...editableStatuses] } },
          data: { ...columns, version: { increment: 1 }, updatedAt: at },
        });
        if (updated.count === 0) throw new GuardFailed();
        await tx.proposalTheme.deleteMany({ where: { proposalId: id } });
        await tx.proposalTheme.createMany({
          data: themeIds.map((themeId) => ({ proposalId: id, themeId })),
        });
        if (experimentIds) {
          await ProposalExperimentsRepository.replaceCitations(tx, id, experimentIds, at);
        }
        await tx.proposalRevision.create({
          data: {
            proposalId: id,
            version: expectedVersion + 1,
            ...revisionOf(content),
            editorId,
            createdAt: at,
          },
        });
        return tx.proposal.findUniqueOrThrow({ where: { id } });
      });
    } catch (error) {
      if (error instanceof GuardFailed) return null;
      throw error;
    }
  }

  /** Records a status change if the proposal is still in `change.from`; null otherwise. */
  /**
   * Publishes a draft in one transaction: guarded on its DRAFT status (of two concurrent
   * publications one wins), dated now (its scores start from now, as a new proposal's), held for
   * review or trusting its author as a submission would, with its status change. Null when the
   * guard failed.
   */
  async publishDraft(
    id: string,
    authorId: string,
    change: ProposalStatusChange,
    scores: Prisma.ProposalUpdateManyMutationInput,
    holdFor: HoldRule,
  ): Promise<ProposalRecord | null> {
    try {
      return await this.prisma.$transaction(async (tx) => {
        const hold = await holdOrTrustAuthor(tx, authorId, holdFor, change.at);
        const updated = await tx.proposal.updateMany({
          where: { id, status: 'DRAFT' },
          data: {
            status: change.to,
            publishedAt: change.at,
            updatedAt: change.at,
            ...scores,
            ...hold,
          },
        });
        if (updated.count === 0) throw new GuardFailed();
        await recordStatusChange(tx, id, change);
        return tx.proposal.findUniqueOrThrow({ where: { id } });
      });
    } catch (error) {
      if (error instanceof GuardFailed) return null;
      throw error;
    }
  }

  async changeStatus(id: string, change: ProposalStatusChange): Promise<ProposalRecord | null> {
    try {
      return await this.prisma.$transaction(async (tx) => {
        const updated = await tx.proposal.updateMany({
          where: { id, status: change.from ?? undefined },
          data: { status: change.to, updatedAt: change.at },
        });
        if (updated.count === 0) throw new GuardFailed();
        await recordStatusChange(tx, id, change);
        return tx.proposal.findUniqueOrThrow({ where: { id } });
      });
    } catch (error) {
      if (error instanceof GuardFailed) return null;
      throw error;
    }
  }

  /**
   * The themes of each proposal in display order (DataLoader batch), in one joined statement:
   * Prisma's `include` would take two.
   */
  async findThemesByProposalIds(ids: readonly string[]): Promise<ThemeRecord[][]> {
    const rows = await this.prisma.$queryRaw<(ThemeRecord & { proposalId: string })[]>`
      SELECT pt."proposalId", t."id", t."slug", t."nameFr", t."nameEn", t."descriptionFr", t."position"
      FROM "proposal_themes" pt JOIN "themes" t ON t."id" = pt."themeId"
      WHERE pt."proposalId" IN (${Prisma.join(ids.map((id) => Prisma.sql`${id}::uuid`))})
      ORDER BY t."position", t."slug"`;
    return groupByKey(ids, rows, (row) => row.proposalId).map((list) =>
      list.map(({ proposalId: _proposalId, ...theme }) => theme),
    );
  }

  /** Revisions of each proposal, newest first (DataLoader batch). */
  async findRevisionsByProposalIds(ids: readonly string[]): Promise<ProposalRevisionRecord[][]> {
    const rows = await this.prisma.proposalRevision.findMany({
      where: { proposalId: { in: [...ids] } },
      orderBy: [{ proposalId: 'asc' }, { version: 'desc' }],
    });
    return groupByKey(ids, rows, (row) => row.proposalId);
  }

  /** Status changes of each proposal, oldest first (DataLoader batch). */
  async findStatusChangesByProposalIds(
    ids: readonly string[],
  ): Promise<ProposalStatusChangeRecord[][]> {
    const rows = await this.prisma.proposalStatusChange.findMany({
      where: { proposalId: { in: [...ids] } },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    });
    return groupByKey(ids, rows, (row) => row.proposalId);
  }
}
