import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'A theme of the seeded taxonomy (e.g. transition écologique).' })
export class Theme {
  @Field(() => ID)
  id!: string;

  @Field()
  slug!: string;

  @Field({ description: "The theme's name in the request's language." })
  name!: string;
}
