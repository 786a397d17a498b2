import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { AmendmentStatus, AmendmentVoteValue } from '../../../common/graphql/enums';

// Shapes only: every input is validated by the domain's schema (libs/domain amendments.ts).

@InputType()
export class ProposeAmendmentInput {
  @Field(() => ID)
  proposalId!: string;

  @Field({ description: 'The whole title as amended (the current one when unchanged).' })
  title!: string;

  @Field()
  summary!: string;

  @Field({ description: 'Markdown.' })
  body!: string;

  @Field({ description: 'Why: 10 to 2,000 characters.' })
  reason!: string;
}

@InputType()
export class VoteOnAmendmentInput {
  @Field(() => ID)
  amendmentId!: string;

  @Field(() => AmendmentVoteValue, {
    nullable: true,
    description: "Null withdraws the viewer's vote.",
  })
  value?: AmendmentVoteValue | null;
}

@InputType()
export class DecideAmendmentInput {
  @Field(() => ID)
  amendmentId!: string;

  @Field(() => Int, {
    description: 'The amendment `version` read; CONFLICT STALE_VERSION otherwise.',
  })
  expectedVersion!: number;

  @Field(() => String, {
    nullable: true,
    description: "Required from a moderator deciding in place of the proposal's author.",
  })
  reason?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "On acceptance: invite the amendment's author to co-author the proposal.",
  })
  inviteAuthorAsCoAuthor?: boolean | null;
}

@InputType()
export class RebaseAmendmentInput {
  @Field(() => ID)
  amendmentId!: string;

  @Field(() => Int)
  expectedVersion!: number;

  @Field()
  title!: string;

  @Field()
  summary!: string;

  @Field({ description: 'Markdown.' })
  body!: string;

  @Field(() => String, { nullable: true, description: 'Null keeps the reason given first.' })
  reason?: string | null;
}

@InputType()
export class WithdrawAmendmentInput {
  @Field(() => ID)
  amendmentId!: string;
}

@ArgsType()
export class ProposalAmendmentsArgs {
  @Field(() => AmendmentStatus, { nullable: true, description: 'Every status when absent.' })
  status?: AmendmentStatus | null;
}
