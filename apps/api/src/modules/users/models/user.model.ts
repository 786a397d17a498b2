import { Field, ID, ObjectType } from '@nestjs/graphql';
import { ActorType, Role } from '../../../common/graphql/enums';
import { Organisation } from '../../organisations/models/organisation.model';
import { Territory } from '../../territories/models/territory.model';

@ObjectType({ description: 'The signed-in account (only returned by `me` and AuthPayload).' })
export class User {
  @Field(() => ID)
  id!: string;

  @Field()
  email!: string;

  @Field()
  displayName!: string;

  @Field(() => Role)
  role!: Role;

  @Field(() => ActorType)
  actorType!: ActorType;

  @Field(() => Territory, { nullable: true })
  territory?: Territory | null;

  @Field(() => [Organisation])
  organisations?: Organisation[];
}
