import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Notification } from '../../notifications/models/notification.model';
import { type NotificationRecord } from '../../notifications/notifications.repository';

/** What a PROPOSAL_CITED notice names, as written in its payload. */
function payloadText(notification: NotificationRecord, key: string): string | null {
  const payload = notification.payload;
  if (!payload || typeof payload !== 'object' || Array.isArray(payload)) return null;
  const value = (payload as Record<string, unknown>)[key];
  return typeof value === 'string' ? value : null;
}

/** The brief and section a PROPOSAL_CITED notice is about; null for other notices. */
@Resolver(() => Notification)
export class NotificationBriefResolver {
  @ResolveField(() => String, {
    nullable: true,
    description: 'Slug of the brief citing the proposal (PROPOSAL_CITED).',
  })
  briefSlug(@Parent() notification: NotificationRecord): string | null {
    return payloadText(notification, 'briefSlug');
  }

  @ResolveField(() => String, {
    nullable: true,
    description: 'Title of the brief citing the proposal, as published (PROPOSAL_CITED).',
  })
  briefTitle(@Parent() notification: NotificationRecord): string | null {
    return payloadText(notification, 'briefTitle');
  }

  @ResolveField(() => String, {
    nullable: true,
    description: 'Title of the section citing the proposal (PROPOSAL_CITED).',
  })
  sectionTitle(@Parent() notification: NotificationRecord): string | null {
    return payloadText(notification, 'sectionTitle');
  }
}
