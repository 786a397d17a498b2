import { Args, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import {
  type Actor,
  type AmendmentDiff as DiffView,
  type AmendmentVoteValue,
} from '@passerelle/domain';
import { CurrentUser } from '../../common/auth/auth.decorators';
import { type LoaderRegistry } from '../../common/dataloader/loader-registry';
import { Loaders } from '../../common/graphql/graphql-context';
import { ProposalRevision } from '../proposals/models/proposal-history.model';
import { Proposal } from '../proposals/models/proposal.model';
import { required } from '../proposals/proposal-fields.resolver';
import {
  type ProposalRecord,
  type ProposalRevisionRecord,
} from '../proposals/proposals.repository';
import { Participant } from '../users/models/participant.model';
import { UsersLoaders } from '../users/users.loaders';
import { type UserRecord } from '../users/users.repository';
import { AmendmentsLoaders } from './amendments.loaders';
import { AmendmentsService } from './amendments.service';
import { ProposalAmendmentsArgs } from './dto/amendment.inputs';
import {
  Amendment,
  AmendmentDiff,
  type AmendmentRecord,
  amendmentView,
} from './models/amendment.model';
import { AmendmentVoteValue as VoteValueEnum } from '../../common/graphql/enums';

/** The fields of an amendment, each batched per request (no N+1 in lists). */
@Resolver(() => Amendment)
export class AmendmentFieldsResolver {
  constructor(
    private readonly service: AmendmentsService,
    private readonly amendmentLoaders: AmendmentsLoaders,
    private readonly userLoaders: UsersLoaders,
  ) {}

  @ResolveField(() => Proposal)
  proposal(
    @Parent() amendment: AmendmentRecord,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<ProposalRecord> {
    return required(
      this.amendmentLoaders.proposalById(loaders).load(amendment.proposalId),
      'proposal',
    );
  }

  @ResolveField(() => Participant)
  author(
    @Parent() amendment: AmendmentRecord,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<UserRecord> {
    return required(this.userLoaders.byId(loaders).load(amendment.authorId), 'author');
  }

  @ResolveField(() => Participant, { nullable: true })
  decidedBy(
    @Parent() amendment: AmendmentRecord,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<UserRecord | null> | null {
    return amendment.decidedById
      ? this.userLoaders.byId(loaders).load(amendment.decidedById)
      : null;
  }

  @ResolveField(() => VoteValueEnum, { nullable: true })
  viewerVote(
    @Parent() amendment: AmendmentRecord,
    @CurrentUser() actor: Actor,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<AmendmentVoteValue | null> | null {
    return actor ? this.amendmentLoaders.viewerVote(loaders, actor.id).load(amendment.id) : null;
  }

  @ResolveField(() => Boolean)
  isOutdated(@Parent() amendment: AmendmentRecord, @Loaders() loaders: LoaderRegistry) {
    return this.service.isOutdated(amendment, loaders);
  }

  @ResolveField(() => AmendmentDiff)
  diff(
    @Parent() amendment: AmendmentRecord,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<DiffView> {
    return this.service.diff(amendment, loaders);
  }

  @ResolveField(() => Int, { nullable: true })
  appliedVersion(
    @Parent() amendment: AmendmentRecord,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<number | null> | null {
    return amendment.status === 'ACCEPTED'
      ? this.amendmentLoaders.appliedVersion(loaders).load(amendment.id)
      : null;
  }

  @ResolveField(() => Boolean)
  viewerCanVote(
    @Parent() amendment: AmendmentRecord,
    @CurrentUser() actor: Actor,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<boolean> {
    return this.service.canVote(actor, amendment, loaders);
  }

  @ResolveField(() => Boolean)
  viewerCanDecide(
    @Parent() amendment: AmendmentRecord,
    @CurrentUser() actor: Actor,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<boolean> {
    return this.service.canDecide(actor, amendment, loaders);
  }

  @ResolveField(() => Boolean, {
    description:
      'Its author erased their contributions: its texts and reason are placeholders (the web app shows its own, in the reader’s language).',
  })
  erased(@Parent() amendment: AmendmentRecord): boolean {
    return amendment.erasedAt !== null;
  }

  @ResolveField(() => Boolean)
  viewerIsAuthor(@Parent() amendment: AmendmentRecord, @CurrentUser() actor: Actor): boolean {
    return actor !== null && actor.id === amendment.authorId;
  }
}

/** A proposal's amendments: the field lives on a proposal the viewer may already see. */
@Resolver(() => Proposal)
export class ProposalAmendmentsResolver {
  constructor(
    private readonly service: AmendmentsService,
    private readonly amendmentLoaders: AmendmentsLoaders,
  ) {}

  @ResolveField(() => [Amendment], {
    description:
      'Its amendments (of one status, or all), newest first, at most 100. Those hidden by moderation only for their author and the proposal’s moderators.',
  })
  async amendments(
    @Parent() proposal: ProposalRecord,
    @Args() args: ProposalAmendmentsArgs,
    @CurrentUser() actor: Actor,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<AmendmentRecord[]> {
    const rows = await this.amendmentLoaders
      .byProposalId(loaders, args.status ?? null)
      .load(proposal.id);
    const shown = await this.service.visibleAmendments(actor, proposal, rows, loaders);
    return shown.map(amendmentView);
  }

  @ResolveField(() => Int, {
    description: 'Its amendments waiting for a decision (not those hidden by moderation).',
  })
  pendingAmendmentsCount(
    @Parent() proposal: ProposalRecord,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<number> {
    return this.amendmentLoaders.pendingCountByProposalId(loaders).load(proposal.id);
  }

  @ResolveField(() => Boolean, {
    description:
      'Whether it takes new amendments and votes on them now: published, visible, and its consultation in a proposing or voting phase (pending amendments are still decided after).',
  })
  async amendmentsOpen(
    @Parent() proposal: ProposalRecord,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<boolean> {
    return this.service.amendmentsOpen(proposal, loaders);
  }

  @ResolveField(() => Boolean, {
    description:
      'Whether the viewer may propose an amendment: signed in, neither its author nor a co-author, the proposal published and visible, its consultation in a proposing or voting phase.',
  })
  viewerCanAmend(
    @Parent() proposal: ProposalRecord,
    @CurrentUser() actor: Actor,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<boolean> {
    return this.service.canAmend(actor, proposal, loaders);
  }
}

/** The accepted amendment a revision applies: its author is credited with the editor. */
@Resolver(() => ProposalRevision)
export class RevisionAmendmentResolver {
  constructor(private readonly amendmentLoaders: AmendmentsLoaders) {}

  @ResolveField(() => Amendment, {
    nullable: true,
    description: 'The accepted amendment this revision applies (its author is credited).',
  })
  async amendment(
    @Parent() revision: ProposalRevisionRecord,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<AmendmentRecord | null> {
    if (!revision.amendmentId) return null;
    const row = await this.amendmentLoaders.byId(loaders).load(revision.amendmentId);
    return row ? amendmentView(row) : null;
  }
}
