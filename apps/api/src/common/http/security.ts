import { type INestApplication } from '@nestjs/common';
import cookieParser from 'cookie-parser';
import { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import { type AppConfig } from '../../config/config.schema';
import { ACCESS_COOKIE, REFRESH_COOKIE } from '../auth/auth-user';
import { GRAPHQL_PATH } from '../graphql/graphql-options';

/** Methods that read only: a cross-site page may trigger them, they change nothing. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Security headers, CORS and cookie parsing. The Content-Security-Policy fits the built Vite app
 * (same-origin module scripts and styles; Mantine sets inline styles). In development the Apollo
 * landing page on GET /graphql loads its own scripts, so it gets no CSP.
 *
 * CORS: only the exact origins of CORS_ORIGINS get `Access-Control-Allow-Origin` (with
 * credentials); any other origin gets no CORS header, so browsers keep its scripts from reading
 * answers or sending JSON. CSRF, in depth: the session cookies are SameSite (lax, strict for the
 * refresh cookie), Apollo's CSRF prevention refuses simple requests (forms, text/plain, GET
 * mutations), and a state-changing request whose `Origin` is neither this site nor a configured
 * origin is served without its session cookies (as an anonymous visitor).
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
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    frameguard: { action: 'deny' },
  });
  const withoutCsp = helmet({
    contentSecurityPolicy: false,
    strictTransportSecurity: config.cookieSecure,
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    frameguard: { action: 'deny' },
  });
  const allowed = new Set(config.corsOrigins);
  app.enableCors({
    origin: (
      origin: string | undefined,
      callback: (error: Error | null, allow?: boolean) => void,
    ) => callback(null, origin !== undefined && allowed.has(origin)),
    credentials: true,
    methods: ['GET', 'HEAD', 'POST'],
    allowedHeaders: [
      'Content-Type',
      'Authorization',
      'Accept-Language',
      'Apollo-Require-Preflight',
      'X-Apollo-Operation-Name',
      'X-Request-Id',
    ],
    exposedHeaders: ['X-Request-Id', 'Retry-After'],
    maxAge: 600,
  });
  app.use((req: Request, res: Response, next: NextFunction) =>
    isDevelopment && req.method === 'GET' && req.path === GRAPHQL_PATH
      ? withoutCsp(req, res, next)
      : headers(req, res, next),
  );
  app.use(cookieParser());
  app.use((req: Request, _res: Response, next: NextFunction) => {
    if (!SAFE_METHODS.has(req.method) && !isTrustedOrigin(req, config, allowed)) {
      const cookies = req.cookies as Record<string, unknown> | undefined;
      if (cookies) {
        delete cookies[ACCESS_COOKIE];
        delete cookies[REFRESH_COOKIE];
      }
    }
    next();
  });
}

/** No Origin (not a browser, or same-origin GET), this site's own origin, or a configured one. */
function isTrustedOrigin(req: Request, config: AppConfig, allowed: Set<string>): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  if (allowed.has(origin)) return true;
  try {
    const url = new URL(origin);
    if (config.publicUrl && url.origin === new URL(config.publicUrl).origin) return true;
    return url.host === req.headers.host;
  } catch {
    return false; // "null" (sandboxed frames, local files) or garbage
  }
}
