import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ReportReason, ReportStatus, ReportTargetType } from '@passerelle/domain';
import { Amendment } from '../../amendments/models/amendment.model';
import { Comment } from '../../comments/models/comment.model';
import { PageInfo } from '../../proposals/models/proposal-connection.model';
import { Proposal } from '../../proposals/models/proposal.model';
import { Participant } from '../../users/models/participant.model';
import { ModerationUser } from './moderation-user.model';

registerEnumType(ReportTargetType, { name: 'ReportTargetType' });
registerEnumType(ReportReason, { name: 'ReportReason' });
registerEnumType(ReportStatus, { name: 'ReportStatus' });

export const ModerationQueueOrder = Object.freeze({
  MOST_REPORTED: 'MOST_REPORTED',
  OLDEST: 'OLDEST',
  NEWEST: 'NEWEST',
} as const);
export type ModerationQueueOrder = keyof typeof ModerationQueueOrder;
registerEnumType(ModerationQueueOrder, {
  name: 'ModerationQueueOrder',
  description: 'MOST_REPORTED: most open reports first; OLDEST/NEWEST: by first report.',
});

export { ReportReason, ReportStatus, ReportTargetType };

@ObjectType({ description: "A participant's report of a proposal, a comment or an account." })
export class Report {
  @Field(() => ID)
  id!: string;

  @Field(() => ReportTargetType)
  targetType!: ReportTargetType;

  @Field(() => ID)
  targetId!: string;

  @Field(() => ReportReason)
  reason!: ReportReason;

  @Field(() => String, { nullable: true })
  details!: string | null;

  @Field(() => ReportStatus)
  status!: ReportStatus;

  @Field()
  createdAt!: Date;

  @Field(() => Participant, { description: 'Shown to moderators (and to the reporter).' })
  reporter?: Participant;
}

@ObjectType({ description: 'Reported or hidden content awaiting (or after) a moderator decision.' })
export class ModerationItem {
  @Field(() => ReportTargetType)
  targetType!: ReportTargetType;

  @Field(() => ID)
  targetId!: string;

  @Field(() => Proposal, { nullable: true })
  proposal?: Proposal | null;

  @Field(() => Comment, { nullable: true })
  comment?: Comment | null;

  @Field(() => Participant, { nullable: true })
  user?: Participant | null;

  @Field(() => Amendment, { nullable: true })
  amendment?: Amendment | null;

  @Field()
  isHidden!: boolean;

  @Field({ description: 'Held by pre-moderation: restoring approves it, hiding rejects it.' })
  awaitingReview!: boolean;

  @Field(() => ModerationUser, {
    nullable: true,
    description: 'The author of the proposal, comment or amendment, or the reported account.',
  })
  author?: ModerationUser | null;

  @Field(() => Int)
  openReportsCount!: number;

  @Field(() => [Report], { description: 'Every report of the target, oldest first.' })
  reports?: Report[];

  @Field(() => Date, { nullable: true })
  firstReportedAt?: Date | null;

  @Field(() => Date, { nullable: true })
  lastReportedAt?: Date | null;
}

@ObjectType()
export class ModerationItemEdge {
  @Field()
  cursor!: string;

  @Field(() => ModerationItem)
  node!: ModerationItem;
}

@ObjectType()
export class ModerationItemConnection {
  @Field(() => [ModerationItemEdge])
  edges!: ModerationItemEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int)
  totalCount!: number;
}

@ObjectType({ description: 'One append-only record of a moderation or administration action.' })
export class AuditLogEntry {
  @Field(() => ID)
  id!: string;

  @Field(() => Participant, { nullable: true, description: 'Null for the platform itself.' })
  actor?: Participant | null;

  @Field()
  action!: string;

  @Field()
  targetType!: string;

  @Field(() => ID)
  targetId!: string;

  @Field(() => String, { nullable: true })
  reason!: string | null;

  @Field({ description: 'JSON object with details of the action.' })
  metadata!: string;

  @Field()
  createdAt!: Date;
}

@ObjectType()
export class AuditLogEntryEdge {
  @Field()
  cursor!: string;

  @Field(() => AuditLogEntry)
  node!: AuditLogEntry;
}

@ObjectType()
export class AuditLogEntryConnection {
  @Field(() => [AuditLogEntryEdge])
  edges!: AuditLogEntryEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int)
  totalCount!: number;
}
