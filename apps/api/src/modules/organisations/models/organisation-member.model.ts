import { Field, ObjectType } from '@nestjs/graphql';
import { Participant } from '../../users/models/participant.model';
import { MembershipRole } from './membership-role.enum';

@ObjectType()
export class OrganisationMember {
  @Field(() => Participant)
  user?: Participant;

  @Field(() => MembershipRole)
  role!: MembershipRole;

  @Field(() => Date)
  joinedAt!: Date;
}
