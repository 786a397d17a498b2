import { PrismaService } from '../../apps/api/src/common/prisma/prisma.service';
import { ProposalListService } from '../../apps/api/src/modules/proposals/proposal-list.service';
import { ThemesRepository } from '../../apps/api/src/modules/themes/themes.repository';
import { closeFactories, factoryPrisma, uniqueKey } from '../factories';
import { dataOf, firstError, type GqlResult, startTestApp, type TestApp } from './support/test-app';

const PRODUCTION = {
  NODE_ENV: 'production',
  JWT_SECRET: 'a-production-secret-of-at-least-32-characters',
  COOKIE_SECURE: 'false',
};

function expectNoLeak(result: GqlResult<unknown>) {
  expect(result.text).not.toMatch(
    /stacktrace|at \w+ \(|\.ts:\d+|SELECT|relation|prisma|Prisma|no_such_table/,
  );
}

describe('GraphQL hardening', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await api.close();
    await closeFactories();
  });

  describe('query limits (rejected before execution)', () => {
    it('rejects a query deeper than 8 levels', async () => {
      const list = jest.spyOn(api.app.get(ProposalListService), 'list');
      const result = await api.gql(
        `{ proposals { edges { node { consultation { territory { parent { parent { parent { parent { name } } } } } } } } } }`,
      );
      expect(result.status).toBe(400);
      expect(result.data).toBeUndefined();
      expect(firstError(result).extensions).toMatchObject({
        code: 'GRAPHQL_VALIDATION_FAILED',
        reason: 'QUERY_TOO_COMPLEX',
      });
      expect(firstError(result).message).toMatch(/depth/i);
      expect(list).not.toHaveBeenCalled();
      list.mockRestore();
    });

    it('accepts a query of depth 8', async () => {
      const result = await api.gql(
        `{ proposals { edges { node { consultation { territory { parent { parent { name } } } } } } } }`,
      );
      expect(result.errors).toBeUndefined();
    });

    it('rejects more than 10 aliases', async () => {
      const findAll = jest.spyOn(api.app.get(ThemesRepository), 'findAll');
      const aliases = Array.from({ length: 11 }, (_, i) => `t${i}: themes { id }`).join(' ');
      const result = await api.gql(`{ ${aliases} }`);
      expect(result.status).toBe(400);
      expect(firstError(result).extensions).toMatchObject({
        code: 'GRAPHQL_VALIDATION_FAILED',
        reason: 'QUERY_TOO_COMPLEX',
      });
      expect(firstError(result).message).toMatch(/alias/i);
      expect(findAll).not.toHaveBeenCalled();
      findAll.mockRestore();
    });

    it('rejects a query above the cost limit', async () => {
      const fields = Array.from(
        { length: 10 },
        (_, i) =>
          `p${i}: proposals(first: 50) { edges { node { ${'title summary body '.repeat(10)} themes { id slug name } } } }`,
      ).join(' ');
      const result = await api.gql(`{ ${fields} }`);
      expect(result.status).toBe(400);
      expect(result.data).toBeUndefined();
      expect(result.errors).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            message: expect.stringMatching(/cost/i),
            extensions: expect.objectContaining({ reason: 'QUERY_TOO_COMPLEX' }),
          }),
        ]),
      );
    });

    it('rejects a query with too many tokens', async () => {
      const result = await api.gql(`{ themes { ${'id '.repeat(2500)} } }`);
      expect(result.status).toBe(400);
      expect(result.data).toBeUndefined();
      expect(firstError(result).extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
      expect(firstError(result).message).toMatch(/token/i);
    });

    it('refuses batched operations', async () => {
      const response = await api.http
        .post('/graphql')
        .set('Content-Type', 'application/json')
        .send([{ query: '{ themes { id } }' }, { query: '{ themes { id } }' }]);
      expect(response.status).toBe(400);
    });
  });

  describe('errors', () => {
    it('answers an unexpected failure with INTERNAL_SERVER_ERROR, a generic message and the request id, without stack or SQL', async () => {
      const prisma = api.app.get(PrismaService);
      const findAll = jest
        .spyOn(api.app.get(ThemesRepository), 'findAll')
        .mockImplementation(() =>
          prisma.$queryRawUnsafe('SELECT * FROM no_such_table WHERE secret = 1'),
        );
      const result = await api.gql(
        `{ themes { id } }`,
        {},
        { lang: 'en', headers: { 'x-request-id': 'req-leak-test-1' } },
      );
      findAll.mockRestore();
      const error = firstError(result);
      expect(error.message).toBe(
        'An unexpected error occurred. Try again later; if it persists, give the request id to support.',
      );
      expect(error.extensions).toEqual({
        code: 'INTERNAL_SERVER_ERROR',
        reason: 'INTERNAL_SERVER_ERROR',
        requestId: 'req-leak-test-1',
      });
      expect(result.headers['x-request-id']).toBe('req-leak-test-1');
      expectNoLeak(result);
    });

    it('masks a failure outside resolvers too (a value the schema cannot represent)', async () => {
      const findAll = jest
        .spyOn(api.app.get(ThemesRepository), 'findAll')
        .mockResolvedValue([
          { id: null, slug: 'x', nameFr: 'x', nameEn: 'x', descriptionFr: '', position: 0 },
        ] as never);
      const result = await api.gql(`{ themes { id slug } }`);
      findAll.mockRestore();
      expect(firstError(result).extensions).toMatchObject({
        code: 'INTERNAL_SERVER_ERROR',
        reason: 'INTERNAL_SERVER_ERROR',
      });
      expect(firstError(result).extensions?.requestId).toEqual(expect.any(String));
      expectNoLeak(result);
    });

    it('puts the request id of the response header in every error', async () => {
      const result = await api.gql(
        `{ proposal(id: "00000000-0000-4000-8000-000000000000") { id } }`,
      );
      expect(firstError(result).extensions?.requestId).toBe(result.headers['x-request-id']);
    });

    it('maps a unique violation nobody anticipated to CONFLICT', async () => {
      const slug = uniqueKey('dup');
      await factoryPrisma().theme.create({ data: { slug, nameFr: slug, nameEn: slug } });
      const prisma = api.app.get(PrismaService);
      const findAll = jest
        .spyOn(api.app.get(ThemesRepository), 'findAll')
        .mockImplementation(() =>
          prisma.theme.create({ data: { slug, nameFr: slug, nameEn: slug } }).then(() => []),
        );
      const result = await api.gql(`{ themes { id } }`);
      findAll.mockRestore();
      expect(firstError(result).extensions).toMatchObject({ code: 'CONFLICT', reason: 'CONFLICT' });
      expectNoLeak(result);
      await factoryPrisma().theme.delete({ where: { slug } });
    });
  });

  describe('CSRF prevention', () => {
    const mutation = (email: string) =>
      JSON.stringify({
        query: `mutation { signUp(input: { email: "${email}", password: "a long enough password", displayName: "CSRF", actorType: CITIZEN, territoryId: "COMMUNE-75056" }) { accessToken } }`,
      });

    it.each([
      ['text/plain', (email: string) => mutation(email)],
      [
        'application/x-www-form-urlencoded',
        (email: string) => `query=${encodeURIComponent(JSON.parse(mutation(email)).query)}`,
      ],
      [
        'multipart/form-data; boundary=x',
        (email: string) =>
          `--x\r\nContent-Disposition: form-data; name="operations"\r\n\r\n${mutation(email)}\r\n--x--`,
      ],
    ])('refuses a mutation posted as %s', async (contentType, body) => {
      const email = `${uniqueKey('csrf')}@example.org`;
      const response = await api.http
        .post('/graphql')
        .set('Content-Type', contentType)
        .send(body(email));
      expect(response.status).toBe(400);
      expect(await factoryPrisma().user.count({ where: { email } })).toBe(0);
    });

    it('refuses a mutation sent with GET', async () => {
      const email = `${uniqueKey('csrf')}@example.org`;
      const query = JSON.parse(mutation(email)).query as string;
      const response = await api.http
        .get('/graphql')
        .query({ query })
        .set('apollo-require-preflight', 'true');
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(await factoryPrisma().user.count({ where: { email } })).toBe(0);
    });
  });

  describe('in production', () => {
    let prod: TestApp;

    beforeAll(async () => {
      prod = await startTestApp(PRODUCTION);
    });
    afterAll(async () => {
      await prod.close();
    });

    it('turns introspection off', async () => {
      const result = await prod.gql(`{ __schema { types { name } } }`);
      expect(result.data).toBeUndefined();
      expect(firstError(result).message).toMatch(/introspection/i);
    });

    it('does not suggest field names', async () => {
      const result = await prod.gql(`{ themez { id } }`);
      expect(firstError(result).message).not.toMatch(/Did you mean/);
    });

    it('still answers normal queries', async () => {
      const result = await prod.gql<{ themes: unknown[] }>(`{ themes { slug } }`);
      expect(dataOf(result).themes.length).toBeGreaterThan(0);
    });

    it('masks unexpected errors the same way', async () => {
      const findAll = jest
        .spyOn(prod.app.get(ThemesRepository), 'findAll')
        .mockRejectedValue(new Error('SELECT password FROM users'));
      const result = await prod.gql(`{ themes { id } }`);
      findAll.mockRestore();
      expect(firstError(result).extensions).toMatchObject({ code: 'INTERNAL_SERVER_ERROR' });
      expectNoLeak(result);
    });
  });

  it('suggests field names outside production (developer help)', async () => {
    const result = await api.gql(`{ themez { id } }`);
    expect(firstError(result).message).toMatch(/Did you mean "themes"/);
  });
});
