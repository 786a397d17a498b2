import { closeFactories, createUser, factoryPrisma } from '../factories';
import { CookieJar } from './support/cookies';
import { CHANGE_USER_ROLE, REFRESH, SIGN_IN } from './support/operations';
import { dataOf, firstError, startTestApp, type TestApp } from './support/test-app';

type ChangeData = { changeUserRole: { id: string; email: string; role: string } };

describe('changeUserRole', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(async () => {
    await api.close();
    await closeFactories();
  });

  async function adminToken() {
    const admin = await createUser({ role: 'ADMIN' });
    return { admin, token: await api.tokenFor(admin) };
  }

  it('lets an administrator make a participant a moderator', async () => {
    const { token } = await adminToken();
    const target = await createUser();
    const result = await api.gql<ChangeData>(
      CHANGE_USER_ROLE,
      { input: { userId: target.id, role: 'MODERATOR' } },
      { token },
    );
    expect(dataOf(result).changeUserRole).toEqual({
      id: target.id,
      email: target.email,
      role: 'MODERATOR',
    });
    const row = await factoryPrisma().user.findUniqueOrThrow({ where: { id: target.id } });
    expect(row.role).toBe('MODERATOR');
  });

  it('appends exactly one CHANGE_ROLE audit entry with the roles before and after', async () => {
    const { admin, token } = await adminToken();
    const target = await createUser({ role: 'CURATOR' });
    await api.gql(CHANGE_USER_ROLE, { input: { userId: target.id, role: 'MODERATOR' } }, { token });
    const entries = await factoryPrisma().auditLogEntry.findMany({
      where: { targetId: target.id },
    });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      actorId: admin.id,
      action: 'CHANGE_ROLE',
      targetType: 'USER',
      targetId: target.id,
      metadata: { from: 'CURATOR', to: 'MODERATOR' },
    });
  });

  it('writes no audit entry when the change is refused', async () => {
    const moderator = await createUser({ role: 'MODERATOR' });
    const target = await createUser();
    await api.gql(
      CHANGE_USER_ROLE,
      { input: { userId: target.id, role: 'ADMIN' } },
      { token: await api.tokenFor(moderator) },
    );
    expect(await factoryPrisma().auditLogEntry.count({ where: { targetId: target.id } })).toBe(0);
  });

  it("ends the account's sessions so the new role applies from its next sign-in", async () => {
    const { token } = await adminToken();
    const target = await createUser();
    const jar = new CookieJar();
    await api.gql(SIGN_IN, { input: { email: target.email, password: target.password } }, { jar });
    await api.gql(CHANGE_USER_ROLE, { input: { userId: target.id, role: 'CURATOR' } }, { token });
    jar.set('passerelle_at', 'stale');
    const refreshed = await api.gql(REFRESH, {}, { jar });
    expect(firstError(refreshed).extensions).toMatchObject({
      code: 'UNAUTHENTICATED',
      reason: 'SESSION_EXPIRED',
    });
    const again = await api.gql<{ signIn: { user: { role: string } } }>(
      `mutation SignIn($input: SignInInput!) { signIn(input: $input) { user { role } } }`,
      { input: { email: target.email, password: target.password } },
    );
    expect(dataOf(again).signIn.user.role).toBe('CURATOR');
  });

  it('refuses an anonymous visitor: UNAUTHENTICATED / SIGN_IN_REQUIRED', async () => {
    const target = await createUser();
    const result = await api.gql(CHANGE_USER_ROLE, { input: { userId: target.id, role: 'ADMIN' } });
    expect(firstError(result).extensions).toMatchObject({
      code: 'UNAUTHENTICATED',
      reason: 'SIGN_IN_REQUIRED',
    });
  });

  it.each(['PARTICIPANT', 'MODERATOR', 'CURATOR'] as const)(
    'refuses a %s: FORBIDDEN / NOT_ALLOWED, and changes nothing',
    async (role) => {
      const actor = await createUser({ role });
      const target = await createUser();
      const result = await api.gql(
        CHANGE_USER_ROLE,
        { input: { userId: target.id, role: 'ADMIN' } },
        { token: await api.tokenFor(actor) },
      );
      expect(firstError(result).extensions).toMatchObject({
        code: 'FORBIDDEN',
        reason: 'NOT_ALLOWED',
      });
      const row = await factoryPrisma().user.findUniqueOrThrow({ where: { id: target.id } });
      expect(row.role).toBe('PARTICIPANT');
    },
  );

  it('refuses an administrator changing their own role: FORBIDDEN / OWN_ROLE_CHANGE', async () => {
    const { admin, token } = await adminToken();
    const result = await api.gql(
      CHANGE_USER_ROLE,
      { input: { userId: admin.id, role: 'PARTICIPANT' } },
      { token },
    );
    expect(firstError(result).extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'OWN_ROLE_CHANGE',
    });
    expect(firstError(result).message).toMatch(/propre rôle/);
  });

  it('answers NOT_FOUND / USER_NOT_FOUND for an unknown account', async () => {
    const { token } = await adminToken();
    const result = await api.gql(
      CHANGE_USER_ROLE,
      { input: { userId: '00000000-0000-4000-8000-000000000000', role: 'CURATOR' } },
      { token, lang: 'en' },
    );
    expect(firstError(result)).toMatchObject({
      message: 'This account does not exist.',
      extensions: { code: 'NOT_FOUND', reason: 'USER_NOT_FOUND' },
    });
  });

  it('names an invalid user id (BAD_USER_INPUT) and rejects an unknown role before execution', async () => {
    const { token } = await adminToken();
    const badId = await api.gql(
      CHANGE_USER_ROLE,
      { input: { userId: 'nope', role: 'CURATOR' } },
      { token },
    );
    expect(firstError(badId).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [expect.objectContaining({ field: 'userId', rule: 'id' })],
    });
    const badRole = await api.gql(
      CHANGE_USER_ROLE,
      { input: { userId: '00000000-0000-4000-8000-000000000000', role: 'KING' } },
      { token },
    );
    expect(firstError(badRole).extensions?.code).toBe('BAD_USER_INPUT');
  });
});
