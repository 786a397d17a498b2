import {
  Args,
  ID,
  Int,
  Mutation,
  Parent,
  ResolveField,
  Resolver,
  Subscription,
} from '@nestjs/graphql';
import { type Actor, type Language, type VoteValue as VoteValueType } from '@passerelle/domain';
import { CurrentUser, Public } from '../../common/auth/auth.decorators';
import { eachEvent } from '../../common/realtime/live-events';
import { type LoaderRegistry } from '../../common/dataloader/loader-registry';
import { Lang, Loaders } from '../../common/graphql/graphql-context';
import { type Proposal as ProposalRow } from '../../generated/prisma/client';
import { Proposal } from '../proposals/models/proposal.model';
import { User } from '../users/models/user.model';
import { type UserRecord } from '../users/users.repository';
import { CastVoteInput } from './dto/cast-vote.input';
import { ConsultationsLoaders } from '../consultations/consultations.loaders';
import { CollegeVotes, SupportBreadth, Vote, VoteConnection, VoteValue } from './models/vote.model';
import { EMPTY_PAGE, type Page } from './page';
import { VotesLoaders } from './votes.loaders';
import { type VoteRecord } from './votes.repository';
import {
  collegeVotesView,
  type CollegeVotesView,
  supportBreadthView,
  type SupportBreadthView,
  type VoteOutcome,
  VOTES_PAGE,
  VotesService,
} from './votes.service';
import { RateLimit } from '../../common/rate-limit/rate-limit.decorator';

/** Votes and follows on proposals: the mutations and the viewer-dependent Proposal fields. */
@Resolver(() => Proposal)
export class ProposalVotesResolver {
  constructor(
    private readonly service: VotesService,
    private readonly loaders: VotesLoaders,
    private readonly consultationLoaders: ConsultationsLoaders,
  ) {}

  @Mutation(() => Proposal, {
    description:
      "Casts or changes the signed-in participant's vote while the consultation's VOTING phase is open; casting the same value again changes nothing.",
  })
  @RateLimit('castVote')
  async castVote(
    @Args('input', { type: () => CastVoteInput }) input: CastVoteInput,
    @CurrentUser() actor: Actor,
    @Lang() lang: Language,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<ProposalRow> {
    return this.answer(
      await this.service.vote(actor, input.proposalId, input.value, lang),
      actor,
      loaders,
    );
  }

  @Mutation(() => Proposal, {
    description: "Retracts the signed-in participant's vote (nothing happens without one).",
  })
  async retractVote(
    @Args('proposalId', { type: () => ID }) proposalId: string,
    @CurrentUser() actor: Actor,
    @Lang() lang: Language,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<ProposalRow> {
    return this.answer(await this.service.vote(actor, proposalId, null, lang), actor, loaders);
  }

  /**
   * The proposal a vote returns, with this request's loaders primed from what the vote read and
   * wrote, so that myVote, collegeVotes, supportBreadth and consultation { openPhases } cost no
   * statement of their own.
   */
  private answer(outcome: VoteOutcome, actor: Actor, loaders: LoaderRegistry): ProposalRow {
    const { proposal, consultation } = outcome;
    if (actor)
      this.loaders.myVote(loaders, actor.id).clear(proposal.id).prime(proposal.id, outcome.myVote);
    if (outcome.collegeCounts) {
      this.loaders
        .collegeCounts(loaders)
        .clear(proposal.id)
        .prime(proposal.id, outcome.collegeCounts);
    }
    this.consultationLoaders
      .byId(loaders)
      .clear(consultation.id)
      .prime(consultation.id, consultation);
    this.consultationLoaders
      .phasesByConsultationId(loaders)
      .clear(consultation.id)
      .prime(consultation.id, outcome.phases);
    return proposal;
  }

  @Mutation(() => Proposal, { description: 'Follows a public proposal; idempotent.' })
  followProposal(
    @Args('proposalId', { type: () => ID }) proposalId: string,
    @CurrentUser() actor: Actor,
    @Lang() lang: Language,
  ): Promise<ProposalRow> {
    return this.service.setFollow(actor, proposalId, true, lang);
  }

  @Mutation(() => Proposal, { description: 'Stops following a proposal; idempotent.' })
  unfollowProposal(
    @Args('proposalId', { type: () => ID }) proposalId: string,
    @CurrentUser() actor: Actor,
    @Lang() lang: Language,
  ): Promise<ProposalRow> {
    return this.service.setFollow(actor, proposalId, false, lang);
  }

  @Public()
  @Subscription(() => Proposal, {
    description:
      'Each time a vote changes the totals of a proposal the caller may read (anonymous included).',
    resolve: eachEvent,
  })
  proposalVotesChanged(
    @Args('proposalId', { type: () => ID }) proposalId: string,
    @CurrentUser() actor: Actor,
    @Lang() lang: Language,
  ): Promise<AsyncIterableIterator<ProposalRow>> {
    return this.service.votesChanged(actor, proposalId, lang);
  }

  @ResolveField(() => [CollegeVotes], {
    description: 'One entry per collège that voted, in ActorType order.',
  })
  async collegeVotes(
    @Parent() proposal: ProposalRow,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<CollegeVotesView[]> {
    return collegeVotesView(await this.loaders.collegeCounts(loaders).load(proposal.id));
  }

  @ResolveField(() => SupportBreadth, {
    description:
      "Which collèges back the proposal under its consultation's collège thresholds, and whether that is broad support.",
  })
  supportBreadth(
    @Parent() proposal: ProposalRow,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<SupportBreadthView> {
    return this.breadthOf(proposal, loaders);
  }

  @ResolveField(() => Boolean, {
    description:
      "Meets its consultation's collège thresholds: at least minColleges collèges each with at least minVotesPerCollege votes (FOR + AGAINST + NEUTRAL) and a FOR share, FOR / (FOR + AGAINST), of at least minForShare. Same rule as ProposalFilter.broadSupport.",
  })
  async broadSupport(
    @Parent() proposal: ProposalRow,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<boolean> {
    return (await this.breadthOf(proposal, loaders)).isBroad;
  }

  /** Batched: the collège counters and the consultations of a whole list in two queries. */
  private async breadthOf(
    proposal: ProposalRow,
    loaders: LoaderRegistry,
  ): Promise<SupportBreadthView> {
    const [counts, consultation] = await Promise.all([
      this.loaders.collegeCounts(loaders).load(proposal.id),
      this.consultationLoaders.byId(loaders).load(proposal.consultationId),
    ]);
    return supportBreadthView(counts, consultation?.settings ?? null);
  }

  @ResolveField(() => VoteValue, {
    nullable: true,
    description: "The viewer's vote; null when anonymous or without a vote.",
  })
  myVote(
    @Parent() proposal: ProposalRow,
    @CurrentUser() actor: Actor,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<VoteValueType | null> | null {
    return actor ? this.loaders.myVote(loaders, actor.id).load(proposal.id) : null;
  }

  @ResolveField(() => Boolean)
  isFollowedByMe(
    @Parent() proposal: ProposalRow,
    @CurrentUser() actor: Actor,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<boolean> | boolean {
    return actor ? this.loaders.isFollowedBy(loaders, actor.id).load(proposal.id) : false;
  }

  @ResolveField(() => Int)
  followersCount(
    @Parent() proposal: ProposalRow,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<number> {
    return this.loaders.followersCount(loaders).load(proposal.id);
  }
}

@Resolver(() => Vote)
export class VoteFieldsResolver {
  constructor(private readonly loaders: VotesLoaders) {}

  @ResolveField(() => Proposal)
  async proposal(
    @Parent() vote: VoteRecord,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<ProposalRow> {
    const proposal = await this.loaders.proposalById(loaders).load(vote.proposalId);
    if (!proposal) throw new Error('Missing proposal');
    return proposal;
  }
}

@Resolver(() => User)
export class UserVotesResolver {
  constructor(private readonly service: VotesService) {}

  @ResolveField(() => VoteConnection, {
    description:
      "The signed-in participant's votes, most recently changed first (empty for anyone else).",
  })
  votes(
    @Parent() user: UserRecord,
    @CurrentUser() actor: Actor,
    @Lang() lang: Language,
    @Args('first', { type: () => Int, nullable: true, defaultValue: VOTES_PAGE.first })
    first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<Page<VoteRecord>> | Page<VoteRecord> {
    // Votes are private: an administrator reading another account (changeUserRole) sees none.
    if (actor?.id !== user.id) return EMPTY_PAGE;
    return this.service.userVotes(user.id, first, after, lang);
  }
}
