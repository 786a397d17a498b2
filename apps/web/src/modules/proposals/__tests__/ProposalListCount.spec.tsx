import { screen } from '@testing-library/react';
import type { MockLink } from '@apollo/client/testing';
import { renderWithApp } from '../../../testing/render';
import { ProposalList } from '../components/ProposalList';
import { PROPOSALS_QUERY } from '../graphql/proposals.documents';

/** The list's answer: no rows needed, only its count. */
function countMock(totalCount: number, totalCountCapped: boolean): MockLink.MockedResponse {
  return {
    request: { query: PROPOSALS_QUERY, variables: () => true },
    result: {
      data: {
        proposals: {
          __typename: 'ProposalConnection',
          edges: [],
          pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
          totalCount,
          totalCountCapped,
        },
      },
    },
    maxUsageCount: Number.POSITIVE_INFINITY,
  };
}

describe('proposal list count', () => {
  it.each([
    // Intl's narrow no-break space (10 000) reads as a space once Testing Library normalises it.
    ['fr', 'Plus de 10 000 propositions'],
    ['en', 'More than 10,000 proposals'],
  ] as const)('says "more than" the cap when the count is capped (%s)', async (language, text) => {
    renderWithApp(<ProposalList title="Propositions" headingId="list" />, {
      mocks: [countMock(10_000, true)],
      language,
    });
    expect(await screen.findByText(text)).toHaveAttribute('role', 'status');
  });

  it('says the exact count when it is not capped', async () => {
    renderWithApp(<ProposalList title="Propositions" headingId="list" />, {
      mocks: [countMock(10_000, false)],
    });
    expect(await screen.findByText('10000 propositions publiées')).toHaveAttribute(
      'role',
      'status',
    );
  });
});
