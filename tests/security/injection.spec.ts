// Attack suite: SQL injection through every search, filter, cursor and sort argument of the
// schema. Each payload carries a marker; the SQL statements the API sends while answering are
// recorded with their bound values: the marker must never appear in SQL text (only as a bound
// parameter), the answer must be the one a benign string of the same kind gets (an injected
// `OR '1'='1` would return every row), and nothing fails with INTERNAL_SERVER_ERROR. No timing:
// `pg_sleep` can only run if it reaches SQL text, which is what is checked. Sort keys are enums.
import { buildSchema, getNamedType, isEnumType } from 'graphql';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  closeFactories,
  createConsultation,
  createProposal,
  createUser,
  type CreatedUser,
} from '../factories';
import { type GqlResult, startTestApp, type TestApp } from '../integration/support/test-app';
import { logSql } from './support/sql-log';

const MARKER = 'zq9x';
const BENIGN = `${MARKER}benign`;
const PAYLOADS = [
  `${MARKER}' OR '1'='1`,
  `${MARKER}' OR 1=1 --`,
  `${MARKER}'; DROP TABLE users; --`,
  `${MARKER}' || pg_sleep(5) || '`,
  `${MARKER}'); SELECT pg_sleep(5); --`,
  `${MARKER}" OR ""="`,
  `${MARKER} /* comment */ --`,
  `${MARKER}\\'; SELECT 1; --`,
  `${MARKER}$$; SELECT pg_sleep(5); $$`,
  `${MARKER}:* & !a | b <-> c`,
  `${MARKER}%' AND 1=(SELECT COUNT(*) FROM pg_sleep(5)) AND '%'='`,
];

interface Case {
  name: string;
  query: string;
  variables: (value: string) => Record<string, unknown>;
  as?: 'admin' | 'participant';
  /** What must match between the payload's answer and the benign one. */
  summary: (data: Record<string, unknown>) => unknown;
}

const count = (field: string) => (data: Record<string, unknown>) =>
  (data[field] as { totalCount: number }).totalCount;
const length = (field: string) => (data: Record<string, unknown>) =>
  (data[field] as unknown[]).length;

const PROPOSALS = `query ($search: String, $filter: ProposalFilter, $after: String) {
  proposals(search: $search, filter: $filter, after: $after, orderBy: NEWEST) { totalCount }
}`;

const CASES: Case[] = [
  {
    name: 'proposals(search)',
    query: PROPOSALS,
    variables: (search) => ({ search }),
    summary: count('proposals'),
  },
  {
    name: 'proposals(search) with RELEVANCE',
    query: `query ($search: String) { proposals(search: $search, orderBy: RELEVANCE) { totalCount edges { node { id } } } }`,
    variables: (search) => ({ search }),
    summary: count('proposals'),
  },
  {
    name: 'proposals(filter.themeSlugs)',
    query: PROPOSALS,
    variables: (slug) => ({ filter: { themeSlugs: [slug] } }),
    summary: count('proposals'),
  },
  ...(['consultationId', 'territoryId', 'authorId', 'organisationId'] as const).map(
    (key): Case => ({
      name: `proposals(filter.${key})`,
      query: PROPOSALS,
      variables: (value) => ({ filter: { [key]: value } }),
      summary: count('proposals'),
    }),
  ),
  {
    name: 'proposals(after)',
    query: PROPOSALS,
    variables: (after) => ({ after }),
    summary: count('proposals'),
  },
  {
    name: 'similarProposals(title)',
    query: `query ($title: String!) { similarProposals(title: $title) { similarity } }`,
    variables: (title) => ({ title: `${title} accès aux transports en commun` }),
    as: 'participant',
    summary: length('similarProposals'),
  },
  {
    name: 'similarProposals(consultationId, excludeId)',
    query: `query ($id: ID) { similarProposals(title: "accès aux transports en commun", consultationId: $id, excludeId: $id) { similarity } }`,
    variables: (id) => ({ id }),
    as: 'participant',
    summary: length('similarProposals'),
  },
  {
    name: 'territories(search)',
    query: `query ($search: String!) { territories(search: $search) { id } }`,
    variables: (search) => ({ search }),
    summary: length('territories'),
  },
  {
    name: 'users(search) (administrators)',
    query: `query ($search: String) { users(search: $search) { totalCount } }`,
    variables: (search) => ({ search }),
    as: 'admin',
    summary: count('users'),
  },
  {
    name: 'users(after) (administrators)',
    query: `query ($after: String) { users(after: $after) { totalCount } }`,
    variables: (after) => ({ after }),
    as: 'admin',
    summary: count('users'),
  },
  ...(['action', 'targetType', 'actorId', 'targetId', 'after'] as const).map((key): Case => ({
    name: `auditLog(${key}) (administrators)`,
    query: `query ($action: String, $targetType: String, $actorId: ID, $targetId: ID, $after: String) {
        auditLog(action: $action, targetType: $targetType, actorId: $actorId, targetId: $targetId, after: $after) { totalCount }
      }`,
    variables: (value) => ({ [key]: value }),
    as: 'admin',
    summary: count('auditLog'),
  })),
  {
    name: 'curatorDashboard(consultationId)',
    query: `query ($id: ID) { curatorDashboard(consultationId: $id) { totals { votes } } }`,
    variables: (id) => ({ id }),
    as: 'admin',
    summary: (data) => data['curatorDashboard'],
  },
  {
    name: 'participationDashboard(consultationId)',
    query: `query ($id: ID) { participationDashboard(consultationId: $id) { totals { votes } } }`,
    variables: (id) => ({ id }),
    summary: (data) => data['participationDashboard'],
  },
  {
    name: 'moderationQueue(consultationId, after)',
    query: `query ($id: ID, $after: String) { moderationQueue(consultationId: $id, after: $after) { totalCount } }`,
    variables: (value) => ({ id: value, after: value }),
    as: 'admin',
    summary: count('moderationQueue'),
  },
  {
    name: 'consultation(slug)',
    query: `query ($slug: String!) { consultation(slug: $slug) { id } }`,
    variables: (slug) => ({ slug }),
    summary: (data) => data['consultation'],
  },
  {
    name: 'publishedBrief(slug)',
    query: `query ($slug: String!) { publishedBrief(slug: $slug) { id } }`,
    variables: (slug) => ({ slug }),
    summary: (data) => data['publishedBrief'],
  },
  {
    name: 'briefVersionDiff(slug)',
    query: `query ($slug: String!) { briefVersionDiff(slug: $slug, from: 1, to: 2) { figures { __typename } } }`,
    variables: (slug) => ({ slug }),
    summary: (data) => data['briefVersionDiff'],
  },
  {
    name: 'myNotifications(after)',
    query: `query ($after: String) { myNotifications(after: $after) { totalCount } }`,
    variables: (after) => ({ after }),
    as: 'participant',
    summary: count('myNotifications'),
  },
  {
    name: 'outbox(after) (administrators)',
    query: `query ($after: String) { outbox(after: $after) { totalCount } }`,
    variables: (after) => ({ after }),
    as: 'admin',
    summary: count('outbox'),
  },
];

/** The answer reduced to what must not change: data summary, or the error's code and reason. */
function outcome(result: GqlResult<Record<string, unknown>>, summary: Case['summary']) {
  if (result.errors?.length) {
    const { code, reason } = result.errors[0]?.extensions ?? {};
    return { error: { code, reason } };
  }
  return { data: summary(result.data ?? {}) };
}

describe('SQL injection through search, filter, cursor and sort arguments', () => {
  let api: TestApp;
  const tokens: Record<'admin' | 'participant', string> = { admin: '', participant: '' };
  let participant: CreatedUser;

  beforeAll(async () => {
    api = await startTestApp();
    const admin = await createUser({ role: 'ADMIN' });
    participant = await createUser({ displayName: `Camille ${MARKER}` });
    tokens.admin = await api.tokenFor(admin);
    tokens.participant = await api.tokenFor(participant);
    const consultation = await createConsultation();
    for (const title of ['Des bus de nuit', 'Accès aux transports en commun pour tous']) {
      await createProposal({ consultationId: consultation.id, authorId: participant.id, title });
    }
  });
  afterAll(async () => {
    await api.close();
    await closeFactories();
  });

  async function run(c: Case, value: string) {
    const token = c.as ? tokens[c.as] : undefined;
    return logSql(() => api.gql<Record<string, unknown>>(c.query, c.variables(value), { token }));
  }

  describe.each(CASES)('$name', (c) => {
    let benign: ReturnType<typeof outcome>;

    beforeAll(async () => {
      const { result } = await run(c, BENIGN);
      benign = outcome(result, c.summary);
      // The case must reach its resolver: an authorisation error would test nothing.
      expect(benign).not.toEqual({
        error: expect.objectContaining({
          code: expect.stringMatching(
            /INTERNAL_SERVER_ERROR|UNAUTHENTICATED|FORBIDDEN|GRAPHQL_VALIDATION_FAILED/,
          ),
        }),
      });
    });

    it.each(PAYLOADS)(
      '%s: same answer as a benign string, payload never in SQL text',
      async (payload) => {
        const { result, statements } = await run(c, payload);
        const answer = outcome(result, c.summary);
        expect(answer).toEqual(benign);
        for (const statement of statements) {
          expect(statement.text).not.toContain(MARKER);
          expect(statement.text).not.toMatch(/pg_sleep|DROP TABLE/i);
        }
      },
    );
  });

  it.each([
    'proposals(search)',
    'proposals(filter.themeSlugs)',
    'similarProposals(title)',
    'territories(search)',
    'users(search) (administrators)',
    'auditLog(action) (administrators)',
    'auditLog(targetType) (administrators)',
    'consultation(slug)',
    'publishedBrief(slug)',
  ])('%s: the payload does reach PostgreSQL, as a bound parameter (control)', async (name) => {
    const c = CASES.find((candidate) => candidate.name === name);
    if (!c) throw new Error(`No case ${name}`);
    const { statements } = await run(c, PAYLOADS[0] ?? '');
    const values = statements.flatMap((statement) =>
      statement.values.map((value) => JSON.stringify(value)),
    );
    expect(values.some((value) => value.includes(MARKER))).toBe(true);
  });

  it('finds the account whose name holds the marker by a benign search (control for users)', async () => {
    const result = await api.gql<{ users: { totalCount: number } }>(
      `query ($search: String) { users(search: $search) { totalCount } }`,
      { search: MARKER },
      { token: tokens.admin },
    );
    expect(result.data?.users.totalCount).toBe(1);
  });

  describe('sort keys and other keywords are enums', () => {
    const schema = buildSchema(
      fs.readFileSync(path.join(__dirname, '../../apps/api/schema.graphql'), 'utf8'),
    );

    it('every order, sort, period or direction argument in the schema is an enum', () => {
      const checked: string[] = [];
      for (const type of Object.values(schema.getTypeMap())) {
        if (type.name.startsWith('__') || !('getFields' in type)) continue;
        for (const field of Object.values(type.getFields())) {
          for (const arg of 'args' in field ? field.args : []) {
            if (!/order|sort|period|direction/i.test(arg.name)) continue;
            checked.push(`${type.name}.${field.name}(${arg.name})`);
            expect([
              `${type.name}.${field.name}(${arg.name})`,
              isEnumType(getNamedType(arg.type)),
            ]).toEqual([`${type.name}.${field.name}(${arg.name})`, true]);
          }
        }
      }
      expect(checked).toEqual(expect.arrayContaining(['Query.proposals(orderBy)']));
    });

    it.each([
      ['proposals', `query ($o: ProposalOrderBy) { proposals(orderBy: $o) { totalCount } }`],
      [
        'moderationQueue',
        `query ($o: ModerationQueueOrder) { moderationQueue(orderBy: $o) { totalCount } }`,
      ],
      [
        'curatorDashboard',
        `query ($o: DashboardPeriod) { curatorDashboard(period: $o) { totals { votes } } }`,
      ],
    ])(
      '%s: an arbitrary sort string is refused by validation, before any SQL',
      async (_n, query) => {
        for (const value of [
          '"createdAt"; DROP TABLE users; --',
          'title DESC',
          "NEWEST' OR '1'='1",
        ]) {
          const { result, statements } = await logSql(() =>
            api.gql(query, { o: value }, { token: tokens.admin }),
          );
          expect(result.status).toBe(400);
          expect(result.errors?.[0]?.extensions?.code).toMatch(
            /BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED/,
          );
          expect(statements.filter((s) => !/refresh_tokens/.test(s.text))).toEqual([]);
        }
      },
    );

    it('refuses an inline sort literal that is not a value of the enum', async () => {
      const result = await api.gql(`{ proposals(orderBy: createdAt_DESC) { totalCount } }`);
      expect(result.status).toBe(400);
      expect(result.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    });
  });
});
