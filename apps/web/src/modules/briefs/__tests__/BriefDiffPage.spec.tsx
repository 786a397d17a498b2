import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { MockLink } from '@apollo/client/testing';
import { GraphQLError } from 'graphql';
import { Route, Routes } from 'react-router';
import type {
  BriefVersionDiff,
  BriefVersionSummary,
  DiffPart,
  FrozenVoteFigures,
} from '../../../shared/graphql/schema-types';
import { renderWithApp } from '../../../testing/render';
import { BriefDiffPage } from '../components/BriefDiffPage';
import { BriefPage } from '../components/BriefPage';
import {
  BRIEF_VERSION_DIFF_QUERY,
  PUBLISHED_BRIEF_VERSIONS_QUERY,
} from '../graphql/briefs-diff.documents';
import { PUBLISHED_BRIEF_QUERY } from '../graphql/briefs.documents';

const slug = 'energie-citoyenne';
// Two chained queries (versions, then the diff): give them time on a busy machine.
const waitLonger = { timeout: 5_000 };
const part = (kind: DiffPart['kind'], text: string): DiffPart => ({
  __typename: 'DiffPart',
  kind,
  text,
});
const figures = (votesFor: number, votesAgainst = 0, votesNeutral = 0): FrozenVoteFigures => ({
  __typename: 'FrozenVoteFigures',
  votesFor,
  votesAgainst,
  votesNeutral,
  colleges: [],
});
const summary = (number: number, day: number): BriefVersionSummary => ({
  __typename: 'BriefVersionSummary',
  number,
  publishedAt: `2026-11-${day}T10:00:00.000Z`,
  title: 'Énergie citoyenne',
});
const versions = [summary(3, 25), summary(2, 22), summary(1, 20)];
const versionsQuery = (list = versions, publishedVersion = 3): MockLink.MockedResponse => ({
  request: { query: PUBLISHED_BRIEF_VERSIONS_QUERY, variables: { slug } },
  result: {
    data: {
      publishedBrief: {
        __typename: 'PublishedBrief',
        id: 'b1',
        slug,
        title: 'Énergie citoyenne',
        publishedVersion,
        versions: list,
      },
    },
  },
});

const diff = (from: number, to: number): BriefVersionDiff => ({
  __typename: 'BriefVersionDiff',
  slug,
  from: versions.find((version) => version.number === from) as BriefVersionSummary,
  to: versions.find((version) => version.number === to) as BriefVersionSummary,
  hasChanges: true,
  title: [part('SAME', 'Énergie citoyenne')],
  introduction: [
    part('SAME', 'Les SCIC '),
    part('ADDED', 'coopératives '),
    part('SAME', 'agissent.'),
  ],
  sections: [
    {
      __typename: 'BriefSectionDiff',
      status: 'CHANGED',
      fromPosition: 0,
      toPosition: 0,
      title: [part('SAME', 'Production')],
      synthesis: [
        part('SAME', 'Des toits '),
        part('REMOVED', 'privés'),
        part('ADDED', 'publics'),
        part('SAME', ' équipés [1].'),
      ],
      dissentNote: [],
      citationsAdded: [
        {
          __typename: 'BriefCitationChange',
          proposalId: null,
          commentId: 'c9',
          sourceProposalId: 'p2',
          proposalTitle: 'Des centrales villageoises',
          quote: 'un toit par école',
        },
      ],
      citationsRemoved: [
        {
          __typename: 'BriefCitationChange',
          proposalId: 'p3',
          commentId: null,
          sourceProposalId: 'p3',
          proposalTitle: 'Un fonds régional',
          quote: null,
        },
      ],
    },
    {
      __typename: 'BriefSectionDiff',
      status: 'REMOVED',
      fromPosition: 1,
      toPosition: null,
      title: [part('REMOVED', 'Stockage')],
      synthesis: [part('REMOVED', 'Des batteries partagées [1].')],
      dissentNote: [],
      citationsAdded: [],
      citationsRemoved: [],
    },
    {
      __typename: 'BriefSectionDiff',
      status: 'UNCHANGED',
      fromPosition: 2,
      toPosition: 1,
      title: [part('SAME', 'Gouvernance')],
      synthesis: [part('SAME', 'Une voix par associé [1].')],
      dissentNote: [],
      citationsAdded: [],
      citationsRemoved: [],
    },
    {
      __typename: 'BriefSectionDiff',
      status: 'ADDED',
      fromPosition: null,
      toPosition: 2,
      title: [part('ADDED', 'Sobriété')],
      synthesis: [part('ADDED', 'Moins consommer [1].')],
      dissentNote: [part('ADDED', 'Certains doutent.')],
      citationsAdded: [],
      citationsRemoved: [],
    },
  ],
  figures: [
    {
      __typename: 'BriefFiguresChange',
      proposalId: 'p1',
      title: 'Un toit solaire par école',
      isChanged: true,
      before: figures(10, 2, 1),
      after: figures(14, 1, 1),
    },
  ],
});
const diffQuery = (from: number, to: number): MockLink.MockedResponse => ({
  request: { query: BRIEF_VERSION_DIFF_QUERY, variables: { slug, from, to } },
  result: { data: { briefVersionDiff: diff(from, to) } },
});

const renderPage = (
  mocks: MockLink.MockedResponse[],
  route: string,
  language: 'fr' | 'en' = 'fr',
) =>
  renderWithApp(
    <Routes>
      <Route path="/contributions/:slug" element={<BriefPage />} />
      <Route path="/contributions/:slug/comparer" element={<BriefDiffPage />} />
    </Routes>,
    { mocks, route, language },
  );

describe('BriefDiffPage', () => {
  it('compares the previous version with the current one by default', async () => {
    renderPage([versionsQuery(), diffQuery(2, 3)], `/contributions/${slug}/comparer`);
    expect(
      await screen.findByText(
        'De la version 2 (publiée le 22 novembre 2026) à la version 3 (publiée le 25 novembre 2026).',
        {},
        waitLonger,
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Comparer deux versions' })).toBeVisible();
    expect(screen.getByLabelText('Version de départ')).toHaveValue('2');
    expect(screen.getByLabelText('Version d’arrivée')).toHaveValue('3');
  });

  it('marks removed and added words with <del> and <ins>, announced to screen readers', async () => {
    renderPage([versionsQuery(), diffQuery(1, 3)], `/contributions/${slug}/comparer?de=1&a=3`);
    const section = await screen.findByRole(
      'region',
      { name: 'Section 1 — Production' },
      waitLonger,
    );
    const removed = section.querySelector('del') as HTMLElement;
    const added = section.querySelector('ins') as HTMLElement;
    expect(removed).toHaveTextContent('supprimé : privés');
    expect(added).toHaveTextContent('ajouté : publics');
    expect(removed).toHaveStyle({ textDecoration: 'line-through' });
    expect(added).toHaveStyle({ textDecoration: 'underline' });
    expect(within(section).getByText('Section modifiée')).toBeInTheDocument();
    // The introduction's added word.
    const introduction = screen.getByRole('region', { name: 'Introduction' });
    expect(introduction.querySelector('ins')).toHaveTextContent('coopératives');
  });

  it('labels sections added, removed and unchanged, the unchanged ones collapsed', async () => {
    renderPage([versionsQuery(), diffQuery(1, 3)], `/contributions/${slug}/comparer?de=1&a=3`);
    const removed = await screen.findByRole(
      'region',
      { name: 'Section 2 — Stockage (section 2 dans la version 1)' },
      waitLonger,
    );
    expect(within(removed).getByText('Section supprimée')).toBeInTheDocument();
    const added = screen.getByRole('region', { name: 'Section 3 — Sobriété' });
    expect(within(added).getByText('Section ajoutée')).toBeInTheDocument();
    expect([...added.querySelectorAll('ins')].map((ins) => ins.textContent)).toEqual([
      'ajouté : Moins consommer [1].',
      'ajouté : Certains doutent.',
    ]);
    // The unchanged section is a closed disclosure, not a region.
    expect(screen.queryByRole('region', { name: /Gouvernance/ })).not.toBeInTheDocument();
    const summary = screen.getByText(/^Section 2 — Gouvernance/).closest('summary') as HTMLElement;
    expect(summary).toHaveTextContent('Section inchangée');
    expect(summary.closest('details')).not.toHaveAttribute('open');
    await userEvent.click(summary);
    expect(summary.closest('details')).toHaveAttribute('open');
  });

  it('lists the sources added and removed, linked to their proposal or comment', async () => {
    renderPage([versionsQuery(), diffQuery(1, 3)], `/contributions/${slug}/comparer?de=1&a=3`);
    const section = await screen.findByRole(
      'region',
      { name: 'Section 1 — Production' },
      waitLonger,
    );
    expect(
      within(section).getByRole('link', {
        name: 'Commentaire cité sur la proposition : Des centrales villageoises',
      }),
    ).toHaveAttribute('href', '/propositions/p2#commentaire-c9');
    expect(within(section).getByText(/« un toit par école »/)).toBeInTheDocument();
    expect(
      within(section).getByRole('link', { name: 'Proposition citée : Un fonds régional' }),
    ).toHaveAttribute('href', '/propositions/p3');
    expect(within(section).getByRole('heading', { name: 'Sources ajoutées' })).toBeVisible();
    expect(within(section).getByRole('heading', { name: 'Sources retirées' })).toBeVisible();
  });

  it('shows how the frozen votes moved in a table', async () => {
    renderPage([versionsQuery(), diffQuery(1, 3)], `/contributions/${slug}/comparer?de=1&a=3`);
    const table = await screen.findByRole(
      'table',
      {
        name: /^Votes des propositions citées dans les deux versions.*version 1, puis version 3\.$/,
      },
      waitLonger,
    );
    const [, row] = within(table).getAllByRole('row');
    expect(within(row).getByRole('link', { name: 'Un toit solaire par école' })).toHaveAttribute(
      'href',
      '/propositions/p1',
    );
    expect(
      within(row)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['10 →  puis 14 (+4)', '2 →  puis 1 (−1)', '1 (inchangé)']);
  });

  it('loads the versions chosen in the selects', async () => {
    renderPage(
      [versionsQuery(), diffQuery(2, 3), diffQuery(1, 2)],
      `/contributions/${slug}/comparer`,
    );
    await screen.findByText(/^De la version 2/, {}, waitLonger);
    await userEvent.selectOptions(screen.getByLabelText('Version de départ'), '1');
    await userEvent.selectOptions(screen.getByLabelText('Version d’arrivée'), '2');
    await userEvent.click(screen.getByRole('button', { name: 'Comparer' }));
    expect(
      await screen.findByText(/^De la version 1 .* à la version 2 /, {}, waitLonger),
    ).toBeInTheDocument();
  });

  it('asks for two different versions without querying', async () => {
    renderPage([versionsQuery()], `/contributions/${slug}/comparer?de=2&a=2`);
    expect(
      await screen.findByText('Choisissez deux versions différentes à comparer.'),
    ).toBeInTheDocument();
  });

  it('says there is nothing to compare with a single version', async () => {
    renderPage([versionsQuery([summary(1, 20)], 1)], `/contributions/${slug}/comparer`);
    expect(
      await screen.findByText(
        'Cette contribution n’a qu’une version publiée : il n’y a rien à comparer pour l’instant.',
      ),
    ).toBeInTheDocument();
  });

  it('shows the API message for a version that does not exist', async () => {
    renderPage(
      [
        versionsQuery(),
        {
          request: { query: BRIEF_VERSION_DIFF_QUERY, variables: { slug, from: 1, to: 9 } },
          result: {
            errors: [
              new GraphQLError(
                "Cette version de la contribution n'existe pas : choisissez une version publiée.",
                { extensions: { code: 'NOT_FOUND', reason: 'BRIEF_VERSION_NOT_FOUND' } },
              ),
            ],
          },
        },
      ],
      `/contributions/${slug}/comparer?de=1&a=9`,
    );
    expect(await screen.findByRole('alert', {}, waitLonger)).toHaveTextContent(
      "Cette version de la contribution n'existe pas : choisissez une version publiée.",
    );
  });

  it('says when the brief was never published', async () => {
    renderPage(
      [
        {
          request: { query: PUBLISHED_BRIEF_VERSIONS_QUERY, variables: { slug } },
          result: {
            errors: [
              new GraphQLError('Introuvable', {
                extensions: { code: 'NOT_FOUND', reason: 'BRIEF_NOT_FOUND' },
              }),
            ],
          },
        },
      ],
      `/contributions/${slug}/comparer`,
    );
    expect(
      await screen.findByText('Cette contribution n’existe pas ou n’a pas encore été publiée.'),
    ).toBeInTheDocument();
  });

  it('is complete in English', async () => {
    renderPage(
      [versionsQuery(), diffQuery(1, 3)],
      `/contributions/${slug}/comparer?de=1&a=3`,
      'en',
    );
    const section = await screen.findByRole(
      'region',
      { name: 'Section 1 — Production' },
      waitLonger,
    );
    expect(section.querySelector('del')).toHaveTextContent('removed: privés');
    expect(within(section).getByText('Section changed')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'How the votes moved' })).toBeInTheDocument();
    expect(screen.getByLabelText('From version')).toHaveValue('1');
  });
});

describe('BriefPage versions list', () => {
  it('links each version to its comparison with the previous one', async () => {
    renderPage(
      [
        {
          request: { query: PUBLISHED_BRIEF_QUERY, variables: { slug } },
          result: {
            data: {
              publishedBrief: {
                __typename: 'PublishedBrief',
                id: 'b1',
                slug,
                title: 'Énergie citoyenne',
                publishedVersion: 3,
                versions,
                currentVersion: {
                  __typename: 'BriefVersion',
                  number: 3,
                  publishedAt: '2026-11-25T10:00:00.000Z',
                  title: 'Énergie citoyenne',
                  introductionHtml: '',
                  sections: [],
                  annex: [],
                },
              },
            },
          },
        },
      ],
      `/contributions/${slug}`,
    );
    const list = await screen.findByRole('region', { name: 'Versions publiées' });
    const links = within(list).getAllByRole('link', {
      name: /^Comparer avec la version précédente/,
    });
    expect(links.map((link) => link.getAttribute('href'))).toEqual([
      `/contributions/${slug}/comparer?de=2&a=3`,
      `/contributions/${slug}/comparer?de=1&a=2`,
    ]);
    expect(links[0]).toHaveAccessibleName(
      'Comparer avec la version précédente (version 3 et version 2)',
    );
  });
});
