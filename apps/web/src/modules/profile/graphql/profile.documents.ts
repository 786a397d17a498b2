import { gql, type TypedDocumentNode } from '@apollo/client';
import type { ActorType, ProposalStatus } from '@passerelle/domain';
import type { PageInfo, VoteValue } from '../../../shared/graphql/schema-types';

interface ProposalLink {
  __typename?: 'Proposal';
  id: string;
  title: string;
  status: ProposalStatus;
}

interface Page<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
  totalCount: number;
}

export const MY_PROPOSALS_QUERY: TypedDocumentNode<
  {
    me: {
      __typename?: 'User';
      id: string;
      proposals: Page<
        ProposalLink & { votesFor: number; commentsCount: number; createdAt: string }
      >;
    } | null;
  },
  { after?: string | null }
> = gql`
  query MyProposals($after: String) {
    me {
      id
      proposals(after: $after) {
        edges {
          cursor
          node {
            id
            title
            status
            votesFor
            commentsCount
            createdAt
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
        totalCount
      }
    }
  }
`;

export const MY_VOTES_QUERY: TypedDocumentNode<
  {
    me: {
      __typename?: 'User';
      id: string;
      votes: Page<{
        __typename?: 'Vote';
        value: VoteValue;
        updatedAt: string;
        proposal: ProposalLink;
      }>;
    } | null;
  },
  { after?: string | null }
> = gql`
  query MyVotes($after: String) {
    me {
      id
      votes(after: $after) {
        edges {
          cursor
          node {
            value
            updatedAt
            proposal {
              id
              title
              status
            }
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
        totalCount
      }
    }
  }
`;

export const MY_COMMENTS_QUERY: TypedDocumentNode<
  {
    me: {
      __typename?: 'User';
      id: string;
      comments: Page<{
        __typename?: 'Comment';
        id: string;
        proposalId: string;
        body: string | null;
        isDeleted: boolean;
        createdAt: string;
      }>;
    } | null;
  },
  { after?: string | null }
> = gql`
  query MyComments($after: String) {
    me {
      id
      comments(after: $after) {
        edges {
          cursor
          node {
            id
            proposalId
            body
            isDeleted
            createdAt
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
        totalCount
      }
    }
  }
`;

export const MY_ORGANISATIONS_QUERY: TypedDocumentNode<
  {
    me: {
      __typename?: 'User';
      id: string;
      organisations: {
        __typename?: 'Organisation';
        id: string;
        name: string;
        actorType: ActorType;
      }[];
    } | null;
  },
  Record<string, never>
> = gql`
  query MyOrganisations {
    me {
      id
      organisations {
        id
        name
        actorType
      }
    }
  }
`;
