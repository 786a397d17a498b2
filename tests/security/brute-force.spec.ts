// Attack suite: password guessing. With the real limits (RATE_LIMIT_FACTOR 1): one account
// cannot be guessed at from many addresses (the per-account limit holds whatever the IP), and
// one address cannot spray many accounts; when the API faces clients directly (TRUST_PROXY=false)
// a forged X-Forwarded-For does not give the attacker a new address per attempt. The same holds
// for guessing the current password through changePassword.
import { randomInt } from 'node:crypto';
import { closeFactories, createUser, factoryPrisma, uniqueKey } from '../factories';
import { SIGN_IN } from '../integration/support/operations';
import { type GqlResult, startTestApp, type TestApp } from '../integration/support/test-app';

const CHANGE_PASSWORD = `mutation ChangePassword($input: ChangePasswordInput!) {
  changePassword(input: $input) { accessToken }
}`;

const randomIp = () =>
  `${randomInt(1, 223)}.${randomInt(0, 255)}.${randomInt(0, 255)}.${randomInt(1, 254)}`;
const codeOf = (result: GqlResult<unknown>) => result.errors?.[0]?.extensions?.code;

/** Waits when a 15-minute window ends within 30 s, so a burst of attempts stays in one window. */
async function awayFromWindowEnd(): Promise<void> {
  const windowMs = 15 * 60 * 1000;
  const left = windowMs - (Date.now() % windowMs);
  if (left < 30_000) await new Promise((resolve) => setTimeout(resolve, left + 500));
}

describe('brute force', () => {
  describe('behind a proxy (default TRUST_PROXY: private addresses)', () => {
    let api: TestApp;

    beforeAll(async () => {
      api = await startTestApp({ RATE_LIMIT_FACTOR: '1' });
    });
    afterAll(async () => {
      await api.close();
    });

    it('throttles one account after 10 wrong passwords, whatever address each comes from', async () => {
      await awayFromWindowEnd();
      const victim = await createUser();
      for (let attempt = 1; attempt <= 10; attempt++) {
        const result = await api.gql(
          SIGN_IN,
          { input: { email: victim.email, password: `guess-${attempt}` } },
          { headers: { 'X-Forwarded-For': randomIp() } },
        );
        expect(codeOf(result)).toBe('UNAUTHENTICATED');
      }
      // An 11th address, then the right password from a 12th: both refused before checking.
      const more = await api.gql(
        SIGN_IN,
        { input: { email: victim.email, password: 'guess-11' } },
        { headers: { 'X-Forwarded-For': randomIp() } },
      );
      expect(codeOf(more)).toBe('RATE_LIMITED');
      const right = await api.gql(
        SIGN_IN,
        { input: { email: ` ${victim.email.toUpperCase()}`, password: victim.password } },
        { headers: { 'X-Forwarded-For': randomIp() } },
      );
      expect(codeOf(right)).toBe('RATE_LIMITED');
      expect(right.data ?? null).toBeNull();
      expect(await factoryPrisma().refreshToken.count({ where: { userId: victim.id } })).toBe(0);
    }, 120_000);

    it('throttles guessing the current password through changePassword, per account', async () => {
      await awayFromWindowEnd();
      const victim = await createUser();
      // A stolen session (e.g. a computer left signed in) guessing the password to take over.
      const token = await api.tokenFor(victim);
      for (let attempt = 1; attempt <= 10; attempt++) {
        const result = await api.gql(
          CHANGE_PASSWORD,
          { input: { currentPassword: `guess-${attempt}`, newPassword: 'taken over for good' } },
          { token, headers: { 'X-Forwarded-For': randomIp() } },
        );
        expect(result.errors?.[0]?.extensions?.reason).toBe('PASSWORD_INCORRECT');
      }
      const right = await api.gql(
        CHANGE_PASSWORD,
        { input: { currentPassword: victim.password, newPassword: 'taken over for good' } },
        { token, headers: { 'X-Forwarded-For': randomIp() } },
      );
      expect(codeOf(right)).toBe('RATE_LIMITED');
      const stored = await factoryPrisma().user.findUniqueOrThrow({ where: { id: victim.id } });
      const fresh = await createUser({ password: victim.password });
      const reference = await factoryPrisma().user.findUniqueOrThrow({ where: { id: fresh.id } });
      // Same password, same cached hash in the factory: unchanged.
      expect(stored.passwordHash).toBe(reference.passwordHash);
    }, 120_000);
  });

  describe('facing clients directly (TRUST_PROXY=false)', () => {
    let api: TestApp;

    beforeAll(async () => {
      api = await startTestApp({ RATE_LIMIT_FACTOR: '1', TRUST_PROXY: 'false' });
    });
    afterAll(async () => {
      await api.close();
      await closeFactories();
    });

    it('keeps counting one address when the attacker forges X-Forwarded-For (50 per 15 min)', async () => {
      await awayFromWindowEnd();
      // Password spraying: a new e-mail each time (so the per-account limit never applies) and a
      // new forged address each time. Malformed attempts (empty password) count too; they are
      // used for most of the budget because they cost no password hashing.
      const attempt = (password: string) =>
        api.gql(
          SIGN_IN,
          { input: { email: `${uniqueKey('spray')}@example.org`, password } },
          { headers: { 'X-Forwarded-For': randomIp(), 'X-Real-IP': randomIp() } },
        );
      for (let count = 1; count <= 45; count++) {
        expect(codeOf(await attempt(''))).toBe('BAD_USER_INPUT');
      }
      for (let count = 46; count <= 50; count++) {
        expect(codeOf(await attempt('Printemps2026!'))).toBe('UNAUTHENTICATED');
      }
      expect(codeOf(await attempt('Printemps2026!'))).toBe('RATE_LIMITED');
    }, 120_000);

    it('records the socket address, not the forged one, in the auth events', async () => {
      const user = await createUser();
      const token = await api.tokenFor(user);
      const result = await api.gql(
        CHANGE_PASSWORD,
        { input: { currentPassword: user.password, newPassword: 'a brand new passphrase' } },
        { token, headers: { 'X-Forwarded-For': '203.0.113.77' } },
      );
      expect(result.errors).toBeUndefined();
      const events = await factoryPrisma().authEvent.findMany({
        where: { userId: user.id, kind: 'PASSWORD_CHANGED' },
      });
      expect(events).toHaveLength(1);
      expect(events[0]?.ip).toMatch(/127\.0\.0\.1/);
    });
  });
});
