import { screen, within } from '@testing-library/react';
import type { MockLink } from '@apollo/client/testing';
import { GraphQLError } from 'graphql';
import { Route, Routes } from 'react-router';
import type { BriefVersion, FrozenVoteFigures } from '../../../shared/graphql/schema-types';
import { renderWithApp } from '../../../testing/render';
import { BriefPage } from '../components/BriefPage';
import { ProposalCitedIn } from '../components/ProposalCitedIn';
import {
  PROPOSAL_CITED_IN_QUERY,
  PUBLISHED_BRIEF_QUERY,
  PUBLISHED_BRIEF_VERSION_QUERY,
} from '../graphql/briefs.documents';

const slug = 'mobilites-2026';
const figures = (
  votesFor: number,
  votesAgainst: number,
  votesNeutral: number,
): FrozenVoteFigures => ({
  __typename: 'FrozenVoteFigures',
  votesFor,
  votesAgainst,
  votesNeutral,
  colleges: [
    {
      __typename: 'FrozenCollegeFigures',
      actorType: 'ASSOCIATION',
      votesFor,
      votesAgainst,
      votesNeutral,
    },
  ],
});
const version = (number: number, title = 'Mobilités du quotidien'): BriefVersion => ({
  __typename: 'BriefVersion',
  number,
  publishedAt: number === 2 ? '2026-11-24T10:00:00.000Z' : '2026-11-20T10:00:00.000Z',
  title,
  introductionHtml: '<p>Une <strong>introduction</strong>.</p>',
  sections: [
    {
      __typename: 'BriefVersionSection',
      position: 0,
      title: 'Vélo',
      // As the API renders it: each source marker [n] links to the section's n-th citation.
      synthesisHtml:
        '<p>Des ateliers vélo partout <sup class="source-ref"><a href="/propositions/p1" title="Un atelier vélo par quartier">[1]</a></sup>, ' +
        'et des pistes <sup class="source-ref"><a href="/propositions/p2#commentaire-c1" title="Des pistes cyclables">[2]</a></sup>.</p>',
      dissentNote: 'Certains préfèrent la voiture.',
      citations: [
        {
          __typename: 'BriefVersionCitation',
          position: 0,
          proposalId: 'p1',
          commentId: null,
          quote: 'un atelier par quartier',
          proposalTitle: 'Un atelier vélo par quartier',
          figures: figures(12, 3, 2),
        },
        {
          __typename: 'BriefVersionCitation',
          position: 1,
          proposalId: null,
          commentId: 'c1',
          quote: 'très utile',
          proposalTitle: 'Des pistes cyclables',
          figures: null,
        },
      ],
    },
  ],
  annex: [
    {
      __typename: 'BriefAnnexRow',
      proposalId: 'p1',
      title: 'Un atelier vélo par quartier',
      territoryName: 'Lyon',
      authorActorType: 'ASSOCIATION',
      figures: figures(12, 3, 2),
      sectionPositions: [0],
      provenance: {
        __typename: 'FrozenProvenance',
        consultationId: 'k1',
        consultationTitle: 'Mobilités lyonnaises',
        consultationSlug: 'mobilites-lyon',
        scope: 'LOCAL',
        territoryName: 'Métropole de Lyon',
        organisationName: 'PTCE Lyon Vélo',
      },
      experimentIds: ['e1'],
    },
  ],
  experiments: [
    {
      __typename: 'BriefAnnexExperiment',
      id: 'e1',
      name: 'Atelier vélo solidaire de la Guillotière',
      organisationName: 'PTCE Lyon Vélo',
      proposalIds: ['p1'],
      figures: [
        {
          __typename: 'FrozenIndicatorFigure',
          indicatorName: 'Vélos réparés',
          unit: 'COUNT',
          baseline: null,
          value: 1250,
          measuredOn: '2025-12-31',
          source: 'Rapport d’activité 2025',
          sourceUrl: null,
        },
        {
          __typename: 'FrozenIndicatorFigure',
          indicatorName: 'Emplois créés',
          unit: 'FTE',
          baseline: 0,
          value: null,
          measuredOn: null,
          source: null,
          sourceUrl: null,
        },
      ],
    },
  ],
});
const versions = [
  {
    __typename: 'BriefVersionSummary' as const,
    number: 2,
    publishedAt: '2026-11-24T10:00:00.000Z',
    title: 'Mobilités du quotidien',
  },
  {
    __typename: 'BriefVersionSummary' as const,
    number: 1,
    publishedAt: '2026-11-20T10:00:00.000Z',
    title: 'Mobilités',
  },
];
const currentQuery: MockLink.MockedResponse = {
  request: { query: PUBLISHED_BRIEF_QUERY, variables: { slug } },
  result: {
    data: {
      publishedBrief: {
        __typename: 'PublishedBrief',
        id: 'b1',
        slug,
        title: 'Mobilités du quotidien',
        publishedVersion: 2,
        currentVersion: version(2),
        versions,
      },
    },
  },
};
const renderPage = (
  mocks: MockLink.MockedResponse[],
  route: string,
  language: 'fr' | 'en' = 'fr',
) =>
  renderWithApp(
    <Routes>
      <Route path="/contributions/:slug" element={<BriefPage />} />
      <Route path="/contributions/:slug/versions/:number" element={<BriefPage />} />
    </Routes>,
    { mocks, route, language },
  );

describe('BriefPage', () => {
  it('shows the current version: sections, citations linked to their proposals, dissent and versions', async () => {
    renderPage([currentQuery], `/contributions/${slug}`);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Mobilités du quotidien' }),
    ).toBeInTheDocument();
    expect(screen.getByText('introduction').tagName).toBe('STRONG');
    const section = screen.getByRole('region', { name: 'Section 1 — Vélo' });
    expect(within(section).getByText(/^Des ateliers vélo partout/)).toBeInTheDocument();
    // Every synthesis paragraph links to its sources: a proposal, and a comment on its page.
    const proposalMarker = within(section).getByRole('link', { name: '[1]' });
    expect(proposalMarker).toHaveAttribute('href', '/propositions/p1');
    expect(proposalMarker).toHaveAttribute('title', 'Un atelier vélo par quartier');
    expect(proposalMarker.parentElement).toHaveClass('source-ref');
    expect(within(section).getByRole('link', { name: '[2]' })).toHaveAttribute(
      'href',
      '/propositions/p2#commentaire-c1',
    );
    expect(
      within(section).getByRole('link', {
        name: 'Proposition citée : Un atelier vélo par quartier',
      }),
    ).toHaveAttribute('href', '/propositions/p1');
    expect(within(section).getByText('« un atelier par quartier »')).toBeInTheDocument();
    expect(within(section).getByText('12 pour')).toBeInTheDocument();
    // A cited comment names its proposal but has no proposal id to link to.
    expect(
      within(section).getByText('Commentaire cité sur la proposition : Des pistes cyclables'),
    ).not.toHaveAttribute('href');
    expect(within(section).getByText('Certains préfèrent la voiture.')).toBeInTheDocument();
    const versionList = screen.getByRole('region', { name: 'Versions publiées' });
    expect(
      within(versionList).getByRole('link', { name: /^Version 1, publiée le 20 novembre 2026/ }),
    ).toHaveAttribute('href', `/contributions/${slug}/versions/1`);
    expect(within(versionList).queryByRole('link', { name: /^Version 2/ })).not.toBeInTheDocument();
  });

  it('lists the cited proposals in an annex table with their collège and frozen votes', async () => {
    renderPage([currentQuery], `/contributions/${slug}`);
    const table = await screen.findByRole('table', {
      name: /^Chaque proposition citée, avec son territoire/,
    });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(2);
    expect(
      within(rows[0])
        .getAllByRole('columnheader')
        .map((cell) => cell.textContent),
    ).toEqual([
      'Proposition',
      'Territoire',
      'Provenance',
      'Collège de l’auteur ou autrice',
      'Pour',
      'Contre',
      'Neutre',
      'Sections',
    ]);
    expect(
      within(rows[1]).getByRole('link', { name: 'Un atelier vélo par quartier' }),
    ).toHaveAttribute('href', '/propositions/p1');
    expect(
      within(rows[1])
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual([
      'Lyon',
      'Consultation locale « Mobilités lyonnaises » — Métropole de Lyon — PTCE Lyon Vélo',
      'Association',
      '12',
      '3',
      '2',
      '1',
    ]);
  });

  it('lists the experiments behind the cited proposals with their frozen checked figures', async () => {
    renderPage([currentQuery], `/contributions/${slug}`);
    const annex = await screen.findByRole('region', { name: 'Annexe : expérimentations citées' });
    expect(
      within(annex).getByRole('link', { name: 'Atelier vélo solidaire de la Guillotière' }),
    ).toHaveAttribute('href', '/experiences/e1');
    const figures = within(annex)
      .getAllByRole('listitem')
      .map((item) => item.textContent);
    expect(figures).toContain(
      'Vélos réparés : 1\u202f250 (mesuré le 31 décembre 2025 — source : Rapport d’activité 2025)',
    );
    expect(figures).toContain('Emplois créés : aucun chiffre vérifié');
    // The citation of the proposal links to the experiment it builds on, in the annex.
    const anchors = screen
      .getAllByRole('link', { name: 'Atelier vélo solidaire de la Guillotière' })
      .map((link) => link.getAttribute('href'));
    expect(anchors).toEqual(['#experience-e1', '/experiences/e1']);
    expect(document.getElementById('experience-e1')).toBe(annex.querySelector('#experience-e1'));
    expect(
      within(annex).getByText('Citée par : « Un atelier vélo par quartier »'),
    ).toBeInTheDocument();
  });

  it('is complete in English', async () => {
    renderPage([currentQuery], `/contributions/${slug}`, 'en');
    const table = await screen.findByRole('table', { name: /^Every cited proposal/ });
    expect(
      within(table).getByRole('columnheader', { name: 'Author’s collège' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'Cited proposal: Un atelier vélo par quartier' }),
    ).toBeInTheDocument();
  });

  it('shows an older version with a link back to the current one', async () => {
    renderPage(
      [
        {
          request: { query: PUBLISHED_BRIEF_VERSION_QUERY, variables: { slug, number: 1 } },
          result: {
            data: {
              publishedBrief: {
                __typename: 'PublishedBrief',
                id: 'b1',
                slug,
                title: 'Mobilités du quotidien',
                publishedVersion: 2,
                versions,
                version: version(1, 'Mobilités'),
              },
            },
          },
        },
      ],
      `/contributions/${slug}/versions/1`,
    );
    expect(await screen.findByRole('heading', { level: 1, name: 'Mobilités' })).toBeInTheDocument();
    expect(
      screen.getByText('Vous lisez la version 1. La version en vigueur est la version 2.'),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Lire la version en vigueur' })).toHaveAttribute(
      'href',
      `/contributions/${slug}`,
    );
  });

  it('says when the brief was never published', async () => {
    renderPage(
      [
        {
          request: { query: PUBLISHED_BRIEF_QUERY, variables: { slug: 'inconnue' } },
          result: {
            errors: [
              new GraphQLError('Introuvable', {
                extensions: { code: 'NOT_FOUND', reason: 'BRIEF_NOT_FOUND' },
              }),
            ],
          },
        },
      ],
      '/contributions/inconnue',
    );
    expect(
      await screen.findByText('Cette contribution n’existe pas ou n’a pas encore été publiée.'),
    ).toBeInTheDocument();
  });
});

describe('ProposalCitedIn', () => {
  it('links each citing brief to the citing section', async () => {
    renderWithApp(<ProposalCitedIn proposalId="p1" />, {
      mocks: [
        {
          request: { query: PROPOSAL_CITED_IN_QUERY, variables: { id: 'p1' } },
          result: {
            data: {
              proposal: {
                __typename: 'Proposal',
                id: 'p1',
                citedIn: [
                  {
                    __typename: 'BriefCitationRef',
                    briefSlug: slug,
                    briefTitle: 'Mobilités du quotidien',
                    versionNumber: 2,
                    sectionPosition: 1,
                    sectionTitle: 'Vélo',
                  },
                ],
              },
            },
          },
        },
      ],
    });
    const block = await screen.findByRole('region', { name: 'Citée dans' });
    expect(within(block).getByRole('link', { name: 'Mobilités du quotidien' })).toHaveAttribute(
      'href',
      `/contributions/${slug}#section-2`,
    );
    expect(block).toHaveTextContent('section 2 « Vélo »');
  });
});
