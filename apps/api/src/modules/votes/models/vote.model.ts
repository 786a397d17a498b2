import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ActorType as ActorTypeValues, VoteValue } from '@passerelle/domain';
import { ActorType } from '../../../common/graphql/enums';
import { PageInfo } from '../../proposals/models/proposal-connection.model';
import { Proposal } from '../../proposals/models/proposal.model';

registerEnumType(VoteValue, { name: 'VoteValue' });
export { ActorTypeValues, VoteValue };

@ObjectType({ description: 'The votes of one collège (actor type) on a proposal.' })
export class CollegeVotes {
  @Field(() => ActorType)
  actorType!: ActorType;

  @Field(() => Int)
  votesFor!: number;

  @Field(() => Int)
  votesAgainst!: number;

  @Field(() => Int)
  votesNeutral!: number;

  @Field(() => Int)
  total!: number;
}

@ObjectType({ description: "One of the signed-in participant's votes." })
export class Vote {
  @Field(() => Proposal)
  proposal?: Proposal;

  @Field(() => VoteValue)
  value!: VoteValue;

  @Field()
  updatedAt!: Date;
}

@ObjectType()
export class VoteEdge {
  @Field()
  cursor!: string;

  @Field(() => Vote)
  node!: Vote;
}

@ObjectType({ description: 'A page of votes, newest first.' })
export class VoteConnection {
  @Field(() => [VoteEdge])
  edges!: VoteEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int)
  totalCount!: number;
}
