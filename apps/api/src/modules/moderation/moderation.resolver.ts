import {
  Args,
  Mutation,
  Parent,
  Query,
  ResolveField,
  Resolver,
  Subscription,
} from '@nestjs/graphql';
import { type Actor, can, type Language } from '@passerelle/domain';
import { CurrentUser } from '../../common/auth/auth.decorators';
import { type LoaderRegistry } from '../../common/dataloader/loader-registry';
import { Lang, Loaders } from '../../common/graphql/graphql-context';
import { PrismaService } from '../../common/prisma/prisma.service';
import { eachEvent } from '../../common/realtime/live-events';
import { byKey } from '../../common/dataloader/loader-registry';
import {
  Amendment,
  type AmendmentRecord,
  amendmentView,
} from '../amendments/models/amendment.model';
import { type AuditLogRecord } from '../audit/audit.repository';
import { Comment } from '../comments/models/comment.model';
import { Proposal } from '../proposals/models/proposal.model';
import { Participant } from '../users/models/participant.model';
import { UsersLoaders } from '../users/users.loaders';
import { type UserRecord } from '../users/users.repository';
import { type Page } from '../votes/page';
import {
  AuditLogArgs,
  ModerationDecisionInput,
  ModerationQueueArgs,
  ReportContentInput,
} from './dto/moderation.inputs';
import {
  AuditLogEntry,
  AuditLogEntryConnection,
  ModerationItem,
  ModerationItemConnection,
  Report,
} from './models/moderation.model';
import { ModerationQueueEvent } from './models/moderation-queue-event.model';
import { ModerationUser } from './models/moderation-user.model';
import { type QueueRow, ModerationRepository, type ReportRecord } from './moderation.repository';
import { ModerationService } from './moderation.service';
import {
  type Comment as CommentRow,
  type Proposal as ProposalRow,
} from '../../generated/prisma/client';

@Resolver(() => ModerationItem)
export class ModerationResolver {
  constructor(
    private readonly service: ModerationService,
    private readonly repository: ModerationRepository,
    private readonly prisma: PrismaService,
    private readonly users: UsersLoaders,
  ) {}

  @Subscription(() => ModerationQueueEvent, {
    description:
      'Moderators and administrators (local moderators: counted over their consultations): the moderation queue changed (report filed, decision taken, item queued by pre-moderation).',
    resolve: eachEvent,
  })
  moderationQueueChanged(
    @CurrentUser() actor: Actor,
    @Lang() lang: Language,
  ): Promise<AsyncIterableIterator<ModerationQueueEvent>> {
    return this.service.queueChanges(actor, lang);
  }

  @Mutation(() => Report, {
    description:
      'Reports a proposal, a comment or an account (not one’s own); CONFLICT / ALREADY_REPORTED while an earlier report is open.',
  })
  reportContent(
    @Args('input', { type: () => ReportContentInput }) input: ReportContentInput,
    @CurrentUser() actor: Actor,
    @Lang() lang: Language,
  ): Promise<ReportRecord> {
    return this.service.report(actor, input, lang);
  }

  @Mutation(() => ModerationItem, {
    description:
      'Moderators (local moderators: in their consultations) hide a proposal or comment; its open reports are actioned.',
  })
  hideContent(
    @Args('input', { type: () => ModerationDecisionInput }) input: ModerationDecisionInput,
    @CurrentUser() actor: Actor,
    @Lang() lang: Language,
  ): Promise<QueueRow> {
    return this.service.decide('HIDE', actor, input, lang);
  }

  @Mutation(() => ModerationItem, {
    description: 'Moderators make hidden content visible again; its open reports are dismissed.',
  })
  restoreContent(
    @Args('input', { type: () => ModerationDecisionInput }) input: ModerationDecisionInput,
    @CurrentUser() actor: Actor,
    @Lang() lang: Language,
  ): Promise<QueueRow> {
    return this.service.decide('RESTORE', actor, input, lang);
  }

  @Mutation(() => ModerationItem, {
    description:
      'Moderators close the open reports of a target; the content stays (or returns) visible.',
  })
  dismissReports(
    @Args('input', { type: () => ModerationDecisionInput }) input: ModerationDecisionInput,
    @CurrentUser() actor: Actor,
    @Lang() lang: Language,
  ): Promise<QueueRow> {
    return this.service.decide('DISMISS_REPORTS', actor, input, lang);
  }

  @Query(() => ModerationItemConnection, {
    description:
      "Moderators and administrators: content with open reports, or hidden. A consultation's local moderators see only its proposals and comments.",
  })
  moderationQueue(
    @Args() args: ModerationQueueArgs,
    @CurrentUser() actor: Actor,
    @Lang() lang: Language,
  ): Promise<Page<QueueRow>> {
    return this.service.queue(actor, args, lang);
  }

  @Query(() => AuditLogEntryConnection, {
    description: 'Moderators and administrators: the append-only audit log, newest first.',
  })
  auditLog(
    @Args() args: AuditLogArgs,
    @CurrentUser() actor: Actor,
    @Lang() lang: Language,
  ): Promise<Page<AuditLogRecord>> {
    return this.service.auditLog(actor, args, lang);
  }

  @ResolveField(() => Proposal, { nullable: true })
  proposal(
    @Parent() item: QueueRow,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<ProposalRow | null> | null {
    if (item.targetType !== 'PROPOSAL') return null;
    return loaders
      .get('moderation.proposals', async (ids: readonly string[]) =>
        byKey(
          ids,
          await this.prisma.proposal.findMany({ where: { id: { in: [...ids] } } }),
          (row) => row.id,
        ),
      )
      .load(item.targetId);
  }

  @ResolveField(() => Comment, { nullable: true })
  async comment(
    @Parent() item: QueueRow,
    @CurrentUser() actor: Actor,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<CommentRow | null> {
    if (item.targetType !== 'COMMENT') return null;
    const row = await loaders
      .get('moderation.comments', async (ids: readonly string[]) =>
        byKey(
          ids,
          await this.prisma.comment.findMany({ where: { id: { in: [...ids] } } }),
          (found) => found.id,
        ),
      )
      .load(item.targetId);
    // Only the item's moderators reach it. A local moderator's role does not let the comment's
    // fields show hidden text, so the row is given as visible, its state kept for `isHidden`.
    if (!row || can(actor, 'moderation.act')) return row;
    return { ...row, hiddenAt: null, moderationHiddenAt: row.hiddenAt } as CommentRow;
  }

  @ResolveField(() => Amendment, { nullable: true })
  async amendment(
    @Parent() item: QueueRow,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<AmendmentRecord | null> {
    if (item.targetType !== 'AMENDMENT') return null;
    const row = await loaders
      .get('moderation.amendments', async (ids: readonly string[]) =>
        byKey(
          ids,
          await this.prisma.amendment.findMany({ where: { id: { in: [...ids] } } }),
          (found) => found.id,
        ),
      )
      .load(item.targetId);
    return row ? amendmentView(row) : null;
  }

  @ResolveField(() => Participant, { nullable: true })
  user(
    @Parent() item: QueueRow,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<UserRecord | null> | null {
    return item.targetType === 'USER' ? this.users.byId(loaders).load(item.targetId) : null;
  }

  @ResolveField(() => Boolean)
  isHidden(@Parent() item: QueueRow): boolean {
    return item.hiddenAt !== null;
  }

  @ResolveField(() => ModerationUser, { nullable: true })
  author(@Parent() item: QueueRow, @Loaders() loaders: LoaderRegistry): Promise<UserRecord | null> {
    return this.users.byId(loaders).load(item.authorId);
  }

  @ResolveField(() => [Report])
  reports(@Parent() item: QueueRow, @Loaders() loaders: LoaderRegistry): Promise<ReportRecord[]> {
    return loaders
      .get('moderation.reports', (keys: readonly string[]) =>
        this.repository.findReportsByTargets(keys),
      )
      .load(`${item.targetType}:${item.targetId}`);
  }
}

@Resolver(() => Report)
export class ReportResolver {
  constructor(private readonly users: UsersLoaders) {}

  @ResolveField(() => Participant)
  reporter(
    @Parent() report: ReportRecord,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<UserRecord | null> {
    return this.users.byId(loaders).load(report.reporterId);
  }
}

@Resolver(() => AuditLogEntry)
export class AuditLogEntryResolver {
  constructor(private readonly users: UsersLoaders) {}

  @ResolveField(() => Participant, { nullable: true })
  actor(
    @Parent() entry: AuditLogRecord,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<UserRecord | null> | null {
    return entry.actorId ? this.users.byId(loaders).load(entry.actorId) : null;
  }

  @ResolveField(() => String)
  metadata(@Parent() entry: AuditLogRecord): string {
    return JSON.stringify(entry.metadata ?? {});
  }
}

/**
 * `isHidden` on proposals, comments and amendments: hidden content is shown only to its author and
 * moderators.
 */
@Resolver(() => Proposal)
export class ProposalModerationResolver {
  @ResolveField(() => Boolean, {
    description: 'Hidden after reports or by a moderator: only its author and moderators see it.',
  })
  isHidden(@Parent() proposal: { hiddenAt?: Date | null }): boolean {
    return (proposal.hiddenAt ?? null) !== null;
  }

  @ResolveField(() => Boolean, {
    description:
      'Held by pre-moderation until a moderator approves it (only its author and moderators see it).',
  })
  awaitingReview(@Parent() proposal: { awaitingReview: boolean }): boolean {
    return proposal.awaitingReview;
  }
}

@Resolver(() => Comment)
export class CommentModerationResolver {
  @ResolveField(() => Boolean, {
    description: 'Hidden after reports or by a moderator: the public sees a placeholder.',
  })
  isHidden(
    @Parent() comment: { hiddenAt?: Date | null; moderationHiddenAt?: Date | null },
  ): boolean {
    const hiddenAt =
      comment.moderationHiddenAt === undefined ? comment.hiddenAt : comment.moderationHiddenAt;
    return (hiddenAt ?? null) !== null;
  }

  @ResolveField(() => Boolean, {
    description: 'Held by pre-moderation until a moderator approves it.',
  })
  awaitingReview(@Parent() comment: { awaitingReview?: boolean }): boolean {
    return comment.awaitingReview ?? false;
  }
}

@Resolver(() => Amendment)
export class AmendmentModerationResolver {
  @ResolveField(() => Boolean, {
    description:
      'Hidden after reports or by a moderator: only its author and the proposal’s moderators see it.',
  })
  isHidden(@Parent() amendment: { hiddenAt?: Date | null }): boolean {
    return (amendment.hiddenAt ?? null) !== null;
  }
}
