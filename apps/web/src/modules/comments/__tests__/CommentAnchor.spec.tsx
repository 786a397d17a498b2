import { screen, waitFor } from '@testing-library/react';
import type { MockLink } from '@apollo/client/testing';
import type { CommentNode } from '../../../shared/graphql/schema-types';
import { renderWithApp } from '../../../testing/render';
import { ME_QUERY } from '../../auth/graphql/auth.documents';
import { CommentsSection } from '../components/CommentsSection';
import { PROPOSAL_COMMENTS_QUERY } from '../graphql/comments.documents';

const PROPOSAL_ID = '00000000-0000-4000-8000-0000000000a1';

const comment = (id: string, body: string, replies: CommentNode[] = []): CommentNode => ({
  __typename: 'Comment',
  id,
  proposalId: PROPOSAL_ID,
  parentId: null,
  body,
  bodyHtml: `<p>${body}</p>`,
  stance: 'FOR',
  author: {
    __typename: 'Participant',
    id: `u-${id}`,
    displayName: `Auteur ${id}`,
    actorType: 'ASSOCIATION',
    deleted: false,
  },
  isDeleted: false,
  isHidden: false,
  isEdited: false,
  upvotes: 0,
  hasMyUpvote: false,
  canEdit: false,
  createdAt: '2026-11-20T10:00:00.000Z',
  editedAt: null,
  replies,
});

const page = (
  nodes: CommentNode[],
  pageInfo: { hasNextPage: boolean; endCursor: string | null },
  after?: string,
): MockLink.MockedResponse => ({
  request: {
    query: PROPOSAL_COMMENTS_QUERY,
    variables: after ? { id: PROPOSAL_ID, after } : { id: PROPOSAL_ID },
  },
  result: {
    data: {
      proposal: {
        __typename: 'Proposal',
        id: PROPOSAL_ID,
        commentsCount: 3,
        consultation: { __typename: 'Consultation', id: 'c', openPhases: ['CLOSED'] },
        comments: {
          __typename: 'CommentConnection',
          edges: nodes.map((node) => ({ __typename: 'CommentEdge', cursor: node.id, node })),
          pageInfo: { __typename: 'PageInfo', ...pageInfo },
          totalCount: 3,
        },
      },
    },
  },
});

const visitor: MockLink.MockedResponse = {
  request: { query: ME_QUERY },
  result: { data: { me: null } },
  maxUsageCount: Number.POSITIVE_INFINITY,
};

const cardOf = (commentId: string) =>
  document.getElementById(`commentaire-${commentId}`)?.querySelector(':scope > article');

describe('links to a comment (#commentaire-<id>)', () => {
  // jsdom has no layout (test-setup stubs scrollIntoView): record the scroll instead.
  let scrollIntoView: jest.SpyInstance;
  beforeEach(() => {
    scrollIntoView = jest.spyOn(HTMLElement.prototype, 'scrollIntoView');
  });
  afterEach(() => scrollIntoView.mockRestore());

  it('gives every comment, replies included, its anchor id', async () => {
    renderWithApp(<CommentsSection proposalId={PROPOSAL_ID} />, {
      route: `/propositions/${PROPOSAL_ID}`,
      mocks: [
        visitor,
        page([comment('c1', 'Une SCIC citoyenne.', [comment('c2', 'Avec la commune.')])], {
          hasNextPage: false,
          endCursor: 'c1',
        }),
      ],
    });
    expect(await screen.findByText('Avec la commune.')).toBeInTheDocument();
    expect(document.getElementById('commentaire-c1')?.tagName).toBe('LI');
    expect(document.getElementById('commentaire-c2')?.tagName).toBe('LI');
    // Without a hash, nothing is highlighted nor focused.
    expect(document.querySelector('[data-targeted]')).toBeNull();
    expect(cardOf('c1')).not.toHaveAttribute('tabindex');
    expect(scrollIntoView).not.toHaveBeenCalled();
  });

  it('scrolls to, highlights and focuses the reply the hash names', async () => {
    renderWithApp(<CommentsSection proposalId={PROPOSAL_ID} />, {
      route: `/propositions/${PROPOSAL_ID}#commentaire-c2`,
      mocks: [
        visitor,
        page([comment('c1', 'Une SCIC citoyenne.', [comment('c2', 'Avec la commune.')])], {
          hasNextPage: false,
          endCursor: 'c1',
        }),
      ],
    });
    await screen.findByText('Avec la commune.');
    const card = cardOf('c2');
    await waitFor(() => expect(card).toHaveFocus());
    expect(card).toHaveAttribute('data-targeted');
    expect(card).toHaveAttribute('tabindex', '-1');
    expect(cardOf('c1')).not.toHaveAttribute('data-targeted');
    expect(scrollIntoView).toHaveBeenCalledTimes(1);
    expect(scrollIntoView.mock.contexts[0]).toBe(card);
  });

  it('loads the next pages until the named comment is shown', async () => {
    renderWithApp(<CommentsSection proposalId={PROPOSAL_ID} />, {
      route: `/propositions/${PROPOSAL_ID}#commentaire-c9`,
      mocks: [
        visitor,
        page([comment('c1', 'Des AMAP partout.')], { hasNextPage: true, endCursor: 'c1' }),
        page([comment('c5', 'Des marchés paysans.')], { hasNextPage: true, endCursor: 'c5' }, 'c1'),
        page([comment('c9', 'Des cantines bio.')], { hasNextPage: false, endCursor: 'c9' }, 'c5'),
      ],
    });
    expect(await screen.findByText('Des cantines bio.')).toBeInTheDocument();
    expect(screen.getByText('Des AMAP partout.')).toBeInTheDocument();
    await waitFor(() => expect(cardOf('c9')).toHaveFocus());
    expect(cardOf('c9')).toHaveAttribute('data-targeted');
  });

  it('stops at the last page when the named comment is not there', async () => {
    renderWithApp(<CommentsSection proposalId={PROPOSAL_ID} />, {
      route: `/propositions/${PROPOSAL_ID}#commentaire-inconnu`,
      mocks: [
        visitor,
        page([comment('c1', 'Des AMAP partout.')], { hasNextPage: true, endCursor: 'c1' }),
        page(
          [comment('c5', 'Des marchés paysans.')],
          { hasNextPage: false, endCursor: 'c5' },
          'c1',
        ),
      ],
    });
    expect(await screen.findByText('Des marchés paysans.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Afficher plus de commentaires' })).toBeNull();
    expect(document.querySelector('[data-targeted]')).toBeNull();
    expect(scrollIntoView).not.toHaveBeenCalled();
  });
});
