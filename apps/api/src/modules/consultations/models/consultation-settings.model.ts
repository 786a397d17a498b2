import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { VoteValue } from '@passerelle/domain';

@ObjectType({ description: 'When a proposal counts as supported across colleges.' })
export class CollegeThresholds {
  @Field(() => Float, {
    description: 'Share of FOR among FOR and AGAINST votes a college must reach (0.5 to 1).',
  })
  minForShare!: number;

  @Field(() => Int, { description: 'Colleges that must each reach minForShare (1 to 7).' })
  minColleges!: number;

  @Field(() => Int, { description: 'Votes a college needs before it counts (1 to 10000).' })
  minVotesPerCollege!: number;
}

@ObjectType({ description: "A consultation's settings, with their defaults applied." })
export class ConsultationSettings {
  @Field(() => Int, {
    description: 'Open reports at which a proposal or comment is hidden until a moderator decides.',
  })
  reportThreshold!: number;

  @Field({ description: "Whether a new account's first contribution waits for a moderator." })
  preModeration!: boolean;

  @Field(() => [VoteValue], {
    description: 'The vote choices offered, always with FOR, in the order FOR, AGAINST, NEUTRAL.',
  })
  voteValues!: VoteValue[];

  @Field(() => CollegeThresholds)
  collegeThresholds!: CollegeThresholds;
}
