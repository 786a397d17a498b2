import { proposalScores } from '@passerelle/domain';
import {
  closeFactories,
  createConsultation,
  createProposal,
  createUser,
  factoryPrisma,
  PHASES,
} from '../factories';
import {
  CAST_VOTE,
  expectCountersMatchRows,
  MY_ACTIVITY,
  RETRACT_VOTE,
} from './support/participation';
import { dataOf, firstError, type GqlResult, startTestApp, type TestApp } from './support/test-app';

type VoteResult = {
  id: string;
  votesFor: number;
  votesAgainst: number;
  votesNeutral: number;
  myVote: string | null;
  collegeVotes: {
    actorType: string;
    votesFor: number;
    votesAgainst: number;
    votesNeutral: number;
    total: number;
  }[];
};

const NIL_UUID = '00000000-0000-4000-8000-000000000000';

describe('castVote / retractVote', () => {
  let api: TestApp;
  let votingOpen: string;
  let votingClosed: string;
  let authorId: string;

  beforeAll(async () => {
    api = await startTestApp();
    votingOpen = (await createConsultation({ phases: PHASES.proposingClosed() })).id;
    votingClosed = (await createConsultation({ phases: PHASES.proposingOpen() })).id;
    authorId = (await createUser()).id;
  });
  afterAll(async () => {
    await api.close();
    await closeFactories();
  });

  async function voter(actorType: 'CITIZEN' | 'ASSOCIATION' | 'SME' = 'CITIZEN') {
    const user = await createUser({ actorType });
    return { user, token: await api.tokenFor(user) };
  }
  const proposal = async (overrides: { status?: 'WITHDRAWN' | 'SELECTED' | 'DRAFT' } = {}) =>
    (await createProposal({ consultationId: votingOpen, authorId, ...overrides })).id;
  const cast = (proposalId: string, value: string, token?: string) =>
    api.gql<{ castVote: VoteResult }>(CAST_VOTE, { input: { proposalId, value } }, { token });
  const retract = (proposalId: string, token?: string) =>
    api.gql<{ retractVote: VoteResult }>(RETRACT_VOTE, { proposalId }, { token });

  it('casts a vote: totals, per-collège counts, myVote and scores in one go', async () => {
    const proposalId = await proposal();
    const { token } = await voter('ASSOCIATION');
    const result = dataOf(await cast(proposalId, 'FOR', token)).castVote;
    expect(result).toEqual({
      id: proposalId,
      votesFor: 1,
      votesAgainst: 0,
      votesNeutral: 0,
      myVote: 'FOR',
      collegeVotes: [
        { actorType: 'ASSOCIATION', votesFor: 1, votesAgainst: 0, votesNeutral: 0, total: 1 },
      ],
    });
    const row = await factoryPrisma().proposal.findUniqueOrThrow({ where: { id: proposalId } });
    expect(row.scoreTop).toBeGreaterThan(0);
    await expectCountersMatchRows(proposalId);
  });

  it('is idempotent, moves the counts when the value changes, and retracts', async () => {
    const proposalId = await proposal();
    const { token } = await voter();
    await cast(proposalId, 'AGAINST', token);
    const again = dataOf(await cast(proposalId, 'AGAINST', token)).castVote;
    expect(again).toMatchObject({ votesFor: 0, votesAgainst: 1, myVote: 'AGAINST' });
    const changed = dataOf(await cast(proposalId, 'NEUTRAL', token)).castVote;
    expect(changed).toMatchObject({ votesAgainst: 0, votesNeutral: 1, myVote: 'NEUTRAL' });
    expect(changed.collegeVotes).toEqual([
      { actorType: 'CITIZEN', votesFor: 0, votesAgainst: 0, votesNeutral: 1, total: 1 },
    ]);
    const retracted = dataOf(await retract(proposalId, token)).retractVote;
    expect(retracted).toMatchObject({ votesNeutral: 0, myVote: null, collegeVotes: [] });
    const twice = dataOf(await retract(proposalId, token)).retractVote;
    expect(twice).toMatchObject({ votesFor: 0, votesAgainst: 0, votesNeutral: 0 });
    expect(await factoryPrisma().vote.count({ where: { proposalId } })).toBe(0);
    await expectCountersMatchRows(proposalId);
  });

  it('stores the scores of the totals after each vote, change and retraction', async () => {
    const proposalId = await proposal();
    const voters = await Promise.all([voter(), voter('SME'), voter('ASSOCIATION')]);
    const expectScoresOfTotals = async () => {
      const row = await factoryPrisma().proposal.findUniqueOrThrow({ where: { id: proposalId } });
      const expected = proposalScores(row, row.publishedAt ?? row.createdAt);
      expect({
        scoreTop: row.scoreTop,
        scoreHot: row.scoreHot,
        scoreControversial: row.scoreControversial,
      }).toEqual(expected);
      return row;
    };
    await Promise.all(voters.map(({ token }) => cast(proposalId, 'FOR', token)));
    expect((await expectScoresOfTotals()).votesFor).toBe(3);
    await cast(proposalId, 'AGAINST', voters[0].token);
    expect((await expectScoresOfTotals()).votesAgainst).toBe(1);
    await retract(proposalId, voters[1].token);
    expect(await expectScoresOfTotals()).toMatchObject({ votesFor: 1, votesAgainst: 1 });
    await expectCountersMatchRows(proposalId);
  });

  it("moves a vote to the voter's new collège when it changes", async () => {
    const proposalId = await proposal();
    const { user, token } = await voter('CITIZEN');
    await cast(proposalId, 'FOR', token);
    await factoryPrisma().user.update({ where: { id: user.id }, data: { actorType: 'SME' } });
    const moved = dataOf(await cast(proposalId, 'AGAINST', token)).castVote;
    expect(moved.collegeVotes).toEqual([
      { actorType: 'SME', votesFor: 0, votesAgainst: 1, votesNeutral: 0, total: 1 },
    ]);
    expect(await factoryPrisma().vote.findFirst({ where: { proposalId } })).toMatchObject({
      actorType: 'SME',
      value: 'AGAINST',
    });
    await expectCountersMatchRows(proposalId);
  });

  it('shows myVote to its voter only, and lists my votes newest first', async () => {
    const [first, second] = [await proposal(), await proposal()];
    const { token } = await voter();
    await cast(first, 'FOR', token);
    await cast(second, 'AGAINST', token);
    const query = `query($id: ID!) { proposal(id: $id) { myVote } }`;
    expect(
      dataOf(await api.gql<{ proposal: { myVote: string } }>(query, { id: first })).proposal.myVote,
    ).toBeNull();
    const other = await voter();
    expect(
      dataOf(
        await api.gql<{ proposal: { myVote: string } }>(
          query,
          { id: first },
          { token: other.token },
        ),
      ).proposal.myVote,
    ).toBeNull();

    type Activity = {
      me: {
        votes: {
          totalCount: number;
          pageInfo: { hasNextPage: boolean; endCursor: string };
          edges: { node: { value: string; proposal: { id: string } } }[];
        };
      };
    };
    const page1 = dataOf(await api.gql<Activity>(MY_ACTIVITY, { first: 1 }, { token })).me.votes;
    expect(page1.totalCount).toBe(2);
    expect(page1.edges.map((e) => [e.node.proposal.id, e.node.value])).toEqual([
      [second, 'AGAINST'],
    ]);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const page2 = dataOf(
      await api.gql<Activity>(
        MY_ACTIVITY,
        { first: 1, after: page1.pageInfo.endCursor },
        { token },
      ),
    ).me.votes;
    expect(page2.edges.map((e) => e.node.proposal.id)).toEqual([first]);
    expect(page2.pageInfo.hasNextPage).toBe(false);
    const bad = await api.gql(MY_ACTIVITY, { first: 1, after: 'nope' }, { token });
    expect(firstError(bad).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [expect.objectContaining({ field: 'after' })],
    });
  });

  it('keeps votes private: an administrator reading another account sees none', async () => {
    const { user, token } = await voter();
    await cast(await proposal(), 'FOR', token);
    const admin = await createUser({ role: 'ADMIN' });
    const result = await api.gql<{ changeUserRole: { votes: { totalCount: number } } }>(
      `mutation($input: ChangeUserRoleInput!) { changeUserRole(input: $input) { votes { totalCount } comments { totalCount } } }`,
      { input: { userId: user.id, role: 'MODERATOR' } },
      { token: await api.tokenFor(admin) },
    );
    expect(dataOf(result).changeUserRole).toEqual({
      votes: { totalCount: 0 },
      comments: { totalCount: 0 },
    });
  });

  it('refuses anonymous visitors', async () => {
    const proposalId = await proposal();
    const results: GqlResult<unknown>[] = [
      await cast(proposalId, 'FOR'),
      await retract(proposalId),
    ];
    for (const result of results) {
      expect(firstError(result).extensions).toMatchObject({
        code: 'UNAUTHENTICATED',
        reason: 'SIGN_IN_REQUIRED',
      });
    }
  });

  it('refuses votes outside the VOTING phase (FORBIDDEN / VOTING_CLOSED), in the language asked', async () => {
    const proposalId = (await createProposal({ consultationId: votingClosed, authorId })).id;
    const { token } = await voter();
    const result = await api.gql(
      CAST_VOTE,
      { input: { proposalId, value: 'FOR' } },
      { token, lang: 'en' },
    );
    expect(firstError(result)).toMatchObject({
      message: 'Voting is not open for this consultation.',
      extensions: { code: 'FORBIDDEN', reason: 'VOTING_CLOSED' },
    });
    expect(firstError(await retract(proposalId, token)).extensions?.reason).toBe('VOTING_CLOSED');
    expect(await factoryPrisma().vote.count({ where: { proposalId } })).toBe(0);
  });

  it.each(['WITHDRAWN', 'SELECTED'] as const)(
    'refuses votes on a %s proposal (FORBIDDEN / PROPOSAL_CLOSED_TO_VOTES)',
    async (status) => {
      const proposalId = await proposal({ status });
      const { token } = await voter();
      expect(firstError(await cast(proposalId, 'FOR', token)).extensions).toMatchObject({
        code: 'FORBIDDEN',
        reason: 'PROPOSAL_CLOSED_TO_VOTES',
      });
    },
  );

  it('answers NOT_FOUND for a draft, an unknown or a malformed proposal id', async () => {
    const { token } = await voter();
    for (const id of [await proposal({ status: 'DRAFT' }), NIL_UUID, 'not-an-id']) {
      expect(firstError(await cast(id, 'FOR', token)).extensions).toMatchObject({
        code: 'NOT_FOUND',
        reason: 'PROPOSAL_NOT_FOUND',
      });
    }
  });

  it('refuses an unknown vote value (invalid input)', async () => {
    const proposalId = await proposal();
    const { token } = await voter();
    const result = await cast(proposalId, 'MAYBE', token);
    expect(result.errors?.length).toBeGreaterThan(0);
    expect(await factoryPrisma().vote.count({ where: { proposalId } })).toBe(0);
  });
});
