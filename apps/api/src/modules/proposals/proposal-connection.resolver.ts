import { Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { type CappedCount, PROPOSAL_COUNT_CAP } from '@passerelle/domain';
import { ProposalConnection } from './models/proposal-connection.model';

/** A connection whose count is computed (one COUNT query, once for both fields) only when asked. */
export interface CountedPage {
  count: () => Promise<CappedCount>;
}

@Resolver(() => ProposalConnection)
export class ProposalConnectionResolver {
  @ResolveField(() => Int, {
    description: `Number of proposals matching the filters and search, across all pages, counted exactly up to ${PROPOSAL_COUNT_CAP}: when more match it is ${PROPOSAL_COUNT_CAP} and \`totalCountCapped\` is true.`,
  })
  async totalCount(@Parent() page: CountedPage): Promise<number> {
    return (await page.count()).totalCount;
  }

  @ResolveField(() => Boolean, {
    description: 'true when more proposals match than totalCount says.',
  })
  async totalCountCapped(@Parent() page: CountedPage): Promise<boolean> {
    return (await page.count()).isCapped;
  }
}
