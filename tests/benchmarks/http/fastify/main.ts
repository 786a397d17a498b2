/**
 * The API's AppModule on Fastify, for the Express-or-Fastify measurement (issue 9, see
 * docs/PERFORMANCE.md "Express or Fastify"). Not a production entry: it serves `/graphql` (and
 * the health probes the harness waits for) with the same Apollo options, limits, error
 * formatting, security middleware, logger and GraphQL context as the Express API, and nothing of
 * the web app. REST routes that use Express' `res` (exports, open data, OpenID Connect…) are
 * registered but not adapted.
 *
 * It loads the *built* API (`<BENCH_API_DIR>/app.module.js` …, default dist/api) at run time, so
 * Express and Fastify run the very same compiled modules. Build this entry to JavaScript (no
 * decorators here, so esbuild's plain transpilation is enough):
 *
 *   npx esbuild tests/benchmarks/http/fastify/main.ts --platform=node --format=cjs \
 *     --target=node20 --outfile=tmp/fastify/entry/main.js
 *
 * then run the harness with BENCH_API_ENTRY=tmp/fastify/entry/main.js (support/http-api.ts).
 */
import 'reflect-metadata';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { type DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { type CookieOptions } from 'express';
import { type FastifyReply, type FastifyRequest } from 'fastify';
import { type IncomingMessage, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { Logger } from 'nestjs-pino';

// Types only (erased): the values come from the build at run time, through `load` below.
import type * as AppModuleFile from '../../../../apps/api/src/app.module';
import type * as GraphqlContextFile from '../../../../apps/api/src/common/graphql/graphql-context';
import type { ApiRequest } from '../../../../apps/api/src/common/graphql/graphql-context';
import type * as GraphqlOptionsFile from '../../../../apps/api/src/common/graphql/graphql-options';
import type * as PublicReadCacheFile from '../../../../apps/api/src/common/graphql/public-read-cache';
import type * as RequestIdFile from '../../../../apps/api/src/common/http/request-id';
import type * as SecurityFile from '../../../../apps/api/src/common/http/security';
import type * as ConfigFile from '../../../../apps/api/src/config/config.schema';
import type * as HealthServiceFile from '../../../../apps/api/src/modules/health/health.service';

/** The `cookie` package Express' `res.cookie` serializes with (it ships no type declarations). */
const { serialize } = createRequire(__filename)('cookie') as {
  serialize(name: string, value: string, options: Record<string, unknown>): string;
};

/** Same as the API's main.ts. */
const SHUTDOWN_TIMEOUT_MS = 15_000;
/** express.json()'s default limit, which the Express API runs with (Fastify's default is 1 MiB). */
const BODY_LIMIT_BYTES = 100 * 1024;

const API_DIR = path.resolve(process.env['BENCH_API_DIR'] ?? 'dist/api');
const load = createRequire(path.join(API_DIR, 'main.js'));
const { AppModule } = load('./app.module.js') as typeof AppModuleFile;
const { ConfigError, parseConfig } = load('./config/config.schema.js') as typeof ConfigFile;
const { graphqlOptions } = load('./common/graphql/graphql-options.js') as typeof GraphqlOptionsFile;
const { PublicReadCache } = load(
  './common/graphql/public-read-cache.js',
) as typeof PublicReadCacheFile;
const { createGraphQLContext } = load(
  './common/graphql/graphql-context.js',
) as typeof GraphqlContextFile;
const { applySecurityMiddleware } = load('./common/http/security.js') as typeof SecurityFile;
const { HealthService } = load('./modules/health/health.service.js') as typeof HealthServiceFile;
const { REQUEST_ID_HEADER, requestIdFor } = load(
  './common/http/request-id.js',
) as typeof RequestIdFile;

/**
 * The request id, chosen as pino-http's `genReqId` does on Express (loggerOptions). On Fastify,
 * @fastify/middie copies Fastify's own id (`req-1`…) onto Node's request before pino-http runs,
 * and pino-http keeps an id it finds: so Fastify must generate it, and an `onRequest` hook echoes
 * it in `x-request-id` as requestIdFor does.
 */
const genReqId = (req: object): string =>
  requestIdFor(req as IncomingMessage, { setHeader: () => undefined } as unknown as ServerResponse);

/**
 * The part of Express' `res` the GraphQL resolvers use (session cookies), on a Fastify reply,
 * with Express 5's semantics: `maxAge` in ms becomes `Expires` + `Max-Age` in seconds, path `/`.
 */
function expressLikeResponse(reply: FastifyReply) {
  const response = {
    cookie(name: string, value: string, options: CookieOptions = {}) {
      const opts: Record<string, unknown> = { ...options };
      if (options.maxAge !== undefined && !Number.isNaN(options.maxAge)) {
        opts.expires = new Date(Date.now() + options.maxAge);
        opts.maxAge = Math.floor(options.maxAge / 1000);
      }
      if (opts.path === undefined) opts.path = '/';
      void reply.header('set-cookie', serialize(name, String(value), opts));
      return response;
    },
    clearCookie(name: string, options: CookieOptions = {}) {
      const opts: CookieOptions = { path: '/', ...options, expires: new Date(1) };
      delete opts.maxAge;
      return response.cookie(name, '', opts);
    },
  };
  return response;
}

/**
 * The GraphQL context from Fastify's (request, reply). The request is Node's own: pino-http (id,
 * log) and cookie-parser (cookies) run on it through @fastify/middie, as on Express; `ip` is
 * Fastify's (it honours `trustProxy` as Express' `req.ip` does).
 */
function fastifyContext(request: FastifyRequest, reply: FastifyReply) {
  const req = request.raw as unknown as ApiRequest;
  if (req.ip === undefined) Object.defineProperty(req, 'ip', { value: request.ip });
  return createGraphQLContext({
    req,
    res: expressLikeResponse(reply) as unknown as Parameters<typeof createGraphQLContext>[0]['res'],
  });
}

/**
 * AppModule with its GraphQLModule configured for Fastify's context signature. The anonymous-read
 * cache is off here (its Nest middleware reads Express' parsed `req.body` and `req.is()`, which
 * @fastify/middie does not give: it runs before Fastify parses the body): run both variants with
 * ANONYMOUS_CACHE_TTL_MS=0 so the comparison measures the GraphQL path.
 */
function fastifyAppModule(config: Parameters<typeof AppModule.forRoot>[0]): DynamicModule {
  const module = AppModule.forRoot(config);
  const graphql = GraphQLModule.forRoot<ApolloDriverConfig>({
    driver: ApolloDriver,
    ...graphqlOptions(config, new PublicReadCache({ ttlMs: 0 })),
    context: fastifyContext,
  });
  const imports = module.imports ?? [];
  const index = imports.findIndex(
    (entry) => (entry as DynamicModule | undefined)?.module === GraphQLModule,
  );
  if (index < 0) throw new Error('AppModule.forRoot() has no GraphQLModule to replace');
  return { ...module, imports: imports.map((entry, i) => (i === index ? graphql : entry)) };
}

/** The adapter's instance comes from @nestjs/platform-fastify's own copy of fastify's types. */
interface ReplyLike {
  header(name: string, value: string): unknown;
  send(body: unknown): unknown;
}

async function main(): Promise<void> {
  let config;
  try {
    config = parseConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }

  const app = await NestFactory.create<NestFastifyApplication>(
    fastifyAppModule(config),
    new FastifyAdapter({ trustProxy: config.trustProxy, bodyLimit: BODY_LIMIT_BYTES, genReqId }),
    { bufferLogs: true, logger: config.logLevel === 'silent' ? false : undefined },
  );
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', (request, reply, done) => {
    reply.raw.setHeader(REQUEST_ID_HEADER, request.id);
    done();
  });
  // What the exception filter's REST answers (rest-errors.ts sendRestError) call on Express'
  // `res`: for the errors raised before GraphQL, e.g. a body that is not JSON.
  fastify.decorateReply('setHeader', function (this: ReplyLike, name: string, value: string) {
    return this.header(name, value);
  });
  fastify.decorateReply('json', function (this: ReplyLike, body: unknown) {
    return this.send(body);
  });
  app.useLogger(app.get(Logger));
  // helmet, CORS (through @fastify/cors), cookie-parser and the Origin check: the API's own code.
  applySecurityMiddleware(app, config);
  await app.listen(config.port, config.host);
  console.log(`Passerelle API (Fastify) listening on http://${config.host}:${config.port}/graphql`);

  let isStopping = false;
  const stop = async () => {
    if (isStopping) return;
    isStopping = true;
    setTimeout(() => process.exit(1), config.shutdownGraceMs + SHUTDOWN_TIMEOUT_MS).unref();
    app.get(HealthService).markShuttingDown();
    await new Promise((resolve) => setTimeout(resolve, config.shutdownGraceMs));
    await app.close();
    process.exit(0);
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => void stop());
}

void main().catch((error: unknown) => {
  console.error('Passerelle API (Fastify) failed to start:', error);
  process.exit(1);
});
