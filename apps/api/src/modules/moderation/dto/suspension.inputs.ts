import { Field, ID, InputType, Int } from '@nestjs/graphql';

@InputType()
export class SuspendUserInput {
  @Field(() => ID)
  userId!: string;

  @Field({
    description: 'Why (3 to 1000 characters); told to the account and kept in the audit log.',
  })
  reason!: string;

  @Field(() => Int, {
    nullable: true,
    description: 'Length in days (1 to 3650); null or absent: until a moderator reinstates it.',
  })
  durationDays?: number | null;
}

@InputType()
export class ReinstateUserInput {
  @Field(() => ID)
  userId!: string;

  @Field({
    description: 'Why (3 to 1000 characters); told to the account and kept in the audit log.',
  })
  reason!: string;
}
