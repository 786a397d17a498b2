import { Field, Float, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ActorType as ActorTypeValues, VoteValue } from '@passerelle/domain';
import { ActorType } from '../../../common/graphql/enums';
import { CollegeThresholds } from '../../consultations/models/consultation-settings.model';
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

  @Field(() => Float, { description: "Share of FOR among the collège's votes, 0 to 1." })
  forShareOfTotal!: number;

  @Field(() => Float, { description: "Share of AGAINST among the collège's votes, 0 to 1." })
  againstShareOfTotal!: number;

  @Field(() => Float, { description: "Share of NEUTRAL among the collège's votes, 0 to 1." })
  neutralShareOfTotal!: number;

  @Field(() => Float, {
    description:
      'FOR / (FOR + AGAINST), 0 to 1 (0 without FOR or AGAINST): the share the collège thresholds look at.',
  })
  forShare!: number;
}

@ObjectType({
  description:
    "Whether a proposal is supported across collèges under its consultation's collège thresholds.",
})
export class SupportBreadth {
  @Field({ description: 'At least minColleges collèges qualify (same as Proposal.broadSupport).' })
  isBroad!: boolean;

  @Field(() => [ActorType], {
    description:
      'The collèges with at least minVotesPerCollege votes and a forShare of at least minForShare, in ActorType order.',
  })
  qualifyingColleges!: ActorType[];

  @Field(() => CollegeThresholds, {
    description: "The consultation's thresholds, defaults applied.",
  })
  thresholds!: CollegeThresholds;
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
