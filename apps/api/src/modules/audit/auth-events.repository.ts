import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../common/prisma/prisma.service';
import {
  type AuthEventKind,
  type AuthEvent as AuthEventRow,
  type Prisma,
} from '../../generated/prisma/client';

export type AuthEventRecord = AuthEventRow;

/** A client or an open transaction: an event may be written in the transaction of its action. */
export type AuthEventWriter = Pick<PrismaService, 'authEvent'> | Prisma.TransactionClient;

/** One authentication event, already stripped of secrets (see AuthEventsService). */
export interface NewAuthEvent {
  kind: AuthEventKind;
  userId?: string | null;
  actorId?: string | null;
  ip?: string | null;
  userAgent?: string | null;
  detail?: Prisma.InputJsonValue;
}

@Injectable()
export class AuthEventsRepository {
  constructor(private readonly prisma: PrismaService) {}

  insert(event: NewAuthEvent, writer: AuthEventWriter = this.prisma): Promise<AuthEventRecord> {
    return writer.authEvent.create({
      data: {
        kind: event.kind,
        userId: event.userId ?? null,
        actorId: event.actorId ?? null,
        ip: event.ip ?? null,
        userAgent: event.userAgent ?? null,
        detail: event.detail ?? {},
      },
    });
  }
}
