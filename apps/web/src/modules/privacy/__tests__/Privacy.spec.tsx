import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { Route, Routes } from 'react-router';
import { renderWithApp } from '../../../testing/render';
import { PrivacyPage } from '../components/PrivacyPage';
import { PrivacySection } from '../components/PrivacySection';
import { DELETE_MY_ACCOUNT_MUTATION } from '../graphql/privacy.documents';

describe('PrivacyPage', () => {
  it('states the legal bases, the retention periods and links to the rights', () => {
    renderWithApp(<PrivacyPage />);
    expect(screen.getByRole('heading', { level: 1, name: /Confidentialité/ })).toBeInTheDocument();
    expect(screen.getByText(/consentement explicite/)).toBeInTheDocument();
    expect(screen.getByText(/365 jours.*90 jours.*30 jours/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /Mes données/ })).toHaveAttribute(
      'href',
      '/profil#mes-donnees',
    );
  });

  it('is translated into English', () => {
    renderWithApp(<PrivacyPage />, { language: 'en' });
    expect(
      screen.getByRole('heading', { level: 1, name: 'Privacy and personal data' }),
    ).toBeInTheDocument();
    expect(screen.getByText(/special-category data/)).toBeInTheDocument();
  });
});

describe('PrivacySection', () => {
  const input = {
    mode: 'ERASE_CONTRIBUTIONS',
    password: 'mon mot de passe',
    confirmation: 'camille@example.org',
  };

  it('offers the export download', () => {
    renderWithApp(<PrivacySection />);
    expect(screen.getByRole('link', { name: 'Télécharger mes données' })).toHaveAttribute(
      'href',
      '/api/me/export',
    );
  });

  it('deletes the account in the chosen mode, then lands home', async () => {
    const user = userEvent.setup();
    renderWithApp(
      <Routes>
        <Route path="/profil" element={<PrivacySection />} />
        <Route path="/" element={<p>Accueil</p>} />
      </Routes>,
      {
        route: '/profil',
        mocks: [
          {
            request: { query: DELETE_MY_ACCOUNT_MUTATION, variables: { input } },
            result: { data: { deleteMyAccount: true } },
          },
        ],
      },
    );
    await user.click(screen.getByRole('button', { name: 'Supprimer mon compte…' }));
    await user.click(await screen.findByRole('radio', { name: /Les effacer/ }));
    await user.type(screen.getByLabelText('Mot de passe actuel'), input.password);
    await user.type(
      screen.getByRole('textbox', { name: /saisissez votre adresse e-mail/ }),
      input.confirmation,
    );
    await user.click(screen.getByRole('button', { name: 'Supprimer définitivement' }));
    expect(await screen.findByText('Accueil')).toBeInTheDocument();
  });

  it('shows the API’s refusal, e.g. a wrong password, and stays', async () => {
    const user = userEvent.setup();
    renderWithApp(<PrivacySection />, {
      mocks: [
        {
          request: {
            query: DELETE_MY_ACCOUNT_MUTATION,
            variables: { input: { ...input, mode: 'KEEP_CONTRIBUTIONS', password: 'faux' } },
          },
          result: {
            errors: [
              new GraphQLError('Mot de passe actuel incorrect.', {
                extensions: { code: 'BAD_USER_INPUT', reason: 'PASSWORD_INCORRECT' },
              }),
            ],
          },
        },
      ],
    });
    await user.click(screen.getByRole('button', { name: 'Supprimer mon compte…' }));
    await user.type(await screen.findByLabelText('Mot de passe actuel'), 'faux');
    await user.type(
      screen.getByRole('textbox', { name: /saisissez votre adresse e-mail/ }),
      input.confirmation,
    );
    await user.click(screen.getByRole('button', { name: 'Supprimer définitivement' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/Mot de passe actuel incorrect/);
  });
});
