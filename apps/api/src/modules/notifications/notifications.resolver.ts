import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { type Actor, type Language } from '@passerelle/domain';
import { CurrentUser } from '../../common/auth/auth.decorators';
import { type LoaderRegistry } from '../../common/dataloader/loader-registry';
import { Lang, Loaders } from '../../common/graphql/graphql-context';
import { type Proposal as ProposalRow } from '../../generated/prisma/client';
import { Proposal } from '../proposals/models/proposal.model';
import { type Page } from '../votes/page';
import { MyNotificationsArgs } from './dto/notifications.args';
import { Notification, NotificationConnection } from './models/notification.model';
import { type NotificationRecord, NotificationsRepository } from './notifications.repository';
import { NotificationsService } from './notifications.service';

@Resolver(() => Notification)
export class NotificationsResolver {
  constructor(
    private readonly service: NotificationsService,
    private readonly repository: NotificationsRepository,
  ) {}

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
    return this.service.visibleProposal(actor, proposal);
  }
}
