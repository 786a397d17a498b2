import { gql, type TypedDocumentNode } from '@apollo/client';
import type { ProposalVotes, VoteValue } from '../../../shared/graphql/schema-types';

/** Whether a proposal is backed across collèges, with the thresholds that say so. */
export const SUPPORT_BREADTH_FIELDS = gql`
  fragment SupportBreadthFields on SupportBreadth {
    isBroad
    qualifyingColleges
    thresholds {
      minForShare
      minColleges
      minVotesPerCollege
    }
  }
`;

/** A proposal's vote figures as everyone sees them: what a vote by anyone may change. */
export const PROPOSAL_VOTE_TOTALS_FIELDS = gql`
  fragment ProposalVoteTotalsFields on Proposal {
    id
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
      forShare
      forShareOfTotal
      againstShareOfTotal
      neutralShareOfTotal
    }
    supportBreadth {
      ...SupportBreadthFields
    }
  }
  ${SUPPORT_BREADTH_FIELDS}
`;

const PROPOSAL_VOTES_FIELDS = gql`
  fragment ProposalVotesFields on Proposal {
    ...ProposalVoteTotalsFields
    myVote
    consultation {
      id
      openPhases
    }
  }
  ${PROPOSAL_VOTE_TOTALS_FIELDS}
`;

export const PROPOSAL_VOTES_QUERY: TypedDocumentNode<{ proposal: ProposalVotes }, { id: string }> =
  gql`
    query ProposalVotes($id: ID!) {
      proposal(id: $id) {
        ...ProposalVotesFields
      }
    }
    ${PROPOSAL_VOTES_FIELDS}
  `;

/** Both mutations return the proposal: counts, per-collège figures and myVote update in the cache. */
export const CAST_VOTE_MUTATION: TypedDocumentNode<
  { castVote: ProposalVotes },
  { input: { proposalId: string; value: VoteValue } }
> = gql`
  mutation CastVote($input: CastVoteInput!) {
    castVote(input: $input) {
      ...ProposalVotesFields
    }
  }
  ${PROPOSAL_VOTES_FIELDS}
`;

export const RETRACT_VOTE_MUTATION: TypedDocumentNode<
  { retractVote: ProposalVotes },
  { proposalId: string }
> = gql`
  mutation RetractVote($proposalId: ID!) {
    retractVote(proposalId: $proposalId) {
      ...ProposalVotesFields
    }
  }
  ${PROPOSAL_VOTES_FIELDS}
`;

/**
 * The vote values the proposal's consultation offers, asked apart so that an older API (without
 * the setting) still shows every value.
 */
export const PROPOSAL_VOTE_VALUES_QUERY: TypedDocumentNode<
  {
    proposal: {
      __typename?: 'Proposal';
      id: string;
      consultation: {
        __typename?: 'Consultation';
        id: string;
        settings: { __typename?: 'ConsultationSettings'; voteValues: VoteValue[] };
      };
    };
  },
  { id: string }
> = gql`
  query ProposalVoteValues($id: ID!) {
    proposal(id: $id) {
      id
      consultation {
        id
        settings {
          voteValues
        }
      }
    }
  }
`;
