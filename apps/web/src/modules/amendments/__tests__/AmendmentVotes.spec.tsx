import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { MockLink } from '@apollo/client/testing';
import { renderWithApp } from '../../../testing/render';
import type { AmendmentVoteValue } from '../../../shared/graphql/schema-types';
import { AmendmentVotes } from '../components/AmendmentVotes';
import { VOTE_ON_AMENDMENT_MUTATION } from '../graphql/amendments.documents';
import { amendment, amendmentId, proposalId } from './fixtures';

const voted = (
  value: AmendmentVoteValue | null,
  counts: { votesFor: number; votesAgainst: number },
): MockLink.MockedResponse => ({
  request: { query: VOTE_ON_AMENDMENT_MUTATION, variables: { input: { amendmentId, value } } },
  result: {
    data: {
      voteOnAmendment: { __typename: 'Amendment', id: amendmentId, viewerVote: value, ...counts },
    },
  },
});

describe('AmendmentVotes', () => {
  it('shows toggle buttons with the counts, the viewer’s vote pressed', () => {
    renderWithApp(
      <AmendmentVotes
        amendment={amendment({ viewerVote: 'FOR' })}
        proposalId={proposalId}
        isSignedIn
      />,
    );
    expect(screen.getByRole('group', { name: 'Votre avis sur cet amendement' })).toBeVisible();
    expect(screen.getByRole('button', { name: 'Pour · 2' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    expect(screen.getByRole('button', { name: 'Contre · 1' })).toHaveAttribute(
      'aria-pressed',
      'false',
    );
  });

  it('sends the value clicked, then null when the same button is pressed again', async () => {
    const user = userEvent.setup();
    const mocks = [voted('AGAINST', { votesFor: 2, votesAgainst: 2 })];
    const view = renderWithApp(
      <AmendmentVotes amendment={amendment()} proposalId={proposalId} isSignedIn />,
      { mocks },
    );
    await user.click(screen.getByRole('button', { name: 'Contre · 1' }));
    expect(await screen.findByText('Vous votez contre cet amendement.')).toBeInTheDocument();

    // The parent renders the amendment as the cache now holds it.
    const withdrawMocks = [voted(null, { votesFor: 2, votesAgainst: 1 })];
    view.unmount();
    renderWithApp(
      <AmendmentVotes
        amendment={amendment({ viewerVote: 'AGAINST', votesAgainst: 2 })}
        proposalId={proposalId}
        isSignedIn
      />,
      { mocks: withdrawMocks },
    );
    const pressed = screen.getByRole('button', { name: 'Contre · 2' });
    expect(pressed).toHaveAttribute('aria-pressed', 'true');
    expect(
      screen.getByText('Appuyez de nouveau sur votre choix pour retirer votre vote.'),
    ).toBeInTheDocument();
    await user.click(pressed);
    expect(await screen.findByText('Votre vote est retiré.')).toBeInTheDocument();
  });

  it('shows the API’s refusal', async () => {
    const user = userEvent.setup();
    const { GraphQLError } = await import('graphql');
    const mocks: MockLink.MockedResponse[] = [
      {
        request: {
          query: VOTE_ON_AMENDMENT_MUTATION,
          variables: { input: { amendmentId, value: 'FOR' } },
        },
        result: {
          errors: [
            new GraphQLError('Cet amendement n’est plus ouvert aux votes.', {
              extensions: { code: 'CONFLICT', reason: 'AMENDMENT_CLOSED' },
            }),
          ],
        },
      },
    ];
    renderWithApp(<AmendmentVotes amendment={amendment()} proposalId={proposalId} isSignedIn />, {
      mocks,
    });
    await user.click(screen.getByRole('button', { name: 'Pour · 2' }));
    await waitFor(() =>
      expect(screen.getByRole('alert')).toHaveTextContent(
        'Cet amendement n’est plus ouvert aux votes.',
      ),
    );
  });

  it('shows the counts only, and a sign-in link to visitors', () => {
    renderWithApp(
      <AmendmentVotes
        amendment={amendment({ viewerCanVote: false })}
        proposalId={proposalId}
        isSignedIn={false}
      />,
    );
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
    expect(screen.getByText(/Pour : 2 · Contre : 1/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Connectez-vous pour voter' })).toHaveAttribute(
      'href',
      expect.stringContaining('/connexion'),
    );
  });
});
