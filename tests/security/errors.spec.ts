// Attack suite: failures must not leak internals. A repository or service of the running
// in-process app is made to fail with a real PostgreSQL error (a statement on a table that does
// not exist, through Prisma) or a real Prisma unique violation; the answers, GraphQL and REST, in
// production mode carry no stack, no SQL, no Prisma text, only a generic message and a request id.
import { PrismaService } from '../../apps/api/src/common/prisma/prisma.service';
import { BriefExportService } from '../../apps/api/src/modules/briefs/export/brief-export.service';
import { NotificationsService } from '../../apps/api/src/modules/notifications/notifications.service';
import { signUnsubscribeToken } from '../../apps/api/src/modules/notifications/unsubscribe-token';
import { OpenDataService } from '../../apps/api/src/modules/open-data/open-data.service';
import { ThemesRepository } from '../../apps/api/src/modules/themes/themes.repository';
import { closeFactories, factoryPrisma, uniqueKey } from '../factories';
import { firstError, startTestApp, type TestApp } from '../integration/support/test-app';

const PRODUCTION = {
  NODE_ENV: 'production',
  JWT_SECRET: 'a-production-secret-of-at-least-32-characters',
  COOKIE_SECURE: 'false',
};

/** What must never reach a client: stack frames, file paths, SQL, Prisma or PostgreSQL text. */
const LEAK =
  /stacktrace|\bat \w+ \(|\.ts:\d+|\.js:\d+|node_modules|SELECT|INSERT|relation|prisma|no_such_table|P20\d\d|42P01|23505|duplicate key|constraint/i;

describe('errors in production leak nothing', () => {
  let api: TestApp;
  let failingSql: () => Promise<never>;

  beforeAll(async () => {
    api = await startTestApp(PRODUCTION);
    const prisma = api.app.get(PrismaService);
    // A genuine failure of PostgreSQL through Prisma: its message names the SQL and the table.
    failingSql = () =>
      prisma.$queryRawUnsafe('SELECT secret FROM no_such_table WHERE id = 1') as Promise<never>;
  });
  afterEach(() => {
    jest.restoreAllMocks();
  });
  afterAll(async () => {
    await api.close();
    await closeFactories();
  });

  it('the forced failure itself is a real, talkative PostgreSQL error (control)', async () => {
    await expect(failingSql()).rejects.toThrow(/no_such_table/);
  });

  describe('GraphQL', () => {
    it('answers INTERNAL_SERVER_ERROR with a generic message and the request id', async () => {
      jest.spyOn(api.app.get(ThemesRepository), 'findAll').mockImplementation(failingSql);
      const result = await api.gql(
        `{ themes { id } }`,
        {},
        { lang: 'en', headers: { 'x-request-id': 'req-leak-test-1' } },
      );
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
      expect(result.text).not.toMatch(LEAK);
    });

    it('masks a failure outside resolvers too (a value the schema cannot represent)', async () => {
      jest
        .spyOn(api.app.get(ThemesRepository), 'findAll')
        .mockResolvedValue([
          { id: null, slug: 'x', nameFr: 'x', nameEn: 'x', descriptionFr: '', position: 0 },
        ] as never);
      const result = await api.gql(`{ themes { id slug } }`);
      expect(firstError(result).extensions).toMatchObject({
        code: 'INTERNAL_SERVER_ERROR',
        reason: 'INTERNAL_SERVER_ERROR',
      });
      expect(firstError(result).extensions?.requestId).toEqual(expect.any(String));
      expect(result.text).not.toMatch(LEAK);
    });

    it('maps a unique violation nobody anticipated to CONFLICT, without the constraint', async () => {
      const slug = uniqueKey('dup');
      await factoryPrisma().theme.create({ data: { slug, nameFr: slug, nameEn: slug } });
      const prisma = api.app.get(PrismaService);
      jest
        .spyOn(api.app.get(ThemesRepository), 'findAll')
        .mockImplementation(() =>
          prisma.theme.create({ data: { slug, nameFr: slug, nameEn: slug } }).then(() => []),
        );
      const result = await api.gql(`{ themes { id } }`);
      expect(firstError(result).extensions).toMatchObject({ code: 'CONFLICT', reason: 'CONFLICT' });
      expect(result.text).not.toMatch(LEAK);
      await factoryPrisma().theme.delete({ where: { slug } });
    });

    it('puts the request id of the response header in every error', async () => {
      const result = await api.gql(
        `{ proposal(id: "00000000-0000-4000-8000-000000000000") { id } }`,
      );
      expect(firstError(result).extensions?.requestId).toBe(result.headers['x-request-id']);
    });

    it('answers a malformed JSON body without the parser internals', async () => {
      const response = await api.http
        .post('/graphql')
        .set('Content-Type', 'application/json')
        .send('{"query": "{ themes { id } }",');
      expect(response.status).toBe(400);
      expect(response.text).not.toMatch(LEAK);
    });
  });

  describe('REST', () => {
    it.each([
      ['open data (CSV)', '/api/open-data/consultations/some-slug/proposals.csv'],
      ['open data (JSON)', '/api/open-data/consultations/some-slug/comments.json'],
    ])('%s: 500 with a generic body', async (_name, path) => {
      jest.spyOn(api.app.get(OpenDataService), 'findConsultation').mockImplementation(failingSql);
      const response = await api.http.get(path);
      expect(response.status).toBe(500);
      expect(response.text).not.toMatch(LEAK);
    });

    it('brief export: 500 with a generic body', async () => {
      jest.spyOn(api.app.get(BriefExportService), 'export').mockImplementation(failingSql);
      const response = await api.http.get('/api/briefs/some-slug/export.md');
      expect(response.status).toBe(500);
      expect(response.text).not.toMatch(LEAK);
    });

    it('unsubscribe link (page and one-click): 500 with a generic body', async () => {
      jest.spyOn(api.app.get(NotificationsService), 'unsubscribe').mockImplementation(failingSql);
      const token = signUnsubscribeToken(api.config.jwtSecret, {
        userId: '00000000-0000-4000-8000-000000000001',
        scope: 'all',
      });
      for (const response of [
        await api.http.get('/api/email/unsubscribe').query({ token }),
        await api.http.post('/api/email/unsubscribe').query({ token }),
      ]) {
        expect(response.status).toBe(500);
        expect(response.text).not.toMatch(LEAK);
      }
    });
  });
});
