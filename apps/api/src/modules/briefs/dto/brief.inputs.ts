import { Field, ID, InputType, Int } from '@nestjs/graphql';
@InputType({
  description:
    'Exactly one of proposalId / commentId. quote: 1 to 1000 characters, word for word in the source (proposal: title, summary or body; comment: body).',
})
export class CitationInput {
  @Field(() => ID, { nullable: true })
  proposalId?: string | null;

  @Field(() => ID, { nullable: true })
  commentId?: string | null;

  @Field(() => String, { nullable: true })
  quote?: string | null;
}

@InputType()
export class BriefSectionInput {
  @Field({ description: '1 to 200 characters.' })
  title!: string;

  @Field({ description: 'Markdown, up to 20000 characters.' })
  synthesis!: string;

  @Field(() => String, { nullable: true, description: 'Up to 5000 characters.' })
  dissentNote?: string | null;

  @Field(() => [CitationInput], { description: 'Up to 100, in order.' })
  citations!: CitationInput[];
}

@InputType()
export class CreateBriefInput {
  @Field({ description: '5 to 200 characters.' })
  title!: string;

  @Field({
    description:
      'Lower-case letters, digits and dashes (like consultation slugs); unique (CONFLICT / BRIEF_SLUG_TAKEN).',
  })
  slug!: string;

  @Field(() => [ID], { description: '1 to 10 consultations the brief draws on.' })
  consultationIds!: string[];

  @Field(() => String, { nullable: true, description: 'Markdown, up to 20000 characters.' })
  introduction?: string | null;
}

@InputType({
  description: 'Absent or null fields keep their value; sections replaces every section.',
})
export class UpdateBriefInput {
  @Field(() => ID)
  briefId!: string;

  @Field(() => Int, {
    description: 'The revision the edit started from (CONFLICT / BRIEF_STALE otherwise).',
  })
  expectedRevision!: number;

  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => String, { nullable: true })
  introduction?: string | null;

  @Field(() => [ID], { nullable: true })
  consultationIds?: string[] | null;

  @Field(() => [BriefSectionInput], {
    nullable: true,
    description: 'Up to 30; replaces every section, in array order.',
  })
  sections?: BriefSectionInput[] | null;
}

@InputType()
export class BriefTransitionInput {
  @Field(() => ID)
  briefId!: string;

  @Field(() => Int)
  expectedRevision!: number;
}
