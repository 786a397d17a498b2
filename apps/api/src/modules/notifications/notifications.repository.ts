import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../common/prisma/prisma.service';
import {
  type Notification as NotificationRow,
  type NotificationKind,
  type Prisma,
} from '../../generated/prisma/client';

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
}
