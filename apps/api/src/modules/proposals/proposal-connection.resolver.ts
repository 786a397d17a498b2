import { Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { ProposalConnection } from './models/proposal-connection.model';

/** A connection's total, computed (one COUNT query) only when a client asks for it. */
export interface CountedPage {
  totalCount: number | (() => Promise<number>);
}

@Resolver(() => ProposalConnection)
export class ProposalConnectionResolver {
  @ResolveField(() => Int, {
    description: 'Number of proposals matching the filters and search, across all pages.',
  })
  totalCount(@Parent() page: CountedPage): number | Promise<number> {
    return typeof page.totalCount === 'function' ? page.totalCount() : page.totalCount;
  }
}
