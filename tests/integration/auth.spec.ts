import { JwtService } from '@nestjs/jwt';
import { TERMS_VERSION } from '@passerelle/domain';
import { createUser, closeFactories, factoryPrisma, TERRITORIES, uniqueKey } from '../factories';
import { CookieJar } from './support/cookies';
import { ME, REFRESH, SIGN_IN, SIGN_OUT, SIGN_UP } from './support/operations';
import {
  dataOf,
  firstError,
  type GqlResult,
  present,
  startTestApp,
  type TestApp,
} from './support/test-app';

type SignUpData = {
  signUp: {
    accessToken: string;
    accessTokenExpiresAt: string;
    user: {
      id: string;
      email: string;
      displayName: string;
      role: string;
      actorType: string;
      territory: { id: string };
    };
  };
};
type SignInData = {
  signIn: { accessToken: string; user: { id: string; email: string; role: string } };
};
type MeData = { me: { id: string; email: string } | null };

const validSignUp = (overrides: Record<string, unknown> = {}) => ({
  email: `${uniqueKey('signup')}@example.org`,
  password: 'a long enough password',
  displayName: 'Jeanne Dupont',
  actorType: 'ASSOCIATION',
  territoryId: TERRITORIES.saintEtienne,
  acceptTerms: true,
  ...overrides,
});

function fieldsOf(result: GqlResult<unknown>) {
  return (firstError(result).extensions?.fields ?? []).map((f) => f.field);
}

describe('auth mutations', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(async () => {
    await api.close();
    await closeFactories();
  });

  describe('signUp', () => {
    it('creates a participant, returns an access token and sets both session cookies', async () => {
      const input = validSignUp({ email: `  ${uniqueKey('Mixed')}@Example.ORG ` });
      const result = await api.gql<SignUpData>(SIGN_UP, { input });

      expect(result.errors).toBeUndefined();
      const payload = dataOf(result).signUp;
      expect(payload.user).toMatchObject({
        email: input.email.trim().toLowerCase(),
        displayName: 'Jeanne Dupont',
        role: 'PARTICIPANT',
        actorType: 'ASSOCIATION',
        territory: { id: TERRITORIES.saintEtienne, name: 'Saint-Étienne' },
      });
      expect(payload.accessToken.split('.')).toHaveLength(3);
      expect(new Date(payload.accessTokenExpiresAt).getTime()).toBeGreaterThan(
        Date.now() + 14 * 60 * 1000,
      );

      const access = result.setCookies.find((c) => c.name === 'passerelle_at');
      const refresh = result.setCookies.find((c) => c.name === 'passerelle_rt');
      expect(access?.value).toBe(payload.accessToken);
      expect(access?.attributes).toMatchObject({ httponly: true, samesite: 'Lax', path: '/' });
      expect(refresh?.attributes).toMatchObject({
        httponly: true,
        samesite: 'Strict',
        path: '/graphql',
      });

      const stored = await factoryPrisma().user.findUnique({ where: { id: payload.user.id } });
      expect(stored?.passwordHash).toMatch(/^\$argon2id\$/);
      expect(stored?.termsAcceptedAt).toBeInstanceOf(Date);
      expect(stored?.termsVersion).toBe(TERMS_VERSION);
    });

    it('refuses a sign-up without consent to the terms, and creates no account', async () => {
      const input = validSignUp({ acceptTerms: false });
      const result = await api.gql(SIGN_UP, { input });
      expect(result.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [expect.objectContaining({ field: 'acceptTerms', rule: 'acceptTerms' })],
      });
      expect(await factoryPrisma().user.count({ where: { email: input.email } })).toBe(0);
    });

    it('signs the new account in: `me` answers with the session cookie', async () => {
      const jar = new CookieJar();
      const input = validSignUp();
      await api.gql(SIGN_UP, { input }, { jar });
      const me = await api.gql<MeData>(ME, {}, { jar });
      expect(me.data?.me?.email).toBe(input.email);
    });

    it('refuses an e-mail already used, whatever its case: CONFLICT / EMAIL_TAKEN', async () => {
      const existing = await createUser();
      const result = await api.gql(SIGN_UP, {
        input: validSignUp({ email: existing.email.toUpperCase() }),
      });
      const error = firstError(result);
      expect(error.extensions).toMatchObject({ code: 'CONFLICT', reason: 'EMAIL_TAKEN' });
      expect(error.extensions?.fields?.[0]).toMatchObject({ field: 'email', rule: 'unique' });
      expect(error.message).toContain('Un compte existe déjà');
      expect(result.setCookies).toEqual([]);
    });

    it.each([
      ['email', 'email', { email: 'not-an-email' }],
      ['email', 'required', { email: '' }],
      ['password', 'minLength', { password: 'short' }],
      ['password', 'maxLength', { password: 'x'.repeat(129) }],
      ['displayName', 'minLength', { displayName: 'J' }],
      ['displayName', 'maxLength', { displayName: 'x'.repeat(61) }],
      ['displayName', 'required', { displayName: '   ' }],
      ['territoryId', 'territory', { territoryId: 'Paris' }],
    ])(
      'refuses an invalid %s (rule %s): BAD_USER_INPUT naming the field',
      async (field, rule, overrides) => {
        const input = validSignUp(overrides);
        const result = await api.gql(SIGN_UP, { input });
        const error = firstError(result);
        expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_INPUT' });
        expect(error.extensions?.fields).toEqual([expect.objectContaining({ field, rule })]);
        expect(
          await factoryPrisma().user.count({
            where: { email: String(input.email).trim().toLowerCase() },
          }),
        ).toBe(0);
      },
    );

    it('refuses an unknown territory: BAD_USER_INPUT naming territoryId', async () => {
      const result = await api.gql(SIGN_UP, {
        input: validSignUp({ territoryId: 'COMMUNE-99999' }),
      });
      const error = firstError(result);
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_INPUT' });
      expect(error.extensions?.fields).toEqual([
        expect.objectContaining({
          field: 'territoryId',
          rule: 'exists',
          message: expect.stringContaining("n'existe pas"),
        }),
      ]);
    });

    it('refuses an unknown actor type before running the resolver (schema enum)', async () => {
      const result = await api.gql(SIGN_UP, { input: validSignUp({ actorType: 'ROBOT' }) });
      expect(result.status).toBe(400);
      expect(firstError(result).extensions?.code).toBe('BAD_USER_INPUT');
    });

    it('names every invalid field at once, in English when asked', async () => {
      const result = await api.gql(
        SIGN_UP,
        { input: validSignUp({ email: 'nope', password: 'short', displayName: 'J' }) },
        { lang: 'en-GB,en;q=0.9,fr;q=0.5' },
      );
      const error = firstError(result);
      expect(fieldsOf(result).sort()).toEqual(['displayName', 'email', 'password']);
      expect(error.message).toBe('Some fields are not valid: correct them and try again.');
      expect(error.extensions?.fields?.find((f) => f.field === 'password')?.message).toBe(
        'Enter at least 10 characters.',
      );
    });

    it('speaks French by default', async () => {
      const result = await api.gql(SIGN_UP, { input: validSignUp({ password: 'short' }) });
      expect(firstError(result).extensions?.fields?.[0]?.message).toBe(
        'Saisissez au moins 10 caractères.',
      );
    });
  });

  describe('signIn', () => {
    it('signs in with the e-mail in any case and sets the session cookies', async () => {
      const user = await createUser();
      const result = await api.gql<SignInData>(SIGN_IN, {
        input: { email: ` ${user.email.toUpperCase()} `, password: user.password },
      });
      expect(result.errors).toBeUndefined();
      expect(result.data?.signIn.user).toEqual({
        id: user.id,
        email: user.email,
        role: 'PARTICIPANT',
      });
      expect(result.setCookies.map((c) => c.name).sort()).toEqual([
        'passerelle_at',
        'passerelle_rt',
      ]);
    });

    it('gives the identical answer for a wrong password and an unknown e-mail', async () => {
      const user = await createUser();
      const wrongPassword = await api.gql(SIGN_IN, {
        input: { email: user.email, password: 'not the password' },
      });
      const unknownEmail = await api.gql(SIGN_IN, {
        input: { email: `${uniqueKey('nobody')}@example.org`, password: 'not the password' },
      });
      const strip = (result: GqlResult<unknown>) => {
        const { requestId: _requestId, ...extensions } = firstError(result).extensions ?? {};
        return {
          status: result.status,
          message: firstError(result).message,
          extensions,
          data: result.data,
        };
      };
      expect(strip(wrongPassword)).toEqual(strip(unknownEmail));
      expect(strip(wrongPassword).extensions).toEqual({
        code: 'UNAUTHENTICATED',
        reason: 'INVALID_CREDENTIALS',
      });
      expect(wrongPassword.setCookies).toEqual([]);
    });

    it.each([
      ['email', { email: 'nope' }],
      ['password', { password: '' }],
    ])('refuses an invalid %s: BAD_USER_INPUT naming the field', async (field, overrides) => {
      const result = await api.gql(SIGN_IN, {
        input: { email: 'someone@example.org', password: 'whatever', ...overrides },
      });
      expect(firstError(result).extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'INVALID_INPUT',
      });
      expect(fieldsOf(result)).toEqual([field]);
    });

    it('works even with a stale access cookie', async () => {
      const user = await createUser();
      const jar = new CookieJar();
      jar.set('passerelle_at', 'not.a.jwt');
      const result = await api.gql<SignInData>(
        SIGN_IN,
        { input: { email: user.email, password: user.password } },
        { jar },
      );
      expect(result.errors).toBeUndefined();
      expect((await api.gql<MeData>(ME, {}, { jar })).data?.me?.email).toBe(user.email);
    });
  });

  describe('access tokens', () => {
    it('accepts `Authorization: Bearer` for API clients', async () => {
      const user = await createUser();
      const signIn = await api.gql<SignInData>(SIGN_IN, {
        input: { email: user.email, password: user.password },
      });
      const me = await api.gql<MeData>(ME, {}, { token: dataOf(signIn).signIn.accessToken });
      expect(me.data?.me).toMatchObject({ id: user.id, email: user.email });
    });

    it('answers `me: null` to an anonymous visitor', async () => {
      const me = await api.gql<MeData>(ME);
      expect(me.errors).toBeUndefined();
      expect(me.data).toEqual({ me: null });
    });

    it('answers UNAUTHENTICATED / SESSION_EXPIRED to an expired or forged token', async () => {
      const user = await createUser();
      const jwt = new JwtService();
      const expired = await jwt.signAsync(
        { sub: user.id, role: 'PARTICIPANT', exp: Math.floor(Date.now() / 1000) - 60 },
        { secret: api.config.jwtSecret, issuer: 'passerelle' },
      );
      const forged = await jwt.signAsync(
        { sub: user.id, role: 'ADMIN' },
        {
          secret: 'another secret that is at least 32 characters',
          issuer: 'passerelle',
          expiresIn: 600,
        },
      );
      for (const token of [expired, forged]) {
        const result = await api.gql<MeData>(ME, {}, { token });
        expect(firstError(result).extensions).toMatchObject({
          code: 'UNAUTHENTICATED',
          reason: 'SESSION_EXPIRED',
        });
      }
    });
  });

  describe('refreshSession', () => {
    async function signedInJar() {
      const user = await createUser();
      const jar = new CookieJar();
      await api.gql(SIGN_IN, { input: { email: user.email, password: user.password } }, { jar });
      return { user, jar };
    }

    it('rotates the refresh token and issues a new access token', async () => {
      const { user, jar } = await signedInJar();
      const firstRefresh = jar.get('passerelle_rt');
      jar.set('passerelle_at', 'expired.or.stale');
      const result = await api.gql<{
        refreshSession: { accessToken: string; user: { id: string } };
      }>(REFRESH, {}, { jar });
      expect(result.errors).toBeUndefined();
      expect(result.data?.refreshSession.user.id).toBe(user.id);
      expect(jar.get('passerelle_rt')).toBeDefined();
      expect(jar.get('passerelle_rt')).not.toBe(firstRefresh);
      expect(jar.get('passerelle_at')).toBe(result.data?.refreshSession.accessToken);
      expect((await api.gql<MeData>(ME, {}, { jar })).data?.me?.id).toBe(user.id);
    });

    it('revokes the whole family when an already rotated refresh token is used again', async () => {
      const { user, jar } = await signedInJar();
      const stolen = present(jar.get('passerelle_rt'));
      await api.gql(REFRESH, {}, { jar });
      const current = present(jar.get('passerelle_rt'));

      const replay = new CookieJar();
      replay.set('passerelle_rt', stolen);
      const replayed = await api.gql(REFRESH, {}, { jar: replay });
      expect(firstError(replayed).extensions).toMatchObject({
        code: 'UNAUTHENTICATED',
        reason: 'SESSION_EXPIRED',
      });

      // The legitimate holder's newer token died with the family.
      const legit = await api.gql(REFRESH, {}, { jar });
      expect(firstError(legit).extensions).toMatchObject({
        code: 'UNAUTHENTICATED',
        reason: 'SESSION_EXPIRED',
      });
      expect(jar.get('passerelle_rt')).toBeUndefined();
      const tokens = await factoryPrisma().refreshToken.findMany({ where: { userId: user.id } });
      expect(tokens).toHaveLength(2);
      expect(tokens.every((token) => token.revokedAt !== null)).toBe(true);
      expect(current).not.toBe(stolen);
    });

    it('answers SESSION_EXPIRED without a refresh cookie, or with an unknown one, and clears the cookies', async () => {
      const none = await api.gql(REFRESH);
      expect(firstError(none).extensions).toMatchObject({
        code: 'UNAUTHENTICATED',
        reason: 'SESSION_EXPIRED',
      });
      const jar = new CookieJar();
      jar.set('passerelle_rt', 'made-up-token');
      jar.set('passerelle_at', 'made.up.token');
      const unknown = await api.gql(REFRESH, {}, { jar });
      expect(firstError(unknown).extensions?.reason).toBe('SESSION_EXPIRED');
      expect(jar.header()).toBeUndefined();
    });

    it('refuses an expired refresh token', async () => {
      const { user, jar } = await signedInJar();
      await factoryPrisma().refreshToken.updateMany({
        where: { userId: user.id },
        data: { expiresAt: new Date(Date.now() - 1000) },
      });
      const result = await api.gql(REFRESH, {}, { jar });
      expect(firstError(result).extensions?.reason).toBe('SESSION_EXPIRED');
    });
  });

  describe('signOut', () => {
    it('clears both cookies and revokes the refresh token', async () => {
      const user = await createUser();
      const jar = new CookieJar();
      await api.gql(SIGN_IN, { input: { email: user.email, password: user.password } }, { jar });
      const refreshToken = present(jar.get('passerelle_rt'));

      const result = await api.gql<{ signOut: boolean }>(SIGN_OUT, {}, { jar });
      expect(result.data).toEqual({ signOut: true });
      const cleared = result.setCookies.filter(
        (c) => c.name === 'passerelle_at' || c.name === 'passerelle_rt',
      );
      expect(cleared).toHaveLength(2);
      for (const cookie of cleared) {
        expect(cookie.value).toBe('');
        expect(new Date(String(cookie.attributes['expires'])).getTime()).toBeLessThan(Date.now());
      }
      expect(cleared.find((c) => c.name === 'passerelle_rt')?.attributes['path']).toBe('/graphql');
      expect(jar.header()).toBeUndefined();
      expect((await api.gql<MeData>(ME, {}, { jar })).data?.me).toBeNull();

      const replay = new CookieJar();
      replay.set('passerelle_rt', refreshToken);
      expect(firstError(await api.gql(REFRESH, {}, { jar: replay })).extensions?.reason).toBe(
        'SESSION_EXPIRED',
      );
      const tokens = await factoryPrisma().refreshToken.findMany({ where: { userId: user.id } });
      expect(tokens.every((token) => token.revokedAt !== null)).toBe(true);
    });

    it('succeeds for an anonymous visitor', async () => {
      const result = await api.gql<{ signOut: boolean }>(SIGN_OUT);
      expect(result.data).toEqual({ signOut: true });
    });
  });
});
