import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { Route, Routes, useLocation } from 'react-router';
import type { MockLink } from '@apollo/client/testing';
import type {
  Consultation,
  ProposalDetail,
  TerritoryRef,
  Theme,
} from '../../../shared/graphql/schema-types';
import { renderWithApp } from '../../../testing/render';
import { MY_ORGANISATIONS_QUERY } from '../../profile/graphql/profile.documents';
import { TERRITORIES_QUERY } from '../../territories/graphql/territories.documents';
import { SubmitProposalForm } from '../components/SubmitProposalForm';
import { EXPERIMENT_OPTIONS_QUERY } from '../graphql/proposal-experiments.documents';
import { SIMILAR_PROPOSALS_QUERY, SUBMIT_PROPOSAL_MUTATION } from '../graphql/proposals.documents';

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
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
const consultation: Consultation = {
  __typename: 'Consultation',
  id: uuid(1),
  slug: 'grande-consultation',
  title: 'Grande consultation de l’ESS',
  description: 'Description',
  openPhases: ['PROPOSING'],
  phases: [],
  themes,
};
const lyon: TerritoryRef = {
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
};

/** The similar-proposals panel asks while the title is typed: nothing similar here. */
const noSimilarProposals: MockLink.MockedResponse = {
  request: { query: SIMILAR_PROPOSALS_QUERY, variables: () => true },
  result: { data: { similarProposals: [] } },
  maxUsageCount: Number.POSITIVE_INFINITY,
};

const noOrganisation: MockLink.MockedResponse = {
  request: { query: MY_ORGANISATIONS_QUERY },
  result: { data: { me: { __typename: 'User', id: 'u1', organisations: [] } } },
  maxUsageCount: Number.POSITIVE_INFINITY,
};

const renderForm = (mocks: MockLink.MockedResponse[] = []) =>
  renderWithApp(<SubmitProposalForm consultations={[consultation]} themes={themes} />, {
    mocks: [...mocks, noSimilarProposals, noOrganisation],
  });

const submit = () =>
  userEvent.click(screen.getByRole('button', { name: 'Publier la proposition' }));

/** The error message Mantine links to a field with aria-describedby. */
function describedErrors(field: HTMLElement): string {
  const ids = (field.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
  return ids
    .filter((id) => id.endsWith('-error'))
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');
}

describe('SubmitProposalForm', () => {
  beforeEach(() => window.localStorage.clear());

  it('shows a message next to every invalid field and focuses the first one', async () => {
    renderForm();
    await submit();

    const title = screen.getByRole('textbox', { name: /^Titre/ });
    await waitFor(() => expect(title).toHaveFocus());
    expect(title).toHaveAttribute('aria-invalid', 'true');
    expect(describedErrors(title)).toBe('Ce champ est obligatoire.');
    expect(describedErrors(screen.getByRole('textbox', { name: /^Résumé/ }))).toBe(
      'Ce champ est obligatoire.',
    );
    expect(describedErrors(screen.getByRole('textbox', { name: /^Proposition détaillée/ }))).toBe(
      'Ce champ est obligatoire.',
    );
    const themeGroup = screen.getByRole('group', { name: /^Thèmes/ });
    expect(describedErrors(themeGroup)).toBe('Choisissez au moins 1 élément.');
    // The wording of an unchosen enum comes from the domain (currently its "one of" rule).
    expect(describedErrors(screen.getByRole('combobox', { name: /^Échelon compétent/ }))).not.toBe(
      '',
    );
    expect(describedErrors(screen.getByRole('combobox', { name: /^Levier d’action/ }))).not.toBe(
      '',
    );
    expect(screen.getByText(/Le formulaire contient 7 erreurs/)).toBeInTheDocument();
  });

  it('applies the domain length rules and clears a message once the field is edited', async () => {
    renderForm();
    const title = screen.getByRole('textbox', { name: /^Titre/ });
    await userEvent.type(title, 'Court');
    await submit();
    await waitFor(() => expect(describedErrors(title)).toBe('Saisissez au moins 10 caractères.'));
    expect(title).toHaveFocus();

    await userEvent.type(title, ' mais maintenant assez long');
    expect(title).not.toHaveAttribute('aria-invalid');
    expect(describedErrors(title)).toBe('');
  });

  it('shows the field errors the API returns and focuses the first of them', async () => {
    const user = userEvent.setup();
    const input = {
      consultationId: consultation.id,
      title: 'Des cantines bio gérées en régie',
      summary: 'Généraliser les cantines bio et locales gérées en régie.',
      body: 'Les communes qui ont repris leur cantine en régie servent des repas bio et locaux sans surcoût.',
      themeIds: [themes[0].id],
      territoryId: lyon.id,
      competentLevel: 'COMMUNE',
      lever: 'PUBLIC_PROCUREMENT',
      experiment: null,
      measuredImpact: null,
    };
    const mocks: MockLink.MockedResponse[] = [
      {
        request: {
          query: TERRITORIES_QUERY,
          variables: { search: 'Lyon', levels: ['COMMUNE'], first: 10 },
        },
        result: { data: { territories: [lyon] } },
      },
      {
        request: { query: SUBMIT_PROPOSAL_MUTATION, variables: { input } },
        result: {
          errors: [
            new GraphQLError('Données invalides.', {
              extensions: {
                code: 'BAD_USER_INPUT',
                reason: 'INVALID_INPUT',
                fields: [
                  { field: 'summary', rule: 'duplicate', message: 'Ce résumé existe déjà.' },
                ],
              },
            }),
          ],
        },
      },
    ];
    renderForm(mocks);

    const paste = async (field: HTMLElement, text: string) => {
      await user.click(field);
      await user.paste(text);
    };
    await paste(screen.getByRole('textbox', { name: /^Titre/ }), input.title);
    await paste(screen.getByRole('textbox', { name: /^Résumé/ }), input.summary);
    await paste(screen.getByRole('textbox', { name: /^Proposition détaillée/ }), input.body);
    await user.click(screen.getByRole('checkbox', { name: 'Transition écologique' }));
    await user.type(screen.getByRole('combobox', { name: /^Territoire/ }), 'Lyon');
    await user.click(await screen.findByRole('option', { name: 'Lyon (69)' }, { timeout: 3000 }));
    await user.selectOptions(
      screen.getByRole('combobox', { name: /^Échelon compétent/ }),
      'COMMUNE',
    );
    await user.selectOptions(
      screen.getByRole('combobox', { name: /^Levier d’action/ }),
      'PUBLIC_PROCUREMENT',
    );
    await submit();

    const summary = screen.getByRole('textbox', { name: /^Résumé/ });
    await waitFor(() => expect(describedErrors(summary)).toBe('Ce résumé existe déjà.'));
    expect(summary).toHaveFocus();
    expect(within(document.body).queryByText('Ce champ est obligatoire.')).not.toBeInTheDocument();
  });
});

describe('SubmitProposalForm: publish or save as draft', () => {
  const user = userEvent.setup();
  const input = {
    consultationId: consultation.id,
    title: 'Des cantines bio gérées en régie',
    summary: 'Généraliser les cantines bio et locales gérées en régie.',
    body: 'Les communes qui ont repris leur cantine en régie servent des repas bio et locaux sans surcoût.',
    themeIds: [themes[0].id],
    territoryId: lyon.id,
    competentLevel: 'COMMUNE',
    lever: 'PUBLIC_PROCUREMENT',
    experiment: null,
    measuredImpact: null,
  } as const;
  const saved = (status: 'PUBLISHED' | 'DRAFT'): ProposalDetail => ({
    __typename: 'Proposal',
    id: uuid(42),
    erased: false,
    title: input.title,
    summary: input.summary,
    status,
    themes: [themes[0]],
    territory: lyon,
    author: {
      __typename: 'Participant',
      id: uuid(2),
      displayName: 'Camille',
      actorType: 'CITIZEN',
      deleted: false,
    },
    votesFor: 0,
    votesAgainst: 0,
    votesNeutral: 0,
    commentsCount: 0,
    publishedAt: status === 'DRAFT' ? null : '2026-11-27T09:00:00.000Z',
    createdAt: '2026-11-27T09:00:00.000Z',
    body: input.body,
    competentLevel: 'COMMUNE',
    lever: 'PUBLIC_PROCUREMENT',
    experiment: null,
    measuredImpact: null,
    organisation: null,
    consultation: {
      __typename: 'Consultation',
      id: consultation.id,
      slug: consultation.slug,
      title: consultation.title,
    },
    updatedAt: '2026-11-27T09:00:00.000Z',
    version: 1,
  });
  const lyonSearch: MockLink.MockedResponse = {
    request: {
      query: TERRITORIES_QUERY,
      variables: { search: 'Lyon', levels: ['COMMUNE'], first: 10 },
    },
    result: { data: { territories: [lyon] } },
  };

  const noExperiment: MockLink.MockedResponse = {
    request: { query: EXPERIMENT_OPTIONS_QUERY, variables: () => true },
    result: { data: { experiments: { __typename: 'ExperimentConnection', nodes: [] } } },
    maxUsageCount: Number.POSITIVE_INFINITY,
  };

  /** Where the form went after saving, and what the layout was asked to announce there. */
  function ProposalPageProbe() {
    const location = useLocation();
    const announce = (location.state as { announce?: string } | null)?.announce;
    return (
      <p data-testid="proposal-page">
        {location.pathname}
        {announce ? ` · ${announce}` : ''}
      </p>
    );
  }

  const renderRoutes = (mocks: MockLink.MockedResponse[]) =>
    renderWithApp(
      <Routes>
        <Route
          path="/"
          element={<SubmitProposalForm consultations={[consultation]} themes={themes} />}
        />
        <Route path="/propositions/:id" element={<ProposalPageProbe />} />
      </Routes>,
      { mocks: [...mocks, lyonSearch, noExperiment, noSimilarProposals, noOrganisation] },
    );

  async function fillValidProposal() {
    const paste = async (field: HTMLElement, text: string) => {
      await user.click(field);
      await user.paste(text);
    };
    await paste(screen.getByRole('textbox', { name: /^Titre/ }), input.title);
    await paste(screen.getByRole('textbox', { name: /^Résumé/ }), input.summary);
    await paste(screen.getByRole('textbox', { name: /^Proposition détaillée/ }), input.body);
    await user.click(screen.getByRole('checkbox', { name: 'Transition écologique' }));
    await user.type(screen.getByRole('combobox', { name: /^Territoire/ }), 'Lyon');
    await user.click(await screen.findByRole('option', { name: 'Lyon (69)' }, { timeout: 3000 }));
    await user.selectOptions(
      screen.getByRole('combobox', { name: /^Échelon compétent/ }),
      input.competentLevel,
    );
    await user.selectOptions(
      screen.getByRole('combobox', { name: /^Levier d’action/ }),
      input.lever,
    );
  }

  const saveAsDraft = () =>
    user.click(screen.getByRole('button', { name: 'Enregistrer comme brouillon' }));

  beforeEach(() => window.localStorage.clear());

  it('publishes without asDraft, then opens the proposal page', async () => {
    renderRoutes([
      {
        request: { query: SUBMIT_PROPOSAL_MUTATION, variables: { input } },
        result: { data: { submitProposal: saved('PUBLISHED') } },
      },
    ]);
    await fillValidProposal();
    await user.click(screen.getByRole('button', { name: 'Publier la proposition' }));

    expect(await screen.findByTestId('proposal-page')).toHaveTextContent(
      /^\/propositions\/00000000-0000-4000-8000-000000000042$/,
    );
  });

  it('checks a draft with the same rules before sending anything', async () => {
    renderRoutes([]);
    await saveAsDraft();

    const title = screen.getByRole('textbox', { name: /^Titre/ });
    await waitFor(() => expect(title).toHaveFocus());
    expect(describedErrors(title)).toBe('Ce champ est obligatoire.');
    expect(screen.getByText(/Le formulaire contient 7 erreurs/)).toBeInTheDocument();
    expect(screen.queryByTestId('proposal-page')).not.toBeInTheDocument();
  });

  it('saves a draft with asDraft: true, then opens its page and announces it', async () => {
    renderRoutes([
      {
        request: {
          query: SUBMIT_PROPOSAL_MUTATION,
          variables: { input: { ...input, asDraft: true } },
        },
        result: { data: { submitProposal: saved('DRAFT') } },
      },
    ]);
    await fillValidProposal();
    await saveAsDraft();

    expect(await screen.findByTestId('proposal-page')).toHaveTextContent(
      '/propositions/00000000-0000-4000-8000-000000000042 · Votre brouillon est enregistré. Publiez-le depuis cette page quand il est prêt.',
    );
  });

  it("shows the API's message when saving the draft fails", async () => {
    renderRoutes([
      {
        request: {
          query: SUBMIT_PROPOSAL_MUTATION,
          variables: { input: { ...input, asDraft: true } },
        },
        result: {
          errors: [
            new GraphQLError('Le dépôt des propositions est fermé pour cette consultation.', {
              extensions: { code: 'FORBIDDEN', reason: 'PROPOSING_CLOSED' },
            }),
          ],
        },
      },
    ]);
    await fillValidProposal();
    await saveAsDraft();

    expect(
      await screen.findByText('Le dépôt des propositions est fermé pour cette consultation.'),
    ).toBeInTheDocument();
    expect(screen.queryByTestId('proposal-page')).not.toBeInTheDocument();
  });
});
