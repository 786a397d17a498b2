// The public-read cache (apps/api/src/common/graphql/public-read-cache*.ts): anonymous public
// reads answered from memory, never a signed-in one, never an error, emptied by every mutation in
// every API process (Redis pub/sub), list counts shared by filter set.
import { randomUUID } from 'node:crypto';
import {
  closeFactories,
  createConsultation,
  createUser,
  factoryPrisma,
  PHASES,
  uniqueKey,
} from '../factories';
import { ADD_COMMENT, CAST_VOTE } from './support/participation';
import { insertProposal } from './support/proposals-support';
import { dataOf, type GqlOptions, startTestApp, type TestApp } from './support/test-app';

const REDIS_URL = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const CACHE = 'x-passerelle-cache';

const LIST = `query CacheList($filter: ProposalFilter) {
  proposals(first: 5, filter: $filter, orderBy: NEWEST) {
    edges { node { id title votesFor } }
    totalCount
  }
}`;
type ListData = {
  proposals: {
    edges: { node: { id: string; title: string; votesFor: number } }[];
    totalCount: number;
  };
};

describe('public-read cache', () => {
  let api: TestApp;
  let consultationId: string;
  let authorId: string;

  beforeAll(async () => {
    api = await startTestApp({ ANONYMOUS_CACHE_TTL_MS: '60000' });
    consultationId = (await createConsultation({ phases: PHASES.proposingClosed() })).id;
    authorId = (await createUser()).id;
  });
  afterAll(async () => {
    await api.close();
    await closeFactories();
  });

  const list = (options: GqlOptions = {}) =>
    api.gql<ListData>(LIST, { filter: { consultationId } }, options);
  const titles = (data: ListData) => data.proposals.edges.map((edge) => edge.node.title);

  it('answers a repeated anonymous read from memory, byte for byte, until content changes', async () => {
    const first = await insertProposal({ consultationId, authorId, title: 'Épicerie coopérative' });
    const miss = await list();
    expect(miss.headers[CACHE]).toBe('MISS');
    expect(titles(dataOf(miss))).toEqual(['Épicerie coopérative']);

    // A row written behind the API's back (no mutation): the memory still answers, unchanged.
    await insertProposal({ consultationId, authorId, title: 'Monnaie locale complémentaire' });
    const hit = await list();
    expect(hit.headers[CACHE]).toBe('HIT');
    expect(hit.text).toBe(miss.text);
    expect(dataOf(hit).proposals.totalCount).toBe(1);

    // `Cache-Control: no-cache` asks for a fresh answer (and keeps it); the count of a filter set
    // stays shared until a mutation or its time to live.
    const fresh = await list({ headers: { 'Cache-Control': 'no-cache' } });
    expect(fresh.headers[CACHE]).toBe('MISS');
    expect(titles(dataOf(fresh))).toEqual([
      'Monnaie locale complémentaire',
      'Épicerie coopérative',
    ]);
    expect(dataOf(fresh).proposals.totalCount).toBe(1);
    expect((await list()).text).toBe(fresh.text);

    // A vote only moves counters: the memory keeps its answer (anonymous totals lag one time to
    // live at most; signed-in readers and live subscriptions see the vote at once).
    const voter = await createUser();
    const token = await api.tokenFor(voter);
    dataOf(await api.gql(CAST_VOTE, { input: { proposalId: first.id, value: 'FOR' } }, { token }));
    const afterVote = await list();
    expect(afterVote.headers[CACHE]).toBe('HIT');
    expect(afterVote.text).toBe(fresh.text);
    const signedIn = dataOf(await list({ token })).proposals.edges;
    expect(signedIn.find((edge) => edge.node.id === first.id)?.node.votesFor).toBe(1);

    // Any other mutation empties it: after a comment, the vote and the count are seen too.
    dataOf(
      await api.gql(
        ADD_COMMENT,
        {
          input: { proposalId: first.id, body: 'Les circuits courts ont fait leurs preuves ici.' },
        },
        { token },
      ),
    );
    const after = await list();
    expect(after.headers[CACHE]).toBe('MISS');
    const node = dataOf(after).proposals.edges.find((edge) => edge.node.id === first.id)?.node;
    expect(node?.votesFor).toBe(1);
    expect(dataOf(after).proposals.totalCount).toBe(2);
  });

  it('keeps one answer per language, variables and operation', async () => {
    const french = await list({ headers: { 'Cache-Control': 'no-cache' } });
    const english = await list({ lang: 'en' });
    expect(english.headers[CACHE]).toBe('MISS');
    const other = await api.gql<ListData>(LIST, { filter: { consultationId: randomUUID() } });
    expect(other.headers[CACHE]).toBe('MISS');
    expect(dataOf(other).proposals.totalCount).toBe(0);
    expect((await list()).text).toBe(french.text);
  });

  it('computes an answer once for identical requests arriving together', async () => {
    const filter = { consultationId, themeSlugs: [uniqueKey('t')] };
    const results = await Promise.all(
      Array.from({ length: 10 }, () => api.gql<ListData>(LIST, { filter })),
    );
    expect(results.filter((result) => result.headers[CACHE] === 'MISS')).toHaveLength(1);
    expect(new Set(results.map((result) => result.text)).size).toBe(1);
  });

  it('never serves or keeps a signed-in read', async () => {
    const user = await createUser();
    const token = await api.tokenFor(user);
    await list(); // kept for anonymous visitors
    const signedIn = await list({ token });
    expect(signedIn.headers[CACHE]).toBeUndefined();
    const me = await api.gql<{ me: { id: string } | null }>('{ me { id } }', {}, { token });
    expect(dataOf(me).me?.id).toBe(user.id);
    const again = await api.gql<{ me: { id: string } | null }>('{ me { id } }', {}, { token });
    expect(dataOf(again).me?.id).toBe(user.id);
    // The anonymous `me` is null, kept apart from the signed-in one.
    const anonymous = await api.gql<{ me: { id: string } | null }>('{ me { id } }');
    expect(dataOf(anonymous).me).toBeNull();
  });

  it('never keeps an error, nor a read of a field that is not public', async () => {
    const invalid = `{ proposals(first: 500) { totalCount } }`;
    for (let i = 0; i < 2; i += 1) {
      const result = await api.gql(invalid);
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(result.headers[CACHE]).toBe('MISS');
    }
    const restricted = `{ moderationQueue(first: 1) { totalCount } }`;
    for (let i = 0; i < 2; i += 1) {
      const result = await api.gql(restricted);
      expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(result.headers[CACHE]).toBe('MISS');
    }
  });

  it('counts for each participant what they see: the shared count plus their own hidden ones', async () => {
    const other = (await createConsultation({ phases: PHASES.proposingClosed() })).id;
    const author = await createUser();
    const reader = await createUser();
    await insertProposal({ consultationId: other, authorId });
    const hidden = await insertProposal({ consultationId: other, authorId: author.id });
    await factoryPrisma().proposal.update({
      where: { id: hidden.id },
      data: { hiddenAt: new Date() },
    });
    const countFor = async (token?: string) => {
      const result = await api.gql<ListData>(
        LIST,
        { filter: { consultationId: other } },
        { token },
      );
      const data = dataOf(result).proposals;
      return { total: data.totalCount, rows: data.edges.length };
    };
    // The author first (nothing known yet: both counts in one statement), then the others.
    expect(await countFor(await api.tokenFor(author))).toEqual({ total: 2, rows: 2 });
    expect(await countFor(await api.tokenFor(reader))).toEqual({ total: 1, rows: 1 });
    expect(await countFor()).toEqual({ total: 1, rows: 1 });
    // The shared count is known now: the author's own hidden one is still added.
    expect(await countFor(await api.tokenFor(author))).toEqual({ total: 2, rows: 2 });
  });

  it('shares one count per filter set across orders and pages', async () => {
    const key = uniqueKey('count');
    const other = (await createConsultation({ phases: PHASES.proposingClosed() })).id;
    await insertProposal({ consultationId: other, authorId, title: `Compte ${key}` });
    const query = `query Count($filter: ProposalFilter, $orderBy: ProposalOrderBy) {
      proposals(first: 1, filter: $filter, orderBy: $orderBy) { totalCount }
    }`;
    const count = async (orderBy: string) =>
      dataOf(
        await api.gql<{ proposals: { totalCount: number } }>(query, {
          filter: { consultationId: other },
          orderBy,
        }),
      ).proposals.totalCount;
    expect(await count('NEWEST')).toBe(1);
    await insertProposal({ consultationId: other, authorId });
    // Another order is another answer, but the same filters: the count is the one in memory.
    expect(await count('TOP')).toBe(1);
  });
});

describe('public-read cache past its time to live', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp({ ANONYMOUS_CACHE_TTL_MS: '2000' });
  });
  afterAll(async () => {
    await api.close();
    await closeFactories();
  });

  it('serves the expired answer to others while one request computes the next', async () => {
    const consultationId = (await createConsultation({ phases: PHASES.proposingClosed() })).id;
    const authorId = (await createUser()).id;
    await insertProposal({ consultationId, authorId, title: 'Régie citoyenne de l’eau' });
    const read = () => api.gql<ListData>(LIST, { filter: { consultationId } });
    const first = await read();
    expect(first.headers[CACHE]).toBe('MISS');
    await insertProposal({ consultationId, authorId, title: 'Tiers-lieu agricole' });
    await new Promise((resolve) => setTimeout(resolve, 2100));

    const together = await Promise.all(Array.from({ length: 8 }, read));
    const computed = together.filter((result) => result.headers[CACHE] === 'MISS');
    expect(computed).toHaveLength(1);
    expect(dataOf(computed[0]).proposals.edges).toHaveLength(2);
    for (const result of together.filter((r) => r.headers[CACHE] === 'HIT')) {
      // Either the expired answer (one row) or, for late arrivals, the new one (two rows).
      expect([first.text, computed[0].text]).toContain(result.text);
    }
    expect((await read()).text).toBe(computed[0].text);
  });
});

describe('public-read cache across API processes (Redis)', () => {
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    const env = {
      ANONYMOUS_CACHE_TTL_MS: '60000',
      REDIS_URL,
      REDIS_KEY_PREFIX: `${uniqueKey('cache')}:`,
    };
    a = await startTestApp(env);
    b = await startTestApp(env);
  });
  afterAll(async () => {
    await a.close();
    await b.close();
    await closeFactories();
  });

  it('a mutation served by one process empties the memory of the other', async () => {
    const consultationId = (await createConsultation({ phases: PHASES.proposingClosed() })).id;
    const { id } = await insertProposal({ consultationId, authorId: (await createUser()).id });
    const read = () => b.gql<ListData>(LIST, { filter: { consultationId } });
    expect((await read()).headers[CACHE]).toBe('MISS');
    expect((await read()).headers[CACHE]).toBe('HIT');

    const token = await a.tokenFor(await createUser());
    dataOf(await a.gql(CAST_VOTE, { input: { proposalId: id, value: 'FOR' } }, { token }));
    const comment = {
      proposalId: id,
      body: 'Une régie publique de l’eau, gérée avec les usagers.',
    };
    dataOf(await a.gql(ADD_COMMENT, { input: comment }, { token }));
    // The invalidation travels through Redis: wait for it, without a fixed delay.
    let result = await read();
    for (let tries = 0; result.headers[CACHE] === 'HIT' && tries < 50; tries += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      result = await read();
    }
    expect(result.headers[CACHE]).toBe('MISS');
    expect(dataOf(result).proposals.edges[0]?.node.votesFor).toBe(1);
  });
});
