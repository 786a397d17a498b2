import { Field, ID, ObjectType } from '@nestjs/graphql';
import { ActorType } from '../../../common/graphql/enums';
import { Territory } from '../../territories/models/territory.model';

@ObjectType({
  description: 'An association, ESS enterprise, SME, local authority, university or PTCE.',
})
export class Organisation {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => ActorType)
  actorType!: ActorType;

  @Field(() => Territory, { nullable: true })
  territory?: Territory | null;
}
