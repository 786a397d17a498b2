import { Field, ID, InputType } from '@nestjs/graphql';
import { VoteValue } from '../models/vote.model';

@InputType()
export class CastVoteInput {
  @Field(() => ID)
  proposalId!: string;

  @Field(() => VoteValue)
  value!: VoteValue;
}
