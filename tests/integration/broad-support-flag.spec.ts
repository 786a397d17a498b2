// proposals."broadSupport": the stored broad-support flag that the list filter reads, kept by the
// database (triggers of the proposal_broad_support migration). After every kind of write to the
// collèges' counters — votes, vote changes, retractions, an account's erasure, direct multi-row
// writes, concurrent votes — and after a change of the consultation's thresholds, the flag equals
// the domain's meetsBreadth verdict and the SQL expression BROAD_SUPPORT, and the filter lists
// exactly the flagged proposals.
import {
  type ActorType,
  type CollegeCounts,
  meetsBreadth,
  parseConsultationSettings,
  type VoteValue,
} from '@passerelle/domain';
import { Prisma } from '../../apps/api/src/generated/prisma/client';
import { BROAD_SUPPORT } from '../../apps/api/src/modules/proposals/broad-support.sql';
import {
  closeFactories,
  createConsultation,
  createProposal,
  createUser,
  factoryPrisma,
  PHASES,
} from '../factories';
import { CAST_VOTE, createManyUsers, RETRACT_VOTE } from './support/participation';
import { dataOf, startTestApp, type TestApp } from './support/test-app';

const LIST = `query ($filter: ProposalFilter, $first: Int, $after: String) {
  proposals(filter: $filter, first: $first, after: $after, orderBy: TOP) {
    edges { node { id } }
    pageInfo { hasNextPage endCursor }
  }
}`;
const UPDATE = `mutation ($input: UpdateConsultationInput!) { updateConsultation(input: $input) { id } }`;
const DELETE_ACCOUNT = `mutation ($input: DeleteMyAccountInput!) { deleteMyAccount(input: $input) }`;

interface ListData {
  proposals: {
    edges: { node: { id: string } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

type Voter = { id: string; role: 'PARTICIPANT'; actorType: ActorType };

describe('proposals.broadSupport: the stored flag kept by the database', () => {
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

  /**
   * The stored flag of each proposal, checked against meetsBreadth on its counters and its
   * consultation's settings, and against the SQL expression the list used to evaluate per row.
   */
  async function flagsOf(ids: readonly string[]): Promise<Record<string, boolean>> {
    const prisma = factoryPrisma();
    const rows = await prisma.$queryRaw<{ id: string; stored: boolean; expression: boolean }[]>(
      Prisma.sql`SELECT p."id"::text AS "id", p."broadSupport" AS "stored",
          coalesce(${BROAD_SUPPORT}, false) AS "expression"
        FROM "proposals" p WHERE p."id" = ANY(${[...ids]}::uuid[])`,
    );
    const proposals = await prisma.proposal.findMany({
      where: { id: { in: [...ids] } },
      select: { id: true, consultation: { select: { settings: true } }, collegeCounts: true },
    });
    const flags: Record<string, boolean> = {};
    for (const proposal of proposals) {
      const thresholds = parseConsultationSettings(
        proposal.consultation.settings,
      ).collegeThresholds;
      const counts: CollegeCounts[] = proposal.collegeCounts;
      const row = rows.find((r) => r.id === proposal.id);
      expect({ id: proposal.id, stored: row?.stored, expression: row?.expression }).toEqual({
        id: proposal.id,
        stored: meetsBreadth(counts, thresholds),
        expression: meetsBreadth(counts, thresholds),
      });
      flags[proposal.id] = meetsBreadth(counts, thresholds);
    }
    expect(Object.keys(flags).sort()).toEqual([...ids].sort());
    return flags;
  }

  /** The ids the list filter returns for a consultation, every page. */
  async function listed(consultationId: string, broadSupport: boolean): Promise<string[]> {
    const ids: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 50; page += 1) {
      const data: ListData = dataOf(
        await api.gql<ListData>(LIST, {
          filter: { consultationId, broadSupport },
          first: 5,
          after,
        }),
      );
      ids.push(...data.proposals.edges.map((edge) => edge.node.id));
      if (!data.proposals.pageInfo.hasNextPage) break;
      after = data.proposals.pageInfo.endCursor;
    }
    return ids.sort();
  }

  /** The flags, and the list filter returning exactly the flagged proposals of the consultation. */
  async function expectListedAsFlagged(
    consultationId: string,
    ids: readonly string[],
  ): Promise<Record<string, boolean>> {
    const flags = await flagsOf(ids);
    expect(await listed(consultationId, true)).toEqual(ids.filter((id) => flags[id]).sort());
    expect(await listed(consultationId, false)).toEqual(ids.filter((id) => !flags[id]).sort());
    return flags;
  }

  const setThresholds = async (consultationId: string, collegeThresholds: object) => {
    const result = await api.gql(
      UPDATE,
      { input: { consultationId, settings: { collegeThresholds } } },
      { token: adminToken },
    );
    expect(result.errors).toBeUndefined();
  };

  /** `count` participants of each of these collèges, with their tokens. */
  async function votersOf(
    colleges: readonly ActorType[],
    count: number,
  ): Promise<Record<string, (Voter & { token: string })[]>> {
    const crowd = await createManyUsers(7 * count);
    const byCollege: Record<string, (Voter & { token: string })[]> = {};
    for (const college of colleges) {
      const voters = crowd.filter((user) => user.actorType === college).slice(0, count);
      byCollege[college] = await Promise.all(
        voters.map(async (voter) => ({ ...voter, token: await api.tokenFor(voter) })),
      );
    }
    return byCollege;
  }

  const vote = async (token: string, proposalId: string, value: VoteValue | null) => {
    const result =
      value === null
        ? await api.gql(RETRACT_VOTE, { proposalId }, { token })
        : await api.gql(CAST_VOTE, { input: { proposalId, value } }, { token });
    expect(result.errors).toBeUndefined();
  };

  it('college_thresholds reads the settings exactly as the domain does (defaults, limits, fallbacks)', async () => {
    const cases = [
      '{}',
      '[]',
      '"collegeThresholds"',
      '{"collegeThresholds": null}',
      '{"collegeThresholds": [1, 2, 3]}',
      '{"collegeThresholds": {"minForShare": 0.75, "minColleges": 2, "minVotesPerCollege": 4}}',
      '{"collegeThresholds": {"minForShare": 0.5, "minColleges": 1, "minVotesPerCollege": 1}}',
      '{"collegeThresholds": {"minForShare": 1, "minColleges": 7, "minVotesPerCollege": 10000}}',
      '{"collegeThresholds": {"minForShare": 0.49, "minColleges": 0, "minVotesPerCollege": 0}}',
      '{"collegeThresholds": {"minForShare": 1.01, "minColleges": 8, "minVotesPerCollege": 10001}}',
      '{"collegeThresholds": {"minForShare": "0.7", "minColleges": 2.5, "minVotesPerCollege": 3.0}}',
      '{"collegeThresholds": {"minForShare": 1e400, "minColleges": -1e400, "minVotesPerCollege": 1e10}}',
      '{"collegeThresholds": {"minForShare": null, "minColleges": true, "minVotesPerCollege": {}}}',
    ];
    for (const settings of cases) {
      const [stored] = await factoryPrisma().$queryRaw<
        { minForShare: number; minColleges: number; minVotesPerCollege: number }[]
      >`SELECT * FROM college_thresholds(${settings}::jsonb)`;
      expect({ settings, ...stored }).toEqual({
        settings,
        ...parseConsultationSettings(JSON.parse(settings)).collegeThresholds,
      });
    }
  });

  it('follows votes, vote changes and retractions, and the filter lists exactly the flagged proposals', async () => {
    const { id: consultationId } = await createConsultation({
      phases: PHASES.proposingClosed(),
    });
    await setThresholds(consultationId, {
      minColleges: 2,
      minVotesPerCollege: 3,
      minForShare: 0.6,
    });
    const { id } = await createProposal({ consultationId, authorId });
    const { id: otherId } = await createProposal({ consultationId, authorId });
    const ids = [id, otherId];
    const voters = await votersOf(['CITIZEN', 'SME'], 3);
    const [c1, c2, c3] = voters['CITIZEN'];
    const [s1, s2, s3] = voters['SME'];

    for (const voter of [c1, c2, c3, s1, s2]) await vote(voter.token, id, 'FOR');
    expect((await expectListedAsFlagged(consultationId, ids))[id]).toBe(false);
    // SME reaches 3 votes, 2 of 3 FOR (66.7 %): two collèges qualify.
    await vote(s3.token, id, 'AGAINST');
    expect(await expectListedAsFlagged(consultationId, ids)).toEqual({
      [id]: true,
      [otherId]: false,
    });
    // A change of vote: SME at 1 of 3 FOR.
    await vote(s2.token, id, 'AGAINST');
    expect((await expectListedAsFlagged(consultationId, ids))[id]).toBe(false);
    await vote(s2.token, id, 'NEUTRAL');
    // NEUTRAL counts towards the votes, not the share: 1 FOR of 2 → 50 %.
    expect((await expectListedAsFlagged(consultationId, ids))[id]).toBe(false);
    await vote(s2.token, id, 'FOR');
    expect((await expectListedAsFlagged(consultationId, ids))[id]).toBe(true);
    // A retraction leaves CITIZEN with 2 votes.
    await vote(c3.token, id, null);
    expect((await expectListedAsFlagged(consultationId, ids))[id]).toBe(false);
    await vote(c3.token, id, 'FOR');
    expect((await expectListedAsFlagged(consultationId, ids))[id]).toBe(true);
  }, 60_000);

  it('follows direct multi-row INSERT, UPDATE and DELETE of the counters (statement triggers)', async () => {
    const { id: consultationId } = await createConsultation();
    const proposals = await Promise.all(
      Array.from({ length: 4 }, () => createProposal({ consultationId, authorId })),
    );
    const ids = proposals.map((p) => p.id);
    const prisma = factoryPrisma();
    // 6 of 10 at 60 % in three collèges: exactly at the boundary of the defaults.
    await prisma.proposalCollegeCount.createMany({
      data: ids.flatMap((proposalId) =>
        (['CITIZEN', 'ASSOCIATION', 'PTCE'] as const).map((actorType) => ({
          proposalId,
          actorType,
          votesFor: 6,
          votesAgainst: 4,
          votesNeutral: 0,
        })),
      ),
    });
    expect(Object.values(await expectListedAsFlagged(consultationId, ids))).toEqual([
      true,
      true,
      true,
      true,
    ]);
    // One UPDATE over two proposals: 6 of 11 is below 60 %.
    await prisma.proposalCollegeCount.updateMany({
      where: { proposalId: { in: ids.slice(0, 2) }, actorType: 'PTCE' },
      data: { votesAgainst: 5 },
    });
    let flags = await expectListedAsFlagged(consultationId, ids);
    expect(ids.map((i) => flags[i])).toEqual([false, false, true, true]);
    // One DELETE over two proposals, one of them already narrow.
    await prisma.proposalCollegeCount.deleteMany({
      where: { proposalId: { in: ids.slice(1, 3) }, actorType: 'CITIZEN' },
    });
    flags = await expectListedAsFlagged(consultationId, ids);
    expect(ids.map((i) => flags[i])).toEqual([false, false, false, true]);
    // Back above the boundary, in one statement.
    await prisma.proposalCollegeCount.updateMany({
      where: { proposalId: { in: ids }, actorType: 'PTCE' },
      data: { votesAgainst: 4 },
    });
    flags = await expectListedAsFlagged(consultationId, ids);
    expect(ids.map((i) => flags[i])).toEqual([true, false, false, true]);
  });

  it('is recomputed for every proposal of a consultation when its thresholds change', async () => {
    const { id: consultationId } = await createConsultation();
    const { id: otherConsultationId } = await createConsultation();
    const prisma = factoryPrisma();
    const withCounts = async (consultation: string, counts: [ActorType, number, number][]) => {
      const { id } = await createProposal({ consultationId: consultation, authorId });
      await prisma.proposalCollegeCount.createMany({
        data: counts.map(([actorType, votesFor, votesAgainst]) => ({
          proposalId: id,
          actorType,
          votesFor,
          votesAgainst,
          votesNeutral: 0,
        })),
      });
      return id;
    };
    const twoCollegesAt70 = await withCounts(consultationId, [
      ['CITIZEN', 7, 3],
      ['SME', 7, 3],
    ]);
    const threeCollegesAt60 = await withCounts(consultationId, [
      ['CITIZEN', 6, 4],
      ['SME', 6, 4],
      ['PTCE', 6, 4],
    ]);
    const twin = await withCounts(otherConsultationId, [
      ['CITIZEN', 7, 3],
      ['SME', 7, 3],
    ]);
    const ids = [twoCollegesAt70, threeCollegesAt60];

    expect(await expectListedAsFlagged(consultationId, ids)).toEqual({
      [twoCollegesAt70]: false,
      [threeCollegesAt60]: true,
    });
    await setThresholds(consultationId, { minColleges: 2, minForShare: 0.7 });
    expect(await expectListedAsFlagged(consultationId, ids)).toEqual({
      [twoCollegesAt70]: true,
      [threeCollegesAt60]: false,
    });
    expect(await flagsOf([twin])).toEqual({ [twin]: false });
    // Out-of-range values fall back to their defaults, key by key (minColleges 9 → 3).
    await setThresholds(consultationId, { minColleges: 2, minForShare: 0.6 });
    expect(Object.values(await expectListedAsFlagged(consultationId, ids))).toEqual([true, true]);
    await prisma.consultation.update({
      where: { id: consultationId },
      data: { settings: { collegeThresholds: { minColleges: 9, minForShare: 0.6 } } },
    });
    expect(await expectListedAsFlagged(consultationId, ids)).toEqual({
      [twoCollegesAt70]: false,
      [threeCollegesAt60]: true,
    });
    // Settings without collegeThresholds: the defaults again.
    await prisma.consultation.update({ where: { id: consultationId }, data: { settings: {} } });
    expect(await expectListedAsFlagged(consultationId, ids)).toEqual({
      [twoCollegesAt70]: false,
      [threeCollegesAt60]: true,
    });
  });

  it('cannot be written by anyone: a direct write or a move to another consultation gets the computed value', async () => {
    const { id: consultationId } = await createConsultation();
    const { id: lenientId } = await createConsultation();
    await factoryPrisma().consultation.update({
      where: { id: lenientId },
      data: { settings: { collegeThresholds: { minColleges: 1, minVotesPerCollege: 1 } } },
    });
    const { id } = await createProposal({ consultationId, authorId });
    const prisma = factoryPrisma();
    await prisma.proposalCollegeCount.create({
      data: { proposalId: id, actorType: 'CITIZEN', votesFor: 2, votesAgainst: 0, votesNeutral: 0 },
    });
    expect(await flagsOf([id])).toEqual({ [id]: false });
    await prisma.$executeRaw`UPDATE "proposals" SET "broadSupport" = true WHERE "id" = ${id}::uuid`;
    expect(await flagsOf([id])).toEqual({ [id]: false });
    await prisma.proposal.update({ where: { id }, data: { consultationId: lenientId } });
    expect(await flagsOf([id])).toEqual({ [id]: true });
    await prisma.$executeRaw`UPDATE "proposals" SET "broadSupport" = false WHERE "id" = ${id}::uuid`;
    expect(await flagsOf([id])).toEqual({ [id]: true });
  });

  it('follows the retraction of an erased account’s votes (GDPR erasure)', async () => {
    const { id: consultationId } = await createConsultation({
      phases: PHASES.proposingClosed(),
    });
    await setThresholds(consultationId, {
      minColleges: 2,
      minVotesPerCollege: 2,
      minForShare: 0.6,
    });
    const { id } = await createProposal({ consultationId, authorId });
    const { id: otherId } = await createProposal({ consultationId, authorId });
    const leaving = await createUser({ actorType: 'CITIZEN' });
    const leavingToken = await api.tokenFor(leaving);
    const voters = await votersOf(['CITIZEN', 'ASSOCIATION'], 2);
    for (const proposalId of [id, otherId]) {
      await vote(leavingToken, proposalId, 'FOR');
      await vote(voters['CITIZEN'][0].token, proposalId, 'FOR');
      for (const voter of voters['ASSOCIATION']) await vote(voter.token, proposalId, 'FOR');
    }
    // Without the leaving account CITIZEN still has 2 votes on otherId.
    await vote(voters['CITIZEN'][1].token, otherId, 'FOR');
    expect(await expectListedAsFlagged(consultationId, [id, otherId])).toEqual({
      [id]: true,
      [otherId]: true,
    });

    const result = await api.gql(
      DELETE_ACCOUNT,
      {
        input: {
          mode: 'ERASE_CONTRIBUTIONS',
          password: leaving.password,
          confirmation: leaving.email,
        },
      },
      { token: leavingToken },
    );
    expect(result.errors).toBeUndefined();
    expect(await expectListedAsFlagged(consultationId, [id, otherId])).toEqual({
      [id]: false,
      [otherId]: true,
    });
  }, 60_000);

  it('is exact after concurrent votes crossing the threshold, with a thresholds change racing them', async () => {
    const { id: consultationId } = await createConsultation({
      phases: PHASES.proposingClosed(),
    });
    const { id } = await createProposal({ consultationId, authorId });
    const { id: otherId } = await createProposal({ consultationId, authorId });
    const ids = [id, otherId];
    const colleges: ActorType[] = ['CITIZEN', 'ASSOCIATION', 'ESS_ENTERPRISE'];
    const voters = await votersOf(colleges, 10);
    const everyone = colleges.flatMap((college) => voters[college]);

    // 30 votes at once on two proposals: 6 FOR and 4 AGAINST per collège, the boundary.
    const ballots = everyone.flatMap((voter, i) =>
      ids.map((proposalId) => ({
        voter,
        proposalId,
        value: (i % 10 < 6 ? 'FOR' : 'AGAINST') as VoteValue,
      })),
    );
    await Promise.all(ballots.map((b) => vote(b.voter.token, b.proposalId, b.value)));
    expect(await expectListedAsFlagged(consultationId, ids)).toEqual({
      [id]: true,
      [otherId]: true,
    });

    // Down and up again at once: in each collège one FOR turns AGAINST on `id` while the
    // thresholds move under them (share 0.5 then back to 0.6), and one AGAINST turns FOR on
    // `otherId`. Whatever the order, the stored flag ends equal to the rule.
    const forOf = (college: ActorType) => voters[college][0];
    const againstOf = (college: ActorType) => voters[college][9];
    await Promise.all([
      ...colleges.map((college) => vote(forOf(college).token, id, 'AGAINST')),
      ...colleges.map((college) => vote(againstOf(college).token, otherId, 'FOR')),
      setThresholds(consultationId, { minForShare: 0.5 }),
    ]);
    expect(await expectListedAsFlagged(consultationId, ids)).toEqual({
      [id]: true,
      [otherId]: true,
    });
    await Promise.all([
      setThresholds(consultationId, { minForShare: 0.6 }),
      ...colleges.map((college) => vote(againstOf(college).token, id, null)),
    ]);
    // On `id` each collège has 5 FOR among 9 votes: too few votes, and 55.6 % is below 60 %.
    expect(await expectListedAsFlagged(consultationId, ids)).toEqual({
      [id]: false,
      [otherId]: true,
    });
  }, 90_000);
});
