import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import { z } from 'zod';

/** The API's runtime configuration, parsed once at boot from the environment. */
export interface AppConfig {
  nodeEnv: 'development' | 'test' | 'production';
  port: number;
  host: string;
  databaseUrl: string;
  jwtSecret: string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlDays: number;
  cookieSecure: boolean;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  webDistDir: string;
  /** How long the API keeps serving, not ready, after SIGTERM before it stops accepting. */
  shutdownGraceMs: number;
  /** Redis for shared rate-limit counters; null keeps them in this process's memory. */
  redisUrl: string | null;
  /** Prefix of the rate-limit keys in Redis (lets several deployments or test runs share one). */
  redisKeyPrefix: string;
  /** Multiplies every rate limit (e.g. 1000 in end-to-end tests); never 0. */
  rateLimitFactor: number;
  /**
   * Which peers may set X-Forwarded-For (Express `trust proxy`): false when the API faces clients
   * directly (the header is then ignored, so nobody dodges per-IP rate limits with it), a hop
   * count, or addresses/ranges. Default: `loopback, linklocal, uniquelocal` (a reverse proxy on the
   * same host or private network).
   */
  trustProxy: false | number | string;
  /**
   * Public address of the site (e.g. https://passerelle.example.fr), without a trailing slash:
   * the base of the absolute links written into brief exports. Null: taken from each request.
   */
  publicUrl: string | null;
  /** Whether this process runs the background jobs (pg-boss queue and workers). */
  jobsEnabled: boolean;
  /**
   * Render the first pages of anonymous visitors on the server (home, proposals list, proposal
   * page) when the web app's server bundle is built: SERVER_RENDERING=false sends the plain app.
   */
  serverRendering: boolean;
  /** A page render taking longer, once the renderer is up, is given up (the plain app is sent). */
  serverRenderingTimeoutMs: number;
  /**
   * How long an idle keep-alive connection stays open. Longer than the idle timeout of the proxy
   * or load balancer in front (60 s for nginx's upstream keepalive and most cloud balancers): a
   * connection the API closed while the proxy sent a request on it would fail that request.
   */
  keepAliveTimeoutMs: number;
  /** Debounce before an opinion-groups run after a vote, in seconds. */
  opinionGroupsDelaySeconds: number;
  /**
   * How long an anonymous visitor's public read (proposal lists, pages, search…) is served from
   * memory, in milliseconds; 0 turns the cache off. Any mutation clears it in every process.
   */
  anonymousCacheTtlMs: number;
  /**
   * How often open WebSocket connections have their sessions checked again, in milliseconds: a
   * connection whose session ended (sign-out, password or role change, deleted account) is
   * closed with 4401 at the next check.
   */
  subscriptionSessionCheckMs: number;
  /**
   * SMTP server for outgoing mail (smtp:// or smtps://, credentials in the URL); null keeps every
   * message unsent in the outbox (email_messages), readable by administrators (demo mode).
   */
  smtpUrl: string | null;
  /** Sender of outgoing mail, e.g. `Passerelle <ne-pas-repondre@passerelle.example.fr>`. */
  mailFrom: string;
  /**
   * Origins allowed to call the API from another site with credentials (CORS), e.g.
   * `https://partenaire.example.fr`. Empty: same origin only (the web app is served by the API).
   */
  corsOrigins: string[];
  /** One OpenID Connect provider (FranceConnect-compatible), or null when sign-in by it is off. */
  oidc: OidcConfig | null;
  /** How long personal data that only serves security or delivery is kept, in days. */
  retention: RetentionConfig;
}

export interface OidcConfig {
  /** Issuer URL; its `/.well-known/openid-configuration` is read at first use. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Space-separated scopes; `openid` is always included. */
  scopes: string;
  /** Name shown on the sign-in button, e.g. `FranceConnect`. */
  providerName: string;
  /** `acr_values` sent with the authorization request (e.g. `eidas1`), or null. */
  acrValues: string | null;
}

export interface RetentionConfig {
  /** Authentication events (sign-ins, failures, role changes) are deleted after this many days. */
  authEventsDays: number;
  /** Sent or failed e-mails of the outbox are deleted after this many days. */
  emailDays: number;
  /** Expired, used or revoked tokens (refresh, account links, OIDC attempts) after this many days. */
  tokensDays: number;
}

/** Thrown when the environment is not usable; the message names every bad variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration: ${problems.join('; ')}`);
    this.name = 'ConfigError';
  }
}

const DEFAULT_TRUST_PROXY = 'loopback, linklocal, uniquelocal';

const blankToUndefined = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

const integer = (name: string, min: number, max: number, fallback: number) =>
  z.preprocess(
    blankToUndefined,
    z
      .string()
      .optional()
      .transform((raw, ctx) => {
        if (raw === undefined) return fallback;
        const value = Number(raw);
        if (!/^\d+$/.test(raw.trim()) || value < min || value > max) {
          ctx.addIssue({
            code: 'custom',
            message: `${name} must be an integer between ${min} and ${max} (got "${raw}")`,
          });
          return z.NEVER;
        }
        return value;
      }),
  );

const boolean = (name: string) =>
  z.preprocess(
    blankToUndefined,
    z
      .string()
      .optional()
      .transform((raw, ctx) => {
        if (raw === undefined) return undefined;
        const value = raw.trim().toLowerCase();
        if (['true', '1', 'yes'].includes(value)) return true;
        if (['false', '0', 'no'].includes(value)) return false;
        ctx.addIssue({ code: 'custom', message: `${name} must be true or false (got "${raw}")` });
        return z.NEVER;
      }),
  );

const oneOf = <const T extends readonly [string, ...string[]]>(
  name: string,
  values: T,
  fallback: T[number],
) =>
  z.preprocess(
    blankToUndefined,
    z
      .string()
      .optional()
      .transform((raw, ctx): T[number] => {
        if (raw === undefined) return fallback;
        if ((values as readonly string[]).includes(raw)) return raw as T[number];
        ctx.addIssue({
          code: 'custom',
          message: `${name} must be one of ${values.join(', ')} (got "${raw}")`,
        });
        return z.NEVER;
      }),
  );

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && !url.search && !url.hash;
  } catch {
    return false;
  }
}

/** Fallback of integers whose default depends on NODE_ENV. */
const NOT_SET = -1;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const envSchema = z.object({
  NODE_ENV: oneOf('NODE_ENV', ['development', 'test', 'production'], 'development'),
  PORT: integer('PORT', 1, 65535, 3000),
  HOST: z.preprocess(blankToUndefined, z.string().default('0.0.0.0')),
  DATABASE_URL: z.preprocess(
    blankToUndefined,
    z
      .string({
        error: 'DATABASE_URL is required (e.g. postgresql://user@127.0.0.1:5432/passerelle)',
      })
      .refine((value) => /^postgres(ql)?:\/\//.test(value), {
        message: 'DATABASE_URL must be a postgresql:// URL',
      }),
  ),
  JWT_SECRET: z.preprocess(blankToUndefined, z.string().optional()),
  ACCESS_TOKEN_TTL_SECONDS: integer('ACCESS_TOKEN_TTL_SECONDS', 30, 86_400, 900),
  REFRESH_TOKEN_TTL_DAYS: integer('REFRESH_TOKEN_TTL_DAYS', 1, 365, 30),
  COOKIE_SECURE: boolean('COOKIE_SECURE'),
  LOG_LEVEL: oneOf('LOG_LEVEL', LOG_LEVELS, 'info'),
  WEB_DIST_DIR: z.preprocess(blankToUndefined, z.string().optional()),
  SHUTDOWN_GRACE_MS: z.preprocess(
    blankToUndefined,
    z
      .string()
      .optional()
      .refine((raw) => raw === undefined || (/^\d+$/.test(raw.trim()) && Number(raw) <= 60_000), {
        message: 'SHUTDOWN_GRACE_MS must be an integer between 0 and 60000',
      }),
  ),
  REDIS_URL: z.preprocess(
    blankToUndefined,
    z
      .string()
      .optional()
      .refine((value) => value === undefined || /^rediss?:\/\/\S+$/.test(value), {
        message: 'REDIS_URL must be a redis:// or rediss:// URL',
      }),
  ),
  REDIS_KEY_PREFIX: z.preprocess(blankToUndefined, z.string().default('passerelle:')),
  TRUST_PROXY: z.preprocess(
    blankToUndefined,
    z
      .string()
      .default(DEFAULT_TRUST_PROXY)
      .refine((value) => /^(false|\d{1,2}|[\w.:/]+(\s*,\s*[\w.:/]+)*)$/.test(value.trim()), {
        message:
          'TRUST_PROXY must be false, a hop count, or comma-separated addresses, ranges or names such as loopback, 10.0.0.0/8',
      })
      .refine((value) => value.trim() !== 'true', {
        message:
          'TRUST_PROXY=true would let any client choose its IP address with X-Forwarded-For: name the proxy instead',
      }),
  ),
  RATE_LIMIT_FACTOR: z.preprocess(
    blankToUndefined,
    z
      .string()
      .optional()
      .refine(
        (raw) =>
          raw === undefined ||
          (/^\d+(\.\d+)?$/.test(raw.trim()) && Number(raw) > 0 && Number(raw) <= 1_000_000),
        { message: 'RATE_LIMIT_FACTOR must be a number greater than 0 and at most 1000000' },
      ),
  ),
  PUBLIC_URL: z.preprocess(
    blankToUndefined,
    z
      .string()
      .optional()
      .refine((value) => value === undefined || isHttpUrl(value), {
        message:
          'PUBLIC_URL must be an http:// or https:// URL (e.g. https://passerelle.example.fr)',
      }),
  ),
  JOBS_ENABLED: boolean('JOBS_ENABLED'),
  SERVER_RENDERING: boolean('SERVER_RENDERING'),
  SERVER_RENDERING_TIMEOUT_MS: integer('SERVER_RENDERING_TIMEOUT_MS', 100, 60_000, 3_000),
  HTTP_KEEP_ALIVE_TIMEOUT_MS: integer('HTTP_KEEP_ALIVE_TIMEOUT_MS', 1_000, 600_000, 65_000),
  SMTP_URL: z.preprocess(
    blankToUndefined,
    z
      .string()
      .optional()
      .refine((value) => value === undefined || /^smtps?:\/\/\S+$/.test(value), {
        message: 'SMTP_URL must be an smtp:// or smtps:// URL (e.g. smtp://user:password@host:587)',
      }),
  ),
  MAIL_FROM: z.preprocess(
    blankToUndefined,
    z.string().default('Passerelle <ne-pas-repondre@passerelle.local>'),
  ),
  OPINION_GROUPS_DELAY_SECONDS: integer('OPINION_GROUPS_DELAY_SECONDS', 0, 86_400, NOT_SET),
  ANONYMOUS_CACHE_TTL_MS: integer('ANONYMOUS_CACHE_TTL_MS', 0, 60_000, 2_000),
  SUBSCRIPTION_SESSION_CHECK_MS: integer('SUBSCRIPTION_SESSION_CHECK_MS', 100, 600_000, 30_000),
  CORS_ORIGINS: z.preprocess(
    blankToUndefined,
    z
      .string()
      .optional()
      .transform((raw, ctx) => {
        if (raw === undefined) return [];
        const origins = raw
          .split(',')
          .map((origin) => origin.trim().replace(/\/+$/, ''))
          .filter(Boolean);
        const bad = origins.filter((origin) => !isOrigin(origin));
        if (bad.length > 0) {
          ctx.addIssue({
            code: 'custom',
            message: `CORS_ORIGINS must be a comma-separated list of origins such as https://partenaire.example.fr (got "${bad.join('", "')}")`,
          });
          return z.NEVER;
        }
        return origins;
      }),
  ),
  OIDC_ISSUER: z.preprocess(
    blankToUndefined,
    z
      .string()
      .optional()
      .refine((value) => value === undefined || isHttpUrl(value), {
        message: 'OIDC_ISSUER must be an http:// or https:// URL (the provider’s issuer)',
      }),
  ),
  OIDC_CLIENT_ID: z.preprocess(blankToUndefined, z.string().optional()),
  OIDC_CLIENT_SECRET: z.preprocess(blankToUndefined, z.string().optional()),
  OIDC_SCOPES: z.preprocess(blankToUndefined, z.string().default('openid email profile')),
  OIDC_PROVIDER_NAME: z.preprocess(blankToUndefined, z.string().default('FranceConnect')),
  OIDC_ACR_VALUES: z.preprocess(blankToUndefined, z.string().optional()),
  RETENTION_AUTH_EVENTS_DAYS: integer('RETENTION_AUTH_EVENTS_DAYS', 1, 3650, 365),
  RETENTION_EMAIL_DAYS: integer('RETENTION_EMAIL_DAYS', 1, 3650, 90),
  RETENTION_TOKENS_DAYS: integer('RETENTION_TOKENS_DAYS', 1, 3650, 30),
});

function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === value;
  } catch {
    return false;
  }
}

/** Time for load balancers to see readiness turn false before the server stops accepting. */
const DEFAULT_SHUTDOWN_GRACE_MS = { production: 5_000, development: 500, test: 500 } as const;

/** Where the built web app sits by default: dist/web, next to dist/api. */
const DEFAULT_WEB_DIST_DIR = path.join(__dirname, '../../web');

/**
 * Validates the environment and returns the typed configuration, or throws a ConfigError whose
 * message names each bad variable, e.g. `Invalid configuration: PORT must be an integer between
 * 1 and 65535 (got "abc")`. Called once at boot; nothing else reads process.env.
 */
export function parseConfig(env: Record<string, string | undefined>): AppConfig {
  const result = envSchema.safeParse(env);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((issue) => issue.message));
  }
  const values = result.data;
  const isProduction = values.NODE_ENV === 'production';
  let jwtSecret = values.JWT_SECRET;
  if (jwtSecret !== undefined && jwtSecret.length < 32) {
    throw new ConfigError([
      `JWT_SECRET must be at least 32 characters long (got ${jwtSecret.length})`,
    ]);
  }
  if (isProduction && values.SMTP_URL !== undefined && values.PUBLIC_URL === undefined) {
    // E-mailed links (password reset, verification) must never be built from a request's Host
    // header, which a caller controls.
    throw new ConfigError([
      'PUBLIC_URL is required in production when SMTP_URL is set: e-mailed links are built on it',
    ]);
  }
  const oidcValues = [values.OIDC_ISSUER, values.OIDC_CLIENT_ID, values.OIDC_CLIENT_SECRET];
  if (oidcValues.some((value) => value !== undefined) && oidcValues.includes(undefined)) {
    throw new ConfigError([
      'OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET must be set together (or none of them)',
    ]);
  }
  if (jwtSecret === undefined) {
    if (isProduction)
      throw new ConfigError(['JWT_SECRET is required in production (at least 32 characters)']);
    // Outside production a random secret per boot is enough: sessions survive through refresh tokens.
    jwtSecret = randomBytes(48).toString('base64url');
  }
  return {
    nodeEnv: values.NODE_ENV,
    port: values.PORT,
    host: values.HOST,
    databaseUrl: values.DATABASE_URL,
    jwtSecret,
    accessTokenTtlSeconds: values.ACCESS_TOKEN_TTL_SECONDS,
    refreshTokenTtlDays: values.REFRESH_TOKEN_TTL_DAYS,
    cookieSecure: values.COOKIE_SECURE ?? isProduction,
    logLevel: values.LOG_LEVEL,
    webDistDir: values.WEB_DIST_DIR ? path.resolve(values.WEB_DIST_DIR) : DEFAULT_WEB_DIST_DIR,
    shutdownGraceMs:
      values.SHUTDOWN_GRACE_MS === undefined
        ? DEFAULT_SHUTDOWN_GRACE_MS[values.NODE_ENV]
        : Number(values.SHUTDOWN_GRACE_MS),
    redisUrl: values.REDIS_URL ?? null,
    redisKeyPrefix: values.REDIS_KEY_PREFIX,
    rateLimitFactor: values.RATE_LIMIT_FACTOR === undefined ? 1 : Number(values.RATE_LIMIT_FACTOR),
    trustProxy: parseTrustProxy(values.TRUST_PROXY),
    publicUrl: values.PUBLIC_URL === undefined ? null : values.PUBLIC_URL.replace(/\/+$/, ''),
    jobsEnabled: values.JOBS_ENABLED ?? true,
    serverRendering: values.SERVER_RENDERING ?? true,
    serverRenderingTimeoutMs: values.SERVER_RENDERING_TIMEOUT_MS,
    keepAliveTimeoutMs: values.HTTP_KEEP_ALIVE_TIMEOUT_MS,
    smtpUrl: values.SMTP_URL ?? null,
    mailFrom: values.MAIL_FROM,
    // Production waits longer, so that a burst of votes makes one run.
    opinionGroupsDelaySeconds:
      values.OPINION_GROUPS_DELAY_SECONDS !== NOT_SET
        ? values.OPINION_GROUPS_DELAY_SECONDS
        : isProduction
          ? 10
          : 2,
    anonymousCacheTtlMs: values.ANONYMOUS_CACHE_TTL_MS,
    subscriptionSessionCheckMs: values.SUBSCRIPTION_SESSION_CHECK_MS,
    corsOrigins: values.CORS_ORIGINS,
    oidc:
      values.OIDC_ISSUER && values.OIDC_CLIENT_ID && values.OIDC_CLIENT_SECRET
        ? {
            issuer: values.OIDC_ISSUER.replace(/\/+$/, ''),
            clientId: values.OIDC_CLIENT_ID,
            clientSecret: values.OIDC_CLIENT_SECRET,
            scopes: values.OIDC_SCOPES.split(/\s+/).includes('openid')
              ? values.OIDC_SCOPES
              : `openid ${values.OIDC_SCOPES}`,
            providerName: values.OIDC_PROVIDER_NAME,
            acrValues: values.OIDC_ACR_VALUES?.trim() ?? null,
          }
        : null,
    retention: {
      authEventsDays: values.RETENTION_AUTH_EVENTS_DAYS,
      emailDays: values.RETENTION_EMAIL_DAYS,
      tokensDays: values.RETENTION_TOKENS_DAYS,
    },
  };
}

function parseTrustProxy(raw: string): false | number | string {
  const value = raw.trim();
  if (value === 'false') return false;
  return /^\d+$/.test(value) ? Number(value) : value;
}
