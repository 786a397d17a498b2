import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { renderWithApp } from '../../../testing/render';
import { ChangePasswordSection } from '../components/ChangePasswordSection';
import { CHANGE_PASSWORD_MUTATION } from '../graphql/change-password.documents';

const input = {
  currentPassword: 'mon ancien mot de passe',
  newPassword: 'une toute nouvelle phrase',
};

async function fill(current: string, next: string) {
  const user = userEvent.setup();
  await user.type(screen.getByLabelText(/Mot de passe actuel/), current);
  await user.type(screen.getByLabelText(/Nouveau mot de passe/), next);
  await user.click(screen.getByRole('button', { name: 'Changer le mot de passe' }));
}

describe('ChangePasswordSection', () => {
  it('changes the password and says the other devices were signed out', async () => {
    renderWithApp(<ChangePasswordSection />, {
      mocks: [
        {
          request: { query: CHANGE_PASSWORD_MUTATION, variables: { input } },
          result: {
            data: {
              changePassword: {
                __typename: 'AuthPayload',
                user: { __typename: 'User', id: '00000000-0000-4000-8000-000000000001' },
              },
            },
          },
        },
      ],
    });
    expect(
      screen.getByRole('heading', { level: 2, name: 'Changer mon mot de passe' }),
    ).toBeInTheDocument();
    await fill(input.currentPassword, input.newPassword);
    expect(await screen.findByRole('status')).toHaveTextContent(
      'Votre mot de passe est changé. Vos autres appareils ont été déconnectés.',
    );
    expect(screen.getByLabelText(/Mot de passe actuel/)).toHaveValue('');
  });

  it('checks the sign-up rules before sending, next to the field', async () => {
    renderWithApp(<ChangePasswordSection />, { mocks: [] });
    await fill('x', 'court');
    const field = screen.getByLabelText(/Nouveau mot de passe/);
    expect(field).toHaveAccessibleDescription(/Saisissez au moins 10 caractères\./);
    expect(field).toHaveFocus();
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
  });

  it('shows a wrong current password next to that field', async () => {
    renderWithApp(<ChangePasswordSection />, {
      mocks: [
        {
          request: { query: CHANGE_PASSWORD_MUTATION, variables: { input } },
          result: {
            errors: [
              new GraphQLError('Mot de passe actuel incorrect.', {
                extensions: {
                  code: 'BAD_USER_INPUT',
                  reason: 'PASSWORD_INCORRECT',
                  fields: [
                    {
                      field: 'currentPassword',
                      rule: 'incorrect',
                      message:
                        'Mot de passe actuel incorrect : saisissez celui avec lequel vous vous connectez.',
                    },
                  ],
                },
              }),
            ],
          },
        },
      ],
    });
    await fill(input.currentPassword, input.newPassword);
    expect(
      await screen.findByText(
        'Mot de passe actuel incorrect : saisissez celui avec lequel vous vous connectez.',
      ),
    ).toBeVisible();
    const current = screen.getByLabelText(/Mot de passe actuel/);
    expect(current).toHaveAccessibleDescription(/Mot de passe actuel incorrect/);
    expect(current).toHaveFocus();
  });

  it('is translated into English', () => {
    renderWithApp(<ChangePasswordSection />, { language: 'en', mocks: [] });
    expect(screen.getByRole('heading', { level: 2, name: 'Change my password' })).toBeVisible();
    expect(screen.getByLabelText(/Current password/)).toBeInTheDocument();
  });
});
