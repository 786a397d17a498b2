import { Field, ID, InputType } from '@nestjs/graphql';

@InputType()
export class MergeProposalsInput {
  @Field(() => ID, { description: 'The proposal the others are merged into; it keeps its status.' })
  leadProposalId!: string;

  @Field(() => [ID], {
    description: '1 to 20 proposals of the same consultation, without the lead and no repeats.',
  })
  proposalIds!: string[];

  @Field({
    description: 'Why (3 to 1000 characters); shown to the authors and kept in the audit log.',
  })
  reason!: string;
}

@InputType()
export class UndoMergeInput {
  @Field(() => ID)
  clusterId!: string;

  @Field({ description: 'Why (3 to 1000 characters); kept in the audit log.' })
  reason!: string;
}

@InputType()
export class MoveVoteInput {
  @Field(() => ID, { description: 'A merged proposal the signed-in participant voted on.' })
  fromProposalId!: string;

  @Field(() => ID, { description: 'A proposal of the same active cluster (usually its lead).' })
  toProposalId!: string;
}
