import { ProposalsRepository } from '../../apps/api/src/modules/proposals/proposals.repository';
import { TerritoriesRepository } from '../../apps/api/src/modules/territories/territories.repository';
import { UsersRepository } from '../../apps/api/src/modules/users/users.repository';
import {
  closeFactories,
  createConsultation,
  createOrganisation,
  createProposal,
  createUser,
  PHASES,
  referenceThemes,
  TERRITORIES,
  type ThemeRef,
} from '../factories';
import { PROPOSAL_FIELDS, PROPOSALS } from './support/operations';
import { countSqlStatements } from './support/sql-counter';
import { dataOf, firstError, type GqlResult, startTestApp, type TestApp } from './support/test-app';

type Page = {
  proposals: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: {
      cursor: string;
      node: { id: string; title: string; status: string; createdAt: string };
    }[];
  };
};

describe('public queries', () => {
  let api: TestApp;
  let themes: ThemeRef[];

  beforeAll(async () => {
    api = await startTestApp();
    themes = await referenceThemes();
  });
  afterAll(async () => {
    await api.close();
    await closeFactories();
  });

  describe('proposals', () => {
    /** A consultation with `count` public proposals, two of them created at the very same instant. */
    async function seedProposals(count: number) {
      const consultation = await createConsultation();
      const author = await createUser();
      const base = Date.now() - 60 * 60 * 1000;
      const created = [];
      for (let i = 0; i < count; i++) {
        const createdAt = new Date(base + (i === 1 ? 0 : i) * 1000);
        created.push(
          await createProposal({
            consultationId: consultation.id,
            authorId: author.id,
            createdAt,
            themeIds: [themes[i % 3].id],
          }),
        );
      }
      return { consultation, author, created };
    }

    async function walk(consultationId: string, first: number, order: 'NEWEST' | 'OLDEST') {
      const ids: string[] = [];
      let after: string | null = null;
      for (let pages = 0; pages < 20; pages++) {
        const result: GqlResult<Page> = await api.gql<Page>(PROPOSALS, {
          filter: { consultationId },
          first,
          after,
          orderBy: order,
        });
        expect(result.errors).toBeUndefined();
        const page = dataOf(result).proposals;
        ids.push(...page.edges.map((edge) => edge.node.id));
        if (!page.pageInfo.hasNextPage) return { ids, totalCount: page.totalCount };
        after = page.pageInfo.endCursor;
      }
      throw new Error('pagination did not end');
    }

    it('walks every public proposal once with the cursor, newest first, ties broken by id', async () => {
      const { consultation, created } = await seedProposals(7);
      const { ids, totalCount } = await walk(consultation.id, 3, 'NEWEST');
      expect(totalCount).toBe(7);
      expect(new Set(ids).size).toBe(7);
      const expected = [...created]
        .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1))
        .map((p) => p.id);
      expect(ids).toEqual(expected);
    });

    it('walks the same rows oldest first', async () => {
      const { consultation } = await seedProposals(5);
      const newest = await walk(consultation.id, 2, 'NEWEST');
      const oldest = await walk(consultation.id, 2, 'OLDEST');
      expect(oldest.ids).toEqual([...newest.ids].reverse());
    });

    it('does not repeat or skip rows when a proposal is added between two pages', async () => {
      const { consultation, author } = await seedProposals(4);
      const filter = { consultationId: consultation.id };
      const first = await api.gql<Page>(PROPOSALS, { filter, first: 2 });
      await createProposal({ consultationId: consultation.id, authorId: author.id });
      const second = await api.gql<Page>(PROPOSALS, {
        filter,
        first: 10,
        after: dataOf(first).proposals.pageInfo.endCursor,
      });
      const ids = [...dataOf(first).proposals.edges, ...dataOf(second).proposals.edges].map(
        (edge) => edge.node.id,
      );
      expect(new Set(ids).size).toBe(4);
      expect(dataOf(second).proposals.pageInfo).toEqual({
        hasNextPage: false,
        endCursor: expect.any(String),
      });
    });

    it('lists only public statuses', async () => {
      const consultation = await createConsultation();
      const author = await createUser();
      const statuses = [
        'DRAFT',
        'PUBLISHED',
        'UNDER_REVIEW',
        'SELECTED',
        'NOT_RETAINED',
        'WITHDRAWN',
        'MERGED',
        'RETAINED',
      ] as const;
      for (const status of statuses)
        await createProposal({ consultationId: consultation.id, authorId: author.id, status });
      const result = await api.gql<Page>(PROPOSALS, {
        filter: { consultationId: consultation.id },
        first: 50,
      });
      const listed = dataOf(result)
        .proposals.edges.map((edge) => edge.node.status)
        .sort();
      // MERGED proposals are public but listed through their cluster's lead, not by default.
      expect(listed).toEqual(['NOT_RETAINED', 'PUBLISHED', 'RETAINED', 'SELECTED', 'UNDER_REVIEW']);
      expect(dataOf(result).proposals.totalCount).toBe(5);
    });

    it('filters by theme slugs', async () => {
      const { consultation } = await seedProposals(6);
      const result = await api.gql<Page>(PROPOSALS, {
        filter: { consultationId: consultation.id, themeSlugs: [themes[0].slug] },
      });
      expect(dataOf(result).proposals.totalCount).toBe(2);
    });

    it.each([
      ['first', { first: 51 }],
      ['first', { first: 0 }],
      ['after', { after: 'not-a-cursor' }],
      ['filter.consultationId', { filter: { consultationId: 'nope' } }],
    ])('refuses an invalid %s: BAD_USER_INPUT naming it', async (field, variables) => {
      const result = await api.gql(PROPOSALS, variables);
      expect(firstError(result).extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'INVALID_INPUT',
        fields: [expect.objectContaining({ field })],
      });
    });

    it('loads a page of 20 proposals by different authors with one query per relation (no N+1)', async () => {
      const consultation = await createConsultation();
      for (let i = 0; i < 20; i++) {
        const author = await createUser();
        const organisation = await createOrganisation({ memberIds: [author.id] });
        await createProposal({
          consultationId: consultation.id,
          authorId: author.id,
          organisationId: organisation.id,
          themeIds: [themes[i % 8].id],
          territoryId: i % 2 ? TERRITORIES.paris : TERRITORIES.saintEtienne,
        });
      }
      const users = jest.spyOn(api.app.get(UsersRepository), 'findByIds');
      const territories = jest.spyOn(api.app.get(TerritoriesRepository), 'findByIds');
      const proposalThemes = jest.spyOn(
        api.app.get(ProposalsRepository),
        'findThemesByProposalIds',
      );
      try {
        const result = await api.gql<{ proposals: { edges: unknown[] } }>(
          `query ($id: ID) { proposals(first: 20, filter: { consultationId: $id }) { edges { node { ${PROPOSAL_FIELDS} } } } }`,
          { id: consultation.id },
        );
        expect(result.errors).toBeUndefined();
        expect(dataOf(result).proposals.edges).toHaveLength(20);
        // At most one batch each: the list statement already reads them (issue 9, primed loaders).
        expect(users.mock.calls.length).toBeLessThanOrEqual(1);
        expect(proposalThemes.mock.calls.length).toBeLessThanOrEqual(1);
        // Territories of proposals and authors in one batch, then their parents in a second one.
        expect(territories.mock.calls.length).toBeLessThanOrEqual(3);
      } finally {
        jest.restoreAllMocks();
      }
    });

    it('reads a page of 20 proposals with authors, themes, territories and counts in at most 5 SQL statements', async () => {
      const consultation = await createConsultation();
      for (let i = 0; i < 20; i++) {
        const author = await createUser();
        await createProposal({
          consultationId: consultation.id,
          authorId: author.id,
          themeIds: [themes[i % 8].id, themes[(i + 1) % 8].id],
          territoryId: i % 2 ? TERRITORIES.paris : TERRITORIES.saintEtienne,
        });
      }
      const { result, statements } = await countSqlStatements(() =>
        api.gql<{ proposals: { totalCount: number; edges: unknown[] } }>(
          `query ($id: ID) { proposals(first: 20, filter: { consultationId: $id }) {
            totalCount edges { node { id title votesFor votesAgainst votesNeutral commentsCount
              author { id displayName actorType } themes { slug name } territory { id name } } } } }`,
          { id: consultation.id },
        ),
      );
      expect(result.errors).toBeUndefined();
      expect(dataOf(result).proposals.edges).toHaveLength(20);
      expect(dataOf(result).proposals.totalCount).toBe(20);
      expect(statements.length).toBeLessThanOrEqual(5);
    });
  });

  describe('proposal', () => {
    const PROPOSAL = `query ($id: ID!) { proposal(id: $id) { ${PROPOSAL_FIELDS} } }`;

    it('returns a public proposal with its relations', async () => {
      const consultation = await createConsultation();
      const author = await createUser({ actorType: 'PTCE', territoryId: TERRITORIES.loire });
      const { id } = await createProposal({
        consultationId: consultation.id,
        authorId: author.id,
        themeIds: [themes[2].id],
      });
      const result = await api.gql<{ proposal: Record<string, unknown> }>(
        PROPOSAL,
        { id },
        { lang: 'en' },
      );
      expect(result.errors).toBeUndefined();
      expect(dataOf(result).proposal).toMatchObject({
        id,
        status: 'PUBLISHED',
        author: { id: author.id, actorType: 'PTCE', territory: { id: TERRITORIES.loire } },
        themes: [{ slug: themes[2].slug, name: themes[2].nameEn }],
        consultation: { id: consultation.id, slug: consultation.slug, openPhases: ['PROPOSING'] },
      });
    });

    it('does not expose the author e-mail (Participant has no email field)', async () => {
      const result = await api.gql(
        `query { proposals(first: 1) { edges { node { author { email } } } } }`,
      );
      expect(result.status).toBe(400);
      expect(firstError(result).extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    });

    it.each([
      ['an unknown id', () => Promise.resolve('00000000-0000-4000-8000-000000000000')],
      ['a malformed id', () => Promise.resolve('42')],
      [
        'a draft',
        async () => {
          const consultation = await createConsultation();
          const author = await createUser();
          return (
            await createProposal({
              consultationId: consultation.id,
              authorId: author.id,
              status: 'DRAFT',
            })
          ).id;
        },
      ],
    ])('answers NOT_FOUND / PROPOSAL_NOT_FOUND for %s', async (_label, idOf) => {
      const result = await api.gql(PROPOSAL, { id: await idOf() }, { lang: 'en' });
      const error = firstError(result);
      expect(error.extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'PROPOSAL_NOT_FOUND' });
      expect(error.message).toBe('This proposal does not exist or is not public.');
      expect(result.data).toBeNull();
    });
  });

  describe('consultations', () => {
    const CONSULTATION = `query ($slug: String!) { consultation(slug: $slug) {
      id slug title description openPhases territory { id } themes { slug name }
      phases { kind startsAt endsAt isOpen } } }`;

    it('lists consultations, newest first', async () => {
      const older = await createConsultation();
      const newer = await createConsultation();
      const result = await api.gql<{ consultations: { slug: string }[] }>(
        `{ consultations { slug } }`,
      );
      const slugs = dataOf(result).consultations.map((c) => c.slug);
      expect(slugs.indexOf(newer.slug)).toBeLessThan(slugs.indexOf(older.slug));
    });

    it('returns a consultation by slug with its phases, open phases and themes', async () => {
      const consultation = await createConsultation({
        phases: PHASES.proposingClosed(),
        themeIds: [themes[3].id],
        territoryId: TERRITORIES.auvergneRhoneAlpes,
      });
      const result = await api.gql<{ consultation: Record<string, unknown> }>(CONSULTATION, {
        slug: consultation.slug,
      });
      expect(result.errors).toBeUndefined();
      expect(dataOf(result).consultation).toMatchObject({
        id: consultation.id,
        openPhases: ['VOTING'],
        territory: { id: TERRITORIES.auvergneRhoneAlpes },
        themes: [{ slug: themes[3].slug, name: themes[3].nameFr }],
        phases: [
          { kind: 'PROPOSING', isOpen: false, endsAt: expect.stringMatching(/Z$/) },
          { kind: 'VOTING', isOpen: true },
        ],
      });
    });

    it('answers NOT_FOUND / CONSULTATION_NOT_FOUND for an unknown slug', async () => {
      const result = await api.gql(CONSULTATION, { slug: 'no-such-consultation' });
      expect(firstError(result).extensions).toMatchObject({
        code: 'NOT_FOUND',
        reason: 'CONSULTATION_NOT_FOUND',
      });
    });
  });

  describe('themes', () => {
    it('lists the seeded themes in order, named in the request language', async () => {
      const fr = await api.gql<{ themes: { slug: string; name: string }[] }>(
        `{ themes { slug name } }`,
      );
      const en = await api.gql<{ themes: { slug: string; name: string }[] }>(
        `{ themes { slug name } }`,
        {},
        { lang: 'en-US' },
      );
      expect(dataOf(fr).themes.map((t) => t.slug)).toEqual(themes.map((t) => t.slug));
      expect(dataOf(fr).themes.map((t) => t.name)).toEqual(themes.map((t) => t.nameFr));
      expect(dataOf(en).themes.map((t) => t.name)).toEqual(themes.map((t) => t.nameEn));
    });
  });

  describe('territories', () => {
    const TERRITORIES_QUERY = `query ($search: String!, $levels: [TerritoryLevel!], $first: Int) {
      territories(search: $search, levels: $levels, first: $first) { id level code name parent { id name } } }`;
    type Result = {
      territories: {
        id: string;
        level: string;
        code: string;
        name: string;
        parent: { id: string } | null;
      }[];
    };

    it.each(['saint-etienne', 'Saint Étienne', 'SAINT-ÉTIENNE', 'saint etienne'])(
      'finds Saint-Étienne first for "%s" (accents, case and separators ignored)',
      async (search) => {
        const result = await api.gql<Result>(TERRITORIES_QUERY, { search });
        expect(dataOf(result).territories[0]).toMatchObject({
          id: TERRITORIES.saintEtienne,
          name: 'Saint-Étienne',
          parent: { id: TERRITORIES.loire },
        });
      },
    );

    it('puts communes first, the most populated first', async () => {
      const result = await api.gql<Result>(TERRITORIES_QUERY, { search: 'paris', first: 5 });
      expect(dataOf(result).territories[0]).toMatchObject({
        id: TERRITORIES.paris,
        level: 'COMMUNE',
      });
      expect(dataOf(result).territories.every((t) => t.level === 'COMMUNE')).toBe(true);
    });

    it('matches an exact official code first', async () => {
      const commune = await api.gql<Result>(TERRITORIES_QUERY, { search: '42218' });
      expect(dataOf(commune).territories[0].id).toBe(TERRITORIES.saintEtienne);
      const corsica = await api.gql<Result>(TERRITORIES_QUERY, {
        search: '2a',
        levels: ['DEPARTEMENT'],
      });
      expect(dataOf(corsica).territories[0]).toMatchObject({
        id: 'DEPARTEMENT-2A',
        name: 'Corse-du-Sud',
      });
    });

    it('filters by level', async () => {
      const result = await api.gql<Result>(TERRITORIES_QUERY, {
        search: 'loire',
        levels: ['DEPARTEMENT'],
        first: 20,
      });
      const names = dataOf(result).territories.map((t) => t.name);
      expect(dataOf(result).territories.every((t) => t.level === 'DEPARTEMENT')).toBe(true);
      expect(names).toEqual(expect.arrayContaining(['Loire', 'Haute-Loire', 'Loire-Atlantique']));
    });

    it('answers an empty list to a blank search and treats LIKE wildcards and quotes as text', async () => {
      expect(
        dataOf(await api.gql<Result>(TERRITORIES_QUERY, { search: '   ' })).territories,
      ).toEqual([]);
      for (const search of ['%', "_'; DROP TABLE territories; --", '\\']) {
        const result = await api.gql<Result>(TERRITORIES_QUERY, { search });
        expect(result.errors).toBeUndefined();
        expect(dataOf(result).territories).toEqual([]);
      }
    });

    it.each([21, 0])('refuses first: %s (BAD_USER_INPUT naming first)', async (first) => {
      const result = await api.gql(TERRITORIES_QUERY, { search: 'lyon', first });
      expect(firstError(result).extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [expect.objectContaining({ field: 'first' })],
      });
    });
  });
});
