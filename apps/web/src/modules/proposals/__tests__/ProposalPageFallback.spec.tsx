import { screen } from '@testing-library/react';
import { GraphQLError } from 'graphql';
import { Route, Routes } from 'react-router';
import type { MockLink } from '@apollo/client/testing';
import type { ProposalDetail } from '../../../shared/graphql/schema-types';
import { renderWithApp } from '../../../testing/render';
import { ProposalPage } from '../components/ProposalPage';
import { PROPOSAL_PAGE_QUERY } from '../graphql/proposal-page.documents';
import { PROPOSAL_QUERY } from '../graphql/proposals.documents';

const id = '00000000-0000-4000-8000-000000000042';

const proposal: ProposalDetail = {
  __typename: 'Proposal',
  id,
  erased: false,
  title: 'Des composteurs partagés dans chaque quartier',
  summary: 'Un composteur par quartier.',
  status: 'PUBLISHED',
  themes: [],
  territory: {
    __typename: 'Territory',
    id: 'COMMUNE-69123',
    level: 'COMMUNE',
    code: '69123',
    name: 'Lyon',
    parent: null,
  },
  author: {
    __typename: 'Participant',
    id: '00000000-0000-4000-8000-000000000001',
    displayName: 'Camille',
    actorType: 'CITIZEN',
    deleted: false,
  },
  votesFor: 0,
  votesAgainst: 0,
  votesNeutral: 0,
  commentsCount: 0,
  publishedAt: '2026-11-20T10:00:00.000Z',
  createdAt: '2026-11-20T10:00:00.000Z',
  body: 'Le détail.',
  competentLevel: 'COMMUNE',
  lever: 'BUDGET',
  experiment: null,
  measuredImpact: null,
  organisation: null,
  consultation: { __typename: 'Consultation', id: 'c1', slug: 'c1', title: 'Consultation' },
  updatedAt: '2026-11-20T10:00:00.000Z',
  version: 1,
};

describe('the proposal page', () => {
  it('still shows the proposal when a section makes its one request fail', async () => {
    // The sections then ask for their own fields, which these mocks leave unanswered.
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const mocks: MockLink.MockedResponse[] = [
      {
        request: { query: PROPOSAL_PAGE_QUERY, variables: { id } },
        result: {
          data: null,
          errors: [
            new GraphQLError('Unexpected error', {
              path: ['proposal', 'opinions'],
              extensions: { code: 'INTERNAL_SERVER_ERROR' },
            }),
          ],
        },
      },
      { request: { query: PROPOSAL_QUERY, variables: { id } }, result: { data: { proposal } } },
    ];
    renderWithApp(
      <Routes>
        <Route path="/propositions/:id" element={<ProposalPage />} />
      </Routes>,
      { mocks, route: `/propositions/${id}` },
    );
    expect(
      await screen.findByRole('heading', { level: 1, name: proposal.title }, { timeout: 8000 }),
    ).toBeInTheDocument();
  });
});
