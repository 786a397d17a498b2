import { Injectable } from '@nestjs/common';
import { type CoAuthorStatus } from '@passerelle/domain';
import { groupByKey } from '../../common/dataloader/loader-registry';
import { PrismaService } from '../../common/prisma/prisma.service';
import { type Prisma, type ProposalCoAuthor as CoAuthorRow } from '../../generated/prisma/client';
import {
  type NewNotification,
  NotificationsRepository,
} from '../notifications/notifications.repository';
import { type UserRecord } from '../users/users.repository';
import { findCoAuthorStatuses } from './coauthor-statuses';
import { type ProposalRecord } from './proposals.repository';

export type CoAuthorRecord = CoAuthorRow;

/** What an invitation needs to know of the invited account. */
export interface InviteeAccount {
  id: string;
  displayName: string;
  deletedAt: Date | null;
  suspendedAt: Date | null;
  suspendedUntil: Date | null;
}

type Tx = Prisma.TransactionClient;

/** Thrown by a check to roll the transaction back; rethrown as is. */
type Check<T> = (proposal: ProposalRecord, row: T) => void;

/**
 * The co-authors of proposals (issue 11): invitations, answers and removals, each in one
 * transaction with its notification, under a lock of the proposal's row so that two invitations
 * cannot both take the last free place; and the batch reads of the Proposal fields.
 */
@Injectable()
export class ProposalCoAuthorsRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly notifications: NotificationsRepository,
  ) {}

  /** The accepted co-authors of a proposal (who may edit it besides its author). */
  async acceptedIds(proposalId: string): Promise<string[]> {
    const rows = await this.prisma.proposalCoAuthor.findMany({
      where: { proposalId, status: 'ACCEPTED' },
      select: { userId: true },
    });
    return rows.map((row) => row.userId);
  }

  /** The account an author wants to invite, with what says whether it is active. */
  findInvitee(userId: string): Promise<InviteeAccount | null> {
    return this.prisma.user.findUnique({
      where: { id: userId },
      select: {
        id: true,
        displayName: true,
        deletedAt: true,
        suspendedAt: true,
        suspendedUntil: true,
      },
    });
  }

  /** A display name, as notifications quote it. */
  async displayName(userId: string): Promise<string> {
    const user = await this.prisma.user.findUnique({
      where: { id: userId },
      select: { displayName: true },
    });
    return user?.displayName ?? '';
  }

  /** Accepted co-authors of each proposal, in order of acceptance (DataLoader batch, one statement). */
  async findAcceptedByProposalIds(ids: readonly string[]): Promise<UserRecord[][]> {
    const rows = await this.prisma.proposalCoAuthor.findMany({
      where: { proposalId: { in: [...ids] }, status: 'ACCEPTED' },
      orderBy: [{ answeredAt: 'asc' }, { userId: 'asc' }],
      select: { proposalId: true, user: { omit: { passwordHash: true } } },
    });
    return groupByKey(ids, rows, (row) => row.proposalId).map((list) =>
      list.map((row) => row.user),
    );
  }

  /** Pending and declined invitations of each proposal, oldest first (DataLoader batch). */
  async findInvitationsByProposalIds(ids: readonly string[]): Promise<CoAuthorRecord[][]> {
    const rows = await this.prisma.proposalCoAuthor.findMany({
      where: { proposalId: { in: [...ids] }, status: { in: ['INVITED', 'DECLINED'] } },
      orderBy: [{ invitedAt: 'asc' }, { userId: 'asc' }],
    });
    return groupByKey(ids, rows, (row) => row.proposalId);
  }

  /** One account's invitation or co-authorship status on each proposal (DataLoader batch). */
  findStatusesOf(
    userId: string,
    proposalIds: readonly string[],
  ): Promise<(CoAuthorStatus | null)[]> {
    return findCoAuthorStatuses(this.prisma, userId, proposalIds);
  }

  /**
   * Invites (or invites again, after a decline) an account: under the proposal's lock, `check`
   * sees the proposal and all its co-author rows and throws to refuse; then the invitation and
   * its notification commit together. Null when the proposal does not exist.
   */
  invite(
    input: { proposalId: string; userId: string; invitedById: string; at: Date },
    check: Check<CoAuthorRecord[]>,
    notification: (proposal: ProposalRecord) => NewNotification,
  ): Promise<ProposalRecord | null> {
    return this.prisma.$transaction(async (tx) => {
      const proposal = await lockProposal(tx, input.proposalId);
      if (!proposal) return null;
      check(proposal, await tx.proposalCoAuthor.findMany({ where: { proposalId: proposal.id } }));
      const invitation = {
        invitedById: input.invitedById,
        status: 'INVITED' as const,
        invitedAt: input.at,
        answeredAt: null,
        amendmentId: null,
      };
      await tx.proposalCoAuthor.upsert({
        where: { proposalId_userId: { proposalId: proposal.id, userId: input.userId } },
        create: { proposalId: proposal.id, userId: input.userId, ...invitation },
        update: invitation,
      });
      await this.notifications.notify([notification(proposal)], tx);
      return proposal;
    });
  }

  /**
   * The invitee answers: under the proposal's lock, `check` sees their row (null when none) and
   * throws to refuse; the answer and the author's notification commit together. Null when the
   * proposal does not exist.
   */
  answer(
    input: { proposalId: string; userId: string; accept: boolean; at: Date },
    check: Check<CoAuthorRecord | null>,
    notification: (proposal: ProposalRecord) => NewNotification,
  ): Promise<ProposalRecord | null> {
    return this.prisma.$transaction(async (tx) => {
      const proposal = await lockProposal(tx, input.proposalId);
      if (!proposal) return null;
      const key = { proposalId: proposal.id, userId: input.userId };
      check(proposal, await tx.proposalCoAuthor.findUnique({ where: { proposalId_userId: key } }));
      await tx.proposalCoAuthor.update({
        where: { proposalId_userId: key },
        data: { status: input.accept ? 'ACCEPTED' : 'DECLINED', answeredAt: input.at },
      });
      await this.notifications.notify([notification(proposal)], tx);
      return proposal;
    });
  }

  /**
   * Removes a co-author or an invitation: under the proposal's lock, `check` sees the row (null
   * when none) and throws to refuse. Null when the proposal does not exist.
   */
  remove(
    input: { proposalId: string; userId: string },
    check: Check<CoAuthorRecord | null>,
  ): Promise<ProposalRecord | null> {
    return this.prisma.$transaction(async (tx) => {
      const proposal = await lockProposal(tx, input.proposalId);
      if (!proposal) return null;
      const key = { proposalId: proposal.id, userId: input.userId };
      check(proposal, await tx.proposalCoAuthor.findUnique({ where: { proposalId_userId: key } }));
      await tx.proposalCoAuthor.delete({ where: { proposalId_userId: key } });
      return proposal;
    });
  }
}

/**
 * Locks a proposal's row for the co-author change (NO KEY UPDATE: votes and comments referencing
 * it are not blocked) and reads it. Null when it does not exist.
 */
async function lockProposal(tx: Tx, proposalId: string): Promise<ProposalRecord | null> {
  const locked = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM proposals WHERE id = ${proposalId}::uuid FOR NO KEY UPDATE`;
  if (locked.length === 0) return null;
  return tx.proposal.findUnique({ where: { id: proposalId } });
}
