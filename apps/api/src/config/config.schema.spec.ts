import * as path from 'node:path';
import { ConfigError, parseConfig } from './config.schema';

const DATABASE_URL = 'postgresql://postgres@127.0.0.1:5432/passerelle';

function problemsOf(env: Record<string, string | undefined>): string[] {
  try {
    parseConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('parseConfig', () => {
  it('applies the defaults', () => {
    const config = parseConfig({ DATABASE_URL });
    expect(config).toMatchObject({
      nodeEnv: 'development',
      port: 3000,
      host: '0.0.0.0',
      databaseUrl: DATABASE_URL,
      accessTokenTtlSeconds: 900,
      refreshTokenTtlDays: 30,
      cookieSecure: false,
      logLevel: 'info',
      shutdownGraceMs: 500,
      redisUrl: null,
      redisKeyPrefix: 'passerelle:',
      rateLimitFactor: 1,
      publicUrl: null,
      anonymousCacheTtlMs: 2000,
      subscriptionSessionCheckMs: 30_000,
    });
    expect(config.webDistDir).toBe(path.resolve(__dirname, '../../web'));
  });

  it.each(['abc', '0', '65536', '80.5', '-1'])(
    'refuses PORT=%s with a message naming PORT',
    (port) => {
      expect(() => parseConfig({ DATABASE_URL, PORT: port })).toThrow(
        `Invalid configuration: PORT must be an integer between 1 and 65535 (got "${port}")`,
      );
    },
  );

  it('reads ANONYMOUS_CACHE_TTL_MS (0 turns the cache off), up to one minute', () => {
    expect(parseConfig({ DATABASE_URL, ANONYMOUS_CACHE_TTL_MS: '0' }).anonymousCacheTtlMs).toBe(0);
    expect(problemsOf({ DATABASE_URL, ANONYMOUS_CACHE_TTL_MS: '60001' })).toEqual([
      'ANONYMOUS_CACHE_TTL_MS must be an integer between 0 and 60000 (got "60001")',
    ]);
  });

  it('reads SUBSCRIPTION_SESSION_CHECK_MS, from 100 ms to ten minutes', () => {
    expect(
      parseConfig({ DATABASE_URL, SUBSCRIPTION_SESSION_CHECK_MS: '250' })
        .subscriptionSessionCheckMs,
    ).toBe(250);
    expect(problemsOf({ DATABASE_URL, SUBSCRIPTION_SESSION_CHECK_MS: '0' })).toEqual([
      'SUBSCRIPTION_SESSION_CHECK_MS must be an integer between 100 and 600000 (got "0")',
    ]);
  });

  it('accepts a valid PORT', () => {
    expect(parseConfig({ DATABASE_URL, PORT: '8080' }).port).toBe(8080);
  });

  it('requires DATABASE_URL and checks it is a PostgreSQL URL', () => {
    expect(problemsOf({})).toEqual([expect.stringContaining('DATABASE_URL is required')]);
    expect(problemsOf({ DATABASE_URL: 'mysql://localhost/db' })).toEqual([
      'DATABASE_URL must be a postgresql:// URL',
    ]);
  });

  it('lists every bad variable at once', () => {
    const problems = problemsOf({
      NODE_ENV: 'staging',
      PORT: 'x',
      LOG_LEVEL: 'loud',
      COOKIE_SECURE: 'maybe',
    });
    expect(problems).toHaveLength(5);
    expect(problems.join('\n')).toMatch(/NODE_ENV.*PORT|PORT.*NODE_ENV/s);
    for (const name of ['NODE_ENV', 'PORT', 'DATABASE_URL', 'LOG_LEVEL', 'COOKIE_SECURE']) {
      expect(problems.some((p) => p.startsWith(name))).toBe(true);
    }
  });

  describe('in production', () => {
    it('requires JWT_SECRET', () => {
      expect(() => parseConfig({ DATABASE_URL, NODE_ENV: 'production' })).toThrow(
        /JWT_SECRET is required in production/,
      );
    });

    it('secures cookies by default', () => {
      const config = parseConfig({
        DATABASE_URL,
        NODE_ENV: 'production',
        JWT_SECRET: 'x'.repeat(32),
      });
      expect(config.cookieSecure).toBe(true);
      expect(config.jwtSecret).toBe('x'.repeat(32));
    });

    it('lets COOKIE_SECURE=false serve plain HTTP (e.g. behind a local proxy)', () => {
      expect(
        parseConfig({
          DATABASE_URL,
          NODE_ENV: 'production',
          JWT_SECRET: 'x'.repeat(32),
          COOKIE_SECURE: 'false',
        }).cookieSecure,
      ).toBe(false);
    });
  });

  it('refuses a JWT_SECRET shorter than 32 characters', () => {
    expect(() => parseConfig({ DATABASE_URL, JWT_SECRET: 'short' })).toThrow(
      /JWT_SECRET must be at least 32 characters/,
    );
  });

  it('draws a random JWT secret per boot outside production', () => {
    const a = parseConfig({ DATABASE_URL }).jwtSecret;
    const b = parseConfig({ DATABASE_URL }).jwtSecret;
    expect(a).not.toBe(b);
    expect(a.length).toBeGreaterThanOrEqual(32);
  });

  it('treats blank values as unset', () => {
    expect(parseConfig({ DATABASE_URL, PORT: '', LOG_LEVEL: ' ' })).toMatchObject({
      port: 3000,
      logLevel: 'info',
    });
  });

  it.each([
    ['ACCESS_TOKEN_TTL_SECONDS', '10'],
    ['REFRESH_TOKEN_TTL_DAYS', '0'],
  ])('checks the range of %s', (name, value) => {
    expect(problemsOf({ DATABASE_URL, [name]: value })).toEqual([expect.stringContaining(name)]);
  });

  it('drains longer before stopping in production, and accepts an explicit SHUTDOWN_GRACE_MS', () => {
    const secret = 'x'.repeat(32);
    expect(
      parseConfig({ DATABASE_URL, NODE_ENV: 'production', JWT_SECRET: secret }).shutdownGraceMs,
    ).toBe(5000);
    expect(parseConfig({ DATABASE_URL, SHUTDOWN_GRACE_MS: '0' }).shutdownGraceMs).toBe(0);
    expect(problemsOf({ DATABASE_URL, SHUTDOWN_GRACE_MS: '-1' })).toEqual([
      'SHUTDOWN_GRACE_MS must be an integer between 0 and 60000',
    ]);
    expect(problemsOf({ DATABASE_URL, SHUTDOWN_GRACE_MS: '90000' })).toHaveLength(1);
  });

  it('resolves WEB_DIST_DIR', () => {
    expect(parseConfig({ DATABASE_URL, WEB_DIST_DIR: 'dist/web' }).webDistDir).toBe(
      path.resolve('dist/web'),
    );
  });

  it('reads REDIS_URL and checks its scheme', () => {
    expect(parseConfig({ DATABASE_URL, REDIS_URL: 'redis://127.0.0.1:6379' }).redisUrl).toBe(
      'redis://127.0.0.1:6379',
    );
    expect(parseConfig({ DATABASE_URL, REDIS_URL: 'rediss://cache:6380/1' }).redisUrl).toBe(
      'rediss://cache:6380/1',
    );
    expect(problemsOf({ DATABASE_URL, REDIS_URL: 'http://cache' })).toEqual([
      'REDIS_URL must be a redis:// or rediss:// URL',
    ]);
  });

  it('reads PUBLIC_URL without its trailing slash, refusing other schemes and queries', () => {
    expect(
      parseConfig({ DATABASE_URL, PUBLIC_URL: 'https://passerelle.example.fr/' }).publicUrl,
    ).toBe('https://passerelle.example.fr');
    expect(parseConfig({ DATABASE_URL, PUBLIC_URL: 'http://127.0.0.1:3000' }).publicUrl).toBe(
      'http://127.0.0.1:3000',
    );
    for (const value of ['passerelle.fr', 'ftp://passerelle.fr', 'https://passerelle.fr/?a=1']) {
      expect(problemsOf({ DATABASE_URL, PUBLIC_URL: value })).toEqual([
        'PUBLIC_URL must be an http:// or https:// URL (e.g. https://passerelle.example.fr)',
      ]);
    }
  });

  it('reads RATE_LIMIT_FACTOR, refusing 0, negatives and text', () => {
    expect(parseConfig({ DATABASE_URL, RATE_LIMIT_FACTOR: '1000' }).rateLimitFactor).toBe(1000);
    expect(parseConfig({ DATABASE_URL, RATE_LIMIT_FACTOR: '0.5' }).rateLimitFactor).toBe(0.5);
    for (const value of ['0', '0.0', '-2', 'lots', '2000000']) {
      expect(problemsOf({ DATABASE_URL, RATE_LIMIT_FACTOR: value })).toEqual([
        'RATE_LIMIT_FACTOR must be a number greater than 0 and at most 1000000',
      ]);
    }
  });

  it('keeps mail in the outbox without SMTP_URL and reads SMTP_URL and MAIL_FROM', () => {
    const config = parseConfig({ DATABASE_URL });
    expect(config.smtpUrl).toBeNull();
    expect(config.mailFrom).toBe('Passerelle <ne-pas-repondre@passerelle.local>');
    const smtp = parseConfig({
      DATABASE_URL,
      SMTP_URL: 'smtps://user:secret@mail.example.fr:465',
      MAIL_FROM: 'Passerelle <contact@example.fr>',
    });
    expect(smtp.smtpUrl).toBe('smtps://user:secret@mail.example.fr:465');
    expect(smtp.mailFrom).toBe('Passerelle <contact@example.fr>');
    const production = { DATABASE_URL, NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) };
    expect(() => parseConfig({ ...production, SMTP_URL: 'smtp://mail.example.fr:587' })).toThrow(
      'PUBLIC_URL is required in production when SMTP_URL is set',
    );
    expect(
      parseConfig({
        ...production,
        SMTP_URL: 'smtp://mail.example.fr:587',
        PUBLIC_URL: 'https://passerelle.example.fr',
      }).smtpUrl,
    ).toBe('smtp://mail.example.fr:587');
    expect(problemsOf({ DATABASE_URL, SMTP_URL: 'mail.example.fr:25' })).toEqual([
      'SMTP_URL must be an smtp:// or smtps:// URL (e.g. smtp://user:password@host:587)',
    ]);
  });

  it('renders the first pages on the server by default and reads SERVER_RENDERING', () => {
    expect(parseConfig({ DATABASE_URL }).serverRendering).toBe(true);
    expect(parseConfig({ DATABASE_URL, SERVER_RENDERING: 'false' }).serverRendering).toBe(false);
    expect(problemsOf({ DATABASE_URL, SERVER_RENDERING: 'maybe' })).toEqual([
      'SERVER_RENDERING must be true or false (got "maybe")',
    ]);
    expect(parseConfig({ DATABASE_URL }).serverRenderingTimeoutMs).toBe(3000);
    expect(
      parseConfig({ DATABASE_URL, SERVER_RENDERING_TIMEOUT_MS: '60000' }).serverRenderingTimeoutMs,
    ).toBe(60000);
    expect(problemsOf({ DATABASE_URL, SERVER_RENDERING_TIMEOUT_MS: '50' })).toEqual([
      'SERVER_RENDERING_TIMEOUT_MS must be an integer between 100 and 60000 (got "50")',
    ]);
  });

  it('keeps idle connections 65 s by default and reads HTTP_KEEP_ALIVE_TIMEOUT_MS', () => {
    expect(parseConfig({ DATABASE_URL }).keepAliveTimeoutMs).toBe(65_000);
    expect(
      parseConfig({ DATABASE_URL, HTTP_KEEP_ALIVE_TIMEOUT_MS: '120000' }).keepAliveTimeoutMs,
    ).toBe(120_000);
    expect(problemsOf({ DATABASE_URL, HTTP_KEEP_ALIVE_TIMEOUT_MS: '500' })).toEqual([
      'HTTP_KEEP_ALIVE_TIMEOUT_MS must be an integer between 1000 and 600000 (got "500")',
    ]);
  });

  it('enables the jobs by default and reads JOBS_ENABLED', () => {
    expect(parseConfig({ DATABASE_URL }).jobsEnabled).toBe(true);
    expect(parseConfig({ DATABASE_URL, JOBS_ENABLED: 'false' }).jobsEnabled).toBe(false);
    expect(problemsOf({ DATABASE_URL, JOBS_ENABLED: 'sometimes' })).toEqual([
      'JOBS_ENABLED must be true or false (got "sometimes")',
    ]);
  });

  it('debounces opinion-groups runs 10 s in production, 2 s otherwise, or as set', () => {
    const production = { DATABASE_URL, NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) };
    expect(parseConfig(production).opinionGroupsDelaySeconds).toBe(10);
    expect(parseConfig({ DATABASE_URL }).opinionGroupsDelaySeconds).toBe(2);
    expect(parseConfig({ DATABASE_URL, NODE_ENV: 'test' }).opinionGroupsDelaySeconds).toBe(2);
    expect(
      parseConfig({ ...production, OPINION_GROUPS_DELAY_SECONDS: '0' }).opinionGroupsDelaySeconds,
    ).toBe(0);
    for (const value of ['-1', '1.5', 'soon', '86401']) {
      expect(problemsOf({ DATABASE_URL, OPINION_GROUPS_DELAY_SECONDS: value })).toEqual([
        `OPINION_GROUPS_DELAY_SECONDS must be an integer between 0 and 86400 (got "${value}")`,
      ]);
    }
  });

  it('reads TRUST_PROXY: private proxies by default, false, a hop count or addresses; never true', () => {
    expect(parseConfig({ DATABASE_URL }).trustProxy).toBe('loopback, linklocal, uniquelocal');
    expect(parseConfig({ DATABASE_URL, TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(parseConfig({ DATABASE_URL, TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(parseConfig({ DATABASE_URL, TRUST_PROXY: 'loopback, 10.0.0.0/8' }).trustProxy).toBe(
      'loopback, 10.0.0.0/8',
    );
    expect(problemsOf({ DATABASE_URL, TRUST_PROXY: 'true' })).toEqual([
      expect.stringMatching(/^TRUST_PROXY=true would let any client/),
    ]);
    expect(problemsOf({ DATABASE_URL, TRUST_PROXY: 'a b' })).toEqual([
      expect.stringMatching(/^TRUST_PROXY must be false/),
    ]);
  });

  it('reads CORS_ORIGINS as a list of exact origins, empty by default', () => {
    expect(parseConfig({ DATABASE_URL }).corsOrigins).toEqual([]);
    expect(
      parseConfig({
        DATABASE_URL,
        CORS_ORIGINS: 'https://partenaire.example.fr, http://localhost:5173/',
      }).corsOrigins,
    ).toEqual(['https://partenaire.example.fr', 'http://localhost:5173']);
    expect(problemsOf({ DATABASE_URL, CORS_ORIGINS: 'https://a.example.fr/chemin,*' })).toEqual([
      'CORS_ORIGINS must be a comma-separated list of origins such as https://partenaire.example.fr (got "https://a.example.fr/chemin", "*")',
    ]);
  });

  it('turns OpenID Connect on only when issuer, client id and secret are all set', () => {
    expect(parseConfig({ DATABASE_URL }).oidc).toBeNull();
    const oidc = parseConfig({
      DATABASE_URL,
      OIDC_ISSUER: 'https://fc.example.fr/',
      OIDC_CLIENT_ID: 'passerelle',
      OIDC_CLIENT_SECRET: 'secret',
      OIDC_SCOPES: 'email profile',
    }).oidc;
    expect(oidc).toEqual({
      issuer: 'https://fc.example.fr',
      clientId: 'passerelle',
      clientSecret: 'secret',
      scopes: 'openid email profile',
      providerName: 'FranceConnect',
      acrValues: null,
    });
    expect(problemsOf({ DATABASE_URL, OIDC_ISSUER: 'https://fc.example.fr' })).toEqual([
      'OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET must be set together (or none of them)',
    ]);
    expect(problemsOf({ DATABASE_URL, OIDC_ISSUER: 'fc.example.fr' })).toEqual([
      'OIDC_ISSUER must be an http:// or https:// URL (the provider’s issuer)',
    ]);
  });

  it('keeps security and delivery data 365, 90 and 30 days by default, or as set', () => {
    expect(parseConfig({ DATABASE_URL }).retention).toEqual({
      authEventsDays: 365,
      emailDays: 90,
      tokensDays: 30,
    });
    expect(parseConfig({ DATABASE_URL, RETENTION_EMAIL_DAYS: '7' }).retention.emailDays).toBe(7);
    expect(problemsOf({ DATABASE_URL, RETENTION_TOKENS_DAYS: '0' })).toEqual([
      'RETENTION_TOKENS_DAYS must be an integer between 1 and 3650 (got "0")',
    ]);
  });
});
