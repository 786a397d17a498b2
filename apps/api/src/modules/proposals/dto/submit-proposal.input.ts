import { Field, ID, InputType } from '@nestjs/graphql';
import { CompetentLevel, Lever } from '../../../common/graphql/enums';

/** Validated by the domain's submitProposalInputSchema (see PROPOSAL_LIMITS for the lengths). */
@InputType()
export class SubmitProposalInput {
  @Field(() => ID)
  consultationId!: string;

  @Field({ description: '10 to 140 characters.' })
  title!: string;

  @Field({ description: '20 to 500 characters.' })
  summary!: string;

  @Field({ description: 'Markdown, 50 to 20,000 characters.' })
  body!: string;

  @Field(() => [ID], { description: '1 to 3 distinct themes.' })
  themeIds!: string[];

  @Field(() => ID)
  territoryId!: string;

  @Field(() => CompetentLevel)
  competentLevel!: CompetentLevel;

  @Field(() => Lever)
  lever!: Lever;

  @Field(() => String, { nullable: true, description: 'Up to 2,000 characters.' })
  experiment?: string | null;

  @Field(() => String, { nullable: true, description: 'Up to 2,000 characters.' })
  measuredImpact?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Post on behalf of an organisation you are a member of.',
  })
  organisationId?: string | null;

  @Field(() => [ID], {
    nullable: true,
    description:
      'Registry experiments cited as evidence, in this order: up to 5 distinct existing ones (EXPERIMENT_NOT_FOUND otherwise). On an edit, null or absent leaves the citations unchanged and a list replaces them.',
  })
  experimentIds?: string[] | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'Saved as a DRAFT, read only by its author and the people they invite to co-write it, published later with publishProposal. Absent or false: published now.',
  })
  asDraft?: boolean | null;
}
