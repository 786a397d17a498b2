import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../common/prisma/prisma.service';
import { type EmailMessage } from '../../generated/prisma/client';
import { type KeysetCursor } from '../votes/page';

export type EmailMessageRecord = EmailMessage;

/** Reads of email_messages for the administrators' outbox (MailService writes them). */
@Injectable()
export class OutboxRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Up to `take` messages, newest first, after the cursor. */
  findPage(after: KeysetCursor | null, take: number): Promise<EmailMessageRecord[]> {
    return this.prisma.emailMessage.findMany({
      where: after
        ? {
            OR: [{ createdAt: { lt: after.at } }, { createdAt: after.at, id: { lt: after.id } }],
          }
        : {},
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take,
    });
  }

  count(): Promise<number> {
    return this.prisma.emailMessage.count();
  }
}
