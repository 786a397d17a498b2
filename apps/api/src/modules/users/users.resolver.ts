import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { type Actor, isSuspended, type Language } from '@passerelle/domain';
import { CurrentUser, Public } from '../../common/auth/auth.decorators';
import { type LoaderRegistry } from '../../common/dataloader/loader-registry';
import { type ApiRequest, HttpRequest, Lang, Loaders } from '../../common/graphql/graphql-context';
import { Organisation } from '../organisations/models/organisation.model';
import { OrganisationsLoaders } from '../organisations/organisations.loaders';
import { type OrganisationRecord } from '../organisations/organisations.repository';
import { Territory } from '../territories/models/territory.model';
import { TerritoriesLoaders } from '../territories/territories.loaders';
import { type TerritoryRecord } from '../territories/territories.repository';
import { ChangeUserRoleInput } from './dto/change-user-role.input';
import { Participant } from './models/participant.model';
import { User } from './models/user.model';
import { type UserRecord } from './users.repository';
import { UsersService } from './users.service';

@Resolver(() => User)
export class UsersResolver {
  constructor(
    private readonly service: UsersService,
    private readonly territoryLoaders: TerritoriesLoaders,
    private readonly organisationLoaders: OrganisationsLoaders,
  ) {}

  @Public()
  @Query(() => User, { nullable: true, description: 'The signed-in account; null when anonymous.' })
  me(@CurrentUser() actor: Actor): Promise<UserRecord | null> | null {
    return this.service.me(actor);
  }

  @Mutation(() => User, {
    description:
      'Administrators only: gives another account a role and ends its sessions, so the role applies from its next sign-in.',
  })
  changeUserRole(
    @Args('input') input: ChangeUserRoleInput,
    @CurrentUser() actor: Actor,
    @Lang() lang: Language,
    @HttpRequest() req: ApiRequest,
  ): Promise<UserRecord> {
    return this.service.changeRole(actor, input, lang, new Date(), req);
  }

  @ResolveField(() => Territory, { nullable: true })
  territory(
    @Parent() user: UserRecord,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<TerritoryRecord | null> | null {
    return user.territoryId ? this.territoryLoaders.byId(loaders).load(user.territoryId) : null;
  }

  @ResolveField(() => Boolean, {
    description:
      'Whether the account confirmed its e-mail address (link sent at sign-up); own account and administrators only, like email.',
  })
  emailVerified(@Parent() user: UserRecord): boolean {
    return user.emailVerifiedAt !== null;
  }

  @ResolveField(() => Boolean, {
    description: 'Suspended by a moderator: the account may read but not contribute.',
  })
  isSuspended(@Parent() user: UserRecord): boolean {
    return isSuspended(user, new Date());
  }

  @ResolveField(() => Date, {
    nullable: true,
    description: 'End of the running suspension; null when not suspended or until reinstated.',
  })
  suspendedUntil(@Parent() user: UserRecord): Date | null {
    return isSuspended(user, new Date()) ? user.suspendedUntil : null;
  }

  @ResolveField(() => String, {
    nullable: true,
    description: 'Why the account is suspended, while it is.',
  })
  suspensionReason(@Parent() user: UserRecord): string | null {
    return isSuspended(user, new Date()) ? user.suspensionReason : null;
  }

  @ResolveField(() => [Organisation])
  organisations(
    @Parent() user: UserRecord,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<OrganisationRecord[]> {
    return this.organisationLoaders.byMemberId(loaders).load(user.id);
  }
}

@Resolver(() => Participant)
export class ParticipantsResolver {
  constructor(private readonly territoryLoaders: TerritoriesLoaders) {}

  @ResolveField(() => Territory, { nullable: true })
  territory(
    @Parent() user: UserRecord,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<TerritoryRecord | null> | null {
    return user.territoryId ? this.territoryLoaders.byId(loaders).load(user.territoryId) : null;
  }
}
