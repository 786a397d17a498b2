import { Injectable } from '@nestjs/common';
import {
  type AmendableTexts,
  type AmendmentStatus,
  type AmendmentVoteValue,
  COAUTHOR_SEAT_STATUSES,
  ERASED_TEXT,
  isSuspended,
} from '@passerelle/domain';
import { byKey, groupByKey } from '../../common/dataloader/loader-registry';
import { PrismaService } from '../../common/prisma/prisma.service';
import { Prisma } from '../../generated/prisma/client';
import {
  type NewNotification,
  NotificationsRepository,
} from '../notifications/notifications.repository';
import { type ProposalRecord } from '../proposals/proposals.repository';
import { type AmendmentRecord } from './models/amendment.model';

/** Long enough for many concurrent votes or decisions to queue behind one row lock. */
const LOCKING_TRANSACTION = { maxWait: 30_000, timeout: 30_000 } as const;

/** At most this many amendments are listed on a proposal (newest first). */
export const AMENDMENTS_LIST_MAX = 100;

/** Thrown inside a write transaction to roll it back when a guarded update matched no row. */
export class AmendmentGuardFailed extends Error {
  constructor(readonly guard: 'proposal' | 'amendment') {
    super(`Guarded ${guard} update matched no row`);
  }
}

export interface NewAmendment extends AmendableTexts {
  proposalId: string;
  authorId: string;
  baseVersion: number;
  reason: string;
}

export interface AmendmentDecision {
  amendmentId: string;
  expectedVersion: number;
  deciderId: string;
  reason: string | null;
  at: Date;
}

/** What an accepted amendment writes into the proposal (texts as amended, body rendered). */
export interface AppliedTexts extends AmendableTexts {
  bodyHtml: string;
}

/**
 * A co-author invitation of the amendment's author, made with the acceptance (someone who
 * declined earlier is invited again; a pending invitation or a co-author is left as it is).
 */
export interface AcceptanceInvitation {
  userId: string;
  notice: NewNotification;
  /**
   * Checks the seats taken (accepted co-authors and pending invitations), counted inside the
   * acceptance's transaction after the proposal's row is locked, as inviteCoAuthor counts them.
   */
  assertRoom: (seats: number) => void;
}

/** The vote notices' payload, given the counters after the vote. */
export type VoteNotices = (counts: { votesFor: number; votesAgainst: number }) => {
  recipientIds: string[];
  payload: Prisma.InputJsonObject;
};

/** Amendments, their votes, and what their decisions write (proposal, revision, co-author). */
@Injectable()
export class AmendmentsRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly notifications: NotificationsRepository,
  ) {}

  findById(id: string): Promise<AmendmentRecord | null> {
    return this.prisma.amendment.findUnique({ where: { id } });
  }

  /** DataLoader batch. */
  async findByIds(ids: readonly string[]): Promise<(AmendmentRecord | null)[]> {
    const rows = await this.prisma.amendment.findMany({ where: { id: { in: [...ids] } } });
    return byKey(ids, rows, (row) => row.id);
  }

  /** Each proposal's amendments (of one status, or all), newest first, at most `limit` each. */
  async findByProposalIds(
    ids: readonly string[],
    status: AmendmentStatus | null,
    limit = AMENDMENTS_LIST_MAX,
  ): Promise<AmendmentRecord[][]> {
    const statusFilter = status
      ? Prisma.sql`AND a."status" = ${status}::"AmendmentStatus"`
      : Prisma.empty;
    const rows = await this.prisma.$queryRaw<(AmendmentRecord & { rank: bigint })[]>`
      SELECT * FROM (
        SELECT a.*, row_number() OVER (PARTITION BY a."proposalId"
          ORDER BY a."createdAt" DESC, a."id" DESC) AS "rank"
        FROM "amendments" a
        WHERE a."proposalId" IN (${Prisma.join(ids.map((id) => Prisma.sql`${id}::uuid`))})
          ${statusFilter}
      ) ranked
      WHERE ranked."rank" <= ${limit}
      ORDER BY ranked."proposalId", ranked."rank"`;
    return groupByKey(
      ids,
      rows.map(({ rank: _rank, ...row }) => row as AmendmentRecord),
      (row) => row.proposalId,
    );
  }

  /** DataLoader batch: each proposal's PENDING amendments. */
  async countPendingByProposalIds(ids: readonly string[]): Promise<number[]> {
    const rows = await this.prisma.amendment.groupBy({
      by: ['proposalId'],
      // Hidden by moderation: not counted (the public does not see them).
      where: { proposalId: { in: [...ids] }, status: 'PENDING', hiddenAt: null },
      _count: { _all: true },
    });
    const counts = new Map(rows.map((row) => [row.proposalId, row._count._all]));
    return ids.map((id) => counts.get(id) ?? 0);
  }

  /** DataLoader batch: one account's vote on each amendment (null: none). */
  async findVotes(
    userId: string,
    amendmentIds: readonly string[],
  ): Promise<(AmendmentVoteValue | null)[]> {
    const rows = await this.prisma.amendmentVote.findMany({
      where: { userId, amendmentId: { in: [...amendmentIds] } },
      select: { amendmentId: true, value: true },
    });
    return byKey(amendmentIds, rows, (row) => row.amendmentId).map((row) => row?.value ?? null);
  }

  /** DataLoader batch: proposals of any status (callers decide who may see them). */
  async findProposalsByIds(ids: readonly string[]): Promise<(ProposalRecord | null)[]> {
    const rows = await this.prisma.proposal.findMany({ where: { id: { in: [...ids] } } });
    return byKey(ids, rows, (row) => row.id);
  }

  /** DataLoader batch: each proposal's accepted co-authors. */
  async findCoAuthorIdsByProposalIds(ids: readonly string[]): Promise<string[][]> {
    const rows = await this.prisma.proposalCoAuthor.findMany({
      where: { proposalId: { in: [...ids] }, status: 'ACCEPTED' },
      select: { proposalId: true, userId: true },
      orderBy: [{ answeredAt: 'asc' }, { userId: 'asc' }],
    });
    return groupByKey(ids, rows, (row) => row.proposalId).map((list) =>
      list.map((row) => row.userId),
    );
  }

  /** DataLoader batch, keyed `proposalId:version`: the texts of those revisions. */
  async findRevisionTexts(
    keys: readonly { proposalId: string; version: number }[],
  ): Promise<(AmendableTexts | null)[]> {
    const rows = await this.prisma.proposalRevision.findMany({
      where: { OR: keys.map((key) => ({ proposalId: key.proposalId, version: key.version })) },
      select: { proposalId: true, version: true, title: true, summary: true, body: true },
    });
    // An erased revision (its editor erased their contributions: the body is ERASED_TEXT, which
    // no written revision can be) has no texts to compare with.
    return byKey(
      keys.map((key) => `${key.proposalId}:${key.version}`),
      rows.filter((row) => row.body !== ERASED_TEXT),
      (row) => `${row.proposalId}:${row.version}`,
    );
  }

  /** DataLoader batch: the revision each amendment became (null while not accepted). */
  async findAppliedVersions(amendmentIds: readonly string[]): Promise<(number | null)[]> {
    const rows = await this.prisma.proposalRevision.findMany({
      where: { amendmentId: { in: [...amendmentIds] } },
      select: { amendmentId: true, version: true },
    });
    return byKey(amendmentIds, rows, (row) => row.amendmentId).map((row) => row?.version ?? null);
  }

  /** The co-author row of one account on one proposal, if any. */
  findCoAuthor(proposalId: string, userId: string) {
    return this.prisma.proposalCoAuthor.findUnique({
      where: { proposalId_userId: { proposalId, userId } },
    });
  }

  /** An existing account, neither deleted nor suspended at `now`. */
  async isInvitable(userId: string, now: Date): Promise<boolean> {
    const user = await this.prisma.user.findUnique({
      where: { id: userId },
      select: { deletedAt: true, suspendedAt: true, suspendedUntil: true },
    });
    return user !== null && user.deletedAt === null && !isSuspended(user, now);
  }

  async displayNameOf(userId: string): Promise<string | null> {
    const user = await this.prisma.user.findUnique({
      where: { id: userId },
      select: { displayName: true },
    });
    return user?.displayName ?? null;
  }

  /** Creates an amendment and its notices in one transaction. */
  create(
    data: NewAmendment,
    notices: (amendmentId: string) => NewNotification[],
  ): Promise<AmendmentRecord> {
    return this.prisma.$transaction(async (tx) => {
      const created = await tx.amendment.create({ data });
      await this.notifications.notify(notices(created.id), tx);
      return created;
    });
  }

  /**
   * Records, changes or withdraws (null) one account's vote in one transaction: the amendment's
   * row is locked first, so parallel votes on it run one after the other; the previous vote is
   * read under that lock and the counters move by the difference (never counted twice). Null
   * when the amendment is no longer PENDING. Each recipient keeps one unread notice per
   * amendment: refreshed with the new counters, or created when there is none.
   */
  async vote(
    amendmentId: string,
    userId: string,
    value: AmendmentVoteValue | null,
    notices: VoteNotices,
    at: Date,
  ): Promise<AmendmentRecord | null> {
    return this.prisma.$transaction(async (tx) => {
      const locked = await tx.$queryRaw<{ status: AmendmentStatus; hiddenAt: Date | null }[]>`
        SELECT "status", "hiddenAt" FROM "amendments" WHERE "id" = ${amendmentId}::uuid FOR UPDATE`;
      // Decided, withdrawn or hidden by moderation since it was read: no vote.
      if (locked[0]?.status !== 'PENDING' || locked[0].hiddenAt !== null) return null;
      const previous = await tx.amendmentVote.findUnique({
        where: { amendmentId_userId: { amendmentId, userId } },
        select: { value: true },
      });
      const before = previous?.value ?? null;
      if (before === value) return tx.amendment.findUniqueOrThrow({ where: { id: amendmentId } });
      if (value === null) {
        await tx.amendmentVote.delete({ where: { amendmentId_userId: { amendmentId, userId } } });
      } else {
        await tx.amendmentVote.upsert({
          where: { amendmentId_userId: { amendmentId, userId } },
          create: { amendmentId, userId, value, createdAt: at, updatedAt: at },
          update: { value, updatedAt: at },
        });
      }
      const delta = (side: AmendmentVoteValue) =>
        (value === side ? 1 : 0) - (before === side ? 1 : 0);
      const updated = await tx.amendment.update({
        where: { id: amendmentId },
        data: {
          votesFor: { increment: delta('FOR') },
          votesAgainst: { increment: delta('AGAINST') },
        },
      });
      const { recipientIds, payload } = notices(updated);
      for (const recipientId of new Set(recipientIds)) {
        const unread = await tx.notification.findFirst({
          where: {
            userId: recipientId,
            kind: 'AMENDMENT_VOTED',
            readAt: null,
            payload: { path: ['amendmentId'], equals: amendmentId },
          },
          select: { id: true },
        });
        if (unread) {
          await tx.notification.update({ where: { id: unread.id }, data: { payload } });
        } else if (value !== null) {
          await tx.notification.create({
            data: { userId: recipientId, kind: 'AMENDMENT_VOTED', payload },
          });
        }
      }
      return updated;
    }, LOCKING_TRANSACTION);
  }

  /**
   * Applies an accepted amendment in one transaction: the amendment leaves PENDING only if it is
   * still at `expectedVersion` (its row is locked, so two deciders cannot both act on it); the
   * proposal takes the texts only if it is still PUBLISHED, visible and at the revision the
   * amendment was written on (so of two amendments of the same revision, one wins); the new
   * revision names the decider as editor and the amendment; then the invitation and notices.
   * Throws AmendmentGuardFailed (everything rolled back) when a guard matched no row.
   */
  accept(
    amendment: Pick<AmendmentRecord, 'id' | 'proposalId' | 'baseVersion'>,
    decision: AmendmentDecision,
    texts: AppliedTexts,
    invitation: AcceptanceInvitation | null,
    notices: NewNotification[],
  ): Promise<AmendmentRecord> {
    return this.prisma.$transaction(async (tx) => {
      const decided = await tx.amendment.updateMany({
        // Not hidden by moderation meanwhile: hidden text is never applied to the proposal.
        where: {
          id: amendment.id,
          status: 'PENDING',
          version: decision.expectedVersion,
          hiddenAt: null,
        },
        data: {
          status: 'ACCEPTED',
          decidedAt: decision.at,
          decidedById: decision.deciderId,
          decisionReason: decision.reason,
        },
      });
      if (decided.count === 0) throw new AmendmentGuardFailed('amendment');
      const applied = await tx.proposal.updateMany({
        where: {
          id: amendment.proposalId,
          version: amendment.baseVersion,
          status: 'PUBLISHED',
          hiddenAt: null,
        },
        data: { ...texts, version: { increment: 1 }, updatedAt: decision.at },
      });
      if (applied.count === 0) throw new AmendmentGuardFailed('proposal');
      const proposal = await tx.proposal.findUniqueOrThrow({
        where: { id: amendment.proposalId },
        select: { version: true, experiment: true, measuredImpact: true },
      });
      await tx.proposalRevision.create({
        data: {
          proposalId: amendment.proposalId,
          version: proposal.version,
          ...texts,
          experiment: proposal.experiment,
          measuredImpact: proposal.measuredImpact,
          editorId: decision.deciderId,
          amendmentId: amendment.id,
          createdAt: decision.at,
        },
      });
      if (invitation) {
        const key = { proposalId: amendment.proposalId, userId: invitation.userId };
        const invite = {
          status: 'INVITED' as const,
          invitedById: decision.deciderId,
          amendmentId: amendment.id,
          invitedAt: decision.at,
          answeredAt: null,
        };
        const existing = await tx.proposalCoAuthor.findUnique({
          where: { proposalId_userId: key },
          select: { status: true },
        });
        // A pending invitation or an accepted co-author stays as it is; a refusal is re-invited.
        if (!existing || existing.status === 'DECLINED') {
          // The proposal's row is locked by its update above, so a concurrent inviteCoAuthor
          // (which locks it too) cannot take the last seat between this count and the write.
          invitation.assertRoom(
            await tx.proposalCoAuthor.count({
              where: {
                proposalId: amendment.proposalId,
                status: { in: [...COAUTHOR_SEAT_STATUSES] },
              },
            }),
          );
        }
        if (!existing) await tx.proposalCoAuthor.create({ data: { ...key, ...invite } });
        else if (existing.status === 'DECLINED') {
          await tx.proposalCoAuthor.update({ where: { proposalId_userId: key }, data: invite });
        }
        if (!existing || existing.status === 'DECLINED') notices = [...notices, invitation.notice];
      }
      await this.notifications.notify(notices, tx);
      return tx.amendment.findUniqueOrThrow({ where: { id: amendment.id } });
    }, LOCKING_TRANSACTION);
  }

  /** Rejects a PENDING amendment still at `expectedVersion`; null when that guard failed. */
  async reject(
    decision: AmendmentDecision,
    notices: NewNotification[],
  ): Promise<AmendmentRecord | null> {
    return this.guarded(decision.amendmentId, decision.expectedVersion, {
      data: {
        status: 'REJECTED',
        decidedAt: decision.at,
        decidedById: decision.deciderId,
        decisionReason: decision.reason,
      },
      notices,
    });
  }

  /** New texts on the proposal's current revision (votes kept); null when the guard failed. */
  rebase(
    amendmentId: string,
    expectedVersion: number,
    change: AmendableTexts & { baseVersion: number; reason: string | null },
  ): Promise<AmendmentRecord | null> {
    const { reason, ...texts } = change;
    return this.guarded(amendmentId, expectedVersion, {
      data: { ...texts, ...(reason ? { reason } : {}), version: { increment: 1 } },
      notices: [],
    });
  }

  /** Its author withdraws a PENDING amendment; null when it was no longer PENDING. */
  withdraw(amendmentId: string): Promise<AmendmentRecord | null> {
    return this.guarded(amendmentId, null, { data: { status: 'WITHDRAWN' }, notices: [] });
  }

  /** Updates a PENDING amendment (at `expectedVersion` when given) with its notices, or null. */
  private async guarded(
    id: string,
    expectedVersion: number | null,
    change: { data: Prisma.AmendmentUncheckedUpdateManyInput; notices: NewNotification[] },
  ): Promise<AmendmentRecord | null> {
    return this.prisma.$transaction(async (tx) => {
      const updated = await tx.amendment.updateMany({
        where: {
          id,
          status: 'PENDING',
          ...(expectedVersion === null ? {} : { version: expectedVersion }),
        },
        data: change.data,
      });
      if (updated.count === 0) return null;
      await this.notifications.notify(change.notices, tx);
      return tx.amendment.findUniqueOrThrow({ where: { id } });
    }, LOCKING_TRANSACTION);
  }
}
