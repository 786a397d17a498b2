import { gql, type TypedDocumentNode } from '@apollo/client';
import type { CompetentLevel, Lever } from '@passerelle/domain';
import type {
  PageInfo,
  ProposalDetail,
  ProposalSummary,
  Theme,
} from '../../../shared/graphql/schema-types';
import { TERRITORY_FIELDS } from '../../territories/graphql/territories.documents';

const PROPOSAL_SUMMARY_FIELDS = gql`
  fragment ProposalSummaryFields on Proposal {
    id
    title
    summary
    status
    themes {
      id
      slug
      name
    }
    territory {
      ...TerritoryFields
    }
    author {
      id
      displayName
      actorType
    }
    votesFor
    votesAgainst
    votesNeutral
    commentsCount
    publishedAt
    createdAt
  }
  ${TERRITORY_FIELDS}
`;

export interface ProposalsData {
  proposals: {
    edges: { cursor: string; node: ProposalSummary }[];
    pageInfo: PageInfo;
    totalCount: number;
  };
}

export const PROPOSALS_PAGE_SIZE = 10;

export const PROPOSALS_QUERY: TypedDocumentNode<
  ProposalsData,
  { first?: number; after?: string | null; consultationId?: string }
> = gql`
  query Proposals($first: Int, $after: String, $consultationId: ID) {
    proposals(first: $first, after: $after, consultationId: $consultationId, order: NEWEST) {
      edges {
        cursor
        node {
          ...ProposalSummaryFields
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
      totalCount
    }
  }
  ${PROPOSAL_SUMMARY_FIELDS}
`;

const PROPOSAL_DETAIL_FIELDS = gql`
  fragment ProposalDetailFields on Proposal {
    ...ProposalSummaryFields
    body
    competentLevel
    lever
    experiment
    measuredImpact
    organisation {
      id
      name
      actorType
    }
    consultation {
      id
      slug
      title
    }
    updatedAt
  }
  ${PROPOSAL_SUMMARY_FIELDS}
`;

export const PROPOSAL_QUERY: TypedDocumentNode<{ proposal: ProposalDetail }, { id: string }> = gql`
  query Proposal($id: ID!) {
    proposal(id: $id) {
      ...ProposalDetailFields
    }
  }
  ${PROPOSAL_DETAIL_FIELDS}
`;

export const THEMES_QUERY: TypedDocumentNode<{ themes: Theme[] }, Record<string, never>> = gql`
  query Themes {
    themes {
      id
      slug
      name
    }
  }
`;

export interface SubmitProposalInput {
  consultationId: string;
  title: string;
  summary: string;
  body: string;
  themeIds: string[];
  territoryId: string;
  competentLevel: CompetentLevel;
  lever: Lever;
  experiment?: string | null;
  measuredImpact?: string | null;
}

export const SUBMIT_PROPOSAL_MUTATION: TypedDocumentNode<
  { submitProposal: ProposalDetail },
  { input: SubmitProposalInput }
> = gql`
  mutation SubmitProposal($input: SubmitProposalInput!) {
    submitProposal(input: $input) {
      ...ProposalDetailFields
    }
  }
  ${PROPOSAL_DETAIL_FIELDS}
`;
