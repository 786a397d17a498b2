import {
  closeFactories,
  createConsultation,
  createProposal,
  createUser,
  factoryPrisma,
  PHASES,
} from '../factories';
import { createManyUsers, expectCountersMatchRows, inBatches } from './support/participation';
import { startTestApp, type TestApp } from './support/test-app';

const VALUES = ['FOR', 'AGAINST', 'NEUTRAL'] as const;
// Light documents: the load is on the vote transaction, not on resolving fields.
const CAST_VOTE = `mutation($input: CastVoteInput!) { castVote(input: $input) { id votesFor } }`;
const RETRACT_VOTE = `mutation($proposalId: ID!) { retractVote(proposalId: $proposalId) { id votesFor } }`;
// Hundreds of HTTP calls on a 2-core machine shared with another test file.
const SLOW = 90_000;

describe('votes under concurrency', () => {
  let api: TestApp;
  let consultationId: string;
  let authorId: string;

  beforeAll(async () => {
    api = await startTestApp();
    consultationId = (await createConsultation({ phases: PHASES.proposingClosed() })).id;
    authorId = (await createUser()).id;
  });
  afterAll(async () => {
    await api.close();
    await closeFactories();
  });

  const newProposal = async () => (await createProposal({ consultationId, authorId })).id;

  it(
    '100 parallel castVote calls from one participant leave one vote and exact counters',
    async () => {
      const proposalId = await newProposal();
      const user = await createUser({ actorType: 'SME' });
      const token = await api.tokenFor(user);
      const results = await Promise.all(
        Array.from({ length: 100 }, (_, i) =>
          api.gql(CAST_VOTE, { input: { proposalId, value: VALUES[i % 3] } }, { token }),
        ),
      );
      expect(results.filter((r) => r.errors)).toEqual([]);
      const rows = await factoryPrisma().vote.findMany({ where: { proposalId } });
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ userId: user.id, actorType: 'SME' });
      expect(await expectCountersMatchRows(proposalId)).toBe(1);
    },
    SLOW,
  );

  it(
    '200 participants voting in parallel, then changing or retracting in parallel, keep every counter equal to COUNT(*)',
    async () => {
      const proposalId = await newProposal();
      const users = await createManyUsers(200);
      const tokens = await Promise.all(users.map((user) => api.tokenFor(user)));

      const cast = await inBatches(
        tokens.map(
          (token, i) => () =>
            api.gql(CAST_VOTE, { input: { proposalId, value: VALUES[(i * 7) % 3] } }, { token }),
        ),
        50,
      );
      expect(cast.filter((r) => r.errors)).toEqual([]);
      expect(await expectCountersMatchRows(proposalId)).toBe(200);
      const rows = await factoryPrisma().vote.findMany({ where: { proposalId } });
      expect(new Set(rows.map((row) => row.userId)).size).toBe(200);

      // Every participant fires its second move twice at once: change, same value, or retract.
      const second = await inBatches(
        tokens.flatMap((token, i) => {
          const move = () =>
            i % 4 === 0
              ? api.gql(RETRACT_VOTE, { proposalId }, { token })
              : api.gql(CAST_VOTE, { input: { proposalId, value: VALUES[i % 3] } }, { token });
          return [move, move];
        }),
        50,
      );
      expect(second.filter((r) => r.errors)).toEqual([]);
      expect(await expectCountersMatchRows(proposalId)).toBe(150);
    },
    SLOW,
  );

  it(
    'parallel cast/retract mixes from the same participants stay consistent',
    async () => {
      const proposalId = await newProposal();
      const users = await createManyUsers(40);
      const tokens = await Promise.all(users.map((user) => api.tokenFor(user)));
      const calls = tokens.flatMap((token, i) =>
        Array.from(
          { length: 6 },
          (_, k) => () =>
            (i + k) % 2 === 0
              ? api.gql(RETRACT_VOTE, { proposalId }, { token })
              : api.gql(
                  CAST_VOTE,
                  { input: { proposalId, value: VALUES[(i + k) % 3] } },
                  { token },
                ),
        ),
      );
      // A fixed permutation (37 is prime to 240) so each participant's calls spread over batches.
      const results = await inBatches(
        calls.map((_, j) => calls[(j * 37) % calls.length]),
        60,
      );
      expect(results.filter((r) => r.errors)).toEqual([]);
      const total = await expectCountersMatchRows(proposalId);
      expect(total).toBeLessThanOrEqual(40);
      expect(await factoryPrisma().vote.count({ where: { proposalId } })).toBe(total);
    },
    SLOW,
  );
});
