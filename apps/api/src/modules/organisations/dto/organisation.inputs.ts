import { Field, ID, InputType } from '@nestjs/graphql';
import { ActorType } from '../../../common/graphql/enums';
import { MembershipRole } from '../models/membership-role.enum';

@InputType()
export class CreateOrganisationInput {
  @Field()
  name!: string;

  @Field(() => ActorType)
  actorType!: ActorType;

  @Field(() => String, {
    nullable: true,
    description: '14 digits with a valid Luhn key; spaces are allowed.',
  })
  siret?: string | null;

  @Field(() => ID)
  territoryId!: string;
}

@InputType()
export class InviteOrganisationMemberInput {
  @Field(() => ID)
  organisationId!: string;

  @Field({ description: 'The e-mail address of an existing account.' })
  email!: string;

  @Field(() => MembershipRole, { defaultValue: MembershipRole.MEMBER })
  role?: MembershipRole;
}

@InputType()
export class RespondToOrganisationInvitationInput {
  @Field(() => ID)
  invitationId!: string;

  @Field()
  accept!: boolean;
}

@InputType()
export class RemoveOrganisationMemberInput {
  @Field(() => ID)
  organisationId!: string;

  @Field(() => ID)
  userId!: string;
}
