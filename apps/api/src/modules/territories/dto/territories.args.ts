import { ArgsType, Field, Int } from '@nestjs/graphql';
import { TerritoryLevel } from '../../../common/graphql/enums';

export const TERRITORIES_PAGE_MAX = 20;

@ArgsType()
export class TerritoriesArgs {
  @Field({ description: 'Part of a name (accents and case ignored) or an exact official code.' })
  search!: string;

  @Field(() => [TerritoryLevel], {
    nullable: true,
    description: 'Only these levels (default: all, communes first).',
  })
  levels?: TerritoryLevel[] | null;

  @Field(() => Int, {
    nullable: true,
    defaultValue: 10,
    description: `1 to ${TERRITORIES_PAGE_MAX}.`,
  })
  first?: number | null;
}
