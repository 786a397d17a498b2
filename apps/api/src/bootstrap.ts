import { type Server } from 'node:http';
import { NestFactory } from '@nestjs/core';
import { type NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { applySecurityMiddleware } from './common/http/security';
import { serveWebApp } from './common/http/web-app';
import { type AppConfig } from './config/config.schema';

export interface CreateAppOptions {
  /** Buffer Nest's boot logs until pino is ready (the server); tests keep Nest's default. */
  bufferLogs?: boolean;
}

/**
 * Builds the whole HTTP application (middleware, GraphQL, health, web app) without listening:
 * main.ts listens on the configured port, integration tests on a random one.
 */
export async function createApp(
  config: AppConfig,
  options: CreateAppOptions = {},
): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bufferLogs: options.bufferLogs ?? false,
    logger: config.logLevel === 'silent' ? false : undefined,
  });
  const logger = app.get(Logger);
  app.useLogger(logger);
  app.set('trust proxy', config.trustProxy);
  // Idle keep-alive connections outlive the proxy's (Node's default, 5 s, is shorter: a request
  // the proxy or a client sends as the API closes the connection fails with ECONNRESET); the
  // headers' time limit must exceed it, or Node cuts a reused connection first.
  const server = app.getHttpServer() as Server;
  server.keepAliveTimeout = config.keepAliveTimeoutMs;
  server.headersTimeout = config.keepAliveTimeoutMs + 1_000;
  app.disable('x-powered-by');
  // No ETag hashed over every answer by res.send: GraphQL answers are POSTs nobody revalidates
  // (static files keep theirs, set by serve-static).
  app.set('etag', false);
  applySecurityMiddleware(app, config);
  serveWebApp(app, config.webDistDir, logger, {
    serverRendering: config.serverRendering,
    serverRenderingTimeoutMs: config.serverRenderingTimeoutMs,
  });
  return app;
}
