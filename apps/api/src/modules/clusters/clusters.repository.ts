import { Injectable } from '@nestjs/common';
import { type ClusterCandidate, type ProposalStatus } from '@passerelle/domain';
import { byKey, groupByKey } from '../../common/dataloader/loader-registry';
import { PrismaService } from '../../common/prisma/prisma.service';
import {
  type Proposal as ProposalRow,
  type ProposalCluster as ClusterRow,
} from '../../generated/prisma/client';
import { AuditRepository } from '../audit/audit.repository';
import {
  type NewNotification,
  NotificationsRepository,
} from '../notifications/notifications.repository';

export type ClusterRecord = ClusterRow;

/** A proposal row as read under its lock by a merge. */
interface LockedCandidate extends ClusterCandidate {
  authorId: string;
  title: string;
}

export interface CombinedSupportRecord {
  participants: number;
  votesFor: number;
  votesAgainst: number;
  votesNeutral: number;
  sumOfVotes: number;
}

/** Long enough for a merge to queue behind the votes being cast on its proposals. */
const CLUSTER_TRANSACTION = { maxWait: 30_000, timeout: 30_000 } as const;

@Injectable()
export class ClustersRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditRepository,
    private readonly notifications: NotificationsRepository,
  ) {}

  /**
   * Merges `memberIds` into `leadId` in one transaction: locks the proposal rows in id order (so a
   * concurrent merge of the same proposal waits, then sees it in a cluster), lets `plan` apply the
   * rules to the locked rows, then opens a cluster (or joins the one the lead leads), moves the
   * members to MERGED with a status change each, and writes the audit entry and notifications.
   * Returns the cluster id, or null when a proposal does not exist.
   */
  async merge(
    input: { leadId: string; memberIds: readonly string[]; reason: string; actorId: string },
    plan: (state: {
      lead: ClusterCandidate;
      members: ClusterCandidate[];
      leadClusterLeadId: string | null;
    }) => { joinClusterId: string | null },
  ): Promise<string | null> {
    return this.prisma.$transaction(async (tx) => {
      const ids = [input.leadId, ...input.memberIds];
      const rows = await tx.$queryRaw<LockedCandidate[]>`SELECT id::text AS id,
          status::text AS status, "consultationId"::text AS "consultationId",
          "clusterId"::text AS "clusterId", "authorId"::text AS "authorId", title
        FROM proposals WHERE id = ANY(${ids}::uuid[]) ORDER BY id FOR UPDATE`;
      const byId = new Map(rows.map((row) => [row.id, row]));
      const lead = byId.get(input.leadId);
      const members = input.memberIds.map((id) => byId.get(id));
      if (!lead || members.some((member) => !member)) return null;
      const locked = members as LockedCandidate[];
      let leadClusterLeadId: string | null = null;
      if (lead.clusterId) {
        const [cluster] = await tx.$queryRaw<{ leadProposalId: string }[]>`SELECT
            "leadProposalId"::text AS "leadProposalId"
          FROM proposal_clusters WHERE id = ${lead.clusterId}::uuid FOR UPDATE`;
        leadClusterLeadId = cluster?.leadProposalId ?? null;
      }
      const { joinClusterId } = plan({ lead, members: locked, leadClusterLeadId });

      const clusterId =
        joinClusterId ??
        (
          await tx.proposalCluster.create({
            data: { leadProposalId: lead.id, reason: input.reason, createdById: input.actorId },
            select: { id: true },
          })
        ).id;
      const joining = joinClusterId ? locked : [lead, ...locked];
      await tx.proposalClusterMember.createMany({
        data: joining.map((row) => ({
          clusterId,
          proposalId: row.id,
          previousStatus: row.status,
        })),
      });
      await tx.proposal.updateMany({
        where: { id: { in: joining.map((row) => row.id) } },
        data: { clusterId },
      });
      await tx.proposal.updateMany({
        where: { id: { in: locked.map((row) => row.id) } },
        data: { status: 'MERGED' },
      });
      await tx.proposalStatusChange.createMany({
        data: locked.map((row) => ({
          proposalId: row.id,
          fromStatus: row.status,
          toStatus: 'MERGED' as const,
          actorId: input.actorId,
          reason: input.reason,
        })),
      });
      await this.audit.append(
        {
          actorId: input.actorId,
          action: 'MERGE_PROPOSALS',
          targetType: 'CLUSTER',
          targetId: clusterId,
          reason: input.reason,
          metadata: { leadProposalId: lead.id, proposalIds: locked.map((row) => row.id) },
        },
        tx,
      );
      const voters = await tx.vote.findMany({
        where: { proposalId: { in: locked.map((row) => row.id) } },
        select: { proposalId: true, userId: true },
      });
      // One notice per merged proposal, to its author and its voters.
      for (const row of locked) {
        const payload = {
          clusterId,
          leadProposalId: lead.id,
          proposalId: row.id,
          title: row.title,
          reason: input.reason,
        };
        const userIds = [
          row.authorId,
          ...voters.filter((vote) => vote.proposalId === row.id).map((vote) => vote.userId),
        ];
        await this.notifications.notify(
          userIds.map((userId): NewNotification => ({ userId, kind: 'PROPOSAL_MERGED', payload })),
          tx,
        );
      }
      return clusterId;
    }, CLUSTER_TRANSACTION);
  }

  /**
   * Undoes a merge in one transaction: locks the members' rows (id order, as a merge does), then
   * the cluster row; lets `check` refuse an undone cluster; gives each member still MERGED the
   * status `restore` says, with a status change; clears proposals.clusterId; writes the audit
   * entry and notifies the authors. False when the cluster does not exist.
   */
  async undo(
    input: { clusterId: string; reason: string; actorId: string; at: Date },
    check: (cluster: { undoneAt: Date | null }) => void,
    restore: (member: {
      status: ProposalStatus;
      previousStatus: ProposalStatus;
    }) => ProposalStatus | null,
  ): Promise<boolean> {
    return this.prisma.$transaction(async (tx) => {
      const lockMembers = () => tx.$queryRaw<
        { id: string }[]
      >`SELECT p.id::text AS id FROM proposals p
          WHERE p.id IN (SELECT m."proposalId" FROM proposal_cluster_members m
            WHERE m."clusterId" = ${input.clusterId}::uuid)
          ORDER BY p.id FOR UPDATE`;
      await lockMembers();
      const [cluster] = await tx.$queryRaw<
        { undoneAt: Date | null; leadProposalId: string }[]
      >`SELECT "undoneAt", "leadProposalId"::text AS "leadProposalId"
        FROM proposal_clusters WHERE id = ${input.clusterId}::uuid FOR UPDATE`;
      if (!cluster) return false;
      check(cluster);
      // Members that joined while this transaction waited are locked too (no one else holds them).
      await lockMembers();
      const members = await tx.proposalClusterMember.findMany({
        where: { clusterId: input.clusterId },
        select: {
          previousStatus: true,
          proposal: { select: { id: true, status: true, authorId: true, title: true } },
        },
      });
      const changes = members.flatMap((member) => {
        const to = restore({
          status: member.proposal.status,
          previousStatus: member.previousStatus,
        });
        return to ? [{ id: member.proposal.id, from: member.proposal.status, to }] : [];
      });
      for (const change of changes) {
        await tx.proposal.update({ where: { id: change.id }, data: { status: change.to } });
      }
      await tx.proposalStatusChange.createMany({
        data: changes.map((change) => ({
          proposalId: change.id,
          fromStatus: change.from,
          toStatus: change.to,
          actorId: input.actorId,
          reason: input.reason,
        })),
      });
      await tx.proposal.updateMany({
        where: { clusterId: input.clusterId },
        data: { clusterId: null },
      });
      await tx.proposalCluster.update({
        where: { id: input.clusterId },
        data: { undoneAt: input.at, undoneById: input.actorId, undoReason: input.reason },
      });
      await this.audit.append(
        {
          actorId: input.actorId,
          action: 'UNDO_MERGE',
          targetType: 'CLUSTER',
          targetId: input.clusterId,
          reason: input.reason,
          metadata: {
            leadProposalId: cluster.leadProposalId,
            proposalIds: members.map((member) => member.proposal.id),
          },
        },
        tx,
      );
      for (const member of members) {
        await this.notifications.notify(
          [
            {
              userId: member.proposal.authorId,
              kind: 'PROPOSAL_UNMERGED',
              payload: {
                clusterId: input.clusterId,
                leadProposalId: cluster.leadProposalId,
                proposalId: member.proposal.id,
                title: member.proposal.title,
                reason: input.reason,
              },
            },
          ],
          tx,
        );
      }
      return true;
    }, CLUSTER_TRANSACTION);
  }

  findById(id: string): Promise<ClusterRecord | null> {
    return this.prisma.proposalCluster.findUnique({ where: { id } });
  }

  async findByIds(ids: readonly string[]): Promise<(ClusterRecord | null)[]> {
    const rows = await this.prisma.proposalCluster.findMany({ where: { id: { in: [...ids] } } });
    return byKey(ids, rows, (row) => row.id);
  }

  /** The active cluster of each proposal, in key order. */
  async findActiveClustersOfProposals(
    proposalIds: readonly string[],
  ): Promise<(ClusterRecord | null)[]> {
    const rows = await this.prisma.proposal.findMany({
      where: { id: { in: [...proposalIds] }, clusterId: { not: null } },
      select: { id: true, cluster: true },
    });
    return byKey(proposalIds, rows, (row) => row.id).map((row) => row?.cluster ?? null);
  }

  /** The member proposals of each cluster: the lead first, then by creation date. */
  async findMembers(clusterIds: readonly string[]): Promise<ProposalRow[][]> {
    const rows = await this.prisma.proposalClusterMember.findMany({
      where: { clusterId: { in: [...clusterIds] } },
      select: { clusterId: true, proposal: true, cluster: { select: { leadProposalId: true } } },
      orderBy: [{ proposal: { createdAt: 'asc' } }, { proposalId: 'asc' }],
    });
    const sorted = [...rows].sort(
      (a, b) =>
        Number(b.proposal.id === b.cluster.leadProposalId) -
        Number(a.proposal.id === a.cluster.leadProposalId),
    );
    return groupByKey(clusterIds, sorted, (row) => row.clusterId).map((group) =>
      group.map((row) => row.proposal),
    );
  }

  /**
   * Support across the members of each cluster, in one statement: each participant counts once,
   * with their most recently changed vote (DISTINCT ON), next to the plain sum of the votes.
   */
  async findCombinedSupport(clusterIds: readonly string[]): Promise<CombinedSupportRecord[]> {
    const rows = await this.prisma.$queryRaw<(CombinedSupportRecord & { clusterId: string })[]>`
      WITH members AS (
        SELECT m."clusterId", m."proposalId" FROM proposal_cluster_members m
        WHERE m."clusterId" = ANY(${[...clusterIds]}::uuid[])
      ),
      latest AS (
        SELECT DISTINCT ON (m."clusterId", v."userId") m."clusterId", v.value
        FROM members m JOIN votes v ON v."proposalId" = m."proposalId"
        ORDER BY m."clusterId", v."userId", v."updatedAt" DESC, v.id DESC
      ),
      combined AS (
        SELECT "clusterId", count(*)::int AS participants,
          (count(*) FILTER (WHERE value = 'FOR'))::int AS "votesFor",
          (count(*) FILTER (WHERE value = 'AGAINST'))::int AS "votesAgainst",
          (count(*) FILTER (WHERE value = 'NEUTRAL'))::int AS "votesNeutral"
        FROM latest GROUP BY "clusterId"
      ),
      summed AS (
        SELECT m."clusterId",
          sum(p."votesFor" + p."votesAgainst" + p."votesNeutral")::int AS "sumOfVotes"
        FROM members m JOIN proposals p ON p.id = m."proposalId" GROUP BY m."clusterId"
      )
      SELECT s."clusterId"::text AS "clusterId",
        COALESCE(c.participants, 0) AS participants, COALESCE(c."votesFor", 0) AS "votesFor",
        COALESCE(c."votesAgainst", 0) AS "votesAgainst",
        COALESCE(c."votesNeutral", 0) AS "votesNeutral", s."sumOfVotes"
      FROM summed s LEFT JOIN combined c ON c."clusterId" = s."clusterId"`;
    const empty = { participants: 0, votesFor: 0, votesAgainst: 0, votesNeutral: 0, sumOfVotes: 0 };
    return byKey(clusterIds, rows, (row) => row.clusterId).map((row) =>
      row
        ? {
            participants: row.participants,
            votesFor: row.votesFor,
            votesAgainst: row.votesAgainst,
            votesNeutral: row.votesNeutral,
            sumOfVotes: row.sumOfVotes,
          }
        : empty,
    );
  }
}
