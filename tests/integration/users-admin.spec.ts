import { closeFactories, createUser, type CreatedUser, uniqueKey } from '../factories';
import { dataOf, firstError, startTestApp, type TestApp } from './support/test-app';

const USERS = `query ($search: String, $role: Role, $first: Int, $after: String) {
  users(search: $search, role: $role, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id email displayName role } }
  }
}`;

interface UsersPage {
  users: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: {
      cursor: string;
      node: { id: string; email: string; displayName: string; role: string };
    }[];
  };
}

describe('users (administrators: roles screen)', () => {
  let api: TestApp;
  let adminToken: string;

  beforeAll(async () => {
    api = await startTestApp();
    adminToken = await api.tokenFor(await createUser({ role: 'ADMIN' }));
  });
  afterAll(async () => {
    await api.close();
    await closeFactories();
  });

  const list = (variables: Record<string, unknown>, token = adminToken, lang?: string) =>
    api.gql<UsersPage>(USERS, variables, { token, lang });

  it.each([
    ['an anonymous visitor', null, 'UNAUTHENTICATED'],
    ['a participant', 'PARTICIPANT', 'FORBIDDEN'],
    ['a moderator', 'MODERATOR', 'FORBIDDEN'],
    ['a curator', 'CURATOR', 'FORBIDDEN'],
  ] as const)('refuses the list to %s', async (_who, role, code) => {
    const token = role ? await api.tokenFor(await createUser({ role })) : undefined;
    const result = await api.gql<UsersPage>(USERS, {}, { token });
    expect(firstError(result).extensions?.code).toBe(code);
    expect(result.data?.users ?? null).toBeNull();
  });

  it('searches display names and e-mails, any case, with the e-mail shown to administrators', async () => {
    const key = uniqueKey('Roles')
      .toLowerCase()
      .replace(/[^a-z0-9]/g, '');
    const byName = await createUser({ displayName: `Hortense ${key.toUpperCase()}` });
    const byEmail = await createUser({ email: `${key}.contact@example.org` });
    await createUser({ displayName: 'Quelqu’un d’autre' });

    const result = dataOf(await list({ search: `  ${key.toUpperCase()} ` })).users;
    expect(result.totalCount).toBe(2);
    expect(result.edges.map((edge) => edge.node)).toEqual([
      {
        id: byEmail.id,
        email: byEmail.email,
        displayName: byEmail.displayName,
        role: 'PARTICIPANT',
      },
      { id: byName.id, email: byName.email, displayName: byName.displayName, role: 'PARTICIPANT' },
    ]);
  });

  it('filters by role and pages newest first without gaps or repeats', async () => {
    const key = uniqueKey('curators')
      .toLowerCase()
      .replace(/[^a-z0-9]/g, '');
    const created: CreatedUser[] = [];
    for (let n = 0; n < 5; n++) {
      created.push(await createUser({ role: 'CURATOR', displayName: `Curatrice ${key} ${n}` }));
    }
    await createUser({ role: 'MODERATOR', displayName: `Modératrice ${key}` });

    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const page: UsersPage['users'] = dataOf(
        await list({ search: key, role: 'CURATOR', first: 2, after }),
      ).users;
      expect(page.totalCount).toBe(5);
      expect(page.edges.every((edge) => edge.node.role === 'CURATOR')).toBe(true);
      seen.push(...page.edges.map((edge) => edge.node.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      pages++;
    } while (after);
    expect(pages).toBe(3);
    expect(seen).toEqual(created.map((user) => user.id).reverse());

    const moderators = dataOf(await list({ search: key, role: 'MODERATOR' })).users;
    expect(moderators.edges.map((edge) => edge.node.displayName)).toEqual([`Modératrice ${key}`]);
  });

  it('refuses a page size out of range and a forged cursor, naming the argument', async () => {
    const tooMany = firstError(await list({ first: 101 }, adminToken, 'en'));
    expect(tooMany.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [expect.objectContaining({ field: 'first' })],
    });
    expect(tooMany.extensions?.fields?.[0]?.message).toBe('Ask for 1 to 100 items per page.');
    const forged = firstError(await list({ after: 'not-a-cursor' }));
    expect(forged.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [expect.objectContaining({ field: 'after' })],
    });
    expect(forged.extensions?.fields?.[0]?.message).toContain('Curseur invalide');
  });
});
