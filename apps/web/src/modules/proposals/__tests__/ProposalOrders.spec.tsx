import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { MockLink } from '@apollo/client/testing';
import type { ProposalOrderBy } from '../../../shared/graphql/schema-types';
import { renderWithApp } from '../../../testing/render';
import { CONSULTATIONS_QUERY } from '../../consultations/graphql/consultations.documents';
import { ProposalsPage } from '../components/ProposalsPage';
import {
  CONSULTATION_THRESHOLDS_QUERY,
  PROPOSALS_QUERY,
  THEMES_QUERY,
  type ProposalsVariables,
} from '../graphql/proposals.documents';

const always = { maxUsageCount: Number.POSITIVE_INFINITY };

/** Every answer the page asks for; the orders the list was asked in are recorded. */
function mocks(requested: (ProposalOrderBy | undefined)[]): MockLink.MockedResponse[] {
  return [
    {
      request: { query: CONSULTATIONS_QUERY },
      result: { data: { consultations: [] } },
      ...always,
    },
    { request: { query: THEMES_QUERY }, result: { data: { themes: [] } }, ...always },
    {
      request: { query: CONSULTATION_THRESHOLDS_QUERY },
      result: { data: { consultations: [] } },
      ...always,
    },
    {
      request: {
        query: PROPOSALS_QUERY,
        variables: (variables: ProposalsVariables) => {
          requested.push(variables.orderBy);
          return true;
        },
      },
      result: {
        data: {
          proposals: {
            __typename: 'ProposalConnection',
            edges: [],
            pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
            totalCount: 0,
          },
        },
      },
      ...always,
    },
  ];
}

const sortSelect = () => screen.getByRole('combobox', { name: 'Trier par' });

describe('proposal orders', () => {
  it('offers the consensus and divisive orders, and relevance only with a search', () => {
    const { unmount } = renderWithApp(<ProposalsPage />, {
      mocks: mocks([]),
      route: '/propositions',
    });
    const options = within(sortSelect())
      .getAllByRole('option')
      .map((option) => option.textContent);
    expect(options).toEqual([
      'Récentes',
      'Les plus soutenues',
      'Tendances',
      'Controversées',
      'Les plus commentées',
      'Consensus entre groupes',
      'Ce qui divise',
    ]);
    unmount();
    renderWithApp(<ProposalsPage />, { mocks: mocks([]), route: '/propositions?q=velo' });
    expect(within(sortSelect()).getByRole('option', { name: 'Pertinence' })).toBeInTheDocument();
  });

  it('sends the chosen order as orderBy, and reads it back from the URL', async () => {
    const requested: (ProposalOrderBy | undefined)[] = [];
    const { unmount } = renderWithApp(<ProposalsPage />, {
      mocks: mocks(requested),
      route: '/propositions',
    });
    await waitFor(() => expect(requested).toContain('NEWEST'));
    await userEvent.selectOptions(sortSelect(), 'Consensus entre groupes');
    expect(sortSelect()).toHaveValue('CONSENSUS');
    await waitFor(() => expect(requested).toContain('CONSENSUS'));
    await userEvent.selectOptions(sortSelect(), 'Ce qui divise');
    await waitFor(() => expect(requested).toContain('DIVISIVE'));
    unmount();

    const shared: (ProposalOrderBy | undefined)[] = [];
    renderWithApp(<ProposalsPage />, { mocks: mocks(shared), route: '/propositions?tri=divisive' });
    expect(sortSelect()).toHaveValue('DIVISIVE');
    await waitFor(() => expect(shared).toEqual(expect.arrayContaining(['DIVISIVE'])));
    expect(shared).not.toContain('NEWEST');
  });
});
