import { type IncomingMessage, type Server } from 'node:http';
import { type Duplex } from 'node:stream';
import {
  type BeforeApplicationShutdown,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { HttpAdapterHost, ModuleRef } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { pickLanguage } from '@passerelle/domain';
import {
  type DocumentNode,
  getOperationAST,
  GraphQLError,
  type GraphQLFormattedError,
  type GraphQLSchema,
  parse,
  specifiedRules,
  validate,
} from 'graphql';
import { type Context, type Disposable, type ServerOptions } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { type WebSocket, WebSocketServer } from 'ws';
import { InjectConfig } from '../../config/app-config';
import { type AppConfig } from '../../config/config.schema';
import { AccessTokenService } from '../auth/access-token.service';
import { ACCESS_COOKIE, type AuthUser } from '../auth/auth-user';
import { SessionsRepository } from '../auth/sessions.repository';
import { LoaderRegistry } from '../dataloader/loader-registry';
import { createFormatError } from '../graphql/format-error';
import { type ApiRequest, type GraphQLContext } from '../graphql/graphql-context';
import { GRAPHQL_PATH } from '../graphql/graphql-options';
import { GRAPHQL_LIMITS, graphqlArmor } from '../graphql/graphql-limits';

/** Close code of a connection whose access token does not verify (graphql-ws family). */
export const CLOSE_UNAUTHORIZED = 4401;
/** More on one connection is abuse: the web app opens a handful. */
const MAX_SUBSCRIPTIONS_PER_CONNECTION = 20;
/** How long clients get to answer the closing handshake at shutdown before being cut. */
const CLOSE_WAIT_MS = 2_000;

interface ConnectionExtra {
  socket: WebSocket;
  request: IncomingMessage;
  /** Set by onConnect: the access token accepted for this connection, if any. */
  token?: string;
  user?: AuthUser | null;
}

type ConnectionContext = Context<Record<string, unknown> | undefined, ConnectionExtra>;

/**
 * GraphQL subscriptions over WebSocket (graphql-ws protocol) on the HTTP server's /graphql path.
 * Owned here rather than by GraphQLModule's `subscriptions` option so that the connections can
 * be closed (1001) before the HTTP server waits for its sockets at shutdown, and so that the same
 * limits as HTTP apply (graphql-armor rules, token count). Only subscription operations are
 * accepted: queries and mutations keep going through HTTP (CSRF prevention, rate limits).
 */
@Injectable()
export class SubscriptionServer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Realtime');
  private wss: WebSocketServer | null = null;
  private server: Disposable | null = null;
  private isClosing = false;
  /** Open connections that were accepted with a session, checked again every so often. */
  private readonly signedIn = new Set<ConnectionExtra>();
  private sessionCheck: NodeJS.Timeout | null = null;
  private isChecking = false;

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly moduleRef: ModuleRef,
    private readonly tokens: AccessTokenService,
    private readonly sessions: SessionsRepository,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const httpServer = this.adapterHost.httpAdapter.getHttpServer() as Server;
    const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
    this.wss = wss;
    // Built by GraphQLModule at init; not exported to other modules, hence the global lookup.
    const { schema } = this.moduleRef.get(GraphQLSchemaHost, { strict: false });
    this.server = useServer(this.options(schema), wss);
    httpServer.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
      const { pathname } = new URL(request.url ?? '/', 'http://localhost');
      if (this.isClosing || pathname !== GRAPHQL_PATH) {
        socket.destroy();
        return;
      }
      wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
    });
    this.sessionCheck = setInterval(
      () => void this.closeEndedSessions(),
      this.config.subscriptionSessionCheckMs,
    );
    this.sessionCheck.unref();
  }

  /**
   * A token is checked when its connection opens; afterwards the session may end (sign-out on
   * any device of that session, password or role change, account deleted) while the socket stays
   * open and keeps receiving what the account could see. Every `subscriptionSessionCheckMs`, the
   * sessions of all signed-in connections are checked in one statement, and the connections whose
   * session ended or whose role changed are closed with 4401: the web app then refreshes its
   * session (or goes on anonymously) and subscribes again with what it may now see.
   */
  async closeEndedSessions(now = new Date()): Promise<number> {
    if (this.isChecking || this.signedIn.size === 0) return 0;
    this.isChecking = true;
    try {
      const connections = [...this.signedIn].filter((extra) => extra.user?.sessionId);
      const live = await this.sessions.findLiveMany(
        connections.map((extra) => ({
          sessionId: extra.user?.sessionId as string,
          userId: extra.user?.id as string,
        })),
        now,
      );
      let closed = 0;
      for (const extra of connections) {
        const session = live.get(extra.user?.sessionId as string);
        if (session && session.role === extra.user?.role) continue;
        this.signedIn.delete(extra);
        extra.socket.close(CLOSE_UNAUTHORIZED, 'Session ended');
        closed += 1;
      }
      return closed;
    } catch (error) {
      this.logger.warn(`Sessions of open connections not checked: ${(error as Error).message}`);
      return 0;
    } finally {
      this.isChecking = false;
    }
  }

  /** Before the HTTP server closes (it would wait for these sockets): close them with 1001. */
  async beforeApplicationShutdown(): Promise<void> {
    this.isClosing = true;
    if (this.sessionCheck) clearInterval(this.sessionCheck);
    const wss = this.wss;
    if (!wss || !this.server) return;
    const cut = setTimeout(() => {
      for (const client of wss.clients) client.terminate();
    }, CLOSE_WAIT_MS);
    try {
      await this.server.dispose();
    } catch (error) {
      this.logger.warn(`WebSocket server closed with an error: ${(error as Error).message}`);
    } finally {
      clearTimeout(cut);
    }
  }

  private options(
    schema: GraphQLSchema,
  ): ServerOptions<Record<string, unknown> | undefined, ConnectionExtra> {
    const armor = graphqlArmor(this.config.nodeEnv === 'production');
    const rules = [...specifiedRules, ...armor.validationRules];
    const formatError = createFormatError(
      this.config.nodeEnv === 'development',
      this.config.nodeEnv === 'production',
    );
    const format = (errors: readonly GraphQLError[]): GraphQLFormattedError[] =>
      errors.map((error) => formatError(error.toJSON(), error));
    return {
      schema,
      connectionInitWaitTimeout: 5_000,
      onConnect: (ctx) => this.authenticate(ctx),
      onSubscribe: (ctx, _id, payload) => {
        // The new id is already registered, hence ">".
        if (Object.keys(ctx.subscriptions).length > MAX_SUBSCRIPTIONS_PER_CONNECTION) {
          return [
            new GraphQLError(
              `At most ${MAX_SUBSCRIPTIONS_PER_CONNECTION} subscriptions per connection.`,
              { extensions: { code: 'BAD_REQUEST', reason: 'BAD_REQUEST' } },
            ),
          ];
        }
        let document: DocumentNode;
        try {
          document = parse(payload.query, { maxTokens: GRAPHQL_LIMITS.maxTokens });
        } catch (error) {
          return [withCode(error as GraphQLError, 'GRAPHQL_PARSE_FAILED')];
        }
        const errors = validate(schema, document, rules);
        if (errors.length > 0) return errors.map((e) => withCode(e, 'GRAPHQL_VALIDATION_FAILED'));
        const operation = getOperationAST(document, payload.operationName);
        if (operation?.operation !== 'subscription') {
          return [
            new GraphQLError('Only subscriptions are served over WebSocket; use HTTP POST.', {
              extensions: { code: 'BAD_REQUEST', reason: 'BAD_REQUEST' },
            }),
          ];
        }
        return {
          schema,
          document,
          operationName: payload.operationName,
          variableValues: payload.variables,
        };
      },
      context: (ctx) => this.contextOf(ctx),
      onNext: (_ctx, _id, _payload, _args, result) =>
        result.errors ? { ...result, errors: format(result.errors) } : undefined,
      onError: (_ctx, _id, _payload, errors) => format(errors),
    };
  }

  /**
   * Reads the access token of the connection: `connectionParams.authorization` ("Bearer …"),
   * else the access-token cookie of the upgrade request. A token that does not verify closes
   * the connection with 4401; no token connects anonymously.
   */
  private async authenticate(ctx: ConnectionContext): Promise<boolean> {
    const token = bearer(ctx.connectionParams?.['authorization']) ?? this.cookieToken(ctx.extra);
    if (!token) {
      ctx.extra.user = null;
      return true;
    }
    const user = await this.tokens.verify(token);
    if (!user) {
      ctx.extra.socket.close(CLOSE_UNAUTHORIZED, 'Unauthorized');
      return false;
    }
    ctx.extra.token = token;
    ctx.extra.user = user;
    const extra = ctx.extra;
    this.signedIn.add(extra);
    extra.socket.once('close', () => this.signedIn.delete(extra));
    return true;
  }

  /**
   * The cookie counts only for same-origin upgrades: browsers attach cookies to WebSocket
   * requests from any site, so another origin must not borrow the visitor's session.
   */
  private cookieToken(extra: ConnectionExtra): string | undefined {
    const { headers } = extra.request;
    const origin = headers.origin;
    if (origin && !this.isSameOrigin(origin, headers.host)) return undefined;
    return readCookie(headers.cookie, ACCESS_COOKIE);
  }

  private isSameOrigin(origin: string, host: string | undefined): boolean {
    try {
      const url = new URL(origin);
      if (this.config.publicUrl && url.origin === new URL(this.config.publicUrl).origin)
        return true;
      return host !== undefined && url.host === host;
    } catch {
      return false;
    }
  }

  /**
   * One GraphQL context per subscription: the request the guards read (the connection's token
   * as a Bearer header, checked again, so an expired token refuses new subscriptions).
   */
  private contextOf(ctx: ConnectionContext): GraphQLContext {
    const { request, token } = ctx.extra;
    const req = {
      headers: {
        'accept-language': request.headers['accept-language'],
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      cookies: {},
      ip: request.socket.remoteAddress,
      socket: request.socket,
      user: ctx.extra.user ?? null,
    } as unknown as ApiRequest;
    return {
      req,
      res: undefined as unknown as GraphQLContext['res'],
      lang: pickLanguage(request.headers['accept-language']),
      loaders: new LoaderRegistry(),
    };
  }
}

function withCode(error: GraphQLError, code: string): GraphQLError {
  if (error.extensions?.['code']) return error;
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    extensions: { ...error.extensions, code, reason: code },
  });
}

function bearer(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const [scheme, token] = value.trim().split(/\s+/);
  return scheme?.toLowerCase() === 'bearer' && token ? token : undefined;
}

function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of header?.split(';') ?? []) {
    const index = part.indexOf('=');
    if (index > 0 && part.slice(0, index).trim() === name) {
      const value = part.slice(index + 1).trim();
      try {
        return decodeURIComponent(value) || undefined;
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}
