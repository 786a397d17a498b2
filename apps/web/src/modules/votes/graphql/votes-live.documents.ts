import { gql, type TypedDocumentNode } from '@apollo/client';
import type { ProposalVotes } from '../../../shared/graphql/schema-types';
import { PROPOSAL_VOTE_TOTALS_FIELDS } from './votes.documents';

export type LiveProposalVotes = Omit<ProposalVotes, 'myVote' | 'consultation'>;

/**
 * The vote panel's figures, pushed after each vote on the proposal: written into the cache under
 * the same Proposal id, they update the panel and the broad-support badge in place. `myVote` is
 * not asked: it only changes through this viewer's own mutations.
 */
export const PROPOSAL_VOTES_CHANGED_SUBSCRIPTION: TypedDocumentNode<
  { proposalVotesChanged: LiveProposalVotes },
  { proposalId: string }
> = gql`
  subscription ProposalVotesChanged($proposalId: ID!) {
    proposalVotesChanged(proposalId: $proposalId) {
      ...ProposalVoteTotalsFields
    }
  }
  ${PROPOSAL_VOTE_TOTALS_FIELDS}
`;
