import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { MockLink } from '@apollo/client/testing';
import { Route, Routes } from 'react-router';
import { renderWithApp } from '../../../testing/render';
import { ExperimentPage } from '../components/ExperimentPage';
import {
  CHECK_MEASUREMENT_MUTATION,
  EXPERIMENT_HISTORY_QUERY,
  EXPERIMENT_PROPOSALS_QUERY,
  EXPERIMENT_QUERY,
  type ExperimentDetail,
  type MeasurementDetail,
} from '../graphql/experiments.documents';

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

const measurement: MeasurementDetail = {
  __typename: 'Measurement',
  id: uuid(41),
  value: 4.5,
  measuredOn: '2024-12-31',
  source: 'Registre du personnel de la SCIC',
  sourceUrl: null,
  recordedAt: '2025-01-05T10:00:00Z',
  checkedAt: null,
  recordedBy: { __typename: 'Participant', id: uuid(9), displayName: 'Camille' },
};

const experiment = (checkedAt: string | null): ExperimentDetail => ({
  __typename: 'Experiment',
  id: uuid(31),
  name: 'Recyclerie coopérative du Diois',
  description: 'Une recyclerie en SCIC qui répare et revend les objets du territoire.',
  status: 'ENDED',
  startedOn: '2022-04-01',
  endedOn: '2025-03-31',
  links: [],
  version: 3,
  measurementsCount: 1,
  createdAt: '2022-04-01T10:00:00Z',
  updatedAt: '2025-01-05T10:00:00Z',
  organisation: { __typename: 'Organisation', id: uuid(21), name: 'PTCE Diois', actorType: 'PTCE' },
  partners: [
    {
      __typename: 'Organisation',
      id: uuid(22),
      name: 'Communauté de communes du Diois',
      actorType: 'LOCAL_AUTHORITY',
    },
  ],
  territories: [
    {
      __typename: 'Territory',
      id: 'DEPARTEMENT-26',
      level: 'DEPARTEMENT',
      code: '26',
      name: 'Drôme',
      parent: null,
    },
  ],
  themes: [
    { __typename: 'Theme', id: uuid(11), slug: 'economie-circulaire', name: 'Économie circulaire' },
  ],
  indicators: [
    {
      __typename: 'Indicator',
      id: uuid(51),
      name: 'Emplois en insertion',
      description: null,
      kind: 'JOBS',
      unit: 'FTE',
      baseline: 1,
      baselineOn: '2022-04-01',
      changeFromBaseline: 3.5,
      measurements: [{ ...measurement, checkedAt }],
    },
  ],
  viewerCanEdit: false,
  viewerCanCheck: true,
  history: {
    __typename: 'ExperimentChangeConnection',
    nodes: [
      {
        __typename: 'ExperimentChange',
        id: uuid(61),
        action: 'experiment.updated',
        targetType: 'EXPERIMENT',
        targetId: uuid(31),
        createdAt: '2025-01-05T10:00:00Z',
        actor: { __typename: 'Participant', id: uuid(9), displayName: 'Camille' },
        changedFields: ['status', 'endedOn', 'organisationId'],
      },
      {
        __typename: 'ExperimentChange',
        id: uuid(62),
        action: 'experiment.recorded',
        targetType: 'EXPERIMENT',
        targetId: uuid(31),
        createdAt: '2022-04-01T10:00:00Z',
        actor: { __typename: 'Participant', id: uuid(9), displayName: 'Camille' },
        changedFields: ['name', 'description'],
      },
    ],
    pageInfo: { __typename: 'PageInfo', endCursor: null, hasNextPage: false },
  },
});

/** "10:00" for an instant, in the test machine's time zone (as the page formats it). */
const renderPage = (mocks: MockLink.MockedResponse[]) =>
  renderWithApp(
    <Routes>
      <Route path="/experiences/:id" element={<ExperimentPage />} />
    </Routes>,
    { route: `/experiences/${uuid(31)}`, mocks },
  );

const proposals: MockLink.MockedResponse = {
  request: { query: EXPERIMENT_PROPOSALS_QUERY, variables: { id: uuid(31) } },
  result: {
    data: {
      experiment: {
        __typename: 'Experiment',
        id: uuid(31),
        proposals: [
          {
            __typename: 'Proposal',
            id: uuid(71),
            title: 'Une recyclerie coopérative par bassin de vie',
            summary: 'Généraliser les recycleries en SCIC.',
          },
        ],
      },
    },
  },
};

describe('ExperimentPage', () => {
  it('shows the experiment, its carrier and partners, the proposals building on it and its history', async () => {
    const links = [
      'https://recyclerie-diois.example.fr',
      'http://ptce-diois.example.fr/bilan-2024',
    ];
    renderPage([
      {
        request: { query: EXPERIMENT_QUERY, variables: { id: uuid(31) } },
        result: { data: { experiment: { ...experiment(null), links } } },
      },
      proposals,
    ]);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Recyclerie coopérative du Diois' }),
    ).toBeVisible();
    expect(screen.getByText('Terminée')).toBeVisible();
    expect(screen.getByRole('link', { name: 'PTCE Diois' })).toHaveAttribute(
      'href',
      `/organisations/${uuid(21)}`,
    );
    expect(screen.getByRole('link', { name: 'Communauté de communes du Diois' })).toBeVisible();
    expect(screen.getByText('Du 1 avril 2022 au 31 mars 2025')).toBeVisible();
    expect(screen.getByRole('link', { name: 'Drôme (26)' })).toHaveAttribute(
      'href',
      '/territoires/DEPARTEMENT-26',
    );
    expect(screen.queryByRole('button', { name: 'Modifier l’expérience' })).not.toBeInTheDocument();

    const description = screen.getByRole('region', { name: 'Description' });
    expect(description).toHaveTextContent(
      'Une recyclerie en SCIC qui répare et revend les objets du territoire.',
    );
    // Links are real anchors to the pages, opened apart from Passerelle.
    for (const href of links) {
      const anchor = screen.getByRole('link', { name: href });
      expect(anchor.tagName).toBe('A');
      expect(anchor).toHaveAttribute('href', href);
      expect(anchor).toHaveAttribute('rel', expect.stringContaining('noopener'));
    }

    const citing = await screen.findByRole('link', {
      name: 'Une recyclerie coopérative par bassin de vie',
    });
    expect(citing).toHaveAttribute('href', `/propositions/${uuid(71)}`);

    const history = screen.getByRole('region', { name: 'Historique des modifications' });
    const items = within(history).getAllByRole('listitem');
    // Who and when, in words, at Paris time (winter UTC+1, summer UTC+2) whatever the machine's.
    expect(items[0]).toHaveTextContent(
      `Expérience modifiée — par Camille, le 5 janvier 2025 à 11:00`,
    );
    expect(items[1]).toHaveTextContent(
      `Expérience enregistrée — par Camille, le 1 avril 2022 à 12:00`,
    );
    // Field names in words; technical ones left out; none for a creation.
    expect(items[0]).toHaveTextContent('Champs modifiés : statut, date de fin');
    expect(items[1]).not.toHaveTextContent('Champs modifiés');
  });

  it('offers members to edit an indicator in place, with its current values', async () => {
    const user = userEvent.setup();
    renderPage([
      {
        request: { query: EXPERIMENT_QUERY, variables: { id: uuid(31) } },
        result: { data: { experiment: { ...experiment(null), viewerCanEdit: true } } },
      },
      proposals,
    ]);
    await user.click(
      await screen.findByRole('button', {
        name: 'Modifier l’indicateur « Emplois en insertion »',
      }),
    );
    const form = await screen.findByRole('form', {
      name: 'Modifier l’indicateur « Emplois en insertion »',
    });
    expect(within(form).getByRole('textbox', { name: /^Nom de l’indicateur/ })).toHaveValue(
      'Emplois en insertion',
    );
    await user.click(within(form).getByRole('button', { name: 'Annuler' }));
    expect(
      screen.getByRole('button', { name: 'Modifier l’indicateur « Emplois en insertion »' }),
    ).toBeVisible();
  });

  it('does not offer visitors to edit an indicator', async () => {
    renderPage([
      {
        request: { query: EXPERIMENT_QUERY, variables: { id: uuid(31) } },
        result: { data: { experiment: experiment(null) } },
      },
      proposals,
    ]);
    await screen.findByRole('heading', { level: 1, name: 'Recyclerie coopérative du Diois' });
    expect(
      screen.queryByRole('button', { name: /^Modifier l’indicateur/ }),
    ).not.toBeInTheDocument();
  });

  it('lets a moderator mark a figure as checked', async () => {
    const user = userEvent.setup();
    renderPage([
      {
        request: { query: EXPERIMENT_QUERY, variables: { id: uuid(31) } },
        result: { data: { experiment: experiment(null) } },
      },
      proposals,
      {
        request: {
          query: CHECK_MEASUREMENT_MUTATION,
          variables: { input: { measurementId: uuid(41), checked: true } },
        },
        result: {
          data: { checkMeasurement: { ...measurement, checkedAt: '2025-02-01T09:00:00Z' } },
        },
      },
      {
        request: { query: EXPERIMENT_QUERY, variables: { id: uuid(31) } },
        result: { data: { experiment: experiment('2025-02-01T09:00:00Z') } },
      },
    ]);
    const table = await screen.findByRole('table', { name: 'Mesures de « Emplois en insertion »' });
    expect(within(table).getByRole('cell', { name: 'Non vérifié' })).toBeVisible();
    await user.click(
      within(table).getByRole('button', { name: 'Marquer comme vérifié (31 décembre 2024)' }),
    );
    await waitFor(() =>
      expect(within(table).getByRole('cell', { name: 'Vérifié le 1 février 2025' })).toBeVisible(),
    );
    expect(
      within(table).getByRole('button', { name: 'Retirer la vérification (31 décembre 2024)' }),
    ).toBeVisible();
  });

  it('shows older changes on demand', async () => {
    const user = userEvent.setup();
    const first = experiment(null);
    const paged: ExperimentDetail = {
      ...first,
      history: {
        ...first.history,
        nodes: first.history.nodes.slice(0, 1),
        pageInfo: { __typename: 'PageInfo', endCursor: 'c1', hasNextPage: true },
      },
    };
    renderPage([
      {
        request: { query: EXPERIMENT_QUERY, variables: { id: uuid(31) } },
        result: { data: { experiment: paged } },
      },
      proposals,
      {
        request: { query: EXPERIMENT_HISTORY_QUERY, variables: { id: uuid(31), after: 'c1' } },
        result: {
          data: {
            experiment: {
              __typename: 'Experiment',
              id: uuid(31),
              history: {
                ...first.history,
                nodes: first.history.nodes.slice(1),
                pageInfo: { __typename: 'PageInfo', endCursor: 'c2', hasNextPage: false },
              },
            },
          },
        },
      },
    ]);
    const history = await screen.findByRole('region', { name: 'Historique des modifications' });
    expect(within(history).getAllByRole('listitem')).toHaveLength(1);
    await user.click(
      within(history).getByRole('button', { name: 'Afficher les modifications plus anciennes' }),
    );
    await waitFor(() => expect(within(history).getAllByRole('listitem')).toHaveLength(2));
    expect(within(history).getAllByRole('listitem')[1]).toHaveTextContent('Expérience enregistrée');
    expect(within(history).queryByRole('button')).not.toBeInTheDocument();
  });

  it('says when the experiment does not exist', async () => {
    renderPage([
      {
        request: { query: EXPERIMENT_QUERY, variables: { id: uuid(31) } },
        result: { data: { experiment: null } },
      },
      proposals,
    ]);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Page introuvable' }),
    ).toBeVisible();
  });
});
