import { gql, type TypedDocumentNode } from '@apollo/client';
import type { BriefVersionDiff, BriefVersionSummary } from '../../../shared/graphql/schema-types';

/** A published brief's versions, to choose the two to compare. */
export interface BriefVersionsView {
  __typename?: 'PublishedBrief';
  id: string;
  slug: string;
  title: string;
  publishedVersion: number;
  versions: BriefVersionSummary[];
}

export const PUBLISHED_BRIEF_VERSIONS_QUERY: TypedDocumentNode<
  { publishedBrief: BriefVersionsView },
  { slug: string }
> = gql`
  query PublishedBriefVersions($slug: String!) {
    publishedBrief(slug: $slug) {
      id
      slug
      title
      publishedVersion
      versions {
        number
        publishedAt
        title
      }
    }
  }
`;

const DIFF_PART_FIELDS = gql`
  fragment DiffPartFields on DiffPart {
    kind
    text
  }
`;

const CITATION_CHANGE_FIELDS = gql`
  fragment BriefCitationChangeFields on BriefCitationChange {
    proposalId
    commentId
    sourceProposalId
    proposalTitle
    quote
  }
`;

const DIFF_FIGURES_FIELDS = gql`
  fragment DiffFiguresFields on FrozenVoteFigures {
    votesFor
    votesAgainst
    votesNeutral
    colleges {
      actorType
      votesFor
      votesAgainst
      votesNeutral
    }
  }
`;

export const BRIEF_VERSION_DIFF_QUERY: TypedDocumentNode<
  { briefVersionDiff: BriefVersionDiff },
  { slug: string; from: number; to: number }
> = gql`
  query BriefVersionDiff($slug: String!, $from: Int!, $to: Int!) {
    briefVersionDiff(slug: $slug, from: $from, to: $to) {
      slug
      from {
        number
        publishedAt
        title
      }
      to {
        number
        publishedAt
        title
      }
      hasChanges
      title {
        ...DiffPartFields
      }
      introduction {
        ...DiffPartFields
      }
      sections {
        status
        fromPosition
        toPosition
        title {
          ...DiffPartFields
        }
        synthesis {
          ...DiffPartFields
        }
        dissentNote {
          ...DiffPartFields
        }
        citationsAdded {
          ...BriefCitationChangeFields
        }
        citationsRemoved {
          ...BriefCitationChangeFields
        }
      }
      figures {
        proposalId
        title
        isChanged
        before {
          ...DiffFiguresFields
        }
        after {
          ...DiffFiguresFields
        }
      }
    }
  }
  ${DIFF_PART_FIELDS}
  ${CITATION_CHANGE_FIELDS}
  ${DIFF_FIGURES_FIELDS}
`;
