import { ArgsType, Field, ID, Int, registerEnumType } from '@nestjs/graphql';

export const ProposalOrder = { NEWEST: 'NEWEST', OLDEST: 'OLDEST' } as const;
export type ProposalOrder = (typeof ProposalOrder)[keyof typeof ProposalOrder];
registerEnumType(ProposalOrder, { name: 'ProposalOrder' });

export const PROPOSALS_PAGE_MAX = 50;
export const PROPOSALS_PAGE_DEFAULT = 20;

@ArgsType()
export class ProposalsArgs {
  @Field(() => Int, {
    nullable: true,
    defaultValue: PROPOSALS_PAGE_DEFAULT,
    description: `Page size, 1 to ${PROPOSALS_PAGE_MAX}.`,
  })
  first?: number | null;

  @Field(() => String, { nullable: true, description: '`endCursor` of the previous page.' })
  after?: string | null;

  @Field(() => ID, { nullable: true })
  consultationId?: string | null;

  @Field(() => String, { nullable: true })
  themeSlug?: string | null;

  @Field(() => ProposalOrder, { nullable: true, defaultValue: ProposalOrder.NEWEST })
  order?: ProposalOrder | null;
}
