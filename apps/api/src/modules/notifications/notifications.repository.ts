import { Injectable } from '@nestjs/common';
import { byKey } from '../../common/dataloader/loader-registry';
import { PrismaService } from '../../common/prisma/prisma.service';
import {
  type Notification as NotificationRow,
  type NotificationKind,
  type Prisma,
  type Proposal as ProposalRow,
} from '../../generated/prisma/client';
import { type KeysetCursor } from '../votes/page';

export type NotificationRecord = NotificationRow;
export type { NotificationKind };

/** A client or an open transaction: notifications are written in the transaction of the event. */
export type NotificationWriter = Pick<PrismaService, 'notification'> | Prisma.TransactionClient;

/** What to tell whom. `payload` holds ids, titles and the moderator's reason as they were. */
export interface NewNotification {
  userId: string;
  kind: NotificationKind;
  payload: Prisma.InputJsonObject;
}

/** In-app notifications; e-mail and live delivery come with issue 7. */
@Injectable()
export class NotificationsRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * Appends notifications; pass the transaction of the event so the event and the notice commit
   * together. The same user is told once per call even if listed twice (e.g. author and voter).
   */
  async notify(
    notifications: readonly NewNotification[],
    writer: NotificationWriter = this.prisma,
  ): Promise<void> {
    const seen = new Set<string>();
    const data = notifications.filter((notification) => {
      const key = `${notification.userId}:${notification.kind}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    if (data.length > 0) await writer.notification.createMany({ data });
  }

  /** A page of an account's notifications, newest first, strictly after the keyset position. */
  findPage(
    userId: string,
    unreadOnly: boolean,
    after: KeysetCursor | null,
    take: number,
  ): Promise<NotificationRecord[]> {
    const keyset: Prisma.NotificationWhereInput = after
      ? { OR: [{ createdAt: { lt: after.at } }, { createdAt: after.at, id: { lt: after.id } }] }
      : {};
    return this.prisma.notification.findMany({
      where: { AND: [this.where(userId, unreadOnly), keyset] },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take,
    });
  }

  count(userId: string, unreadOnly: boolean): Promise<number> {
    return this.prisma.notification.count({ where: this.where(userId, unreadOnly) });
  }

  /** How many of these ids are notifications of this account. */
  countOwned(userId: string, ids: readonly string[]): Promise<number> {
    return this.prisma.notification.count({ where: { userId, id: { in: [...ids] } } });
  }

  /** Marks the account's unread notifications (these ids, or all) read; returns how many. */
  async markRead(userId: string, ids: readonly string[] | null, at: Date): Promise<number> {
    const marked = await this.prisma.notification.updateMany({
      where: { userId, readAt: null, ...(ids ? { id: { in: [...ids] } } : {}) },
      data: { readAt: at },
    });
    return marked.count;
  }

  /** The proposals notifications are about (DataLoader batch, in key order). */
  async findProposals(ids: readonly string[]): Promise<(ProposalRow | null)[]> {
    const rows = await this.prisma.proposal.findMany({ where: { id: { in: [...ids] } } });
    return byKey(ids, rows, (row) => row.id);
  }

  private where(userId: string, unreadOnly: boolean): Prisma.NotificationWhereInput {
    return { userId, ...(unreadOnly ? { readAt: null } : {}) };
  }
}
