import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { type Actor, type Language } from '@passerelle/domain';
import { CurrentUser } from '../../common/auth/auth.decorators';
import { type LoaderRegistry } from '../../common/dataloader/loader-registry';
import { CoAuthorStatus } from '../../common/graphql/enums';
import { Lang, Loaders } from '../../common/graphql/graphql-context';
import { RateLimit } from '../../common/rate-limit/rate-limit.decorator';
import { Participant } from '../users/models/participant.model';
import { UsersLoaders } from '../users/users.loaders';
import { type UserRecord } from '../users/users.repository';
import {
  AnswerCoAuthorInvitationInput,
  InviteCoAuthorInput,
  RemoveCoAuthorInput,
} from './dto/coauthors.input';
import { CoAuthorInvitation } from './models/coauthor-invitation.model';
import { Proposal } from './models/proposal.model';
import { required } from './proposal-fields.resolver';
import { type CoAuthorRecord } from './proposal-coauthors.repository';
import { ProposalCoAuthorsService } from './proposal-coauthors.service';
import { type ProposalRecord } from './proposals.repository';

/** Co-authors of a proposal (issue 11): its fields, batched per request, and the mutations. */
@Resolver(() => Proposal)
export class ProposalCoAuthorsResolver {
  constructor(private readonly service: ProposalCoAuthorsService) {}

  @ResolveField(() => [Participant], {
    description: 'Accepted co-authors, in order of acceptance; they edit the proposal too.',
  })
  coAuthors(
    @Parent() proposal: ProposalRecord,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<UserRecord[]> {
    return this.service.coAuthorsOf(proposal, loaders);
  }

  @ResolveField(() => [CoAuthorInvitation], {
    description:
      "Pending and declined co-author invitations, oldest first: for the proposal's author only (anyone else gets []).",
  })
  coAuthorInvitations(
    @Parent() proposal: ProposalRecord,
    @CurrentUser() actor: Actor,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<CoAuthorRecord[]> {
    return this.service.invitationsOf(actor, proposal, loaders);
  }

  @ResolveField(() => CoAuthorStatus, {
    nullable: true,
    description: "The viewer's own co-author invitation or co-authorship, else null.",
  })
  viewerCoAuthorStatus(
    @Parent() proposal: ProposalRecord,
    @CurrentUser() actor: Actor,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<CoAuthorStatus | null> {
    return this.service.viewerStatus(actor, proposal, loaders);
  }

  @ResolveField(() => Boolean, {
    description: "Whether the viewer may invite co-authors: the proposal's author, while editable.",
  })
  viewerCanInviteCoAuthors(
    @Parent() proposal: ProposalRecord,
    @CurrentUser() actor: Actor,
  ): boolean {
    return this.service.canInvite(actor, proposal);
  }

  @Mutation(() => Proposal, {
    description:
      'The author invites an active participant to co-author the proposal while it is editable. NOT_FOUND (USER_NOT_FOUND) for an unknown, deleted or suspended account; CONFLICT (COAUTHOR_ALREADY, COAUTHOR_LIMIT). Inviting someone who declined invites them again.',
  })
  @RateLimit('amend')
  inviteCoAuthor(
    @Args('input', { type: () => InviteCoAuthorInput }) input: InviteCoAuthorInput,
    @CurrentUser() actor: Actor,
    @Lang() lang: Language,
  ): Promise<ProposalRecord> {
    return this.service.invite(actor, input, lang);
  }

  @Mutation(() => Proposal, {
    description:
      'The invitee accepts or declines a pending co-author invitation; NOT_FOUND (COAUTHOR_INVITATION_NOT_FOUND) otherwise.',
  })
  @RateLimit('amend')
  answerCoAuthorInvitation(
    @Args('input', { type: () => AnswerCoAuthorInvitationInput })
    input: AnswerCoAuthorInvitationInput,
    @CurrentUser() actor: Actor,
    @Lang() lang: Language,
  ): Promise<ProposalRecord> {
    return this.service.answer(actor, input, lang);
  }

  @Mutation(() => Proposal, {
    description:
      'The author removes a co-author or an invitation; a co-author leaves (userId = themself). NOT_FOUND (COAUTHOR_NOT_FOUND) when the person is neither.',
  })
  @RateLimit('amend')
  removeCoAuthor(
    @Args('input', { type: () => RemoveCoAuthorInput }) input: RemoveCoAuthorInput,
    @CurrentUser() actor: Actor,
    @Lang() lang: Language,
  ): Promise<ProposalRecord> {
    return this.service.remove(actor, input, lang);
  }
}

/** The invited account of an invitation (batched with every other account of the request). */
@Resolver(() => CoAuthorInvitation)
export class CoAuthorInvitationResolver {
  constructor(private readonly userLoaders: UsersLoaders) {}

  @ResolveField(() => Participant)
  participant(
    @Parent() invitation: CoAuthorRecord,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<UserRecord> {
    return required(this.userLoaders.byId(loaders).load(invitation.userId), 'invitee');
  }
}
