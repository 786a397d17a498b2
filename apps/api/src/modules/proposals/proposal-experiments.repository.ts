import { Injectable } from '@nestjs/common';
import { PUBLIC_PROPOSAL_STATUSES } from '@passerelle/domain';
import { groupByKey } from '../../common/dataloader/loader-registry';
import { PrismaService } from '../../common/prisma/prisma.service';
import { type Experiment as ExperimentRow, Prisma } from '../../generated/prisma/client';
import { PROPOSAL_COLUMNS } from './proposal-list.repository';
import { type ProposalRecord } from './proposals.repository';

/** A write transaction's client (createWithHistory, updateWithRevision). */
type Tx = Prisma.TransactionClient;

const uuids = (ids: readonly string[]) => Prisma.join(ids.map((id) => Prisma.sql`${id}::uuid`));

/**
 * Proposals citing registry experiments as their evidence (issue 10): the ProposalExperiment
 * rows, read and written here so that the proposals module needs nothing of the experiments one.
 */
@Injectable()
export class ProposalExperimentsRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Which of `ids` name an existing experiment (one statement). */
  async existingIds(ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await this.prisma.experiment.findMany({
      where: { id: { in: [...ids] } },
      select: { id: true },
    });
    return new Set(rows.map((row) => row.id));
  }

  /** Replaces the citations of a proposal, in the author's order, inside `tx`. */
  static async replaceCitations(
    tx: Tx,
    proposalId: string,
    experimentIds: readonly string[],
    at: Date,
  ): Promise<void> {
    await tx.proposalExperiment.deleteMany({ where: { proposalId } });
    if (experimentIds.length === 0) return;
    await tx.proposalExperiment.createMany({
      data: experimentIds.map((experimentId, position) => ({
        proposalId,
        experimentId,
        position,
        createdAt: at,
      })),
    });
  }

  /** The experiments each proposal cites, in the author's order (DataLoader batch, one statement). */
  async findExperimentsByProposalIds(ids: readonly string[]): Promise<ExperimentRow[][]> {
    const rows = await this.prisma.$queryRaw<(ExperimentRow & { citingProposalId: string })[]>`
      SELECT pe."proposalId" AS "citingProposalId", e.*
      FROM "proposal_experiments" pe JOIN "experiments" e ON e."id" = pe."experimentId"
      WHERE pe."proposalId" IN (${uuids(ids)})
      ORDER BY pe."proposalId", pe."position"`;
    return groupByKey(ids, rows, (row) => row.citingProposalId).map((list) =>
      list.map(({ citingProposalId: _proposalId, ...experiment }) => experiment),
    );
  }

  /**
   * The public, visible (not hidden by moderation) proposals citing each experiment, newest
   * first (DataLoader batch, one statement).
   */
  async findProposalsByExperimentIds(ids: readonly string[]): Promise<ProposalRecord[][]> {
    const statuses = Prisma.join(
      PUBLIC_PROPOSAL_STATUSES.map((status) => Prisma.sql`CAST(${status} AS "ProposalStatus")`),
    );
    const rows = await this.prisma.$queryRaw<(ProposalRecord & { citedExperimentId: string })[]>`
      SELECT pe."experimentId" AS "citedExperimentId", ${PROPOSAL_COLUMNS}
      FROM "proposal_experiments" pe JOIN "proposals" p ON p."id" = pe."proposalId"
      WHERE pe."experimentId" IN (${uuids(ids)})
        AND p."status" IN (${statuses}) AND p."hiddenAt" IS NULL
      ORDER BY p."createdAt" DESC, p."id" DESC`;
    return groupByKey(ids, rows, (row) => row.citedExperimentId).map((list) =>
      list.map(({ citedExperimentId: _experimentId, ...proposal }) => proposal),
    );
  }
}
