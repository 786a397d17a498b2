import { gql, type TypedDocumentNode } from '@apollo/client';
import type {
  BriefCitationRef,
  BriefVersion,
  BriefVersionSummary,
} from '../../../shared/graphql/schema-types';

const FIGURES_FIELDS = gql`
  fragment FrozenFiguresFields on FrozenVoteFigures {
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

const VERSION_FIELDS = gql`
  fragment BriefVersionFields on BriefVersion {
    number
    publishedAt
    title
    introductionHtml
    sections {
      position
      title
      synthesisHtml
      dissentNote
      citations {
        position
        proposalId
        commentId
        quote
        proposalTitle
        figures {
          ...FrozenFiguresFields
        }
      }
    }
    annex {
      proposalId
      title
      territoryName
      authorActorType
      sectionPositions
      figures {
        ...FrozenFiguresFields
      }
      provenance {
        consultationId
        consultationTitle
        consultationSlug
        scope
        territoryName
        organisationName
      }
      experimentIds
    }
    experiments {
      id
      name
      organisationName
      proposalIds
      figures {
        indicatorName
        unit
        baseline
        value
        measuredOn
        source
        sourceUrl
      }
    }
  }
  ${FIGURES_FIELDS}
`;

/** A published brief in the public list. */
export interface PublishedBriefListItem {
  __typename?: 'PublishedBrief';
  id: string;
  slug: string;
  title: string;
  publishedVersion: number;
  currentVersion: { __typename?: 'BriefVersion'; number: number; publishedAt: string };
}

export const PUBLISHED_BRIEFS_QUERY: TypedDocumentNode<
  { publishedBriefs: PublishedBriefListItem[] },
  Record<string, never>
> = gql`
  query PublishedBriefs {
    publishedBriefs {
      id
      slug
      title
      publishedVersion
      currentVersion {
        number
        publishedAt
      }
    }
  }
`;

/** A published brief with one version (the current one unless a number is asked). */
export interface PublishedBriefView {
  __typename?: 'PublishedBrief';
  id: string;
  slug: string;
  title: string;
  publishedVersion: number;
  currentVersion: BriefVersion;
  versions: BriefVersionSummary[];
}

export const PUBLISHED_BRIEF_QUERY: TypedDocumentNode<
  { publishedBrief: PublishedBriefView },
  { slug: string }
> = gql`
  query PublishedBrief($slug: String!) {
    publishedBrief(slug: $slug) {
      id
      slug
      title
      publishedVersion
      currentVersion {
        ...BriefVersionFields
      }
      versions {
        number
        publishedAt
        title
      }
    }
  }
  ${VERSION_FIELDS}
`;

export const PUBLISHED_BRIEF_VERSION_QUERY: TypedDocumentNode<
  {
    publishedBrief: {
      __typename?: 'PublishedBrief';
      id: string;
      slug: string;
      title: string;
      publishedVersion: number;
      versions: BriefVersionSummary[];
      version: BriefVersion | null;
    };
  },
  { slug: string; number: number }
> = gql`
  query PublishedBriefVersion($slug: String!, $number: Int!) {
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
      version(number: $number) {
        ...BriefVersionFields
      }
    }
  }
  ${VERSION_FIELDS}
`;

/** The briefs citing a proposal, asked apart so an older API still shows the proposal page. */
export const PROPOSAL_CITED_IN_QUERY: TypedDocumentNode<
  { proposal: { __typename?: 'Proposal'; id: string; citedIn: BriefCitationRef[] } },
  { id: string }
> = gql`
  query ProposalCitedIn($id: ID!) {
    proposal(id: $id) {
      id
      citedIn {
        briefSlug
        briefTitle
        versionNumber
        sectionPosition
        sectionTitle
      }
    }
  }
`;
