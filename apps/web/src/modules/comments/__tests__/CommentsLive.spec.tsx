import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { MockLink } from '@apollo/client/testing';
import type { CommentNode } from '../../../shared/graphql/schema-types';
import { createLiveServer } from '../../../testing/liveServer';
import { renderWithApp } from '../../../testing/render';
import { ME_QUERY } from '../../auth/graphql/auth.documents';
import { CommentsSection } from '../components/CommentsSection';
import { PROPOSAL_COMMENTS_QUERY } from '../graphql/comments.documents';

const PROPOSAL_ID = '00000000-0000-4000-8000-0000000000a2';

const author = (id: string) => ({
  __typename: 'Participant' as const,
  id,
  displayName: `Auteur ${id}`,
  actorType: 'ASSOCIATION' as const,
});
const comment = (id: string, authorId = `u-${id}`): CommentNode => ({
  __typename: 'Comment',
  id,
  proposalId: PROPOSAL_ID,
  parentId: null,
  body: `Texte ${id}`,
  bodyHtml: `<p>Texte ${id}</p>`,
  stance: 'FOR',
  author: author(authorId),
  isDeleted: false,
  isHidden: false,
  isEdited: false,
  upvotes: 0,
  hasMyUpvote: false,
  canEdit: false,
  createdAt: '2026-11-20T10:00:00.000Z',
  editedAt: null,
  replies: [],
});
const thread = (
  nodes: CommentNode[],
  variables: object,
  openPhases = ['CLOSED'],
): MockLink.MockedResponse => ({
  request: { query: PROPOSAL_COMMENTS_QUERY, variables: { id: PROPOSAL_ID, ...variables } },
  result: {
    data: {
      proposal: {
        __typename: 'Proposal',
        id: PROPOSAL_ID,
        commentsCount: nodes.length,
        consultation: { __typename: 'Consultation', id: 'c', openPhases },
        comments: {
          __typename: 'CommentConnection',
          edges: nodes.map((node) => ({ __typename: 'CommentEdge', cursor: node.id, node })),
          pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: nodes.at(-1)?.id },
          totalCount: nodes.length,
        },
      },
    },
  },
});
const visitor: MockLink.MockedResponse = {
  request: { query: ME_QUERY },
  result: { data: { me: null } },
};
const signedIn: MockLink.MockedResponse = {
  request: { query: ME_QUERY },
  result: {
    data: {
      me: {
        __typename: 'User',
        id: 'u-me',
        email: 'moi@example.org',
        displayName: 'Moi',
        role: 'PARTICIPANT',
        actorType: 'ASSOCIATION',
        territory: null,
      },
    },
  },
};
const added = (id: string, authorId = `u-${id}`) => ({
  commentAdded: {
    __typename: 'Comment',
    id,
    proposalId: PROPOSAL_ID,
    parentId: null,
    author: author(authorId),
  },
});

describe('CommentsSection, live', () => {
  it('offers to show a comment posted by someone else, then shows it once', async () => {
    const live = createLiveServer();
    renderWithApp(<CommentsSection proposalId={PROPOSAL_ID} />, {
      live,
      mocks: [
        visitor,
        thread([comment('c1')], {}),
        thread([comment('c1'), comment('c2')], { after: null }),
      ],
    });
    expect(await screen.findByText('Texte c1')).toBeInTheDocument();
    expect(live.opened).toEqual([
      { operationName: 'CommentAdded', variables: { proposalId: PROPOSAL_ID } },
    ]);

    await live.push('CommentAdded', added('c2'));
    await live.push('CommentAdded', added('c2')); // the same event twice counts once
    const show = await screen.findByRole('button', { name: '1 nouveau commentaire — afficher' });
    expect(screen.getByText('1 nouveau commentaire')).toHaveAttribute('aria-live', 'polite');
    expect(screen.queryByText('Texte c2')).not.toBeInTheDocument();

    await userEvent.click(show);
    expect(await screen.findByText('Texte c2')).toBeInTheDocument();
    expect(screen.getAllByText('Texte c2')).toHaveLength(1);
    await waitFor(() =>
      expect(screen.queryByRole('button', { name: /nouveau commentaire/ })).not.toBeInTheDocument(),
    );
  });

  it('ignores my own comment (its mutation reloads the thread) and comments already shown', async () => {
    const live = createLiveServer();
    renderWithApp(<CommentsSection proposalId={PROPOSAL_ID} />, {
      live,
      mocks: [signedIn, thread([comment('c1')], {}, ['PROPOSING'])],
    });
    expect(await screen.findByText('Texte c1')).toBeInTheDocument();
    // The comment form says the viewer is known.
    expect(await screen.findByLabelText(/Votre commentaire/)).toBeInTheDocument();
    await waitFor(() => expect(live.openCount('CommentAdded')).toBe(1));
    await live.push('CommentAdded', added('c3', 'u-me'));
    await live.push('CommentAdded', added('c1'));
    expect(screen.queryByRole('button', { name: /nouveau commentaire/ })).not.toBeInTheDocument();

    await live.push('CommentAdded', added('c4'));
    expect(
      await screen.findByRole('button', { name: '1 nouveau commentaire — afficher' }),
    ).toBeInTheDocument();
  });
});
