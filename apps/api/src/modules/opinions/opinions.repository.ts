import { Injectable } from '@nestjs/common';
import {
  LISTED_PROPOSAL_STATUSES,
  type OpinionGroupsResult,
  type OpinionVote,
} from '@passerelle/domain';
import { PrismaService } from '../../common/prisma/prisma.service';
import { Prisma } from '../../generated/prisma/client';

/**
 * The proposals an opinion-groups run covers and ranks: those of the consultation's public list
 * (listed statuses, not hidden), as ProposalListService shows them by default.
 */
const listed = (alias: string) =>
  Prisma.sql`${Prisma.raw(alias)}."status"::text = ANY(${[...LISTED_PROPOSAL_STATUSES]}::text[])
    AND ${Prisma.raw(alias)}."hiddenAt" IS NULL`;

export interface ConsultationVotes {
  votes: OpinionVote[];
  /** Every proposal of the public list, voted on or not. */
  proposalIds: string[];
}

export interface OpinionRunRecord {
  consultationId: string;
  computedAt: Date;
  votesCount: number;
  groupCount: number;
  silhouette: number | null;
  participantsClustered: number;
  proposalsMapped: number;
}

export interface OpinionGroupRecord {
  consultationId: string;
  groupId: number;
  label: string;
  size: number;
  totalSize: number;
}

export interface ProposalRankRecord {
  proposalId: string;
  consultationId: string;
  scoreConsensus: number;
  scoreDivisive: number;
  consensusRank: number;
  divisiveRank: number;
  rankedCount: number;
}

export interface ProposalGroupVotesRecord {
  proposalId: string;
  groupId: number;
  agree: number;
  disagree: number;
  pass: number;
}

@Injectable()
export class OpinionsRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** The votes on the consultation's public proposals, read in one snapshot. */
  readVotes(consultationId: string): Promise<ConsultationVotes> {
    return this.prisma.$transaction(
      async (tx) => {
        const proposals = await tx.$queryRaw<{ id: string }[]>`
          SELECT p."id" FROM "proposals" p
          WHERE p."consultationId" = ${consultationId}::uuid AND ${listed('p')}`;
        const votes = await tx.$queryRaw<OpinionVote[]>`
          SELECT v."userId" AS "participantId", v."proposalId", v."value"::text AS "value"
          FROM "votes" v JOIN "proposals" p ON p."id" = v."proposalId"
          WHERE p."consultationId" = ${consultationId}::uuid AND ${listed('p')}`;
        return { votes, proposalIds: proposals.map((p) => p.id) };
      },
      { isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead },
    );
  }

  /**
   * Replaces the consultation's run, groups, memberships and per-group votes and writes its
   * proposals' CONSENSUS / DIVISIVE scores, in one transaction of a fixed number of statements
   * (arrays travel as parameters and are unnested). Returns false, writing nothing, when the
   * consultation no longer exists. Accounts or proposals deleted since the votes were read are
   * skipped.
   */
  replaceRun(
    consultationId: string,
    result: OpinionGroupsResult,
    votesCount: number,
    computedAt: Date,
  ): Promise<boolean> {
    const { groups, memberships, proposals, quality } = result;
    const figures = proposals.flatMap((p) => p.perGroup.map((g) => ({ id: p.proposalId, ...g })));
    return this.prisma.$transaction(async (tx) => {
      // KEY SHARE: the consultation cannot be deleted until this run is written.
      const exists = await tx.$queryRaw<{ id: string }[]>`
        SELECT "id" FROM "consultations" WHERE "id" = ${consultationId}::uuid FOR KEY SHARE`;
      if (exists.length === 0) return false;
      await tx.$executeRaw`
        DELETE FROM "proposal_group_votes" v USING "proposals" p
        WHERE v."proposalId" = p."id" AND p."consultationId" = ${consultationId}::uuid`;
      await tx.$executeRaw`DELETE FROM "opinion_group_members"
        WHERE "consultationId" = ${consultationId}::uuid`;
      await tx.$executeRaw`DELETE FROM "opinion_group_runs"
        WHERE "consultationId" = ${consultationId}::uuid`;
      await tx.$executeRaw`
        INSERT INTO "opinion_group_runs" ("consultationId", "computedAt", "votesCount",
          "groupCount", "silhouette", "participantsClustered", "proposalsMapped", "explainedVariance")
        VALUES (${consultationId}::uuid, ${computedAt}, ${votesCount}, ${quality.k},
          ${quality.silhouette}::float8, ${quality.participantsClustered}, ${quality.proposalsMapped},
          ${quality.explainedVariance}::float8[])`;
      await tx.$executeRaw`
        INSERT INTO "opinion_groups" ("consultationId", "groupId", "label", "size", "totalSize")
        SELECT ${consultationId}::uuid, g.*
        FROM unnest(${groups.map((g) => g.id)}::int[], ${groups.map((g) => g.label)}::text[],
          ${groups.map((g) => g.size)}::int[], ${groups.map((g) => g.totalSize)}::int[])
          AS g("groupId", "label", "size", "totalSize")`;
      await tx.$executeRaw`
        INSERT INTO "opinion_group_members" ("consultationId", "userId", "groupId", "isClustered")
        SELECT ${consultationId}::uuid, m."userId", m."groupId", m."isClustered"
        FROM unnest(${memberships.map((m) => m.participantId)}::uuid[],
          ${memberships.map((m) => m.groupId)}::int[],
          ${memberships.map((m) => m.isClustered)}::bool[]) AS m("userId", "groupId", "isClustered")
        JOIN "users" u ON u."id" = m."userId"`;
      await tx.$executeRaw`
        INSERT INTO "proposal_group_votes" ("proposalId", "groupId", "agree", "disagree", "pass")
        SELECT f.*
        FROM unnest(${figures.map((f) => f.id)}::uuid[], ${figures.map((f) => f.groupId)}::int[],
          ${figures.map((f) => f.agree)}::int[], ${figures.map((f) => f.disagree)}::int[],
          ${figures.map((f) => f.pass)}::int[]) AS f("proposalId", "groupId", "agree", "disagree", "pass")
        JOIN "proposals" p ON p."id" = f."proposalId" AND p."consultationId" = ${consultationId}::uuid`;
      await tx.$executeRaw`
        UPDATE "proposals" p SET "scoreConsensus" = s."consensus", "scoreDivisive" = s."divisive"
        FROM unnest(${proposals.map((p) => p.proposalId)}::uuid[],
          ${proposals.map((p) => p.consensus)}::float8[],
          ${proposals.map((p) => p.divisiveness)}::float8[]) AS s("id", "consensus", "divisive")
        WHERE p."id" = s."id" AND p."consultationId" = ${consultationId}::uuid
          AND (p."scoreConsensus", p."scoreDivisive") IS DISTINCT FROM (s."consensus", s."divisive")`;
      // Proposals left out of this run (unpublished, hidden) no longer rank on old figures.
      await tx.$executeRaw`
        UPDATE "proposals" p SET "scoreConsensus" = 0, "scoreDivisive" = 0
        WHERE p."consultationId" = ${consultationId}::uuid
          AND p."id" <> ALL(${proposals.map((p) => p.proposalId)}::uuid[])
          AND (p."scoreConsensus" <> 0 OR p."scoreDivisive" <> 0)`;
      return true;
    });
  }

  /**
   * Consultations whose figures are behind their votes: votes but no run, or a different number
   * of votes, or a vote changed since the run (e.g. cast while the API was down).
   */
  async findStaleConsultationIds(): Promise<string[]> {
    const rows = await this.prisma.$queryRaw<{ id: string }[]>`
      SELECT c."id" FROM "consultations" c
      LEFT JOIN "opinion_group_runs" r ON r."consultationId" = c."id"
      CROSS JOIN LATERAL (
        SELECT count(*)::int AS "votes", max(v."updatedAt") AS "lastVoteAt"
        FROM "votes" v JOIN "proposals" p ON p."id" = v."proposalId"
        WHERE p."consultationId" = c."id" AND ${listed('p')}
      ) s
      WHERE (r."consultationId" IS NULL AND s."votes" > 0)
        OR s."votes" <> r."votesCount" OR s."lastVoteAt" > r."computedAt"
      ORDER BY c."id"`;
    return rows.map((row) => row.id);
  }

  /** The runs of these consultations (DataLoader batch, key order). */
  async findRuns(consultationIds: readonly string[]): Promise<(OpinionRunRecord | null)[]> {
    const rows = await this.prisma.opinionGroupRun.findMany({
      where: { consultationId: { in: [...consultationIds] } },
      select: {
        consultationId: true,
        computedAt: true,
        votesCount: true,
        groupCount: true,
        silhouette: true,
        participantsClustered: true,
        proposalsMapped: true,
      },
    });
    const byId = new Map(rows.map((row) => [row.consultationId, row]));
    return consultationIds.map((id) => byId.get(id) ?? null);
  }

  /** The groups of these consultations, by group id (DataLoader batch, key order). */
  async findGroups(consultationIds: readonly string[]): Promise<OpinionGroupRecord[][]> {
    const rows = await this.prisma.opinionGroup.findMany({
      where: { consultationId: { in: [...consultationIds] } },
      orderBy: [{ consultationId: 'asc' }, { groupId: 'asc' }],
    });
    return consultationIds.map((id) => rows.filter((row) => row.consultationId === id));
  }

  /** One account's group in each of these consultations (null: not placed). */
  async findGroupIdsOfUser(
    userId: string,
    consultationIds: readonly string[],
  ): Promise<(number | null)[]> {
    const rows = await this.prisma.opinionGroupMember.findMany({
      where: { userId, consultationId: { in: [...consultationIds] } },
      select: { consultationId: true, groupId: true },
    });
    const byId = new Map(rows.map((row) => [row.consultationId, row.groupId]));
    return consultationIds.map((id) => byId.get(id) ?? null);
  }

  /**
   * Each proposal's position in its consultation's public list under CONSENSUS and DIVISIVE:
   * the same (score DESC, id DESC) order as ProposalListRepository, so a rank is the proposal's
   * place in that list. Null for a proposal that is not in it (hidden, unpublished, merged).
   */
  async findRanks(proposalIds: readonly string[]): Promise<(ProposalRankRecord | null)[]> {
    const rows = await this.prisma.$queryRaw<ProposalRankRecord[]>`
      WITH "targets" AS (
        SELECT DISTINCT "consultationId" FROM "proposals" WHERE "id" = ANY(${[...proposalIds]}::uuid[])
      ), "ranked" AS (
        SELECT p."id" AS "proposalId", p."consultationId", p."scoreConsensus", p."scoreDivisive",
          row_number() OVER (PARTITION BY p."consultationId"
            ORDER BY p."scoreConsensus" DESC, p."id" DESC)::int AS "consensusRank",
          row_number() OVER (PARTITION BY p."consultationId"
            ORDER BY p."scoreDivisive" DESC, p."id" DESC)::int AS "divisiveRank",
          count(*) OVER (PARTITION BY p."consultationId")::int AS "rankedCount"
        FROM "proposals" p JOIN "targets" t ON t."consultationId" = p."consultationId"
        WHERE ${listed('p')}
      )
      SELECT * FROM "ranked" WHERE "proposalId" = ANY(${[...proposalIds]}::uuid[])`;
    const byId = new Map(rows.map((row) => [row.proposalId, row]));
    return proposalIds.map((id) => byId.get(id) ?? null);
  }

  /** The per-group votes of these proposals, by group id (DataLoader batch, key order). */
  async findGroupVotes(proposalIds: readonly string[]): Promise<ProposalGroupVotesRecord[][]> {
    const rows = await this.prisma.proposalGroupVotes.findMany({
      where: { proposalId: { in: [...proposalIds] } },
      orderBy: [{ proposalId: 'asc' }, { groupId: 'asc' }],
    });
    const byId = new Map<string, ProposalGroupVotesRecord[]>();
    for (const row of rows) byId.set(row.proposalId, [...(byId.get(row.proposalId) ?? []), row]);
    return proposalIds.map((id) => byId.get(id) ?? []);
  }
}
