import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import type { MockLink } from '@apollo/client/testing';
import type { Theme } from '../../../shared/graphql/schema-types';
import { renderWithApp } from '../../../testing/render';
import { ME_QUERY } from '../../auth/graphql/auth.documents';
import { AdminRoutes } from '../components/AdminRoutes';
import { ConsultationForm } from '../components/ConsultationForm';
import {
  CREATE_CONSULTATION_MUTATION,
  type CreateConsultationInput,
} from '../graphql/admin.documents';

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

/** The error message Mantine links to a field with aria-describedby. */
function describedErrors(field: HTMLElement): string {
  const ids = (field.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
  return ids
    .filter((id) => id.endsWith('-error'))
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');
}

const expectedInput: CreateConsultationInput = {
  slug: 'budget-participatif-de-l-ess',
  title: 'Budget participatif de l’ESS',
  description: 'Proposez et choisissez les projets de l’économie sociale à financer.',
  territoryId: null,
  themeIds: [uuid(12)],
  phases: [
    {
      kind: 'PROPOSING',
      startsAt: new Date('2027-01-10T09:00').toISOString(),
      endsAt: new Date('2027-02-10T18:00').toISOString(),
    },
  ],
  settings: {
    reportThreshold: 4,
    preModeration: true,
    voteValues: ['FOR', 'AGAINST'],
    collegeThresholds: { minForShare: 0.6, minColleges: 3, minVotesPerCollege: 10 },
  },
};

describe('ConsultationForm', () => {
  it('always offers FOR: shown ticked and not editable', () => {
    renderWithApp(<ConsultationForm themes={themes} />);
    const forBox = screen.getByRole('checkbox', { name: 'Pour' });
    expect(forBox).toBeChecked();
    expect(forBox).toBeDisabled();
    expect(screen.getByRole('checkbox', { name: 'Contre' })).toBeEnabled();
  });

  it('sends the form as CreateConsultationInput and shows the API field errors, keeping every value', async () => {
    const user = userEvent.setup();
    const mocks: MockLink.MockedResponse[] = [
      {
        request: { query: CREATE_CONSULTATION_MUTATION, variables: { input: expectedInput } },
        result: {
          errors: [
            new GraphQLError('Données invalides.', {
              extensions: {
                code: 'BAD_USER_INPUT',
                reason: 'INVALID_INPUT',
                fields: [
                  {
                    field: 'settings.collegeThresholds.minColleges',
                    rule: 'max',
                    message: 'Trop de collèges pour cette consultation.',
                  },
                ],
              },
            }),
          ],
        },
      },
    ];
    renderWithApp(<ConsultationForm themes={themes} />, { mocks });

    const title = screen.getByRole('textbox', { name: /^Titre/ });
    await user.click(title);
    await user.paste(expectedInput.title);
    // The slug follows the title until it is typed in.
    expect(screen.getByRole('textbox', { name: /^Adresse courte/ })).toHaveValue(
      expectedInput.slug,
    );
    await user.click(screen.getByRole('textbox', { name: /^Description/ }));
    await user.paste(expectedInput.description);
    await user.click(screen.getByRole('checkbox', { name: 'Démocratie économique' }));
    fireEvent.change(screen.getByLabelText(/^Début/), { target: { value: '2027-01-10T09:00' } });
    fireEvent.change(screen.getByLabelText(/^Fin/), { target: { value: '2027-02-10T18:00' } });
    const threshold = screen.getByRole('textbox', { name: /^Seuil de signalements/ });
    await user.clear(threshold);
    await user.type(threshold, '4');
    await user.click(screen.getByRole('checkbox', { name: /^Pré-modération/ }));
    await user.click(screen.getByRole('checkbox', { name: 'Neutre' }));
    await user.click(screen.getByRole('button', { name: 'Créer la consultation' }));

    const colleges = screen.getByRole('textbox', { name: /^Nombre minimal de collèges/ });
    await waitFor(() =>
      expect(describedErrors(colleges)).toBe('Trop de collèges pour cette consultation.'),
    );
    expect(colleges).toHaveFocus();
    // Nothing typed is lost.
    expect(title).toHaveValue(expectedInput.title);
    expect(threshold).toHaveValue('4');
    expect(screen.getByRole('checkbox', { name: 'Neutre' })).not.toBeChecked();
    expect(screen.getByLabelText(/^Début/)).toHaveValue('2027-01-10T09:00');
  });

  it('checks the form before sending: required values and the domain rules', async () => {
    const user = userEvent.setup();
    renderWithApp(<ConsultationForm themes={themes} />);
    await user.click(screen.getByRole('button', { name: 'Créer la consultation' }));

    const title = screen.getByRole('textbox', { name: /^Titre/ });
    await waitFor(() => expect(title).toHaveFocus());
    expect(describedErrors(title)).not.toBe('');
    expect(describedErrors(screen.getByLabelText(/^Début/))).toBe('Ce champ est obligatoire.');
    expect(describedErrors(screen.getByRole('group', { name: /^Thèmes/ }))).not.toBe('');
  });
});

describe('AdminRoutes', () => {
  it('tells a participant the area is for administrators', async () => {
    const me: MockLink.MockedResponse = {
      request: { query: ME_QUERY },
      result: {
        data: {
          me: {
            __typename: 'User',
            id: uuid(1),
            email: 'camille@example.org',
            displayName: 'Camille',
            role: 'PARTICIPANT',
            actorType: 'CITIZEN',
            territory: null,
          },
        },
      },
    };
    renderWithApp(<AdminRoutes />, { mocks: [me], route: '/admin/consultations' });
    expect(await screen.findByRole('alert')).toHaveTextContent(
      /réservé aux administrateurs et administratrices/,
    );
    expect(screen.queryByRole('button', { name: 'Nouvelle consultation' })).not.toBeInTheDocument();
  });
});
