import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { ModerationQueueOrder, ReportReason, ReportTargetType } from '../models/moderation.model';

@InputType()
export class ReportContentInput {
  @Field(() => ReportTargetType)
  targetType!: ReportTargetType;

  @Field(() => ID)
  targetId!: string;

  @Field(() => ReportReason)
  reason!: ReportReason;

  @Field(() => String, {
    nullable: true,
    description: 'At most 1000 characters; required for OTHER.',
  })
  details?: string | null;
}

@InputType()
export class ModerationDecisionInput {
  @Field(() => ReportTargetType, { description: 'PROPOSAL or COMMENT for hide and restore.' })
  targetType!: ReportTargetType;

  @Field(() => ID)
  targetId!: string;

  @Field({ description: 'Why (3 to 1000 characters); kept in the audit log.' })
  reason!: string;
}

@ArgsType()
export class ModerationQueueArgs {
  @Field(() => Int, { nullable: true, defaultValue: 20 })
  first?: number | null;

  @Field(() => String, { nullable: true })
  after?: string | null;

  @Field(() => ReportTargetType, { nullable: true })
  targetType?: ReportTargetType | null;

  @Field(() => ReportReason, { nullable: true })
  reason?: ReportReason | null;

  @Field(() => ID, { nullable: true })
  consultationId?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'true: only contributions held by pre-moderation; false: only the others.',
  })
  awaitingReview?: boolean | null;

  @Field(() => ModerationQueueOrder, { nullable: true, defaultValue: 'MOST_REPORTED' })
  orderBy?: ModerationQueueOrder | null;
}

@ArgsType()
export class AuditLogArgs {
  @Field(() => Int, { nullable: true, defaultValue: 50 })
  first?: number | null;

  @Field(() => String, { nullable: true })
  after?: string | null;

  @Field(() => String, { nullable: true })
  action?: string | null;

  @Field(() => ID, { nullable: true })
  actorId?: string | null;

  @Field(() => String, { nullable: true })
  targetType?: string | null;

  @Field(() => ID, { nullable: true })
  targetId?: string | null;
}
