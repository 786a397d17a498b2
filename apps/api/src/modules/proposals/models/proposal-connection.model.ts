import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { PROPOSAL_COUNT_CAP } from '@passerelle/domain';
import { Proposal } from './proposal.model';

@ObjectType()
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

@ObjectType({ description: 'A piece of text; render `isMatch` pieces highlighted (e.g. <mark>).' })
export class HighlightFragment {
  @Field()
  text!: string;

  @Field()
  isMatch!: boolean;
}

@ObjectType({ description: 'Where a search matched, as text fragments (never HTML).' })
export class ProposalSearchHighlight {
  @Field(() => [HighlightFragment])
  title!: HighlightFragment[];

  @Field(() => [HighlightFragment], { description: 'An excerpt of the summary and body.' })
  snippet!: HighlightFragment[];
}

@ObjectType()
export class ProposalEdge {
  @Field({ description: 'Opaque: pass it as `after` to get the next page.' })
  cursor!: string;

  @Field(() => Proposal)
  node!: Proposal;

  @Field(() => ProposalSearchHighlight, {
    nullable: true,
    description: 'Only when the list was searched.',
  })
  highlight?: ProposalSearchHighlight | null;
}

@ObjectType({ description: 'A page of proposals (Relay connection, keyset pagination).' })
export class ProposalConnection {
  @Field(() => [ProposalEdge])
  edges!: ProposalEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, {
    description: `Number of proposals matching the filters and search, across all pages, counted exactly up to ${PROPOSAL_COUNT_CAP}: when more match it is ${PROPOSAL_COUNT_CAP} and \`totalCountCapped\` is true.`,
  })
  totalCount!: number;

  @Field(() => Boolean, {
    description: 'true when more proposals match than totalCount says.',
  })
  totalCountCapped!: boolean;
}

@ObjectType({ description: 'An existing proposal that looks like the one being written.' })
export class SimilarProposal {
  @Field(() => Proposal)
  proposal!: Proposal;

  @Field(() => Float, { description: 'From 0 to 1; higher is more alike.' })
  similarity!: number;
}
