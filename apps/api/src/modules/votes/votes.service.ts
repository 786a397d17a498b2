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
import {
  type ConsultationPhaseRecord,
  type ConsultationRecord,
} from '../consultations/consultations.repository';
import { OpinionGroupsJob } from '../opinions/opinion-groups.job';
import { type Page, pageArgs, toPage } from './page';
import {
  type CollegeCountRecord,
  type LockedProposal,
  type VoteRecord,
  VotesRepository,
} from './votes.repository';
import { type VoteState } from './vote-plan';

export const VOTES_PAGE = { first: 20, max: 50 };

/** Single-statement tries of a vote before its locking transaction (many votes on one proposal at once). */
const VOTE_ATTEMPTS = 2;

/**
 * A vote's answer: the proposal after it, and what its fields would read again otherwise (the
 * resolver primes the request's loaders with them): the voter's vote, the collèges' counters
 * when the write returned them, the consultation and its phases as read for the rules.
 */
export interface VoteOutcome {
  proposal: ProposalRow;
  myVote: VoteValue | null;
  collegeCounts?: CollegeCountRecord[];
  consultation: ConsultationRecord;
  phases: ConsultationPhaseRecord[];
}

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
    private readonly opinionGroups: OpinionGroupsJob,
    private readonly realtime: RealtimeService,
  ) {}

  /**
   * Casts, changes (value given) or retracts (null) the actor's vote; idempotent. One statement
   * reads the proposal, its consultation and the voter's vote; the rules apply to it; one more
   * writes, provided nothing the rules or the scores used changed meanwhile (else the rules apply
   * again to the state found, and after a few tries the vote takes the locking transaction).
   */
  async vote(
    actor: Actor,
    proposalId: string,
    value: VoteValue | null,
    lang: Language,
    now = new Date(),
  ): Promise<VoteOutcome> {
    assertCan(actor, 'vote.cast');
    const voter = actor as NonNullable<Actor>;
    const notFound = () => new DomainError(DomainErrorCode.PROPOSAL_NOT_FOUND, undefined, lang);
    if (!isUuid(proposalId)) throw notFound();
    const context = await this.votes.findVoteContext(proposalId, voter.id);
    if (!context) throw notFound();
    const settings =
      value === null ? null : parseConsultationSettings(context.consultation.settings);
    const check = (proposal: LockedProposal) => {
      // Hidden content is not found by those who may not see it, and closed to votes for all.
      if (proposal.status === 'DRAFT' || !isContentVisibleTo(actor, proposal)) throw notFound();
      assertCanVote(actor, proposal, proposal.phases, now);
      if (settings && value !== null && !isVoteValueOffered(settings, value)) {
        throw new DomainError(DomainErrorCode.VOTE_VALUE_NOT_OFFERED, undefined, lang);
      }
    };
    const { consultation, phases } = context;
    check({ ...context.proposal, phases });

    let outcome: VoteOutcome | null = null;
    let seen: VoteState & { proposal: ProposalRow } = context;
    for (let attempt = 0; attempt < VOTE_ATTEMPTS && !outcome; attempt++) {
      const result = await this.votes.tryVote(proposalId, voter.id, value, seen);
      if (result.outcome === 'missing') throw notFound();
      if (result.outcome === 'unchanged') {
        // Nothing to write: the proposal as read (the event and the job as for any vote).
        outcome = {
          proposal: seen.proposal,
          ...(seen === context ? { collegeCounts: context.collegeCounts } : {}),
          myVote: value,
          consultation,
          phases,
        };
      } else if (result.outcome === 'written') {
        outcome = {
          proposal: result.proposal,
          collegeCounts: result.collegeCounts,
          myVote: value,
          consultation,
          phases,
        };
      } else {
        seen = result.state;
        check({ ...seen.proposal, phases });
      }
    }
    if (!outcome) {
      const proposal = await this.votes.applyVote(proposalId, voter.id, value, check);
      if (!proposal) throw notFound();
      outcome = { proposal, myVote: value, consultation, phases };
    }
    const { proposal } = outcome;
    // After the commit, so the run sees this vote; schedule() logs and swallows queue errors.
    await this.opinionGroups.schedule(proposal.consultationId);
    await this.realtime.publish('proposal-votes', { proposalId: proposal.id }, proposal.id);
    return outcome;
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
