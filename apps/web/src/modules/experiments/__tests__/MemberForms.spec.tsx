import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import type { MockLink } from '@apollo/client/testing';
import { UNITS_BY_KIND } from '@passerelle/domain';
import type { OrganisationRef, Theme } from '../../../shared/graphql/schema-types';
import { SEARCH_ORGANISATIONS_QUERY } from '../../organisations/graphql/organisations.documents';
import { renderWithApp } from '../../../testing/render';
import { ExperimentForm } from '../components/ExperimentForm';
import { IndicatorForm } from '../components/IndicatorForm';
import { MeasurementForm } from '../components/MeasurementForm';
import {
  EXPERIMENT_QUERY,
  RECORD_MEASUREMENT_MUTATION,
  UPDATE_EXPERIMENT_MUTATION,
  UPDATE_INDICATOR_MUTATION,
  type ExperimentDetail,
  type IndicatorDetail,
} from '../graphql/experiments.documents';
import { parseFigure } from '../lib/figures';

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** The error message Mantine links to a field with aria-describedby. */
function describedErrors(field: HTMLElement): string {
  const ids = (field.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
  return ids
    .filter((id) => id.endsWith('-error'))
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');
}

const optionsOf = (select: HTMLElement) =>
  within(select)
    .getAllByRole('option')
    .filter((option) => !(option as HTMLOptionElement).disabled)
    .map((option) => (option as HTMLOptionElement).value);

describe('parseFigure', () => {
  it('reads French and English figures, blank as nothing, anything else as typed', () => {
    expect(parseFigure('12 500')).toBe(12500);
    expect(parseFigure('3,5')).toBe(3.5);
    expect(parseFigure('0.25')).toBe(0.25);
    expect(parseFigure('  ')).toBeNull();
    expect(parseFigure('douze')).toBe('douze');
  });
});

describe('IndicatorForm', () => {
  it('offers the units of the chosen kind only, as the domain allows them', async () => {
    const user = userEvent.setup();
    renderWithApp(<IndicatorForm experimentId={uuid(1)} onDone={() => undefined} />);
    const kind = screen.getByRole('combobox', { name: /^Type d’indicateur/ });
    const unit = screen.getByRole('combobox', { name: /^Unité/ });
    expect(unit).toBeDisabled();

    await user.selectOptions(kind, 'LOCAL_SAVINGS');
    expect(optionsOf(unit)).toEqual([...UNITS_BY_KIND.LOCAL_SAVINGS]);
    // A kind with a single unit chooses it.
    expect(unit).toHaveValue('EUR');

    await user.selectOptions(kind, 'JOBS');
    expect(optionsOf(unit)).toEqual([...UNITS_BY_KIND.JOBS]);
    expect(unit).toHaveValue('');

    await user.selectOptions(kind, 'OTHER');
    expect(optionsOf(unit)).toHaveLength(UNITS_BY_KIND.OTHER.length);
  });

  it('applies the domain rules: a name, a kind, and a baseline with its date', async () => {
    const user = userEvent.setup();
    renderWithApp(<IndicatorForm experimentId={uuid(1)} onDone={() => undefined} />);
    await user.click(screen.getByRole('button', { name: 'Ajouter l’indicateur' }));
    const name = screen.getByRole('textbox', { name: /^Nom de l’indicateur/ });
    await waitFor(() => expect(name).toHaveFocus());
    expect(describedErrors(name)).toBe('Ce champ est obligatoire.');
    const kind = screen.getByRole('combobox', { name: /^Type d’indicateur/ });
    expect(describedErrors(kind)).not.toBe('');

    await user.type(name, 'Emplois créés');
    await user.selectOptions(kind, 'JOBS');
    await user.selectOptions(screen.getByRole('combobox', { name: /^Unité/ }), 'FTE');
    await user.type(screen.getByRole('textbox', { name: /^Valeur de référence/ }), '1 200');
    await user.click(screen.getByRole('button', { name: 'Ajouter l’indicateur' }));
    const baselineOn = screen.getByLabelText(/^Date de la valeur de référence/);
    await waitFor(() => expect(baselineOn).toHaveFocus());
    expect(describedErrors(baselineOn)).toBe('Ce champ est obligatoire.');
  });
});

describe('IndicatorForm (edit)', () => {
  const indicator: IndicatorDetail = {
    __typename: 'Indicator',
    id: uuid(4),
    name: 'Emplois créés',
    description: null,
    kind: 'JOBS',
    unit: 'FTE',
    baseline: 12.5,
    baselineOn: '2023-01-01',
    changeFromBaseline: null,
    measurements: [],
  };
  const input = {
    indicatorId: indicator.id,
    name: 'Emplois créés ou maintenus',
    description: null,
    kind: 'JOBS',
    unit: 'JOBS',
    baseline: 12.5,
    baselineOn: '2023-01-01',
  };

  it('shows the indicator as it is and writes every field again with updateIndicator', async () => {
    const user = userEvent.setup();
    const onDone = jest.fn();
    const mocks: MockLink.MockedResponse[] = [
      {
        request: { query: UPDATE_INDICATOR_MUTATION, variables: { input } },
        result: { data: { updateIndicator: { ...indicator, ...input } } },
      },
    ];
    renderWithApp(<IndicatorForm indicator={indicator} onDone={onDone} />, { mocks });
    expect(
      screen.getByRole('heading', { name: 'Modifier l’indicateur « Emplois créés »' }),
    ).toBeVisible();
    const name = screen.getByRole('textbox', { name: /^Nom de l’indicateur/ });
    expect(name).toHaveValue('Emplois créés');
    const unit = screen.getByRole('combobox', { name: /^Unité/ });
    expect(unit).toHaveValue('FTE');
    // The units offered are still those of the kind.
    expect(optionsOf(unit)).toEqual([...UNITS_BY_KIND.JOBS]);
    expect(screen.getByRole('textbox', { name: /^Valeur de référence/ })).toHaveValue('12.5');

    await user.type(name, ' ou maintenus');
    await user.selectOptions(unit, 'JOBS');
    await user.click(screen.getByRole('button', { name: 'Enregistrer l’indicateur modifié' }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
  });

  it('applies the domain rules before sending', async () => {
    const user = userEvent.setup();
    renderWithApp(<IndicatorForm indicator={indicator} onDone={() => undefined} />);
    const name = screen.getByRole('textbox', { name: /^Nom de l’indicateur/ });
    await user.clear(name);
    await user.click(screen.getByRole('button', { name: 'Enregistrer l’indicateur modifié' }));
    await waitFor(() => expect(name).toHaveFocus());
    expect(describedErrors(name)).toBe('Ce champ est obligatoire.');
  });
});

describe('MeasurementForm', () => {
  const input = {
    indicatorId: uuid(2),
    value: 12500,
    measuredOn: '2024-01-31',
    source: 'Rapport annuel de la SCIC',
    sourceUrl: null,
  };

  const fill = async () => {
    const user = userEvent.setup();
    await user.type(screen.getByRole('textbox', { name: /^Valeur/ }), '12 500');
    fireEvent.change(screen.getByLabelText(/^Date de la mesure/), {
      target: { value: input.measuredOn },
    });
    await user.type(screen.getByRole('textbox', { name: /^Source/ }), input.source);
    await user.click(screen.getByRole('button', { name: 'Enregistrer la mesure' }));
  };

  it('records a figure with its source, then closes', async () => {
    const onDone = jest.fn();
    const mocks: MockLink.MockedResponse[] = [
      {
        request: { query: RECORD_MEASUREMENT_MUTATION, variables: { input } },
        result: {
          data: {
            recordMeasurement: {
              __typename: 'Measurement',
              id: uuid(3),
              ...input,
              recordedAt: '2024-02-01T10:00:00Z',
              checkedAt: null,
              recordedBy: { __typename: 'Participant', id: uuid(9), displayName: 'Camille' },
            },
          },
        },
      },
    ];
    renderWithApp(
      <MeasurementForm
        indicatorId={uuid(2)}
        indicatorName="Électricité"
        unit="KWH"
        onDone={onDone}
      />,
      { mocks },
    );
    expect(
      screen.getByRole('textbox', { name: /^Valeur \(Kilowattheures \(kWh\)\)/ }),
    ).toBeVisible();
    await fill();
    await waitFor(() => expect(onDone).toHaveBeenCalled());
  });

  it('shows the API’s field errors next to their fields', async () => {
    const mocks: MockLink.MockedResponse[] = [
      {
        request: { query: RECORD_MEASUREMENT_MUTATION, variables: { input } },
        result: {
          errors: [
            new GraphQLError('Données invalides.', {
              extensions: {
                code: 'BAD_USER_INPUT',
                fields: [{ field: 'measuredOn', rule: 'notFuture', message: 'Date refusée.' }],
              },
            }),
          ],
        },
      },
    ];
    const onDone = jest.fn();
    renderWithApp(
      <MeasurementForm
        indicatorId={uuid(2)}
        indicatorName="Électricité"
        unit="KWH"
        onDone={onDone}
      />,
      { mocks },
    );
    await fill();
    const day = screen.getByLabelText(/^Date de la mesure/);
    await waitFor(() => expect(describedErrors(day)).toBe('Date refusée.'));
    expect(day).toHaveFocus();
    expect(onDone).not.toHaveBeenCalled();
  });

  it('refuses a figure that is not a number and a date in the future', async () => {
    const user = userEvent.setup();
    renderWithApp(
      <MeasurementForm
        indicatorId={uuid(2)}
        indicatorName="Électricité"
        unit="KWH"
        onDone={() => undefined}
      />,
    );
    await user.type(screen.getByRole('textbox', { name: /^Valeur/ }), 'beaucoup');
    fireEvent.change(screen.getByLabelText(/^Date de la mesure/), {
      target: { value: '2999-01-01' },
    });
    await user.click(screen.getByRole('button', { name: 'Enregistrer la mesure' }));
    const value = screen.getByRole('textbox', { name: /^Valeur/ });
    await waitFor(() => expect(value).toHaveFocus());
    expect(describedErrors(value)).not.toBe('');
    expect(describedErrors(screen.getByLabelText(/^Date de la mesure/))).not.toBe('');
  });
});

describe('ExperimentForm', () => {
  const themes: Theme[] = [
    {
      __typename: 'Theme',
      id: uuid(11),
      slug: 'transition-ecologique',
      name: 'Transition écologique',
    },
    {
      __typename: 'Theme',
      id: uuid(12),
      slug: 'democratie-economique',
      name: 'Démocratie économique',
    },
  ];
  const organisation = {
    __typename: 'Organisation' as const,
    id: uuid(21),
    name: 'PTCE Énergies du Val',
    actorType: 'PTCE' as const,
  };
  const experiment: ExperimentDetail = {
    __typename: 'Experiment',
    id: uuid(31),
    name: 'Centrale solaire citoyenne',
    description: 'Une centrale photovoltaïque financée par l’épargne des habitants du quartier.',
    status: 'RUNNING',
    startedOn: '2023-03-01',
    endedOn: null,
    links: ['https://example.org/centrale'],
    version: 2,
    measurementsCount: 0,
    createdAt: '2023-03-01T10:00:00Z',
    updatedAt: '2023-03-02T10:00:00Z',
    organisation,
    partners: [
      {
        __typename: 'Organisation',
        id: uuid(22),
        name: 'Commune de Lyon',
        actorType: 'LOCAL_AUTHORITY',
      },
    ],
    territories: [
      {
        __typename: 'Territory',
        id: 'COMMUNE-69123',
        level: 'COMMUNE',
        code: '69123',
        name: 'Lyon',
        parent: {
          __typename: 'Territory',
          id: 'DEPARTEMENT-69',
          level: 'DEPARTEMENT',
          code: '69',
          name: 'Rhône',
        },
      },
    ],
    themes: themes.slice(0, 1),
    indicators: [],
    viewerCanEdit: true,
    viewerCanCheck: false,
    history: {
      __typename: 'ExperimentChangeConnection',
      nodes: [],
      pageInfo: { __typename: 'PageInfo', endCursor: null, hasNextPage: false },
    },
  };

  it('asks for every required field and focuses the first invalid one', async () => {
    const user = userEvent.setup();
    renderWithApp(<ExperimentForm themes={themes} organisations={[organisation]} />);
    // The member's only organisation is chosen.
    expect(screen.getByRole('combobox', { name: /^Organisation porteuse/ })).toHaveValue(
      organisation.id,
    );
    expect(screen.getByRole('combobox', { name: /^Organisations partenaires/ })).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Enregistrer l’expérience' }));

    const name = screen.getByRole('textbox', { name: /^Nom de l’expérience/ });
    await waitFor(() => expect(name).toHaveFocus());
    expect(describedErrors(name)).toBe('Ce champ est obligatoire.');
    expect(
      describedErrors(screen.getByRole('combobox', { name: /^Territoires concernés/ })),
    ).not.toBe('');
    expect(describedErrors(screen.getByRole('group', { name: /^Thèmes/ }))).not.toBe('');
    expect(describedErrors(screen.getByLabelText(/^Date de début/))).toBe(
      'Ce champ est obligatoire.',
    );
  });

  it('asks for an end date once the experiment is ended', async () => {
    const user = userEvent.setup();
    renderWithApp(<ExperimentForm themes={themes} experiment={experiment} />);
    await user.selectOptions(screen.getByRole('combobox', { name: /^Statut/ }), 'ENDED');
    await user.click(screen.getByRole('button', { name: 'Enregistrer les modifications' }));
    const endedOn = screen.getByLabelText(/^Date de fin/);
    await waitFor(() => expect(endedOn).toHaveFocus());
    expect(describedErrors(endedOn)).toBe('Ce champ est obligatoire.');
  });

  it('explains a change made meanwhile and keeps what was typed, with the current version', async () => {
    const user = userEvent.setup();
    const input = {
      name: 'Centrale solaire citoyenne du quartier',
      description: experiment.description,
      territoryIds: ['COMMUNE-69123'],
      partnerOrganisationIds: [uuid(22)],
      themeIds: [uuid(11)],
      status: 'RUNNING',
      startedOn: '2023-03-01',
      endedOn: null,
      links: ['https://example.org/centrale'],
      experimentId: experiment.id,
      expectedVersion: 2,
    };
    const mocks: MockLink.MockedResponse[] = [
      {
        request: { query: UPDATE_EXPERIMENT_MUTATION, variables: { input } },
        result: {
          errors: [
            new GraphQLError('Modifiée entre-temps.', {
              extensions: { code: 'CONFLICT', reason: 'STALE_VERSION' },
            }),
          ],
        },
      },
      {
        request: { query: EXPERIMENT_QUERY, variables: { id: experiment.id } },
        result: { data: { experiment: { ...experiment, version: 3 } } },
      },
      {
        request: {
          query: UPDATE_EXPERIMENT_MUTATION,
          variables: { input: { ...input, expectedVersion: 3 } },
        },
        result: { data: { updateExperiment: { ...experiment, name: input.name, version: 4 } } },
      },
    ];
    renderWithApp(<ExperimentForm themes={themes} experiment={experiment} />, { mocks });
    const name = screen.getByRole('textbox', { name: /^Nom de l’expérience/ });
    // The partners are shown in their picker, and kept.
    expect(screen.getByText('Commune de Lyon')).toBeVisible();
    await user.type(name, ' du quartier');
    await user.click(screen.getByRole('button', { name: 'Enregistrer les modifications' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('L’expérience a été modifiée entre-temps');
    expect(name).toHaveValue(input.name);
    // Saving again replaces the newer version, deliberately.
    await user.click(screen.getByRole('button', { name: 'Enregistrer les modifications' }));
    await waitFor(() => expect(screen.queryByRole('alert')).not.toBeInTheDocument());
  });

  it('chooses partners by name, never offering the carrier, and sends them', async () => {
    const user = userEvent.setup();
    const cooperative: OrganisationRef = {
      __typename: 'Organisation',
      id: uuid(23),
      name: 'SCOP Énergies Solidaires',
      actorType: 'ESS_ENTERPRISE',
    };
    const input = {
      name: experiment.name,
      description: experiment.description,
      territoryIds: ['COMMUNE-69123'],
      partnerOrganisationIds: [uuid(22), uuid(23)],
      themeIds: [uuid(11)],
      status: 'RUNNING',
      startedOn: '2023-03-01',
      endedOn: null,
      links: ['https://example.org/centrale'],
      experimentId: experiment.id,
      expectedVersion: 2,
    };
    const updateExperiment = jest.fn(() => ({
      data: { updateExperiment: { ...experiment, version: 3 } },
    }));
    const mocks: MockLink.MockedResponse[] = [
      {
        request: { query: SEARCH_ORGANISATIONS_QUERY, variables: { query: 'énergies', first: 10 } },
        result: { data: { searchOrganisations: [organisation, cooperative] } },
        maxUsageCount: Number.POSITIVE_INFINITY,
      },
      {
        request: { query: UPDATE_EXPERIMENT_MUTATION, variables: { input } },
        result: updateExperiment,
      },
    ];
    renderWithApp(<ExperimentForm themes={themes} experiment={experiment} />, { mocks });
    const partners = screen.getByRole('combobox', { name: /^Organisations partenaires/ });
    await user.click(partners);
    await user.type(partners, 'énergies');
    await user.click(
      await screen.findByRole('option', { name: cooperative.name }, { timeout: 3000 }),
    );
    // The carrying organisation is not a partner option.
    expect(screen.queryByRole('option', { name: organisation.name })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Enregistrer les modifications' }));
    await waitFor(() => expect(updateExperiment).toHaveBeenCalled());
  });
});
