import { ProposalListService } from '../../apps/api/src/modules/proposals/proposal-list.service';
import {
  closeFactories,
  createConsultation,
  createOrganisation,
  createUser,
  factoryPrisma,
  referenceThemes,
  TERRITORIES,
  type ThemeRef,
} from '../factories';
import {
  insertProposal,
  PROPOSAL_PAGE,
  type ProposalPageData,
  walkProposals,
} from './support/proposals-support';
import { dataOf, firstError, startTestApp, type TestApp } from './support/test-app';

describe('proposals: filters and orders', () => {
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

  async function listIds(filter: Record<string, unknown>, extra: Record<string, unknown> = {}) {
    const result = await api.gql<ProposalPageData>(PROPOSAL_PAGE, { filter, first: 50, ...extra });
    const page = dataOf(result).proposals;
    expect(page.totalCount).toBe(page.edges.length);
    return page.edges.map((edge) => edge.node.id).sort();
  }

  it('filters by territory, a région or département including what lies inside it', async () => {
    const { id: consultationId } = await createConsultation();
    const { id: authorId } = await createUser();
    const at = (territoryId: string) => insertProposal({ consultationId, authorId, territoryId });
    const saintEtienne = await at(TERRITORIES.saintEtienne);
    const loire = await at(TERRITORIES.loire);
    const region = await at(TERRITORIES.auvergneRhoneAlpes);
    const paris = await at(TERRITORIES.paris);
    const lyon = await at('COMMUNE-69123');

    expect(await listIds({ consultationId, territoryId: TERRITORIES.auvergneRhoneAlpes })).toEqual(
      [saintEtienne.id, loire.id, region.id, lyon.id].sort(),
    );
    expect(await listIds({ consultationId, territoryId: TERRITORIES.loire })).toEqual(
      [saintEtienne.id, loire.id].sort(),
    );
    expect(await listIds({ consultationId, territoryId: TERRITORIES.saintEtienne })).toEqual([
      saintEtienne.id,
    ]);
    expect(await listIds({ consultationId, territoryId: 'REGION-11' })).toEqual([paris.id]);
    expect(await listIds({ consultationId, territoryId: 'COMMUNE-99999' })).toEqual([]);

    // The région and département each proposal carries follow its territory (a trigger).
    const ancestors = (id: string) =>
      factoryPrisma().proposal.findUniqueOrThrow({
        where: { id },
        select: { regionId: true, departementId: true },
      });
    expect(await ancestors(saintEtienne.id)).toEqual({
      regionId: TERRITORIES.auvergneRhoneAlpes,
      departementId: TERRITORIES.loire,
    });
    expect(await ancestors(loire.id)).toEqual({
      regionId: TERRITORIES.auvergneRhoneAlpes,
      departementId: TERRITORIES.loire,
    });
    expect(await ancestors(region.id)).toEqual({
      regionId: TERRITORIES.auvergneRhoneAlpes,
      departementId: null,
    });
    await factoryPrisma().proposal.update({
      where: { id: saintEtienne.id },
      data: { territoryId: TERRITORIES.paris },
    });
    expect(await listIds({ consultationId, territoryId: TERRITORIES.loire })).toEqual([loire.id]);
    expect(await listIds({ consultationId, territoryId: 'REGION-11' })).toEqual(
      [paris.id, saintEtienne.id].sort(),
    );
  });

  it("filters by themes (any of them), status, author, author's collège and organisation", async () => {
    const { id: consultationId } = await createConsultation();
    const citizen = await createUser({ actorType: 'CITIZEN' });
    const association = await createUser({ actorType: 'ASSOCIATION' });
    const organisation = await createOrganisation({ memberIds: [association.id] });
    const a = await insertProposal({
      consultationId,
      authorId: citizen.id,
      themeIds: [themes[0].id, themes[1].id],
    });
    const b = await insertProposal({
      consultationId,
      authorId: association.id,
      organisationId: organisation.id,
      themeIds: [themes[2].id],
      status: 'SELECTED',
    });
    const c = await insertProposal({
      consultationId,
      authorId: association.id,
      themeIds: [themes[1].id],
      status: 'UNDER_REVIEW',
    });
    await insertProposal({ consultationId, authorId: citizen.id, status: 'WITHDRAWN' });
    await insertProposal({ consultationId, authorId: citizen.id, status: 'DRAFT' });

    expect(await listIds({ consultationId })).toEqual([a.id, b.id, c.id].sort());
    expect(await listIds({ consultationId, themeSlugs: [themes[1].slug] })).toEqual(
      [a.id, c.id].sort(),
    );
    expect(await listIds({ consultationId, themeSlugs: [themes[0].slug, themes[2].slug] })).toEqual(
      [a.id, b.id].sort(),
    );
    expect(await listIds({ consultationId, statuses: ['SELECTED', 'UNDER_REVIEW'] })).toEqual(
      [b.id, c.id].sort(),
    );
    expect(await listIds({ consultationId, authorId: citizen.id })).toEqual([a.id]);
    expect(await listIds({ consultationId, authorActorTypes: ['ASSOCIATION', 'SME'] })).toEqual(
      [b.id, c.id].sort(),
    );
    expect(await listIds({ organisationId: organisation.id })).toEqual([b.id]);
    expect(
      await listIds({
        consultationId,
        themeSlugs: [themes[1].slug],
        authorActorTypes: ['CITIZEN'],
      }),
    ).toEqual([a.id]);
  });

  describe('orders', () => {
    let consultationId: string;
    const rows: {
      id: string;
      createdAt: Date;
      scoreTop: number;
      scoreHot: number;
      scoreControversial: number;
      commentsCount: number;
    }[] = [];

    beforeAll(async () => {
      consultationId = (await createConsultation()).id;
      const { id: authorId } = await createUser();
      const base = Date.now() - 3_600_000;
      // Ties on purpose: equal scores and equal dates, broken by id.
      for (let i = 0; i < 11; i++) {
        const values = {
          createdAt: new Date(base + (i % 4) * 1000),
          scoreTop: [0, 0.25, 0.5][i % 3],
          scoreHot: 100 + (i % 5) * 0.123456789,
          scoreControversial: i % 2 ? 3.7 : 0,
          commentsCount: i % 3,
        };
        const { id } = await insertProposal({ consultationId, authorId, ...values });
        rows.push({ id, ...values });
      }
    });

    const desc = (key: (r: (typeof rows)[number]) => number) => () =>
      [...rows].sort((a, b) => key(b) - key(a) || (a.id < b.id ? 1 : -1)).map((r) => r.id);

    it.each([
      ['NEWEST', desc((r) => r.createdAt.getTime())],
      ['OLDEST', () => desc((r) => r.createdAt.getTime())().reverse()],
      ['TOP', desc((r) => r.scoreTop)],
      ['HOT', desc((r) => r.scoreHot)],
      ['CONTROVERSIAL', desc((r) => r.scoreControversial)],
      ['MOST_COMMENTED', desc((r) => r.commentsCount)],
    ])('%s walks every row once, in order, ties broken by id', async (orderBy, expected) => {
      for (const first of [1, 3, 4]) {
        const walk = await walkProposals(api, { filter: { consultationId }, orderBy }, first);
        expect(walk.ids).toEqual(expected());
        expect(walk.totalCount).toBe(rows.length);
        expect(walk.pages).toBe(Math.ceil(rows.length / first));
      }
    });

    it('refuses a cursor made for another order', async () => {
      const page = await api.gql<ProposalPageData>(PROPOSAL_PAGE, {
        filter: { consultationId },
        orderBy: 'TOP',
        first: 2,
      });
      const result = await api.gql(PROPOSAL_PAGE, {
        filter: { consultationId },
        orderBy: 'HOT',
        after: dataOf(page).proposals.pageInfo.endCursor,
      });
      expect(firstError(result).extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [expect.objectContaining({ field: 'after', rule: 'cursor' })],
      });
    });
  });

  it.each([
    ['filter.territoryId', 'territory', { filter: { territoryId: 'Lyon' } }],
    ['filter.organisationId', 'id', { filter: { organisationId: 'x' } }],
    ['filter.authorId', 'id', { filter: { authorId: '1 OR 1=1' } }],
    ['filter.statuses', 'oneOf', { filter: { statuses: ['PUBLISHED', 'DRAFT'] } }],
    ['filter.statuses', 'oneOf', { filter: { statuses: ['WITHDRAWN'] } }],
    ['filter.themeSlugs', 'maxItems', { filter: { themeSlugs: Array(21).fill('x') } }],
    ['orderBy', 'requiresSearch', { orderBy: 'RELEVANCE' }],
    ['search', 'maxLength', { search: 'énergie '.repeat(30) }],
  ])('refuses an invalid %s (rule %s): BAD_USER_INPUT', async (field, rule, variables) => {
    const result = await api.gql(PROPOSAL_PAGE, variables);
    expect(firstError(result).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_INPUT',
      fields: [expect.objectContaining({ field, rule })],
    });
  });

  describe('totalCount capped at PROPOSAL_COUNT_CAP', () => {
    const COUNTED = `query ($filter: ProposalFilter, $orderBy: ProposalOrderBy) {
      proposals(first: 1, filter: $filter, orderBy: $orderBy) { totalCount totalCountCapped }
    }`;
    type Counted = { proposals: { totalCount: number; totalCountCapped: boolean } };
    let service: ProposalListService;
    beforeAll(() => {
      service = api.app.get(ProposalListService);
    });
    afterEach(() => {
      service.countCap = 10_000; // PROPOSAL_COUNT_CAP
    });

    it('answers the cap and totalCountCapped in every order and filter when more match', async () => {
      const { id: consultationId } = await createConsultation();
      const { id: authorId } = await createUser();
      for (let i = 0; i < 4; i++) {
        await insertProposal({ consultationId, authorId, themeIds: [themes[0].id] });
      }
      for (const cap of [3, 4]) {
        service.countCap = cap;
        for (const orderBy of ['NEWEST', 'TOP', 'CONSENSUS', 'DIVISIVE']) {
          for (const filter of [
            { consultationId },
            { consultationId, themeSlugs: [themes[0].slug] },
          ]) {
            const result = await api.gql<Counted>(COUNTED, { filter, orderBy });
            expect(dataOf(result).proposals).toEqual({
              totalCount: cap,
              totalCountCapped: cap < 4,
            });
          }
        }
      }
    });

    it("caps the sum of the proposals everyone sees and the participant's own hidden ones", async () => {
      const { id: consultationId } = await createConsultation();
      const author = await createUser();
      await insertProposal({ consultationId, authorId: author.id });
      await insertProposal({ consultationId, authorId: author.id });
      const hidden = await insertProposal({ consultationId, authorId: author.id });
      await factoryPrisma().proposal.update({
        where: { id: hidden.id },
        data: { hiddenAt: new Date() },
      });
      const token = await api.tokenFor(author);
      const count = async (signedIn: boolean) =>
        dataOf(
          await api.gql<Counted>(
            COUNTED,
            { filter: { consultationId } },
            signedIn ? { token } : {},
          ),
        ).proposals;

      service.countCap = 2;
      expect(await count(false)).toEqual({ totalCount: 2, totalCountCapped: false });
      expect(await count(true)).toEqual({ totalCount: 2, totalCountCapped: true });
      service.countCap = 3;
      expect(await count(true)).toEqual({ totalCount: 3, totalCountCapped: false });
    });
  });

  it('refuses a sort key that is not in the enum before running the resolver', async () => {
    const result = await api.gql(PROPOSAL_PAGE, { orderBy: 'createdAt; DROP TABLE proposals' });
    expect(result.status).toBe(400);
    expect(firstError(result).extensions?.code).toBe('BAD_USER_INPUT');
  });
});
