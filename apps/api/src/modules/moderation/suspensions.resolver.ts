import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { type Actor, isSuspended, type Language } from '@passerelle/domain';
import { CurrentUser } from '../../common/auth/auth.decorators';
import { type LoaderRegistry } from '../../common/dataloader/loader-registry';
import { Lang, Loaders } from '../../common/graphql/graphql-context';
import { type UserRecord } from '../users/users.repository';
import { ReinstateUserInput, SuspendUserInput } from './dto/suspension.inputs';
import { AuthorHistory, ModerationUser } from './models/moderation-user.model';
import { ModerationRepository } from './moderation.repository';
import { SuspensionsService } from './suspensions.service';

@Resolver(() => ModerationUser)
export class SuspensionsResolver {
  constructor(
    private readonly service: SuspensionsService,
    private readonly repository: ModerationRepository,
  ) {}

  @Mutation(() => ModerationUser, {
    description:
      'Moderators and administrators suspend an account (not their own; moderators not staff accounts): it may read and sign in but not contribute. Re-suspending updates the suspension.',
  })
  suspendUser(
    @Args('input', { type: () => SuspendUserInput }) input: SuspendUserInput,
    @CurrentUser() actor: Actor,
    @Lang() lang: Language,
  ): Promise<UserRecord> {
    return this.service.suspend(actor, input, lang);
  }

  @Mutation(() => ModerationUser, {
    description:
      'Moderators and administrators lift a running suspension (NOT_SUSPENDED otherwise).',
  })
  reinstateUser(
    @Args('input', { type: () => ReinstateUserInput }) input: ReinstateUserInput,
    @CurrentUser() actor: Actor,
    @Lang() lang: Language,
  ): Promise<UserRecord> {
    return this.service.reinstate(actor, input, lang);
  }

  @ResolveField(() => Boolean)
  isSuspended(@Parent() user: UserRecord): boolean {
    return isSuspended(user, new Date());
  }

  @ResolveField(() => Date, { nullable: true })
  suspendedUntil(@Parent() user: UserRecord): Date | null {
    return isSuspended(user, new Date()) ? user.suspendedUntil : null;
  }

  @ResolveField(() => String, { nullable: true })
  suspensionReason(@Parent() user: UserRecord): string | null {
    return isSuspended(user, new Date()) ? user.suspensionReason : null;
  }

  @ResolveField(() => AuthorHistory)
  async history(
    @Parent() user: UserRecord,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<AuthorHistory> {
    const history = await loaders
      .get('moderation.histories', (ids: readonly string[]) => this.repository.findHistories(ids))
      .load(user.id);
    return history as AuthorHistory;
  }
}
