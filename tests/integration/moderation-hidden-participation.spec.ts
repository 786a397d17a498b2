import {
  closeFactories,
  createConsultation,
  createProposal,
  createUser,
  factoryPrisma,
  PHASES,
} from '../factories';
import { CAST_VOTE, FOLLOW } from './support/participation';
import { firstError, startTestApp, type TestApp } from './support/test-app';

// A proposal hidden by moderation takes no votes or follows: those who may not see it are told it
// does not exist; its author and moderators, who still see it, are told it is closed to votes.
describe('participation on a hidden proposal', () => {
  let api: TestApp;
  let consultationId: string;

  beforeAll(async () => {
    api = await startTestApp();
    consultationId = (await createConsultation({ phases: PHASES.proposingClosed() })).id;
  });
  afterAll(async () => {
    await api.close();
    await closeFactories();
  });

  async function hiddenProposal() {
    const author = await createUser();
    const { id } = await createProposal({ consultationId, authorId: author.id });
    await factoryPrisma().proposal.update({ where: { id }, data: { hiddenAt: new Date() } });
    return { id, author };
  }

  it('answers NOT_FOUND to a participant who votes on it, and counts nothing', async () => {
    const { id } = await hiddenProposal();
    const stranger = await createUser();
    const result = await api.gql(
      CAST_VOTE,
      { input: { proposalId: id, value: 'FOR' } },
      { token: await api.tokenFor(stranger) },
    );
    expect(firstError(result).extensions).toMatchObject({
      code: 'NOT_FOUND',
      reason: 'PROPOSAL_NOT_FOUND',
    });
    const row = await factoryPrisma().proposal.findUniqueOrThrow({ where: { id } });
    expect(row.votesFor).toBe(0);
    expect(await factoryPrisma().vote.count({ where: { proposalId: id } })).toBe(0);
  });

  it('tells a moderator, who can see it, that it is closed to votes', async () => {
    const { id } = await hiddenProposal();
    const moderator = await createUser({ role: 'MODERATOR' });
    const result = await api.gql(
      CAST_VOTE,
      { input: { proposalId: id, value: 'AGAINST' } },
      { token: await api.tokenFor(moderator) },
    );
    expect(firstError(result).extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'PROPOSAL_CLOSED_TO_VOTES',
    });
  });

  it('answers NOT_FOUND to a participant who follows it', async () => {
    const { id } = await hiddenProposal();
    const stranger = await createUser();
    const result = await api.gql(
      FOLLOW,
      { proposalId: id },
      { token: await api.tokenFor(stranger) },
    );
    expect(firstError(result).extensions).toMatchObject({
      code: 'NOT_FOUND',
      reason: 'PROPOSAL_NOT_FOUND',
    });
    expect(await factoryPrisma().proposalFollow.count({ where: { proposalId: id } })).toBe(0);
  });
});
