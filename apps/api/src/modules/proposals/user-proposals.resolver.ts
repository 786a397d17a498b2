import { Args, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { type Actor, type Language } from '@passerelle/domain';
import { CurrentUser } from '../../common/auth/auth.decorators';
import { type LoaderRegistry } from '../../common/dataloader/loader-registry';
import { Lang, Loaders } from '../../common/graphql/graphql-context';
import { User } from '../users/models/user.model';
import { type UserRecord } from '../users/users.repository';
import { PageArgs } from './dto/proposals.args';
import { ProposalConnection } from './models/proposal-connection.model';
import { type ProposalPage, ProposalListService } from './proposal-list.service';
import { ProposalRelationsPrimer } from './proposal-relations.primer';

/** `User` is only ever the signed-in account (`me`): its proposals include every status. */
@Resolver(() => User)
export class UserProposalsResolver {
  constructor(
    private readonly lists: ProposalListService,
    private readonly primer: ProposalRelationsPrimer,
  ) {}

  @ResolveField(() => ProposalConnection, {
    description:
      'My proposals in every status (drafts and withdrawn ones too), newest first; only public ones when this is not the signed-in account.',
  })
  async proposals(
    @Parent() user: UserRecord,
    @Args() args: PageArgs,
    @CurrentUser() actor: Actor,
    @Lang() lang: Language,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<ProposalPage> {
    const page = await this.lists.byAuthor(actor, user.id, args, lang);
    this.primer.prime(loaders, page.relations, actor);
    return page;
  }
}
