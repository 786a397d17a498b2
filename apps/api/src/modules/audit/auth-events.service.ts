import { Injectable, Logger } from '@nestjs/common';
import { type Actor, assertCan, type Language, normaliseEmail } from '@passerelle/domain';
import { type Request } from 'express';
import { invalidArgument, isUuid } from '../../common/graphql/ids';
import { type AuthEventKind, type Prisma } from '../../generated/prisma/client';
import { type Page, pageArgs, toPage } from '../votes/page';
import {
  type AuthEventRecord,
  type AuthEventWriter,
  AuthEventsRepository,
} from './auth-events.repository';

export const AUTH_EVENTS_PAGE = { first: 50, max: 100 };

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

  /**
   * A sign-in refused by the rate limit (best effort). The account is looked up from the typed
   * address, which itself is never stored; `scopes` says which limits refused (account, ip).
   */
  async recordThrottledSignIn(
    email: string | null,
    request: AuthEventInput['request'],
    scopes: string[],
  ): Promise<void> {
    let userId: string | null = null;
    try {
      userId = email ? await this.events.userIdByEmail(normaliseEmail(email)) : null;
    } catch (error) {
      this.logger.error({ err: error }, 'Could not find the account of a throttled sign-in');
    }
    await this.record({ kind: 'SIGN_IN_THROTTLED', userId, request, detail: { scopes } });
  }

  /** Administrators: the events, newest first, optionally of one account and some kinds. */
  async list(
    actor: Actor,
    args: {
      userId?: string | null;
      kinds?: AuthEventKind[] | null;
      first?: number | null;
      after?: string | null;
    },
    lang: Language,
  ): Promise<Page<AuthEventRecord>> {
    assertCan(actor, 'audit.readAuthEvents'); // before reading the arguments
    const page = pageArgs(args.first, args.after, AUTH_EVENTS_PAGE, lang);
    if (args.userId && !isUuid(args.userId)) {
      throw invalidArgument(
        'userId',
        'id',
        { fr: 'Identifiant invalide.', en: 'Invalid id.' },
        lang,
      );
    }
    const filter = { userId: args.userId ?? null, kinds: args.kinds ?? null };
    const [rows, total] = await Promise.all([
      this.events.findPage(filter, page.after, page.take + 1),
      this.events.count(filter),
    ]);
    return toPage(rows, page.take, total, (row) => ({ at: row.createdAt, id: row.id }));
  }
}

function clientIp(request: Pick<Request, 'ip' | 'socket'>): string | null {
  return request.ip ?? request.socket?.remoteAddress ?? null;
}

function userAgentOf(request: Pick<Request, 'headers'>): string | null {
  const value = request.headers['user-agent'];
  return typeof value === 'string' && value !== '' ? value.slice(0, USER_AGENT_MAX) : null;
}
