import { ArgsType, Field, Int } from '@nestjs/graphql';

@ArgsType()
export class MyNotificationsArgs {
  @Field(() => Int, { nullable: true, defaultValue: 20 })
  first?: number | null;

  @Field(() => String, { nullable: true })
  after?: string | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false })
  unreadOnly?: boolean | null;
}
