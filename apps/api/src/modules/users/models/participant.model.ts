import { Field, ID, ObjectType } from '@nestjs/graphql';
import { ActorType } from '../../../common/graphql/enums';
import { Territory } from '../../territories/models/territory.model';

@ObjectType({ description: 'The public view of an account: no e-mail, no role.' })
export class Participant {
  @Field(() => ID)
  id!: string;

  @Field()
  displayName!: string;

  @Field(() => ActorType)
  actorType!: ActorType;

  @Field(() => Territory, { nullable: true })
  territory?: Territory | null;
}
