// Attack suite: forged, expired and replayed tokens; sign-out and password change end sessions
// at once (access tokens carry their session, `sid`, checked on every request).
import { createHmac, randomUUID } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import { closeFactories, createUser, type CreatedUser, factoryPrisma } from '../factories';
import { CookieJar } from '../integration/support/cookies';
import {
  CHANGE_USER_ROLE,
  ME,
  REFRESH,
  SIGN_IN,
  SIGN_OUT,
} from '../integration/support/operations';
import { portOf, subscribe, wsUrl } from '../integration/support/subscriptions';
import {
  dataOf,
  firstError,
  type GqlResult,
  present,
  startTestApp,
  type TestApp,
} from '../integration/support/test-app';

const CHANGE_PASSWORD = `mutation ChangePassword($input: ChangePasswordInput!) {
  changePassword(input: $input) { accessToken user { id } }
}`;
const NOTIFICATION_ADDED = `subscription { notificationAdded { id } }`;
const MODERATION_QUEUE = `query { moderationQueue(first: 1) { totalCount } }`;

type Me = { me: { id: string; role: string } | null };

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

function codeOf(result: GqlResult<unknown>): string | undefined {
  return result.errors?.[0]?.extensions?.code;
}

describe('tokens and sessions', () => {
  let api: TestApp;
  let url: string;

  beforeAll(async () => {
    api = await startTestApp();
    url = wsUrl(portOf(api.app.getHttpServer()));
  });
  afterAll(async () => {
    await api.close();
    await closeFactories();
  });

  /** Signs in through the API: a cookie jar (web app) and the access token (API clients). */
  async function signIn(user: CreatedUser, password = user.password) {
    const jar = new CookieJar();
    const result = await api.gql<{ signIn: { accessToken: string } }>(
      SIGN_IN,
      { input: { email: user.email, password } },
      { jar },
    );
    return { jar, token: dataOf(result).signIn.accessToken };
  }

  async function meWithToken(token: string) {
    return api.gql<Me>(ME, {}, { token });
  }

  async function meWithCookie(token: string) {
    const jar = new CookieJar();
    jar.set('passerelle_at', token);
    return api.gql<Me>(ME, {}, { jar });
  }

  async function sign(claims: Record<string, unknown>, secret = api.config.jwtSecret) {
    return new JwtService().signAsync(claims, { secret, algorithm: 'HS256' });
  }

  describe('forged access tokens are refused', () => {
    let user: CreatedUser;
    let sid: string;

    beforeAll(async () => {
      user = await createUser();
      const { token } = await signIn(user);
      sid = (new JwtService().decode(token) as { sid: string }).sid;
    });

    const exp = () => Math.floor(Date.now() / 1000) + 600;

    it('accepts the genuine claims (control)', async () => {
      const token = await sign({
        sub: user.id,
        role: 'PARTICIPANT',
        sid,
        exp: exp(),
        iss: 'passerelle',
      });
      expect(dataOf(await meWithToken(token)).me?.id).toBe(user.id);
    });

    it.each([
      [
        'alg: none',
        async () =>
          `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url({ sub: user.id, role: 'PARTICIPANT', sid, exp: exp(), iss: 'passerelle' })}.`,
      ],
      [
        'a wrong signature',
        async () =>
          sign(
            { sub: user.id, role: 'PARTICIPANT', sid, exp: exp(), iss: 'passerelle' },
            'another-secret-of-at-least-32-characters!!',
          ),
      ],
      [
        'an expired token',
        async () =>
          sign({
            sub: user.id,
            role: 'PARTICIPANT',
            sid,
            exp: Math.floor(Date.now() / 1000) - 5,
            iss: 'passerelle',
          }),
      ],
      [
        'a wrong issuer',
        async () => sign({ sub: user.id, role: 'PARTICIPANT', sid, exp: exp(), iss: 'elsewhere' }),
      ],
      [
        'no session claim (a token of the old format)',
        async () => sign({ sub: user.id, role: 'PARTICIPANT', exp: exp(), iss: 'passerelle' }),
      ],
      [
        'a session that does not exist',
        async () =>
          sign({
            sub: user.id,
            role: 'PARTICIPANT',
            sid: randomUUID(),
            exp: exp(),
            iss: 'passerelle',
          }),
      ],
      [
        "another account's session",
        async () => {
          const other = await createUser();
          return sign({ sub: other.id, role: 'PARTICIPANT', sid, exp: exp(), iss: 'passerelle' });
        },
      ],
      [
        'HS256 re-signed payload with a tampered body',
        async () => {
          const genuine = await sign({
            sub: user.id,
            role: 'PARTICIPANT',
            sid,
            exp: exp(),
            iss: 'passerelle',
          });
          const [header, , signature] = genuine.split('.');
          const body = base64url({
            sub: user.id,
            role: 'ADMIN',
            sid,
            exp: exp(),
            iss: 'passerelle',
          });
          return `${header}.${body}.${signature}`;
        },
      ],
      [
        'an RS/HS confusion attempt (HS512 with the secret)',
        async () => {
          const header = base64url({ alg: 'HS512', typ: 'JWT' });
          const body = base64url({
            sub: user.id,
            role: 'PARTICIPANT',
            sid,
            exp: exp(),
            iss: 'passerelle',
          });
          const mac = createHmac('sha512', api.config.jwtSecret)
            .update(`${header}.${body}`)
            .digest('base64url');
          return `${header}.${body}.${mac}`;
        },
      ],
    ])('refuses %s (Bearer and cookie) with SESSION_EXPIRED', async (_name, make) => {
      const token = await make();
      const bearer = await meWithToken(token);
      expect(bearer.data?.me ?? null).toBeNull();
      expect(codeOf(bearer)).toBe('UNAUTHENTICATED');
      expect(firstError(bearer).extensions?.reason).toBe('SESSION_EXPIRED');
      const cookie = await meWithCookie(token);
      expect(cookie.data?.me ?? null).toBeNull();
      expect(firstError(cookie).extensions?.reason).toBe('SESSION_EXPIRED');
    });

    it('ignores a role claim forged upward: the account keeps its stored role', async () => {
      // Correctly signed (as if the secret leaked), role ADMIN: the stored role decides.
      const token = await sign({ sub: user.id, role: 'ADMIN', sid, exp: exp(), iss: 'passerelle' });
      expect(dataOf(await meWithToken(token)).me?.role).toBe('PARTICIPANT');
      const admin = await api.gql(MODERATION_QUEUE, {}, { token });
      expect(firstError(admin).extensions?.reason).toBe('NOT_ALLOWED');
    });
  });

  it('a reused refresh token revokes its whole family', async () => {
    const user = await createUser();
    const { jar } = await signIn(user);
    const stolen = present(jar.get('passerelle_rt'));
    dataOf(await api.gql(REFRESH, {}, { jar })); // the legitimate device rotates
    const thief = new CookieJar();
    thief.set('passerelle_rt', stolen);
    expect(firstError(await api.gql(REFRESH, {}, { jar: thief })).extensions?.reason).toBe(
      'SESSION_EXPIRED',
    );
    // The legitimate device's newer token is revoked too, and so is its access token.
    const access = present(jar.get('passerelle_at'));
    expect(firstError(await api.gql(REFRESH, {}, { jar })).extensions?.reason).toBe(
      'SESSION_EXPIRED',
    );
    expect(firstError(await meWithToken(access)).extensions?.reason).toBe('SESSION_EXPIRED');
    const live = await factoryPrisma().refreshToken.count({
      where: { userId: user.id, revokedAt: null },
    });
    expect(live).toBe(0);
  });

  describe('sign-out ends the session at once', () => {
    it('refuses the access token of the session, Bearer and cookie, right after signOut', async () => {
      const user = await createUser();
      const session = await signIn(user);
      const other = await signIn(user); // another device stays signed in
      expect(dataOf(await meWithToken(session.token)).me?.id).toBe(user.id);

      dataOf(await api.gql(SIGN_OUT, {}, { jar: session.jar }));

      expect(firstError(await meWithToken(session.token)).extensions?.reason).toBe(
        'SESSION_EXPIRED',
      );
      expect(firstError(await meWithCookie(session.token)).extensions?.reason).toBe(
        'SESSION_EXPIRED',
      );
      expect(dataOf(await meWithToken(other.token)).me?.id).toBe(user.id);
    });

    it('signs out an API client that only has its Bearer token', async () => {
      const user = await createUser();
      const { token } = await signIn(user);
      expect(dataOf(await api.gql<{ signOut: boolean }>(SIGN_OUT, {}, { token })).signOut).toBe(
        true,
      );
      expect(firstError(await meWithToken(token)).extensions?.reason).toBe('SESSION_EXPIRED');
    });

    it('refuses the graphql-ws handshake with the token of a signed-out session (4401)', async () => {
      const user = await createUser();
      const session = await signIn(user);
      dataOf(await api.gql(SIGN_OUT, {}, { jar: session.jar }));

      const bearer = subscribe(url, NOTIFICATION_ADDED, {}, { token: session.token });
      expect((await bearer.ended).code).toBe(4401);
      await bearer.close();
      const cookie = subscribe(
        url,
        NOTIFICATION_ADDED,
        {},
        {
          cookie: `passerelle_at=${session.token}`,
        },
      );
      expect((await cookie.ended).code).toBe(4401);
      await cookie.close();
    });

    it('accepts the graphql-ws handshake of a live session (control)', async () => {
      const user = await createUser();
      const { token } = await signIn(user);
      const live = subscribe<{ notificationAdded: { id: string } }>(
        url,
        NOTIFICATION_ADDED,
        {},
        { token },
      );
      expect(await live.received(300)).toEqual([]);
      await live.close();
      const { code } = await live.ended;
      expect(code).not.toBe(4401);
    });
  });

  describe('password change ends the other sessions', () => {
    it('ends every other session and its access tokens; the current one goes on', async () => {
      const user = await createUser();
      const current = await signIn(user);
      const laptop = await signIn(user);
      const phone = await signIn(user);

      const result = await api.gql<{
        changePassword: { accessToken: string; user: { id: string } };
      }>(
        CHANGE_PASSWORD,
        { input: { currentPassword: user.password, newPassword: 'a brand new passphrase' } },
        { token: current.token },
      );
      const payload = dataOf(result).changePassword;
      expect(payload.user.id).toBe(user.id);

      // This session: its old and new access tokens and its refresh cookie still work.
      expect(dataOf(await meWithToken(current.token)).me?.id).toBe(user.id);
      expect(dataOf(await meWithToken(payload.accessToken)).me?.id).toBe(user.id);
      dataOf(await api.gql(REFRESH, {}, { jar: current.jar }));

      // Every other session: access token refused at once, refresh refused.
      for (const other of [laptop, phone]) {
        expect(firstError(await meWithToken(other.token)).extensions?.reason).toBe(
          'SESSION_EXPIRED',
        );
        expect(firstError(await api.gql(REFRESH, {}, { jar: other.jar })).extensions?.reason).toBe(
          'SESSION_EXPIRED',
        );
      }
      const ws = subscribe(url, NOTIFICATION_ADDED, {}, { token: laptop.token });
      expect((await ws.ended).code).toBe(4401);
      await ws.close();

      // Old password refused, new one accepted; the change was recorded without secrets.
      const old = await api.gql(SIGN_IN, { input: { email: user.email, password: user.password } });
      expect(firstError(old).extensions?.reason).toBe('INVALID_CREDENTIALS');
      await signIn(user, 'a brand new passphrase');
      const events = await factoryPrisma().authEvent.findMany({
        where: { userId: user.id, kind: 'PASSWORD_CHANGED' },
      });
      expect(events).toHaveLength(1);
      expect(JSON.stringify(events[0])).not.toMatch(/passphrase|staple/);
    });

    it('refuses a wrong current password with PASSWORD_INCORRECT and changes nothing', async () => {
      const user = await createUser();
      const current = await signIn(user);
      const other = await signIn(user);
      const before = await factoryPrisma().user.findUniqueOrThrow({ where: { id: user.id } });
      const result = await api.gql(
        CHANGE_PASSWORD,
        { input: { currentPassword: 'not my password', newPassword: 'a brand new passphrase' } },
        { token: current.token },
      );
      expect(firstError(result).extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'PASSWORD_INCORRECT',
      });
      const after = await factoryPrisma().user.findUniqueOrThrow({ where: { id: user.id } });
      expect(after.passwordHash).toBe(before.passwordHash);
      expect(dataOf(await meWithToken(other.token)).me?.id).toBe(user.id);
    });

    it('applies the sign-up password rules and needs a signed-in account', async () => {
      const user = await createUser();
      const { token } = await signIn(user);
      const short = await api.gql(
        CHANGE_PASSWORD,
        { input: { currentPassword: user.password, newPassword: 'court' } },
        { token },
      );
      expect(firstError(short).extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [expect.objectContaining({ field: 'newPassword', rule: 'minLength' })],
      });
      const anonymous = await api.gql(CHANGE_PASSWORD, {
        input: { currentPassword: user.password, newPassword: 'a brand new passphrase' },
      });
      expect(firstError(anonymous).extensions?.reason).toBe('SIGN_IN_REQUIRED');
    });
  });

  describe('the session check reads the account as it is now', () => {
    it('a demoted moderator loses moderator rights at once', async () => {
      const admin = await createUser({ role: 'ADMIN' });
      const moderator = await createUser({ role: 'MODERATOR' });
      const { token } = await signIn(moderator);
      expect(codeOf(await api.gql(MODERATION_QUEUE, {}, { token }))).toBeUndefined();
      dataOf(
        await api.gql(
          CHANGE_USER_ROLE,
          { input: { userId: moderator.id, role: 'PARTICIPANT' } },
          { token: await api.tokenFor(admin) },
        ),
      );
      const after = await api.gql(MODERATION_QUEUE, {}, { token });
      expect(after.data).toBeNull();
      expect(firstError(after).extensions?.reason).toMatch(/SESSION_EXPIRED|NOT_ALLOWED/);
    });

    it('a role lowered in the database applies to a live token at once', async () => {
      const moderator = await createUser({ role: 'MODERATOR' });
      const { token } = await signIn(moderator);
      await factoryPrisma().user.update({
        where: { id: moderator.id },
        data: { role: 'PARTICIPANT' },
      });
      expect(dataOf(await meWithToken(token)).me?.role).toBe('PARTICIPANT');
      expect(firstError(await api.gql(MODERATION_QUEUE, {}, { token })).extensions?.reason).toBe(
        'NOT_ALLOWED',
      );
    });

    it('refuses the tokens of a deleted account', async () => {
      const user = await createUser();
      const { token } = await signIn(user);
      await factoryPrisma().user.update({
        where: { id: user.id },
        data: { deletedAt: new Date() },
      });
      expect(firstError(await meWithToken(token)).extensions?.reason).toBe('SESSION_EXPIRED');
    });
  });
});
