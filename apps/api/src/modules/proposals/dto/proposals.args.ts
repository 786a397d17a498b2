import { ArgsType, Field, ID, InputType, Int, registerEnumType } from '@nestjs/graphql';
import { ActorType, ProposalStatus } from '../../../common/graphql/enums';
import { ProposalOrderBy } from '../proposal-cursor';

registerEnumType(ProposalOrderBy, {
  name: 'ProposalOrderBy',
  description:
    'Sort keys of proposal lists. RELEVANCE needs `search`: proposals whose title or summary match the whole search come first, ranked (title over summary); those matching only in their body follow, newest first.',
});

export const PROPOSALS_PAGE_MAX = 50;
export const PROPOSALS_PAGE_DEFAULT = 20;
export const SEARCH_MAX_LENGTH = 200;
export const THEME_SLUGS_MAX = 20;

@InputType({
  description: 'Every given criterion must hold; list criteria match any of their values.',
})
export class ProposalFilter {
  @Field(() => ID, { nullable: true })
  consultationId?: string | null;

  @Field(() => [String], { nullable: true, description: 'Proposals with any of these themes.' })
  themeSlugs?: string[] | null;

  @Field(() => ID, {
    nullable: true,
    description: 'A région or département includes its départements and communes.',
  })
  territoryId?: string | null;

  @Field(() => [ProposalStatus], {
    nullable: true,
    description:
      'Public statuses only; default: all public statuses except MERGED (a merged proposal is listed through its cluster).',
  })
  statuses?: ProposalStatus[] | null;

  @Field(() => [ActorType], { nullable: true, description: "The author's collège." })
  authorActorTypes?: ActorType[] | null;

  @Field(() => ID, { nullable: true })
  organisationId?: string | null;

  @Field(() => ID, { nullable: true })
  authorId?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      "true: only proposals meeting their consultation's collège thresholds (Proposal.broadSupport); false: only those that do not; null: both.",
  })
  broadSupport?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'true: only proposals citing at least one registry experiment with measurements (Experiment.measurementsCount > 0); false: only the others; null: both.',
  })
  groundedInMeasuredExperiment?: boolean | null;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, {
    nullable: true,
    defaultValue: PROPOSALS_PAGE_DEFAULT,
    description: `Page size, 1 to ${PROPOSALS_PAGE_MAX}.`,
  })
  first?: number | null;

  @Field(() => String, { nullable: true, description: '`endCursor` of the previous page.' })
  after?: string | null;
}

@ArgsType()
export class ProposalsArgs extends PageArgs {
  @Field(() => ProposalFilter, { nullable: true })
  filter?: ProposalFilter | null;

  @Field(() => ProposalOrderBy, { nullable: true, defaultValue: ProposalOrderBy.NEWEST })
  orderBy?: ProposalOrderBy | null;

  @Field(() => String, {
    nullable: true,
    description: `French full-text search (accents ignored, stemming; up to ${SEARCH_MAX_LENGTH} characters). Edges then carry highlights.`,
  })
  search?: string | null;
}

@ArgsType()
export class SimilarProposalsArgs {
  @Field({ description: 'The title being typed; shorter than 3 words or 10 characters → [].' })
  title!: string;

  @Field(() => ID, { nullable: true })
  consultationId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The proposal being edited.' })
  excludeId?: string | null;

  @Field(() => Int, { nullable: true, defaultValue: 5, description: '1 to 10.' })
  first?: number | null;
}
