import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Proposal } from '../../proposals/models/proposal.model';

@ObjectType({
  description:
    'Support across the proposals of a cluster, each participant counted once (their most recently changed vote).',
})
export class CombinedSupport {
  @Field(() => Int, { description: 'Distinct participants who voted on any member.' })
  participants!: number;

  @Field(() => Int)
  votesFor!: number;

  @Field(() => Int)
  votesAgainst!: number;

  @Field(() => Int)
  votesNeutral!: number;

  @Field(() => Int, {
    description: 'The plain sum of the members’ votes: what double counting would give.',
  })
  sumOfVotes!: number;
}

@ObjectType({ description: 'Duplicate proposals merged into a lead proposal by a moderator.' })
export class ProposalCluster {
  @Field(() => ID)
  id!: string;

  @Field(() => Proposal)
  lead?: Proposal;

  @Field(() => [Proposal], { description: 'The lead first, then the others by creation date.' })
  members?: Proposal[];

  @Field()
  reason!: string;

  @Field()
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  undoneAt!: Date | null;

  @Field()
  isActive?: boolean;

  @Field(() => CombinedSupport)
  combinedSupport?: CombinedSupport;
}
