import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Participant } from '../../users/models/participant.model';
import { MembershipRole } from './membership-role.enum';
import { Organisation } from './organisation.model';

@ObjectType({ description: 'An invitation to join an organisation, sent to an existing account.' })
export class OrganisationInvitation {
  @Field(() => ID)
  id!: string;

  @Field(() => Organisation)
  organisation?: Organisation;

  @Field(() => Participant)
  invitee?: Participant;

  @Field(() => Participant)
  invitedBy?: Participant;

  @Field(() => MembershipRole)
  role!: MembershipRole;

  @Field(() => Date)
  createdAt!: Date;

  @Field({ description: 'PENDING, ACCEPTED, DECLINED or REVOKED.' })
  status?: string;
}
