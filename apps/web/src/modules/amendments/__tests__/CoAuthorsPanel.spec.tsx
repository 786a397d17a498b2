import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { MockLink } from '@apollo/client/testing';
import { renderWithApp } from '../../../testing/render';
import type { CoAuthorStatus, Participant } from '../../../shared/graphql/schema-types';
import { ME_QUERY } from '../../auth/graphql/auth.documents';
import { CoAuthorInvitationBanner, CoAuthorsPanel } from '../components/CoAuthorsPanel';
import { CoAuthorsByline } from '../components/CoAuthorsByline';
import {
  ANSWER_COAUTHOR_INVITATION_MUTATION,
  PROPOSAL_COAUTHORS_QUERY,
  REMOVE_COAUTHOR_MUTATION,
} from '../graphql/amendments.documents';
import { proposalId } from './fixtures';

const person = (id: string, displayName: string): Participant => ({
  __typename: 'Participant',
  id,
  displayName,
  actorType: 'CITIZEN',
  deleted: false,
});
const louise = person('00000000-0000-4000-8000-0000000000c1', 'Louise');
const aicha = person('00000000-0000-4000-8000-0000000000b1', 'Aïcha');
const jo = person('00000000-0000-4000-8000-0000000000b2', 'Jo');

const coAuthors = (options: {
  coAuthors: Participant[];
  status?: CoAuthorStatus | null;
  canInvite?: boolean;
  invitations?: { participant: Participant; status: CoAuthorStatus }[];
}) => ({
  __typename: 'Proposal' as const,
  id: proposalId,
  author: { __typename: 'Participant' as const, id: louise.id },
  coAuthors: options.coAuthors,
  coAuthorInvitations: (options.invitations ?? []).map((invitation) => ({
    __typename: 'CoAuthorInvitation' as const,
    ...invitation,
    invitedAt: '2026-11-25T10:00:00.000Z',
    answeredAt: null,
  })),
  viewerCoAuthorStatus: options.status ?? null,
  viewerCanInviteCoAuthors: options.canInvite ?? false,
});

const me = (user: Participant): MockLink.MockedResponse => ({
  request: { query: ME_QUERY },
  result: {
    data: {
      me: {
        __typename: 'User',
        id: user.id,
        email: 'me@example.org',
        displayName: user.displayName,
        role: 'PARTICIPANT',
        actorType: 'CITIZEN',
        territory: null,
      },
    },
  },
  maxUsageCount: Number.POSITIVE_INFINITY,
});

const page = (proposal: ReturnType<typeof coAuthors>): MockLink.MockedResponse => ({
  request: { query: PROPOSAL_COAUTHORS_QUERY, variables: { id: proposalId } },
  result: { data: { proposal } },
});

describe('co-authoring on the proposal page', () => {
  it('names the accepted co-authors under the author', async () => {
    renderWithApp(<CoAuthorsByline proposalId={proposalId} />, {
      mocks: [page(coAuthors({ coAuthors: [aicha, jo] }))],
    });
    expect(await screen.findByText('avec Aïcha et Jo')).toBeVisible();
  });

  it('lets the invited participant accept the invitation', async () => {
    const user = userEvent.setup();
    renderWithApp(<CoAuthorInvitationBanner proposalId={proposalId} />, {
      mocks: [
        page(coAuthors({ coAuthors: [], status: 'INVITED' })),
        {
          request: {
            query: ANSWER_COAUTHOR_INVITATION_MUTATION,
            variables: { input: { proposalId, accept: true } },
          },
          result: {
            data: {
              answerCoAuthorInvitation: {
                ...coAuthors({ coAuthors: [aicha], status: 'ACCEPTED' }),
                canEdit: true,
              },
            },
          },
        },
      ],
    });
    const banner = await screen.findByRole('alert');
    expect(banner).toHaveTextContent('Invitation à co-écrire');
    await user.click(within(banner).getByRole('button', { name: 'Accepter l’invitation' }));
    expect(await screen.findByText('Vous co-écrivez maintenant cette proposition.')).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Décliner' })).not.toBeInTheDocument();
  });

  it('shows the author the co-authors and invitations, and removes a co-author', async () => {
    const user = userEvent.setup();
    renderWithApp(<CoAuthorsPanel proposalId={proposalId} />, {
      mocks: [
        me(louise),
        page(
          coAuthors({
            coAuthors: [aicha],
            canInvite: true,
            invitations: [{ participant: jo, status: 'DECLINED' }],
          }),
        ),
        {
          request: {
            query: REMOVE_COAUTHOR_MUTATION,
            variables: { input: { proposalId, userId: aicha.id } },
          },
          result: {
            data: {
              removeCoAuthor: {
                ...coAuthors({
                  coAuthors: [],
                  canInvite: true,
                  invitations: [{ participant: jo, status: 'DECLINED' }],
                }),
                canEdit: true,
              },
            },
          },
        },
      ],
    });
    const panel = await screen.findByRole('region', { name: 'Co-auteur·rices' });
    expect(within(panel).getByText('Jo — invitation déclinée')).toBeVisible();
    await user.click(
      within(panel).getByRole('button', { name: 'Retirer Aïcha des co-auteur·rices' }),
    );
    await waitFor(() =>
      expect(within(panel).getByText('Aucun co-auteur·rice pour l’instant.')).toBeVisible(),
    );
    expect(within(panel).getByRole('status')).toHaveTextContent(
      'Aïcha ne co-écrit plus cette proposition.',
    );
  });

  it('lets an accepted co-author leave', async () => {
    const user = userEvent.setup();
    renderWithApp(<CoAuthorsPanel proposalId={proposalId} />, {
      mocks: [
        me(aicha),
        page(coAuthors({ coAuthors: [aicha], status: 'ACCEPTED' })),
        {
          request: {
            query: REMOVE_COAUTHOR_MUTATION,
            variables: { input: { proposalId, userId: aicha.id } },
          },
          result: {
            data: { removeCoAuthor: { ...coAuthors({ coAuthors: [] }), canEdit: false } },
          },
        },
      ],
    });
    const panel = await screen.findByRole('region', { name: 'Co-auteur·rices' });
    expect(panel).toHaveTextContent('Vous co-écrivez cette proposition');
    await user.click(within(panel).getByRole('button', { name: 'Ne plus co-écrire' }));
    expect(
      await screen.findByText('Vous ne co-écrivez plus cette proposition.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Co-auteur·rices' })).not.toBeInTheDocument();
  });
});
