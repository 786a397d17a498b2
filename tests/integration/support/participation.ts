// GraphQL documents and helpers shared by the votes, comments and follows integration tests.
import { randomUUID } from 'node:crypto';
import { proposalScores } from '@passerelle/domain';
import { type ActorType } from '../../../apps/api/src/generated/prisma/client';
import { factoryPrisma, uniqueKey } from '../../factories';

export const VOTE_FIELDS = `id votesFor votesAgainst votesNeutral myVote
  collegeVotes { actorType votesFor votesAgainst votesNeutral total }`;

export const CAST_VOTE = `mutation CastVote($input: CastVoteInput!) { castVote(input: $input) { ${VOTE_FIELDS} } }`;
export const RETRACT_VOTE = `mutation RetractVote($proposalId: ID!) { retractVote(proposalId: $proposalId) { ${VOTE_FIELDS} } }`;
export const FOLLOW = `mutation Follow($proposalId: ID!) { followProposal(proposalId: $proposalId) { id isFollowedByMe followersCount } }`;
export const UNFOLLOW = `mutation Unfollow($proposalId: ID!) { unfollowProposal(proposalId: $proposalId) { id isFollowedByMe followersCount } }`;

export const COMMENT_FIELDS = `id proposalId parentId body bodyHtml stance isDeleted isEdited upvotes hasMyUpvote canEdit
  createdAt editedAt author { id displayName }`;
export const ADD_COMMENT = `mutation AddComment($input: AddCommentInput!) { addComment(input: $input) { ${COMMENT_FIELDS} } }`;
export const EDIT_COMMENT = `mutation EditComment($input: EditCommentInput!) { editComment(input: $input) { ${COMMENT_FIELDS} } }`;
export const DELETE_COMMENT = `mutation DeleteComment($commentId: ID!) { deleteComment(commentId: $commentId) { ${COMMENT_FIELDS} } }`;
export const UPVOTE_COMMENT = `mutation Upvote($commentId: ID!) { upvoteComment(commentId: $commentId) { id upvotes hasMyUpvote } }`;
export const REMOVE_UPVOTE = `mutation RemoveUpvote($commentId: ID!) { removeCommentUpvote(commentId: $commentId) { id upvotes hasMyUpvote } }`;

export const PROPOSAL_THREAD = `query Thread($id: ID!, $first: Int, $after: String) {
  proposal(id: $id) {
    id commentsCount isFollowedByMe followersCount myVote
    comments(first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor }
      edges { cursor node { ${COMMENT_FIELDS} replies { ${COMMENT_FIELDS} replies { id body } } } }
    }
  }
}`;

export const MY_ACTIVITY = `query MyActivity($first: Int, $after: String) {
  me {
    id
    votes(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { value updatedAt proposal { id title } } } }
    comments(first: $first) { totalCount edges { node { id body proposalId } } }
  }
}`;

const ACTOR_TYPES: ActorType[] = [
  'CITIZEN',
  'ASSOCIATION',
  'ESS_ENTERPRISE',
  'SME',
  'LOCAL_AUTHORITY',
  'UNIVERSITY',
  'PTCE',
];

/** Many accounts in one INSERT (no usable password: the tests sign their tokens). */
export async function createManyUsers(
  count: number,
): Promise<{ id: string; role: 'PARTICIPANT'; actorType: ActorType }[]> {
  const key = uniqueKey('crowd');
  const users = Array.from({ length: count }, (_, index) => ({
    id: randomUUID(),
    email: `${key}-${index}@example.org`,
    displayName: `Votant ${index}`,
    passwordHash: 'not-a-hash',
    role: 'PARTICIPANT' as const,
    actorType: ACTOR_TYPES[index % ACTOR_TYPES.length],
  }));
  await factoryPrisma().user.createMany({ data: users });
  return users.map(({ id, role, actorType }) => ({ id, role, actorType }));
}

/** Runs the tasks `size` at a time. */
export async function inBatches<T>(tasks: (() => Promise<T>)[], size: number): Promise<T[]> {
  const results: T[] = [];
  for (let i = 0; i < tasks.length; i += size) {
    results.push(...(await Promise.all(tasks.slice(i, i + size).map((task) => task()))));
  }
  return results;
}

/**
 * Checks every counter of a proposal against its vote rows: totals, per-collège rows and the
 * stored scores. Returns the number of votes.
 */
export async function expectCountersMatchRows(proposalId: string): Promise<number> {
  const prisma = factoryPrisma();
  const [proposal, byValue, byCollege, colleges, perUser] = await Promise.all([
    prisma.proposal.findUniqueOrThrow({ where: { id: proposalId } }),
    prisma.vote.groupBy({ by: ['value'], where: { proposalId }, _count: { _all: true } }),
    prisma.vote.groupBy({
      by: ['actorType', 'value'],
      where: { proposalId },
      _count: { _all: true },
    }),
    prisma.proposalCollegeCount.findMany({ where: { proposalId } }),
    prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM votes
      WHERE "proposalId" = ${proposalId}::uuid GROUP BY "userId" HAVING count(*) > 1`,
  ]);
  expect(perUser).toEqual([]);
  const count = (value: string, actorType?: string) =>
    (actorType ? byCollege : byValue)
      .filter(
        (row) =>
          row.value === value &&
          (!actorType || ('actorType' in row && row.actorType === actorType)),
      )
      .reduce((sum, row) => sum + row._count._all, 0);
  expect({
    votesFor: proposal.votesFor,
    votesAgainst: proposal.votesAgainst,
    votesNeutral: proposal.votesNeutral,
  }).toEqual({
    votesFor: count('FOR'),
    votesAgainst: count('AGAINST'),
    votesNeutral: count('NEUTRAL'),
  });
  for (const actorType of ACTOR_TYPES) {
    const row = colleges.find((c) => c.actorType === actorType);
    expect({
      actorType,
      votesFor: row?.votesFor ?? 0,
      votesAgainst: row?.votesAgainst ?? 0,
      votesNeutral: row?.votesNeutral ?? 0,
    }).toEqual({
      actorType,
      votesFor: count('FOR', actorType),
      votesAgainst: count('AGAINST', actorType),
      votesNeutral: count('NEUTRAL', actorType),
    });
  }
  const scores = proposalScores(proposal, proposal.publishedAt ?? proposal.createdAt);
  expect(proposal.scoreTop).toBeCloseTo(scores.scoreTop, 9);
  expect(proposal.scoreHot).toBeCloseTo(scores.scoreHot, 9);
  expect(proposal.scoreControversial).toBeCloseTo(scores.scoreControversial, 9);
  return proposal.votesFor + proposal.votesAgainst + proposal.votesNeutral;
}
