import { Injectable } from '@nestjs/common';
import {
  type Actor,
  canReadProposal,
  type CoAuthorStatus,
  DomainError,
  DomainErrorCode,
  type Language,
  NOTIFICATION_KINDS,
  type NotificationPreference,
  notificationPreferencesInputSchema,
  resolveNotificationPreferences,
  validateInput,
} from '@passerelle/domain';
import { isUuid } from '../../common/graphql/ids';
import { type Proposal as ProposalRow } from '../../generated/prisma/client';
import { type Page, pageArgs, toPage } from '../votes/page';
import { type MyNotificationsArgs } from './dto/notifications.args';
import { type NotificationRecord, NotificationsRepository } from './notifications.repository';
import { type UnsubscribeScope } from './unsubscribe-token';

export const NOTIFICATIONS_PAGE = { first: 20, max: 50 };

/** What notices say, as written in their payload when they were created. */
export interface NotificationPayload {
  reason?: string | null;
  proposalId?: string | null;
  commentId?: string | null;
  clusterId?: string | null;
  title?: string | null;
  suspendedUntil?: string | null;
  authorName?: string | null;
  excerpt?: string | null;
  status?: string | null;
  amendmentId?: string | null;
  decision?: string | null;
  accepted?: boolean | null;
  votesFor?: number | null;
  votesAgainst?: number | null;
}

@Injectable()
export class NotificationsService {
  constructor(private readonly repository: NotificationsRepository) {}

  /** The signed-in account's notifications, newest first, with its unread count. */
  async mine(
    actor: Actor,
    args: MyNotificationsArgs,
    lang: Language,
  ): Promise<Page<NotificationRecord> & { unreadCount: number }> {
    const reader = this.reader(actor, lang);
    const page = pageArgs(args.first, args.after, NOTIFICATIONS_PAGE, lang);
    const unreadOnly = args.unreadOnly ?? false;
    const [rows, total, unreadCount] = await Promise.all([
      this.repository.findPage(reader.id, unreadOnly, page.after, page.take + 1),
      this.repository.count(reader.id, unreadOnly),
      this.repository.count(reader.id, true),
    ]);
    return {
      ...toPage(rows, page.take, total, (row) => ({ at: row.createdAt, id: row.id })),
      unreadCount,
    };
  }

  /**
   * Marks notifications read: these ids (each must be the reader's, NOTIFICATION_NOT_FOUND
   * otherwise, and nothing is marked) or, without ids, all of them. Returns how many were unread.
   */
  async markRead(
    actor: Actor,
    ids: readonly string[] | null | undefined,
    lang: Language,
    now = new Date(),
  ): Promise<number> {
    const reader = this.reader(actor, lang);
    if (!ids) return this.repository.markRead(reader.id, null, now);
    const unique = [...new Set(ids)];
    const owned = unique.every(isUuid) ? await this.repository.countOwned(reader.id, unique) : -1;
    if (owned !== unique.length) {
      throw new DomainError(DomainErrorCode.NOTIFICATION_NOT_FOUND, undefined, lang);
    }
    return unique.length === 0 ? 0 : this.repository.markRead(reader.id, unique, now);
  }

  /** Every kind with the reader's e-mail frequency (DAILY_DIGEST when never chosen). */
  async preferences(actor: Actor, lang: Language): Promise<NotificationPreference[]> {
    const reader = this.reader(actor, lang);
    return resolveNotificationPreferences(await this.repository.findPreferences(reader.id));
  }

  /**
   * Stores the given choices (known kinds and frequencies, each kind once; other kinds keep
   * theirs) and returns every kind with its frequency.
   */
  async updatePreferences(
    actor: Actor,
    preferences: unknown,
    lang: Language,
  ): Promise<NotificationPreference[]> {
    const reader = this.reader(actor, lang);
    const data = validateInput(notificationPreferencesInputSchema, { preferences }, lang);
    await this.repository.savePreferences(reader.id, data.preferences);
    return this.preferences(actor, lang);
  }

  /** An unsubscribe link: NONE for its kind or every kind; false when the account is gone. */
  unsubscribe(userId: string, scope: UnsubscribeScope): Promise<boolean> {
    const kinds = scope === 'all' ? NOTIFICATION_KINDS : [scope];
    return this.repository.setFrequency(userId, kinds, 'NONE');
  }

  payload(notification: NotificationRecord): NotificationPayload {
    const payload = notification.payload;
    return payload && typeof payload === 'object' && !Array.isArray(payload)
      ? (payload as NotificationPayload)
      : {};
  }

  /**
   * The proposal only if the reader may still see it (public, theirs, or a draft they were
   * invited to co-write — `coAuthorStatus` is their invitation; not hidden from them).
   */
  visibleProposal(
    actor: Actor,
    proposal: ProposalRow | null,
    coAuthorStatus: CoAuthorStatus | null = null,
  ): ProposalRow | null {
    if (!proposal) return null;
    return canReadProposal(actor, proposal, coAuthorStatus) ? proposal : null;
  }

  private reader(actor: Actor, lang: Language): NonNullable<Actor> {
    if (actor === null) throw new DomainError(DomainErrorCode.SIGN_IN_REQUIRED, undefined, lang);
    return actor;
  }
}
