import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { MockLink } from '@apollo/client/testing';
import { renderWithApp } from '../../../testing/render';
import { CONSULTATIONS_QUERY } from '../../consultations/graphql/consultations.documents';
import { ProposalsPage } from '../components/ProposalsPage';
import {
  CONSULTATION_THRESHOLDS_QUERY,
  PROPOSALS_QUERY,
  THEMES_QUERY,
} from '../graphql/proposals.documents';

const always = { maxUsageCount: Number.POSITIVE_INFINITY };

const mocks: MockLink.MockedResponse[] = [
  { request: { query: CONSULTATIONS_QUERY }, result: { data: { consultations: [] } }, ...always },
  { request: { query: THEMES_QUERY }, result: { data: { themes: [] } }, ...always },
  {
    request: { query: CONSULTATION_THRESHOLDS_QUERY },
    result: { data: { consultations: [] } },
    ...always,
  },
  {
    request: { query: PROPOSALS_QUERY, variables: () => true },
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

function setScreenWide(isWide: boolean) {
  window.matchMedia = (query: string) =>
    ({
      matches: isWide && query.includes('min-width: 62em'),
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    }) as MediaQueryList;
}

describe('proposal filters', () => {
  const matchMedia = window.matchMedia;
  afterEach(() => {
    window.matchMedia = matchMedia;
  });

  it('are not rendered on a narrow screen until the reader opens them', async () => {
    setScreenWide(false);
    renderWithApp(<ProposalsPage />, { mocks, route: '/propositions' });
    expect(screen.queryByRole('combobox', { name: 'Consultation' })).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Afficher' }));
    expect(screen.getByRole('combobox', { name: 'Consultation' })).toBeInTheDocument();
  });

  it('are rendered at once on a wide screen, where they are always shown', () => {
    setScreenWide(true);
    renderWithApp(<ProposalsPage />, { mocks, route: '/propositions' });
    expect(screen.getByRole('combobox', { name: 'Consultation' })).toBeInTheDocument();
  });
});
