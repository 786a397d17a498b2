import { Injectable } from '@nestjs/common';
import {
  type ActorType,
  type PhaseKind,
  type PhaseWindow,
  PUBLIC_PROPOSAL_STATUSES,
  type ProposalStatus,
  type VoteCounterField,
  type VoteValue,
} from '@passerelle/domain';
import { byKey, groupByKey } from '../../common/dataloader/loader-registry';
import { PrismaService } from '../../common/prisma/prisma.service';
import {
  Prisma,
  type Proposal as ProposalRow,
  type ProposalCollegeCount,
  type Vote as VoteRow,
} from '../../generated/prisma/client';
import {
  type ConsultationPhaseRecord,
  type ConsultationRecord,
} from '../consultations/consultations.repository';
import { PROPOSAL_COLUMNS } from '../proposals/proposal-list.repository';
import { type KeysetCursor } from './page';
import { planVote, type VoteCounters, type VoteState } from './vote-plan';

export type VoteRecord = VoteRow;
export type CollegeCountRecord = ProposalCollegeCount;

/** What the vote rules need to know about the proposal, read under its row lock. */
export interface LockedProposal {
  status: ProposalStatus;
  authorId: string;
  hiddenAt: Date | null;
  phases: PhaseWindow[];
}

/** What the move rules need to know about a proposal, read under its row lock. */
export interface MovableProposal {
  id: string;
  status: ProposalStatus;
  clusterId: string | null;
  hiddenAt: Date | null;
}

/**
 * What castVote and retractVote read before writing, in one statement without a lock: the
 * proposal, its consultation and phases (the rules and the answer), the voter's collège and vote.
 */
export interface VoteContext extends VoteState {
  proposal: ProposalRow;
  /** The collèges that voted, as collegeCounts() reads them. */
  collegeCounts: CollegeCountRecord[];
  consultation: ConsultationRecord;
  phases: ConsultationPhaseRecord[];
}

/** One attempt of the single-statement vote (`tryVote`). */
export type VoteAttempt =
  | { outcome: 'missing' }
  /** Nothing to write: the state read already holds this vote. */
  | { outcome: 'unchanged' }
  /** Nothing written: the proposal or the vote changed since it was read; here is it now. */
  | { outcome: 'stale'; state: VoteState & { proposal: ProposalRow } }
  | { outcome: 'written'; proposal: ProposalRow; collegeCounts: CollegeCountRecord[] };

interface PhaseJson {
  id: string;
  kind: PhaseKind;
  startsAt: number;
  endsAt: number | null;
}

interface StateColumns {
  voterType: ActorType | null;
  previous: VoteValue | null;
  previousType: ActorType | null;
}

/** Long enough for 100+ concurrent votes on one proposal to queue behind its row lock. */
const VOTE_TRANSACTION = { maxWait: 30_000, timeout: 30_000 } as const;

/** The current time as stored by Prisma: UTC in a timestamp without time zone. */
const NOW_UTC = Prisma.sql`(now() AT TIME ZONE 'UTC')`;

@Injectable()
export class VotesRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** The vote's context (see VoteContext), or null when the proposal does not exist. */
  async findVoteContext(proposalId: string, userId: string): Promise<VoteContext | null> {
    const [row] = await this.prisma.$queryRaw<
      (ProposalRow &
        StateColumns & {
          consultationSlug: string;
          consultationTitle: string;
          consultationDescription: string;
          consultationTerritoryId: string | null;
          consultationOrganisationId: string | null;
          consultationSettings: Prisma.JsonValue;
          consultationCreatedAt: Date;
          consultationUpdatedAt: Date;
          phases: PhaseJson[];
          collegeCounts: Omit<CollegeCountRecord, 'proposalId'>[];
        })[]
    >`SELECT ${PROPOSAL_COLUMNS},
        u."actorType"::text AS "voterType", v.value::text AS previous, v."actorType"::text AS "previousType",
        c.slug AS "consultationSlug", c.title AS "consultationTitle",
        c.description AS "consultationDescription", c."territoryId" AS "consultationTerritoryId",
        c."organisationId" AS "consultationOrganisationId",
        c.settings AS "consultationSettings", c."createdAt" AS "consultationCreatedAt",
        c."updatedAt" AS "consultationUpdatedAt",
        COALESCE((SELECT json_agg(json_build_object('id', ph.id, 'kind', ph.kind,
            'startsAt', extract(epoch FROM ph."startsAt") * 1000,
            'endsAt', extract(epoch FROM ph."endsAt") * 1000) ORDER BY ph."startsAt", ph.kind)
          FROM consultation_phases ph WHERE ph."consultationId" = p."consultationId"), '[]') AS phases,
        COALESCE((SELECT json_agg(json_build_object('actorType', k."actorType", 'votesFor', k."votesFor",
            'votesAgainst', k."votesAgainst", 'votesNeutral', k."votesNeutral") ORDER BY k."actorType")
          FROM proposal_college_counts k WHERE k."proposalId" = p.id
            AND (k."votesFor" > 0 OR k."votesAgainst" > 0 OR k."votesNeutral" > 0)), '[]') AS "collegeCounts"
      FROM proposals p
      JOIN consultations c ON c.id = p."consultationId"
      LEFT JOIN users u ON u.id = ${userId}::uuid
      LEFT JOIN votes v ON v."proposalId" = p.id AND v."userId" = ${userId}::uuid
      WHERE p.id = ${proposalId}::uuid`;
    if (!row) return null;
    const {
      voterType,
      previous,
      previousType,
      consultationSlug,
      consultationTitle,
      consultationDescription,
      consultationTerritoryId,
      consultationOrganisationId,
      consultationSettings,
      consultationCreatedAt,
      consultationUpdatedAt,
      phases,
      collegeCounts,
      ...proposal
    } = row;
    return {
      ...stateOf(proposal, { voterType, previous, previousType }),
      proposal,
      collegeCounts: collegeCounts.map((counts) => ({ proposalId, ...counts })),
      consultation: {
        id: proposal.consultationId,
        slug: consultationSlug,
        title: consultationTitle,
        description: consultationDescription,
        territoryId: consultationTerritoryId,
        organisationId: consultationOrganisationId,
        settings: consultationSettings,
        createdAt: consultationCreatedAt,
        updatedAt: consultationUpdatedAt,
      },
      phases: phases.map((phase) => ({
        id: phase.id,
        consultationId: proposal.consultationId,
        kind: phase.kind,
        startsAt: new Date(phase.startsAt),
        endsAt: phase.endsAt === null ? null : new Date(phase.endsAt),
      })),
    };
  }

  /**
   * Takes a participant's vote to `next` (null: retracted) in one statement, provided the
   * proposal and the vote are still as in `seen` (the state the caller applied the rules to):
   * the database function proposal_apply_vote (vote_apply migration) locks the proposal row,
   * compares, then writes the vote row, the collèges' counters and the proposal's totals and
   * scores (computed here, from `seen`, with the domain's functions), and returns the proposal
   * row after the vote with its collèges' counters. No transaction holds a pooled connection
   * between statements; the lock is held for the function's duration only.
   */
  async tryVote(
    proposalId: string,
    userId: string,
    next: VoteValue | null,
    seen: VoteState & {
      proposal: Pick<ProposalRow, 'status' | 'hiddenAt' | 'authorId'>;
    },
  ): Promise<VoteAttempt> {
    const plan = planVote(seen, next);
    if (!plan) return { outcome: 'unchanged' };
    const since = (seen.publishedAt ?? seen.createdAt).getTime();
    const { deltas, scores } = plan;
    const [row] = await this.prisma.$queryRaw<
      (ProposalRow &
        StateColumns & {
          outcome: 'missing' | 'stale' | 'written';
          collegeCounts: Omit<CollegeCountRecord, 'proposalId'>[] | null;
        })[]
    >`SELECT r.outcome, r."voterType"::text AS "voterType", r."previousValue"::text AS previous,
        r."previousType"::text AS "previousType", r."collegeCounts", ${PROPOSAL_COLUMNS}
      FROM proposal_apply_vote(${proposalId}::uuid, ${userId}::uuid, ${next}::"VoteValue",
        ${seen.proposal.status}::"ProposalStatus", ${seen.proposal.hiddenAt !== null},
        ${seen.proposal.authorId}::uuid, ${since}::bigint,
        ${seen.votesFor}::int, ${seen.votesAgainst}::int, ${seen.votesNeutral}::int,
        ${seen.previous}::"VoteValue", ${seen.previousType}::"ActorType", ${seen.voterType}::"ActorType",
        ${deltas.votesFor}::int, ${deltas.votesAgainst}::int, ${deltas.votesNeutral}::int,
        ${JSON.stringify(plan.colleges)}::jsonb,
        ${scores.scoreTop}::float8, ${scores.scoreHot}::float8, ${scores.scoreControversial}::float8) r
      CROSS JOIN LATERAL (SELECT (r.proposal).*) p`;
    if (!row || row.outcome === 'missing') return { outcome: 'missing' };
    const { outcome, voterType, previous, previousType, collegeCounts, ...proposal } = row;
    if (outcome === 'stale') {
      return {
        outcome,
        state: { ...stateOf(proposal, { voterType, previous, previousType }), proposal },
      };
    }
    return {
      outcome,
      proposal,
      collegeCounts: (collegeCounts ?? []).map((counts) => ({ proposalId, ...counts })),
    };
  }

  /**
   * The same vote in an interactive transaction, for when `tryVote` keeps finding the proposal
   * changed (many concurrent votes on it): locks the proposal row (so every vote on it is
   * serialised), lets `check` apply the rules to the locked state, then writes the vote row, the
   * collèges' counters and the proposal's totals and scores. Null when the proposal does not exist.
   */
  async applyVote(
    proposalId: string,
    userId: string,
    next: VoteValue | null,
    check: (proposal: LockedProposal) => void,
  ): Promise<ProposalRow | null> {
    const found = await this.prisma.$transaction(async (tx) => {
      // Takes the lock first: every later statement of this transaction sees the votes committed
      // before it (a join in the locking statement would read the votes of an older snapshot).
      const [locked] = await tx.$queryRaw<
        {
          status: ProposalStatus;
          authorId: string;
          hiddenAt: Date | null;
          phases: { kind: PhaseKind; startsAt: number; endsAt: number | null }[];
        }[]
      >`SELECT p.status::text AS status, p."authorId"::text AS "authorId", p."hiddenAt" AS "hiddenAt",
          COALESCE((SELECT json_agg(json_build_object(
              'kind', ph.kind,
              'startsAt', extract(epoch FROM ph."startsAt") * 1000,
              'endsAt', extract(epoch FROM ph."endsAt") * 1000))
            FROM consultation_phases ph WHERE ph."consultationId" = p."consultationId"), '[]') AS phases
        FROM proposals p WHERE p.id = ${proposalId}::uuid
        FOR UPDATE OF p`;
      if (!locked) return false;
      check({
        status: locked.status,
        authorId: locked.authorId,
        hiddenAt: locked.hiddenAt,
        phases: locked.phases.map((phase) => ({
          kind: phase.kind,
          startsAt: new Date(phase.startsAt),
          endsAt: phase.endsAt === null ? null : new Date(phase.endsAt),
        })),
      });
      await this.writeVote(tx, proposalId, userId, next);
      return true;
    }, VOTE_TRANSACTION);
    // Read after the commit, so the row lock is held for as short a time as possible.
    return found ? this.prisma.proposal.findUnique({ where: { id: proposalId } }) : null;
  }

  /**
   * Moves a participant's vote from one proposal to another with the same value, in one
   * transaction: locks both proposal rows (in id order, like every multi-row lock), lets `check`
   * apply the rules to the locked state and the vote found on `from`, then retracts it there and
   * casts it on `to` (replacing any vote there) with the same counter and score updates as a vote.
   * Null when either proposal does not exist.
   */
  async moveVote(
    fromId: string,
    toId: string,
    userId: string,
    check: (state: { from: MovableProposal; to: MovableProposal; value: VoteValue | null }) => void,
  ): Promise<ProposalRow | null> {
    const found = await this.prisma.$transaction(async (tx) => {
      const locked = await tx.$queryRaw<MovableProposal[]>`SELECT id::text AS id,
          status::text AS status, "clusterId"::text AS "clusterId", "hiddenAt"
        FROM proposals WHERE id IN (${fromId}::uuid, ${toId}::uuid)
        ORDER BY id FOR UPDATE`;
      const from = locked.find((row) => row.id === fromId);
      const to = locked.find((row) => row.id === toId);
      if (!from || !to) return false;
      const [vote] = await tx.$queryRaw<{ value: VoteValue }[]>`SELECT value::text AS value
        FROM votes WHERE "proposalId" = ${fromId}::uuid AND "userId" = ${userId}::uuid`;
      const value = vote?.value ?? null;
      check({ from, to, value });
      if (value === null) return true;
      await this.writeVote(tx, fromId, userId, null);
      await this.writeVote(tx, toId, userId, value);
      return true;
    }, VOTE_TRANSACTION);
    return found ? this.prisma.proposal.findUnique({ where: { id: toId } }) : null;
  }

  /**
   * Takes a participant's vote on a proposal whose row this transaction has locked to `next`
   * (null: retracted): writes the vote row, moves the proposal's and the collèges' counters with
   * atomic increments and stores the scores, all in one statement. The scores are computed from
   * the totals read under the row lock plus this vote's deltas, so one UPDATE of the proposal
   * row does both (each UPDATE of that row writes every one of its index entries, full-text ones
   * included: issue 9). Returns the value of the vote before.
   */
  private async writeVote(
    tx: Prisma.TransactionClient,
    proposalId: string,
    userId: string,
    next: VoteValue | null,
  ): Promise<VoteValue | null> {
    const [row] = await tx.$queryRaw<
      (VoteCounters &
        StateColumns & {
          publishedAt: Date | null;
          createdAt: Date;
        })[]
    >`SELECT u."actorType"::text AS "voterType", v.value::text AS previous, v."actorType"::text AS "previousType",
        p."votesFor", p."votesAgainst", p."votesNeutral", p."publishedAt", p."createdAt"
      FROM users u CROSS JOIN proposals p
      LEFT JOIN votes v ON v."userId" = u.id AND v."proposalId" = p.id
      WHERE u.id = ${userId}::uuid AND p.id = ${proposalId}::uuid`;
    if (!row) throw new Error('Voter account or locked proposal missing');
    const plan = planVote(row, next);
    if (!plan) return row.previous;
    const { voterType } = row;
    const { deltas: d, scores } = plan;
    const collegeRows = Prisma.join(
      plan.colleges.map(
        (c) =>
          Prisma.sql`(${proposalId}::uuid, ${c.actorType}::"ActorType", ${c.votesFor}, ${c.votesAgainst}, ${c.votesNeutral})`,
      ),
    );
    const writeVote =
      next === null
        ? Prisma.sql`DELETE FROM votes WHERE "proposalId" = ${proposalId}::uuid AND "userId" = ${userId}::uuid`
        : Prisma.sql`INSERT INTO votes (id, "proposalId", "userId", value, "actorType", "createdAt", "updatedAt")
            VALUES (gen_random_uuid(), ${proposalId}::uuid, ${userId}::uuid, ${next}::"VoteValue",
              ${voterType}::"ActorType", ${NOW_UTC}, ${NOW_UTC})
            ON CONFLICT ("proposalId", "userId") DO UPDATE SET
              value = EXCLUDED.value, "actorType" = EXCLUDED."actorType", "updatedAt" = EXCLUDED."updatedAt"`;

    // The vote row, the collèges' counters and the proposal's totals and scores in one
    // statement, every counter moved by an atomic increment.
    await tx.$executeRaw`WITH written AS (${writeVote}),
      colleges AS (
        INSERT INTO proposal_college_counts ("proposalId", "actorType", "votesFor", "votesAgainst", "votesNeutral")
        VALUES ${collegeRows}
        ON CONFLICT ("proposalId", "actorType") DO UPDATE SET
          "votesFor" = proposal_college_counts."votesFor" + EXCLUDED."votesFor",
          "votesAgainst" = proposal_college_counts."votesAgainst" + EXCLUDED."votesAgainst",
          "votesNeutral" = proposal_college_counts."votesNeutral" + EXCLUDED."votesNeutral"
      )
      UPDATE proposals SET
        "votesFor" = "votesFor" + ${d.votesFor},
        "votesAgainst" = "votesAgainst" + ${d.votesAgainst},
        "votesNeutral" = "votesNeutral" + ${d.votesNeutral},
        "scoreTop" = ${scores.scoreTop},
        "scoreHot" = ${scores.scoreHot},
        "scoreControversial" = ${scores.scoreControversial}
      WHERE id = ${proposalId}::uuid`;
    return row.previous;
  }

  /** The viewer's vote on each proposal, in key order. */
  async findValuesOfUser(
    userId: string,
    proposalIds: readonly string[],
  ): Promise<(VoteValue | null)[]> {
    const rows = await this.prisma.vote.findMany({
      where: { userId, proposalId: { in: [...proposalIds] } },
      select: { proposalId: true, value: true },
    });
    return byKey(proposalIds, rows, (row) => row.proposalId).map((row) => row?.value ?? null);
  }

  /** The collèges that voted on each proposal, in key order. */
  async findCollegeCounts(proposalIds: readonly string[]): Promise<CollegeCountRecord[][]> {
    const rows = await this.prisma.proposalCollegeCount.findMany({
      where: {
        proposalId: { in: [...proposalIds] },
        OR: [{ votesFor: { gt: 0 } }, { votesAgainst: { gt: 0 } }, { votesNeutral: { gt: 0 } }],
      },
    });
    return groupByKey(proposalIds, rows, (row) => row.proposalId);
  }

  /** A page of a participant's votes on public proposals, most recently changed first. */
  findUserVotes(userId: string, after: KeysetCursor | null, take: number): Promise<VoteRecord[]> {
    const keyset: Prisma.VoteWhereInput = after
      ? {
          OR: [{ updatedAt: { lt: after.at } }, { updatedAt: after.at, id: { lt: after.id } }],
        }
      : {};
    return this.prisma.vote.findMany({
      where: { AND: [this.userVotesWhere(userId), keyset] },
      orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }],
      take,
    });
  }

  countUserVotes(userId: string): Promise<number> {
    return this.prisma.vote.count({ where: this.userVotesWhere(userId) });
  }

  /** Votes on public proposals, except those hidden since (unless the voter wrote them). */
  private userVotesWhere(userId: string): Prisma.VoteWhereInput {
    return {
      userId,
      proposal: {
        status: { in: [...PUBLIC_PROPOSAL_STATUSES] },
        OR: [{ hiddenAt: null }, { authorId: userId }],
      },
    };
  }

  async findProposalsByIds(ids: readonly string[]): Promise<(ProposalRow | null)[]> {
    const rows = await this.prisma.proposal.findMany({ where: { id: { in: [...ids] } } });
    return byKey(ids, rows, (row) => row.id);
  }

  /** A public proposal, or null. */
  findPublicProposal(id: string): Promise<ProposalRow | null> {
    return this.prisma.proposal.findFirst({
      where: { id, status: { in: [...PUBLIC_PROPOSAL_STATUSES] } },
    });
  }

  /** Follows a proposal; following it again changes nothing. */
  async follow(proposalId: string, userId: string): Promise<void> {
    await this.prisma.proposalFollow.createMany({
      data: [{ proposalId, userId }],
      skipDuplicates: true,
    });
  }

  async unfollow(proposalId: string, userId: string): Promise<void> {
    await this.prisma.proposalFollow.deleteMany({ where: { proposalId, userId } });
  }

  /** Which of these proposals the viewer follows, in key order. */
  async findFollowedByUser(userId: string, proposalIds: readonly string[]): Promise<boolean[]> {
    const rows = await this.prisma.proposalFollow.findMany({
      where: { userId, proposalId: { in: [...proposalIds] } },
      select: { proposalId: true },
    });
    const followed = new Set(rows.map((row) => row.proposalId));
    return proposalIds.map((id) => followed.has(id));
  }

  async countFollowers(proposalIds: readonly string[]): Promise<number[]> {
    const rows = await this.prisma.proposalFollow.groupBy({
      by: ['proposalId'],
      where: { proposalId: { in: [...proposalIds] } },
      _count: { _all: true },
    });
    const counts = new Map(rows.map((row) => [row.proposalId, row._count._all]));
    return proposalIds.map((id) => counts.get(id) ?? 0);
  }
}

/** The vote state of a proposal row and its voter columns. */
function stateOf(
  proposal: Pick<ProposalRow, VoteCounterField | 'publishedAt' | 'createdAt'>,
  voter: StateColumns,
): VoteState {
  return {
    votesFor: proposal.votesFor,
    votesAgainst: proposal.votesAgainst,
    votesNeutral: proposal.votesNeutral,
    publishedAt: proposal.publishedAt,
    createdAt: proposal.createdAt,
    ...voter,
  };
}
