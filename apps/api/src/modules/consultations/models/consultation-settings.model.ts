import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: "A consultation's moderation settings, with their defaults applied." })
export class ConsultationSettings {
  @Field(() => Int, {
    description: 'Open reports at which a proposal or comment is hidden until a moderator decides.',
  })
  reportThreshold!: number;

  @Field({ description: "Whether a new account's first contribution waits for a moderator." })
  preModeration!: boolean;
}
