import { Field, ID, ObjectType } from '@nestjs/graphql';
import { ActorType } from '../../../common/graphql/enums';
import { Territory } from '../../territories/models/territory.model';
import { MembershipRole } from './membership-role.enum';
import { OrganisationMember } from './organisation-member.model';

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

  @Field(() => String, { nullable: true, description: '14 digits, without spaces.' })
  siret?: string | null;

  @Field(() => [OrganisationMember], { description: 'Managers first, then by date joined.' })
  members?: OrganisationMember[];

  @Field(() => MembershipRole, {
    nullable: true,
    description: "The viewer's role; null when anonymous or not a member.",
  })
  myRole?: MembershipRole | null;
}
