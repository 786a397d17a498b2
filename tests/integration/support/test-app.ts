import { randomBytes, randomUUID } from 'node:crypto';
import * as path from 'node:path';
import { type NestExpressApplication } from '@nestjs/platform-express';
import { type Role } from '@passerelle/domain';
import supertest from 'supertest';
import { createApp } from '../../../apps/api/src/bootstrap';
import { AccessTokenService } from '../../../apps/api/src/common/auth/access-token.service';
import { PrismaService } from '../../../apps/api/src/common/prisma/prisma.service';
import { type AppConfig, parseConfig } from '../../../apps/api/src/config/config.schema';
import { type CookieJar, parseSetCookies, type SetCookie } from './cookies';

export interface GraphQLErrorBody {
  message: string;
  path?: (string | number)[];
  extensions?: {
    code?: string;
    reason?: string;
    requestId?: string;
    fields?: { field: string; message: string; rule: string }[];
    [key: string]: unknown;
  };
}

export interface GqlResult<T> {
  status: number;
  data: T | null | undefined;
  errors: GraphQLErrorBody[] | undefined;
  headers: Record<string, string | string[] | undefined>;
  setCookies: SetCookie[];
  text: string;
}

export interface GqlOptions {
  /** Sent as `Authorization: Bearer`. */
  token?: string;
  /** Sent as `Accept-Language`. */
  lang?: string;
  /** A cookie jar: its cookies are sent, and the response's Set-Cookie headers update it. */
  jar?: CookieJar;
  headers?: Record<string, string>;
}

export interface TestApp {
  app: NestExpressApplication;
  config: AppConfig;
  http: ReturnType<typeof supertest>;
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    options?: GqlOptions,
  ): Promise<GqlResult<T>>;
  /**
   * An access token for an account, as signIn would issue (for Bearer requests), on a new live
   * session. The guard gives the request the account's current role from the database.
   */
  tokenFor(user: { id: string; role: Role }): Promise<string>;
  close(): Promise<void>;
}

/**
 * Boots the real AppModule in-process, listening on a random port, against the test database.
 * `env` overrides the environment the API would read at boot.
 */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const config = parseConfig({
    NODE_ENV: 'test',
    DATABASE_URL: process.env['DATABASE_URL'],
    LOG_LEVEL: 'silent',
    WEB_DIST_DIR: path.join(__dirname, 'no-web-app'),
    // Suites share one IP address and sign in often: only rate-limits.spec.ts uses factor 1.
    RATE_LIMIT_FACTOR: '1000',
    // No background jobs unless a suite asks: several suites count the SQL statements they cause.
    JOBS_ENABLED: 'false',
    // Suites write fixtures straight into the database between two anonymous reads, which the
    // public-read cache would answer from memory: public-read-cache.spec.ts turns it on.
    ANONYMOUS_CACHE_TTL_MS: '0',
    ...env,
  });
  const app = await createApp(config);
  await app.listen(0, '127.0.0.1');
  const http = supertest(app.getHttpServer());

  async function gql<T>(
    query: string,
    variables: Record<string, unknown> = {},
    options: GqlOptions = {},
  ) {
    let request = http.post('/graphql').set('Content-Type', 'application/json');
    if (options.token) request = request.set('Authorization', `Bearer ${options.token}`);
    if (options.lang) request = request.set('Accept-Language', options.lang);
    const cookie = options.jar?.header();
    if (cookie) request = request.set('Cookie', cookie);
    for (const [name, value] of Object.entries(options.headers ?? {}))
      request = request.set(name, value);
    const response = await request.send({ query, variables });
    const setCookie = response.headers['set-cookie'] as string[] | string | undefined;
    options.jar?.store(setCookie);
    const body = (response.body ?? {}) as { data?: T | null; errors?: GraphQLErrorBody[] };
    return {
      status: response.status,
      data: body.data,
      errors: body.errors,
      headers: response.headers as Record<string, string | string[] | undefined>,
      setCookies: parseSetCookies(setCookie),
      text: response.text,
    };
  }

  return {
    app,
    config,
    http,
    gql,
    async tokenFor(user) {
      // A real live session (refresh-token family), as signIn creates: the guard checks it.
      const sessionId = randomUUID();
      await app.get(PrismaService).refreshToken.create({
        data: {
          userId: user.id,
          familyId: sessionId,
          tokenHash: randomBytes(32).toString('hex'),
          expiresAt: new Date(Date.now() + config.refreshTokenTtlDays * 24 * 60 * 60 * 1000),
        },
      });
      const { token } = await app
        .get(AccessTokenService)
        .sign({ id: user.id, role: user.role }, sessionId);
      return token;
    },
    close: () => app.close(),
  };
}

/** The first error of a result, failing the test when there is none. */
export function firstError<T>(result: GqlResult<T>): GraphQLErrorBody {
  if (!result.errors?.length) {
    throw new Error(`Expected a GraphQL error, got ${result.text}`);
  }
  return result.errors[0];
}

/** The data of a result, failing the test when there is none. */
export function dataOf<T>(result: GqlResult<T>): T {
  if (result.data === null || result.data === undefined) {
    throw new Error(`Expected data, got ${result.text}`);
  }
  return result.data;
}

/** A value that must be there (e.g. a cookie), failing the test otherwise. */
export function present<T>(value: T | null | undefined): T {
  if (value === null || value === undefined) throw new Error('Expected a value');
  return value;
}
