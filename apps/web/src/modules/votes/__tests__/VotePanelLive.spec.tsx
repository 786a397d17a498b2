import { screen, waitFor } from '@testing-library/react';
import type { MockLink } from '@apollo/client/testing';
import type { ProposalVotes } from '../../../shared/graphql/schema-types';
import { createLiveServer } from '../../../testing/liveServer';
import { renderWithApp } from '../../../testing/render';
import { ME_QUERY } from '../../auth/graphql/auth.documents';
import { VotePanel } from '../components/VotePanel';
import { PROPOSAL_VOTE_VALUES_QUERY, PROPOSAL_VOTES_QUERY } from '../graphql/votes.documents';

const id = '00000000-0000-4000-8000-000000000001';
const college = (votesFor: number, votesAgainst: number) => ({
  __typename: 'CollegeVotes' as const,
  actorType: 'ASSOCIATION' as const,
  votesFor,
  votesAgainst,
  votesNeutral: 0,
  total: votesFor + votesAgainst,
  forShare: votesFor / (votesFor + votesAgainst),
  forShareOfTotal: votesFor / (votesFor + votesAgainst),
  againstShareOfTotal: votesAgainst / (votesFor + votesAgainst),
  neutralShareOfTotal: 0,
});
const breadth = {
  __typename: 'SupportBreadth' as const,
  isBroad: false,
  qualifyingColleges: [],
  thresholds: {
    __typename: 'CollegeThresholds' as const,
    minForShare: 0.6,
    minColleges: 3,
    minVotesPerCollege: 10,
  },
};
const proposal: ProposalVotes = {
  __typename: 'Proposal',
  id,
  status: 'PUBLISHED',
  votesFor: 2,
  votesAgainst: 1,
  votesNeutral: 0,
  myVote: null,
  collegeVotes: [college(2, 1)],
  supportBreadth: breadth,
  consultation: { __typename: 'Consultation', id: 'c1', openPhases: ['VOTING'] },
};
/** What the API pushes: the panel's figures, without the viewer's own vote. */
const pushed = (votesFor: number, votesAgainst: number) => ({
  proposalVotesChanged: {
    __typename: 'Proposal',
    id,
    status: 'PUBLISHED',
    votesFor,
    votesAgainst,
    votesNeutral: 0,
    collegeVotes: [college(votesFor, votesAgainst)],
    supportBreadth: breadth,
  },
});
const mocks: MockLink.MockedResponse[] = [
  { request: { query: ME_QUERY }, result: { data: { me: null } } },
  { request: { query: PROPOSAL_VOTES_QUERY, variables: { id } }, result: { data: { proposal } } },
  {
    request: { query: PROPOSAL_VOTE_VALUES_QUERY, variables: { id } },
    result: {
      data: {
        proposal: {
          __typename: 'Proposal',
          id,
          consultation: {
            __typename: 'Consultation',
            id: 'c1',
            settings: { __typename: 'ConsultationSettings', voteValues: ['FOR', 'AGAINST'] },
          },
        },
      },
    },
  },
];

describe('VotePanel, live', () => {
  it('updates the totals and the collège figures in place when a vote arrives, and says so politely', async () => {
    const live = createLiveServer();
    renderWithApp(<VotePanel proposalId={id} />, { mocks, live });
    expect(await screen.findByText('3 avis')).toBeInTheDocument();
    expect(live.opened).toEqual([
      { operationName: 'ProposalVotesChanged', variables: { proposalId: id } },
    ]);

    await live.push('ProposalVotesChanged', pushed(3, 1));

    expect(await screen.findByText('4 avis')).toBeInTheDocument();
    expect(screen.getByText('3 (75 %)')).toBeInTheDocument();
    expect(screen.getByText('Les votes ont été mis à jour.')).toHaveAttribute(
      'aria-live',
      'polite',
    );
  });

  it('announces nothing when an event repeats the totals already shown', async () => {
    const live = createLiveServer();
    renderWithApp(<VotePanel proposalId={id} />, { mocks, live });
    expect(await screen.findByText('3 avis')).toBeInTheDocument();
    await live.push('ProposalVotesChanged', pushed(2, 1));
    expect(screen.getByText('3 avis')).toBeInTheDocument();
    expect(screen.queryByText('Les votes ont été mis à jour.')).not.toBeInTheDocument();
  });

  it('closes the subscription when the panel goes away', async () => {
    const live = createLiveServer();
    const { unmount } = renderWithApp(<VotePanel proposalId={id} />, { mocks, live });
    expect(await screen.findByText('3 avis')).toBeInTheDocument();
    expect(live.openCount('ProposalVotesChanged')).toBe(1);
    unmount();
    await waitFor(() => expect(live.openCount('ProposalVotesChanged')).toBe(0));
  });
});
