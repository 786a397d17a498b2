// Attack suite: GraphQL abuse. Depth, cost, alias, token and batch limits reject a document
// before anything executes (no SQL statement reaches PostgreSQL); production hides the schema
// (no introspection, no "did you mean" suggestions); oversized documents get a clear 413; the
// WebSocket transport applies the same limits.
import { closeFactories } from '../factories';
import { countSqlStatements } from '../integration/support/sql-counter';
import { portOf, subscribe, wsUrl } from '../integration/support/subscriptions';
import {
  dataOf,
  firstError,
  type GqlResult,
  startTestApp,
  type TestApp,
} from '../integration/support/test-app';

const PRODUCTION = {
  NODE_ENV: 'production',
  JWT_SECRET: 'a-production-secret-of-at-least-32-characters',
  COOKIE_SECURE: 'false',
};

const TOO_DEEP = `{ proposals { edges { node { consultation { territory { parent { parent { parent { parent { name } } } } } } } } } }`;
const TOO_MANY_ALIASES = `{ ${Array.from({ length: 11 }, (_, i) => `t${i}: themes { id }`).join(' ')} }`;
const TOO_COSTLY = `{ ${Array.from(
  { length: 10 },
  (_, i) =>
    `p${i}: proposals(first: 50) { edges { node { ${'title summary body '.repeat(10)} themes { id slug name } } } }`,
).join(' ')} }`;
const TOO_MANY_TOKENS = `{ themes { ${'id '.repeat(2500)} } }`;

/** Runs a request and returns it with the SQL statements it caused. */
async function withSql<T>(run: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
  return countSqlStatements(run);
}

function expectTooComplex(result: GqlResult<unknown>, message: RegExp) {
  expect(result.status).toBe(400);
  expect(result.data).toBeUndefined();
  expect(result.errors).toEqual(
    expect.arrayContaining([
      expect.objectContaining({
        message: expect.stringMatching(message),
        extensions: expect.objectContaining({
          code: 'GRAPHQL_VALIDATION_FAILED',
          reason: 'QUERY_TOO_COMPLEX',
        }),
      }),
    ]),
  );
}

describe('GraphQL abuse', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(async () => {
    await api.close();
    await closeFactories();
  });

  describe('limits reject before execution (no SQL statement)', () => {
    it('runs SQL for an acceptable query (control: the counter sees statements)', async () => {
      const { result, statements } = await withSql(() =>
        api.gql(
          `{ proposals { edges { node { consultation { territory { parent { parent { name } } } } } } } }`,
        ),
      );
      expect(result.errors).toBeUndefined();
      expect(statements.length).toBeGreaterThan(0);
    });

    it('rejects a query deeper than 8 levels', async () => {
      const { result, statements } = await withSql(() => api.gql(TOO_DEEP));
      expectTooComplex(result, /depth/i);
      expect(statements).toEqual([]);
    });

    it('rejects depth hidden in fragments', async () => {
      const query = `query { proposals { edges { node { ...A } } } }
        fragment A on Proposal { consultation { territory { ...B } } }
        fragment B on Territory { parent { parent { parent { parent { name } } } } }`;
      const { result, statements } = await withSql(() => api.gql(query));
      expectTooComplex(result, /depth/i);
      expect(statements).toEqual([]);
    });

    it('rejects more than 10 aliases', async () => {
      const { result, statements } = await withSql(() => api.gql(TOO_MANY_ALIASES));
      expectTooComplex(result, /alias/i);
      expect(statements).toEqual([]);
    });

    it('rejects a query above the cost limit', async () => {
      const { result, statements } = await withSql(() => api.gql(TOO_COSTLY));
      expectTooComplex(result, /cost/i);
      expect(statements).toEqual([]);
    });

    it('rejects a document with too many tokens while parsing', async () => {
      const { result, statements } = await withSql(() => api.gql(TOO_MANY_TOKENS));
      expect(result.status).toBe(400);
      expect(result.data).toBeUndefined();
      expect(firstError(result).extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
      expect(firstError(result).message).toMatch(/token/i);
      expect(statements).toEqual([]);
    });

    it('rejects too many directives', async () => {
      const directives = Array.from({ length: 21 }, () => '@include(if: true)').join(' ');
      const { result, statements } = await withSql(() =>
        api.gql(`{ themes ${directives} { id } }`),
      );
      expect(result.status).toBe(400);
      expect(firstError(result).extensions?.reason).toBe('QUERY_TOO_COMPLEX');
      expect(statements).toEqual([]);
    });

    it('refuses batched operations (an array body) without running any', async () => {
      const { result: response, statements } = await withSql(() =>
        api.http
          .post('/graphql')
          .set('Content-Type', 'application/json')
          .send(Array.from({ length: 20 }, () => ({ query: '{ themes { id } }' }))),
      );
      expect(response.status).toBe(400);
      expect(response.text).toMatch(/batch/i);
      expect(statements).toEqual([]);
    });
  });

  describe('oversized documents', () => {
    it('answers a 1 MB body with 413 and a clear JSON error, before GraphQL', async () => {
      const query = `{ themes { id } } # ${'x'.repeat(1024 * 1024)}`;
      const { result: response, statements } = await withSql(() =>
        api.http
          .post('/graphql')
          .set('Content-Type', 'application/json')
          .send(JSON.stringify({ query })),
      );
      expect(response.status).toBe(413);
      expect(response.body.error).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'PAYLOAD_TOO_LARGE',
        message: 'Requête trop volumineuse : envoyez un contenu plus court.',
      });
      expect(response.text).not.toMatch(/at \w+ \(|node_modules|stack/i);
      expect(statements).toEqual([]);
    });

    it('rejects a 90 KB string literal (under the body limit) at the argument validation', async () => {
      const result = await api.gql(`query ($s: String) { proposals(search: $s) { totalCount } }`, {
        s: 'x'.repeat(90 * 1024),
      });
      expect(result.data ?? null).toBeNull();
      expect(firstError(result).extensions?.code).toBe('BAD_USER_INPUT');
    });
  });

  describe('subscriptions over graphql-ws get the same limits', () => {
    let url: string;
    beforeAll(() => {
      url = wsUrl(portOf(api.app.getHttpServer()));
    });

    it.each([
      [
        'depth',
        `subscription { notificationAdded { proposal { comments { edges { node { replies { replies { replies { replies { id } } } } } } } } } }`,
        /depth/i,
      ],
      [
        'aliases',
        `subscription { notificationAdded { ${Array.from({ length: 11 }, (_, i) => `n${i}: id`).join(' ')} } }`,
        /alias/i,
      ],
    ])('rejects a subscription over the %s limit', async (_name, query, message) => {
      const { result, statements } = await withSql(async () => {
        const subscription = subscribe(url, query);
        const next = await subscription.next();
        await subscription.close();
        return next;
      });
      expect(result.errors?.[0]?.extensions).toMatchObject({ reason: 'QUERY_TOO_COMPLEX' });
      expect(result.errors?.[0]?.message).toMatch(message);
      expect(statements).toEqual([]);
    });

    it('rejects a subscription with too many tokens', async () => {
      const subscription = subscribe(
        url,
        `subscription { notificationAdded { ${'id '.repeat(2500)} } }`,
      );
      const next = await subscription.next();
      await subscription.close();
      expect(next.errors?.[0]?.extensions).toMatchObject({ code: 'GRAPHQL_PARSE_FAILED' });
    });
  });

  it('suggests field names outside production (developer help, control)', async () => {
    const result = await api.gql(`{ themez { id } }`);
    expect(firstError(result).message).toMatch(/Did you mean "themes"/);
  });

  describe('in production', () => {
    let prod: TestApp;

    beforeAll(async () => {
      prod = await startTestApp(PRODUCTION);
    });
    afterAll(async () => {
      await prod.close();
    });

    it('turns introspection off (__schema and __type)', async () => {
      for (const query of [
        `{ __schema { types { name } } }`,
        `{ __type(name: "User") { fields { name } } }`,
      ]) {
        const result = await prod.gql(query);
        expect(result.data).toBeUndefined();
        expect(firstError(result).message).toMatch(/introspection/i);
      }
    });

    it.each([
      ['a field', `{ themez { id } }`],
      ['an argument', `{ proposals(serch: "x") { totalCount } }`],
      ['an enum value', `{ proposals(orderBy: NEWES) { totalCount } }`],
      ['a type', `query ($f: ProposalFiltr) { proposals(filter: $f) { totalCount } }`],
    ])('does not suggest names for %s', async (_name, query) => {
      const result = await prod.gql(query);
      expect(result.errors?.length).toBeGreaterThan(0);
      expect(result.text).not.toMatch(/Did you mean/i);
    });

    it('keeps the limits', async () => {
      const { result, statements } = await withSql(() => prod.gql(TOO_DEEP));
      expectTooComplex(result, /depth/i);
      expect(statements).toEqual([]);
    });

    it('still answers normal queries', async () => {
      const result = await prod.gql<{ themes: unknown[] }>(`{ themes { slug } }`);
      expect(dataOf(result).themes.length).toBeGreaterThan(0);
    });
  });
});
