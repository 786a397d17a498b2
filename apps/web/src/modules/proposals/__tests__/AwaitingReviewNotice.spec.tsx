import { screen } from '@testing-library/react';
import { renderWithApp } from '../../../testing/render';
import { AwaitingReviewNotice } from '../components/AwaitingReviewNotice';
import { PROPOSAL_REVIEW_QUERY } from '../graphql/proposals.documents';

const id = '00000000-0000-4000-8000-000000000001';
const review = (awaitingReview: boolean) => ({
  request: { query: PROPOSAL_REVIEW_QUERY, variables: { id } },
  result: { data: { proposal: { __typename: 'Proposal', id, awaitingReview } } },
});

describe('AwaitingReviewNotice', () => {
  it('tells the author that the proposal waits for a moderator', async () => {
    renderWithApp(<AwaitingReviewNotice proposalId={id} />, { mocks: [review(true)] });
    expect(
      await screen.findByText('En attente de validation par la modération'),
    ).toBeInTheDocument();
  });

  it('says nothing once the proposal is published', async () => {
    renderWithApp(
      <>
        <AwaitingReviewNotice proposalId={id} />
        <p>page</p>
      </>,
      { mocks: [review(false)] },
    );
    expect(await screen.findByText('page')).toBeInTheDocument();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(
      screen.queryByText('En attente de validation par la modération'),
    ).not.toBeInTheDocument();
  });
});
