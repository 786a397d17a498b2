import { Field, ObjectType } from '@nestjs/graphql';
import { CoAuthorStatus } from '../../../common/graphql/enums';
import { Participant } from '../../users/models/participant.model';

@ObjectType({
  description:
    'An invitation to co-author a proposal, as its author sees it: pending (INVITED) or DECLINED.',
})
export class CoAuthorInvitation {
  @Field(() => Participant)
  participant?: Participant;

  @Field(() => CoAuthorStatus)
  status!: CoAuthorStatus;

  @Field()
  invitedAt!: Date;

  @Field(() => Date, { nullable: true })
  answeredAt!: Date | null;
}
