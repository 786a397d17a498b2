import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { MockLink } from '@apollo/client/testing';
import { renderWithApp } from '../../../testing/render';
import { SignInPage } from '../components/SignInPage';
import { SignUpPage } from '../components/SignUpPage';
import { ME_QUERY } from '../graphql/auth.documents';
import { AUTH_PROVIDERS_QUERY } from '../graphql/auth-providers.documents';

const anonymous: MockLink.MockedResponse = {
  request: { query: ME_QUERY },
  result: { data: { me: null } },
  maxUsageCount: Number.POSITIVE_INFINITY,
};
const providers = (list: { id: string; name: string; startUrl: string }[]) => ({
  request: { query: AUTH_PROVIDERS_QUERY },
  result: {
    data: { authProviders: list.map((provider) => ({ __typename: 'AuthProvider', ...provider })) },
  },
  maxUsageCount: Number.POSITIVE_INFINITY,
});
const franceConnect = providers([
  { id: 'oidc', name: 'FranceConnect', startUrl: '/api/auth/oidc/start' },
]);

describe('OpenID Connect sign-in on the sign-in page', () => {
  it('links to the provider, coming back to next', async () => {
    renderWithApp(<SignInPage />, {
      route: '/connexion?next=/propositions',
      mocks: [anonymous, franceConnect],
    });
    const link = await screen.findByRole('link', { name: 'Se connecter avec FranceConnect' });
    expect(link).toHaveAttribute('href', '/api/auth/oidc/start?next=%2Fpropositions');
  });

  it('shows no button when no provider is configured', async () => {
    renderWithApp(<SignInPage />, { route: '/connexion', mocks: [anonymous, providers([])] });
    await screen.findByRole('button', { name: 'Se connecter' });
    expect(screen.queryByRole('link', { name: /avec/ })).not.toBeInTheDocument();
  });

  it('explains the error code the API sent back, in French or English', async () => {
    renderWithApp(<SignInPage />, {
      route: '/connexion?erreur=OIDC_EMAIL_UNVERIFIED',
      mocks: [anonymous, franceConnect],
    });
    expect(await screen.findByRole('alert')).toHaveTextContent(
      /Un compte existe déjà avec cette adresse/,
    );
    renderWithApp(<SignInPage />, {
      route: '/connexion?erreur=OIDC_SIGN_IN_FAILED',
      mocks: [anonymous, franceConnect],
      language: 'en',
    });
    expect(await screen.findByText(/failed or expired/)).toBeInTheDocument();
  });

  it('never shows the text of an unknown code', async () => {
    renderWithApp(<SignInPage />, {
      route: `/connexion?erreur=${encodeURIComponent('<b>Votre compte est bloqué</b>')}`,
      mocks: [anonymous, franceConnect],
    });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('La connexion a échoué. Réessayez depuis cette page.');
    expect(alert).not.toHaveTextContent(/bloqué/);
  });
});

describe('OpenID Connect sign-up', () => {
  it('stays disabled until the terms are accepted, then says so to the API', async () => {
    renderWithApp(<SignUpPage />, {
      route: '/inscription?next=/proposer&erreur=OIDC_TERMS_REQUIRED',
      mocks: [anonymous, franceConnect],
    });
    expect(await screen.findByRole('alert')).toHaveTextContent(/Acceptez les conditions/);
    const blocked = await screen.findByRole('button', {
      name: 'Créer un compte avec FranceConnect',
    });
    expect(blocked).toBeDisabled();
    expect(blocked).toHaveAccessibleDescription(/Acceptez d’abord les conditions/);

    await userEvent.click(screen.getByRole('checkbox'));
    const link = await screen.findByRole('link', { name: 'Créer un compte avec FranceConnect' });
    expect(link).toHaveAttribute('href', '/api/auth/oidc/start?next=%2Fproposer&terms=accepted');
  });
});
