import { screen, within } from '@testing-library/react';
import type { CommentNode, ProposalSummary } from '../../../shared/graphql/schema-types';
import { renderWithApp } from '../../../testing/render';
import { CommentItem } from '../../comments/components/CommentItem';
import { ProposalCard } from '../../proposals/components/ProposalCard';
import { authorName, proposalText, proposalTitle } from '../anonymous';

/** The API's tombstone texts: stored in French whatever the reader's language. */
const TOMBSTONE_NAME = 'Participant·e anonyme';
const ERASED_TITLE = 'Proposition effacée';
const ERASED_SUMMARY = 'Son auteur·rice a supprimé son compte et effacé ses contributions.';

const author = (deleted: boolean): ProposalSummary['author'] => ({
  __typename: 'Participant',
  id: 'u1',
  displayName: deleted ? TOMBSTONE_NAME : 'Camille',
  actorType: 'ASSOCIATION',
  deleted,
});

const card = (change: Partial<ProposalSummary> = {}): ProposalSummary => ({
  __typename: 'Proposal',
  id: 'p1',
  erased: false,
  title: 'Des ateliers de réparation de vélos',
  summary: 'Un atelier par quartier.',
  status: 'PUBLISHED',
  themes: [],
  territory: {
    __typename: 'Territory',
    id: 'COMMUNE-69123',
    level: 'COMMUNE',
    code: '69123',
    name: 'Lyon',
  } as ProposalSummary['territory'],
  author: author(false),
  votesFor: 4,
  votesAgainst: 1,
  votesNeutral: 0,
  commentsCount: 1,
  publishedAt: '2026-03-01T09:30:00.000Z',
  createdAt: '2026-03-01T09:30:00.000Z',
  ...change,
});

const comment = (change: Partial<CommentNode> = {}): CommentNode => ({
  __typename: 'Comment',
  id: 'c1',
  proposalId: 'p1',
  parentId: null,
  body: 'Très bonne idée.',
  bodyHtml: '<p>Très bonne idée.</p>',
  stance: 'FOR',
  author: author(false),
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

const renderComment = (node: CommentNode, language: 'fr' | 'en') =>
  renderWithApp(
    <ul>
      <CommentItem
        comment={node}
        depth={1}
        viewerId={null}
        canComment={false}
        onReply={() => Promise.resolve()}
      />
    </ul>,
    { language },
  );

describe('deleted authors and erased proposals', () => {
  const t = (key: string) => `<${key}>`;

  it('keeps live names and texts, replaces those of deleted accounts and erased proposals', () => {
    expect(authorName({ displayName: 'Camille' }, t)).toBe('Camille');
    expect(authorName({ displayName: TOMBSTONE_NAME, deleted: true }, t)).toBe(
      '<privacy.anonymous>',
    );
    expect(proposalTitle({ title: 'Titre', erased: false }, t)).toBe('Titre');
    expect(proposalTitle({ title: ERASED_TITLE, erased: true }, t)).toBe(
      '<privacy.erasedProposal>',
    );
    expect(proposalText({}, 'Résumé', t)).toBe('Résumé');
    expect(proposalText({ erased: true }, ERASED_SUMMARY, t)).toBe('<privacy.erasedProposalText>');
  });

  it('shows an English reader the translated anonymous author on a proposal card', () => {
    renderWithApp(<ProposalCard proposal={card({ author: author(true) })} />, {
      language: 'en',
    });
    expect(screen.getByText(/^By Anonymous participant/)).toBeInTheDocument();
    expect(screen.queryByText(new RegExp(TOMBSTONE_NAME))).not.toBeInTheDocument();
    // The proposal itself is untouched (its author kept the contributions).
    expect(
      screen.getByRole('link', { name: 'Des ateliers de réparation de vélos' }),
    ).toBeInTheDocument();
  });

  it('shows the placeholder for an erased proposal, in the reader’s language', () => {
    renderWithApp(
      <ProposalCard
        proposal={card({
          erased: true,
          title: ERASED_TITLE,
          summary: ERASED_SUMMARY,
          author: author(true),
        })}
      />,
      { language: 'en' },
    );
    expect(screen.getByRole('link', { name: 'Proposal erased by its author' })).toHaveAttribute(
      'href',
      '/propositions/p1',
    );
    expect(
      screen.getByText('Its author deleted their account and erased their contributions.'),
    ).toBeInTheDocument();
    expect(screen.queryByText(ERASED_TITLE)).not.toBeInTheDocument();
    expect(screen.queryByText(ERASED_SUMMARY)).not.toBeInTheDocument();
  });

  it('shows the French placeholder to a French reader', () => {
    renderWithApp(
      <ProposalCard proposal={card({ erased: true, title: ERASED_TITLE, author: author(true) })} />,
    );
    expect(
      screen.getByRole('link', { name: 'Proposition effacée par son auteur·rice' }),
    ).toBeInTheDocument();
    expect(screen.getByText(/^Par Participant·e anonyme/)).toBeInTheDocument();
  });

  it('names a deleted comment author in the reader’s language, and a live one by their name', () => {
    renderComment(comment({ author: author(true) }), 'en');
    const article = screen.getByRole('article', { name: 'Anonymous participant' });
    expect(within(article).getByText('Très bonne idée.')).toBeInTheDocument();
    expect(screen.queryByText(TOMBSTONE_NAME)).not.toBeInTheDocument();
  });

  it('keeps a live comment author’s name', () => {
    renderComment(comment(), 'en');
    expect(screen.getByRole('article', { name: 'Camille' })).toBeInTheDocument();
  });
});
