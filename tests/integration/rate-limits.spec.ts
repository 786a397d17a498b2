import { randomBytes, randomInt } from 'node:crypto';
import {
  closeFactories,
  createConsultation,
  createProposal,
  createUser,
  factoryPrisma,
  PHASES,
  TERRITORIES,
  uniqueKey,
} from '../factories';
import { amendableProposal, BASE_TEXTS, REASON, REJECT } from './support/amendments';
import { SIGN_IN, SIGN_UP } from './support/operations';
import { ADD_COMMENT, CAST_VOTE } from './support/participation';
import { proposalInput, SUBMIT } from './support/trust';
import {
  firstError,
  type GqlResult,
  type GraphQLErrorBody,
  startTestApp,
  type TestApp,
} from './support/test-app';

const REDIS_URL = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';

/** A client address of its own per test (documentation range), sent through the local proxy. */
const newIp = () => `198.51.100.${randomInt(1, 255)}, 203.0.113.${randomInt(1, 255)}`;
const from = (ip: string, extra: { token?: string; lang?: string } = {}) => ({
  headers: { 'X-Forwarded-For': ip },
  ...extra,
});

function expectRateLimited(result: GqlResult<unknown>, maxSeconds: number): GraphQLErrorBody {
  const error = firstError(result);
  expect(error.extensions?.code).toBe('RATE_LIMITED');
  const retryAfter = error.extensions?.['retryAfterSeconds'];
  expect(typeof retryAfter).toBe('number');
  expect(retryAfter as number).toBeGreaterThan(0);
  expect(retryAfter as number).toBeLessThanOrEqual(maxSeconds);
  expect(error.message).toContain(`${retryAfter as number} s`);
  return error;
}

/** Waits when a fixed window of this length ends within 20 s, so a burst of calls stays in one. */
async function awayFromWindowEnd(windowSeconds: number): Promise<void> {
  const left = windowSeconds * 1000 - (Date.now() % (windowSeconds * 1000));
  if (left < 20_000) await new Promise((resolve) => setTimeout(resolve, left + 500));
}

const codeOf = (result: GqlResult<unknown>) => result.errors?.[0]?.extensions?.code;

describe('rate limits (factor 1, counters in memory)', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startTestApp({ RATE_LIMIT_FACTOR: '1' });
  });
  afterAll(async () => {
    await api.close();
    await closeFactories();
  });

  const signIn = (email: string, ip: string, lang?: string) =>
    api.gql(SIGN_IN, { input: { email, password: 'not the password' } }, from(ip, { lang }));

  it('refuses the 11th sign-in for one e-mail within 15 minutes, in French and English', async () => {
    const user = await createUser();
    const ip = newIp();
    for (let attempt = 1; attempt <= 10; attempt++) {
      expect(codeOf(await signIn(user.email, ip))).not.toBe('RATE_LIMITED');
    }
    // Same account, another case and spacing: the normalised e-mail is the key.
    const fr = expectRateLimited(await signIn(`  ${user.email.toUpperCase()} `, ip), 900);
    expect(fr.message).toMatch(/^Trop de tentatives : réessayez dans \d+ s\.$/);
    const en = expectRateLimited(await signIn(user.email, ip, 'en'), 900);
    expect(en.message).toMatch(/^Too many attempts: try again in \d+ s\.$/);

    // Even the right password waits: the limit is checked before the credentials.
    const right = await api.gql(
      SIGN_IN,
      { input: { email: user.email, password: user.password } },
      from(newIp()),
    );
    expectRateLimited(right, 900);
    // Another account is not affected.
    const other = await createUser();
    const signedIn = await api.gql(
      SIGN_IN,
      { input: { email: other.email, password: other.password } },
      from(ip),
    );
    expect(signedIn.errors).toBeUndefined();
  }, 60_000);

  it('refuses sign-ins from one IP address past its limit, across different accounts', async () => {
    // Factor 0.1 (50 per IP → 5, 10 per e-mail → 1) keeps this test short: each sign-in hashes.
    const scaled = await startTestApp({ RATE_LIMIT_FACTOR: '0.1' });
    try {
      const ip = newIp();
      const attempt = (address: string) =>
        scaled.gql(
          SIGN_IN,
          { input: { email: `${uniqueKey('nobody')}@example.org`, password: 'not the password' } },
          from(address),
        );
      for (let n = 1; n <= 5; n++) expect(codeOf(await attempt(ip))).toBe('UNAUTHENTICATED');
      expectRateLimited(await attempt(ip), 900);
      expect(codeOf(await attempt(newIp()))).toBe('UNAUTHENTICATED');
    } finally {
      await scaled.close();
    }
  }, 60_000);

  it('refuses the 6th sign-up from one IP address within an hour', async () => {
    const ip = newIp();
    const signUp = (address: string) =>
      api.gql(
        SIGN_UP,
        {
          input: {
            email: `${uniqueKey('signup')}@example.org`,
            password: 'a long enough password',
            displayName: 'Jeanne Dupont',
            actorType: 'CITIZEN',
            territoryId: TERRITORIES.saintEtienne,
            acceptTerms: true,
          },
        },
        from(address),
      );
    for (let attempt = 1; attempt <= 5; attempt++) {
      expect((await signUp(ip)).errors).toBeUndefined();
    }
    expectRateLimited(await signUp(ip), 3600);
    expect((await signUp(newIp())).errors).toBeUndefined();
  }, 60_000);

  it('refuses votes of one account past its per-minute limit, not another account', async () => {
    // Factor 0.1 (120 per account → 12): few enough calls to stay inside one minute window
    // even on a loaded machine.
    const scaled = await startTestApp({ RATE_LIMIT_FACTOR: '0.1' });
    try {
      const consultation = await createConsultation({ phases: PHASES.proposingClosed() });
      const author = await createUser();
      const proposalId = (
        await createProposal({ consultationId: consultation.id, authorId: author.id })
      ).id;
      const token = await scaled.tokenFor(await createUser());
      const ip = newIp();
      const cast = (value: string, as = token, address = ip) =>
        scaled.gql(CAST_VOTE, { input: { proposalId, value } }, from(address, { token: as }));
      // Start early in a minute window, so that every call falls in it.
      const msIntoMinute = Date.now() % 60_000;
      if (msIntoMinute > 30_000) await new Promise((r) => setTimeout(r, 60_500 - msIntoMinute));
      for (let attempt = 1; attempt <= 12; attempt++) {
        expect((await cast(attempt % 2 ? 'FOR' : 'AGAINST')).errors).toBeUndefined();
      }
      // The account is the key: another address does not help.
      expectRateLimited(await cast('FOR', token, newIp()), 60);
      const other = await scaled.tokenFor(await createUser());
      expect((await cast('FOR', other)).errors).toBeUndefined();
    } finally {
      await scaled.close();
    }
  }, 60_000);
});

describe('rate limits on contributions', () => {
  let scaled: TestApp;

  beforeAll(async () => {
    // Factor 0.2: 5 proposals per hour per account → 1, 30 comments per 10 minutes → 6.
    scaled = await startTestApp({ RATE_LIMIT_FACTOR: '0.2' });
  });
  afterAll(async () => {
    await scaled.close();
    await closeFactories();
  });

  it('refuses a second proposal of one account within the hour', async () => {
    const consultation = await createConsultation();
    const token = await scaled.tokenFor(await createUser());
    const submit = async (title: string, as = token) =>
      scaled.gql(
        SUBMIT,
        { input: await proposalInput(consultation.id, title) },
        from(newIp(), { token: as }),
      );
    await awayFromWindowEnd(3600);
    expect((await submit('Des cantines locales et bio')).errors).toBeUndefined();
    expectRateLimited(await submit('Des jardins partagés en pied d’immeuble'), 3600);
    const other = await scaled.tokenFor(await createUser());
    expect((await submit('Des ressourceries dans chaque canton', other)).errors).toBeUndefined();
  }, 60_000);

  it('refuses the 7th comment of one account within ten minutes', async () => {
    const consultation = await createConsultation();
    const proposalId = (
      await createProposal({ consultationId: consultation.id, authorId: (await createUser()).id })
    ).id;
    const token = await scaled.tokenFor(await createUser());
    const comment = (n: number) =>
      scaled.gql(
        ADD_COMMENT,
        { input: { proposalId, body: `Remarque numéro ${n} sur la proposition` } },
        from(newIp(), { token }),
      );
    await awayFromWindowEnd(600);
    for (let n = 1; n <= 6; n++) expect((await comment(n)).errors).toBeUndefined();
    expectRateLimited(await comment(7), 600);
  }, 60_000);
});

describe('rate limits on amendment decisions', () => {
  let scaled: TestApp;

  beforeAll(async () => {
    // Factor 0.01: 120 decisions per hour per account → 1.
    scaled = await startTestApp({ RATE_LIMIT_FACTOR: '0.01' });
  });
  afterAll(async () => {
    await scaled.close();
    await closeFactories();
  });

  it('refuses a second decision of one account within the hour, and writes nothing', async () => {
    const { id, author } = await amendableProposal();
    // Written directly: proposing is rate-limited too (1 per address at this factor).
    const amendments = [];
    for (const title of ['Une recyclerie dans chaque canton', 'Une recyclerie par bassin de vie']) {
      const amender = await createUser();
      amendments.push(
        await factoryPrisma().amendment.create({
          data: {
            proposalId: id,
            authorId: amender.id,
            baseVersion: 1,
            ...BASE_TEXTS,
            title,
            reason: REASON,
          },
        }),
      );
    }
    const token = await scaled.tokenFor(author);
    const reject = (amendmentId: string) =>
      scaled.gql(REJECT, { input: { amendmentId, expectedVersion: 1 } }, from(newIp(), { token }));
    await awayFromWindowEnd(3600);
    expect((await reject(amendments[0].id)).errors).toBeUndefined();
    expectRateLimited(await reject(amendments[1].id), 3600);
    const second = await factoryPrisma().amendment.findUniqueOrThrow({
      where: { id: amendments[1].id },
    });
    expect(second.status).toBe('PENDING');
  }, 60_000);
});

describe('rate limits shared between API instances', () => {
  const apps: TestApp[] = [];
  afterAll(async () => {
    await Promise.all(apps.map((app) => app.close()));
    await closeFactories();
  });
  const start = async (env: Record<string, string>) => {
    const app = await startTestApp({ RATE_LIMIT_FACTOR: '1', ...env });
    apps.push(app);
    return app;
  };
  const attempt = (app: TestApp, email: string) =>
    app.gql(SIGN_IN, { input: { email, password: 'not the password' } }, from(newIp()));

  it('counts in Redis once for every instance when REDIS_URL is set', async () => {
    // A prefix of its own, so that runs sharing one Redis never see each other's counters.
    const env = {
      REDIS_URL,
      REDIS_KEY_PREFIX: `passerelle-test:${randomBytes(6).toString('hex')}:`,
    };
    const [a, b] = [await start(env), await start(env)];
    const email = `${uniqueKey('shared')}@example.org`;
    for (let n = 1; n <= 10; n++) {
      expect(codeOf(await attempt(n % 2 ? a : b, email))).toBe('UNAUTHENTICATED');
    }
    expectRateLimited(await attempt(a, email), 900);
    expectRateLimited(await attempt(b, email), 900);
  }, 60_000);

  it('counts per instance without REDIS_URL', async () => {
    const [a, b] = [await start({}), await start({})];
    const email = `${uniqueKey('alone')}@example.org`;
    for (let n = 1; n <= 10; n++) {
      expect(codeOf(await attempt(a, email))).toBe('UNAUTHENTICATED');
    }
    expectRateLimited(await attempt(a, email), 900);
    expect(codeOf(await attempt(b, email))).toBe('UNAUTHENTICATED');
  }, 60_000);
});
