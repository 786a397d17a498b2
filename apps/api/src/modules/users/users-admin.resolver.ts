import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { type Actor, type Language } from '@passerelle/domain';
import { CurrentUser } from '../../common/auth/auth.decorators';
import { Role } from '../../common/graphql/enums';
import { Lang } from '../../common/graphql/graphql-context';
import { type Page } from '../votes/page';
import { UserConnection } from './models/user-connection.model';
import { UsersAdminService } from './users-admin.service';
import { type UserRecord } from './users.repository';

@Resolver()
export class UsersAdminResolver {
  constructor(private readonly service: UsersAdminService) {}

  @Query(() => UserConnection, {
    description:
      'Administrators only: accounts, newest first, searched by part of a display name or e-mail and filtered by role.',
  })
  users(
    @CurrentUser() actor: Actor,
    @Lang() lang: Language,
    @Args('search', { type: () => String, nullable: true }) search?: string | null,
    @Args('role', { type: () => Role, nullable: true }) role?: Role | null,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) first?: number | null,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
  ): Promise<Page<UserRecord>> {
    return this.service.list(actor, { search, role, first, after }, lang);
  }
}
