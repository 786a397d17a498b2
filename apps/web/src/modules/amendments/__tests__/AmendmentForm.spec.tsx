import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import type { MockLink } from '@apollo/client/testing';
import { renderWithApp } from '../../../testing/render';
import { AmendmentForm } from '../components/AmendmentForm';
import { PROPOSAL_HISTORY_QUERY } from '../../proposals/graphql/proposals.documents';
import { PROPOSE_AMENDMENT_MUTATION } from '../graphql/amendments.documents';
import { amendment, proposalId } from './fixtures';

const current = {
  title: 'Une recyclerie dans chaque quartier',
  summary: 'Réparer et revendre les objets plutôt que les jeter.',
  body: 'Chaque quartier aurait son atelier de réparation, ouvert le samedi.',
};
const reason = 'Le mot « ressourcerie » dit mieux ce qu’on y fait.';

describe('AmendmentForm', () => {
  it('starts from the current texts and refuses to publish them unchanged', async () => {
    const user = userEvent.setup();
    renderWithApp(
      <AmendmentForm
        proposalId={proposalId}
        current={current}
        onDone={jest.fn()}
        onCancel={jest.fn()}
      />,
    );
    expect(screen.getByRole('textbox', { name: /^Titre/ })).toHaveValue(current.title);
    expect(screen.getByRole('textbox', { name: /^Résumé/ })).toHaveValue(current.summary);
    expect(screen.getByRole('textbox', { name: /^Texte/ })).toHaveValue(current.body);
    await user.type(screen.getByRole('textbox', { name: /^Motivation/ }), reason);
    await user.click(screen.getByRole('button', { name: 'Publier l’amendement' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Modifiez au moins le titre, le résumé ou le texte avant de publier.',
    );
  });

  it('requires a reason before sending', async () => {
    const user = userEvent.setup();
    const onDone = jest.fn();
    renderWithApp(
      <AmendmentForm
        proposalId={proposalId}
        current={current}
        onDone={onDone}
        onCancel={jest.fn()}
      />,
    );
    const title = screen.getByRole('textbox', { name: /^Titre/ });
    await user.clear(title);
    await user.type(title, 'Une ressourcerie dans chaque quartier');
    await user.click(screen.getByRole('button', { name: 'Publier l’amendement' }));
    const field = screen.getByRole('textbox', { name: /^Motivation/ });
    await waitFor(() => expect(field).toHaveAttribute('aria-invalid', 'true'));
    expect(field).toHaveFocus();
    expect(onDone).not.toHaveBeenCalled();
  });

  it('sends the amendment and shows the API’s field errors next to their fields', async () => {
    const user = userEvent.setup();
    const input = {
      proposalId,
      ...current,
      title: 'Une ressourcerie dans chaque quartier',
      reason,
    };
    const mocks: MockLink.MockedResponse[] = [
      {
        request: { query: PROPOSE_AMENDMENT_MUTATION, variables: { input } },
        result: {
          errors: [
            new GraphQLError('Données invalides.', {
              extensions: {
                code: 'BAD_USER_INPUT',
                reason: 'INVALID_INPUT',
                fields: [{ field: 'title', rule: 'taken', message: 'Ce titre est déjà pris.' }],
              },
            }),
          ],
        },
      },
      {
        request: { query: PROPOSE_AMENDMENT_MUTATION, variables: { input } },
        result: { data: { proposeAmendment: amendment() } },
      },
    ];
    const onDone = jest.fn();
    renderWithApp(
      <AmendmentForm
        proposalId={proposalId}
        current={current}
        onDone={onDone}
        onCancel={jest.fn()}
      />,
      { mocks },
    );
    const title = screen.getByRole('textbox', { name: /^Titre/ });
    await user.clear(title);
    await user.type(title, input.title);
    await user.type(screen.getByRole('textbox', { name: /^Motivation/ }), reason);
    await user.click(screen.getByRole('button', { name: 'Publier l’amendement' }));
    expect(await screen.findByText('Ce titre est déjà pris.')).toBeVisible();
    expect(title).toHaveAttribute('aria-invalid', 'true');
    await user.click(screen.getByRole('button', { name: 'Publier l’amendement' }));
    await waitFor(() => expect(onDone).toHaveBeenCalledWith('Votre amendement est publié.'));
  });

  it('updates an outdated amendment onto the current revision, showing what it changes now', async () => {
    const base = { ...current, summary: 'Réparer et revendre les objets.' };
    const revision = (version: number, texts: typeof current) => ({
      __typename: 'ProposalRevision' as const,
      version,
      ...texts,
      bodyHtml: `<p>${texts.body}</p>`,
      experiment: null,
      measuredImpact: null,
      editor: { ...amendment().author, id: 'author', displayName: 'Louise' },
      createdAt: '2026-11-20T10:00:00.000Z',
    });
    const history: MockLink.MockedResponse = {
      request: { query: PROPOSAL_HISTORY_QUERY, variables: { id: proposalId } },
      result: {
        data: {
          proposal: {
            __typename: 'Proposal',
            id: proposalId,
            version: 2,
            revisions: [revision(2, current), revision(1, base)],
            statusHistory: [],
          },
        },
      },
    };
    renderWithApp(
      <AmendmentForm
        proposalId={proposalId}
        current={current}
        // Written on version 1: it changed the title only; the proposal then changed its summary.
        amendment={amendment({
          baseVersion: 1,
          title: 'Une ressourcerie dans chaque quartier',
          summary: base.summary,
          body: base.body,
        })}
        onDone={jest.fn()}
        onCancel={jest.fn()}
      />,
      { mocks: [history] },
    );
    expect(
      await screen.findByRole('heading', { name: 'Mettre à jour l’amendement' }),
    ).toBeVisible();
    expect(screen.getByRole('textbox', { name: /^Titre/ })).toHaveValue(
      'Une ressourcerie dans chaque quartier',
    );
    // The proposal's newer summary is kept, not overwritten by the amendment's old one.
    expect(screen.getByRole('textbox', { name: /^Résumé/ })).toHaveValue(current.summary);
    expect(screen.queryByText('Changements à réconcilier')).not.toBeInTheDocument();
    const now = screen.getByRole('region', {
      name: 'Par rapport à ce que dit la proposition maintenant',
    });
    expect([...now.querySelectorAll('dt')].map((dt) => dt.textContent)).toEqual(['Titre']);
    expect(now.querySelector('del')).toHaveTextContent('recyclerie');
    expect(now.querySelector('ins')).toHaveTextContent('ressourcerie');
    // The reason is kept unless changed: not required.
    expect(screen.getByRole('textbox', { name: /^Motivation/ })).not.toBeRequired();
  });
});
