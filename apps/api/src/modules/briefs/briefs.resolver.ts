import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  type Actor,
  type BriefStatus as BriefStatusValue,
  isContentVisibleTo,
  type Language,
} from '@passerelle/domain';
import { CurrentUser } from '../../common/auth/auth.decorators';
import { type LoaderRegistry } from '../../common/dataloader/loader-registry';
import { Lang, Loaders } from '../../common/graphql/graphql-context';
import {
  type Comment as CommentRow,
  type Proposal as ProposalRow,
} from '../../generated/prisma/client';
import { Comment } from '../comments/models/comment.model';
import { ConsultationsLoaders } from '../consultations/consultations.loaders';
import { type ConsultationRecord } from '../consultations/consultations.repository';
import { Consultation } from '../consultations/models/consultation.model';
import { Proposal } from '../proposals/models/proposal.model';
import { Participant } from '../users/models/participant.model';
import { UsersLoaders } from '../users/users.loaders';
import { type UserRecord } from '../users/users.repository';
import { BriefsLoaders } from './briefs.loaders';
import {
  type BriefCitationRecord,
  type BriefRecord,
  type BriefRefRecord,
  type BriefSectionRecord,
} from './briefs.repository';
import { BriefsService } from './briefs.service';
import { BriefTransitionInput, CreateBriefInput, UpdateBriefInput } from './dto/brief.inputs';
import { Brief, BriefCitation, BriefRef, BriefSection, BriefStatus } from './models/brief.model';

const CURATORS = 'Curators and administrators only.';

@Resolver(() => Brief)
export class BriefsResolver {
  constructor(
    private readonly service: BriefsService,
    private readonly briefLoaders: BriefsLoaders,
    private readonly consultationLoaders: ConsultationsLoaders,
    private readonly userLoaders: UsersLoaders,
  ) {}

  @Query(() => [Brief], {
    description: `${CURATORS} Working copies, most recently updated first, optionally of one status.`,
  })
  briefs(
    @CurrentUser() actor: Actor,
    @Args('status', { type: () => BriefStatus, nullable: true }) status?: BriefStatusValue | null,
  ): Promise<BriefRecord[]> {
    return this.service.list(actor, status);
  }

  @Query(() => Brief, {
    description: `${CURATORS} A working copy; NOT_FOUND (reason BRIEF_NOT_FOUND) when unknown.`,
  })
  briefDraft(
    @Args('id', { type: () => ID }) id: string,
    @CurrentUser() actor: Actor,
    @Lang() lang: Language,
  ): Promise<BriefRecord> {
    return this.service.get(actor, id, lang);
  }

  @Mutation(() => Brief, {
    description: `${CURATORS} Creates a DRAFT brief (CONFLICT / BRIEF_SLUG_TAKEN when the slug is used).`,
  })
  createBrief(
    @Args('input', { type: () => CreateBriefInput }) input: CreateBriefInput,
    @CurrentUser() actor: Actor,
    @Lang() lang: Language,
  ): Promise<BriefRecord> {
    return this.service.create(actor, input, lang);
  }

  @Mutation(() => Brief, {
    description: `${CURATORS} Edits the working copy from expectedRevision (CONFLICT / BRIEF_STALE otherwise); sections replaces every section; a PUBLISHED brief becomes a DRAFT again.`,
  })
  updateBrief(
    @Args('input', { type: () => UpdateBriefInput }) input: UpdateBriefInput,
    @CurrentUser() actor: Actor,
    @Lang() lang: Language,
  ): Promise<BriefRecord> {
    return this.service.update(actor, input, lang);
  }

  @Mutation(() => Brief, {
    description: `${CURATORS} DRAFT → IN_REVIEW (CONFLICT / ILLEGAL_TRANSITION otherwise).`,
  })
  submitBriefForReview(
    @Args('input', { type: () => BriefTransitionInput }) input: BriefTransitionInput,
    @CurrentUser() actor: Actor,
    @Lang() lang: Language,
  ): Promise<BriefRecord> {
    return this.service.transition(actor, input, 'IN_REVIEW', lang);
  }

  @Mutation(() => Brief, {
    description: `${CURATORS} IN_REVIEW → DRAFT (CONFLICT / ILLEGAL_TRANSITION otherwise).`,
  })
  returnBriefToDraft(
    @Args('input', { type: () => BriefTransitionInput }) input: BriefTransitionInput,
    @CurrentUser() actor: Actor,
    @Lang() lang: Language,
  ): Promise<BriefRecord> {
    return this.service.transition(actor, input, 'DRAFT', lang);
  }

  @ResolveField(() => [Consultation])
  async consultations(
    @Parent() brief: BriefRecord,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<ConsultationRecord[]> {
    const ids = await this.briefLoaders.consultationIdsByBriefId(loaders).load(brief.id);
    const consultations = await this.consultationLoaders.byId(loaders).loadMany(ids);
    return consultations.filter(
      (consultation): consultation is ConsultationRecord =>
        consultation !== null && !(consultation instanceof Error),
    );
  }

  @ResolveField(() => [BriefSection])
  sections(
    @Parent() brief: BriefRecord,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<BriefSectionRecord[]> {
    return this.briefLoaders.sectionsByBriefId(loaders).load(brief.id);
  }

  @ResolveField(() => Participant)
  async updatedBy(
    @Parent() brief: BriefRecord,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<UserRecord> {
    const user = await this.userLoaders.byId(loaders).load(brief.updatedById);
    if (!user) throw new Error(`brief ${brief.id}: editor ${brief.updatedById} not found`);
    return user;
  }
}

@Resolver(() => BriefSection)
export class BriefSectionResolver {
  constructor(private readonly briefLoaders: BriefsLoaders) {}

  @ResolveField(() => [BriefCitation])
  citations(
    @Parent() section: BriefSectionRecord,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<BriefCitationRecord[]> {
    return this.briefLoaders.citationsBySectionId(loaders).load(section.id);
  }
}

/**
 * A cited proposal hidden by moderation since it was cited is not shown to curators (only to its
 * author and moderators, as everywhere else): the citation then has no proposal.
 */
function readable(actor: Actor, proposal: ProposalRow | null): ProposalRow | null {
  return proposal && isContentVisibleTo(actor, proposal) ? proposal : null;
}

@Resolver(() => BriefCitation)
export class BriefCitationResolver {
  constructor(private readonly briefLoaders: BriefsLoaders) {}

  @ResolveField(() => Proposal, { nullable: true })
  async proposal(
    @Parent() citation: BriefCitationRecord,
    @Loaders() loaders: LoaderRegistry,
    @CurrentUser() actor: Actor,
  ): Promise<ProposalRow | null> {
    if (!citation.proposalId) return null;
    return readable(actor, await this.briefLoaders.proposalById(loaders).load(citation.proposalId));
  }

  @ResolveField(() => Proposal, {
    nullable: true,
    description: 'The cited proposal, or the proposal the cited comment belongs to.',
  })
  async sourceProposal(
    @Parent() citation: BriefCitationRecord,
    @Loaders() loaders: LoaderRegistry,
    @CurrentUser() actor: Actor,
  ): Promise<ProposalRow | null> {
    if (!citation.sourceProposalId) return null;
    return readable(
      actor,
      await this.briefLoaders.proposalById(loaders).load(citation.sourceProposalId),
    );
  }

  @ResolveField(() => Comment, { nullable: true })
  comment(
    @Parent() citation: BriefCitationRecord,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<CommentRow | null> | null {
    return citation.commentId
      ? this.briefLoaders.commentById(loaders).load(citation.commentId)
      : null;
  }

  @ResolveField(() => [BriefRef])
  async otherBriefs(
    @Parent() citation: BriefCitationRecord,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<BriefRefRecord[]> {
    if (!citation.sourceProposalId) return [];
    const citing = await this.briefLoaders
      .citingBriefsByProposalId(loaders)
      .load(citation.sourceProposalId);
    return citing.filter((brief) => brief.id !== citation.briefId);
  }
}
