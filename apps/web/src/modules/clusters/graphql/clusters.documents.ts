import { gql, type TypedDocumentNode } from '@apollo/client';
import type { ProposalStatus } from '@passerelle/domain';
import type { ProposalCluster, VoteValue } from '../../../shared/graphql/schema-types';

const CLUSTER_MEMBER_FIELDS = gql`
  fragment ClusterMemberFields on Proposal {
    id
    erased
    title
    status
    author {
      id
      displayName
      actorType
      deleted
    }
    votesFor
    votesAgainst
    votesNeutral
  }
`;

const CLUSTER_FIELDS = gql`
  fragment ClusterFields on ProposalCluster {
    id
    reason
    createdAt
    undoneAt
    isActive
    lead {
      ...ClusterMemberFields
    }
    members {
      ...ClusterMemberFields
    }
    combinedSupport {
      participants
      votesFor
      votesAgainst
      votesNeutral
      sumOfVotes
    }
  }
  ${CLUSTER_MEMBER_FIELDS}
`;

export const PROPOSAL_CLUSTER_QUERY: TypedDocumentNode<
  { proposalCluster: ProposalCluster },
  { id: string }
> = gql`
  query ProposalCluster($id: ID!) {
    proposalCluster(id: $id) {
      ...ClusterFields
    }
  }
  ${CLUSTER_FIELDS}
`;

export const MERGE_PROPOSALS_MUTATION: TypedDocumentNode<
  { mergeProposals: ProposalCluster },
  { input: { leadProposalId: string; proposalIds: string[]; reason: string } }
> = gql`
  mutation MergeProposals($input: MergeProposalsInput!) {
    mergeProposals(input: $input) {
      ...ClusterFields
    }
  }
  ${CLUSTER_FIELDS}
`;

export const UNDO_MERGE_MUTATION: TypedDocumentNode<
  { undoMerge: ProposalCluster },
  { input: { clusterId: string; reason: string } }
> = gql`
  mutation UndoMerge($input: UndoMergeInput!) {
    undoMerge(input: $input) {
      ...ClusterFields
    }
  }
  ${CLUSTER_FIELDS}
`;

/** A proposal's place in a cluster, asked apart so an older API still shows the proposal page. */
export interface ProposalClusterInfo {
  __typename?: 'Proposal';
  id: string;
  status: ProposalStatus;
  myVote: VoteValue | null;
  isClusterLead: boolean;
  cluster: {
    __typename?: 'ProposalCluster';
    id: string;
    isActive: boolean;
    lead: { __typename?: 'Proposal'; id: string; title: string };
    members: { __typename?: 'Proposal'; id: string }[];
  } | null;
}

export const PROPOSAL_CLUSTER_INFO_QUERY: TypedDocumentNode<
  { proposal: ProposalClusterInfo },
  { id: string }
> = gql`
  query ProposalClusterInfo($id: ID!) {
    proposal(id: $id) {
      id
      status
      myVote
      isClusterLead
      cluster {
        id
        isActive
        lead {
          id
          title
        }
        members {
          id
        }
      }
    }
  }
`;

export const MOVE_VOTE_MUTATION: TypedDocumentNode<
  {
    moveVote: {
      __typename?: 'Proposal';
      id: string;
      myVote: VoteValue | null;
      votesFor: number;
      votesAgainst: number;
      votesNeutral: number;
    };
  },
  { input: { fromProposalId: string; toProposalId: string } }
> = gql`
  mutation MoveVote($input: MoveVoteInput!) {
    moveVote(input: $input) {
      id
      myVote
      votesFor
      votesAgainst
      votesNeutral
    }
  }
`;

export interface MergeCandidate {
  __typename?: 'SimilarProposal';
  similarity: number;
  proposal: { __typename?: 'Proposal'; id: string; title: string; status: ProposalStatus };
}

/** Proposals of the same consultation whose title looks like the lead's (for the merge dialog). */
export const MERGE_CANDIDATES_QUERY: TypedDocumentNode<
  { similarProposals: MergeCandidate[] },
  { title: string; consultationId: string; excludeId: string }
> = gql`
  query MergeCandidates($title: String!, $consultationId: ID, $excludeId: ID) {
    similarProposals(
      title: $title
      consultationId: $consultationId
      excludeId: $excludeId
      first: 10
    ) {
      similarity
      proposal {
        id
        title
        status
      }
    }
  }
`;
