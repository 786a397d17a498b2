import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import type { MockLink } from '@apollo/client/testing';
import type {
  OpinionGroupSummary,
  OpinionGroupVotes,
  ProposalOpinions as ProposalOpinionsFigures,
} from '../../../shared/graphql/schema-types';
import { renderWithApp } from '../../../testing/render';
import { ME_QUERY } from '../../auth/graphql/auth.documents';
import { OpinionsPanel, ProposalOpinions } from '../components/ProposalOpinions';
import { PROPOSAL_OPINIONS_QUERY } from '../graphql/opinions.documents';
import { isAmongMostDivisive, ordinalCategory, relativeTime } from '../opinions-format';

const id = '00000000-0000-4000-8000-000000000006';
const NOW = new Date('2026-11-26T10:00:00.000Z');

const group = (
  groupId: number,
  label: string,
  groupSize: number,
  agree: number,
  pass: number,
  disagree: number,
): OpinionGroupVotes => {
  const total = agree + pass + disagree;
  const share = (n: number) => (total === 0 ? 0 : n / total);
  return {
    __typename: 'OpinionGroupVotes',
    groupId,
    label,
    groupSize,
    agree,
    disagree,
    pass,
    total,
    agreeShare: share(agree),
    disagreeShare: share(disagree),
    passShare: share(pass),
    agreement: (agree + 1) / (total + 2),
    disagreement: (disagree + 1) / (total + 2),
  };
};

const figures = (change: Partial<ProposalOpinionsFigures> = {}): ProposalOpinionsFigures => ({
  __typename: 'ProposalOpinions',
  computedAt: '2026-11-26T09:55:00.000Z',
  consensus: 0.31,
  divisiveness: 0.12,
  consensusRank: 3,
  divisiveRank: 30,
  rankedCount: 42,
  groups: [group(0, 'A', 12, 6, 2, 2), group(1, 'B', 8, 1, 0, 3), group(2, 'C', 3, 0, 0, 0)],
  explanation: 'Le groupe A approuve à 60 %, le groupe B s’y oppose à 75 %.',
  ...change,
});

const groupB: OpinionGroupSummary = {
  __typename: 'OpinionGroupSummary',
  groupId: 1,
  label: 'B',
  size: 8,
  totalSize: 9,
};

const me = (signedIn: boolean): MockLink.MockedResponse => ({
  request: { query: ME_QUERY },
  result: {
    data: {
      me: signedIn
        ? {
            __typename: 'User',
            id: 'u1',
            email: 'a@example.org',
            displayName: 'Alex',
            role: 'PARTICIPANT',
            actorType: 'CITIZEN',
            territory: null,
          }
        : null,
    },
  },
});

const opinionsQuery = (
  opinions: ProposalOpinionsFigures | null,
  myGroup: OpinionGroupSummary | null = null,
): MockLink.MockedResponse => ({
  request: { query: PROPOSAL_OPINIONS_QUERY, variables: { id } },
  result: {
    data: {
      proposal: {
        __typename: 'Proposal',
        id,
        opinions,
        consultation: {
          __typename: 'Consultation',
          id: 'c1',
          opinionGroups: opinions
            ? {
                __typename: 'ConsultationOpinionGroups',
                computedAt: opinions.computedAt,
                myGroup,
              }
            : null,
        },
      },
    },
  },
});

const groupsList = () => screen.getByRole('list', { name: 'Avis de chaque groupe d’opinion' });

describe('opinion groups on the proposal page', () => {
  it('draws one bar per group with its shares and counts written out', () => {
    renderWithApp(<OpinionsPanel opinions={figures()} myGroup={null} now={NOW} />);
    const items = within(groupsList()).getAllByRole('listitem');
    expect(items).toHaveLength(3);

    expect(items[0]).toHaveTextContent('Groupe A');
    expect(items[0]).toHaveTextContent('12 participant·es · 10 avis exprimés');
    expect(within(items[0]).getByText('Pour : 60 % (6)')).toBeInTheDocument();
    expect(within(items[0]).getByText('Neutre : 20 % (2)')).toBeInTheDocument();
    expect(within(items[0]).getByText('Contre : 20 % (2)')).toBeInTheDocument();
    const bar = within(items[0]).getByTestId('opinion-bar');
    expect(bar).toHaveAttribute('aria-hidden', 'true');
    expect([...bar.children].map((segment) => (segment as HTMLElement).style.width)).toEqual([
      '60%',
      '20%',
      '20%',
    ]);

    // A side nobody chose has no segment, but its figure is still written.
    expect(within(items[1]).getByText('Neutre : 0 % (0)')).toBeInTheDocument();
    expect(within(items[1]).getByText('Contre : 75 % (3)')).toBeInTheDocument();
    expect(
      [...within(items[1]).getByTestId('opinion-bar').children].map(
        (segment) => (segment as HTMLElement).style.width,
      ),
    ).toEqual(['25%', '75%']);

    // A group that did not vote on the proposal says so instead of drawing an empty bar.
    expect(items[2]).toHaveTextContent('3 participant·es · 0 avis exprimé');
    expect(items[2]).toHaveTextContent('Aucun membre de ce groupe n’a encore donné son avis.');
    expect(within(items[2]).queryByTestId('opinion-bar')).not.toBeInTheDocument();
  });

  it('offers the same figures as a table with a caption and headers', async () => {
    renderWithApp(<OpinionsPanel opinions={figures()} myGroup={null} now={NOW} />);
    await userEvent.click(screen.getByText('Voir les chiffres en tableau'));
    // French typography: a no-break space before the colon.
    const table = screen.getByRole('table', {
      name: /^Avis de chaque groupe d’opinion\s: nombre et part de chaque avis$/,
    });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((header) => header.textContent),
    ).toEqual(['Groupe', 'Membres', 'Pour', 'Neutre', 'Contre', 'Total des avis']);
    const rowB = within(table).getByRole('row', { name: /Groupe B/ });
    expect(within(rowB).getByRole('rowheader')).toHaveTextContent('Groupe B');
    expect(
      within(rowB)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['8', '1 (25 %)', '0 (0 %)', '3 (75 %)', '4']);
  });

  it('gives the one-line explanation, the consensus rank and when it was computed', () => {
    renderWithApp(<OpinionsPanel opinions={figures()} myGroup={null} now={NOW} />);
    expect(screen.getByTestId('opinions-explanation')).toHaveTextContent(
      'Le groupe A approuve à 60 %, le groupe B s’y oppose à 75 %.',
    );
    expect(screen.getByTestId('opinions-consensus-rank')).toHaveTextContent(
      '3e sur 42 au classement consensus',
    );
    // 30th of 42 is not among the most divisive: not pointed out.
    expect(screen.queryByTestId('opinions-divisive-rank')).not.toBeInTheDocument();
    const time = screen.getByText('Groupes calculés il y a 5 minutes');
    expect(time.tagName).toBe('TIME');
    expect(time).toHaveAttribute('dateTime', '2026-11-26T09:55:00.000Z');
  });

  it('points out a proposal among the most divisive, with French and English ordinals', () => {
    const divided = figures({ consensusRank: 1, divisiveRank: 2, divisiveness: 0.4 });
    const { unmount } = renderWithApp(
      <OpinionsPanel opinions={divided} myGroup={null} now={NOW} />,
    );
    expect(screen.getByTestId('opinions-consensus-rank')).toHaveTextContent(
      '1re sur 42 au classement consensus',
    );
    expect(screen.getByTestId('opinions-divisive-rank')).toHaveTextContent(
      'Parmi les plus clivantes : 2e sur 42 au classement « Ce qui divise »',
    );
    unmount();
    renderWithApp(
      <OpinionsPanel opinions={{ ...divided, consensusRank: 3 }} myGroup={null} now={NOW} />,
      { language: 'en' },
    );
    expect(screen.getByTestId('opinions-consensus-rank')).toHaveTextContent(
      '3rd out of 42 in the consensus ranking',
    );
    expect(screen.getByTestId('opinions-divisive-rank')).toHaveTextContent(
      'Among the most divisive: 2nd out of 42 in the “What divides” ranking',
    );
    expect(screen.getByText('Groups computed 5 minutes ago')).toBeInTheDocument();
  });

  it('explains opinion groups in a folded native disclosure', async () => {
    renderWithApp(<OpinionsPanel opinions={null} myGroup={null} now={NOW} />);
    const disclosure = screen.getByTestId('opinions-how');
    expect(disclosure).not.toHaveAttribute('open');
    const summary = within(disclosure).getByText('Comment ça marche ?');
    expect(summary.tagName).toBe('SUMMARY');
    // A native <summary>: focusable and opened with Enter in browsers (checked in the e2e test;
    // jsdom only implements the click activation).
    await userEvent.click(summary);
    expect(disclosure).toHaveAttribute('open');
    expect(disclosure).toHaveTextContent('les groupes sont déduits des votes');
    expect(disclosure).toHaveTextContent('Les petits groupes sont lissés');
    expect(disclosure).toHaveTextContent('Le groupe de chacun·e n’est jamais public');
  });

  it('says the groups are not computed yet when the proposal has no figures', async () => {
    renderWithApp(<ProposalOpinions proposalId={id} />, {
      mocks: [me(false), opinionsQuery(null)],
    });
    expect(
      await screen.findByText(
        'Les groupes d’opinion ne sont pas encore calculés pour cette proposition : ils apparaîtront ici après le prochain calcul.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('list', { name: /groupe d’opinion/ })).not.toBeInTheDocument();
    expect(screen.queryByTestId('opinions-consensus-rank')).not.toBeInTheDocument();
  });

  it('tells a signed-in participant which group their votes are close to', async () => {
    renderWithApp(<ProposalOpinions proposalId={id} />, {
      mocks: [me(true), opinionsQuery(figures(), groupB)],
    });
    expect(await screen.findByTestId('opinions-my-group')).toHaveTextContent(
      'D’après vos votes, vous êtes proche du groupe B.',
    );
    expect(screen.getByTestId('opinions-my-group')).toHaveTextContent(
      'Vous seul·e voyez cette information.',
    );
  });

  it('never shows a group to a visitor, and says nothing of a participant placed in none', async () => {
    const { unmount } = renderWithApp(<ProposalOpinions proposalId={id} />, {
      mocks: [me(false), opinionsQuery(figures(), groupB)],
    });
    expect(await screen.findByTestId('opinions-explanation')).toBeInTheDocument();
    expect(screen.queryByText(/vous êtes proche du groupe/)).not.toBeInTheDocument();
    unmount();
    renderWithApp(<ProposalOpinions proposalId={id} />, {
      mocks: [me(true), opinionsQuery(figures(), null)],
    });
    expect(await screen.findByTestId('opinions-explanation')).toBeInTheDocument();
    expect(screen.queryByText(/vous êtes proche du groupe/)).not.toBeInTheDocument();
  });

  it('hides the section while the API does not serve opinion groups', async () => {
    renderWithApp(<ProposalOpinions proposalId={id} />, {
      mocks: [
        me(false),
        {
          request: { query: PROPOSAL_OPINIONS_QUERY, variables: { id } },
          result: {
            errors: [new GraphQLError('Cannot query field "opinions" on type "Proposal".')],
          },
        },
      ],
    });
    await waitFor(() => expect(screen.queryByTestId('proposal-opinions')).not.toBeInTheDocument());
    // Give the mocked answer time to arrive: still nothing.
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(screen.queryByTestId('proposal-opinions')).not.toBeInTheDocument();
  });
});

describe('opinion figures formatting', () => {
  it('picks the ordinal suffix of each language', () => {
    expect([1, 2, 3, 11].map((rank) => ordinalCategory(rank, 'fr'))).toEqual([
      'one',
      'other',
      'other',
      'other',
    ]);
    expect([1, 2, 3, 4, 11, 22].map((rank) => ordinalCategory(rank, 'en'))).toEqual([
      'one',
      'two',
      'few',
      'other',
      'other',
      'two',
    ]);
  });

  it('says when the groups were computed relative to now within a week', () => {
    const ago = (ms: number) => new Date(NOW.getTime() - ms).toISOString();
    expect(relativeTime(ago(10_000), NOW, 'fr')).toBe('il y a 1 minute');
    expect(relativeTime(ago(3 * 3_600_000), NOW, 'fr')).toBe('il y a 3 heures');
    expect(relativeTime(ago(24 * 3_600_000), NOW, 'fr')).toBe('hier');
    expect(relativeTime(ago(8 * 24 * 3_600_000), NOW, 'fr')).toBeNull();
  });

  it('shows the date of an older computation', () => {
    renderWithApp(
      <OpinionsPanel
        opinions={figures({ computedAt: '2026-11-02T09:00:00.000Z' })}
        myGroup={null}
        now={NOW}
      />,
    );
    expect(screen.getByText('Groupes calculés le 2 novembre 2026')).toBeInTheDocument();
  });

  it('counts a proposal among the most divisive in the first tenth, at least the first three', () => {
    const at = (divisiveRank: number, rankedCount: number, divisiveness = 0.3) =>
      isAmongMostDivisive({ divisiveRank, rankedCount, divisiveness });
    expect(at(3, 10)).toBe(true);
    expect(at(4, 10)).toBe(false);
    expect(at(10, 100)).toBe(true);
    expect(at(11, 100)).toBe(false);
    expect(at(1, 100, 0)).toBe(false);
  });
});
