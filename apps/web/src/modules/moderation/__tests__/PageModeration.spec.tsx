import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { CommentNode } from '../../../shared/graphql/schema-types';
import { renderWithApp } from '../../../testing/render';
import { CommentItem } from '../../comments/components/CommentItem';
import { canModerateOnPage } from '../components/ProposalModeration';

describe('canModerateOnPage', () => {
  it.each([
    ['an anonymous visitor', { viewerCanModerate: false }, undefined, false],
    ['a participant', { viewerCanModerate: false }, 'PARTICIPANT', false],
    ['a local moderator of its consultation', { viewerCanModerate: true }, 'PARTICIPANT', true],
    ['a local moderator, before the answer', undefined, 'PARTICIPANT', false],
    ['a platform moderator', { viewerCanModerate: true }, 'MODERATOR', true],
    ['a platform moderator, with an older API', {}, 'MODERATOR', true],
    ['an administrator, before the answer', null, 'ADMIN', true],
  ])('%s: %s', (_who, proposal, role, expected) => {
    expect(canModerateOnPage(proposal, role)).toBe(expected);
  });
});

const comment = (change: Partial<CommentNode> = {}): CommentNode => ({
  __typename: 'Comment',
  id: 'c1',
  proposalId: 'p1',
  parentId: null,
  body: 'Hors sujet.',
  bodyHtml: '<p>Hors sujet.</p>',
  stance: 'NONE',
  author: { __typename: 'Participant', id: 'u2', displayName: 'Inès', actorType: 'ASSOCIATION' },
  isDeleted: false,
  isEdited: false,
  upvotes: 0,
  hasMyUpvote: false,
  canEdit: false,
  createdAt: '2026-11-20T10:00:00.000Z',
  editedAt: null,
  replies: [],
  ...change,
});

const renderItem = (node: CommentNode, canModerate: boolean) =>
  renderWithApp(
    <ul>
      <CommentItem
        comment={node}
        depth={1}
        viewerId="u1"
        canComment
        onReply={() => Promise.resolve()}
        canModerate={canModerate}
      />
    </ul>,
  );

describe('comment moderation on the proposal page', () => {
  it('offers no decision to a viewer who does not moderate the page', () => {
    renderItem(comment(), false);
    expect(screen.queryByRole('button', { name: 'Masquer' })).not.toBeInTheDocument();
  });

  it('offers to hide a visible comment, with the reason asked', async () => {
    renderItem(comment(), true);
    await userEvent.click(screen.getByRole('button', { name: 'Masquer' }));
    expect(screen.getByRole('textbox', { name: /Raison de la décision/ })).toBeInTheDocument();
  });

  it('shows a hidden comment’s text to its moderator, with a restore decision', () => {
    renderItem(comment({ isHidden: true }), true);
    const article = screen.getByRole('article', { name: 'Inès' });
    expect(within(article).getByText('Hors sujet.')).toBeInTheDocument();
    expect(within(article).getByRole('button', { name: 'Rétablir' })).toBeInTheDocument();
  });
});
