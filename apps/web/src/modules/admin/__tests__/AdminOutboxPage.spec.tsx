import { screen, within } from '@testing-library/react';
import type { MockLink } from '@apollo/client/testing';
import type { EmailMessage } from '../../../shared/graphql/schema-types';
import { renderWithApp } from '../../../testing/render';
import { OUTBOX_QUERY } from '../../auth/graphql/account-emails.documents';
import { AdminOutboxPage, linksIn } from '../components/AdminOutboxPage';

const LINK = 'http://localhost:4200/reinitialiser-mot-de-passe?jeton=abc_DEF-123';
const message = (n: number, overrides: Partial<EmailMessage> = {}): EmailMessage => ({
  __typename: 'EmailMessage',
  id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  toAddress: `personne${n}@example.org`,
  subject: 'Réinitialisez votre mot de passe Passerelle',
  text: `Bonjour,\n\nChoisir un nouveau mot de passe : ${LINK}\n`,
  category: 'PASSWORD_RESET',
  createdAt: '2026-11-26T10:00:00.000Z',
  sentAt: null,
  error: null,
  ...overrides,
});

const page = (nodes: EmailMessage[]): MockLink.MockedResponse => ({
  request: { query: OUTBOX_QUERY, variables: { first: 20 } },
  result: {
    data: {
      outbox: {
        __typename: 'EmailMessageConnection',
        edges: nodes.map((node) => ({ __typename: 'EmailMessageEdge', cursor: node.id, node })),
        pageInfo: { __typename: 'PageInfo', endCursor: null, hasNextPage: false },
        totalCount: nodes.length,
      },
    },
  },
});

describe('linksIn', () => {
  it('finds each link of a text once', () => {
    expect(linksIn(`a ${LINK} b ${LINK}\nhttps://x.test/y`)).toEqual([LINK, 'https://x.test/y']);
    expect(linksIn('no link')).toEqual([]);
  });
});

describe('AdminOutboxPage', () => {
  it('lists the messages with their recipient, state and followable links', async () => {
    renderWithApp(<AdminOutboxPage />, {
      mocks: [
        page([
          message(1),
          message(2, {
            subject: 'Confirmez votre adresse e-mail sur Passerelle',
            category: 'VERIFY_EMAIL',
            text: 'Pas de lien',
            sentAt: '2026-11-26T10:01:00.000Z',
          }),
          message(3, { subject: 'Notification', error: 'connect ECONNREFUSED', text: 'Rien' }),
        ]),
      ],
    });
    expect(await screen.findByText('3 courriels')).toBeVisible();
    const first = within(
      screen
        .getAllByRole('heading', {
          name: 'Réinitialisez votre mot de passe Passerelle',
          level: 2,
        })[0]
        .closest('li') as HTMLElement,
    );
    expect(first.getByText('À : personne1@example.org')).toBeVisible();
    expect(first.getByText(/Non envoyé/)).toBeVisible();
    expect(first.getByText('Mot de passe')).toBeVisible();
    expect(first.getByRole('link', { name: LINK })).toHaveAttribute('href', LINK);

    const second = within(
      screen
        .getByRole('heading', { name: 'Confirmez votre adresse e-mail sur Passerelle' })
        .closest('li') as HTMLElement,
    );
    expect(second.getByText(/Envoyé le/)).toBeVisible();
    expect(second.queryByRole('link')).not.toBeInTheDocument();
    expect(screen.getByText('Échec de l’envoi : connect ECONNREFUSED')).toBeVisible();
  });

  it('says when there is nothing yet', async () => {
    renderWithApp(<AdminOutboxPage />, { mocks: [page([])] });
    expect(await screen.findByText('Aucun courriel pour le moment.')).toBeVisible();
  });
});
