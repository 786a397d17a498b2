import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { CommentNode } from '../../../shared/graphql/schema-types';
import { Highlighted } from '../../../shared/ui/Highlighted';
import { renderWithApp } from '../../../testing/render';
import { CommentItem } from '../components/CommentItem';

const comment = (change: Partial<CommentNode> = {}): CommentNode => ({
  __typename: 'Comment',
  id: 'c1',
  proposalId: 'p1',
  parentId: null,
  body: 'Très bonne idée.',
  bodyHtml: '<p>Très <strong>bonne</strong> idée.</p>',
  stance: 'FOR',
  author: { __typename: 'Participant', id: 'u2', displayName: 'Inès', actorType: 'ASSOCIATION' },
  isDeleted: false,
  isEdited: false,
  upvotes: 3,
  hasMyUpvote: false,
  canEdit: false,
  createdAt: '2026-11-20T10:00:00.000Z',
  editedAt: null,
  replies: [],
  ...change,
});

const renderItem = (node: CommentNode, viewerId: string | null = 'u1') =>
  renderWithApp(
    <ul>
      <CommentItem
        comment={node}
        depth={1}
        viewerId={viewerId}
        canComment
        onReply={() => Promise.resolve()}
      />
    </ul>,
  );

describe('CommentItem', () => {
  beforeEach(() => window.localStorage.clear());

  it('shows a placeholder for a comment hidden by moderation, without body or actions', () => {
    renderItem(comment({ isHidden: true, body: null, bodyHtml: null, author: null }));
    const article = screen.getByRole('article', { name: 'Commentaire masqué par la modération' });
    expect(within(article).queryByRole('button')).not.toBeInTheDocument();
  });

  it('shows the author their hidden comment with a notice', () => {
    renderItem(
      comment({ isHidden: true, author: { id: 'u1', displayName: 'Moi', actorType: 'CITIZEN' } }),
    );
    const article = screen.getByRole('article', { name: 'Moi' });
    expect(within(article).getByText(/masqué en attente de modération/)).toBeInTheDocument();
    expect(within(article).getByText('bonne')).toBeInTheDocument();
  });

  it('shows the author, the stance and the sanitised body, with upvote and reply', () => {
    renderItem(comment());
    const article = screen.getByRole('article', { name: 'Inès' });
    expect(within(article).getByText('Pour')).toBeInTheDocument();
    expect(within(article).getByText('bonne').tagName).toBe('STRONG');
    expect(within(article).getByRole('button', { name: 'Utile (3)' })).toHaveAttribute(
      'aria-pressed',
      'false',
    );
    expect(within(article).getByRole('button', { name: 'Répondre' })).toBeInTheDocument();
    expect(within(article).queryByRole('button', { name: 'Supprimer' })).not.toBeInTheDocument();
  });

  it('offers edit and delete on one’s own comment, but no upvote', async () => {
    renderItem(
      comment({ author: { id: 'u1', displayName: 'Moi', actorType: 'CITIZEN' }, canEdit: true }),
    );
    expect(screen.queryByRole('button', { name: /^Utile/ })).not.toBeInTheDocument();
    expect(screen.getByText('3 personnes trouvent ce commentaire utile')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Supprimer' }));
    expect(screen.getByRole('alertdialog')).toHaveTextContent('Supprimer ce commentaire ?');
    await userEvent.click(screen.getByRole('button', { name: 'Annuler' }));
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
  });

  it('keeps a deleted comment’s place in the thread, with its replies', () => {
    renderItem(
      comment({
        isDeleted: true,
        body: null,
        bodyHtml: null,
        author: null,
        replies: [
          comment({
            id: 'c2',
            parentId: 'c1',
            stance: 'NONE',
            body: 'Réponse',
            bodyHtml: '<p>Réponse</p>',
          }),
        ],
      }),
    );
    const deleted = screen.getByRole('article', { name: 'Commentaire supprimé' });
    expect(within(deleted).queryByRole('button')).not.toBeInTheDocument();
    expect(screen.getByRole('list', { name: 'Réponses à Commentaire supprimé' })).toHaveTextContent(
      'Réponse',
    );
  });

  it('lets visitors read without actions', () => {
    renderItem(comment(), null);
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });
});

describe('Highlighted', () => {
  it('marks the matching fragments and keeps the rest as text', () => {
    const { container } = renderWithApp(
      <p>
        <Highlighted
          fragments={[
            { text: 'Des ', isMatch: false },
            { text: 'vélos', isMatch: true },
            { text: ' <b>partout</b>', isMatch: false },
          ]}
        />
      </p>,
    );
    expect(container.querySelector('mark')?.textContent).toBe('vélos');
    expect(container.querySelector('b')).toBeNull();
    expect(container.querySelector('p')?.textContent).toBe('Des vélos <b>partout</b>');
  });
});
