import { Field, ID, InputType } from '@nestjs/graphql';

/** Validated by the domain's inviteCoAuthorInputSchema. */
@InputType()
export class InviteCoAuthorInput {
  @Field(() => ID)
  proposalId!: string;

  @Field(() => ID, { description: 'An existing, active account (not the author).' })
  userId!: string;
}

/** Validated by the domain's answerCoAuthorInvitationInputSchema. */
@InputType()
export class AnswerCoAuthorInvitationInput {
  @Field(() => ID)
  proposalId!: string;

  @Field({ description: 'True accepts (the viewer becomes a co-author), false declines.' })
  accept!: boolean;
}

/** Validated by the domain's removeCoAuthorInputSchema. */
@InputType()
export class RemoveCoAuthorInput {
  @Field(() => ID)
  proposalId!: string;

  @Field(() => ID, {
    description:
      'The co-author or invitee to remove (the author removes anyone; a co-author only themself).',
  })
  userId!: string;
}
