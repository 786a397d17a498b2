import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { MockLink } from '@apollo/client/testing';
import type { ProposalSummary, SupportBreadth } from '../../../shared/graphql/schema-types';
import { renderWithApp } from '../../../testing/render';
import { BroadSupportFilter } from '../components/BroadSupportFilter';
import { ProposalCard } from '../components/ProposalCard';
import { CONSULTATION_THRESHOLDS_QUERY } from '../graphql/proposals.documents';

const breadth = (change: Partial<SupportBreadth> = {}): SupportBreadth => ({
  __typename: 'SupportBreadth',
  isBroad: true,
  qualifyingColleges: ['CITIZEN', 'ASSOCIATION', 'ESS_ENTERPRISE', 'PTCE'],
  thresholds: {
    __typename: 'CollegeThresholds',
    minForShare: 0.6,
    minColleges: 3,
    minVotesPerCollege: 10,
  },
  ...change,
});

const card = (supportBreadth: SupportBreadth | null): ProposalSummary => ({
  __typename: 'Proposal',
  id: 'p1',
  title: 'Une SCIC d’énergie citoyenne par intercommunalité',
  summary: 'Des toitures solaires financées par les habitants.',
  status: 'PUBLISHED',
  themes: [],
  territory: {
    __typename: 'Territory',
    id: 'DEPARTEMENT-42',
    level: 'DEPARTEMENT',
    code: '42',
    name: 'Loire',
  } as ProposalSummary['territory'],
  author: {
    __typename: 'Participant',
    id: 'u1',
    displayName: 'Camille',
    actorType: 'ESS_ENTERPRISE',
  } as ProposalSummary['author'],
  votesFor: 40,
  votesAgainst: 12,
  votesNeutral: 3,
  commentsCount: 2,
  publishedAt: '2026-03-01T09:30:00.000Z',
  createdAt: '2026-03-01T09:30:00.000Z',
  supportBreadth,
});

const thresholds: MockLink.MockedResponse = {
  request: { query: CONSULTATION_THRESHOLDS_QUERY },
  result: {
    data: {
      consultations: [
        {
          __typename: 'Consultation',
          id: 'c1',
          settings: {
            __typename: 'ConsultationSettings',
            collegeThresholds: {
              __typename: 'CollegeThresholds',
              minForShare: 0.75,
              minColleges: 2,
              minVotesPerCollege: 25,
            },
          },
        },
      ],
    },
  },
};

describe('broad support across collèges', () => {
  it('badges a proposal card that meets its thresholds, saying how many collèges', () => {
    renderWithApp(<ProposalCard proposal={card(breadth())} />);
    expect(screen.getByTestId('broad-support-badge')).toHaveTextContent(
      'Soutien large : 4 collèges sur 7 ≥ 60 %',
    );
  });

  it('shows no badge without broad support, or when the list did not ask for it', () => {
    const { unmount } = renderWithApp(
      <ProposalCard proposal={card(breadth({ isBroad: false, qualifyingColleges: ['SME'] }))} />,
    );
    expect(screen.queryByTestId('broad-support-badge')).not.toBeInTheDocument();
    unmount();
    renderWithApp(<ProposalCard proposal={card(null)} />);
    expect(screen.queryByTestId('broad-support-badge')).not.toBeInTheDocument();
  });

  it('says the badge in English too', () => {
    renderWithApp(<ProposalCard proposal={card(breadth({ qualifyingColleges: ['SME'] }))} />, {
      language: 'en',
    });
    expect(screen.getByTestId('broad-support-badge')).toHaveTextContent(
      'Broad support: 1 collège out of 7 ≥ 60%',
    );
  });

  it('explains the default thresholds, then the chosen consultation’s, and reports a toggle', async () => {
    const changes: boolean[] = [];
    const { unmount } = renderWithApp(
      <BroadSupportFilter consultationId="" checked={false} onChange={(v) => changes.push(v)} />,
      { mocks: [thresholds] },
    );
    const toggle = screen.getByRole('switch', { name: /^Large soutien entre collèges/ });
    expect(
      screen.getByText(
        'Selon les seuils de chaque consultation ; par défaut : au moins 3 collèges, chacun avec au moins 10 avis (neutres compris) et au moins 60 % de « pour » parmi ses avis pour et contre.',
      ),
    ).toBeInTheDocument();
    await userEvent.click(toggle);
    expect(changes).toEqual([true]);
    unmount();
    renderWithApp(<BroadSupportFilter consultationId="c1" checked onChange={() => undefined} />, {
      mocks: [thresholds],
    });
    expect(
      await screen.findByText(
        'Propositions soutenues par au moins 2 collèges, chacun avec au moins 25 avis (neutres compris) et au moins 75 % de « pour » parmi ses avis pour et contre.',
      ),
    ).toBeInTheDocument();
  });
});
