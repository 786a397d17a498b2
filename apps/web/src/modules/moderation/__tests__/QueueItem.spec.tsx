import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { MockLink } from '@apollo/client/testing';
import type { Role } from '@passerelle/domain';
import { renderWithApp } from '../../../testing/render';
import { amendedProposalId, amendmentId, amendmentQueueItem, moderationAuthor } from './fixtures';
import { ME_QUERY } from '../../auth/graphql/auth.documents';
import { QueueItem } from '../components/QueueItem';
import {
  DECISION_MUTATIONS,
  SUSPEND_USER_MUTATION,
  type ModerationItem,
} from '../graphql/moderation.documents';

const proposalId = '00000000-0000-4000-8000-000000000007';
const authorId = '00000000-0000-4000-8000-000000000042';
const author = moderationAuthor;
const item = (change: Partial<ModerationItem> = {}): ModerationItem => ({
  __typename: 'ModerationItem',
  targetType: 'PROPOSAL',
  targetId: proposalId,
  isHidden: true,
  awaitingReview: true,
  openReportsCount: 0,
  firstReportedAt: null,
  lastReportedAt: null,
  author: author(),
  proposal: {
    __typename: 'Proposal',
    id: proposalId,
    title: 'Une ressourcerie dans chaque quartier',
    summary: 'Réparer et revendre les objets du quotidien.',
    author: { __typename: 'Participant', id: authorId, displayName: 'Camille Martin' },
  },
  comment: null,
  amendment: null,
  reports: [],
  ...change,
});

const me = (role: Role, id = '00000000-0000-4000-8000-000000000001'): MockLink.MockedResponse => ({
  request: { query: ME_QUERY },
  result: {
    data: {
      me: {
        __typename: 'User',
        id,
        email: 'moderation@example.org',
        displayName: 'Modération',
        role,
        actorType: 'ASSOCIATION',
        territory: null,
      },
    },
  },
  maxUsageCount: Number.POSITIVE_INFINITY,
});

describe('QueueItem', () => {
  it('shows content awaiting review with "Valider" / "Refuser" and approves it', async () => {
    const approved = item({ isHidden: false, awaitingReview: false });
    renderWithApp(<QueueItem item={item()} />, {
      mocks: [
        me('MODERATOR'),
        {
          request: {
            query: DECISION_MUTATIONS.restoreContent,
            variables: {
              input: { targetType: 'PROPOSAL', targetId: proposalId, reason: 'Conforme.' },
            },
          },
          result: { data: { restoreContent: approved } },
        },
      ],
    });
    const article = screen.getByRole('article', { name: 'Une ressourcerie dans chaque quartier' });
    expect(within(article).getByText('En attente de validation')).toBeInTheDocument();
    expect(within(article).queryByRole('button', { name: 'Masquer' })).toBeNull();
    expect(within(article).getByRole('button', { name: 'Refuser' })).toBeInTheDocument();

    await userEvent.click(within(article).getByRole('button', { name: 'Valider' }));
    const form = within(article).getByRole('form', { name: 'Valider' });
    await userEvent.type(within(form).getByRole('textbox', { name: /^Raison/ }), 'Conforme.');
    await userEvent.click(within(form).getByRole('button', { name: /^Confirmer/ }));
    expect(
      await within(article).findByText('Le contenu est validé et publié.'),
    ).toBeInTheDocument();
    expect(within(article).queryByText('En attente de validation')).toBeNull();
    expect(within(article).getByText('Visible')).toBeInTheDocument();
  });

  it("shows the author's history and suspension, with the actions a moderator may take", async () => {
    renderWithApp(
      <QueueItem
        item={item({
          awaitingReview: false,
          author: author({
            isSuspended: true,
            suspendedUntil: null,
            suspensionReason: 'Spam répété.',
          }),
        })}
      />,
      { mocks: [me('MODERATOR')] },
    );
    const panel = screen.getByRole('region', { name: 'Auteur : Camille Martin' });
    const count = (term: string) =>
      within(panel).getByText(term).closest('div')?.querySelector('dd')?.textContent;
    expect(count('Propositions')).toBe('3');
    expect(count('Commentaires')).toBe('12');
    expect(count('Contenus masqués')).toBe('2');
    expect(count('Signalements reçus')).toBe('5');
    expect(count('Suspensions')).toBe('1');
    expect(within(panel).getByText('Suspendu jusqu’à nouvel ordre')).toBeInTheDocument();
    expect(within(panel).getByText('Motif : Spam répété.')).toBeInTheDocument();
    expect(await within(panel).findByRole('button', { name: 'Lever la suspension' })).toBeVisible();
    expect(within(panel).queryByRole('button', { name: 'Suspendre le compte' })).toBeNull();
  });

  it('offers no suspension of oneself, nor of a moderator to another moderator', async () => {
    const otherId = '00000000-0000-4000-8000-000000000043';
    renderWithApp(
      <>
        <QueueItem item={item()} />
        <QueueItem
          item={item({
            targetId: otherId,
            author: author({ id: otherId, displayName: 'Dominique Petit' }),
            proposal: null,
          })}
        />
        <QueueItem
          item={item({
            targetId: '00000000-0000-4000-8000-000000000044',
            author: author({
              id: '00000000-0000-4000-8000-000000000044',
              displayName: 'Sacha Modo',
              role: 'MODERATOR',
            }),
            proposal: null,
          })}
        />
      </>,
      { mocks: [me('MODERATOR', authorId)] },
    );
    // Once the signed-in moderator is known, another participant may be suspended...
    const other = screen.getByRole('region', { name: 'Auteur : Dominique Petit' });
    expect(await within(other).findByRole('button', { name: 'Suspendre le compte' })).toBeVisible();
    // ...but not their own account, nor another moderator.
    const own = screen.getByRole('region', { name: 'Auteur : Camille Martin' });
    expect(within(own).queryByRole('button', { name: 'Suspendre le compte' })).toBeNull();
    const moderator = screen.getByRole('region', { name: 'Auteur : Sacha Modo' });
    expect(within(moderator).queryByRole('button', { name: 'Suspendre le compte' })).toBeNull();
  });

  it('lets an administrator suspend a moderator', async () => {
    renderWithApp(<QueueItem item={item({ author: author({ role: 'MODERATOR' }) })} />, {
      mocks: [me('ADMIN')],
    });
    const panel = screen.getByRole('region', { name: 'Auteur : Camille Martin' });
    expect(await within(panel).findByRole('button', { name: 'Suspendre le compte' })).toBeVisible();
    expect(within(panel).getByText('Modérateur')).toBeInTheDocument();
  });

  it('suspends an author from one item and shows it on every item of theirs', async () => {
    const commentId = '00000000-0000-4000-8000-000000000008';
    const suspended = author({
      isSuspended: true,
      suspendedUntil: '2026-12-10T10:00:00.000Z',
      suspensionReason: 'Spam répété.',
      history: { ...author().history, suspensionsCount: 2 },
    });
    renderWithApp(
      <>
        <QueueItem item={item({ awaitingReview: false, isHidden: false })} />
        <QueueItem
          item={item({
            targetType: 'COMMENT',
            targetId: commentId,
            awaitingReview: false,
            isHidden: false,
            proposal: null,
            comment: {
              __typename: 'Comment',
              id: commentId,
              body: 'Achetez nos vélos !',
              proposalId,
              author: { __typename: 'Participant', id: authorId, displayName: 'Camille Martin' },
            },
          })}
        />
      </>,
      {
        mocks: [
          me('MODERATOR'),
          {
            request: {
              query: SUSPEND_USER_MUTATION,
              variables: { input: { userId: authorId, reason: 'Spam répété.', durationDays: 15 } },
            },
            result: { data: { suspendUser: suspended } },
          },
        ],
      },
    );
    const [first, second] = screen.getAllByRole('region', { name: 'Auteur : Camille Martin' });
    await userEvent.click(
      await within(first).findByRole('button', { name: 'Suspendre le compte' }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Suspendre le compte de Camille Martin',
    });
    await userEvent.type(within(dialog).getByRole('textbox', { name: /^Motif/ }), 'Spam répété.');
    const days = within(dialog).getByRole('textbox', { name: /^Nombre de jours/ });
    await userEvent.clear(days);
    await userEvent.type(days, '15');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Suspendre' }));

    await waitFor(() =>
      expect(within(first).getByRole('status')).toHaveTextContent(
        'Le compte de Camille Martin est suspendu.',
      ),
    );
    for (const panel of [first, second]) {
      expect(within(panel).getByText(/^Suspendu jusqu’au 10 décembre 2026/)).toBeInTheDocument();
      expect(within(panel).getByRole('button', { name: 'Lever la suspension' })).toBeVisible();
    }
    await waitFor(() =>
      expect(within(first).getByRole('heading', { name: 'Auteur : Camille Martin' })).toHaveFocus(),
    );
  });

  it('shows a reported amendment: its proposal, link, proposed texts, reason and diff', () => {
    renderWithApp(<QueueItem item={amendmentQueueItem()} />, { mocks: [me('MODERATOR')] });
    const article = screen.getByRole('article', {
      name: 'Amendement à la proposition « Une ressourcerie dans chaque quartier »',
    });
    expect(within(article).getByText('Amendement')).toBeInTheDocument();
    expect(within(article).getByText('Par Camille Martin')).toBeInTheDocument();
    expect(within(article).getByRole('link', { name: 'Voir la proposition' })).toHaveAttribute(
      'href',
      `/propositions/${amendedProposalId}`,
    );
    const term = (name: string) =>
      within(article).getByText(name, { selector: 'dt' }).nextElementSibling?.textContent;
    expect(term('Titre proposé')).toBe('Une ressourcerie gratuite dans chaque quartier');
    expect(term('Résumé proposé')).toBe('Réparer, donner et revendre les objets du quotidien.');
    expect(term('Motivation')).toBe('Achetez nos vélos sur notre site !');
    // The diff: only the changed fields, additions and deletions marked.
    expect(within(article).getByText('gratuite', { selector: 'ins', exact: false })).toBeVisible();
    expect(
      within(article).getByText('et revendre', { selector: 'del', exact: false }),
    ).toBeVisible();
    expect(within(article).queryByText('Texte', { selector: 'dt' })).toBeNull();
    expect(within(article).getByText(/^Spam ou publicité/)).toBeInTheDocument();
    expect(within(article).getByRole('button', { name: 'Masquer' })).toBeInTheDocument();
  });

  it('hides a reported amendment with targetType AMENDMENT', async () => {
    const hidden = amendmentQueueItem({ isHidden: true });
    renderWithApp(<QueueItem item={amendmentQueueItem()} />, {
      mocks: [
        me('MODERATOR'),
        {
          request: {
            query: DECISION_MUTATIONS.hideContent,
            variables: {
              input: { targetType: 'AMENDMENT', targetId: amendmentId, reason: 'Publicité.' },
            },
          },
          result: { data: { hideContent: hidden } },
        },
      ],
    });
    const article = screen.getByRole('article', { name: /^Amendement à la proposition/ });
    expect(within(article).getByText('Visible')).toBeInTheDocument();
    await userEvent.click(within(article).getByRole('button', { name: 'Masquer' }));
    const form = within(article).getByRole('form', { name: 'Masquer' });
    await userEvent.type(within(form).getByRole('textbox', { name: /^Raison/ }), 'Publicité.');
    await userEvent.click(within(form).getByRole('button', { name: /^Confirmer/ }));
    expect(await within(article).findByText('Le contenu est masqué.')).toBeInTheDocument();
    expect(within(article).getByText('Masqué')).toBeInTheDocument();
    expect(within(article).getByRole('button', { name: 'Rétablir' })).toBeInTheDocument();
  });
});
