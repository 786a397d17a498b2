import { Args, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { type Actor, type Language } from '@passerelle/domain';
import { CurrentUser, Roles } from '../../common/auth/auth.decorators';
import { type LoaderRegistry } from '../../common/dataloader/loader-registry';
import { Lang, Loaders } from '../../common/graphql/graphql-context';
import { Participant } from '../users/models/participant.model';
import { UsersLoaders } from '../users/users.loaders';
import { type UserRecord } from '../users/users.repository';
import { type Page } from '../votes/page';
import { type AuthEventRecord } from './auth-events.repository';
import { AuthEventsService } from './auth-events.service';
import { AuthEvent, AuthEventConnection, AuthEventsArgs } from './models/auth-event.model';

/** The administrators' view of authentication events (`/admin/securite`). */
@Resolver(() => AuthEvent)
export class AuthEventsResolver {
  constructor(
    private readonly events: AuthEventsService,
    private readonly users: UsersLoaders,
  ) {}

  @Roles('ADMIN')
  @Query(() => AuthEventConnection, {
    description:
      'Administrators: authentication events (sign-ins and failures, sign-outs, role changes…), newest first.',
  })
  authEvents(
    @Args() args: AuthEventsArgs,
    @CurrentUser() actor: Actor,
    @Lang() lang: Language,
  ): Promise<Page<AuthEventRecord>> {
    return this.events.list(actor, args, lang);
  }

  @ResolveField(() => Participant, { nullable: true })
  user(
    @Parent() event: AuthEventRecord,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<UserRecord | null> | null {
    return event.userId ? this.users.byId(loaders).load(event.userId) : null;
  }

  @ResolveField(() => Participant, { nullable: true })
  actor(
    @Parent() event: AuthEventRecord,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<UserRecord | null> | null {
    return event.actorId ? this.users.byId(loaders).load(event.actorId) : null;
  }

  @ResolveField(() => String)
  detail(@Parent() event: AuthEventRecord): string {
    return JSON.stringify(event.detail ?? {});
  }
}
