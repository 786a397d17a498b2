import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Proposal } from './proposal.model';

@ObjectType()
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

@ObjectType()
export class ProposalEdge {
  @Field({ description: 'Opaque: pass it as `after` to get the next page.' })
  cursor!: string;

  @Field(() => Proposal)
  node!: Proposal;
}

@ObjectType({ description: 'A page of proposals (Relay connection, keyset pagination).' })
export class ProposalConnection {
  @Field(() => [ProposalEdge])
  edges!: ProposalEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'Number of proposals matching the filters, across all pages.' })
  totalCount!: number;
}
