// Attack suite: the audit of authentication events. Each event is recorded with the account,
// the administrator who acted (role changes) and the client address, and never with a secret:
// no password typed, no token, no e-mail address typed for an unknown account.
import { createHash, randomBytes } from 'node:crypto';
import { type AuthEventKind } from '../../apps/api/src/generated/prisma/client';
import { closeFactories, createUser, factoryPrisma, TERRITORIES, uniqueKey } from '../factories';
import { CookieJar } from '../integration/support/cookies';
import {
  CHANGE_USER_ROLE,
  REFRESH,
  SIGN_IN,
  SIGN_OUT,
  SIGN_UP,
} from '../integration/support/operations';
import {
  dataOf,
  type GqlResult,
  present,
  startTestApp,
  type TestApp,
} from '../integration/support/test-app';

const VERIFY_EMAIL = `mutation ($token: String!) { verifyEmail(token: $token) { id } }`;
const RESET = `mutation ($token: String!, $password: String!) { resetPassword(token: $token, password: $password) }`;
const AUTH_EVENTS = `query ($userId: ID, $kinds: [AuthEventKind!], $first: Int, $after: String) {
  authEvents(userId: $userId, kinds: $kinds, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id kind userId ip userAgent detail createdAt user { id } actor { id } } }
  }
}`;

interface EventNode {
  id: string;
  kind: string;
  userId: string | null;
  ip: string | null;
  userAgent: string | null;
  detail: string;
  user: { id: string } | null;
  actor: { id: string } | null;
}
interface EventsData {
  authEvents: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: EventNode }[];
  };
}

let ipCounter = 0;
/** A distinct client address per request (documentation range), sent by the trusted proxy. */
const nextIp = () => `203.0.113.${(ipCounter++ % 250) + 1}`;
const codeOf = (result: GqlResult<unknown>) => result.errors?.[0]?.extensions?.code;
const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/** The rows of auth_events for one account (or none), newest first, straight from the database. */
function rowsOf(where: { userId?: string | null; kind?: AuthEventKind }) {
  return factoryPrisma().authEvent.findMany({
    where,
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
  });
}

/** A single-use account token as AccountEmailsService issues them (only the hash stored). */
async function accountToken(
  userId: string,
  purpose: 'VERIFY_EMAIL' | 'PASSWORD_RESET',
): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await factoryPrisma().accountToken.create({
    data: {
      userId,
      purpose,
      tokenHash: sha256(token),
      expiresAt: new Date(Date.now() + 3600_000),
    },
  });
  return token;
}

describe('audit of authentication events', () => {
  let api: TestApp;
  /** Every secret the tests typed or received: none may appear in auth_events. */
  const secrets = new Set<string>();

  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(async () => {
    await api.close();
    await closeFactories();
  });

  it('records a sign-up, a sign-in, a refresh-token reuse and a sign-out with account and address', async () => {
    const email = `${uniqueKey('audit')}@example.org`;
    const password = `Sign-up passphrase ${randomBytes(6).toString('hex')}`;
    secrets.add(password);
    const jar = new CookieJar();
    const upIp = nextIp();
    const signedUp = await api.gql<{ signUp: { accessToken: string; user: { id: string } } }>(
      SIGN_UP,
      {
        input: {
          email,
          password,
          displayName: 'Audrey Audit',
          actorType: 'CITIZEN',
          territoryId: TERRITORIES.paris,
          acceptTerms: true,
        },
      },
      { jar, headers: { 'X-Forwarded-For': upIp, 'User-Agent': 'AuditBrowser/1.0' } },
    );
    expect(signedUp.errors).toBeUndefined();
    const userId = dataOf(signedUp).signUp.user.id;
    secrets.add(dataOf(signedUp).signUp.accessToken);

    const inIp = nextIp();
    const signedIn = await api.gql<{ signIn: { accessToken: string } }>(
      SIGN_IN,
      { input: { email, password } },
      { jar, headers: { 'X-Forwarded-For': inIp } },
    );
    expect(signedIn.errors).toBeUndefined();
    secrets.add(dataOf(signedIn).signIn.accessToken);
    const refreshCookie = signedIn.setCookies.find(
      (cookie) => cookie.value && cookie.name === 'passerelle_rt',
    );
    secrets.add(present(refreshCookie).value);

    // Rotate once, then replay the first refresh token: the family is revoked and recorded.
    const stolen = new CookieJar();
    stolen.store(signedIn.setCookies.map((c) => `${c.name}=${encodeURIComponent(c.value)}`));
    expect((await api.gql(REFRESH, {}, { jar })).errors).toBeUndefined();
    const reuseIp = nextIp();
    const replayed = await api.gql(
      REFRESH,
      {},
      { jar: stolen, headers: { 'X-Forwarded-For': reuseIp } },
    );
    expect(codeOf(replayed)).toBe('UNAUTHENTICATED');

    // A fresh session, then signing out of it.
    const again = new CookieJar();
    await api.gql(
      SIGN_IN,
      { input: { email, password } },
      { jar: again, headers: { 'X-Forwarded-For': nextIp() } },
    );
    const outIp = nextIp();
    expect(
      (await api.gql(SIGN_OUT, {}, { jar: again, headers: { 'X-Forwarded-For': outIp } })).errors,
    ).toBeUndefined();

    const rows = await rowsOf({ userId });
    const kinds = rows.map((row) => row.kind);
    expect(kinds).toEqual(
      expect.arrayContaining([
        'SIGN_UP',
        'SIGN_IN_SUCCEEDED',
        'REFRESH_TOKEN_REUSED',
        'SIGNED_OUT',
      ]),
    );
    const one = (kind: AuthEventKind) => rows.filter((row) => row.kind === kind);
    expect(one('SIGN_UP')).toEqual([
      expect.objectContaining({ userId, actorId: null, ip: upIp, userAgent: 'AuditBrowser/1.0' }),
    ]);
    expect(one('SIGN_IN_SUCCEEDED').map((row) => row.ip)).toContain(inIp);
    expect(one('REFRESH_TOKEN_REUSED')).toEqual([
      expect.objectContaining({
        userId,
        ip: reuseIp,
        detail: expect.objectContaining({ familyRevoked: true }),
      }),
    ]);
    expect(one('SIGNED_OUT')).toEqual([expect.objectContaining({ userId, ip: outIp })]);
  });

  it('records failed sign-ins with a reason, the account when known, and never the typed address', async () => {
    const user = await createUser();
    const wrong = `wrong ${randomBytes(8).toString('hex')}`;
    secrets.add(wrong);
    const wrongIp = nextIp();
    const failed = await api.gql(
      SIGN_IN,
      { input: { email: user.email, password: wrong } },
      { headers: { 'X-Forwarded-For': wrongIp } },
    );
    expect(codeOf(failed)).toBe('UNAUTHENTICATED');
    expect(await rowsOf({ userId: user.id, kind: 'SIGN_IN_FAILED' })).toEqual([
      expect.objectContaining({ ip: wrongIp, detail: { reason: 'WRONG_PASSWORD' } }),
    ]);

    // An account of OpenID Connect only (no password).
    const oidcOnly = await createUser();
    await factoryPrisma().user.update({ where: { id: oidcOnly.id }, data: { passwordHash: null } });
    await api.gql(SIGN_IN, { input: { email: oidcOnly.email, password: oidcOnly.password } });
    expect(await rowsOf({ userId: oidcOnly.id, kind: 'SIGN_IN_FAILED' })).toEqual([
      expect.objectContaining({ detail: { reason: 'NO_PASSWORD' } }),
    ]);

    const unknownEmail = `${uniqueKey('nobody')}@example.org`;
    const unknownPassword = `unknown ${randomBytes(8).toString('hex')}`;
    secrets.add(unknownEmail);
    secrets.add(unknownPassword);
    const unknownIp = nextIp();
    await api.gql(
      SIGN_IN,
      { input: { email: unknownEmail, password: unknownPassword } },
      { headers: { 'X-Forwarded-For': unknownIp } },
    );
    const anonymous = (await rowsOf({ userId: null, kind: 'SIGN_IN_FAILED' })).filter(
      (row) => row.ip === unknownIp,
    );
    expect(anonymous).toEqual([
      expect.objectContaining({ userId: null, detail: { reason: 'UNKNOWN_ACCOUNT' } }),
    ]);
  });

  it('records a role change with the administrator who made it', async () => {
    const admin = await createUser({ role: 'ADMIN' });
    const member = await createUser();
    const ip = nextIp();
    const changed = await api.gql(
      CHANGE_USER_ROLE,
      { input: { userId: member.id, role: 'MODERATOR' } },
      { token: await api.tokenFor(admin), headers: { 'X-Forwarded-For': ip } },
    );
    expect(changed.errors).toBeUndefined();
    expect(await rowsOf({ userId: member.id, kind: 'ROLE_CHANGED' })).toEqual([
      expect.objectContaining({
        actorId: admin.id,
        ip,
        detail: { from: 'PARTICIPANT', to: 'MODERATOR' },
      }),
    ]);
    // A refused change (own role) records nothing.
    await api.gql(
      CHANGE_USER_ROLE,
      { input: { userId: admin.id, role: 'PARTICIPANT' } },
      { token: await api.tokenFor(admin) },
    );
    expect(await rowsOf({ userId: admin.id, kind: 'ROLE_CHANGED' })).toEqual([]);
  });

  it('records an e-mail verification and a password reset', async () => {
    const user = await createUser();
    const verifyToken = await accountToken(user.id, 'VERIFY_EMAIL');
    const resetToken = await accountToken(user.id, 'PASSWORD_RESET');
    const newPassword = `reset passphrase ${randomBytes(6).toString('hex')}`;
    for (const secret of [verifyToken, resetToken, newPassword]) secrets.add(secret);
    const verifyIp = nextIp();
    expect(
      (
        await api.gql(
          VERIFY_EMAIL,
          { token: verifyToken },
          { headers: { 'X-Forwarded-For': verifyIp } },
        )
      ).errors,
    ).toBeUndefined();
    const resetIp = nextIp();
    expect(
      (
        await api.gql(
          RESET,
          { token: resetToken, password: newPassword },
          { headers: { 'X-Forwarded-For': resetIp } },
        )
      ).errors,
    ).toBeUndefined();
    expect(await rowsOf({ userId: user.id, kind: 'EMAIL_VERIFIED' })).toEqual([
      expect.objectContaining({ ip: verifyIp }),
    ]);
    expect(await rowsOf({ userId: user.id, kind: 'PASSWORD_RESET' })).toEqual([
      expect.objectContaining({ ip: resetIp }),
    ]);
  });

  it('records a sign-in refused by the rate limit', async () => {
    const limited = await startTestApp({ RATE_LIMIT_FACTOR: '1' });
    try {
      // Ten failures per account per 15 minutes: stay inside one window.
      const windowMs = 15 * 60 * 1000;
      const left = windowMs - (Date.now() % windowMs);
      if (left < 30_000) await new Promise((resolve) => setTimeout(resolve, left + 500));
      const user = await createUser();
      for (let attempt = 1; attempt <= 10; attempt++) {
        const guess = `guess ${attempt} ${randomBytes(4).toString('hex')}`;
        secrets.add(guess);
        const result = await limited.gql(
          SIGN_IN,
          { input: { email: user.email, password: guess } },
          { headers: { 'X-Forwarded-For': nextIp() } },
        );
        expect(codeOf(result)).toBe('UNAUTHENTICATED');
      }
      const ip = nextIp();
      const refused = await limited.gql(
        SIGN_IN,
        { input: { email: user.email, password: user.password } },
        { headers: { 'X-Forwarded-For': ip } },
      );
      expect(codeOf(refused)).toBe('RATE_LIMITED');
      expect(await rowsOf({ userId: user.id, kind: 'SIGN_IN_THROTTLED' })).toEqual([
        expect.objectContaining({ ip, detail: { scopes: ['account'] } }),
      ]);
      expect(await rowsOf({ userId: user.id, kind: 'SIGN_IN_FAILED' })).toHaveLength(10);
    } finally {
      await limited.close();
    }
  }, 60_000);

  it('lets administrators read the events, filtered and paged; nobody else', async () => {
    const admin = await createUser({ role: 'ADMIN' });
    const user = await createUser();
    for (let i = 0; i < 3; i++) {
      await api.gql(SIGN_IN, { input: { email: user.email, password: user.password } });
    }
    await api.gql(SIGN_IN, { input: { email: user.email, password: 'not it at all' } });
    const token = await api.tokenFor(admin);
    const first = await api.gql<EventsData>(
      AUTH_EVENTS,
      { userId: user.id, kinds: ['SIGN_IN_SUCCEEDED'], first: 2 },
      { token },
    );
    expect(first.errors).toBeUndefined();
    const page1 = dataOf(first).authEvents;
    expect(page1.totalCount).toBe(3);
    expect(page1.edges).toHaveLength(2);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    expect(page1.edges.every(({ node }) => node.kind === 'SIGN_IN_SUCCEEDED')).toBe(true);
    expect(page1.edges.every(({ node }) => node.user?.id === user.id)).toBe(true);
    const second = await api.gql<EventsData>(
      AUTH_EVENTS,
      { userId: user.id, kinds: ['SIGN_IN_SUCCEEDED'], first: 2, after: page1.pageInfo.endCursor },
      { token },
    );
    const page2 = dataOf(second).authEvents;
    expect(page2.edges).toHaveLength(1);
    expect(page2.pageInfo.hasNextPage).toBe(false);
    const ids = [...page1.edges, ...page2.edges].map(({ node }) => node.id);
    expect(new Set(ids).size).toBe(3);

    const failed = await api.gql<EventsData>(
      AUTH_EVENTS,
      { userId: user.id, kinds: ['SIGN_IN_FAILED'] },
      { token },
    );
    expect(JSON.parse(present(dataOf(failed).authEvents.edges[0]).node.detail)).toEqual({
      reason: 'WRONG_PASSWORD',
    });

    for (const role of ['PARTICIPANT', 'MODERATOR', 'CURATOR'] as const) {
      const other = await createUser({ role });
      const refused = await api.gql(AUTH_EVENTS, {}, { token: await api.tokenFor(other) });
      expect(codeOf(refused)).toBe('FORBIDDEN');
      expect(refused.data ?? null).toBeNull();
    }
    expect(codeOf(await api.gql(AUTH_EVENTS, {}))).toBe('UNAUTHENTICATED');
  });

  it('keeps no password, token or typed address anywhere in auth_events', async () => {
    expect(secrets.size).toBeGreaterThan(10);
    const rows = await factoryPrisma().$queryRaw<{ text: string }[]>`
      SELECT concat_ws(' ', kind::text, ip, "userAgent", detail::text) AS text FROM auth_events`;
    expect(rows.length).toBeGreaterThan(10);
    const leaks = rows.filter((row) => [...secrets].some((secret) => row.text.includes(secret)));
    expect(leaks).toEqual([]);
    // Stored hashes of the tokens are not there either.
    const hashes = [...secrets].map(sha256);
    expect(rows.filter((row) => hashes.some((hash) => row.text.includes(hash)))).toEqual([]);
  });
});
