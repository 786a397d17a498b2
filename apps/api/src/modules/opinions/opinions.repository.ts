import { Injectable } from '@nestjs/common';
import {
  LISTED_PROPOSAL_STATUSES,
  type OpinionGroupsResult,
  type VoteMatrix,
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

/** Participants whose votes one statement reads (about 100 000 cells at 50 votes each). */
const PARTICIPANTS_PER_READ = 2_000;
/** A run's snapshot read and its write each get this long (Prisma's default is 5 s). */
const RUN_TIMEOUT_MS = 10 * 60 * 1000;

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

  /**
   * The vote matrix of the consultation's public proposals, read in one snapshot: rows are the
   * voters and columns every listed proposal (voted on or not), both in id order, as
   * buildVoteMatrix would make them. The cells travel as one array row per participant, a few
   * thousand participants per statement, straight into typed arrays: 5 million votes never
   * become 5 million objects.
   */
  readVoteMatrix(
    consultationId: string,
    participantsPerRead = PARTICIPANTS_PER_READ,
  ): Promise<VoteMatrix> {
    return this.prisma.$transaction(
      async (tx) => {
        const proposals = await tx.$queryRaw<{ id: string }[]>`
          SELECT p."id"::text AS "id" FROM "proposals" p
          WHERE p."consultationId" = ${consultationId}::uuid AND ${listed('p')}
          ORDER BY p."id"::text COLLATE "C"`;
        const voters = await tx.$queryRaw<{ id: string; votes: number }[]>`
          SELECT v."userId"::text AS "id", count(*)::int AS "votes"
          FROM "votes" v JOIN "proposals" p ON p."id" = v."proposalId"
          WHERE p."consultationId" = ${consultationId}::uuid AND ${listed('p')}
          GROUP BY v."userId" ORDER BY v."userId"::text COLLATE "C"`;
        const proposalIds = proposals.map((proposal) => proposal.id);
        const participantIds = voters.map((voter) => voter.id);
        const rowStart = new Int32Array(participantIds.length + 1);
        voters.forEach((voter, row) => {
          rowStart[row + 1] = rowStart[row] + voter.votes;
        });
        const cellCount = rowStart[participantIds.length];
        const columns = new Int32Array(cellCount);
        const values = new Int8Array(cellCount);
        for (let first = 0; first < participantIds.length; first += participantsPerRead) {
          const slice = participantIds.slice(first, first + participantsPerRead);
          const rows = await tx.$queryRaw<{ row: number; columns: number[]; values: number[] }[]>`
            SELECT (r."ord" - 1)::int AS "row",
              array_agg((c."ord" - 1)::int ORDER BY c."ord") AS "columns",
              array_agg((CASE v."value" WHEN 'FOR' THEN 1 WHEN 'AGAINST' THEN -1 ELSE 0 END)::int
                ORDER BY c."ord") AS "values"
            FROM unnest(${slice}::uuid[]) WITH ORDINALITY AS r("id", "ord")
            JOIN "votes" v ON v."userId" = r."id"
            JOIN unnest(${proposalIds}::uuid[]) WITH ORDINALITY AS c("id", "ord")
              ON c."id" = v."proposalId"
            GROUP BY r."ord"`;
          for (const row of rows) {
            const start = rowStart[first + row.row];
            columns.set(row.columns, start);
            values.set(row.values, start);
          }
        }
        return { participantIds, proposalIds, rowStart, columns, values };
      },
      { isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead, timeout: RUN_TIMEOUT_MS },
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
    return this.prisma.$transaction(
      async (tx) => {
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
      },
      { timeout: RUN_TIMEOUT_MS },
    );
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
   * place in that list: one plus the listed proposals ahead of it, counted by index-only scans
   * of the partial indexes of the proposals_visible_rank_indexes migration (numbering the whole
   * consultation took 294 ms at tier M). Null for a proposal that is not in it (hidden,
   * unpublished, merged).
   */
  async findRanks(proposalIds: readonly string[]): Promise<(ProposalRankRecord | null)[]> {
    const ahead = (score: 'scoreConsensus' | 'scoreDivisive') => Prisma.sql`
      (SELECT count(*) FROM "proposals" p
        WHERE p."consultationId" = t."consultationId" AND ${listed('p')}
          AND (p.${Prisma.raw(`"${score}"`)}, p."id") > (t.${Prisma.raw(`"${score}"`)}, t."id"))::int`;
    const rows = await this.prisma.$queryRaw<ProposalRankRecord[]>`
      SELECT t."id" AS "proposalId", t."consultationId", t."scoreConsensus", t."scoreDivisive",
        ${ahead('scoreConsensus')} + 1 AS "consensusRank",
        ${ahead('scoreDivisive')} + 1 AS "divisiveRank",
        (SELECT count(*) FROM "proposals" p
          WHERE p."consultationId" = t."consultationId" AND ${listed('p')})::int AS "rankedCount"
      FROM "proposals" t
      WHERE t."id" = ANY(${[...proposalIds]}::uuid[]) AND ${listed('t')}`;
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
