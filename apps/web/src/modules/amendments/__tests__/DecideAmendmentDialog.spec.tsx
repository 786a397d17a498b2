import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import type { MockLink } from '@apollo/client/testing';
import { renderWithApp } from '../../../testing/render';
import { DecideAmendmentDialog } from '../components/DecideAmendmentDialog';
import {
  ACCEPT_AMENDMENT_MUTATION,
  REJECT_AMENDMENT_MUTATION,
  type DecideAmendmentInput,
} from '../graphql/amendments.documents';
import { amendment, amendmentId, proposalId } from './fixtures';

const decided = (status: 'ACCEPTED' | 'REJECTED') => ({
  ...amendment({ status, version: 2 }),
  proposal: {
    __typename: 'Proposal' as const,
    id: proposalId,
    version: 2,
    title: 'Une ressourcerie dans chaque quartier',
    summary: 'Réparer et revendre les objets.',
    body: 'Le texte, enrichi.',
    bodyHtml: '<p>Le texte, enrichi.</p>',
    updatedAt: '2026-11-26T10:00:00.000Z',
  },
});

const accepted = (input: DecideAmendmentInput): MockLink.MockedResponse => ({
  request: { query: ACCEPT_AMENDMENT_MUTATION, variables: { input } },
  result: { data: { acceptAmendment: decided('ACCEPTED') } },
});

function renderDialog(
  props: { decision: 'ACCEPT' | 'REJECT'; isReasonRequired: boolean },
  mocks: MockLink.MockedResponse[] = [],
) {
  const onDecided = jest.fn();
  const onClose = jest.fn();
  renderWithApp(
    <DecideAmendmentDialog
      amendment={amendment({ version: 2 })}
      onDecided={onDecided}
      onClose={onClose}
      {...props}
    />,
    { mocks },
  );
  return { onDecided, onClose };
}

describe('DecideAmendmentDialog', () => {
  it('lets the proposal’s author accept without a reason, inviting the amendment’s author', async () => {
    const user = userEvent.setup();
    const { onDecided } = renderDialog({ decision: 'ACCEPT', isReasonRequired: false }, [
      accepted({ amendmentId, expectedVersion: 2, reason: null, inviteAuthorAsCoAuthor: true }),
    ]);
    const dialog = await screen.findByRole('dialog', {
      name: 'Accepter l’amendement de Aïcha Benali',
    });
    expect(dialog).toBeVisible();
    expect(screen.getByRole('textbox', { name: 'Motif de la décision' })).not.toBeRequired();
    await user.click(
      screen.getByRole('checkbox', {
        name: 'Inviter l’auteur·rice de l’amendement comme co-auteur·rice',
      }),
    );
    await user.click(screen.getByRole('button', { name: 'Accepter l’amendement' }));
    await waitFor(() =>
      expect(onDecided).toHaveBeenCalledWith(
        'Amendement accepté : la proposition est mise à jour.',
      ),
    );
  });

  it('asks a moderator for a reason before sending anything', async () => {
    const user = userEvent.setup();
    const rejected: MockLink.MockedResponse = {
      request: {
        query: REJECT_AMENDMENT_MUTATION,
        variables: {
          input: { amendmentId, expectedVersion: 2, reason: 'Contraire à la charte.' },
        },
      },
      result: { data: { rejectAmendment: decided('REJECTED') } },
    };
    const { onDecided } = renderDialog({ decision: 'REJECT', isReasonRequired: true }, [rejected]);
    await screen.findByRole('dialog', { name: 'Rejeter l’amendement de Aïcha Benali' });
    expect(screen.queryByRole('checkbox')).not.toBeInTheDocument();
    const reason = screen.getByRole('textbox', { name: /Motif de la décision/ });
    expect(reason).toBeRequired();
    await user.click(screen.getByRole('button', { name: 'Rejeter l’amendement' }));
    expect(
      await screen.findByText(
        'Indiquez le motif de votre décision : il est obligatoire pour la modération.',
      ),
    ).toBeInTheDocument();
    expect(onDecided).not.toHaveBeenCalled();
    await user.type(reason, 'Contraire à la charte.');
    await user.click(screen.getByRole('button', { name: 'Rejeter l’amendement' }));
    await waitFor(() => expect(onDecided).toHaveBeenCalledWith('Amendement rejeté.'));
  });

  it('shows the API’s DECISION_REASON_REQUIRED on the reason field', async () => {
    const user = userEvent.setup();
    renderDialog({ decision: 'ACCEPT', isReasonRequired: false }, [
      {
        request: {
          query: ACCEPT_AMENDMENT_MUTATION,
          variables: {
            input: { amendmentId, expectedVersion: 2, reason: null, inviteAuthorAsCoAuthor: false },
          },
        },
        result: {
          errors: [
            new GraphQLError('Un modérateur doit motiver sa décision.', {
              extensions: { code: 'BAD_USER_INPUT', reason: 'DECISION_REASON_REQUIRED' },
            }),
          ],
        },
      },
    ]);
    await screen.findByRole('dialog');
    await user.click(screen.getByRole('button', { name: 'Accepter l’amendement' }));
    expect(await screen.findByText('Un modérateur doit motiver sa décision.')).toBeVisible();
    expect(screen.getByRole('textbox', { name: /Motif de la décision/ })).toHaveAttribute(
      'aria-invalid',
      'true',
    );
  });

  it.each([
    [
      'AMENDMENT_OUTDATED',
      'Rien n’a été appliqué : cet amendement porte sur une version plus ancienne de la proposition. Son auteur·rice doit d’abord le mettre à jour. La liste est actualisée.',
    ],
    [
      'STALE_VERSION',
      'Rien n’a été appliqué : cet amendement a été modifié entre-temps. Relisez sa nouvelle version avant de décider. La liste est actualisée.',
    ],
  ])('explains %s instead of applying anything', async (reason, message) => {
    const user = userEvent.setup();
    const { onDecided } = renderDialog({ decision: 'ACCEPT', isReasonRequired: false }, [
      {
        request: {
          query: ACCEPT_AMENDMENT_MUTATION,
          variables: {
            input: { amendmentId, expectedVersion: 2, reason: null, inviteAuthorAsCoAuthor: false },
          },
        },
        result: {
          errors: [new GraphQLError('Conflit.', { extensions: { code: 'CONFLICT', reason } })],
        },
      },
    ]);
    await screen.findByRole('dialog');
    await user.click(screen.getByRole('button', { name: 'Accepter l’amendement' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(message);
    expect(onDecided).not.toHaveBeenCalled();
  });
});
