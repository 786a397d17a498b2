import { gql, type TypedDocumentNode } from '@apollo/client';
import type { CompetentLevel, Lever, ProposalStatus } from '@passerelle/domain';
import type {
  CollegeThresholds,
  ProposalConnection,
  ProposalDetail,
  ProposalDraftState,
  ProposalFilter,
  ProposalOrderBy,
  ProposalRevision,
  ProposalStatusChange,
  PublishProposalInput,
  Theme,
} from '../../../shared/graphql/schema-types';
import { TERRITORY_FIELDS } from '../../territories/graphql/territories.documents';
import { SUPPORT_BREADTH_FIELDS } from '../../votes/graphql/votes.documents';

const PROPOSAL_SUMMARY_FIELDS = gql`
  fragment ProposalSummaryFields on Proposal {
    id
    erased
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
      deleted
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
  proposals: ProposalConnection;
}

export const PROPOSALS_PAGE_SIZE = 10;

export interface ProposalsVariables {
  first?: number;
  after?: string | null;
  filter?: ProposalFilter | null;
  orderBy?: ProposalOrderBy;
  search?: string | null;
}

/** A page of public proposals: filters, order and French full-text search (issue 3 arguments). */
export const PROPOSALS_QUERY: TypedDocumentNode<ProposalsData, ProposalsVariables> = gql`
  query Proposals(
    $first: Int
    $after: String
    $filter: ProposalFilter
    $orderBy: ProposalOrderBy
    $search: String
  ) {
    proposals(first: $first, after: $after, filter: $filter, orderBy: $orderBy, search: $search) {
      edges {
        cursor
        node {
          ...ProposalSummaryFields
          supportBreadth {
            ...SupportBreadthFields
          }
        }
        highlight {
          title {
            text
            isMatch
          }
          snippet {
            text
            isMatch
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
      totalCount
      totalCountCapped
    }
  }
  ${PROPOSAL_SUMMARY_FIELDS}
  ${SUPPORT_BREADTH_FIELDS}
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
    version
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
  organisationId?: string | null;
  /** Registry experiments cited as evidence (issue 10); on an edit, absent = unchanged. */
  experimentIds?: string[] | null;
  /** Saved as a DRAFT (only its author and invited co-writers read it); absent: published now. */
  asDraft?: boolean | null;
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

/** Issue 3 fields of the proposal page, asked apart so that an older API still shows the page. */
export const PROPOSAL_BODY_QUERY: TypedDocumentNode<
  { proposal: { __typename?: 'Proposal'; id: string; bodyHtml: string; canEdit: boolean } },
  { id: string }
> = gql`
  query ProposalBody($id: ID!) {
    proposal(id: $id) {
      id
      bodyHtml
      canEdit
    }
  }
`;

export interface ProposalFollow {
  __typename?: 'Proposal';
  id: string;
  isFollowedByMe: boolean;
  followersCount: number;
}

export const PROPOSAL_FOLLOW_QUERY: TypedDocumentNode<
  { proposal: ProposalFollow },
  { id: string }
> = gql`
  query ProposalFollow($id: ID!) {
    proposal(id: $id) {
      id
      isFollowedByMe
      followersCount
    }
  }
`;

export const FOLLOW_PROPOSAL_MUTATION: TypedDocumentNode<
  { followProposal: ProposalFollow },
  { proposalId: string }
> = gql`
  mutation FollowProposal($proposalId: ID!) {
    followProposal(proposalId: $proposalId) {
      id
      isFollowedByMe
      followersCount
    }
  }
`;

export const UNFOLLOW_PROPOSAL_MUTATION: TypedDocumentNode<
  { unfollowProposal: ProposalFollow },
  { proposalId: string }
> = gql`
  mutation UnfollowProposal($proposalId: ID!) {
    unfollowProposal(proposalId: $proposalId) {
      id
      isFollowedByMe
      followersCount
    }
  }
`;

export const PROPOSAL_HISTORY_QUERY: TypedDocumentNode<
  {
    proposal: {
      __typename?: 'Proposal';
      id: string;
      version: number;
      revisions: ProposalRevision[];
      statusHistory: ProposalStatusChange[];
    };
  },
  { id: string }
> = gql`
  query ProposalHistory($id: ID!) {
    proposal(id: $id) {
      id
      version
      revisions {
        version
        title
        summary
        body
        bodyHtml
        experiment
        measuredImpact
        editor {
          id
          displayName
          actorType
          deleted
        }
        createdAt
      }
      statusHistory {
        from
        to
        actor {
          id
          displayName
          actorType
          deleted
        }
        reason
        at
      }
    }
  }
`;

export interface SimilarProposal {
  __typename?: 'SimilarProposal';
  similarity: number;
  proposal: { __typename?: 'Proposal'; id: string; title: string; status: ProposalStatus };
}

export const SIMILAR_PROPOSALS_QUERY: TypedDocumentNode<
  { similarProposals: SimilarProposal[] },
  { title: string; consultationId?: string | null; excludeId?: string | null }
> = gql`
  query SimilarProposals($title: String!, $consultationId: ID, $excludeId: ID) {
    similarProposals(
      title: $title
      consultationId: $consultationId
      excludeId: $excludeId
      first: 5
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

export type UpdateProposalInput = Omit<
  SubmitProposalInput,
  'consultationId' | 'organisationId' | 'asDraft'
> & {
  proposalId: string;
  expectedVersion: number;
};

export const UPDATE_PROPOSAL_MUTATION: TypedDocumentNode<
  { updateProposal: ProposalDetail & { bodyHtml: string } },
  { input: UpdateProposalInput }
> = gql`
  mutation UpdateProposal($input: UpdateProposalInput!) {
    updateProposal(input: $input) {
      ...ProposalDetailFields
      bodyHtml
      canEdit
    }
  }
  ${PROPOSAL_DETAIL_FIELDS}
`;

export const WITHDRAW_PROPOSAL_MUTATION: TypedDocumentNode<
  { withdrawProposal: ProposalDetail },
  { input: { proposalId: string; reason?: string | null } }
> = gql`
  mutation WithdrawProposal($input: WithdrawProposalInput!) {
    withdrawProposal(input: $input) {
      ...ProposalDetailFields
      canEdit
    }
  }
  ${PROPOSAL_DETAIL_FIELDS}
`;

/** A draft's state for the proposal page: whether the viewer may publish it (its author). */
export const PROPOSAL_DRAFT_QUERY: TypedDocumentNode<
  { proposal: ProposalDraftState },
  { id: string }
> = gql`
  query ProposalDraft($id: ID!) {
    proposal(id: $id) {
      id
      status
      viewerCanPublish
    }
  }
`;

/**
 * Its author publishes a draft. The answer carries what the page shows (status, date, whether
 * pre-moderation holds it, who may still publish or edit it), so the cache updates the page.
 */
export const PUBLISH_PROPOSAL_MUTATION: TypedDocumentNode<
  { publishProposal: ProposalDetail & ProposalDraftState & { awaitingReview: boolean } },
  { input: PublishProposalInput }
> = gql`
  mutation PublishProposal($input: PublishProposalInput!) {
    publishProposal(input: $input) {
      ...ProposalDetailFields
      viewerCanPublish
      awaitingReview
      canEdit
    }
  }
  ${PROPOSAL_DETAIL_FIELDS}
`;

/** Whether pre-moderation holds the proposal (asked apart so an older API still shows the page). */
export const PROPOSAL_REVIEW_QUERY: TypedDocumentNode<
  { proposal: { __typename?: 'Proposal'; id: string; awaitingReview: boolean } },
  { id: string }
> = gql`
  query ProposalReview($id: ID!) {
    proposal(id: $id) {
      id
      awaitingReview
    }
  }
`;

/** Each consultation's collège thresholds, to explain the broad support filter. */
export const CONSULTATION_THRESHOLDS_QUERY: TypedDocumentNode<
  {
    consultations: {
      __typename?: 'Consultation';
      id: string;
      settings: { __typename?: 'ConsultationSettings'; collegeThresholds: CollegeThresholds };
    }[];
  },
  Record<string, never>
> = gql`
  query ConsultationThresholds {
    consultations {
      id
      settings {
        collegeThresholds {
          minForShare
          minColleges
          minVotesPerCollege
        }
      }
    }
  }
`;
