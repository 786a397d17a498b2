// OpenID Connect sign-in against a real provider (panva's oidc-provider in a child process):
// state bound to the browser, nonce, PKCE, issuer and audience checks, single-use attempts,
// account linking only on a verified e-mail, and no open redirect through `next`.
import { createHash } from 'node:crypto';
import { type AddressInfo } from 'node:net';
import { TERMS_VERSION } from '@passerelle/domain';
import { ACCESS_COOKIE, REFRESH_COOKIE } from '../../apps/api/src/common/auth/auth-user';
import { closeFactories, createUser, factoryPrisma, uniqueKey } from '../factories';
import { CookieJar } from '../integration/support/cookies';
import { ME } from '../integration/support/operations';
import { startTestApp, type TestApp } from '../integration/support/test-app';
import { startProvider, TestBrowser, type TestProvider } from './support/oidc';

const CLIENT_ID = 'passerelle-test';
const CLIENT_SECRET = 'a client secret long enough for the test provider';
const JWT_USERINFO_CLIENT_ID = 'passerelle-test-jwt-userinfo';
const STATE_COOKIE = 'passerelle_oidc_state';
const START = '/api/auth/oidc/start';

type MeData = { me: { id: string; email: string; displayName: string } | null };

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
const pathOf = (location: string | null) => {
  if (location === null) throw new Error('Expected a redirect');
  const url = new URL(location);
  return `${url.pathname}${url.search}${url.hash}`;
};
const baseOf = (api: TestApp) =>
  `http://127.0.0.1:${(api.app.getHttpServer().address() as AddressInfo).port}`;

describe('OpenID Connect sign-in', () => {
  let provider: TestProvider;
  let api: TestApp;
  let apiBase: string;
  let callbackBase: string;
  const startedAt = new Date();

  beforeAll(async () => {
    provider = await startProvider();
    api = await startTestApp({
      OIDC_ISSUER: provider.issuer,
      OIDC_CLIENT_ID: CLIENT_ID,
      OIDC_CLIENT_SECRET: CLIENT_SECRET,
      OIDC_PROVIDER_NAME: 'TestConnect',
    });
    apiBase = baseOf(api);
    callbackBase = `${apiBase}/api/auth/oidc/callback`;
    await provider.registerClient({
      client_id: CLIENT_ID,
      client_secret: CLIENT_SECRET,
      redirect_uris: [callbackBase],
    });
  });

  afterAll(async () => {
    await api?.close();
    await provider?.stop();
    await closeFactories();
  });

  afterEach(() => provider.misbehave('none'));

  /** A person at the provider, with a fresh subject and address unless told otherwise. */
  const person = (claims: Record<string, unknown> = {}) => {
    const key = uniqueKey('oidc');
    return {
      sub: `sub-${key}`,
      claims: {
        email: `${key}@example.org`,
        email_verified: true,
        given_name: 'Louise',
        family_name: 'Michel',
        ...claims,
      },
    };
  };

  /** Runs the flow in a browser up to the provider's redirect back (the callback URL). */
  async function toCallback(
    options: { browser?: TestBrowser; start?: string; tamper?: (url: URL) => void } = {},
  ) {
    const browser = options.browser ?? new TestBrowser();
    const start = await browser.get(`${apiBase}${options.start ?? START}`);
    expect(start.status).toBe(302);
    const authorization = new URL(start.location ?? '');
    expect(authorization.origin).toBe(provider.issuer);
    options.tamper?.(authorization);
    const callbackUrl = await browser.followUntil(authorization.toString(), callbackBase);
    return { browser, authorization, callbackUrl };
  }

  /** The whole flow: start, provider, callback; where the API sends the browser at the end. */
  async function signIn(
    who: { sub: string; claims: Record<string, unknown> },
    options: { start?: string; tamper?: (url: URL) => void } = {},
  ) {
    await provider.signInAs(who.sub, who.claims);
    const flow = await toCallback(options);
    const done = await flow.browser.get(flow.callbackUrl);
    expect(done.status).toBe(302);
    return { ...flow, landing: pathOf(done.location), jar: flow.browser.jar(apiBase) };
  }

  const me = async (browser: TestBrowser) =>
    (await api.gql<MeData>(ME, {}, { jar: browser.jar(apiBase) })).data?.me ?? null;

  const failureReasons = async () => {
    const events = await factoryPrisma().authEvent.findMany({
      where: { kind: 'OIDC_SIGN_IN_FAILED', createdAt: { gte: startedAt } },
    });
    return events.map((event) => (event.detail as { reason?: string }).reason);
  };

  it('lists the provider, and starts with state, nonce and PKCE S256 bound to this browser', async () => {
    const providers = await api.gql<{ authProviders: unknown[] }>(
      '{ authProviders { id name startUrl } }',
    );
    expect(providers.data?.authProviders).toEqual([
      { id: 'oidc', name: 'TestConnect', startUrl: START },
    ]);

    const browser = new TestBrowser();
    const start = await browser.get(`${apiBase}${START}?next=/propositions`);
    const url = new URL(start.location ?? '');
    const params = url.searchParams;
    expect(`${url.origin}${url.pathname}`).toBe(`${provider.issuer}/auth`);
    expect(params.get('response_type')).toBe('code');
    expect(params.get('client_id')).toBe(CLIENT_ID);
    expect(params.get('redirect_uri')).toBe(callbackBase);
    expect(params.get('scope')?.split(' ')).toEqual(
      expect.arrayContaining(['openid', 'email', 'profile']),
    );
    expect(params.get('code_challenge_method')).toBe('S256');
    const state = params.get('state') ?? '';
    expect(state.length).toBeGreaterThanOrEqual(43);
    expect(params.get('nonce')?.length).toBeGreaterThanOrEqual(43);
    expect(browser.jar(apiBase).get(STATE_COOKIE)).toBe(state);

    // Only the state's hash is stored; the verifier matches the challenge sent.
    const attempt = await factoryPrisma().oidcLoginAttempt.findUnique({
      where: { stateHash: sha256(state) },
    });
    expect(attempt).not.toBeNull();
    expect(attempt?.returnTo).toBe('/propositions');
    expect(
      createHash('sha256')
        .update(attempt?.codeVerifier ?? '')
        .digest('base64url'),
    ).toBe(params.get('code_challenge'));
    expect(await factoryPrisma().oidcLoginAttempt.count({ where: { stateHash: state } })).toBe(0);

    // The state cookie is httpOnly, SameSite=Lax and only sent back to the OIDC routes.
    const raw = await fetch(`${apiBase}${START}`, { redirect: 'manual' });
    const cookie = raw.headers.getSetCookie().find((line) => line.startsWith(`${STATE_COOKIE}=`));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\/api\/auth\/oidc/i);
  });

  it('creates an account on a first sign-in started from the sign-up page with the terms accepted', async () => {
    const who = person({ email_verified: true });
    const flow = await signIn(who, { start: `${START}?terms=accepted&next=/propositions` });
    expect(flow.landing).toBe('/propositions');
    expect(flow.jar.get(ACCESS_COOKIE)).toBeDefined();
    expect(flow.jar.get(STATE_COOKIE)).toBeUndefined();

    const account = await me(flow.browser);
    expect(account?.email).toBe(who.claims.email);
    expect(account?.displayName).toBe('Louise Michel');
    const row = await factoryPrisma().user.findUniqueOrThrow({
      where: { id: account?.id },
      include: { identities: true },
    });
    expect(row.passwordHash).toBeNull();
    expect(row.emailVerifiedAt).not.toBeNull();
    expect(row.termsAcceptedAt).not.toBeNull();
    expect(row.termsVersion).toBe(TERMS_VERSION);
    expect(row.identities.map((i) => [i.issuer, i.subject])).toEqual([[provider.issuer, who.sub]]);
    const kinds = await factoryPrisma().authEvent.findMany({
      where: { userId: row.id },
      select: { kind: true },
    });
    expect(kinds.map((event) => event.kind).sort()).toEqual([
      'OIDC_ACCOUNT_LINKED',
      'OIDC_SIGN_IN_SUCCEEDED',
    ]);

    // Next time, the identity finds the same account even if the provider's address changed.
    const again = await signIn({ sub: who.sub, claims: { ...who.claims, email: 'x@example.org' } });
    expect(again.landing).toBe('/');
    expect((await me(again.browser))?.id).toBe(row.id);
  });

  it('sends a new identity to the sign-up page to accept the terms first, creating nothing', async () => {
    const who = person();
    const flow = await signIn(who, { start: `${START}?next=/propositions` });
    expect(flow.landing).toBe('/inscription?next=%2Fpropositions&erreur=OIDC_TERMS_REQUIRED');
    expect(flow.jar.get(ACCESS_COOKIE)).toBeUndefined();
    expect(await factoryPrisma().user.count({ where: { email: String(who.claims.email) } })).toBe(
      0,
    );
    expect(await failureReasons()).toContain('TERMS_NOT_ACCEPTED');
  });

  it('links to the existing account with the same e-mail when the provider says it is verified', async () => {
    const existing = await createUser();
    await factoryPrisma().user.update({
      where: { id: existing.id },
      data: { emailVerifiedAt: new Date() },
    });
    const who = person({ email: existing.email.toUpperCase(), email_verified: true });
    const flow = await signIn(who);
    expect(flow.landing).toBe('/');
    expect((await me(flow.browser))?.id).toBe(existing.id);
    const identity = await factoryPrisma().userIdentity.findUniqueOrThrow({
      where: { issuer_subject: { issuer: provider.issuer, subject: who.sub } },
    });
    expect(identity.userId).toBe(existing.id);
    expect(
      await factoryPrisma().authEvent.count({
        where: { userId: existing.id, kind: 'OIDC_ACCOUNT_LINKED' },
      }),
    ).toBe(1);
  });

  it('links and keeps the password of a verified account, but removes the password and sessions of an account nobody verified', async () => {
    const verified = await createUser();
    await factoryPrisma().user.update({
      where: { id: verified.id },
      data: { emailVerifiedAt: new Date() },
    });
    await signIn(person({ email: verified.email }));
    const kept = await factoryPrisma().user.findUniqueOrThrow({ where: { id: verified.id } });
    expect(kept.passwordHash).not.toBeNull();

    // Someone signed up with the owner's address and a password of theirs, never verified it.
    const squatted = await createUser();
    const squatter = new CookieJar();
    const squatterSignIn = await api.gql(
      'mutation ($input: SignInInput!) { signIn(input: $input) { user { id } } }',
      { input: { email: squatted.email, password: squatted.password } },
      { jar: squatter },
    );
    expect(squatterSignIn.errors).toBeUndefined();
    const owner = await signIn(person({ email: squatted.email, email_verified: true }));
    expect((await me(owner.browser))?.id).toBe(squatted.id);
    const row = await factoryPrisma().user.findUniqueOrThrow({ where: { id: squatted.id } });
    expect(row.passwordHash).toBeNull();
    expect(row.emailVerifiedAt).not.toBeNull();
    // The squatter's session is over and their password no longer works.
    const refreshed = await api.gql(
      'mutation { refreshSession { accessToken } }',
      {},
      { jar: squatter },
    );
    expect(refreshed.errors?.[0]?.extensions?.reason).toBe('SESSION_EXPIRED');
    const again = await api.gql(
      'mutation ($input: SignInInput!) { signIn(input: $input) { user { id } } }',
      { input: { email: squatted.email, password: squatted.password } },
    );
    expect(again.errors?.[0]?.extensions?.reason).toBe('INVALID_CREDENTIALS');
  });

  it('never links on an unverified e-mail', async () => {
    const existing = await createUser();
    for (const verified of [false, undefined, 'yes']) {
      const who = person({ email: existing.email, email_verified: verified });
      const flow = await signIn(who, { start: `${START}?terms=accepted` });
      expect(flow.landing).toBe('/connexion?erreur=OIDC_EMAIL_UNVERIFIED');
      expect(flow.jar.get(ACCESS_COOKIE)).toBeUndefined();
      expect(flow.jar.get(REFRESH_COOKIE)).toBeUndefined();
    }
    expect(await factoryPrisma().userIdentity.count({ where: { userId: existing.id } })).toBe(0);
    expect(await failureReasons()).toContain('EMAIL_UNVERIFIED');
  });

  it('refuses a replayed callback, and a used code with a fresh state', async () => {
    const who = person();
    const first = await signIn(who, { start: `${START}?terms=accepted` });
    expect(first.landing).toBe('/');
    const state = new URL(first.callbackUrl).searchParams.get('state') ?? '';

    // The same callback again, even with the state cookie put back: the attempt is used.
    const replay = new TestBrowser();
    replay.jar(apiBase).set(STATE_COOKIE, state);
    const again = await replay.get(first.callbackUrl);
    expect(pathOf(again.location)).toBe('/connexion?erreur=OIDC_SIGN_IN_FAILED');
    expect(replay.jar(apiBase).get(ACCESS_COOKIE)).toBeUndefined();

    // The used code with a new, valid attempt of another browser: the provider refuses it.
    const other = new TestBrowser();
    const start = await other.get(`${apiBase}${START}`);
    const freshState = new URL(start.location ?? '').searchParams.get('state') ?? '';
    const code = new URL(first.callbackUrl).searchParams.get('code') ?? '';
    const replayed = await other.get(
      `${callbackBase}?code=${encodeURIComponent(code)}&state=${encodeURIComponent(freshState)}`,
    );
    expect(pathOf(replayed.location)).toBe('/connexion?erreur=OIDC_SIGN_IN_FAILED');
    expect(other.jar(apiBase).get(ACCESS_COOKIE)).toBeUndefined();
    expect(await failureReasons()).toEqual(
      expect.arrayContaining(['UNKNOWN_USED_OR_EXPIRED_STATE', 'CODE_REFUSED']),
    );
  });

  it('refuses an ID token whose nonce is not the one of the attempt', async () => {
    const who = person();
    const flow = await signIn(who, {
      start: `${START}?terms=accepted`,
      tamper: (url) => url.searchParams.set('nonce', 'a-nonce-the-attacker-chose-0123456789abcdef'),
    });
    expect(flow.landing).toBe('/connexion?erreur=OIDC_SIGN_IN_FAILED');
    expect(flow.jar.get(ACCESS_COOKIE)).toBeUndefined();
    expect(await failureReasons()).toContain('ID_TOKEN_WRONG_NONCE');
    expect(await factoryPrisma().userIdentity.count({ where: { subject: who.sub } })).toBe(0);
  });

  it.each([
    ['wrong-audience', 'ID_TOKEN_WRONG_AUDIENCE'],
    ['wrong-issuer', 'ID_TOKEN_WRONG_ISSUER'],
  ] as const)(
    'refuses an ID token with a %s, even signed with the real key',
    async (mode, reason) => {
      await provider.misbehave(mode);
      const who = person();
      const flow = await signIn(who, { start: `${START}?terms=accepted` });
      expect(flow.landing).toBe('/connexion?erreur=OIDC_SIGN_IN_FAILED');
      expect(flow.jar.get(ACCESS_COOKIE)).toBeUndefined();
      expect(await failureReasons()).toContain(reason);
      expect(await factoryPrisma().userIdentity.count({ where: { subject: who.sub } })).toBe(0);
    },
  );

  it('refuses a callback without the state cookie, or with another browser’s state', async () => {
    const who = person();
    await provider.signInAs(who.sub, who.claims);
    const victim = await toCallback({ start: `${START}?terms=accepted` });

    const withoutCookie = new TestBrowser();
    const answer = await withoutCookie.get(victim.callbackUrl);
    expect(pathOf(answer.location)).toBe('/connexion?erreur=OIDC_SIGN_IN_FAILED');
    expect(withoutCookie.jar(apiBase).get(ACCESS_COOKIE)).toBeUndefined();

    // A browser that started its own sign-in holds another state: the callback is refused.
    const attacker = new TestBrowser();
    await attacker.get(`${apiBase}${START}`);
    const crossed = await attacker.get(victim.callbackUrl);
    expect(pathOf(crossed.location)).toBe('/connexion?erreur=OIDC_SIGN_IN_FAILED');
    expect(attacker.jar(apiBase).get(ACCESS_COOKIE)).toBeUndefined();
    expect(await failureReasons()).toEqual(
      expect.arrayContaining(['MISSING_STATE_COOKIE', 'STATE_MISMATCH']),
    );
    expect(await factoryPrisma().userIdentity.count({ where: { subject: who.sub } })).toBe(0);
  });

  it('needs the PKCE verifier of the attempt to redeem the code', async () => {
    const who = person();
    await provider.signInAs(who.sub, who.claims);

    // Without the verifier, the provider does not give tokens for an intercepted code.
    const intercepted = await toCallback();
    const code = new URL(intercepted.callbackUrl).searchParams.get('code') ?? '';
    const basic = Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString('base64');
    const direct = await fetch(`${provider.issuer}/token`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${basic}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code,
        redirect_uri: callbackBase,
      }).toString(),
    });
    expect(direct.status).toBe(400);
    expect(((await direct.json()) as { id_token?: string }).id_token).toBeUndefined();

    // With another verifier in the attempt, the API's exchange is refused too.
    const flow = await toCallback({ start: `${START}?terms=accepted` });
    const state = new URL(flow.callbackUrl).searchParams.get('state') ?? '';
    await factoryPrisma().oidcLoginAttempt.update({
      where: { stateHash: sha256(state) },
      data: { codeVerifier: 'another-verifier-another-verifier-another-verifier' },
    });
    const done = await flow.browser.get(flow.callbackUrl);
    expect(pathOf(done.location)).toBe('/connexion?erreur=OIDC_SIGN_IN_FAILED');
    expect(flow.browser.jar(apiBase).get(ACCESS_COOKIE)).toBeUndefined();
  });

  it('neutralises open redirects in next', async () => {
    const attempts = [
      '//evil.example/x',
      'https://evil.example/',
      '/\\evil.example',
      '/%2F%2Fevil.example',
      '/%5Cevil.example',
      'javascript:alert(1)',
      '/\t/evil.example',
      'evil.example',
      '/api/auth/oidc/start',
    ];
    for (const next of attempts) {
      const browser = new TestBrowser();
      const start = await browser.get(`${apiBase}${START}?next=${encodeURIComponent(next)}`);
      const state = new URL(start.location ?? '').searchParams.get('state') ?? '';
      const attempt = await factoryPrisma().oidcLoginAttempt.findUniqueOrThrow({
        where: { stateHash: sha256(state) },
      });
      expect([next, attempt.returnTo]).toEqual([next, '/']);
    }

    const flow = await signIn(person(), {
      start: `${START}?terms=accepted&next=${encodeURIComponent('//evil.example/x')}`,
    });
    expect(flow.landing).toBe('/');
    const kept = await signIn(person(), {
      start: `${START}?terms=accepted&next=${encodeURIComponent('/propositions?tri=TOP#liste')}`,
    });
    expect(kept.landing).toBe('/propositions?tri=TOP#liste');
  });

  it('never signs in to a deleted account', async () => {
    const who = person();
    const first = await signIn(who, { start: `${START}?terms=accepted` });
    const id = (await me(first.browser))?.id;
    await factoryPrisma().user.update({ where: { id }, data: { deletedAt: new Date() } });
    const again = await signIn(who);
    expect(again.landing).toBe('/connexion?erreur=OIDC_SIGN_IN_FAILED');
    expect(again.jar.get(ACCESS_COOKIE)).toBeUndefined();
    expect(await failureReasons()).toContain('ACCOUNT_DELETED');
  });

  it('reads a signed userinfo answer (as FranceConnect v2 returns) and verifies it', async () => {
    const jwtApi = await startTestApp({
      OIDC_ISSUER: provider.issuer,
      OIDC_CLIENT_ID: JWT_USERINFO_CLIENT_ID,
      OIDC_CLIENT_SECRET: CLIENT_SECRET,
    });
    try {
      const base = baseOf(jwtApi);
      await provider.registerClient({
        client_id: JWT_USERINFO_CLIENT_ID,
        client_secret: CLIENT_SECRET,
        redirect_uris: [`${base}/api/auth/oidc/callback`],
        userinfo_signed_response_alg: 'RS256',
      });
      const who = person({ given_name: 'Olympe', family_name: 'de Gouges' });
      await provider.signInAs(who.sub, who.claims);
      const browser = new TestBrowser();
      const start = await browser.get(`${base}${START}?terms=accepted`);
      const callbackUrl = await browser.followUntil(
        start.location ?? '',
        `${base}/api/auth/oidc/callback`,
      );
      const done = await browser.get(callbackUrl);
      expect(pathOf(done.location)).toBe('/');
      const account = await jwtApi.gql<MeData>(ME, {}, { jar: browser.jar(base) });
      expect(account.data?.me?.email).toBe(who.claims.email);
      expect(account.data?.me?.displayName).toBe('Olympe de Gouges');
    } finally {
      await jwtApi.close();
    }
  });
});

describe('OpenID Connect switched off', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startTestApp();
  });

  afterAll(async () => {
    await api?.close();
  });

  it('lists no provider and answers the start with a clear error', async () => {
    const providers = await api.gql<{ authProviders: unknown[] }>('{ authProviders { id } }');
    expect(providers.data?.authProviders).toEqual([]);
    const start = await api.http.get(START);
    expect(start.status).toBe(302);
    expect(start.headers['location']).toBe('/connexion?erreur=OIDC_UNAVAILABLE');
    expect(start.headers['set-cookie']).toBeUndefined();
    const callback = await api.http.get('/api/auth/oidc/callback?code=x&state=y');
    expect(callback.headers['location']).toBe('/connexion?erreur=OIDC_UNAVAILABLE');
  });
});
