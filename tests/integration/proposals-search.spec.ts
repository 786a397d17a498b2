import { ProposalListService } from '../../apps/api/src/modules/proposals/proposal-list.service';
import { closeFactories, createConsultation, createUser } from '../factories';
import {
  type Fragment,
  insertProposal,
  PROPOSAL_PAGE,
  type ProposalPageData,
  walkProposals,
} from './support/proposals-support';
import { dataOf, firstError, present, startTestApp, type TestApp } from './support/test-app';

const SIMILAR = `query Similar($title: String!, $consultationId: ID, $excludeId: ID, $first: Int) {
  similarProposals(title: $title, consultationId: $consultationId, excludeId: $excludeId, first: $first) {
    similarity proposal { id title status }
  }
}`;
type SimilarData = {
  similarProposals: { similarity: number; proposal: { id: string; title: string } }[];
};

const COUNTED = `query Counted($search: String, $filter: ProposalFilter, $orderBy: ProposalOrderBy) {
  proposals(first: 1, search: $search, filter: $filter, orderBy: $orderBy) {
    totalCount totalCountCapped
  }
}`;
type CountedData = { proposals: { totalCount: number; totalCountCapped: boolean } };

const text = (fragments: Fragment[]) => fragments.map((f) => f.text).join('');
const matches = (fragments: Fragment[]) =>
  fragments.filter((f) => f.isMatch).map((f) => f.text.toLowerCase());

describe('proposals: French full-text search and similar titles', () => {
  let api: TestApp;
  let consultationId: string;
  let authorId: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    api = await startTestApp();
    consultationId = (await createConsultation()).id;
    authorId = (await createUser()).id;
    const add = async (name: string, fields: Record<string, unknown>) => {
      ids[name] = (await insertProposal({ consultationId, authorId, ...fields })).id;
    };
    await add('titleHit', {
      title: 'Des énergies renouvelables citoyennes dans chaque village',
      createdAt: new Date(Date.now() - 60_000),
    });
    await add('summaryHit', {
      title: 'Mutualiser les toitures des écoles publiques',
      summary: 'Installer des panneaux pour produire une énergie locale partagée.',
    });
    await add('bodyHit', {
      title: 'Une coopérative de quartier pour les habitants',
      body: 'Les habitants gèrent ensemble la coopérative, qui vend de l’énergie au prix coûtant. '.repeat(
        2,
      ),
    });
    await add('unrelated', { title: 'Des cantines bio dans les collèges du département' });
    await add('withdrawn', {
      title: 'Énergie solaire retirée par son auteur',
      status: 'WITHDRAWN',
    });
    await add('markup', {
      title: 'Énergie <b>citoyenne</b> et balises & symboles',
      body: 'Du **gras** et `du code` autour de l’énergie, et un caractère \uE000 privé. '.repeat(
        2,
      ),
    });
  });
  afterAll(async () => {
    await api.close();
    await closeFactories();
  });

  async function search(search: string, orderBy = 'RELEVANCE') {
    const result = await api.gql<ProposalPageData>(PROPOSAL_PAGE, {
      search,
      orderBy,
      filter: { consultationId },
      first: 50,
    });
    expect(result.errors).toBeUndefined();
    return dataOf(result).proposals;
  }

  it.each(['energie', 'Énergies', 'ENERGIE', 'énergie'])(
    'finds "énergie" in any form for %p (accents and case ignored, French stemming)',
    async (query) => {
      const page = await search(query);
      const found = page.edges.map((edge) => edge.node.id);
      expect(found).toEqual(
        expect.arrayContaining([ids.titleHit, ids.summaryHit, ids.bodyHit, ids.markup]),
      );
      expect(found).not.toContain(ids.unrelated);
      expect(found).not.toContain(ids.withdrawn);
      expect(page.totalCount).toBe(found.length);
    },
  );

  it('ranks title hits above summary hits above body hits', async () => {
    const page = await search('énergie');
    const order = page.edges.map((edge) => edge.node.id);
    expect(order.indexOf(ids.titleHit)).toBeLessThan(order.indexOf(ids.summaryHit));
    expect(order.indexOf(ids.summaryHit)).toBeLessThan(order.indexOf(ids.bodyHit));
  });

  it('returns highlighted title and snippet fragments, as text and never HTML', async () => {
    const page = await search('energie');
    const highlightOf = (id: string) => {
      const edge = present(page.edges.find((e) => e.node.id === id));
      return { nodeTitle: edge.node.title, ...present(edge.highlight) };
    };
    const title = highlightOf(ids.titleHit);
    expect(text(title.title)).toBe(title.nodeTitle);
    expect(matches(title.title)).toEqual(['énergies']);

    expect(matches(highlightOf(ids.bodyHit).snippet)).toContain('énergie');

    const markup = highlightOf(ids.markup);
    expect(text(markup.title)).toBe('Énergie <b>citoyenne</b> et balises & symboles');
    expect(text(markup.snippet)).not.toMatch(/[\uE000\uE001*`]/);
  });

  it('combines search with other orders and walks the matches with the cursor', async () => {
    const all = await search('énergie');
    for (const orderBy of ['RELEVANCE', 'NEWEST', 'TOP']) {
      const walk = await walkProposals(
        api,
        { search: 'énergie', orderBy, filter: { consultationId } },
        1,
      );
      expect([...walk.ids].sort()).toEqual(all.edges.map((e) => e.node.id).sort());
      expect(walk.totalCount).toBe(all.totalCount);
    }
  });

  it('has no highlight without a search, and finds nothing for stop words only', async () => {
    const result = await api.gql<ProposalPageData>(PROPOSAL_PAGE, {
      filter: { consultationId },
    });
    expect(dataOf(result).proposals.edges.every((e) => e.highlight === null)).toBe(true);
    expect((await search('de la du et', 'NEWEST')).totalCount).toBe(0);
  });

  it.each([
    "'; DROP TABLE proposals; --",
    'énergie OR 1=1',
    '"énergie citoyenne" -cantines',
    '(((',
  ])('treats %p as words to look for, never as SQL or a syntax error', async (query) => {
    const result = await api.gql<ProposalPageData>(PROPOSAL_PAGE, {
      search: query,
      filter: { consultationId },
    });
    expect(result.errors).toBeUndefined();
  });

  describe('RELEVANCE without ranking every match', () => {
    const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);
    let relevanceConsultationId: string;
    const tiers: Record<string, string> = {};

    beforeAll(async () => {
      relevanceConsultationId = (await createConsultation()).id;
      const add = async (name: string, fields: Record<string, unknown>) => {
        tiers[name] = (
          await insertProposal({ consultationId: relevanceConsultationId, authorId, ...fields })
        ).id;
      };
      // The oldest proposal matches in its title, the newest ones only in their bodies.
      await add('title', {
        title: 'Des jardins partagés au pied des immeubles',
        createdAt: minutesAgo(50),
      });
      await add('summary', {
        title: 'Cultiver en ville',
        summary: 'Un jardin ouvert aux habitants dans chaque quartier.',
        createdAt: minutesAgo(40),
      });
      await add('bodyOld', {
        title: 'Des pistes cyclables continues',
        body: 'Avec un jardin pédagogique dans la cour de chaque école. '.repeat(2),
        createdAt: minutesAgo(30),
      });
      await add('bodyNew', {
        title: 'Des rues scolaires piétonnes',
        body: 'Les enfants passent devant le jardin, les voitures restent dehors. '.repeat(2),
        createdAt: minutesAgo(1),
      });
      await add('bodyMiddle', {
        title: 'Une prime à la réparation',
        body: 'Un bon de cinquante euros pour les outils du jardin. '.repeat(2),
        createdAt: minutesAgo(10),
      });
    });

    const byRelevance = ['title', 'summary', 'bodyNew', 'bodyMiddle', 'bodyOld'];

    it('puts title matches first, then summary matches, then body-only matches newest first', async () => {
      const result = await api.gql<ProposalPageData>(PROPOSAL_PAGE, {
        search: 'jardins',
        orderBy: 'RELEVANCE',
        filter: { consultationId: relevanceConsultationId },
        first: 10,
      });
      expect(dataOf(result).proposals.edges.map((edge) => edge.node.id)).toEqual(
        byRelevance.map((name) => tiers[name]),
      );
    });

    it.each([1, 2, 3])(
      'walks both tiers with the cursor, %p per page, in the same order',
      async (first) => {
        const walk = await walkProposals(
          api,
          {
            search: 'jardin',
            orderBy: 'RELEVANCE',
            filter: { consultationId: relevanceConsultationId },
          },
          first,
        );
        expect(walk.ids).toEqual(byRelevance.map((name) => tiers[name]));
        expect(walk.totalCount).toBe(byRelevance.length);
      },
    );

    it('highlights a body-only match in the snippet and nothing in the title', async () => {
      const result = await api.gql<ProposalPageData>(PROPOSAL_PAGE, {
        search: 'jardin',
        orderBy: 'RELEVANCE',
        filter: { consultationId: relevanceConsultationId },
      });
      const edge = present(dataOf(result).proposals.edges.find((e) => e.node.id === tiers.bodyNew));
      expect(matches(present(edge.highlight).title)).toEqual([]);
      expect(matches(present(edge.highlight).snippet)).toContain('jardin');
    });
  });

  describe('counts capped at PROPOSAL_COUNT_CAP', () => {
    let service: ProposalListService;
    beforeAll(() => {
      service = api.app.get(ProposalListService);
    });
    afterEach(() => {
      service.countCap = 10_000;
    });

    async function counted(variables: Record<string, unknown>) {
      const result = await api.gql<CountedData>(COUNTED, {
        filter: { consultationId },
        ...variables,
      });
      expect(result.errors).toBeUndefined();
      return dataOf(result).proposals;
    }

    it('counts exactly up to the cap, uncapped', async () => {
      service.countCap = 4; // «énergie» matches 4 listed proposals of the consultation
      expect(await counted({ search: 'énergie', orderBy: 'RELEVANCE' })).toEqual({
        totalCount: 4,
        totalCountCapped: false,
      });
    });

    it.each(['RELEVANCE', 'NEWEST'])(
      'answers the cap and totalCountCapped when more match (search, %s)',
      async (orderBy) => {
        service.countCap = 3;
        expect(await counted({ search: 'énergie', orderBy })).toEqual({
          totalCount: 3,
          totalCountCapped: true,
        });
      },
    );

    it('caps a list without a search the same way', async () => {
      service.countCap = 2;
      expect(await counted({})).toEqual({ totalCount: 2, totalCountCapped: true });
    });
  });

  describe('similarProposals', () => {
    async function similar(variables: Record<string, unknown>) {
      const result = await api.gql<SimilarData>(SIMILAR, { consultationId, ...variables });
      expect(result.errors).toBeUndefined();
      return dataOf(result).similarProposals;
    }

    it('finds a near-duplicate title first, accents ignored', async () => {
      const found = await similar({ title: 'Energies renouvelables citoyennes dans les villages' });
      expect(found[0].proposal.id).toBe(ids.titleHit);
      expect(found[0].similarity).toBeGreaterThan(0.3);
      expect(found[0].similarity).toBeLessThanOrEqual(1);
      const scores = found.map((f) => f.similarity);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
    });

    it('leaves out withdrawn proposals, the excluded one and unrelated titles', async () => {
      const found = await similar({
        title: 'Énergie solaire retirée par son auteur',
        excludeId: ids.markup,
      });
      const foundIds = found.map((f) => f.proposal.id);
      expect(foundIds).not.toContain(ids.withdrawn);
      expect(foundIds).not.toContain(ids.markup);
      expect(foundIds).not.toContain(ids.unrelated);
    });

    it('answers [] for a title too short to compare', async () => {
      expect(await similar({ title: 'Énergie' })).toEqual([]);
      expect(await similar({ title: '   ' })).toEqual([]);
    });

    it('honours first and the consultation', async () => {
      expect(await similar({ title: 'Énergie citoyenne partagée', first: 1 })).toHaveLength(1);
      const other = await createConsultation();
      expect(
        await similar({ title: 'Des énergies renouvelables citoyennes', consultationId: other.id }),
      ).toEqual([]);
    });

    it.each([
      ['first', { first: 11 }],
      ['first', { first: 0 }],
      ['consultationId', { consultationId: 'nope' }],
      ['excludeId', { excludeId: 'nope' }],
    ])('refuses an invalid %s: BAD_USER_INPUT naming it', async (field, variables) => {
      const result = await api.gql(SIMILAR, { title: 'Des énergies citoyennes', ...variables });
      expect(firstError(result).extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [expect.objectContaining({ field })],
      });
    });
  });
});
