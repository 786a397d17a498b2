// GraphQL documents and helpers of the duplicate-cluster specs.
import {
  createConsultation,
  createProposal,
  createUser,
  factoryPrisma,
  PHASES,
} from '../../factories';
import { CAST_VOTE } from './participation';
import { dataOf, type TestApp } from './test-app';

const CLUSTER_FIELDS = `id reason createdAt undoneAt isActive
  lead { id status isClusterLead }
  members { id status isClusterLead cluster { id } }
  combinedSupport { participants votesFor votesAgainst votesNeutral sumOfVotes }`;

export const MERGE = `mutation Merge($input: MergeProposalsInput!) { mergeProposals(input: $input) { ${CLUSTER_FIELDS} } }`;
export const UNDO = `mutation Undo($input: UndoMergeInput!) { undoMerge(input: $input) { ${CLUSTER_FIELDS} } }`;
export const MOVE_VOTE = `mutation Move($input: MoveVoteInput!) {
  moveVote(input: $input) { id votesFor votesAgainst votesNeutral myVote }
}`;
export const CLUSTER = `query Cluster($id: ID!) { proposalCluster(id: $id) { ${CLUSTER_FIELDS} } }`;
export const PROPOSAL_CLUSTER = `query P($id: ID!) {
  proposal(id: $id) { id status title isClusterLead cluster { id lead { id } } }
}`;
export { CAST_VOTE };

export interface ClusterView {
  id: string;
  reason: string;
  undoneAt: string | null;
  isActive: boolean;
  lead: { id: string; status: string; isClusterLead: boolean };
  members: { id: string; status: string; isClusterLead: boolean; cluster: { id: string } | null }[];
  combinedSupport: {
    participants: number;
    votesFor: number;
    votesAgainst: number;
    votesNeutral: number;
    sumOfVotes: number;
  };
}

/** A consultation open to votes, with an author and `count` published proposals. */
export async function clusterFixture(count = 3) {
  const consultation = await createConsultation({ phases: PHASES.proposingClosed() });
  const authors = await Promise.all(Array.from({ length: count }, () => createUser()));
  const proposals: string[] = [];
  for (const author of authors) {
    proposals.push(
      (await createProposal({ consultationId: consultation.id, authorId: author.id })).id,
    );
  }
  return { consultationId: consultation.id, authors: authors.map((a) => a.id), proposals };
}

/** A participant (of a collège) and their token. */
export async function voter(
  api: TestApp,
  actorType: 'CITIZEN' | 'ASSOCIATION' | 'SME' = 'CITIZEN',
) {
  const user = await createUser({ actorType });
  return { id: user.id, token: await api.tokenFor(user) };
}

/** Casts a vote through the API (so counters move as in production). */
export async function castVote(api: TestApp, token: string, proposalId: string, value: string) {
  dataOf(await api.gql(CAST_VOTE, { input: { proposalId, value } }, { token }));
}

/**
 * Everything a merge then its undo must leave as it was: statuses, vote rows, counters, scores,
 * per-collège counts and comments of the proposals.
 */
export async function snapshotProposals(ids: string[]) {
  const prisma = factoryPrisma();
  const [proposals, votes, colleges, comments] = await Promise.all([
    prisma.proposal.findMany({
      where: { id: { in: ids } },
      orderBy: { id: 'asc' },
      select: {
        id: true,
        status: true,
        clusterId: true,
        votesFor: true,
        votesAgainst: true,
        votesNeutral: true,
        scoreTop: true,
        scoreHot: true,
        scoreControversial: true,
        commentsCount: true,
        hiddenAt: true,
      },
    }),
    prisma.vote.findMany({
      where: { proposalId: { in: ids } },
      orderBy: { id: 'asc' },
      select: { id: true, proposalId: true, userId: true, value: true, actorType: true },
    }),
    prisma.proposalCollegeCount.findMany({
      where: { proposalId: { in: ids } },
      orderBy: [{ proposalId: 'asc' }, { actorType: 'asc' }],
    }),
    prisma.comment.findMany({
      where: { proposalId: { in: ids } },
      orderBy: { id: 'asc' },
      select: { id: true, proposalId: true, body: true, hiddenAt: true, deletedAt: true },
    }),
  ]);
  return { proposals, votes, colleges, comments };
}
