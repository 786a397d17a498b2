import { Injectable } from '@nestjs/common';
import {
  type Actor,
  assertCan,
  assertCanVote,
  type CollegeSupport,
  collegeSupport,
  DomainError,
  DomainErrorCode,
  isContentVisibleTo,
  isVoteValueOffered,
  type Language,
  parseConsultationSettings,
  type SupportBreadth,
  supportBreadth,
  type CollegeThresholds,
  type VoteValue,
} from '@passerelle/domain';
import { isUuid } from '../../common/graphql/ids';
import { liveEvents, readOncePerEvent } from '../../common/realtime/live-events';
import { RealtimeService } from '../../common/realtime/realtime.service';
import { type Proposal as ProposalRow } from '../../generated/prisma/client';
import { ConsultationsRepository } from '../consultations/consultations.repository';
import { OpinionGroupsJob } from '../opinions/opinion-groups.job';
import { type Page, pageArgs, toPage } from './page';
import { type CollegeCountRecord, type VoteRecord, VotesRepository } from './votes.repository';

export const VOTES_PAGE = { first: 20, max: 50 };

export type CollegeVotesView = CollegeSupport;

/** The collèges that voted, in ActorType order, with their totals and shares. */
export function collegeVotesView(rows: readonly CollegeCountRecord[]): CollegeVotesView[] {
  return collegeSupport(rows);
}

export interface SupportBreadthView extends SupportBreadth {
  thresholds: CollegeThresholds;
}

/**
 * A proposal's breadth of support from its collège counters and its consultation's stored
 * settings (defaults applied key by key, like everywhere else).
 */
export function supportBreadthView(
  rows: readonly CollegeCountRecord[],
  storedSettings: unknown,
): SupportBreadthView {
  const thresholds = parseConsultationSettings(storedSettings).collegeThresholds;
  return { ...supportBreadth(rows, thresholds), thresholds };
}

@Injectable()
export class VotesService {
  /** The proposal after a vote event, read once for all this process's subscribers. */
  private readonly proposalOfEvent = readOncePerEvent(({ proposalId }: { proposalId: string }) =>
    this.votes.findPublicProposal(proposalId),
  );

  constructor(
    private readonly votes: VotesRepository,
    private readonly consultations: ConsultationsRepository,
    private readonly opinionGroups: OpinionGroupsJob,
    private readonly realtime: RealtimeService,
  ) {}

  /** Casts, changes (value given) or retracts (null) the actor's vote; idempotent. */
  async vote(
    actor: Actor,
    proposalId: string,
    value: VoteValue | null,
    lang: Language,
    now = new Date(),
  ): Promise<ProposalRow> {
    assertCan(actor, 'vote.cast');
    const voter = actor as NonNullable<Actor>;
    const notFound = () => new DomainError(DomainErrorCode.PROPOSAL_NOT_FOUND, undefined, lang);
    if (!isUuid(proposalId)) throw notFound();
    // Settings change rarely: read before the vote's transaction, checked once the proposal is
    // known to be visible (so the answer reveals nothing about hidden proposals).
    const settings = parseConsultationSettings(
      value === null ? null : await this.consultations.findSettingsByProposalId(proposalId),
    );
    const proposal = await this.votes.applyVote(proposalId, voter.id, value, (locked) => {
      // Hidden content is not found by those who may not see it, and closed to votes for all.
      if (locked.status === 'DRAFT' || !isContentVisibleTo(actor, locked)) throw notFound();
      assertCanVote(actor, locked, locked.phases, now);
      if (value !== null && !isVoteValueOffered(settings, value)) {
        throw new DomainError(DomainErrorCode.VOTE_VALUE_NOT_OFFERED, undefined, lang);
      }
    });
    if (!proposal) throw notFound();
    // After the commit, so the run sees this vote; schedule() logs and swallows queue errors.
    await this.opinionGroups.schedule(proposal.consultationId);
    await this.realtime.publish('proposal-votes', { proposalId: proposal.id }, proposal.id);
    return proposal;
  }

  /**
   * The proposal, with its new totals, after each vote on it; only while the subscriber may
   * read it (a proposal hidden meanwhile sends nothing). PROPOSAL_NOT_FOUND like the query.
   */
  async votesChanged(
    actor: Actor,
    proposalId: string,
    lang: Language,
  ): Promise<AsyncIterableIterator<ProposalRow>> {
    const proposal = isUuid(proposalId) ? await this.votes.findPublicProposal(proposalId) : null;
    if (!proposal || !isContentVisibleTo(actor, proposal)) {
      throw new DomainError(DomainErrorCode.PROPOSAL_NOT_FOUND, undefined, lang);
    }
    return liveEvents(this.realtime.listen('proposal-votes', proposalId), async (event) => {
      const current = await this.proposalOfEvent(event);
      return current && isContentVisibleTo(actor, current) ? current : null;
    });
  }

  async userVotes(
    userId: string,
    first: number | null | undefined,
    after: string | null | undefined,
    lang: Language,
  ): Promise<Page<VoteRecord>> {
    const page = pageArgs(first, after, VOTES_PAGE, lang);
    const [rows, total] = await Promise.all([
      this.votes.findUserVotes(userId, page.after, page.take + 1),
      this.votes.countUserVotes(userId),
    ]);
    return toPage(rows, page.take, total, (row) => ({ at: row.updatedAt, id: row.id }));
  }

  /** Follows (true) or unfollows (false) a public proposal; idempotent. */
  async setFollow(
    actor: Actor,
    proposalId: string,
    follow: boolean,
    lang: Language,
  ): Promise<ProposalRow> {
    if (actor === null) throw new DomainError(DomainErrorCode.SIGN_IN_REQUIRED, undefined, lang);
    const proposal = isUuid(proposalId) ? await this.votes.findPublicProposal(proposalId) : null;
    if (!proposal || !isContentVisibleTo(actor, proposal)) {
      throw new DomainError(DomainErrorCode.PROPOSAL_NOT_FOUND, undefined, lang);
    }
    if (follow) await this.votes.follow(proposal.id, actor.id);
    else await this.votes.unfollow(proposal.id, actor.id);
    return proposal;
  }
}
