import { Field, ID, InputType } from '@nestjs/graphql';

@InputType({ description: 'A local moderator of a consultation.' })
export class ConsultationModeratorInput {
  @Field(() => ID)
  consultationId!: string;

  @Field(() => ID)
  userId!: string;
}
