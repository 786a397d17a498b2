import { Field, ID, ObjectType } from '@nestjs/graphql';
import { TerritoryLevel } from '../../../common/graphql/enums';

@ObjectType({ description: 'A French région, département or commune, by official code.' })
export class Territory {
  @Field(() => ID, { description: 'LEVEL-CODE, e.g. COMMUNE-75056, DEPARTEMENT-2A, REGION-11.' })
  id!: string;

  @Field(() => TerritoryLevel)
  level!: TerritoryLevel;

  @Field({ description: 'Official INSEE code at its level.' })
  code!: string;

  @Field()
  name!: string;

  @Field(() => Territory, { nullable: true, description: 'The enclosing département or région.' })
  parent?: Territory | null;
}
