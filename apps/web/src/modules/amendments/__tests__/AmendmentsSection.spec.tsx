import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import type { MockLink } from '@apollo/client/testing';
import { useQuery } from '@apollo/client/react';
import type { Role } from '@passerelle/domain';
import { renderWithApp } from '../../../testing/render';
import type { Amendment } from '../../../shared/graphql/schema-types';
import { ME_QUERY } from '../../auth/graphql/auth.documents';
import {
  DECISION_MUTATIONS,
  PROPOSAL_MODERATION_QUERY,
  REPORT_CONTENT_MUTATION,
  type ModerationItem,
} from '../../moderation/graphql/moderation.documents';
import { AmendmentsSection } from '../components/AmendmentsSection';
import {
  PROPOSAL_AMENDMENTS_QUERY,
  INVITE_COAUTHOR_MUTATION,
  PROPOSAL_COAUTHORS_QUERY,
  VOTE_ON_AMENDMENT_MUTATION,
} from '../graphql/amendments.documents';
import { amendment, amendmentId, proposalId } from './fixtures';

const authorId = '00000000-0000-4000-8000-0000000000c1';
const viewer = {
  __typename: 'User' as const,
  id: '00000000-0000-4000-8000-0000000000d1',
  email: 'camille@example.org',
  displayName: 'Camille',
  role: 'PARTICIPANT' as Role,
  actorType: 'CITIZEN' as const,
  territory: null,
};

function mocksFor(
  amendments: Amendment[],
  options: {
    viewerCanInviteCoAuthors?: boolean;
    viewerId?: string;
    open?: boolean;
    role?: Role;
  } = {},
): MockLink.MockedResponse[] {
  return [
    {
      request: { query: ME_QUERY },
      result: {
        data: {
          me: { ...viewer, id: options.viewerId ?? viewer.id, role: options.role ?? viewer.role },
        },
      },
      maxUsageCount: Number.POSITIVE_INFINITY,
    },
    {
      request: { query: PROPOSAL_AMENDMENTS_QUERY, variables: { id: proposalId } },
      result: {
        data: {
          proposal: {
            __typename: 'Proposal',
            id: proposalId,
            version: 2,
            title: 'Une recyclerie dans chaque quartier',
            summary: 'Réparer et revendre les objets.',
            body: 'Le texte.',
            status: 'PUBLISHED',
            author: { __typename: 'Participant', id: authorId },
            amendmentsOpen: options.open ?? true,
            viewerCanAmend: options.open ?? true,
            pendingAmendmentsCount: amendments.filter((a) => a.status === 'PENDING').length,
            amendments,
          },
        },
      },
    },
    {
      request: { query: PROPOSAL_COAUTHORS_QUERY, variables: { id: proposalId } },
      result: {
        data: {
          proposal: {
            __typename: 'Proposal',
            id: proposalId,
            author: { __typename: 'Participant', id: authorId },
            coAuthors: [],
            coAuthorInvitations: [],
            viewerCoAuthorStatus: null,
            viewerCanInviteCoAuthors: options.viewerCanInviteCoAuthors ?? false,
          },
        },
      },
    },
  ];
}

describe('AmendmentsSection', () => {
  it('says amendments are closed once the consultation’s debate is over, with no form to open', async () => {
    renderWithApp(<AmendmentsSection proposalId={proposalId} />, {
      mocks: mocksFor([amendment({ viewerCanVote: false })], { open: false }),
    });
    const section = await screen.findByRole('region', { name: 'Amendements' });
    expect(
      within(section).getByText(/Les amendements sont clos : la consultation a terminé/),
    ).toBeInTheDocument();
    expect(
      within(section).queryByRole('button', { name: 'Proposer un amendement' }),
    ).not.toBeInTheDocument();
    expect(within(section).getAllByRole('article')).toHaveLength(1);
  });

  it('shows an erased amendment with a notice in the reader’s language instead of its texts', async () => {
    const placeholder = 'Son auteur·rice a supprimé son compte et effacé ses contributions.';
    renderWithApp(<AmendmentsSection proposalId={proposalId} />, {
      language: 'en',
      mocks: mocksFor([
        amendment({
          erased: true,
          status: 'WITHDRAWN',
          title: 'Amendement effacé',
          reason: placeholder,
          viewerCanVote: false,
        }),
      ]),
    });
    const item = await screen.findByRole('article');
    expect(item).toHaveTextContent(
      'Amendment erased: its author deleted their account and erased their contributions.',
    );
    expect(item).not.toHaveTextContent(placeholder);
    expect(item).not.toHaveTextContent('ressourcerie');
  });

  it('lists pending amendments first, and filters by status', async () => {
    const user = userEvent.setup();
    renderWithApp(<AmendmentsSection proposalId={proposalId} />, {
      mocks: mocksFor([
        amendment(),
        amendment({
          id: 'a2',
          status: 'ACCEPTED',
          author: { ...amendment().author, id: 'p2', displayName: 'Jo Martin' },
          decidedAt: '2026-11-21T10:00:00.000Z',
          decidedBy: { ...amendment().author, id: authorId, displayName: 'Louise' },
          appliedVersion: 2,
          viewerCanVote: false,
        }),
      ]),
    });
    const section = await screen.findByRole('region', { name: 'Amendements' });
    const filters = within(section).getByRole('group', { name: 'Afficher les amendements' });
    expect(within(filters).getByRole('button', { name: 'En attente (1)' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    expect(within(section).getAllByRole('article')).toHaveLength(1);
    expect(
      within(section).getByRole('article', { name: 'Amendement de Aïcha Benali' }),
    ).toHaveTextContent('En attente');

    await user.click(within(filters).getByRole('button', { name: 'Acceptés (1)' }));
    const accepted = within(section).getByRole('article', { name: 'Amendement de Jo Martin' });
    expect(accepted).toHaveTextContent('Accepté le 21 novembre 2026 par Louise.');
    expect(accepted).toHaveTextContent('Il forme la version 2 de la proposition.');
    await user.click(within(filters).getByRole('button', { name: 'Rejetés (0)' }));
    expect(within(section).getByText('Aucun amendement rejeté.')).toBeInTheDocument();
    await user.click(within(filters).getByRole('button', { name: 'Tous (2)' }));
    expect(within(section).getAllByRole('article')).toHaveLength(2);
  });

  it('toggles the viewer’s vote through the cache: a second press withdraws it', async () => {
    const user = userEvent.setup();
    const vote = (value: 'FOR' | null, votesFor: number): MockLink.MockedResponse => ({
      request: { query: VOTE_ON_AMENDMENT_MUTATION, variables: { input: { amendmentId, value } } },
      result: {
        data: {
          voteOnAmendment: {
            __typename: 'Amendment',
            id: amendmentId,
            viewerVote: value,
            votesFor,
            votesAgainst: 1,
          },
        },
      },
    });
    renderWithApp(<AmendmentsSection proposalId={proposalId} />, {
      mocks: [...mocksFor([amendment()]), vote('FOR', 3), vote(null, 2)],
    });
    await user.click(await screen.findByRole('button', { name: 'Pour · 2' }));
    const pressed = await screen.findByRole('button', { name: 'Pour · 3' });
    await waitFor(() => expect(pressed).toHaveAttribute('aria-pressed', 'true'));
    // The buttons stay disabled until the mutation has settled (a click before would be lost).
    await waitFor(() => expect(pressed).toBeEnabled());
    await user.click(pressed);
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Pour · 2' })).toHaveAttribute(
        'aria-pressed',
        'false',
      ),
    );
    // Announced once the API has answered (the button changes at once, optimistically).
    expect(await screen.findByText('Votre vote est retiré.')).toBeInTheDocument();
  });

  it('says an amendment is outdated, and offers its author to update it', async () => {
    renderWithApp(<AmendmentsSection proposalId={proposalId} />, {
      mocks: mocksFor([
        amendment({ isOutdated: true, viewerIsAuthor: true, viewerCanVote: false }),
      ]),
    });
    const item = await screen.findByRole('article', { name: 'Amendement de Aïcha Benali' });
    expect(item).toHaveTextContent('Obsolète');
    expect(item).toHaveTextContent('écrit sur la version 1, elle en est à la version 2');
    expect(within(item).getByRole('button', { name: 'Mettre à jour' })).toBeVisible();
    expect(within(item).getByRole('button', { name: 'Retirer' })).toBeVisible();
    expect(within(item).queryByRole('button', { name: /^Accepter/ })).not.toBeInTheDocument();
  });

  it('offers the proposal’s author to decide and to invite the amendment’s author', async () => {
    const user = userEvent.setup();
    renderWithApp(<AmendmentsSection proposalId={proposalId} />, {
      mocks: mocksFor([amendment({ viewerCanDecide: true })], {
        viewerCanInviteCoAuthors: true,
        viewerId: authorId,
      }),
    });
    const item = await screen.findByRole('article', { name: 'Amendement de Aïcha Benali' });
    expect(
      await within(item).findByRole('button', {
        name: 'Inviter Aïcha Benali comme co-auteur·rice',
      }),
    ).toBeVisible();
    await user.click(within(item).getByRole('button', { name: /^Accepter/ }));
    const dialog = await screen.findByRole('dialog', {
      name: 'Accepter l’amendement de Aïcha Benali',
    });
    // The proposal's own author need not give a reason.
    expect(
      within(dialog).getByRole('textbox', { name: 'Motif de la décision' }),
    ).not.toBeRequired();
  });

  it('asks a moderator deciding in the author’s place for a reason', async () => {
    const user = userEvent.setup();
    renderWithApp(<AmendmentsSection proposalId={proposalId} />, {
      mocks: mocksFor([amendment({ viewerCanDecide: true })]),
    });
    const item = await screen.findByRole('article', { name: 'Amendement de Aïcha Benali' });
    await user.click(within(item).getByRole('button', { name: /^Rejeter/ }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByRole('textbox', { name: /Motif de la décision/ })).toBeRequired();
  });

  it('lets a moderator accept with a reason, without inviting anyone as co-author', async () => {
    const user = userEvent.setup();
    renderWithApp(<AmendmentsSection proposalId={proposalId} />, {
      mocks: mocksFor([amendment({ viewerCanDecide: true })]),
    });
    const item = await screen.findByRole('article', { name: 'Amendement de Aïcha Benali' });
    await user.click(within(item).getByRole('button', { name: /^Accepter/ }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByRole('textbox', { name: /Motif de la décision/ })).toBeRequired();
    // Only the proposal's author invites co-authors.
    expect(within(dialog).queryByRole('checkbox')).not.toBeInTheDocument();
  });

  it('offers no acceptance of an outdated amendment, only its rejection', async () => {
    renderWithApp(<AmendmentsSection proposalId={proposalId} />, {
      mocks: mocksFor([amendment({ viewerCanDecide: true, isOutdated: true })], {
        viewerId: authorId,
      }),
    });
    const item = await screen.findByRole('article', { name: 'Amendement de Aïcha Benali' });
    expect(item).toHaveTextContent('Obsolète');
    expect(within(item).getByRole('button', { name: /^Rejeter/ })).toBeVisible();
    expect(within(item).queryByRole('button', { name: /^Accepter/ })).not.toBeInTheDocument();
  });

  it('invites an amendment’s author as a co-author, then says they are invited', async () => {
    const user = userEvent.setup();
    const invited: MockLink.MockedResponse = {
      request: {
        query: INVITE_COAUTHOR_MUTATION,
        variables: { input: { proposalId, userId: amendment().author.id } },
      },
      result: {
        data: {
          inviteCoAuthor: {
            __typename: 'Proposal',
            id: proposalId,
            author: { __typename: 'Participant', id: authorId },
            coAuthors: [],
            coAuthorInvitations: [
              {
                __typename: 'CoAuthorInvitation',
                participant: amendment().author,
                status: 'INVITED',
                invitedAt: '2026-11-26T10:00:00.000Z',
                answeredAt: null,
              },
            ],
            viewerCoAuthorStatus: null,
            viewerCanInviteCoAuthors: true,
          },
        },
      },
    };
    renderWithApp(<AmendmentsSection proposalId={proposalId} />, {
      mocks: [
        ...mocksFor([amendment({ viewerCanDecide: true })], {
          viewerCanInviteCoAuthors: true,
          viewerId: authorId,
        }),
        invited,
      ],
    });
    const item = await screen.findByRole('article', { name: 'Amendement de Aïcha Benali' });
    await user.click(
      await within(item).findByRole('button', {
        name: 'Inviter Aïcha Benali comme co-auteur·rice',
      }),
    );
    expect(
      await within(item).findByText('Aïcha Benali est invité·e à co-écrire la proposition.'),
    ).toBeVisible();
    expect(within(item).queryByRole('button', { name: /^Inviter/ })).not.toBeInTheDocument();
  });
});

describe('AmendmentsSection: reports and moderation', () => {
  /** The amendments' answer alone (after a decision the section refetches it). */
  const amendmentsAnswer = (amendments: Amendment[]) =>
    mocksFor(amendments).filter((mock) => mock.request.query === PROPOSAL_AMENDMENTS_QUERY);

  /** The moderation queue's answer to a decision on the fixture's amendment. */
  const decided = (isHidden: boolean): ModerationItem => {
    const { id, title, summary, body, reason, status, createdAt, author, diff } = amendment();
    return {
      __typename: 'ModerationItem',
      targetType: 'AMENDMENT',
      targetId: id,
      isHidden,
      awaitingReview: false,
      openReportsCount: 0,
      firstReportedAt: null,
      lastReportedAt: null,
      author: null,
      proposal: null,
      comment: null,
      amendment: {
        __typename: 'Amendment',
        id,
        title,
        summary,
        body,
        reason,
        status,
        createdAt,
        proposal: { __typename: 'Proposal', id: proposalId, title: 'Une recyclerie' },
        author: { __typename: 'Participant', id: author.id, displayName: author.displayName },
        diff,
      },
      reports: [],
    };
  };

  /** The proposal page's moderation answer (the section reads viewerCanModerate from it). */
  function WithPageModeration({ children }: { children: ReactNode }) {
    useQuery(PROPOSAL_MODERATION_QUERY, { variables: { id: proposalId } });
    return children;
  }
  const pageModeration = (viewerCanModerate: boolean): MockLink.MockedResponse => ({
    request: { query: PROPOSAL_MODERATION_QUERY, variables: { id: proposalId } },
    result: {
      data: {
        proposal: {
          __typename: 'Proposal',
          id: proposalId,
          isHidden: false,
          officialAnswer: null,
          status: 'PUBLISHED',
          canEdit: false,
          viewerCanModerate,
          author: { __typename: 'Participant', id: authorId },
        },
      },
    },
  });

  it('offers « Signaler » on another participant’s amendment, not on one’s own, and reports it', async () => {
    const user = userEvent.setup();
    const own = amendment({
      id: 'a2',
      author: { ...amendment().author, id: viewer.id, displayName: 'Camille' },
      viewerIsAuthor: true,
      viewerCanVote: false,
    });
    renderWithApp(<AmendmentsSection proposalId={proposalId} />, {
      mocks: [
        ...mocksFor([amendment(), own]),
        {
          request: {
            query: REPORT_CONTENT_MUTATION,
            variables: {
              input: {
                targetType: 'AMENDMENT',
                targetId: amendmentId,
                reason: 'SPAM',
                details: null,
              },
            },
          },
          result: { data: { reportContent: { __typename: 'Report', id: 'r1' } } },
        },
      ],
    });
    const others = await screen.findByRole('article', { name: 'Amendement de Aïcha Benali' });
    const mine = screen.getByRole('article', { name: 'Amendement de Camille' });
    const report = await within(others).findByRole('button', { name: 'Signaler l’amendement' });
    expect(within(mine).queryByRole('button', { name: /^Signaler/ })).not.toBeInTheDocument();
    // A participant does not moderate the page.
    expect(screen.queryByRole('button', { name: 'Masquer' })).not.toBeInTheDocument();

    await user.click(report);
    const dialog = await screen.findByRole('dialog', { name: 'Signaler ce contenu' });
    await user.click(within(dialog).getByRole('radio', { name: 'Spam ou publicité' }));
    await user.click(within(dialog).getByRole('button', { name: 'Envoyer le signalement' }));
    expect(
      await within(others).findByText(
        'Merci, votre signalement a été transmis à l’équipe de modération.',
      ),
    ).toBeVisible();
  });

  it('tells the author that their amendment is hidden by the moderation', async () => {
    renderWithApp(<AmendmentsSection proposalId={proposalId} />, {
      mocks: mocksFor([amendment({ isHidden: true, viewerIsAuthor: true, viewerCanVote: false })], {
        viewerId: amendment().author.id,
      }),
    });
    const item = await screen.findByRole('article', { name: 'Amendement de Aïcha Benali' });
    expect(
      within(item).getByText(
        'Cet amendement est masqué par la modération : seuls son auteur·rice et les modérateurs le voient.',
      ),
    ).toBeVisible();
    expect(within(item).getByText('Masqué par la modération')).toBeVisible();
    expect(within(item).queryByRole('button', { name: /^Signaler/ })).not.toBeInTheDocument();
    expect(within(item).queryByRole('button', { name: 'Rétablir' })).not.toBeInTheDocument();
  });

  it('shows no hidden-amendment notice on a visible amendment', async () => {
    renderWithApp(<AmendmentsSection proposalId={proposalId} />, {
      mocks: mocksFor([amendment()]),
    });
    const item = await screen.findByRole('article', { name: 'Amendement de Aïcha Benali' });
    expect(within(item).queryByText(/masqué par la modération/)).not.toBeInTheDocument();
  });

  it('lets a moderator hide an amendment, then shows it hidden with « Rétablir »', async () => {
    const user = userEvent.setup();
    renderWithApp(<AmendmentsSection proposalId={proposalId} />, {
      mocks: [
        ...mocksFor([amendment()], { role: 'MODERATOR' }),
        {
          request: {
            query: DECISION_MUTATIONS.hideContent,
            variables: {
              input: { targetType: 'AMENDMENT', targetId: amendmentId, reason: 'Publicité.' },
            },
          },
          result: { data: { hideContent: decided(true) } },
        },
        // Hidden: no votes nor decisions, and no longer counted as pending.
        ...amendmentsAnswer([amendment({ isHidden: true, viewerCanVote: false })]),
      ],
    });
    const item = await screen.findByRole('article', { name: 'Amendement de Aïcha Benali' });
    await user.click(await within(item).findByRole('button', { name: 'Masquer' }));
    const form = within(item).getByRole('form', { name: 'Masquer' });
    await user.type(within(form).getByRole('textbox', { name: /^Raison/ }), 'Publicité.');
    await user.click(within(form).getByRole('button', { name: /^Confirmer/ }));

    expect(await within(item).findByText('Le contenu est masqué.')).toBeVisible();
    expect(await within(item).findByRole('button', { name: 'Rétablir' })).toBeVisible();
    expect(within(item).queryByRole('button', { name: 'Masquer' })).not.toBeInTheDocument();
    expect(
      within(item).getByText(/^Cet amendement est masqué par la modération/),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(within(item).queryByRole('button', { name: /^Pour/ })).not.toBeInTheDocument(),
    );
  });

  it('lets a local moderator of the consultation restore a hidden amendment', async () => {
    renderWithApp(
      <WithPageModeration>
        <AmendmentsSection proposalId={proposalId} />
      </WithPageModeration>,
      {
        mocks: [
          ...mocksFor([amendment({ isHidden: true, viewerCanVote: false })]),
          pageModeration(true),
        ],
      },
    );
    const item = await screen.findByRole('article', { name: 'Amendement de Aïcha Benali' });
    expect(await within(item).findByRole('button', { name: 'Rétablir' })).toBeVisible();
    expect(within(item).queryByRole('button', { name: 'Masquer' })).not.toBeInTheDocument();
  });

  it('offers no « Masquer » when the API says the viewer does not moderate the page', async () => {
    renderWithApp(
      <WithPageModeration>
        <AmendmentsSection proposalId={proposalId} />
      </WithPageModeration>,
      { mocks: [...mocksFor([amendment()]), pageModeration(false)] },
    );
    const item = await screen.findByRole('article', { name: 'Amendement de Aïcha Benali' });
    expect(
      await within(item).findByRole('button', { name: 'Signaler l’amendement' }),
    ).toBeVisible();
    expect(within(item).queryByRole('button', { name: 'Masquer' })).not.toBeInTheDocument();
  });
});
