import { Args, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { type Actor, type Language } from '@passerelle/domain';
import { CurrentUser } from '../../common/auth/auth.decorators';
import { Lang } from '../../common/graphql/graphql-context';
import { PageArgs } from '../proposals/dto/proposals.args';
import { ProposalConnection } from '../proposals/models/proposal-connection.model';
import { type ProposalPage, ProposalListService } from '../proposals/proposal-list.service';
import { Organisation } from './models/organisation.model';
import { type OrganisationRecord } from './organisations.repository';

/** The proposals posted for an organisation: the public list, filtered on it. */
@Resolver(() => Organisation)
export class OrganisationProposalsResolver {
  constructor(private readonly lists: ProposalListService) {}

  @ResolveField(() => ProposalConnection, {
    description: 'Public proposals posted for the organisation, newest first.',
  })
  proposals(
    @Parent() organisation: OrganisationRecord,
    @Args() args: PageArgs,
    @CurrentUser() actor: Actor,
    @Lang() lang: Language,
  ): Promise<ProposalPage> {
    return this.lists.list(
      {
        first: args.first,
        after: args.after,
        filter: { organisationId: organisation.id },
        orderBy: 'NEWEST',
      },
      lang,
      actor,
    );
  }
}
