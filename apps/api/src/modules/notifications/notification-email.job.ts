import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import {
  type EmailNotification,
  type Language,
  renderDigestEmail,
  renderNotificationEmail,
} from '@passerelle/domain';
import { JobsService } from '../../common/jobs/jobs.service';
import { MailService } from '../../common/mail/mail.service';
import { InjectConfig } from '../../config/app-config';
import { type AppConfig } from '../../config/config.schema';
import { type ClaimedNotification, NotificationsRepository } from './notifications.repository';
import { signUnsubscribeToken, type UnsubscribeScope } from './unsubscribe-token';

export const IMMEDIATE_EMAILS_QUEUE = 'notification-emails-immediate';
export const DIGEST_EMAILS_QUEUE = 'notification-emails-digest';
/** Every minute; the digest at 07:00 (JOBS_TIME_ZONE, Europe/Paris). */
export const IMMEDIATE_EMAILS_CRON = '* * * * *';
export const DIGEST_EMAILS_CRON = '0 7 * * *';

const HOUR_MS = 3_600_000;
/** Older pending notifications are not e-mailed (e.g. after a switch from NONE): stale news. */
const IMMEDIATE_WINDOW_MS = 24 * HOUR_MS;
/** Two days, so a digest missed while the API was down is caught up by the next one. */
const DIGEST_WINDOW_MS = 48 * HOUR_MS;
const CLAIM_BATCH = 200;
/** A digest lists at most this many notifications (the most recent wait for no one). */
const DIGEST_MAX_ITEMS = 500;

/**
 * No language is stored per account yet: notification e-mails are written in French, the
 * site's first language.
 */
const EMAIL_LANGUAGE: Language = 'fr';

/**
 * Notification e-mails. Two pg-boss cron queues: every minute, the notifications whose kind the
 * reader wants IMMEDIATE go out one e-mail each; every day at 07:00, the DAILY_DIGEST ones go out
 * as one e-mail per reader grouped by kind. Only verified addresses get mail. Each run first
 * claims its notifications in one statement (emailedAt set), so concurrent runs on several
 * processes never send one twice, then sends (after the claim has committed).
 */
@Injectable()
export class NotificationEmailJob implements OnModuleInit {
  private readonly logger = new Logger('NotificationEmails');

  constructor(
    private readonly jobs: JobsService,
    private readonly mail: MailService,
    private readonly repository: NotificationsRepository,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.jobs.register({
      name: IMMEDIATE_EMAILS_QUEUE,
      options: { policy: 'singleton', retryLimit: 0, expireInSeconds: 10 * 60 },
      cron: IMMEDIATE_EMAILS_CRON,
      handle: async () => {
        await this.runImmediate(new Date());
      },
    });
    this.jobs.register({
      name: DIGEST_EMAILS_QUEUE,
      options: { policy: 'singleton', retryLimit: 2, retryDelay: 60, expireInSeconds: 60 * 60 },
      cron: DIGEST_EMAILS_CRON,
      handle: async () => {
        await this.runDigest(new Date());
      },
    });
  }

  /** The public site, for links in e-mails. */
  get baseUrl(): string {
    return this.config.publicUrl ?? `http://localhost:${this.config.port}`;
  }

  /** The unsubscribe link of one kind, or of every kind ("all"). */
  unsubscribeUrl(userId: string, scope: UnsubscribeScope): string {
    const token = signUnsubscribeToken(this.config.jwtSecret, { userId, scope });
    return `${this.baseUrl}/api/email/unsubscribe?token=${encodeURIComponent(token)}`;
  }

  /** Sends one e-mail per pending IMMEDIATE notification; returns how many were written. */
  async runImmediate(now = new Date()): Promise<number> {
    const window = { since: new Date(now.getTime() - IMMEDIATE_WINDOW_MS), now };
    let count = 0;
    for (;;) {
      const claimed = await this.repository.claimPending('IMMEDIATE', window, CLAIM_BATCH);
      for (const notification of claimed) {
        const unsubscribeUrl = this.unsubscribeUrl(notification.userId, notification.kind);
        const email = renderNotificationEmail(toEmail(notification), EMAIL_LANGUAGE, {
          baseUrl: this.baseUrl,
          unsubscribeUrl,
        });
        await this.send(notification, email, 'NOTIFICATION', unsubscribeUrl);
        count += 1;
      }
      if (claimed.length < CLAIM_BATCH) break;
    }
    if (count > 0) this.logger.log(`${count} immediate notification e-mails`);
    return count;
  }

  /** Sends each reader's pending DAILY_DIGEST notifications as one e-mail; returns how many. */
  async runDigest(now = new Date()): Promise<number> {
    const window = { since: new Date(now.getTime() - DIGEST_WINDOW_MS), now };
    const userIds = await this.repository.findPendingUserIds('DAILY_DIGEST', window);
    let count = 0;
    for (const userId of userIds) {
      const claimed = await this.repository.claimPending(
        'DAILY_DIGEST',
        window,
        DIGEST_MAX_ITEMS,
        userId,
      );
      const first = claimed[0];
      if (!first) continue; // claimed meanwhile by another run
      const unsubscribeUrl = this.unsubscribeUrl(userId, 'all');
      const email = renderDigestEmail(claimed.map(toEmail), EMAIL_LANGUAGE, {
        baseUrl: this.baseUrl,
        unsubscribeUrl,
      });
      await this.send(first, email, 'DIGEST', unsubscribeUrl);
      count += 1;
    }
    if (count > 0) this.logger.log(`${count} notification digests`);
    return count;
  }

  private async send(
    recipient: ClaimedNotification,
    email: { subject: string; text: string; html: string },
    category: 'NOTIFICATION' | 'DIGEST',
    unsubscribeUrl: string,
  ): Promise<void> {
    try {
      await this.mail.send({
        to: recipient.email,
        userId: recipient.userId,
        ...email,
        category,
        headers: {
          'List-Unsubscribe': `<${unsubscribeUrl}>`,
          'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
        },
      });
    } catch (error) {
      // The claim stands: a failed write is logged, not retried (no duplicate e-mails).
      this.logger.error(`Notification e-mail not written: ${(error as Error).message}`);
    }
  }
}

function toEmail(notification: ClaimedNotification): EmailNotification {
  const payload = notification.payload;
  return {
    kind: notification.kind,
    createdAt: notification.createdAt,
    payload:
      payload && typeof payload === 'object' && !Array.isArray(payload)
        ? (payload as EmailNotification['payload'])
        : {},
  };
}
