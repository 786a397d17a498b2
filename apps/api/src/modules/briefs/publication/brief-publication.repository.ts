import { Injectable } from '@nestjs/common';
import {
  type ActorType,
  type BriefSnapshot,
  type BriefSnapshotExperimentRow,
  type BriefStatus,
  type ProposalStatus,
  type ProposalStatusChange,
} from '@passerelle/domain';
import { PrismaService } from '../../../common/prisma/prisma.service';
import { type Prisma } from '../../../generated/prisma/client';

type Tx = Prisma.TransactionClient;

/** The brief row as read under its lock by a publication. */
export interface LockedBrief {
  id: string;
  slug: string;
  title: string;
  introduction: string;
  introductionHtml: string;
  status: BriefStatus;
  revision: number;
  publishedVersion: number | null;
}

/** A cited proposal as read under its share lock: its counters are those of one instant. */
export interface LockedProposal {
  id: string;
  title: string;
  status: ProposalStatus;
  authorId: string;
  authorActorType: ActorType;
  territoryName: string;
  votesFor: number;
  votesAgainst: number;
  votesNeutral: number;
  /** Provenance: the consultation, its territory and carrying organisation (issue 10). */
  consultationId: string;
  consultationTitle: string;
  consultationSlug: string;
  consultationTerritoryId: string | null;
  consultationTerritoryName: string | null;
  consultationOrganisationId: string | null;
  consultationOrganisationName: string | null;
}

/** The experiments the cited proposals cite, with every measurement of their indicators. */
export interface CitedExperiments {
  proposalExperiments: { proposalId: string; experimentId: string; position: number }[];
  experiments: BriefSnapshotExperimentRow[];
}

const dayOf = (date: Date): string => date.toISOString().slice(0, 10);

export interface SectionRow {
  position: number;
  title: string;
  synthesis: string;
  synthesisHtml: string;
  dissentNote: string;
  citations: {
    position: number;
    proposalId: string | null;
    commentId: string | null;
    quote: string | null;
  }[];
}

/** A published brief and its current version. */
export interface PublishedBriefRecord {
  id: string;
  slug: string;
  publishedVersion: number;
  current: BriefVersionRecord;
}

export interface BriefVersionRecord {
  number: number;
  publishedAt: Date;
  snapshot: BriefSnapshot;
}

/** A current published version citing one of the asked proposals. */
export interface CitingVersionRecord {
  briefSlug: string;
  number: number;
  snapshot: BriefSnapshot;
}

/** Long enough to queue behind the votes being cast on the cited proposals. */
const PUBLISH_TRANSACTION = { maxWait: 30_000, timeout: 30_000 } as const;

/** Published versions are JSON written once (a trigger refuses UPDATE); read them as snapshots. */
const asSnapshot = (json: Prisma.JsonValue): BriefSnapshot => json as unknown as BriefSnapshot;

@Injectable()
export class BriefPublicationRepository {
  constructor(private readonly prisma: PrismaService) {}

  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.prisma.$transaction(work, PUBLISH_TRANSACTION);
  }

  async lockBrief(tx: Tx, id: string): Promise<LockedBrief | null> {
    const [row] = await tx.$queryRaw<LockedBrief[]>`SELECT id::text AS id, slug, title,
        "introduction", "introductionHtml", status::text AS status, revision, "publishedVersion"
      FROM briefs WHERE id = ${id}::uuid FOR UPDATE`;
    return row ?? null;
  }

  findSections(tx: Tx, briefId: string): Promise<SectionRow[]> {
    return tx.briefSection.findMany({
      where: { briefId },
      orderBy: { position: 'asc' },
      select: {
        position: true,
        title: true,
        synthesis: true,
        synthesisHtml: true,
        dissentNote: true,
        citations: {
          orderBy: { position: 'asc' },
          select: { position: true, proposalId: true, commentId: true, quote: true },
        },
      },
    });
  }

  findCommentProposals(
    tx: Tx,
    commentIds: readonly string[],
  ): Promise<{ id: string; proposalId: string }[]> {
    if (commentIds.length === 0) return Promise.resolve([]);
    return tx.comment.findMany({
      where: { id: { in: [...commentIds] } },
      select: { id: true, proposalId: true },
    });
  }

  /** Share-locks the proposals in id order (votes on them wait) and reads their totals. */
  lockProposals(tx: Tx, ids: readonly string[]): Promise<LockedProposal[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return tx.$queryRaw<LockedProposal[]>`SELECT p.id::text AS id, p.title,
        p.status::text AS status, p."authorId"::text AS "authorId",
        u."actorType"::text AS "authorActorType", t.name AS "territoryName",
        p."votesFor", p."votesAgainst", p."votesNeutral",
        c.id::text AS "consultationId", c.title AS "consultationTitle",
        c.slug AS "consultationSlug", c."territoryId" AS "consultationTerritoryId",
        ct.name AS "consultationTerritoryName",
        c."organisationId"::text AS "consultationOrganisationId",
        co.name AS "consultationOrganisationName"
      FROM proposals p
      JOIN users u ON u.id = p."authorId"
      JOIN territories t ON t.id = p."territoryId"
      JOIN consultations c ON c.id = p."consultationId"
      LEFT JOIN territories ct ON ct.id = c."territoryId"
      LEFT JOIN organisations co ON co.id = c."organisationId"
      WHERE p.id = ANY(${[...ids]}::uuid[])
      ORDER BY p.id
      FOR SHARE OF p`;
  }

  /**
   * The experiments the proposals cite and, for each, its carrier's name and its indicators (in
   * position order) with all their measurements: the snapshot freezes the newest checked figure
   * of each, as read in the publishing transaction.
   */
  async findCitedExperiments(tx: Tx, proposalIds: readonly string[]): Promise<CitedExperiments> {
    if (proposalIds.length === 0) return { proposalExperiments: [], experiments: [] };
    const proposalExperiments = await tx.proposalExperiment.findMany({
      where: { proposalId: { in: [...proposalIds] } },
      select: { proposalId: true, experimentId: true, position: true },
    });
    const experimentIds = [...new Set(proposalExperiments.map((row) => row.experimentId))];
    if (experimentIds.length === 0) return { proposalExperiments, experiments: [] };
    const experiments = await tx.experiment.findMany({
      where: { id: { in: experimentIds } },
      select: {
        id: true,
        name: true,
        organisation: { select: { name: true } },
        indicators: {
          orderBy: { position: 'asc' },
          select: {
            name: true,
            unit: true,
            baseline: true,
            measurements: {
              select: {
                id: true,
                value: true,
                measuredOn: true,
                source: true,
                sourceUrl: true,
                recordedAt: true,
                checkedAt: true,
              },
            },
          },
        },
      },
    });
    return {
      proposalExperiments,
      experiments: experiments.map((experiment) => ({
        id: experiment.id,
        name: experiment.name,
        organisationName: experiment.organisation.name,
        indicators: experiment.indicators.map((indicator) => ({
          ...indicator,
          measurements: indicator.measurements.map((measurement) => ({
            ...measurement,
            measuredOn: dayOf(measurement.measuredOn),
          })),
        })),
      })),
    };
  }

  findCollegeCounts(tx: Tx, proposalIds: readonly string[]) {
    return tx.proposalCollegeCount.findMany({
      where: { proposalId: { in: [...proposalIds] } },
      select: {
        proposalId: true,
        actorType: true,
        votesFor: true,
        votesAgainst: true,
        votesNeutral: true,
      },
    });
  }

  /** Who voted FOR each proposal, grouped by proposal id. */
  async findForVoters(tx: Tx, proposalIds: readonly string[]): Promise<Map<string, string[]>> {
    const rows = await tx.vote.findMany({
      where: { proposalId: { in: [...proposalIds] }, value: 'FOR' },
      select: { proposalId: true, userId: true },
    });
    const voters = new Map<string, string[]>();
    for (const row of rows)
      voters.set(row.proposalId, [...(voters.get(row.proposalId) ?? []), row.userId]);
    return voters;
  }

  /** Writes version `number` and marks the brief PUBLISHED at that version (revision + 1). */
  async insertVersion(
    tx: Tx,
    brief: LockedBrief,
    version: { number: number; snapshot: BriefSnapshot; publishedById: string; at: Date },
  ): Promise<void> {
    await tx.briefVersion.create({
      data: {
        briefId: brief.id,
        number: version.number,
        snapshot: version.snapshot as unknown as Prisma.InputJsonValue,
        publishedAt: version.at,
        publishedById: version.publishedById,
      },
    });
    await tx.brief.update({
      where: { id: brief.id },
      data: {
        status: 'PUBLISHED',
        publishedVersion: version.number,
        revision: { increment: 1 },
        updatedById: version.publishedById,
      },
    });
  }

  /** Applies a status change to a proposal and records it. */
  async changeProposalStatus(tx: Tx, proposalId: string, change: ProposalStatusChange) {
    await tx.proposal.update({
      where: { id: proposalId },
      data: { status: change.to, updatedAt: change.at },
    });
    await tx.proposalStatusChange.create({
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

  async findPublishedBySlug(slug: string): Promise<PublishedBriefRecord | null> {
    const brief = await this.prisma.brief.findUnique({
      where: { slug },
      select: { id: true, slug: true, publishedVersion: true },
    });
    if (!brief?.publishedVersion) return null;
    const current = await this.findVersion(brief.id, brief.publishedVersion);
    return current
      ? { id: brief.id, slug: brief.slug, publishedVersion: brief.publishedVersion, current }
      : null;
  }

  /** Every brief with a published version and its current version, newest publication first. */
  async findAllPublished(): Promise<PublishedBriefRecord[]> {
    const rows = await this.prisma.$queryRaw<
      {
        id: string;
        slug: string;
        publishedVersion: number;
        publishedAt: Date;
        snapshot: Prisma.JsonValue;
      }[]
    >`SELECT b.id::text AS id, b.slug, b."publishedVersion", v."publishedAt", v.snapshot
      FROM briefs b
      JOIN brief_versions v ON v."briefId" = b.id AND v.number = b."publishedVersion"
      ORDER BY v."publishedAt" DESC, b.slug`;
    return rows.map((row) => ({
      id: row.id,
      slug: row.slug,
      publishedVersion: row.publishedVersion,
      current: {
        number: row.publishedVersion,
        publishedAt: row.publishedAt,
        snapshot: asSnapshot(row.snapshot),
      },
    }));
  }

  async findVersion(briefId: string, number: number): Promise<BriefVersionRecord | null> {
    const row = await this.prisma.briefVersion.findUnique({
      where: { briefId_number: { briefId, number } },
      select: { number: true, publishedAt: true, snapshot: true },
    });
    return row ? { ...row, snapshot: asSnapshot(row.snapshot) } : null;
  }

  /**
   * Versions `numbers` of a published brief, read in one query: null when the brief was never
   * published; otherwise the versions found (an unknown number is simply missing).
   */
  async findPublishedVersions(
    slug: string,
    numbers: readonly number[],
  ): Promise<{ id: string; versions: BriefVersionRecord[] } | null> {
    const rows = await this.prisma.$queryRaw<
      {
        id: string;
        number: number | null;
        publishedAt: Date | null;
        snapshot: Prisma.JsonValue;
      }[]
    >`SELECT b.id::text AS id, v.number, v."publishedAt", v.snapshot
      FROM briefs b
      LEFT JOIN brief_versions v ON v."briefId" = b.id AND v.number = ANY(${[...numbers]}::int[])
      WHERE b.slug = ${slug} AND b."publishedVersion" IS NOT NULL
      ORDER BY v.number`;
    if (rows.length === 0) return null;
    return {
      id: rows[0].id,
      versions: rows.flatMap((row) =>
        row.number !== null && row.publishedAt
          ? [
              {
                number: row.number,
                publishedAt: row.publishedAt,
                snapshot: asSnapshot(row.snapshot),
              },
            ]
          : [],
      ),
    };
  }

  /** Every published version, newest first, with its title. */
  findVersionSummaries(
    briefId: string,
  ): Promise<{ number: number; publishedAt: Date; title: string }[]> {
    return this.prisma.$queryRaw`SELECT number, "publishedAt", snapshot->>'title' AS title
      FROM brief_versions WHERE "briefId" = ${briefId}::uuid ORDER BY number DESC`;
  }

  /** Current versions of published briefs that cite one of these proposals directly. */
  async findCitingVersions(proposalIds: readonly string[]): Promise<CitingVersionRecord[]> {
    const rows = await this.prisma.$queryRaw<
      { briefSlug: string; number: number; snapshot: Prisma.JsonValue }[]
    >`SELECT b.slug AS "briefSlug", v.number, v.snapshot
      FROM briefs b
      JOIN brief_versions v ON v."briefId" = b.id AND v.number = b."publishedVersion"
      WHERE EXISTS (
        SELECT 1 FROM jsonb_array_elements(v.snapshot->'proposals') AS cited
        WHERE cited->>'id' = ANY(${[...proposalIds]}::text[])
      )
      ORDER BY v."publishedAt" DESC, b.slug`;
    return rows.map((row) => ({ ...row, snapshot: asSnapshot(row.snapshot) }));
  }
}
