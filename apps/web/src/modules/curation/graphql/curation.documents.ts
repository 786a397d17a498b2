import { gql, type TypedDocumentNode } from '@apollo/client';
import type {
  Brief,
  BriefStatus,
  CandidateProposal,
  PageInfo,
  ProposalFilter,
  ProposalOpinions,
  ProposalOrderBy,
} from '../../../shared/graphql/schema-types';
import { PROPOSAL_OPINIONS_FIELDS } from '../../opinions/graphql/opinions.documents';
import { CITED_EXPERIMENT_FIELDS } from '../../proposals/graphql/proposal-experiments.documents';

const CURATED_PROPOSAL_FIELDS = gql`
  fragment CuratedProposalFields on Proposal {
    id
    title
    summary
    status
    votesFor
    votesAgainst
    votesNeutral
    collegeVotes {
      actorType
      votesFor
      votesAgainst
      votesNeutral
      total
    }
    opinions {
      ...ProposalOpinionsFields
    }
  }
  ${PROPOSAL_OPINIONS_FIELDS}
`;

/** Everything the editor reads of a working copy. */
export const BRIEF_FIELDS = gql`
  fragment BriefFields on Brief {
    id
    slug
    title
    introduction
    introductionHtml
    status
    revision
    publishedVersion
    consultations {
      id
      slug
      title
    }
    sections {
      id
      position
      title
      synthesis
      synthesisHtml
      dissentNote
      citations {
        id
        position
        quote
        proposal {
          ...CuratedProposalFields
          experiments {
            ...CitedExperimentFields
          }
        }
        sourceProposal {
          id
          title
        }
        comment {
          id
          proposalId
          body
          author {
            id
            displayName
            actorType
            deleted
          }
        }
        otherBriefs {
          id
          slug
          title
        }
      }
    }
    updatedAt
    updatedBy {
      id
      displayName
      actorType
    }
  }
  ${CURATED_PROPOSAL_FIELDS}
  ${CITED_EXPERIMENT_FIELDS}
`;

export interface BriefListItem {
  __typename?: 'Brief';
  id: string;
  slug: string;
  title: string;
  status: BriefStatus;
  publishedVersion: number | null;
  updatedAt: string;
}

export const BRIEFS_QUERY: TypedDocumentNode<
  { briefs: BriefListItem[] },
  { status?: BriefStatus | null }
> = gql`
  query CurationBriefs($status: BriefStatus) {
    briefs(status: $status) {
      id
      slug
      title
      status
      publishedVersion
      updatedAt
    }
  }
`;

export const BRIEF_DRAFT_QUERY: TypedDocumentNode<{ briefDraft: Brief }, { id: string }> = gql`
  query BriefDraft($id: ID!) {
    briefDraft(id: $id) {
      ...BriefFields
    }
  }
  ${BRIEF_FIELDS}
`;

export const CURATION_CONSULTATIONS_QUERY: TypedDocumentNode<
  { consultations: { id: string; slug: string; title: string }[] },
  Record<string, never>
> = gql`
  query CurationConsultations {
    consultations {
      id
      slug
      title
    }
  }
`;

/** A candidate as the picker shows it: what the filters are about, and where it is cited. */
const CANDIDATE_FIELDS = gql`
  fragment CandidateProposalFields on Proposal {
    ...CuratedProposalFields
    themes {
      id
      slug
      name
    }
    territory {
      id
      level
      code
      name
    }
    author {
      id
      displayName
      actorType
    }
    commentsCount
    broadSupport
    citedIn {
      briefSlug
      briefTitle
      versionNumber
      sectionPosition
      sectionTitle
    }
  }
  ${CURATED_PROPOSAL_FIELDS}
`;

/** A candidate with its opinion-group figures (Proposal.opinions, CONTRACT-opinions.md). */
export type CandidateWithOpinions = CandidateProposal & { opinions?: ProposalOpinions | null };

export interface CandidateProposalsData {
  proposals: {
    edges: { cursor: string; node: CandidateWithOpinions }[];
    pageInfo: PageInfo;
    totalCount: number;
  };
}

/** ProposalFilter with the collège-breadth filter of issue 5 (CONTRACT-issue5.md). */
export type CandidateFilter = ProposalFilter & { broadSupport?: boolean | null };

export interface CandidateProposalsVariables {
  search: string | null;
  filter: CandidateFilter;
  orderBy: ProposalOrderBy;
  first: number;
  after?: string | null;
}

export const CANDIDATE_PROPOSALS_QUERY: TypedDocumentNode<
  CandidateProposalsData,
  CandidateProposalsVariables
> = gql`
  query CandidateProposals(
    $search: String
    $filter: ProposalFilter
    $first: Int
    $after: String
    $orderBy: ProposalOrderBy
  ) {
    proposals(search: $search, filter: $filter, first: $first, after: $after, orderBy: $orderBy) {
      edges {
        cursor
        node {
          ...CandidateProposalFields
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
      totalCount
    }
  }
  ${CANDIDATE_FIELDS}
`;

export interface CreateBriefInput {
  title: string;
  slug: string;
  consultationIds: string[];
  introduction?: string | null;
}

export const CREATE_BRIEF_MUTATION: TypedDocumentNode<
  { createBrief: { id: string; slug: string; title: string } },
  { input: CreateBriefInput }
> = gql`
  mutation CreateBrief($input: CreateBriefInput!) {
    createBrief(input: $input) {
      id
      slug
      title
    }
  }
`;

export interface CitationInput {
  proposalId?: string | null;
  commentId?: string | null;
  quote?: string | null;
}

export interface BriefSectionInput {
  title: string;
  synthesis: string;
  dissentNote?: string | null;
  citations: CitationInput[];
}

export interface UpdateBriefInput {
  briefId: string;
  expectedRevision: number;
  title?: string | null;
  introduction?: string | null;
  consultationIds?: string[] | null;
  sections?: BriefSectionInput[] | null;
}

export const UPDATE_BRIEF_MUTATION: TypedDocumentNode<
  { updateBrief: Brief },
  { input: UpdateBriefInput }
> = gql`
  mutation UpdateBrief($input: UpdateBriefInput!) {
    updateBrief(input: $input) {
      ...BriefFields
    }
  }
  ${BRIEF_FIELDS}
`;

export interface BriefTransitionInput {
  briefId: string;
  expectedRevision: number;
}

export const SUBMIT_BRIEF_MUTATION: TypedDocumentNode<
  { submitBriefForReview: Brief },
  { input: BriefTransitionInput }
> = gql`
  mutation SubmitBriefForReview($input: BriefTransitionInput!) {
    submitBriefForReview(input: $input) {
      ...BriefFields
    }
  }
  ${BRIEF_FIELDS}
`;

export const RETURN_BRIEF_MUTATION: TypedDocumentNode<
  { returnBriefToDraft: Brief },
  { input: BriefTransitionInput }
> = gql`
  mutation ReturnBriefToDraft($input: BriefTransitionInput!) {
    returnBriefToDraft(input: $input) {
      ...BriefFields
    }
  }
  ${BRIEF_FIELDS}
`;

export const PUBLISH_BRIEF_MUTATION: TypedDocumentNode<
  { publishBrief: { id: string; slug: string; publishedVersion: number } },
  { input: BriefTransitionInput }
> = gql`
  mutation PublishBrief($input: BriefTransitionInput!) {
    publishBrief(input: $input) {
      id
      slug
      publishedVersion
    }
  }
`;
