import {
  Args,
  ID,
  Int,
  Mutation,
  Parent,
  Query,
  ResolveField,
  Resolver,
  Subscription,
} from '@nestjs/graphql';
import {
  type Actor,
  type Language,
  ProposalStatus,
  AmendmentStatus,
  type AmendmentStatus as AmendmentStatusType,
  type ProposalStatus as ProposalStatusType,
} from '@passerelle/domain';
import { CurrentUser } from '../../common/auth/auth.decorators';
import { type LoaderRegistry } from '../../common/dataloader/loader-registry';
import { Lang, Loaders } from '../../common/graphql/graphql-context';
import { eachEvent } from '../../common/realtime/live-events';
import { type Proposal as ProposalRow } from '../../generated/prisma/client';
import { Proposal } from '../proposals/models/proposal.model';
import { type Page } from '../votes/page';
import { MyNotificationsArgs } from './dto/notifications.args';
import { Notification, NotificationConnection } from './models/notification.model';
import {
  NotificationPreference,
  NotificationPreferenceInput,
} from './models/notification-preference.model';
import { type NotificationRecord, NotificationsRepository } from './notifications.repository';
import { NotificationFeed } from './notification-feed';
import { NotificationsService } from './notifications.service';

@Resolver(() => Notification)
export class NotificationsResolver {
  constructor(
    private readonly service: NotificationsService,
    private readonly repository: NotificationsRepository,
    private readonly feed: NotificationFeed,
  ) {}

  @Subscription(() => Notification, {
    description: 'Signed in: each notification created for me.',
    resolve: eachEvent,
  })
  notificationAdded(
    @CurrentUser() actor: Actor,
  ): Promise<AsyncIterableIterator<NotificationRecord>> {
    // Not @Public: the guard answers UNAUTHENTICATED to anonymous subscribers.
    return this.feed.watch((actor as NonNullable<Actor>).id);
  }

  @Query(() => NotificationConnection, {
    description: "The signed-in account's notifications, newest first.",
  })
  myNotifications(
    @Args() args: MyNotificationsArgs,
    @CurrentUser() actor: Actor,
    @Lang() lang: Language,
  ): Promise<Page<NotificationRecord> & { unreadCount: number }> {
    return this.service.mine(actor, args, lang);
  }

  @Query(() => [NotificationPreference], {
    description:
      'Signed in: how often each kind of notification goes out by e-mail (every kind; DAILY_DIGEST when never chosen).',
  })
  myNotificationPreferences(
    @CurrentUser() actor: Actor,
    @Lang() lang: Language,
  ): Promise<NotificationPreference[]> {
    return this.service.preferences(actor, lang);
  }

  @Mutation(() => [NotificationPreference], {
    description:
      'Signed in: sets the e-mail frequency of these kinds (each kind once; the others keep theirs); returns every kind.',
  })
  updateNotificationPreferences(
    @Args('preferences', { type: () => [NotificationPreferenceInput] })
    preferences: NotificationPreferenceInput[],
    @CurrentUser() actor: Actor,
    @Lang() lang: Language,
  ): Promise<NotificationPreference[]> {
    return this.service.updatePreferences(actor, preferences, lang);
  }

  @Mutation(() => Int, {
    description:
      'Marks these notifications (or, without ids, all of them) read; returns how many were unread. Another account’s id: NOTIFICATION_NOT_FOUND.',
  })
  markNotificationsRead(
    @Args('ids', { type: () => [ID], nullable: true }) ids: string[] | null | undefined,
    @CurrentUser() actor: Actor,
    @Lang() lang: Language,
  ): Promise<number> {
    return this.service.markRead(actor, ids, lang);
  }

  @ResolveField(() => Boolean)
  isRead(@Parent() notification: NotificationRecord): boolean {
    return notification.readAt !== null;
  }

  @ResolveField(() => String, { nullable: true })
  reason(@Parent() notification: NotificationRecord): string | null {
    return this.service.payload(notification).reason ?? null;
  }

  @ResolveField(() => ID, { nullable: true })
  commentId(@Parent() notification: NotificationRecord): string | null {
    return this.service.payload(notification).commentId ?? null;
  }

  @ResolveField(() => ID, { nullable: true })
  clusterId(@Parent() notification: NotificationRecord): string | null {
    return this.service.payload(notification).clusterId ?? null;
  }

  @ResolveField(() => String, { nullable: true })
  title(@Parent() notification: NotificationRecord): string | null {
    return this.service.payload(notification).title ?? null;
  }

  @ResolveField(() => Date, { nullable: true })
  suspendedUntil(@Parent() notification: NotificationRecord): Date | null {
    const until = this.service.payload(notification).suspendedUntil;
    return until ? new Date(until) : null;
  }

  @ResolveField(() => String, { nullable: true })
  authorName(@Parent() notification: NotificationRecord): string | null {
    return this.service.payload(notification).authorName ?? null;
  }

  @ResolveField(() => String, { nullable: true })
  excerpt(@Parent() notification: NotificationRecord): string | null {
    return this.service.payload(notification).excerpt ?? null;
  }

  @ResolveField(() => ProposalStatus, { nullable: true })
  status(@Parent() notification: NotificationRecord): ProposalStatusType | null {
    const status = this.service.payload(notification).status;
    return status && status in ProposalStatus ? (status as ProposalStatusType) : null;
  }

  @ResolveField(() => ID, { nullable: true })
  amendmentId(@Parent() notification: NotificationRecord): string | null {
    return this.service.payload(notification).amendmentId ?? null;
  }

  @ResolveField(() => AmendmentStatus, { nullable: true })
  decision(@Parent() notification: NotificationRecord): AmendmentStatusType | null {
    const decision = this.service.payload(notification).decision;
    return decision && decision in AmendmentStatus ? (decision as AmendmentStatusType) : null;
  }

  @ResolveField(() => Boolean, { nullable: true })
  accepted(@Parent() notification: NotificationRecord): boolean | null {
    const accepted = this.service.payload(notification).accepted;
    return typeof accepted === 'boolean' ? accepted : null;
  }

  @ResolveField(() => Int, { nullable: true })
  votesFor(@Parent() notification: NotificationRecord): number | null {
    const votes = this.service.payload(notification).votesFor;
    return typeof votes === 'number' ? votes : null;
  }

  @ResolveField(() => Int, { nullable: true })
  votesAgainst(@Parent() notification: NotificationRecord): number | null {
    const votes = this.service.payload(notification).votesAgainst;
    return typeof votes === 'number' ? votes : null;
  }

  @ResolveField(() => Proposal, { nullable: true })
  async proposal(
    @Parent() notification: NotificationRecord,
    @CurrentUser() actor: Actor,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<ProposalRow | null> {
    const proposalId = this.service.payload(notification).proposalId;
    if (!proposalId) return null;
    const proposal = await loaders
      .get('notifications.proposals', (ids: readonly string[]) =>
        this.repository.findProposals(ids),
      )
      .load(proposalId);
    const visible = this.service.visibleProposal(actor, proposal);
    if (visible || !proposal || actor === null || proposal.authorId === actor.id) return visible;
    // Not public: readable still when its author invited the reader to co-write it (a draft).
    const readerId = actor.id;
    const status = await loaders
      .get(`notifications.coAuthorStatuses:${readerId}`, (ids: readonly string[]) =>
        this.repository.findCoAuthorStatuses(readerId, ids),
      )
      .load(proposal.id);
    return this.service.visibleProposal(actor, proposal, status);
  }
}
