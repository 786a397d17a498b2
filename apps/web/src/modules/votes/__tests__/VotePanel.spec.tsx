import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import type { MockLink } from '@apollo/client/testing';
import type { ProposalVotes } from '../../../shared/graphql/schema-types';
import { renderWithApp } from '../../../testing/render';
import { ME_QUERY } from '../../auth/graphql/auth.documents';
import { VotePanel } from '../components/VotePanel';
import type { ActorType } from '@passerelle/domain';
import type { VoteValue } from '../../../shared/graphql/schema-types';
import {
  CAST_VOTE_MUTATION,
  PROPOSAL_VOTE_VALUES_QUERY,
  PROPOSAL_VOTES_QUERY,
} from '../graphql/votes.documents';

const id = '00000000-0000-4000-8000-000000000001';
const proposal = (change: Partial<ProposalVotes> = {}): ProposalVotes => ({
  __typename: 'Proposal',
  id,
  status: 'PUBLISHED',
  votesFor: 2,
  votesAgainst: 1,
  votesNeutral: 0,
  myVote: null,
  collegeVotes: [
    {
      __typename: 'CollegeVotes',
      actorType: 'ASSOCIATION',
      votesFor: 2,
      votesAgainst: 1,
      votesNeutral: 0,
      total: 3,
      forShare: 2 / 3,
      forShareOfTotal: 2 / 3,
      againstShareOfTotal: 1 / 3,
      neutralShareOfTotal: 0,
    },
  ],
  supportBreadth: {
    __typename: 'SupportBreadth',
    isBroad: false,
    qualifyingColleges: [],
    thresholds: {
      __typename: 'CollegeThresholds',
      minForShare: 0.6,
      minColleges: 3,
      minVotesPerCollege: 10,
    },
  },
  consultation: { __typename: 'Consultation', id: 'c1', openPhases: ['VOTING'] },
  ...change,
});
const me: MockLink.MockedResponse = {
  request: { query: ME_QUERY },
  result: {
    data: {
      me: {
        __typename: 'User',
        id: 'u1',
        email: 'a@example.org',
        displayName: 'Alex',
        role: 'PARTICIPANT',
        actorType: 'ASSOCIATION',
        territory: null,
      },
    },
  },
};
const votes = (value = proposal()): MockLink.MockedResponse => ({
  request: { query: PROPOSAL_VOTES_QUERY, variables: { id } },
  result: { data: { proposal: value } },
});

const voteValues = (
  values: VoteValue[] = ['FOR', 'AGAINST', 'NEUTRAL'],
): MockLink.MockedResponse => ({
  request: { query: PROPOSAL_VOTE_VALUES_QUERY, variables: { id } },
  result: {
    data: {
      proposal: {
        __typename: 'Proposal',
        id,
        consultation: {
          __typename: 'Consultation',
          id: 'c1',
          settings: { __typename: 'ConsultationSettings', voteValues: values },
        },
      },
    },
  },
});

describe('VotePanel', () => {
  beforeEach(() => window.localStorage.clear());

  it('shows the totals and each collège’s counts and shares in a table', async () => {
    renderWithApp(<VotePanel proposalId={id} />, { mocks: [me, votes(), voteValues()] });
    expect(await screen.findByText('3 avis')).toBeInTheDocument();
    const table = screen.getByRole('table', {
      name: 'Avis par collège : nombre et part de chaque avis',
    });
    const row = within(table).getByRole('row', { name: /Association/ });
    expect(
      within(row)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['2 (66,7 %)', '1 (33,3 %)', '0 (0 %)', '3', '66,7 %', 'Non']);
    expect(within(table).getByRole('columnheader', { name: 'Pour' })).toBeInTheDocument();
    expect(
      screen.getByText('Pas encore de soutien large : 0 collège sur 7 ≥ 60 % (3 nécessaires).'),
    ).toBeInTheDocument();
    expect(screen.queryByTestId('broad-support-badge')).not.toBeInTheDocument();
  });

  it('shows the broad support badge and which collèges count when the thresholds are met', async () => {
    const college = (actorType: ActorType, votesFor: number, votesAgainst: number) => ({
      __typename: 'CollegeVotes' as const,
      actorType,
      votesFor,
      votesAgainst,
      votesNeutral: 0,
      total: votesFor + votesAgainst,
      forShare: votesFor / (votesFor + votesAgainst),
      forShareOfTotal: votesFor / (votesFor + votesAgainst),
      againstShareOfTotal: votesAgainst / (votesFor + votesAgainst),
      neutralShareOfTotal: 0,
    });
    const broad = proposal({
      votesFor: 26,
      votesAgainst: 14,
      collegeVotes: [
        college('CITIZEN', 6, 4),
        college('ASSOCIATION', 7, 3),
        college('SME', 4, 6),
        college('PTCE', 9, 1),
      ],
      supportBreadth: {
        __typename: 'SupportBreadth',
        isBroad: true,
        qualifyingColleges: ['CITIZEN', 'ASSOCIATION', 'PTCE'],
        thresholds: {
          __typename: 'CollegeThresholds',
          minForShare: 0.6,
          minColleges: 3,
          minVotesPerCollege: 10,
        },
      },
    });
    renderWithApp(<VotePanel proposalId={id} />, { mocks: [me, votes(broad), voteValues()] });
    expect(await screen.findByTestId('broad-support-badge')).toHaveTextContent(
      'Soutien large : 3 collèges sur 7 ≥ 60 %',
    );
    const table = screen.getByRole('table');
    const counts = (name: RegExp) =>
      within(within(table).getByRole('row', { name })).getAllByRole('cell').at(-1)?.textContent;
    expect(counts(/Citoyen/)).toBe('Oui');
    expect(counts(/PME/)).toBe('Non');
    expect(counts(/PTCE/)).toBe('Oui');
  });

  it('casts a vote: the pressed button follows my vote and the change is announced', async () => {
    renderWithApp(<VotePanel proposalId={id} />, {
      mocks: [
        me,
        votes(),
        voteValues(),
        {
          request: {
            query: CAST_VOTE_MUTATION,
            variables: { input: { proposalId: id, value: 'FOR' } },
          },
          result: { data: { castVote: proposal({ votesFor: 3, myVote: 'FOR' }) } },
        },
      ],
    });
    const forButton = await screen.findByRole('button', { name: 'Pour' });
    expect(forButton).toHaveAttribute('aria-pressed', 'false');
    await userEvent.click(forButton);
    await waitFor(() => expect(forButton).toHaveAttribute('aria-pressed', 'true'));
    expect(screen.getByText('4 avis')).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Votre avis « Pour » est enregistré.');
  });

  it('explains that voting is closed when the API says VOTING_CLOSED', async () => {
    renderWithApp(<VotePanel proposalId={id} />, {
      mocks: [
        me,
        votes(),
        voteValues(),
        {
          request: {
            query: CAST_VOTE_MUTATION,
            variables: { input: { proposalId: id, value: 'AGAINST' } },
          },
          result: {
            errors: [
              new GraphQLError('Les votes sont fermés pour cette consultation.', {
                extensions: { code: 'FORBIDDEN', reason: 'VOTING_CLOSED' },
              }),
            ],
          },
        },
      ],
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Contre' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Les votes sont fermés pour cette consultation.',
    );
    expect(screen.queryByRole('button', { name: 'Contre' })).not.toBeInTheDocument();
  });

  it('invites visitors to sign in and says when the voting phase is not open', async () => {
    renderWithApp(<VotePanel proposalId={id} />, {
      mocks: [
        { request: { query: ME_QUERY }, result: { data: { me: null } } },
        voteValues(),
        votes(
          proposal({
            consultation: { __typename: 'Consultation', id: 'c1', openPhases: ['CURATING'] },
          }),
        ),
      ],
    });
    expect(
      await screen.findByText('Les votes ne sont pas ouverts pour cette proposition en ce moment.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Pour' })).not.toBeInTheDocument();
  });

  it('only offers the values the consultation allows', async () => {
    renderWithApp(<VotePanel proposalId={id} />, {
      mocks: [me, votes(), voteValues(['FOR', 'AGAINST'])],
    });
    expect(await screen.findByRole('button', { name: 'Pour' })).toBeInTheDocument();
    await waitFor(() =>
      expect(screen.queryByRole('button', { name: 'Neutre' })).not.toBeInTheDocument(),
    );
    expect(screen.getByRole('button', { name: 'Contre' })).toBeInTheDocument();
  });

  it('offers every value while the API does not say which ones the consultation allows', async () => {
    renderWithApp(<VotePanel proposalId={id} />, {
      mocks: [
        me,
        votes(),
        {
          request: { query: PROPOSAL_VOTE_VALUES_QUERY, variables: { id } },
          result: {
            errors: [
              new GraphQLError('Cannot query field "settings" on type "Consultation".', {
                extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
              }),
            ],
          },
        },
      ],
    });
    for (const name of ['Pour', 'Neutre', 'Contre']) {
      expect(await screen.findByRole('button', { name })).toBeInTheDocument();
    }
  });

  it('sends the voters of a merged proposal to the main one', async () => {
    renderWithApp(<VotePanel proposalId={id} />, {
      mocks: [me, votes(proposal({ status: 'MERGED' })), voteValues()],
    });
    expect(
      await screen.findByText(
        'Cette proposition est regroupée : donnez votre avis sur la proposition principale.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Pour' })).not.toBeInTheDocument();
  });
});
