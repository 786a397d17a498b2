import { screen, within } from '@testing-library/react';
import { renderWithApp } from '../../../testing/render';
import { CitationExperiments } from '../../curation/components/CitationExperiments';
import { ProposalExperiments } from '../components/ProposalExperiments';
import {
  type CitedExperiment,
  PROPOSAL_EXPERIMENTS_QUERY,
} from '../graphql/proposal-experiments.documents';

const id = '00000000-0000-4000-8000-000000000001';
const figure = (n: number, value: number, measuredOn: string, checked: boolean) => ({
  __typename: 'Measurement' as const,
  id: `m${n}`,
  value,
  measuredOn,
  checkedAt: checked ? '2026-01-10T10:00:00.000Z' : null,
});
const experiment: CitedExperiment = {
  __typename: 'Experiment',
  id: 'e1',
  name: 'Centrale villageoise du Pilat',
  status: 'RUNNING',
  organisation: { __typename: 'Organisation', id: 'o1', name: 'PTCE Loire Énergies' },
  indicators: [
    {
      __typename: 'Indicator',
      id: 'i1',
      name: 'Électricité produite',
      unit: 'KWH',
      // The newest figure is not checked yet.
      latest: figure(2, 18000, '2025-12-31', false),
      latestChecked: figure(1, 12500, '2025-06-30', true),
    },
    {
      __typename: 'Indicator',
      id: 'i2',
      name: 'Emplois créés',
      unit: 'FTE',
      latest: null,
      latestChecked: null,
    },
  ],
};
const answer = (experiments: CitedExperiment[]) => ({
  request: { query: PROPOSAL_EXPERIMENTS_QUERY, variables: { id } },
  result: { data: { proposal: { __typename: 'Proposal', id, experiments } } },
});

describe('ProposalExperiments', () => {
  it('shows each cited experiment, linked to its page, with its latest figures checked or not', async () => {
    renderWithApp(<ProposalExperiments proposalId={id} />, { mocks: [answer([experiment])] });
    const section = await screen.findByRole('region', {
      name: 'Expérimentations sur lesquelles elle s’appuie',
    });
    expect(
      within(section).getByRole('link', { name: 'Centrale villageoise du Pilat' }),
    ).toHaveAttribute('href', '/experiences/e1');
    expect(within(section).getByText('Portée par PTCE Loire Énergies')).toBeInTheDocument();
    const items = within(section)
      .getAllByRole('listitem')
      .map((item) => item.textContent);
    expect(items).toContain(
      'Électricité produite : 18\u202f000\u00a0kWh (31 décembre 2025) non vérifié',
    );
    expect(items).toContain('Emplois créés : pas encore de chiffre');
  });

  it('says nothing when the proposal cites no experiment', async () => {
    renderWithApp(
      <>
        <ProposalExperiments proposalId={id} />
        <p>page</p>
      </>,
      { mocks: [answer([])] },
    );
    expect(await screen.findByText('page')).toBeInTheDocument();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.queryByRole('region')).not.toBeInTheDocument();
  });
});

describe('CitationExperiments (curation)', () => {
  it('carries the latest checked figure of each indicator, in English too', () => {
    renderWithApp(<CitationExperiments experiments={[experiment]} />, { language: 'en' });
    expect(screen.getByText('Checked figures of the cited experiments')).toBeInTheDocument();
    const items = screen.getAllByRole('listitem').map((item) => item.textContent);
    expect(items).toContain('Électricité produite : 12,500\u00a0kWh (30 June 2025) checked');
    expect(items).toContain('Emplois créés : no checked figure');
  });
});
