import { Injectable, Logger } from '@nestjs/common';
import { type Request } from 'express';
import { type AuthEventKind, type Prisma } from '../../generated/prisma/client';
import { type AuthEventWriter, AuthEventsRepository } from './auth-events.repository';

/** Longest user agent kept: enough to recognise a browser, not a place to smuggle data. */
const USER_AGENT_MAX = 300;

export interface AuthEventInput {
  kind: AuthEventKind;
  /** The account concerned, when known. */
  userId?: string | null;
  /** Who acted when it is not the account itself (e.g. an administrator changing a role). */
  actorId?: string | null;
  /** The HTTP request, for its IP address and user agent. */
  request?: Pick<Request, 'ip' | 'headers' | 'socket'> | null;
  /**
   * Facts without secrets, e.g. `{ reason: 'WRONG_PASSWORD' }` or `{ from: 'PARTICIPANT', to:
   * 'MODERATOR' }`. Never a password, a token, an e-mail body or any text a person wrote.
   */
  detail?: Prisma.InputJsonValue;
}

/**
 * Records authentication events (sign-ins and their failures, sign-outs, password changes, role
 * changes, OpenID Connect sign-ins, data exports, account deletions). Without a transaction the
 * write is best effort: a failure is logged and never breaks the sign-in it describes. With a
 * transaction (`writer`), the event commits or rolls back with its action.
 */
@Injectable()
export class AuthEventsService {
  private readonly logger = new Logger(AuthEventsService.name);

  constructor(private readonly events: AuthEventsRepository) {}

  async record(input: AuthEventInput, writer?: AuthEventWriter): Promise<void> {
    const event = {
      kind: input.kind,
      userId: input.userId ?? null,
      actorId: input.actorId ?? null,
      ip: input.request ? clientIp(input.request) : null,
      userAgent: input.request ? userAgentOf(input.request) : null,
      detail: input.detail ?? {},
    };
    if (writer) {
      await this.events.insert(event, writer);
      return;
    }
    try {
      await this.events.insert(event);
    } catch (error) {
      this.logger.error({ err: error, kind: input.kind }, 'Could not record an auth event');
    }
  }
}

function clientIp(request: Pick<Request, 'ip' | 'socket'>): string | null {
  return request.ip ?? request.socket?.remoteAddress ?? null;
}

function userAgentOf(request: Pick<Request, 'headers'>): string | null {
  const value = request.headers['user-agent'];
  return typeof value === 'string' && value !== '' ? value.slice(0, USER_AGENT_MAX) : null;
}
