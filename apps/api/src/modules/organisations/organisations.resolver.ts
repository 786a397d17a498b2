import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  type Actor,
  invitationStatus,
  type Language,
  type MembershipRole,
} from '@passerelle/domain';
import { CurrentUser, Public } from '../../common/auth/auth.decorators';
import { type LoaderRegistry } from '../../common/dataloader/loader-registry';
import { Lang, Loaders } from '../../common/graphql/graphql-context';
import { Territory } from '../territories/models/territory.model';
import { TerritoriesLoaders } from '../territories/territories.loaders';
import { type TerritoryRecord } from '../territories/territories.repository';
import { Participant } from '../users/models/participant.model';
import { UsersLoaders } from '../users/users.loaders';
import { type UserRecord } from '../users/users.repository';
import {
  CreateOrganisationInput,
  InviteOrganisationMemberInput,
  RemoveOrganisationMemberInput,
  RespondToOrganisationInvitationInput,
} from './dto/organisation.inputs';
import { MembershipRole as MembershipRoleEnum } from './models/membership-role.enum';
import { Organisation } from './models/organisation.model';
import { OrganisationInvitation } from './models/organisation-invitation.model';
import { OrganisationMember } from './models/organisation-member.model';
import { OrganisationsLoaders } from './organisations.loaders';
import {
  type InvitationRecord,
  type MemberRecord,
  type OrganisationRecord,
} from './organisations.repository';
import { OrganisationsService } from './organisations.service';

/** A related row that must exist (foreign key); missing means the database is inconsistent. */
async function required<T>(value: Promise<T | null>, what: string): Promise<T> {
  const row = await value;
  if (row === null) throw new Error(`Missing ${what}`);
  return row;
}

@Resolver(() => Organisation)
export class OrganisationsResolver {
  constructor(
    private readonly service: OrganisationsService,
    private readonly loaders: OrganisationsLoaders,
    private readonly territoryLoaders: TerritoriesLoaders,
  ) {}

  @Public()
  @Query(() => Organisation, {
    description: 'NOT_FOUND (reason ORGANISATION_NOT_FOUND) when missing.',
  })
  organisation(
    @Args('id', { type: () => ID }) id: string,
    @Lang() lang: Language,
  ): Promise<OrganisationRecord> {
    return this.service.get(id, lang);
  }

  @Public()
  @Query(() => [Organisation], {
    description:
      'Organisations whose name contains `query`, ignoring case and accents, by name (for pickers). ' +
      'BAD_USER_INPUT when `query` has fewer than 2 characters or `first` is not between 1 and 20.',
  })
  searchOrganisations(
    @Args('query') query: string,
    @Args('first', { type: () => Int, defaultValue: 10 }) first: number,
    @Lang() lang: Language,
  ): Promise<OrganisationRecord[]> {
    return this.service.search(query, first, lang);
  }

  @Mutation(() => Organisation, {
    description: 'Creates an organisation; its creator becomes its first MANAGER.',
  })
  createOrganisation(
    @Args('input', { type: () => CreateOrganisationInput }) input: CreateOrganisationInput,
    @CurrentUser() actor: Actor,
    @Lang() lang: Language,
  ): Promise<OrganisationRecord> {
    return this.service.create(actor, input, lang);
  }

  @Mutation(() => Organisation, {
    description:
      'Managers remove a member; every member may remove themself (leave). Never the last manager.',
  })
  removeOrganisationMember(
    @Args('input', { type: () => RemoveOrganisationMemberInput })
    input: RemoveOrganisationMemberInput,
    @CurrentUser() actor: Actor,
    @Lang() lang: Language,
  ): Promise<OrganisationRecord> {
    return this.service.removeMember(actor, input, lang);
  }

  @ResolveField(() => Territory, { nullable: true })
  territory(
    @Parent() organisation: OrganisationRecord,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<TerritoryRecord | null> | null {
    return organisation.territoryId
      ? this.territoryLoaders.byId(loaders).load(organisation.territoryId)
      : null;
  }

  @ResolveField(() => [OrganisationMember])
  members(
    @Parent() organisation: OrganisationRecord,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<MemberRecord[]> {
    return this.loaders.membersByOrganisationId(loaders).load(organisation.id);
  }

  @ResolveField(() => MembershipRoleEnum, { nullable: true })
  async myRole(
    @Parent() organisation: OrganisationRecord,
    @CurrentUser() actor: Actor,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<MembershipRole | null> {
    if (!actor) return null;
    const members = await this.loaders.membersByOrganisationId(loaders).load(organisation.id);
    return members.find((member) => member.userId === actor.id)?.role ?? null;
  }
}

@Resolver(() => OrganisationMember)
export class OrganisationMembersResolver {
  constructor(private readonly userLoaders: UsersLoaders) {}

  @ResolveField(() => Participant)
  user(@Parent() member: MemberRecord, @Loaders() loaders: LoaderRegistry): Promise<UserRecord> {
    return required(this.userLoaders.byId(loaders).load(member.userId), 'member');
  }
}

@Resolver(() => OrganisationInvitation)
export class OrganisationInvitationsResolver {
  constructor(
    private readonly service: OrganisationsService,
    private readonly loaders: OrganisationsLoaders,
    private readonly userLoaders: UsersLoaders,
  ) {}

  @Query(() => [OrganisationInvitation], {
    description: "The signed-in account's pending invitations, newest first.",
  })
  myOrganisationInvitations(
    @CurrentUser() actor: Actor,
    @Lang() lang: Language,
  ): Promise<InvitationRecord[]> {
    return this.service.myInvitations(actor, lang);
  }

  @Mutation(() => OrganisationInvitation, {
    description:
      'Managers invite an existing account by e-mail; a pending invitation of the same person is returned as is.',
  })
  inviteOrganisationMember(
    @Args('input', { type: () => InviteOrganisationMemberInput })
    input: InviteOrganisationMemberInput,
    @CurrentUser() actor: Actor,
    @Lang() lang: Language,
  ): Promise<InvitationRecord> {
    return this.service.invite(actor, input, lang);
  }

  @Mutation(() => OrganisationInvitation, {
    description: 'The invitee accepts (and joins the organisation) or declines, once.',
  })
  respondToOrganisationInvitation(
    @Args('input', { type: () => RespondToOrganisationInvitationInput })
    input: RespondToOrganisationInvitationInput,
    @CurrentUser() actor: Actor,
    @Lang() lang: Language,
  ): Promise<InvitationRecord> {
    return this.service.respond(actor, input, lang);
  }

  @ResolveField(() => Organisation)
  organisation(
    @Parent() invitation: InvitationRecord,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<OrganisationRecord> {
    return required(this.loaders.byId(loaders).load(invitation.organisationId), 'organisation');
  }

  @ResolveField(() => Participant)
  invitee(
    @Parent() invitation: InvitationRecord,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<UserRecord> {
    return required(this.userLoaders.byId(loaders).load(invitation.inviteeId), 'invitee');
  }

  @ResolveField(() => Participant)
  invitedBy(
    @Parent() invitation: InvitationRecord,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<UserRecord> {
    return required(this.userLoaders.byId(loaders).load(invitation.invitedById), 'inviter');
  }

  @ResolveField(() => String)
  status(@Parent() invitation: InvitationRecord): string {
    return invitationStatus(invitation);
  }
}
