import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ActorType, Role } from '../../../common/graphql/enums';

@ObjectType({ description: 'What moderators know of an author before deciding.' })
export class AuthorHistory {
  @Field(() => Int, { description: 'Proposals written, any status.' })
  proposalsCount!: number;

  @Field(() => Int, { description: 'Comments written and not deleted.' })
  commentsCount!: number;

  @Field(() => Int, {
    description: 'Proposals, comments and amendments hidden (not those awaiting review).',
  })
  hiddenContentCount!: number;

  @Field(() => Int, {
    description: 'Reports, any status, against their proposals, comments, amendments or account.',
  })
  reportsAgainstCount!: number;

  @Field(() => Int, { description: 'Times the account was suspended.' })
  suspensionsCount!: number;

  @Field()
  memberSince!: Date;
}

@ObjectType({ description: "A moderator's view of an account: role, suspension and history." })
export class ModerationUser {
  @Field(() => ID)
  id!: string;

  @Field()
  displayName!: string;

  @Field(() => ActorType)
  actorType!: ActorType;

  @Field(() => Role)
  role!: Role;

  @Field()
  createdAt!: Date;

  @Field(() => Date, { nullable: true, description: 'Null when not suspended or indefinite.' })
  suspendedUntil?: Date | null;

  @Field()
  isSuspended?: boolean;

  @Field(() => String, { nullable: true })
  suspensionReason?: string | null;

  @Field(() => AuthorHistory)
  history?: AuthorHistory;
}
