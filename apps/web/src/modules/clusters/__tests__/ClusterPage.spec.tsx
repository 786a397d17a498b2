import { screen } from '@testing-library/react';
import type { MockLink } from '@apollo/client/testing';
import { Route, Routes } from 'react-router';
import type { ClusterMember, ProposalCluster } from '../../../shared/graphql/schema-types';
import { renderWithApp } from '../../../testing/render';
import { ME_QUERY } from '../../auth/graphql/auth.documents';
import { ClusterPage } from '../components/ClusterPage';
import { PROPOSAL_CLUSTER_QUERY } from '../graphql/clusters.documents';

const clusterId = '00000000-0000-4000-8000-0000000000c1';
const member = (id: string, title: string, change: Partial<ClusterMember> = {}): ClusterMember => ({
  __typename: 'Proposal',
  id,
  title,
  status: 'PUBLISHED',
  author: { __typename: 'Participant', id: `a-${id}`, displayName: 'Lucie', actorType: 'CITIZEN' },
  votesFor: 3,
  votesAgainst: 1,
  votesNeutral: 0,
  ...change,
});
const lead = member('p1', 'Un atelier vélo par quartier');
const cluster = (change: Partial<ProposalCluster> = {}): ProposalCluster => ({
  __typename: 'ProposalCluster',
  id: clusterId,
  lead,
  members: [lead, member('p2', 'Des ateliers vélo partout', { status: 'MERGED', votesFor: 2 })],
  reason: 'Même demande.',
  createdAt: '2026-11-20T10:00:00.000Z',
  undoneAt: null,
  isActive: true,
  combinedSupport: {
    __typename: 'CombinedSupport',
    participants: 5,
    votesFor: 4,
    votesAgainst: 1,
    votesNeutral: 0,
    sumOfVotes: 6,
  },
  ...change,
});
const meAs = (role: string): MockLink.MockedResponse => ({
  request: { query: ME_QUERY },
  result: {
    data: {
      me: {
        __typename: 'User',
        id: 'u1',
        email: 'm@example.org',
        displayName: 'Modération',
        role,
        actorType: 'CITIZEN',
        territory: null,
      },
    },
  },
});
const clusterQuery = (value: ProposalCluster): MockLink.MockedResponse => ({
  request: { query: PROPOSAL_CLUSTER_QUERY, variables: { id: clusterId } },
  result: { data: { proposalCluster: value } },
});
const renderPage = (mocks: MockLink.MockedResponse[]) =>
  renderWithApp(
    <Routes>
      <Route path="/regroupements/:id" element={<ClusterPage />} />
    </Routes>,
    { mocks, route: `/regroupements/${clusterId}` },
  );

describe('ClusterPage', () => {
  it('shows the lead, the members and the support counted once per participant', async () => {
    renderPage([meAs('PARTICIPANT'), clusterQuery(cluster())]);
    expect(
      await screen.findByRole('heading', {
        level: 1,
        name: 'Regroupement de propositions similaires',
      }),
    ).toBeInTheDocument();
    expect(screen.getByRole('article', { name: 'Un atelier vélo par quartier' })).toHaveTextContent(
      'Proposition principale',
    );
    expect(screen.getByRole('article', { name: 'Des ateliers vélo partout' })).toHaveTextContent(
      'Fusionnée',
    );
    expect(screen.getByText('5 participants')).toBeInTheDocument();
    expect(
      screen.getByText(/^Sans double compte : 5 participants au lieu de 6 votes\./),
    ).toBeInTheDocument();
    expect(screen.getByText('Motif du regroupement : « Même demande. »')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Annuler la fusion' })).not.toBeInTheDocument();
  });

  it('offers moderators to undo an active merge, and says when it was undone', async () => {
    const { unmount } = renderPage([meAs('MODERATOR'), clusterQuery(cluster())]);
    expect(await screen.findByRole('button', { name: 'Annuler la fusion' })).toBeInTheDocument();
    unmount();
    renderPage([
      meAs('MODERATOR'),
      clusterQuery(cluster({ isActive: false, undoneAt: '2026-11-22T10:00:00.000Z' })),
    ]);
    expect(
      await screen.findByText(/^Ce regroupement a été annulé le 22 novembre 2026/),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Annuler la fusion' })).not.toBeInTheDocument();
  });
});
