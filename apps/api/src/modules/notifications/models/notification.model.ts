import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { AmendmentStatus, NotificationKind, ProposalStatus } from '@passerelle/domain';
import '../../../common/graphql/enums';
import { PageInfo } from '../../proposals/models/proposal-connection.model';
import { Proposal } from '../../proposals/models/proposal.model';

registerEnumType(NotificationKind, {
  name: 'NotificationKind',
  description: 'What happened to the reader’s content, account or proposal.',
});

export { NotificationKind };

@ObjectType({ description: 'An in-app notice to the signed-in account.' })
export class Notification {
  @Field(() => ID)
  id!: string;

  @Field(() => NotificationKind)
  kind!: NotificationKind;

  @Field()
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  readAt!: Date | null;

  @Field()
  isRead?: boolean;

  @Field(() => String, {
    nullable: true,
    description: "The moderator's reason, or an excerpt of the official answer.",
  })
  reason?: string | null;

  @Field(() => Proposal, {
    nullable: true,
    description: 'The proposal concerned; null when the reader may no longer see it.',
  })
  proposal?: Proposal | null;

  @Field(() => ID, { nullable: true })
  commentId?: string | null;

  @Field(() => ID, { nullable: true })
  clusterId?: string | null;

  @Field(() => String, { nullable: true, description: 'Title of the content as it was.' })
  title?: string | null;

  @Field(() => Date, { nullable: true, description: 'End of a suspension, when it has one.' })
  suspendedUntil?: Date | null;

  @Field(() => String, {
    nullable: true,
    description: 'COMMENT_REPLY, PROPOSAL_COMMENTED: the display name of who commented.',
  })
  authorName?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'COMMENT_REPLY, PROPOSAL_COMMENTED: the start of the comment, as it was.',
  })
  excerpt?: string | null;

  @Field(() => ProposalStatus, {
    nullable: true,
    description: 'PROPOSAL_STATUS_CHANGED, PROPOSAL_ANSWERED: the status the proposal moved to.',
  })
  status?: ProposalStatus | null;

  @Field(() => ID, { nullable: true, description: 'AMENDMENT_*: the amendment it is about.' })
  amendmentId?: string | null;

  @Field(() => AmendmentStatus, {
    nullable: true,
    description: 'AMENDMENT_DECIDED: ACCEPTED or REJECTED.',
  })
  decision?: AmendmentStatus | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'COAUTHOR_ANSWERED: whether the invitation was accepted.',
  })
  accepted?: boolean | null;

  @Field(() => Int, { nullable: true, description: 'AMENDMENT_VOTED: votes for, when last told.' })
  votesFor?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'AMENDMENT_VOTED: votes against, when last told.',
  })
  votesAgainst?: number | null;
}

@ObjectType()
export class NotificationEdge {
  @Field()
  cursor!: string;

  @Field(() => Notification)
  node!: Notification;
}

@ObjectType()
export class NotificationConnection {
  @Field(() => [NotificationEdge])
  edges!: NotificationEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'All matching notifications (unread only when asked).' })
  totalCount!: number;

  @Field(() => Int, { description: 'Unread notifications of the account, whatever the filter.' })
  unreadCount!: number;
}
