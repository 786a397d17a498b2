import {
  ActorType,
  collegeSupport,
  type CollegeCounts,
  meetsBreadth,
  parseConsultationSettings,
  type VoteValue,
} from '@passerelle/domain';
import {
  closeFactories,
  createConsultation,
  createProposal,
  createUser,
  factoryPrisma,
  PHASES,
} from '../factories';
import { createManyUsers, expectCountersMatchRows } from './support/participation';
import { countSqlStatements } from './support/sql-counter';
import { dataOf, startTestApp, type TestApp } from './support/test-app';

const ACTOR_TYPES = Object.values(ActorType);

const LIST = `query ($filter: ProposalFilter, $first: Int, $after: String) {
  proposals(filter: $filter, first: $first, after: $after, orderBy: NEWEST) {
    edges { cursor node { id broadSupport } }
    pageInfo { hasNextPage endCursor }
    totalCount
  }
}`;
const FIGURES = `query ($id: ID!) {
  proposal(id: $id) {
    id broadSupport
    supportBreadth { isBroad qualifyingColleges thresholds { minForShare minColleges minVotesPerCollege } }
    collegeVotes { actorType votesFor votesAgainst votesNeutral total
      forShare forShareOfTotal againstShareOfTotal neutralShareOfTotal }
  }
}`;
const UPDATE = `mutation ($input: UpdateConsultationInput!) {
  updateConsultation(input: $input) { id settings { collegeThresholds { minForShare minColleges minVotesPerCollege } } }
}`;
const CAST_VOTE = `mutation ($input: CastVoteInput!) { castVote(input: $input) { id } }`;

interface ListData {
  proposals: {
    edges: { cursor: string; node: { id: string; broadSupport: boolean } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    totalCount: number;
  };
}

interface FiguresData {
  proposal: {
    id: string;
    broadSupport: boolean;
    supportBreadth: {
      isBroad: boolean;
      qualifyingColleges: string[];
      thresholds: { minForShare: number; minColleges: number; minVotesPerCollege: number };
    };
    collegeVotes: {
      actorType: string;
      votesFor: number;
      votesAgainst: number;
      votesNeutral: number;
      total: number;
      forShare: number;
      forShareOfTotal: number;
      againstShareOfTotal: number;
      neutralShareOfTotal: number;
    }[];
  };
}

type Counts = [votesFor: number, votesAgainst: number, votesNeutral: number];

/** A tiny deterministic generator (same data on every run). */
function generator(seed: number) {
  let state = seed;
  return (max: number) => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state % (max + 1);
  };
}

describe('proposals: support per collège and the breadth threshold', () => {
  let api: TestApp;
  let authorId: string;
  let adminToken: string;

  beforeAll(async () => {
    api = await startTestApp();
    authorId = (await createUser()).id;
    adminToken = await api.tokenFor(await createUser({ role: 'ADMIN' }));
  });
  afterAll(async () => {
    await api.close();
    await closeFactories();
  });

  /** A proposal with these collège counters, written straight to proposal_college_counts. */
  async function proposalWithCounts(
    consultationId: string,
    colleges: Partial<Record<ActorType, Counts>>,
  ): Promise<{ id: string; counts: CollegeCounts[] }> {
    const { id } = await createProposal({ consultationId, authorId });
    const counts = Object.entries(colleges).map(([actorType, [f, a, n]]) => ({
      actorType: actorType as ActorType,
      votesFor: f,
      votesAgainst: a,
      votesNeutral: n,
    }));
    await factoryPrisma().proposalCollegeCount.createMany({
      data: counts.map((row) => ({ proposalId: id, ...row })),
    });
    return { id, counts };
  }

  /** Every page of a filtered list, three at a time: the ids, and totalCount of each page. */
  async function walk(filter: Record<string, unknown>) {
    const ids: string[] = [];
    const totals = new Set<number>();
    let after: string | null = null;
    for (let page = 0; page < 100; page += 1) {
      const data: ListData = dataOf(await api.gql<ListData>(LIST, { filter, first: 3, after }));
      ids.push(...data.proposals.edges.map((edge) => edge.node.id));
      totals.add(data.proposals.totalCount);
      // Proposal.broadSupport (domain, in Node) agrees with the SQL filter on every row.
      if (typeof filter['broadSupport'] === 'boolean') {
        for (const edge of data.proposals.edges) {
          expect(edge.node.broadSupport).toBe(filter['broadSupport']);
        }
      }
      if (!data.proposals.pageInfo.hasNextPage) break;
      after = data.proposals.pageInfo.endCursor;
    }
    expect(totals.size).toBe(1);
    expect(new Set(ids).size).toBe(ids.length);
    return { ids: [...ids].sort(), totalCount: [...totals][0] };
  }

  const figures = async (id: string) =>
    dataOf(await api.gql<FiguresData>(FIGURES, { id })).proposal;

  it.each([
    ['no settings at all (defaults)', {}],
    [
      'custom thresholds',
      { collegeThresholds: { minForShare: 0.75, minColleges: 2, minVotesPerCollege: 4 } },
    ],
    [
      'invalid or partial thresholds (each bad key falls back to its default)',
      { collegeThresholds: { minForShare: 'beaucoup', minColleges: 2.5, minVotesPerCollege: 5 } },
    ],
    [
      'out-of-range thresholds',
      { collegeThresholds: { minForShare: 0.2, minColleges: 9, minVotesPerCollege: 0 } },
    ],
    ['thresholds that are not an object', { collegeThresholds: [1, 2, 3] }],
    ['settings that are not an object', ['collegeThresholds']],
  ])(
    'the SQL filter gives the domain meetsBreadth verdict on varied counts — %s',
    async (_label, settings) => {
      const { id: consultationId } = await createConsultation();
      await factoryPrisma().consultation.update({
        where: { id: consultationId },
        data: { settings: settings as object },
      });
      const thresholds = parseConsultationSettings(settings).collegeThresholds;
      const random = generator(JSON.stringify(settings).length);
      const proposals: { id: string; counts: CollegeCounts[] }[] = [
        // Exactly at the boundary of the defaults: 60 % with exactly 10 votes, in 3 collèges.
        await proposalWithCounts(consultationId, {
          CITIZEN: [6, 4, 0],
          ASSOCIATION: [3, 2, 5],
          PTCE: [6, 4, 0],
        }),
        // Just below: 9 votes in one of the three collèges.
        await proposalWithCounts(consultationId, {
          CITIZEN: [6, 4, 0],
          ASSOCIATION: [3, 2, 4],
          PTCE: [6, 4, 0],
        }),
        // Exactly at the boundary of the custom thresholds: 75 % with exactly 4 votes, twice.
        await proposalWithCounts(consultationId, { ESS_ENTERPRISE: [3, 1, 0], SME: [3, 1, 0] }),
        // Only NEUTRAL votes, and no votes at all.
        await proposalWithCounts(consultationId, { SME: [0, 0, 12], UNIVERSITY: [0, 0, 30] }),
        await proposalWithCounts(consultationId, {}),
      ];
      for (let i = 0; i < 16; i += 1) {
        const colleges: Partial<Record<ActorType, Counts>> = {};
        for (const actorType of ACTOR_TYPES) {
          if (random(3) === 0) continue;
          colleges[actorType] = [random(12), random(6), random(4)];
        }
        proposals.push(await proposalWithCounts(consultationId, colleges));
      }
      const expected = proposals.filter((p) => meetsBreadth(p.counts, thresholds)).map((p) => p.id);
      const others = proposals.filter((p) => !meetsBreadth(p.counts, thresholds)).map((p) => p.id);
      // The data must exercise both sides.
      expect(expected.length).toBeGreaterThan(0);
      expect(others.length).toBeGreaterThan(0);

      const broad = await walk({ consultationId, broadSupport: true });
      const narrow = await walk({ consultationId, broadSupport: false });
      expect(broad).toEqual({ ids: [...expected].sort(), totalCount: expected.length });
      expect(narrow).toEqual({ ids: [...others].sort(), totalCount: others.length });
      const all = await walk({ consultationId });
      expect(all.totalCount).toBe(proposals.length);
    },
  );

  it('resolves broadSupport and the figures of a whole page in a fixed number of statements (no N+1)', async () => {
    const { id: consultationId } = await createConsultation();
    const read = async (first: number) =>
      countSqlStatements(() =>
        api.gql<ListData>(
          `query ($filter: ProposalFilter, $first: Int) {
            proposals(filter: $filter, first: $first) {
              edges { node { id broadSupport supportBreadth { isBroad qualifyingColleges }
                collegeVotes { actorType forShare } } }
              totalCount
            }
          }`,
          { filter: { consultationId, broadSupport: false }, first },
        ),
      );
    for (let i = 0; i < 12; i += 1) {
      await proposalWithCounts(consultationId, { CITIZEN: [i, 2, 1], SME: [3, i, 0] });
    }
    const small = await read(2);
    const large = await read(12);
    expect(dataOf(large.result).proposals.edges).toHaveLength(12);
    expect(large.statements.length).toBe(small.statements.length);
  });

  it('the boundary proposal meets the defaults and its figures say which collèges qualify', async () => {
    const { id: consultationId } = await createConsultation();
    const { id } = await proposalWithCounts(consultationId, {
      CITIZEN: [6, 4, 0],
      ASSOCIATION: [3, 2, 5],
      SME: [5, 4, 1],
      PTCE: [6, 4, 0],
    });
    const read = await figures(id);
    expect(read.broadSupport).toBe(true);
    expect(read.supportBreadth).toEqual({
      isBroad: true,
      qualifyingColleges: ['CITIZEN', 'ASSOCIATION', 'PTCE'],
      thresholds: { minForShare: 0.6, minColleges: 3, minVotesPerCollege: 10 },
    });
    expect(read.collegeVotes.find((c) => c.actorType === 'ASSOCIATION')).toEqual({
      actorType: 'ASSOCIATION',
      votesFor: 3,
      votesAgainst: 2,
      votesNeutral: 5,
      total: 10,
      forShare: 0.6,
      forShareOfTotal: 0.3,
      againstShareOfTotal: 0.2,
      neutralShareOfTotal: 0.5,
    });
  });

  it('follows each consultation’s thresholds after an administrator updates them', async () => {
    const { id: consultationId } = await createConsultation();
    const { id: otherConsultationId } = await createConsultation();
    const colleges: Partial<Record<ActorType, Counts>> = {
      CITIZEN: [7, 3, 0],
      ESS_ENTERPRISE: [8, 2, 2],
      SME: [2, 8, 0],
    };
    const { id } = await proposalWithCounts(consultationId, colleges);
    const { id: twinId } = await proposalWithCounts(otherConsultationId, colleges);
    const broadIds = async () => [
      ...(await walk({ consultationId, broadSupport: true })).ids,
      ...(await walk({ consultationId: otherConsultationId, broadSupport: true })).ids,
    ];
    const update = async (collegeThresholds: Record<string, number>) => {
      const result = await api.gql(
        UPDATE,
        { input: { consultationId, settings: { collegeThresholds } } },
        { token: adminToken },
      );
      expect(result.errors).toBeUndefined();
    };

    // Defaults: 2 collèges at 70 % and 80 % are not enough (3 needed).
    expect(await broadIds()).toEqual([]);
    expect((await figures(id)).broadSupport).toBe(false);

    await update({ minColleges: 2 });
    expect(await broadIds()).toEqual([id]);
    expect((await figures(id)).supportBreadth).toMatchObject({
      isBroad: true,
      qualifyingColleges: ['CITIZEN', 'ESS_ENTERPRISE'],
      thresholds: { minForShare: 0.6, minColleges: 2, minVotesPerCollege: 10 },
    });
    // The other consultation keeps its defaults.
    expect((await figures(twinId)).broadSupport).toBe(false);

    await update({ minForShare: 0.75 });
    expect(await broadIds()).toEqual([]);
    expect((await figures(id)).supportBreadth.qualifyingColleges).toEqual(['ESS_ENTERPRISE']);

    await update({ minForShare: 0.7, minVotesPerCollege: 11 });
    expect(await broadIds()).toEqual([]);
    await update({ minVotesPerCollege: 10 });
    expect(await broadIds()).toEqual([id]);
  });

  it('per-collège figures after concurrent votes from many participants of every collège equal the vote rows', async () => {
    const { id: consultationId } = await createConsultation({
      phases: PHASES.proposingClosed(),
    });
    const { id: proposalId } = await createProposal({ consultationId, authorId });
    // 10 participants per collège (createManyUsers cycles through the 7 collèges).
    const users = await createManyUsers(70);
    // CITIZEN, ASSOCIATION and ESS_ENTERPRISE vote 60 % FOR exactly; the others do not.
    const plan: Record<ActorType, VoteValue[]> = {
      CITIZEN: [...Array(6).fill('FOR'), ...Array(4).fill('AGAINST')],
      ASSOCIATION: [
        ...Array(3).fill('FOR'),
        ...Array(2).fill('AGAINST'),
        ...Array(5).fill('NEUTRAL'),
      ],
      ESS_ENTERPRISE: [
        ...Array(6).fill('FOR'),
        ...Array(2).fill('AGAINST'),
        ...Array(2).fill('NEUTRAL'),
      ],
      SME: [...Array(5).fill('FOR'), ...Array(5).fill('AGAINST')],
      LOCAL_AUTHORITY: [...Array(9).fill('FOR'), 'NEUTRAL'],
      UNIVERSITY: [...Array(10).fill('NEUTRAL')],
      PTCE: [...Array(2).fill('FOR'), ...Array(8).fill('AGAINST')],
    };
    const seen: Partial<Record<ActorType, number>> = {};
    const ballots = users.map((user) => {
      const index = seen[user.actorType] ?? 0;
      seen[user.actorType] = index + 1;
      return { user, value: plan[user.actorType][index] };
    });
    const tokens = await Promise.all(users.map((user) => api.tokenFor(user)));
    const results = await Promise.all(
      ballots.map((ballot, i) =>
        api.gql(CAST_VOTE, { input: { proposalId, value: ballot.value } }, { token: tokens[i] }),
      ),
    );
    expect(results.filter((result) => result.errors)).toEqual([]);
    expect(await expectCountersMatchRows(proposalId)).toBe(70);

    const rows = await factoryPrisma().vote.groupBy({
      by: ['actorType', 'value'],
      where: { proposalId },
      _count: { _all: true },
    });
    const fromRows = (actorType: string, value: VoteValue) =>
      rows.find((row) => row.actorType === actorType && row.value === value)?._count._all ?? 0;
    const expectedCounts: CollegeCounts[] = ACTOR_TYPES.map((actorType) => ({
      actorType,
      votesFor: fromRows(actorType, 'FOR'),
      votesAgainst: fromRows(actorType, 'AGAINST'),
      votesNeutral: fromRows(actorType, 'NEUTRAL'),
    }));

    const read = await figures(proposalId);
    expect(read.collegeVotes).toEqual(collegeSupport(expectedCounts));
    expect(read.collegeVotes.find((c) => c.actorType === 'ASSOCIATION')).toMatchObject({
      votesFor: 3,
      votesAgainst: 2,
      votesNeutral: 5,
      forShare: 0.6,
      neutralShareOfTotal: 0.5,
    });
    expect(read.collegeVotes.find((c) => c.actorType === 'UNIVERSITY')).toMatchObject({
      total: 10,
      forShare: 0,
      neutralShareOfTotal: 1,
    });
    expect(read.supportBreadth.qualifyingColleges).toEqual([
      'CITIZEN',
      'ASSOCIATION',
      'ESS_ENTERPRISE',
      'LOCAL_AUTHORITY',
    ]);
    expect(read.broadSupport).toBe(true);
    expect((await walk({ consultationId, broadSupport: true })).ids).toEqual([proposalId]);

    // Three citizens change to AGAINST at once: CITIZEN drops to 30 %, still 3 collèges left.
    const citizens = ballots
      .map((ballot, i) => ({ ...ballot, token: tokens[i] }))
      .filter((ballot) => ballot.user.actorType === 'CITIZEN' && ballot.value === 'FOR')
      .slice(0, 3);
    const changed = await Promise.all(
      citizens.map((ballot) =>
        api.gql(CAST_VOTE, { input: { proposalId, value: 'AGAINST' } }, { token: ballot.token }),
      ),
    );
    expect(changed.filter((result) => result.errors)).toEqual([]);
    expect(await expectCountersMatchRows(proposalId)).toBe(70);
    const after = await figures(proposalId);
    expect(after.collegeVotes.find((c) => c.actorType === 'CITIZEN')).toMatchObject({
      votesFor: 3,
      votesAgainst: 7,
      forShare: 0.3,
    });
    expect(after.supportBreadth.qualifyingColleges).toEqual([
      'ASSOCIATION',
      'ESS_ENTERPRISE',
      'LOCAL_AUTHORITY',
    ]);
    expect(after.broadSupport).toBe(true);
  }, 90_000);
});
