import { ArgsType, Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { AuthEventKind } from '../../../generated/prisma/client';
import { PageInfo } from '../../proposals/models/proposal-connection.model';
import { Participant } from '../../users/models/participant.model';

registerEnumType(AuthEventKind, {
  name: 'AuthEventKind',
  description: 'What happened to an account: sign-ins and their failures, sign-outs, role changes…',
});

@ObjectType({
  description:
    'One authentication event (administrators only). Never holds a password, a token or a typed e-mail address.',
})
export class AuthEvent {
  @Field(() => ID)
  id!: string;

  @Field(() => AuthEventKind)
  kind!: AuthEventKind;

  @Field(() => ID, {
    nullable: true,
    description:
      'The account concerned; null when unknown (e.g. a failed sign-in on an unknown address).',
  })
  userId!: string | null;

  @Field(() => Participant, { nullable: true, description: 'The account concerned.' })
  user?: Participant | null;

  @Field(() => Participant, {
    nullable: true,
    description: 'Who acted when it was not the account itself (an administrator changing a role).',
  })
  actor?: Participant | null;

  @Field(() => String, { nullable: true })
  ip!: string | null;

  @Field(() => String, { nullable: true })
  userAgent!: string | null;

  @Field({
    description:
      'JSON object of facts, e.g. {"reason":"WRONG_PASSWORD"} or {"from":"PARTICIPANT","to":"MODERATOR"}.',
  })
  detail!: string;

  @Field()
  createdAt!: Date;
}

@ObjectType()
export class AuthEventEdge {
  @Field()
  cursor!: string;

  @Field(() => AuthEvent)
  node!: AuthEvent;
}

@ObjectType()
export class AuthEventConnection {
  @Field(() => [AuthEventEdge])
  edges!: AuthEventEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int)
  totalCount!: number;
}

@ArgsType()
export class AuthEventsArgs {
  @Field(() => ID, { nullable: true, description: 'Only the events of this account.' })
  userId?: string | null;

  @Field(() => [AuthEventKind], { nullable: true, description: 'Only these kinds.' })
  kinds?: AuthEventKind[] | null;

  @Field(() => Int, { nullable: true, defaultValue: 50 })
  first?: number | null;

  @Field(() => String, { nullable: true })
  after?: string | null;
}
