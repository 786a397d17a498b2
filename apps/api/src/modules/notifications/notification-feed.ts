import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { liveEvents } from '../../common/realtime/live-events';
import { localPubSub } from '../../common/realtime/pubsub';
import { type NotificationRecord, NotificationsRepository } from './notifications.repository';

/** How often the feed looks for new notifications while someone listens. */
export const FEED_POLL_MS = 1_500;
/**
 * How far back each poll looks. A notification's createdAt is its transaction's start, so one
 * committed late still falls in the window; ids already seen are not sent twice.
 */
const WINDOW_MS = 60_000;
const BATCH = 500;

/**
 * Live notifications of this process's subscribers. Notifications are written inside the
 * transactions of many use cases, so instead of asking each to publish, the feed polls, while
 * anyone listens, the new notifications of the accounts listening here (one indexed query every
 * FEED_POLL_MS for all of them). Works the same with several API processes and behind PgBouncer
 * (no LISTEN/NOTIFY, no session state).
 */
@Injectable()
export class NotificationFeed implements OnModuleDestroy {
  private readonly logger = new Logger('NotificationFeed');
  private readonly local = localPubSub();
  /** Listeners per account, and the baseline read when its first listener arrived. */
  private readonly users = new Map<string, { listeners: number; ready: Promise<void> }>();
  /** Ids already handled (baseline or sent), with their createdAt, dropped after the window. */
  private readonly seen = new Map<string, number>();
  private timer: NodeJS.Timeout | null = null;
  private isPolling = false;

  constructor(private readonly notifications: NotificationsRepository) {}

  /** The notifications created for `userId` from now on, until the iterator is returned. */
  async watch(userId: string): Promise<AsyncIterableIterator<NotificationRecord>> {
    let user = this.users.get(userId);
    if (!user) {
      user = { listeners: 0, ready: this.markExistingSeen(userId) };
      this.users.set(userId, user);
    }
    user.listeners += 1;
    let isReleased = false;
    const release = () => {
      if (isReleased) return;
      isReleased = true;
      const current = this.users.get(userId);
      if (current && --current.listeners === 0) this.users.delete(userId);
      if (this.users.size === 0) this.stop();
    };
    try {
      await user.ready;
    } catch (error) {
      release();
      throw error;
    }
    this.start();
    return liveEvents(
      this.local.asyncIterableIterator<NotificationRecord>(userId),
      (row) => Promise.resolve(row),
      release,
    );
  }

  onModuleDestroy(): void {
    this.stop();
  }

  /** One poll: every account listening here, in one query; each new notification sent once. */
  async poll(): Promise<void> {
    if (this.isPolling || this.users.size === 0) return;
    this.isPolling = true;
    try {
      const now = Date.now();
      const rows = await this.notifications.findRecent(
        [...this.users.keys()],
        new Date(now - WINDOW_MS),
        BATCH,
      );
      for (const row of rows) {
        if (this.seen.has(row.id)) continue;
        this.seen.set(row.id, row.createdAt.getTime());
        await this.local.publish(row.userId, row);
      }
      for (const [id, createdAt] of this.seen) {
        if (createdAt < now - 3 * WINDOW_MS) this.seen.delete(id);
      }
    } catch (error) {
      this.logger.warn(`Live notifications not polled: ${(error as Error).message}`);
    } finally {
      this.isPolling = false;
    }
  }

  private async markExistingSeen(userId: string): Promise<void> {
    const rows = await this.notifications.findRecent(
      [userId],
      new Date(Date.now() - WINDOW_MS),
      BATCH,
    );
    for (const row of rows) this.seen.set(row.id, row.createdAt.getTime());
  }

  private start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.poll(), FEED_POLL_MS);
    this.timer.unref();
  }

  private stop(): void {
    if (!this.timer) return;
    clearInterval(this.timer);
    this.timer = null;
  }
}
