import { Field, ID, InputType, Int, OmitType } from '@nestjs/graphql';
import { SubmitProposalInput } from './submit-proposal.input';

/**
 * The fields of SubmitProposalInput but the consultation and organisation, which never change
 * (nor whether it is a draft: publishProposal publishes one);
 * validated by the domain's updateProposalInputSchema (same limits). Themes are replaced.
 */
@InputType()
export class UpdateProposalInput extends OmitType(
  SubmitProposalInput,
  ['consultationId', 'organisationId', 'asDraft'] as const,
  InputType,
) {
  @Field(() => ID)
  proposalId!: string;

  @Field(() => Int, { description: 'The `version` the edit was made on; CONFLICT otherwise.' })
  expectedVersion!: number;
}

@InputType()
export class PublishProposalInput {
  @Field(() => ID)
  proposalId!: string;
}

@InputType()
export class WithdrawProposalInput {
  @Field(() => ID)
  proposalId!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Up to 1,000 characters, shown in the history.',
  })
  reason?: string | null;
}
