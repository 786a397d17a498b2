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

  /** The id of the account with this (normalised) e-mail address, or null. */
  async userIdByEmail(email: string): Promise<string | null> {
    const user = await this.prisma.user.findUnique({ where: { email }, select: { id: true } });
    return user?.id ?? null;
  }

  /** Events newest first, strictly after the keyset position (createdAt, id). */
  findPage(
    filter: AuthEventFilter,
    after: { at: Date; id: string } | null,
    take: number,
  ): Promise<AuthEventRecord[]> {
    const keyset: Prisma.AuthEventWhereInput = after
      ? { OR: [{ createdAt: { lt: after.at } }, { createdAt: after.at, id: { lt: after.id } }] }
      : {};
    return this.prisma.authEvent.findMany({
      where: { AND: [this.where(filter), keyset] },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take,
    });
  }

  count(filter: AuthEventFilter): Promise<number> {
    return this.prisma.authEvent.count({ where: this.where(filter) });
  }

  private where(filter: AuthEventFilter): Prisma.AuthEventWhereInput {
    return {
      ...(filter.userId ? { userId: filter.userId } : {}),
      ...(filter.kinds?.length ? { kind: { in: filter.kinds } } : {}),
    };
  }
}

/** Filters of the administrators' list of auth events. */
export interface AuthEventFilter {
  userId?: string | null;
  kinds?: AuthEventKind[] | null;
}
