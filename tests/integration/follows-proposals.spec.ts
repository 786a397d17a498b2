import {
  closeFactories,
  createConsultation,
  createProposal,
  createUser,
  factoryPrisma,
} from '../factories';
import { FOLLOW, UNFOLLOW } from './support/participation';
import { dataOf, firstError, type GqlResult, startTestApp, type TestApp } from './support/test-app';

type FollowData = { id: string; isFollowedByMe: boolean; followersCount: number };

describe('followProposal / unfollowProposal', () => {
  let api: TestApp;
  let consultationId: string;
  let authorId: string;

  beforeAll(async () => {
    api = await startTestApp();
    consultationId = (await createConsultation()).id;
    authorId = (await createUser()).id;
  });
  afterAll(async () => {
    await api.close();
    await closeFactories();
  });

  const follow = (proposalId: string, token?: string) =>
    api.gql<{ followProposal: FollowData }>(FOLLOW, { proposalId }, { token });
  const unfollow = (proposalId: string, token?: string) =>
    api.gql<{ unfollowProposal: FollowData }>(UNFOLLOW, { proposalId }, { token });

  it('follows idempotently, counts followers and unfollows idempotently', async () => {
    const proposalId = (await createProposal({ consultationId, authorId })).id;
    const [ann, bob] = await Promise.all([createUser(), createUser()]);
    const [annToken, bobToken] = await Promise.all([api.tokenFor(ann), api.tokenFor(bob)]);

    expect(dataOf(await follow(proposalId, annToken)).followProposal).toEqual({
      id: proposalId,
      isFollowedByMe: true,
      followersCount: 1,
    });
    expect(dataOf(await follow(proposalId, annToken)).followProposal.followersCount).toBe(1);
    expect(dataOf(await follow(proposalId, bobToken)).followProposal.followersCount).toBe(2);

    const query = `query($id: ID!) { proposal(id: $id) { isFollowedByMe followersCount } }`;
    expect(
      dataOf(await api.gql<{ proposal: FollowData }>(query, { id: proposalId })).proposal,
    ).toEqual({
      isFollowedByMe: false,
      followersCount: 2,
    });

    expect(dataOf(await unfollow(proposalId, annToken)).unfollowProposal).toEqual({
      id: proposalId,
      isFollowedByMe: false,
      followersCount: 1,
    });
    expect(dataOf(await unfollow(proposalId, annToken)).unfollowProposal.followersCount).toBe(1);
    expect(await factoryPrisma().proposalFollow.count({ where: { proposalId } })).toBe(1);
  });

  it('refuses anonymous visitors', async () => {
    const proposalId = (await createProposal({ consultationId, authorId })).id;
    const results: GqlResult<unknown>[] = [await follow(proposalId), await unfollow(proposalId)];
    for (const result of results) {
      expect(firstError(result).extensions).toMatchObject({
        code: 'UNAUTHENTICATED',
        reason: 'SIGN_IN_REQUIRED',
      });
    }
  });

  it('answers NOT_FOUND for a withdrawn, unknown or malformed proposal', async () => {
    const token = await api.tokenFor(await createUser());
    const withdrawn = (await createProposal({ consultationId, authorId, status: 'WITHDRAWN' })).id;
    for (const id of [withdrawn, '00000000-0000-4000-8000-000000000000', 'nope']) {
      expect(firstError(await follow(id, token)).extensions).toMatchObject({
        code: 'NOT_FOUND',
        reason: 'PROPOSAL_NOT_FOUND',
      });
    }
  });
});
