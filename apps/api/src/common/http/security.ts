import { type INestApplication } from '@nestjs/common';
import cookieParser from 'cookie-parser';
import { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import { type AppConfig } from '../../config/config.schema';
import { GRAPHQL_PATH } from '../graphql/graphql-options';

/**
 * Security headers and cookie parsing. The Content-Security-Policy fits the built Vite app
 * (same-origin module scripts and styles; Mantine sets inline styles). In development the Apollo
 * landing page on GET /graphql loads its own scripts, so it gets no CSP.
 */
export function applySecurityMiddleware(app: INestApplication, config: AppConfig): void {
  const isDevelopment = config.nodeEnv === 'development';
  const headers = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        workerSrc: ["'self'", 'blob:'],
        manifestSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(config.cookieSecure ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    strictTransportSecurity: config.cookieSecure,
    crossOriginEmbedderPolicy: false,
  });
  const withoutCsp = helmet({
    contentSecurityPolicy: false,
    strictTransportSecurity: config.cookieSecure,
  });
  app.use((req: Request, res: Response, next: NextFunction) =>
    isDevelopment && req.method === 'GET' && req.path === GRAPHQL_PATH
      ? withoutCsp(req, res, next)
      : headers(req, res, next),
  );
  app.use(cookieParser());
}
